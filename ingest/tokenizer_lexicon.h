// Word lists and character classes shared by the tokenizer and the sentence
// splitter (internal to ingest/). All lookups are case-sensitive unless noted
// and thread-safe (immutable tables).
#ifndef KG_INGEST_TOKENIZER_LEXICON_H_
#define KG_INGEST_TOKENIZER_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace kg::lexicon {

// Decodes the UTF-8 code point at s[i]; sets *len to its byte length (1 for an
// invalid byte, which is returned as 0xFFFD).
char32_t Decode(std::string_view s, size_t i, int* len);

bool IsSpace(char32_t c);
bool IsNewline(char32_t c);  // \n, U+2028; U+2029 counts as a paragraph break
bool IsPunct(char32_t c);    // ASCII punctuation and common Unicode marks
inline bool IsWordChar(char32_t c) {
  return c != 0 && !IsSpace(c) && !IsPunct(c);
}
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
// Upper-case letter (ASCII, Latin-1, Latin Extended-A/B, Greek, Cyrillic).
bool IsUpper(char32_t c);

// Word (without its final period) that takes a period as part of the token:
// "Mr", "Gen", "Jan", "Inc", "etc", ... Single letters are handled by callers.
bool IsAbbreviation(std::string_view word);
// Abbreviations that sit before a name or number and so never end a sentence
// ("Mr.", "Dr.", "Gen.", "St.", "Jan."). Takes the word without the period.
bool IsTitleAbbreviation(std::string_view word);
// Prefix before a hyphen that EWT keeps in one token ("non", "anti", "e");
// case-insensitive.
bool IsHyphenPrefix(std::string_view prefix);
// Top-level domain or file extension after a dot inside a word ("com",
// "uk", "pdf"); case-insensitive.
bool IsDomainSuffix(std::string_view s);
// Words that typically start a sentence ("The", "He", "But", ...): after an
// abbreviation such as "U.S." or "Inc." they signal a sentence boundary.
bool IsSentenceStarter(std::string_view word);

}  // namespace kg::lexicon

#endif  // KG_INGEST_TOKENIZER_LEXICON_H_
