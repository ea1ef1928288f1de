// libFuzzer target: the model loader (what Parser::Load does after reading the
// file: ModelFile::Parse, then GreedyParser::Load, which loads the tagger and
// the weight tables) over untrusted bytes. The first byte picks the mode:
//   even: the rest is a whole *.kgm container (magic, sections, CRCs);
//   odd:  the rest is a list of sections, each a 4-byte tag, a 2-byte
//         little-endian length and the payload, wrapped into a valid
//         container here so that the section decoders (whose bytes a CRC
//         would otherwise guard) are reached.
// Contract checked: no crash; a model that loads can annotate a sentence.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "ingest/model_file.h"
#include "ingest/parser_greedy.h"
#include "ingest/sentence.h"
#include "ingest/tagger.h"
#include "ingest/tokenizer.h"

namespace {

void TryLoad(const kg::ModelFile& file) {
  auto tagger = kg::Tagger::Load(file, "fuzz");
  (void)tagger;
  auto parser = kg::GreedyParser::Load(file, "fuzz");
  if (!parser.ok()) return;
  kg::Sentence s = kg::TokenizePretokenized("The cat sat on the mat .");
  (*parser)->Annotate(&s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    auto file = kg::ModelFile::Parse(rest, "fuzz");
    if (file.ok()) TryLoad(*file);
    return 0;
  }
  kg::ModelFile file;
  while (rest.size() >= 6) {
    uint32_t tag = 0;
    std::memcpy(&tag, rest.data(), 4);
    size_t n = uint8_t(rest[4]) | size_t(uint8_t(rest[5])) << 8;
    rest.remove_prefix(6);
    n = std::min(n, rest.size());
    file.AddSection(tag, std::string(rest.substr(0, n)));
    rest.remove_prefix(n);
  }
  // Through the serialised form, as a real load would go.
  auto parsed = kg::ModelFile::Parse(file.Serialize(), "fuzz");
  if (parsed.ok()) TryLoad(*parsed);
  return 0;
}
