#include "ingest/tokenizer.h"

#include <cctype>
#include <cstring>

#include "ingest/tokenizer_lexicon.h"

namespace kg {
namespace {

using lexicon::Decode;
using lexicon::IsApostrophe;
using lexicon::IsAsciiAlpha;
using lexicon::IsAsciiDigit;
using lexicon::IsPunct;
using lexicon::IsSpace;
using lexicon::IsWordChar;

bool IsAlnum(char32_t c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// Splits one whitespace-free chunk s[a, b) into tokens appended to *out.
class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view s, uint32_t base, std::vector<Token>* out)
      : s_(s), base_(base), out_(out) {}

  void Run(size_t a, size_t b) {
    if (TryUrlOrEmail(a, b)) return;
    size_t i = a;
    while (i < b) i = Advance(i, b);
  }

 private:
  char32_t At(size_t i, size_t b, int* len = nullptr) const {
    int l = 0;
    if (i >= b) {
      if (len) *len = 0;
      return 0;
    }
    char32_t c = Decode(s_, i, &l);
    if (len) *len = l;
    return c;
  }
  char Byte(size_t i, size_t b) const { return i < b ? s_[i] : '\0'; }

  void Emit(size_t from, size_t to) {
    if (from >= to) return;
    Token t;
    t.form.assign(s_.substr(from, to - from));
    t.begin = base_ + static_cast<uint32_t>(from);
    t.end = base_ + static_cast<uint32_t>(to);
    t.space_after = to >= s_.size() || IsSpace(Decode(s_, to, &dummy_));
    out_->push_back(std::move(t));
  }

  // URLs and e-mail addresses stay whole; surrounding punctuation is split.
  bool TryUrlOrEmail(size_t a, size_t b) {
    std::string_view c = s_.substr(a, b - a);
    size_t scheme = c.find("://");
    size_t at = c.find('@');
    bool url = (scheme != std::string_view::npos && scheme > 0) ||
               c.find("www.") != std::string_view::npos;
    bool email = at != std::string_view::npos && at > 0 &&
                 c.find('.', at) != std::string_view::npos &&
                 IsAlnum(static_cast<unsigned char>(c[at - 1]));
    if (!url && !email) return false;
    size_t x = a, y = b;
    while (x < y && std::strchr("([{<\"'`", s_[x]) != nullptr) ++x;
    size_t core = x;
    while (core < y && !IsAlnum(static_cast<unsigned char>(s_[core]))) ++core;
    if (core != x)
      return false;  // e.g. "“www..." - leave it to the generic path
    int open = 0;
    for (size_t k = x; k < y; ++k)
      open += s_[k] == '(' ? 1 : s_[k] == ')' ? -1 : 0;
    while (y > x) {
      char e = s_[y - 1];
      if (e == ')' && open > 0) break;
      if (std::strchr(".,;:!?)]}>\"'", e) == nullptr) break;
      if (e == ')') ++open;
      --y;
    }
    // Trailing Unicode quotes (”’) are three bytes each.
    while (y >= x + 3 && (s_.substr(y - 3, 3) == "\xE2\x80\x9D" ||
                          s_.substr(y - 3, 3) == "\xE2\x80\x99"))
      y -= 3;
    if (y <= x) return false;
    for (size_t k = a; k < x; ++k) Emit(k, k + 1);
    Emit(x, y);
    size_t i = y;
    while (i < b) i = Advance(i, b);
    return true;
  }

  // Step, with a guarantee of progress (a defect in a rule must not hang).
  size_t Advance(size_t i, size_t b) {
    size_t next = Step(i, b);
    if (next > i) return next;
    Emit(i, i + 1);
    return i + 1;
  }

  // Emits the token starting at i; returns where the next one starts.
  size_t Step(size_t i, size_t b) {
    int len = 0;
    char32_t c = At(i, b, &len);
    if (IsWordChar(c)) {
      if (!out_->empty() && out_->back().end == base_ + i) {
        size_t clitic = NtClitic(i, b);
        if (clitic) {
          Emit(i, i + clitic);
          return i + clitic;
        }
      }
      size_t j = ScanWord(i, b);
      return EmitWord(i, j, b);
    }
    // Punctuation.
    if (IsApostrophe(c)) {
      bool glued = !out_->empty() && out_->back().end == base_ + i &&
                   IsWordChar(Decode(s_, i - 1, &dummy_));
      size_t clitic = glued ? Clitic(i, b) : 0;
      if (clitic) {
        Emit(i, i + clitic);
        return i + clitic;
      }
      // '90s: a year abbreviation.
      if (!glued && IsAsciiDigit(At(i + len, b)) &&
          IsAsciiDigit(At(i + len + 1, b))) {
        size_t j = i + len;
        while (j < b && IsAlnum(static_cast<unsigned char>(s_[j]))) ++j;
        Emit(i, j);
        return j;
      }
      if (c == '\'' && Byte(i + 1, b) == '\'') {
        Emit(i, i + 2);
        return i + 2;
      }
    }
    // Runs that form one token: ... -- ?! `` and the ellipsis character.
    char ch = len == 1 && c < 0x80 ? static_cast<char>(c) : '\0';
    if (ch == '.' || ch == '-' || ch == '`' || ch == '*' || ch == '=' ||
        ch == '_' || ch == '$' || ch == '<' || ch == '>') {
      size_t j = i;
      while (j < b && s_[j] == ch) ++j;
      if (j - i >= 2 || ch != '-') {
        Emit(i, j);
        return j;
      }
    }
    if (ch == '?' || ch == '!') {
      size_t j = i;
      while (j < b && (s_[j] == '?' || s_[j] == '!')) ++j;
      Emit(i, j);
      return j;
    }
    Emit(i, i + len);
    return i + len;
  }

  // Length of a clitic ('s 're 'll 'd 'm 've) at the apostrophe s_[i], when it
  // ends the word; 0 otherwise.
  size_t Clitic(size_t i, size_t b) const {
    int alen = 0;
    Decode(s_, i, &alen);
    size_t k = i + alen;
    static constexpr std::string_view kForms[] = {"s", "re", "ll",
                                                  "d", "m",  "ve"};
    for (std::string_view f : kForms) {
      if (k + f.size() > b) continue;
      bool match = true;
      for (size_t m = 0; m < f.size(); ++m)
        match &= std::tolower(static_cast<unsigned char>(s_[k + m])) == f[m];
      if (!match) continue;
      char32_t next = At(k + f.size(), b);
      if (next == 0 || !IsWordChar(next)) return alen + f.size();
    }
    return 0;
  }

  // Length of "n't" / "n’t" at s_[i] when it ends the word; 0 otherwise.
  size_t NtClitic(size_t i, size_t b) const {
    if (s_[i] != 'n' && s_[i] != 'N') return 0;
    int alen = 0;
    if (i + 1 >= b || !IsApostrophe(Decode(s_, i + 1, &alen))) return 0;
    size_t t = i + 1 + alen;
    if (t >= b || (s_[t] != 't' && s_[t] != 'T')) return 0;
    char32_t next = At(t + 1, b);
    return (next == 0 || !IsWordChar(next)) ? t + 1 - i : 0;
  }

  // End of the word starting at i (a word character).
  size_t ScanWord(size_t i, size_t b) const {
    size_t j = i, segment = i;  // segment: start of the current part
    while (j < b) {
      int len = 0;
      char32_t c = Decode(s_, j, &len);
      if (IsWordChar(c)) {
        if ((c == 'n' || c == 'N') && j > i && NtClitic(j, b)) return j;
        j += len;
        continue;
      }
      char32_t prev = Decode(s_, j - 1, &dummy_);
      int nlen = 0;
      char32_t next = j + 1 < b ? Decode(s_, j + 1, &nlen) : 0;
      if (c == '.' && IsAsciiDigit(prev) && IsAsciiDigit(next)) {
        j += 1;  // 3.5, 1.2.3
      } else if (c == '.' && IsAsciiAlpha(prev) && IsAsciiAlpha(next) &&
                 (j - segment == 1 || DomainFollows(j + 1, b) ||
                  (j - segment == 2 && Byte(j + 2, b) == '.'))) {
        j += 1;  // U.S, e.g, p.m, Ph.D, example.com
        segment = j;
      } else if (c == ',' && IsAsciiDigit(prev) && ThreeDigits(j + 1, b)) {
        j += 1;  // 1,000
      } else if ((c == ':' || c == '/') && IsAsciiDigit(prev) &&
                 IsAsciiDigit(next)) {
        j += 1;  // 6:30, 02/13/2001, 1/2
      } else if (c == '&' && IsUpper(prev) && IsUpper(next)) {
        j += 1;  // AT&T
      } else if (IsApostrophe(c) && IsWordChar(prev) && IsWordChar(next) &&
                 Clitic(j, b) == 0) {
        j += len;  // O'Brien
      } else if (c == '-' && IsWordChar(prev) && IsWordChar(next) &&
                 (lexicon::IsHyphenPrefix(s_.substr(segment, j - segment)) ||
                  IsoDate(i, j, b) || PhoneNumber(i, b))) {
        j += 1;
        segment = j;
      } else {
        break;
      }
    }
    return j;
  }

  static bool IsUpper(char32_t c) { return c >= 'A' && c <= 'Z'; }

  bool ThreeDigits(size_t k, size_t b) const {
    for (size_t m = 0; m < 3; ++m)
      if (k + m >= b || !IsAsciiDigit(static_cast<unsigned char>(s_[k + m])))
        return false;
    return k + 3 >= b || !IsAsciiDigit(static_cast<unsigned char>(s_[k + 3]));
  }

  bool DomainFollows(size_t k, size_t b) const {
    size_t e = k;
    while (e < b && IsAsciiAlpha(static_cast<unsigned char>(s_[e]))) ++e;
    return lexicon::IsDomainSuffix(s_.substr(k, e - k));
  }

  // Digit groups joined by hyphens from word start i, read as a phone number:
  // three or more groups (303-832-8160) or 3+4 digits (853-3242). Two other
  // groups are a range (1969-1970) and are split.
  bool PhoneNumber(size_t i, size_t b) const {
    std::vector<size_t> groups(1, 0);
    size_t k = i;
    for (; k < b; ++k) {
      unsigned char c = s_[k];
      if (IsAsciiDigit(c)) {
        ++groups.back();
      } else if (c == '-' && groups.back() > 0) {
        groups.push_back(0);
      } else {
        break;
      }
    }
    if (k < b && IsAlnum(static_cast<unsigned char>(s_[k]))) return false;
    if (groups.back() == 0) return false;
    return groups.size() >= 3 ||
           (groups.size() == 2 && groups[0] == 3 && groups[1] == 4);
  }

  // YYYY-MM-DD starting at word start i, with the hyphen at j.
  bool IsoDate(size_t i, size_t j, size_t b) const {
    auto digits = [&](size_t from, size_t n) {
      for (size_t m = 0; m < n; ++m)
        if (from + m >= b ||
            !IsAsciiDigit(static_cast<unsigned char>(s_[from + m])))
          return false;
      return true;
    };
    if (j - i == 4 && digits(i, 4)) {
      return digits(j + 1, 2) && Byte(j + 3, b) == '-' && digits(j + 4, 2);
    }
    return j - i == 7 && digits(i, 4) && s_[i + 4] == '-' && digits(i + 5, 2) &&
           digits(j + 1, 2);
  }

  // Emits the word s_[i, j) (splitting "cannot"/"gonna"), plus its period
  // when it is an abbreviation; returns the next position.
  size_t EmitWord(size_t i, size_t j, size_t b) {
    std::string_view w = s_.substr(i, j - i);
    if (Byte(j, b) == '.' && Byte(j + 1, b) != '.' && TakesPeriod(w)) {
      char32_t after = At(j + 1, b);
      if (after == 0 || !IsWordChar(after)) {
        Emit(i, j + 1);
        return j + 1;
      }
    }
    std::string lower(w);
    for (char& ch : lower)
      ch = static_cast<char>(std::tolower((unsigned char)ch));
    if (lower == "cannot" || lower == "gonna" || lower == "wanna" ||
        lower == "gotta") {
      Emit(i, i + 3);
      Emit(i + 3, j);
      return j;
    }
    Emit(i, j);
    return j;
  }

  static bool TakesPeriod(std::string_view w) {
    if (w.size() == 1) return IsAsciiAlpha(static_cast<unsigned char>(w[0]));
    if (lexicon::IsAbbreviation(w)) return true;
    // Dotted abbreviations whose parts have one or two letters: U.S, e.g,
    // p.m, Ph.D.
    if (w.find('.') == std::string_view::npos) return false;
    size_t run = 0;
    for (char ch : w) {
      if (ch == '.') {
        if (run == 0) return false;
        run = 0;
      } else if (!IsAsciiAlpha(static_cast<unsigned char>(ch)) || ++run > 2) {
        return false;
      }
    }
    return run > 0;
  }

  std::string_view s_;
  uint32_t base_;
  std::vector<Token>* out_;
  mutable int dummy_ = 0;
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text, uint32_t base) {
  std::vector<Token> out;
  ChunkTokenizer chunker(text, base, &out);
  size_t i = 0;
  while (i < text.size()) {
    int len = 0;
    while (i < text.size() && IsSpace(Decode(text, i, &len))) i += len;
    size_t a = i;
    while (i < text.size() && !IsSpace(Decode(text, i, &len))) i += len;
    if (i > a) chunker.Run(a, i);
  }
  return out;
}

Sentence TokenizePretokenized(std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.remove_suffix(1);
  Sentence s;
  s.begin = 0;
  s.end = static_cast<uint32_t>(line.size());
  s.text.assign(line);
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    Token t;
    t.form.assign(line.substr(i, j - i));
    t.begin = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(j);
    t.space_after = j < line.size();
    s.tokens.push_back(std::move(t));
    i = j;
  }
  return s;
}

std::string ParserForm(std::string_view f) {
  struct Map {
    std::string_view from, to;
  };
  static constexpr Map kWhole[] = {
      {"-LRB-", "("},         {"-RRB-", ")"},         {"-LSB-", "["},
      {"-RSB-", "]"},         {"-LCB-", "{"},         {"-RCB-", "}"},
      {"``", "\""},           {"''", "\""},           {"\xE2\x80\x9C", "\""},
      {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x9E", "\""}, {"`", "'"},
      {"\xE2\x80\x98", "'"},  {"\xE2\x80\x99", "'"},  {"\xE2\x80\x93", "-"},
      {"\xE2\x80\x94", "--"}, {"\xE2\x80\xA6", "..."}};
  for (const Map& m : kWhole)
    if (f == m.from) return std::string(m.to);
  // Curly apostrophes inside words (’s, n’t, O’Brien) become straight ones.
  std::string out;
  out.reserve(f.size());
  for (size_t p = 0; p < f.size();) {
    if (f.compare(p, 3, "\xE2\x80\x99") == 0) {
      out.push_back('\'');
      p += 3;
    } else {
      out.push_back(f[p++]);
    }
  }
  return out;
}

std::string ParserForm(const Token& token) { return ParserForm(token.form); }

}  // namespace kg
