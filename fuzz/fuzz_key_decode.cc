// libFuzzer target: decoding of stored bytes (storage/key_codec.h,
// storage/term.h, storage/records.h). A damaged database must give a status,
// never a crash. Checks: Term::Decode of any bytes either fails or yields a
// term whose encoding decodes back to it; a 24-byte index key decodes and
// re-encodes to the same bytes in every index order; PrefixSuccessor is
// greater than its input; document and statement records fail cleanly.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "storage/key_codec.h"
#include "storage/records.h"
#include "storage/term.h"

namespace {

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "decode contract violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  auto term = kg::Term::Decode(bytes);
  if (term.ok()) {
    auto again = kg::Term::Decode(term->Encode());
    Require(again.ok() && *again == *term, "Term round trip");
    (void)term->ToNTriples();
  }

  if (bytes.size() >= kg::kIndexKeySize) {
    std::string_view key = bytes.substr(0, kg::kIndexKeySize);
    for (auto kind :
         {kg::IndexKind::kSpo, kg::IndexKind::kPos, kg::IndexKind::kOsp}) {
      kg::IdTriple t = kg::DecodeIndexKey(kind, key);
      kg::IndexKey back = kg::EncodeIndexKey(kind, t);
      Require(kg::KeyView(back) == key, "index key round trip");
    }
  }

  std::string succ = kg::PrefixSuccessor(bytes);
  Require(succ.empty() || succ > bytes, "PrefixSuccessor order");

  (void)kg::ParseDocument(bytes);
  (void)kg::ParseStatement(bytes);
  return 0;
}
