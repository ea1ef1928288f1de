// `kg export --format nq`: every document's triples in a named graph of its
// own, <BASE>doc/<percent-encoded document id>. A triple several documents
// support appears once in each of their graphs; the entity layer's reified
// statements (rdf:Statement with <base>source, ...) are triples of their
// document, so they sit in its graph. Documents come in id order, each
// graph's triples in the store's spo order.
#ifndef KG_TOOLS_EXPORT_NQUADS_H_
#define KG_TOOLS_EXPORT_NQUADS_H_

#include <cstdio>
#include <string>

#include "storage/document_scan.h"

namespace kg::cli {

// The graph IRI of a document: `base` + "doc/" + the id with every byte
// outside [A-Za-z0-9-._~] percent-encoded (so it is reversible and a valid
// IRI whatever the id holds).
std::string DocumentGraphIri(const std::string& base, const std::string& id);

struct NQuadsCounts {
  uint64_t quads = 0, graphs = 0;
};

// Writes the N-Quads to `out` (borrowed). Errors: the store's read errors,
// IOError when `out` cannot be written.
StatusOr<NQuadsCounts> ExportNQuads(const DocumentScan& scan,
                                    const std::string& base, std::FILE* out);

}  // namespace kg::cli

#endif  // KG_TOOLS_EXPORT_NQUADS_H_
