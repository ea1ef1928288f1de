#include "query/lexer.h"

#include <cctype>
#include <cstdint>

namespace kg::query {
namespace {

bool IsNameStart(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool IsNameChar(unsigned char c) {
  return IsNameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    while (true) {
      SkipSpaceAndComments();
      Token t;
      t.line = line_;
      t.column = static_cast<int>(pos_ - line_start_) + 1;
      if (pos_ >= s_.size()) {
        t.kind = TokenKind::kEnd;
        out.push_back(t);
        return out;
      }
      Scan(&t);
      bool stop = t.kind == TokenKind::kError;
      out.push_back(std::move(t));
      if (stop) return out;
    }
  }

 private:
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0';
  }
  void Advance() {
    if (s_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  void SkipSpaceAndComments() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '#') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        Advance();
      } else {
        return;
      }
    }
  }

  void Error(Token* t, std::string msg) {
    t->kind = TokenKind::kError;
    t->text = std::move(msg);
  }

  // \uXXXX and \UXXXXXXXX; pos_ is at the 'u' or 'U'.
  bool UnicodeEscape(std::string* out) {
    int n = s_[pos_] == 'u' ? 4 : 8;
    ++pos_;
    if (pos_ + n > s_.size()) return false;
    uint32_t cp = 0;
    for (int i = 0; i < n; ++i) {
      char c = s_[pos_ + i];
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
      cp = cp * 16 + (std::isdigit(static_cast<unsigned char>(c))
                          ? c - '0'
                          : (std::tolower(c) - 'a' + 10));
    }
    pos_ += n;
    AppendUtf8(cp, out);
    return true;
  }

  void ScanIriOrLess(Token* t) {
    // An IRI reference has no spaces or <>"{}|^`\ other than escapes;
    // anything else makes '<' a comparison operator.
    size_t p = pos_ + 1;
    while (p < s_.size()) {
      unsigned char c = s_[p];
      if (c == '>') break;
      if (c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' ||
          c == '|' || c == '^' || c == '`')
        break;
      ++p;
    }
    if (p < s_.size() && s_[p] == '>') {
      ++pos_;
      std::string iri;
      while (s_[pos_] != '>') {
        if (s_[pos_] == '\\' && (Peek(1) == 'u' || Peek(1) == 'U')) {
          ++pos_;
          if (!UnicodeEscape(&iri)) return Error(t, "bad \\u escape in IRI");
        } else {
          iri.push_back(s_[pos_++]);
        }
      }
      ++pos_;
      t->kind = TokenKind::kIri;
      t->text = std::move(iri);
      return;
    }
    t->kind = TokenKind::kPunct;
    ++pos_;
    t->text.push_back('<');
    if (Peek() == '=') {
      ++pos_;
      t->text.push_back('=');
    }
  }

  void ScanString(Token* t) {
    char q = s_[pos_];
    bool triple = Peek(1) == q && Peek(2) == q;
    pos_ += triple ? 3 : 1;
    std::string v;
    while (true) {
      if (pos_ >= s_.size()) return Error(t, "unterminated string");
      char c = s_[pos_];
      if (triple && c == q && Peek(1) == q && Peek(2) == q) {
        pos_ += 3;
        break;
      }
      if (!triple && c == q) {
        ++pos_;
        break;
      }
      if (!triple && (c == '\n' || c == '\r'))
        return Error(t, "line break in a string (use \"\"\" for long text)");
      if (c == '\\') {
        ++pos_;
        char e = Peek();
        switch (e) {
          case 't':
            v += '\t';
            break;
          case 'n':
            v += '\n';
            break;
          case 'r':
            v += '\r';
            break;
          case 'b':
            v += '\b';
            break;
          case 'f':
            v += '\f';
            break;
          case '"':
            v += '"';
            break;
          case '\'':
            v += '\'';
            break;
          case '\\':
            v += '\\';
            break;
          case 'u':
          case 'U':
            if (!UnicodeEscape(&v)) return Error(t, "bad \\u escape in string");
            continue;
          default:
            return Error(t, std::string("unknown escape \\") + e);
        }
        ++pos_;
        continue;
      }
      Advance();
      v.push_back(c);
    }
    t->kind = TokenKind::kString;
    t->text = std::move(v);
  }

  void ScanNumber(Token* t) {
    size_t start = pos_;
    t->kind = TokenKind::kInteger;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) ++pos_;
    if (Peek() == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))) {
      t->kind = TokenKind::kDecimal;
      ++pos_;
      while (std::isdigit(static_cast<unsigned char>(Peek()))) ++pos_;
    }
    if (Peek() == 'e' || Peek() == 'E') {
      size_t save = pos_;
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (std::isdigit(static_cast<unsigned char>(Peek()))) {
        while (std::isdigit(static_cast<unsigned char>(Peek()))) ++pos_;
        t->kind = TokenKind::kDouble;
      } else {
        pos_ = save;
      }
    }
    t->text = std::string(s_.substr(start, pos_ - start));
  }

  // Extension: kg:entity/NATO reads as one prefixed name (the store's entity
  // IRIs have a path). A '/' stays the path operator when what follows is
  // not a plain name or is itself a prefixed name (kg:p/kg:q).
  bool SlashInLocalName() const {
    size_t p = pos_ + 1;
    while (p < s_.size() && IsNameChar(static_cast<unsigned char>(s_[p])) &&
           s_[p] != '.')
      ++p;
    return p > pos_ + 1 && (p >= s_.size() || s_[p] != ':');
  }

  // A run of name characters; a trailing '.' belongs to the next token.
  std::string NameRun(bool allow_colon) {
    size_t start = pos_;
    while (pos_ < s_.size()) {
      unsigned char c = s_[pos_];
      if (IsNameChar(c) || (allow_colon && c == ':')) {
        ++pos_;
      } else if (allow_colon && c == '%' && pos_ + 2 < s_.size()) {
        pos_ += 3;
      } else if (allow_colon && c == '\\' && pos_ + 1 < s_.size()) {
        pos_ += 2;
      } else if (allow_colon && c == '/' && SlashInLocalName()) {
        ++pos_;
      } else {
        break;
      }
    }
    while (pos_ > start && s_[pos_ - 1] == '.') --pos_;
    std::string run(s_.substr(start, pos_ - start));
    if (!allow_colon) return run;
    std::string out;  // drop the backslash of \-escaped local characters
    for (size_t i = 0; i < run.size(); ++i) {
      if (run[i] == '\\' && i + 1 < run.size()) ++i;
      out.push_back(run[i]);
    }
    return out;
  }

  void Scan(Token* t) {
    char c = s_[pos_];
    unsigned char uc = c;
    if (c == '<') return ScanIriOrLess(t);
    if (c == '"' || c == '\'') return ScanString(t);
    if (std::isdigit(uc) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))))
      return ScanNumber(t);
    if ((c == '?' || c == '$') &&
        (IsNameStart(Peek(1)) || std::isdigit(Peek(1)))) {
      ++pos_;
      t->kind = TokenKind::kVar;
      t->text = NameRun(false);
      return;
    }
    if (c == '_' && Peek(1) == ':') {
      pos_ += 2;
      t->kind = TokenKind::kBlank;
      t->text = NameRun(false);
      if (t->text.empty()) return Error(t, "empty blank node label");
      return;
    }
    if (c == '@' && std::isalpha(static_cast<unsigned char>(Peek(1)))) {
      ++pos_;
      size_t start = pos_;
      while (std::isalnum(static_cast<unsigned char>(Peek())) || Peek() == '-')
        ++pos_;
      t->kind = TokenKind::kLangTag;
      t->text = std::string(s_.substr(start, pos_ - start));
      return;
    }
    if (IsNameStart(uc) || c == ':') {
      size_t start = pos_;
      std::string name = c == ':' ? std::string() : NameRun(false);
      if (Peek() == ':') {
        pos_ = start;
        size_t colon = s_.find(':', start);
        pos_ = colon + 1;
        std::string local = NameRun(true);
        t->kind = TokenKind::kPrefixed;
        t->text = std::string(s_.substr(start, colon + 1 - start)) + local;
        return;
      }
      t->kind = TokenKind::kName;
      t->text = std::move(name);
      return;
    }
    static constexpr std::string_view kTwo[] = {"!=", ">=", "&&", "||", "^^"};
    for (std::string_view two : kTwo) {
      if (s_.substr(pos_, 2) == two) {
        pos_ += 2;
        t->kind = TokenKind::kPunct;
        t->text = std::string(two);
        return;
      }
    }
    static constexpr std::string_view kOne = "{}()[].,;*+-/!^|?=<>";
    if (kOne.find(c) != std::string_view::npos) {
      ++pos_;
      t->kind = TokenKind::kPunct;
      t->text = std::string(1, c);
      return;
    }
    Error(t, std::string("unexpected character '") + c + "'");
  }

  std::string_view s_;
  size_t pos_ = 0, line_start_ = 0;
  int line_ = 1;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Lexer(text).Run(); }

std::string DescribeToken(const Token& t) {
  switch (t.kind) {
    case TokenKind::kEnd:
      return "end of input";
    case TokenKind::kError:
      return t.text;
    case TokenKind::kIri:
      return "IRI <" + t.text + ">";
    case TokenKind::kPrefixed:
      return "prefixed name " + t.text;
    case TokenKind::kBlank:
      return "blank node _:" + t.text;
    case TokenKind::kVar:
      return "variable ?" + t.text;
    case TokenKind::kLangTag:
      return "language tag @" + t.text;
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
    case TokenKind::kDouble:
      return "number " + t.text;
    case TokenKind::kString:
      return "string \"" + t.text + "\"";
    case TokenKind::kName:
      return "'" + t.text + "'";
    case TokenKind::kPunct:
      return "'" + t.text + "'";
  }
  return "token";
}

}  // namespace kg::query
