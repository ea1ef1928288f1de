// Streaming RDF reader: N-Triples, N-Quads and Turtle through serd, plus a
// tab-separated form (see below). Statements are handed to a sink one at a
// time; the input is read in pages, never held whole in memory.
//
// Terms as delivered: relative IRIs and prefixed names are resolved against
// the base / @prefix directives; blank node labels get
// RdfReadOptions::blank_prefix prepended (so two files never share a blank
// node); an explicit ^^xsd:string datatype is dropped (a plain literal is the
// same term); language tags are lower-cased.
//
// Tab-separated form (.tsv): one `subject<TAB>predicate<TAB>object` a line;
// empty lines and lines starting with '#' are skipped, a trailing CR is
// dropped. Each field is either
//   <iri>              an IRI (relative ones resolve against the base),
//   _:label            a blank node,
//   "text"@lang / "text"^^<datatype> / "text"   an N-Triples literal (object),
//   or a bare name     subject/predicate: an IRI. Names with "://" are taken
//                      as absolute IRIs, `rdf:` `rdfs:` `xsd:` `owl:` prefixes
//                      expand, anything else becomes <base + name> with spaces
//                      as '_' and characters not allowed in IRIs %-encoded.
//                      Object: a plain literal of the text, in which the
//                      escapes \t \n \r and \\ (backslash) are decoded.
//
// Failure: the first malformed line stops the read with InvalidArgument
// "NAME:LINE: reason" (NAME is RdfReadOptions::name); statements already handed
// to the sink must then be discarded by the caller. Read errors are IOError.
// Thread-safety: the functions are reentrant; a sink is called on the caller's
// thread.
#ifndef KG_INGEST_RDF_READER_H_
#define KG_INGEST_RDF_READER_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"
#include "storage/store.h"
#include "storage/term.h"

namespace kg {

enum class RdfFormat { kNTriples, kNQuads, kTurtle, kTsv };

// "nt"/"ntriples", "nq"/"nquads", "ttl"/"turtle", "tsv" (case-insensitive).
StatusOr<RdfFormat> RdfFormatFromName(std::string_view name);
// By the file extension (.nt .nq .ttl .tsv); InvalidArgument otherwise.
StatusOr<RdfFormat> RdfFormatFromPath(std::string_view path);
std::string_view RdfFormatName(RdfFormat format);

struct RdfReadOptions {
  RdfFormat format = RdfFormat::kNTriples;
  std::string name = "-";  // used in error messages: "NAME:LINE: reason"
  std::string base_iri = std::string(kDefaultBaseIri);
  std::string blank_prefix;  // prepended to every blank node label
};

// Receives each statement; `graph` is the named graph of an N-Quads line, else
// nullptr. A non-OK return stops the read and is reported at the line.
using RdfSink = std::function<Status(const Triple& triple, const Term* graph)>;

struct RdfReadSummary {
  uint64_t statements = 0;   // statements handed to the sink
  uint64_t bytes = 0;        // bytes read
  std::string content_hash;  // of the bytes read, see ContentHasher
};

// Reads `file` (not owned, not closed) to its end.
StatusOr<RdfReadSummary> ReadRdf(std::FILE* file, const RdfReadOptions& options,
                                 const RdfSink& sink);
// Opens `path` ("-" = stdin) and reads it.
StatusOr<RdfReadSummary> ReadRdfFile(const std::string& path,
                                     const RdfReadOptions& options,
                                     const RdfSink& sink);
// Reads in-memory text (tests, small inputs).
StatusOr<RdfReadSummary> ReadRdfString(std::string_view text,
                                       const RdfReadOptions& options,
                                       const RdfSink& sink);
// Convenience: all triples of the text, graph names dropped.
StatusOr<std::vector<Triple>> ReadRdfTriples(std::string_view text,
                                             const RdfReadOptions& options);

enum class BareName { kIri, kLiteral };
// One term written as on the command line or in a TSV field: N-Triples syntax
// (<iri>, _:b, "text"@en, "1"^^<...>) or a bare name, read as the TSV rules
// above say (`bare` picks the subject/predicate or the object rule).
StatusOr<Term> ParseTermText(std::string_view text, BareName bare,
                             std::string_view base_iri = kDefaultBaseIri);

}  // namespace kg

#endif  // KG_INGEST_RDF_READER_H_
