// SplitSentences: tokenizes the whole text once, then places boundaries
// between tokens. A boundary follows terminal punctuation (. ! ? ... …) plus
// any closing quotes or brackets glued to it when the next token can start a
// sentence; an abbreviation that carries its period (U.S., Inc.) ends a
// sentence only before a typical sentence opener; titles and initials (Mr.,
// Gen., J.) never do. Blank lines always split.
#include <cctype>

#include "ingest/tokenizer.h"
#include "ingest/tokenizer_lexicon.h"

namespace kg {
namespace {

using lexicon::Decode;

// Whitespace facts about the gap before each token.
struct Gap {
  int newlines = 0;  // 2 or more = paragraph break
};

std::vector<Gap> Gaps(std::string_view text, const std::vector<Token>& toks) {
  std::vector<Gap> gaps(toks.size());
  size_t prev_end = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    int n = 0;
    for (size_t i = prev_end; i < toks[k].begin;) {
      int len = 0;
      char32_t c = Decode(text, i, &len);
      if (c == 0x2029) n += 2;
      if (lexicon::IsNewline(c)) ++n;
      i += len;
    }
    gaps[k].newlines = n;
    prev_end = toks[k].end;
  }
  return gaps;
}

bool IsTerminal(std::string_view f) {
  if (f == "\xE2\x80\xA6") return true;  // …
  if (f.empty()) return false;
  for (char c : f)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool IsCloser(std::string_view f) {
  return f == ")" || f == "]" || f == "}" || f == "\"" || f == "'" ||
         f == "''" || f == "\xE2\x80\x9D" || f == "\xE2\x80\x99" ||
         f == "\xC2\xBB";
}

bool IsOpener(std::string_view f) {
  return f == "(" || f == "[" || f == "{" || f == "\"" || f == "'" ||
         f == "``" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x98" ||
         f == "\xC2\xAB" || f == "\xC2\xBF" || f == "\xC2\xA1";
}

// The token may begin a sentence: capitalised, a number, or an opener.
bool CanStart(const Token& t) {
  int len = 0;
  char32_t c = Decode(t.form, 0, &len);
  return lexicon::IsUpper(c) || lexicon::IsAsciiDigit(c) || IsOpener(t.form) ||
         c == '$' || c == '-' || c == 0x2014;
}

// The token ends with a period that belongs to an abbreviation ("U.S.").
bool IsAbbreviationToken(const Token& t) {
  return t.form.size() >= 2 && t.form.back() == '.' &&
         std::isalpha(static_cast<unsigned char>(t.form[t.form.size() - 2]));
}

// Title or initial: "Mr.", "Gen.", "J." — followed by a name, not a boundary.
bool IsTitleOrInitial(const Token& t) {
  std::string_view w(t.form.data(), t.form.size() - 1);
  if (w.size() == 1) return lexicon::IsUpper(static_cast<unsigned char>(w[0]));
  return lexicon::IsTitleAbbreviation(w);
}

bool LooksLikeWord(const Token& t) {
  int len = 0;
  return !t.form.empty() && !lexicon::IsPunct(Decode(t.form, 0, &len));
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Token> toks = Tokenize(text, 0);
  std::vector<Gap> gaps = Gaps(text, toks);
  std::vector<Sentence> out;
  size_t start = 0, line_start = 0;
  auto close = [&](size_t end) {  // tokens [start, end) form a sentence
    Sentence s;
    s.begin = toks[start].begin;
    s.end = toks[end - 1].end;
    s.text.assign(text.substr(s.begin, s.end - s.begin));
    s.tokens.assign(std::make_move_iterator(toks.begin() + start),
                    std::make_move_iterator(toks.begin() + end));
    out.push_back(std::move(s));
    start = end;
  };
  for (size_t k = 0; k < toks.size(); ++k) {
    if (k > start) {
      const Gap& g = gaps[k];
      bool split = false;
      if (g.newlines >= 2 || k - start >= kMaxSentenceTokens) {
        split = true;
      } else if (g.newlines == 1 && k - line_start <= 12 && CanStart(toks[k])) {
        // A short line without final punctuation (a heading or a title).
        const Token& last = toks[k - 1];
        split =
            LooksLikeWord(last) || IsCloser(last.form) || IsTerminal(last.form);
      }
      if (split) close(k);
    }
    if (gaps[k].newlines >= 1) line_start = k;
    if (k + 1 >= toks.size()) break;

    const Token& t = toks[k];
    size_t last = k;  // the sentence would end after toks[last]
    bool candidate = false;
    if (IsTerminal(t.form)) {
      candidate = true;
      // Closing quotes/brackets glued to the terminal belong to the sentence;
      // so does one set off by a space when it ends the line ('issues. "').
      while (last + 1 < toks.size() && IsCloser(toks[last + 1].form) &&
             gaps[last + 1].newlines == 0 &&
             (!toks[last].space_after || last + 2 >= toks.size() ||
              gaps[last + 2].newlines > 0))
        ++last;
    } else if (IsAbbreviationToken(t) && !IsTitleOrInitial(t)) {
      candidate = gaps[k + 1].newlines > 0 ||
                  lexicon::IsSentenceStarter(toks[k + 1].form);
    }
    if (!candidate || last + 1 >= toks.size()) continue;
    const Token& next = toks[last + 1];
    bool starts = CanStart(next) || gaps[last + 1].newlines > 0;
    // "." before a lower-case word is most likely an unknown abbreviation.
    if (starts) {
      close(last + 1);
      k = last;
    }
  }
  if (start < toks.size()) close(toks.size());
  return out;
}

}  // namespace kg
