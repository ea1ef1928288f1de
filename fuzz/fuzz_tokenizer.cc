// libFuzzer target: sentence splitting and tokenization over untrusted text.
// Checks the documented contracts of ingest/tokenizer.h: sentence spans lie in
// the text and Sentence::text is the span byte for byte; tokens lie inside
// their sentence, begin <= end; no sentence exceeds kMaxSentenceTokens;
// pre-tokenised offsets lie inside the line. Also runs ParserForm on every
// token.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "ingest/tokenizer.h"

namespace {

void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "tokenizer contract violated: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const kg::Sentence& s : kg::SplitSentences(text)) {
    Require(s.begin <= s.end && s.end <= text.size(), "sentence span");
    Require(s.text == text.substr(s.begin, s.end - s.begin), "sentence text");
    Require(s.tokens.size() <= kg::kMaxSentenceTokens, "sentence length");
    for (const kg::Token& t : s.tokens) {
      Require(t.begin <= t.end, "token begin <= end");
      Require(t.begin >= s.begin && t.end <= s.end, "token inside sentence");
      (void)kg::ParserForm(t);
    }
  }
  for (const kg::Token& t : kg::Tokenize(text, 7)) {
    Require(t.begin >= 7 && t.begin <= t.end && t.end <= text.size() + 7,
            "Tokenize offsets");
  }
  kg::Sentence pre = kg::TokenizePretokenized(text);
  for (const kg::Token& t : pre.tokens) {
    Require(!t.form.empty(), "pretokenized empty token");
    Require(t.begin <= t.end && t.end <= text.size(), "pretokenized offsets");
    (void)kg::ParserForm(t.form);
  }
  return 0;
}
