// The SPARQL parser: query text to the algebra of query/algebra.h.
// Covers SELECT, ASK and CONSTRUCT with the patterns, expressions, paths and
// solution modifiers listed in docs (no subqueries, GRAPH or SERVICE).
// A syntax error is InvalidArgument("line L, column C: expected X, found Y").
// Thread-safe (no shared state).
#ifndef KG_QUERY_PARSER_H_
#define KG_QUERY_PARSER_H_

#include <string_view>

#include "query/algebra.h"
#include "storage/status.h"

namespace kg::query {

// Prefixes rdf:, rdfs:, xsd: and kg: (http://kg.local/) are predeclared; the
// default base IRI is http://kg.local/.
StatusOr<Query> ParseQuery(std::string_view text);

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_H_
