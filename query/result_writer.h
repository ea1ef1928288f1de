// Writes a query's results: an aligned table for people, TSV and CSV as the
// SPARQL 1.1 formats define them, SPARQL 1.1 Query Results JSON; ASK as
// true/false (JSON: {"head":{},"boolean":...}); CONSTRUCT always as
// N-Triples. Rows are collected first, so nothing is written when the query
// fails (the cursor's error is returned instead).
#ifndef KG_QUERY_RESULT_WRITER_H_
#define KG_QUERY_RESULT_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "query/query.h"

namespace kg::query {

enum class ResultFormat { kTable, kTsv, kCsv, kJson };

// "table", "tsv", "csv", "json"; InvalidArgument otherwise.
StatusOr<ResultFormat> ResultFormatFromName(std::string_view name);

// Drains `cursor` and writes its results to `out`. Returns the cursor's
// status (nothing written on error).
Status WriteResults(QueryCursor& cursor, ResultFormat format,
                    std::ostream& out);

// How the table shows a term: kg:, rdf:, rdfs: and xsd: IRIs abbreviated,
// numbers and booleans bare, other literals quoted with tag or datatype.
std::string DisplayTerm(const Term& term);

}  // namespace kg::query

#endif  // KG_QUERY_RESULT_WRITER_H_
