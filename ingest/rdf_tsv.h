// Internal to the RDF reader: the tab-separated form. Each line is rewritten
// as one N-Triples statement (the rules are in rdf_reader.h) and parsed by
// serd, so terms are checked exactly as in N-Triples files.
#ifndef KG_INGEST_RDF_TSV_H_
#define KG_INGEST_RDF_TSV_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "ingest/rdf_reader.h"

namespace kg {

// Reads `file` to its end as TSV; same contract as ReadRdf.
StatusOr<RdfReadSummary> ReadTsv(std::FILE* file, const RdfReadOptions& options,
                                 const RdfSink& sink);

// One field in N-Triples syntax: fields already in N-Triples syntax (<...>,
// _:..., "...") are returned as they are, bare names are converted.
StatusOr<std::string> FieldToNTriples(std::string_view field, BareName bare,
                                      std::string_view base_iri);

}  // namespace kg

#endif  // KG_INGEST_RDF_TSV_H_
