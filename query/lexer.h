// The SPARQL tokenizer: turns query text into tokens that carry their line and
// column (1-based, columns in bytes) so the parser can point at errors.
// Tokenize never throws; malformed input yields a kError token whose text
// describes the problem. Not thread-safe per instance; cheap to create.
#ifndef KG_QUERY_LEXER_H_
#define KG_QUERY_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::query {

enum class TokenKind {
  kEnd,
  kError,
  kIri,       // <...>; text is the IRI body (escapes decoded)
  kPrefixed,  // pfx:local or pfx:; text is the whole name
  kBlank,     // _:label; text is the label
  kVar,       // ?x or $x; text is the name without the sigil
  kLangTag,   // @en-GB; text without '@'
  kInteger,   // text is the lexical form
  kDecimal,
  kDouble,
  kString,  // text is the decoded value
  kName,    // a bare word: keyword, function name, 'a', true/false
  kPunct,   // { } ( ) [ ] . , ; * + - / ! ^ | ? = != < > <= >= && || ^^
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  int line = 1, column = 1;
};

// Splits `text` into tokens; the last token is kEnd (or kError, which stops
// the scan).
std::vector<Token> Tokenize(std::string_view text);

// How a token reads in an error message: `'{'`, `variable ?x`, `end of input`.
std::string DescribeToken(const Token& token);

}  // namespace kg::query

#endif  // KG_QUERY_LEXER_H_
