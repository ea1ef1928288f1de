// Sentence splitter cases written for the test: abbreviations, initials,
// decimals, ellipses, quotes and brackets closing a sentence, paragraphs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/tokenizer.h"

namespace kg {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text)) out.push_back(s.text);
  return out;
}

using V = std::vector<std::string>;

TEST(SplitterTest, TableOfTrickyCases) {
  static const struct {
    const char* text;
    V sentences;
  } kCases[] = {
      {"Mr. Smith met Dr. Jones. They talked.",
       {"Mr. Smith met Dr. Jones.", "They talked."}},
      {"Gen. Lee arrived on Jan. 5. He left on St. Patrick's Day.",
       {"Gen. Lee arrived on Jan. 5.", "He left on St. Patrick's Day."}},
      {"The U.S. Army said so. The U.S. The end.",
       {"The U.S. Army said so.", "The U.S.", "The end."}},
      {"He works at Acme Inc. The firm grew.",
       {"He works at Acme Inc.", "The firm grew."}},
      {"J. R. R. Tolkien wrote it. It sold well.",
       {"J. R. R. Tolkien wrote it.", "It sold well."}},
      {"Growth was 3.5 percent. Prices rose 2.1%.",
       {"Growth was 3.5 percent.", "Prices rose 2.1%."}},
      {"He paused... Then he spoke. She said... nothing.",
       {"He paused...", "Then he spoke.", "She said... nothing."}},
      {"\"We won.\" The crowd cheered.", {"\"We won.\"", "The crowd cheered."}},
      {"He left (finally.) Then rain.", {"He left (finally.)", "Then rain."}},
      {"\xE2\x80\x9CReally?\xE2\x80\x9D she asked. Yes!",
       {"\xE2\x80\x9CReally?\xE2\x80\x9D she asked.", "Yes!"}},
      {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
      {"He said, \"No way.' \"\n\nNext one.",
       {"He said, \"No way.' \"", "Next one."}},
      {"\"Stop. \" He left.", {"\"Stop.", "\" He left."}},
      {"It rose 5 p.m. yesterday, i.e. late.",
       {"It rose 5 p.m. yesterday, i.e. late."}},
      {"First paragraph without a period\n\nSecond one",
       {"First paragraph without a period", "Second one"}},
      {"Breaking News\nThe minister resigned today.",
       {"Breaking News", "The minister resigned today."}},
      {"a line that was wrapped by the editor because it was long and so\n"
       "Continues here.",
       {"a line that was wrapped by the editor because it was long and so\n"
        "Continues here."}},
      {"Is it? Yes. 2019 was a year.", {"Is it?", "Yes.", "2019 was a year."}},
      {"   \n\n  ", {}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Texts(c.text), c.sentences) << "input: " << c.text;
  }
}

TEST(SplitterTest, OffsetsPointIntoTheDocument) {
  const std::string text =
      "Title\r\n\r\nAn apartment building collapsed on Monday. Officials "
      "said 39 died.\r\n\r\nRescuers, working in the cold, found ten.";
  std::vector<Sentence> ss = SplitSentences(text);
  ASSERT_EQ(ss.size(), 4u);
  for (const Sentence& s : ss) {
    EXPECT_EQ(text.substr(s.begin, s.end - s.begin), s.text);
    ASSERT_FALSE(s.tokens.empty());
    EXPECT_EQ(s.tokens.front().begin, s.begin);
    EXPECT_EQ(s.tokens.back().end, s.end);
    for (const Token& t : s.tokens)
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.form);
  }
  EXPECT_EQ(ss[0].text, "Title");
  EXPECT_EQ(ss[2].text, "Officials said 39 died.");
}

TEST(SplitterTest, OverlongSentenceIsCut) {
  std::string text;
  for (int i = 0; i < 600; ++i) text += "word ";
  std::vector<Sentence> ss = SplitSentences(text);
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_EQ(ss[0].tokens.size(), kMaxSentenceTokens);
  size_t total = 0;
  for (const Sentence& s : ss) total += s.tokens.size();
  EXPECT_EQ(total, 600u);
}

}  // namespace
}  // namespace kg
