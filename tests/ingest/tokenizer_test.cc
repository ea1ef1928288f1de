// Tokenizer cases written for the test: each input with the tokens UD EWT
// would give it, plus the invariant that every token maps back to its span.
#include "ingest/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg {
namespace {

std::vector<std::string> Forms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.push_back(t.form);
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizerTest, TableOfTrickyCases) {
  static const struct {
    const char* text;
    V tokens;
  } kCases[] = {
      {"Hello, world!", {"Hello", ",", "world", "!"}},
      {"Trump's plan", {"Trump", "'s", "plan"}},
      {"Trump\xE2\x80\x99s plan", {"Trump", "\xE2\x80\x99s", "plan"}},
      {"I don't know", {"I", "do", "n't", "know"}},
      {"We can't, won't, cannot.",
       {"We", "ca", "n't", ",", "wo", "n't", ",", "can", "not", "."}},
      {"They're here; we'll see; I'd go; I'm in; we've won",
       {"They", "'re", "here", ";", "we", "'ll", "see", ";", "I", "'d", "go",
        ";", "I", "'m", "in", ";", "we", "'ve", "won"}},
      {"the students' books", {"the", "students", "'", "books"}},
      {"O'Brien said", {"O'Brien", "said"}},
      {"It cost $3.5 million, up 12%.",
       {"It", "cost", "$", "3.5", "million", ",", "up", "12", "%", "."}},
      {"over 1,000 people at 6:30", {"over", "1,000", "people", "at", "6:30"}},
      {"a long-term, non-stop e-mail",
       {"a", "long", "-", "term", ",", "non-stop", "e-mail"}},
      {"in 1969-1970 on 2019-01-04",
       {"in", "1969", "-", "1970", "on", "2019-01-04"}},
      {"Mr. Smith of the U.S. Army, e.g., Gen. Lee",
       {"Mr.", "Smith", "of", "the", "U.S.", "Army", ",", "e.g.", ",", "Gen.",
        "Lee"}},
      {"J. R. R. Tolkien", {"J.", "R.", "R.", "Tolkien"}},
      {"See https://example.org/a_(b)?x=1, or (www.kg.io).",
       {"See", "https://example.org/a_(b)?x=1", ",", "or", "(", "www.kg.io",
        ")", "."}},
      {"Mail me@example.com.", {"Mail", "me@example.com", "."}},
      {"Wait... what?! Really\xE2\x80\xA6",
       {"Wait", "...", "what", "?!", "Really", "\xE2\x80\xA6"}},
      {"He said \"no\" -- twice (really).",
       {"He", "said", "\"", "no", "\"", "--", "twice", "(", "really", ")",
        "."}},
      {"\xE2\x80\x9CYes,\xE2\x80\x9D she said.",
       {"\xE2\x80\x9C", "Yes", ",", "\xE2\x80\x9D", "she", "said", "."}},
      {"and/or AT&T", {"and", "/", "or", "AT&T"}},
      {"the '90s", {"the", "'90s"}},
      {"caf\xC3\xA9 na\xC3\xAFve", {"caf\xC3\xA9", "na\xC3\xAFve"}},
      {"gonna", {"gon", "na"}},
      {"Call 303-832-8160 or 853-3242 on 02/13/2001, 1/2 off",
       {"Call", "303-832-8160", "or", "853-3242", "on", "02/13/2001", ",",
        "1/2", "off"}},
      {"a self-made man read API.pdf at example.com",
       {"a", "self", "-", "made", "man", "read", "API.pdf", "at",
        "example.com"}},
      {"<< $$$ >>", {"<<", "$$$", ">>"}},
      {"a Ph.D. in Op. 46", {"a", "Ph.D.", "in", "Op.", "46"}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Forms(c.text), c.tokens) << "input: " << c.text;
  }
}

TEST(TokenizerTest, EveryTokenMapsBackToItsSpan) {
  const std::string text =
      "  \xE2\x80\x9CWe won't stop,\xE2\x80\x9D said Dr. O'Neil (U.S.A.)\r\n"
      "at 3.5% on 12/05... http://x.org/y. Fin.";
  std::vector<Token> toks = Tokenize(text);
  ASSERT_FALSE(toks.empty());
  uint32_t prev_end = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    EXPECT_LT(t.begin, t.end);
    EXPECT_GE(t.begin, prev_end) << t.form;
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.form);
    bool space = t.end >= text.size() || text[t.end] == ' ' ||
                 text[t.end] == '\r' || text[t.end] == '\n';
    EXPECT_EQ(t.space_after, space) << t.form;
    prev_end = t.end;
  }
  // Rebuilding from forms and SpaceAfter gives the text modulo whitespace.
  std::string rebuilt, squeezed;
  for (const Token& t : toks) rebuilt += t.form + (t.space_after ? " " : "");
  for (char c : text)
    if (c != ' ' && c != '\r' && c != '\n') squeezed += c;
  std::string rebuilt_squeezed;
  for (char c : rebuilt)
    if (c != ' ') rebuilt_squeezed += c;
  EXPECT_EQ(rebuilt_squeezed, squeezed);
}

// Ill-formed UTF-8 (an overlong '_', stray bytes) neither hangs nor loses
// bytes: every byte lands in exactly one token.
TEST(TokenizerTest, IllFormedUtf8IsCoveredByteForByte) {
  const std::string text = "ab\xC1\x9F__c \xFF\xE2\x80 x\xED\xA0\x80y";
  std::vector<Token> toks = Tokenize(text);
  std::string joined;
  for (const Token& t : toks) {
    EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.form);
    joined += t.form;
  }
  std::string squeezed;
  for (char c : text)
    if (c != ' ') squeezed += c;
  EXPECT_EQ(joined, squeezed);
}

TEST(TokenizerTest, BaseOffsetIsAdded) {
  std::vector<Token> toks = Tokenize("ab cd", 100);
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[1].begin, 103u);
  EXPECT_EQ(toks[1].end, 105u);
}

TEST(TokenizerTest, PretokenizedKeepsTokensExactly) {
  Sentence s = TokenizePretokenized(
      "Barbara 's `` pet '' -LRB- a dog -RRB- cost $ 4.25 .\r\n");
  EXPECT_EQ(s.text, "Barbara 's `` pet '' -LRB- a dog -RRB- cost $ 4.25 .");
  V forms;
  for (const Token& t : s.tokens) {
    forms.push_back(t.form);
    EXPECT_EQ(s.text.substr(t.begin, t.end - t.begin), t.form);
  }
  EXPECT_EQ(forms, (V{"Barbara", "'s", "``", "pet", "''", "-LRB-", "a", "dog",
                      "-RRB-", "cost", "$", "4.25", "."}));
  EXPECT_FALSE(s.tokens.back().space_after);
  EXPECT_TRUE(s.tokens.front().space_after);
}

TEST(TokenizerTest, PretokenizedSkipsEmptyTokens) {
  Sentence s = TokenizePretokenized("  a  b ");
  ASSERT_EQ(s.tokens.size(), 2u);
  EXPECT_EQ(s.tokens[1].begin, 5u);
  EXPECT_TRUE(TokenizePretokenized("").tokens.empty());
}

TEST(TokenizerTest, ParserFormNormalisesPtbEscapesOnly) {
  EXPECT_EQ(ParserForm("-LRB-"), "(");
  EXPECT_EQ(ParserForm("-RSB-"), "]");
  EXPECT_EQ(ParserForm("``"), "\"");
  EXPECT_EQ(ParserForm("''"), "\"");
  EXPECT_EQ(ParserForm("\xE2\x80\x9C"), "\"");
  EXPECT_EQ(ParserForm("\xE2\x80\x99s"), "'s");
  EXPECT_EQ(ParserForm("n\xE2\x80\x99t"), "n't");
  EXPECT_EQ(ParserForm("\xE2\x80\x94"), "--");
  EXPECT_EQ(ParserForm("Barbara"), "Barbara");
  EXPECT_EQ(ParserForm("-"), "-");
  Token t;
  t.form = "-RRB-";
  EXPECT_EQ(ParserForm(t), ")");
  EXPECT_EQ(t.form, "-RRB-");
}

}  // namespace
}  // namespace kg
