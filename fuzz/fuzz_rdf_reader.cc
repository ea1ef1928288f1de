// libFuzzer target: the streaming RDF reader (serd) and the TSV form over
// untrusted bytes. The first byte picks the format (N-Triples, N-Quads,
// Turtle, TSV); the rest is the document. Also feeds the text to
// ParseTermText both ways. Contract checked: no crash; on success every
// delivered term round-trips through Term::Encode/Decode.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/rdf_reader.h"
#include "storage/term.h"

namespace {

void CheckRoundTrip(const kg::Term& t) {
  auto back = kg::Term::Decode(t.Encode());
  if (!back.ok() || *back != t) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr kg::RdfFormat kFormats[] = {
      kg::RdfFormat::kNTriples, kg::RdfFormat::kNQuads, kg::RdfFormat::kTurtle,
      kg::RdfFormat::kTsv};
  kg::RdfReadOptions options;
  options.format = kFormats[data[0] % 4];
  options.name = "fuzz";
  options.blank_prefix = "f";
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto summary = kg::ReadRdfString(
      text, options, [](const kg::Triple& t, const kg::Term* graph) {
        CheckRoundTrip(t.subject);
        CheckRoundTrip(t.predicate);
        CheckRoundTrip(t.object);
        if (graph != nullptr) CheckRoundTrip(*graph);
        return kg::Status::OK();
      });
  (void)summary;
  if (text.size() < 4096) {
    auto a = kg::ParseTermText(text, kg::BareName::kIri);
    if (a.ok()) CheckRoundTrip(*a);
    auto b = kg::ParseTermText(text, kg::BareName::kLiteral);
    if (b.ok()) CheckRoundTrip(*b);
  }
  return 0;
}
