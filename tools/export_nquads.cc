#include "tools/export_nquads.h"

#include "ingest/rdf_writer.h"
#include "tools/store_output.h"

namespace kg::cli {

std::string DocumentGraphIri(const std::string& base, const std::string& id) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string iri = base + "doc/";
  for (unsigned char c : id) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                            c == '_' || c == '~';
    if (unreserved) {
      iri.push_back(static_cast<char>(c));
    } else {
      iri.push_back('%');
      iri.push_back(kHex[c >> 4]);
      iri.push_back(kHex[c & 15]);
    }
  }
  return iri;
}

StatusOr<NQuadsCounts> ExportNQuads(const DocumentScan& scan,
                                    const std::string& base, std::FILE* out) {
  NQuadsCounts counts;
  RdfWriter writer(out, RdfOutputFormat::kNQuads);
  TermCache cache(scan.view());
  Status st = scan.ForEach(
      [&](const DocumentRecord& doc, const std::vector<IdTriple>& triples) {
        const Term graph = Term::Iri(DocumentGraphIri(base, doc.id));
        ++counts.graphs;
        for (const IdTriple& t : triples) {
          StatusOr<Triple> triple = cache.Resolve(t);
          if (!triple.ok()) return triple.status();
          KG_RETURN_IF_ERROR(writer.Write(*triple, &graph));
          ++counts.quads;
        }
        return Status::OK();
      });
  if (st.ok()) st = writer.Finish();
  if (!st.ok()) return st;
  return counts;
}

}  // namespace kg::cli
