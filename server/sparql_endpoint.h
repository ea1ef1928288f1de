// The query operation of the SPARQL 1.1 Protocol over a store snapshot: runs
// one query and answers with its results in the format the client accepts.
// SELECT and ASK: SPARQL Results JSON (application/sparql-results+json, also
// for application/json and wildcards), CSV (text/csv) or TSV
// (text/tab-separated-values); CONSTRUCT: N-Triples (application/n-triples)
// whatever the Accept header says. A syntax error is a 400 whose JSON body
// names the line and column; a query stopped by the timeout or row limit is
// a 503 (code "timeout" / "limit"); no acceptable format is a 406.
// Thread-safety: pure function of its arguments; the view is used by the
// calling thread only.
#ifndef KG_SERVER_SPARQL_ENDPOINT_H_
#define KG_SERVER_SPARQL_ENDPOINT_H_

#include <optional>
#include <string>
#include <string_view>

#include "query/query.h"
#include "query/result_writer.h"
#include "server/api_response.h"
#include "storage/store.h"

namespace kg::server {

struct NegotiatedFormat {
  query::ResultFormat format;
  std::string content_type;
};

// The results format for an Accept header (q-values honoured, ties go to the
// earlier range; empty = anything) or an explicit `format` name (json, csv,
// tsv), which wins. nullopt when the client accepts none of them.
std::optional<NegotiatedFormat> NegotiateResultFormat(
    std::string_view accept, std::string_view format = {});

// Runs `query` and renders the answer (see the file comment).
ApiResponse RunSparql(const ReadView& view, std::string_view query,
                      std::string_view accept, std::string_view format,
                      const query::QueryOptions& options);

}  // namespace kg::server

#endif  // KG_SERVER_SPARQL_ENDPOINT_H_
