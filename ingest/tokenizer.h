// Sentence splitting and tokenization following the UD English-EWT
// conventions the tagger and parser are trained on: punctuation split off,
// clitics split ('s n't 're 'll 'd 'm 've; can't → ca n't; cannot → can not),
// hyphens split except after common prefixes (non-, anti-, e-, ...), numbers
// (3.5, 1,000, 6:30), URLs, e-mail addresses and abbreviations (U.S., Mr.)
// kept whole, `$` and `%` split off. Every token keeps its exact byte span.
//
// All functions are pure, allocate their results and are thread-safe. Input
// is expected to be UTF-8; invalid bytes are treated as word characters.
#ifndef KG_INGEST_TOKENIZER_H_
#define KG_INGEST_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "ingest/sentence.h"

namespace kg {

// Splits `text` (a whole document) into tokenized sentences. Token and
// sentence offsets are byte offsets into `text`; Sentence::text is the
// sentence's span copied byte for byte. A blank line (paragraph break) always
// ends a sentence; so does a short line without final punctuation (a heading)
// followed by a capitalised line. Sentences longer than kMaxSentenceTokens
// tokens are cut. Whitespace-only text gives no sentences.
// REQUIRES: text.size() < 4 GiB (offsets are 32-bit).
std::vector<Sentence> SplitSentences(std::string_view text);

inline constexpr size_t kMaxSentenceTokens = 250;

// Tokenizes `text` as one stretch (no sentence splitting); offsets are
// relative to `text` plus `base`.
std::vector<Token> Tokenize(std::string_view text, uint32_t base = 0);

// One pre-tokenised sentence (e.g. a CaRB/PTB line: `Barbara 's`, `` `` ``,
// `-LRB-`): tokens are separated by spaces and kept exactly as given (a
// trailing "\n" or "\r\n" is dropped; runs of spaces give no empty tokens).
// Offsets are into the line; Sentence::text is the line.
Sentence TokenizePretokenized(std::string_view line);

// The form the tagger and parser should see for a token: PTB escapes and
// quote variants mapped to the characters UD EWT uses, everything else as is.
//   -LRB- → (   -RRB- → )   -LSB- → [   -RSB- → ]   -LCB- → {   -RCB- → }
//   `` '' “ ” „ → "          ` ‘ ’ → '        ’s n’t ’re … → 's n't 're …
//   – (en dash) → -          — (em dash) → --   … → ...
// Token::form itself is never changed.
std::string ParserForm(const Token& token);
std::string ParserForm(std::string_view form);

}  // namespace kg

#endif  // KG_INGEST_TOKENIZER_H_
