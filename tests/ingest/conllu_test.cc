#include "ingest/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kg {
namespace {

// Hand-written: a multiword token ("Trump's" = Trump + 's, no space after),
// an empty node (8.1 style) and ordinary comments.
const char kDoc[] =
    "# sent_id = a-1\n"
    "# text = Trump's plan works.\n"
    "1-2\tTrump's\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "1\tTrump\tTrump\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tplan\tplan\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "3.1\tdoes\tdo\tVERB\tVBZ\t_\t_\t_\t4:conj\t_\n"
    "4\tworks\twork\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Yes\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

TEST(ConlluTest, ReadsMultiwordTokensAndSkipsEmptyNodes) {
  std::istringstream in(kDoc);
  StatusOr<std::vector<Sentence>> s = ReadConllu(in, "doc.conllu");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  const Sentence& a = (*s)[0];
  EXPECT_EQ(a.text, "Trump's plan works.");
  ASSERT_EQ(a.tokens.size(), 5u);
  EXPECT_EQ(a.tokens[0].form, "Trump");
  EXPECT_EQ(a.tokens[1].form, "'s");
  EXPECT_EQ(a.tokens[2].form, "plan");
  EXPECT_EQ(a.tokens[3].form, "works");
  // Inside the multiword token there is no space; after it there is one.
  EXPECT_FALSE(a.tokens[0].space_after);
  EXPECT_TRUE(a.tokens[1].space_after);
  EXPECT_FALSE(a.tokens[3].space_after);
  EXPECT_EQ(a.tokens[0].head, 3);
  EXPECT_EQ(a.tokens[0].deprel, "nmod:poss");
  EXPECT_EQ(a.tokens[3].head, 0);
  EXPECT_EQ(a.tokens[3].upos, "VERB");
  EXPECT_EQ(a.tokens[3].xpos, "VBZ");
  // Spans point into the sentence text.
  EXPECT_EQ(
      a.text.substr(a.tokens[2].begin, a.tokens[2].end - a.tokens[2].begin),
      "plan");
  EXPECT_EQ((*s)[1].tokens.size(), 1u);
}

TEST(ConlluTest, WriterRoundTrips) {
  std::istringstream in(kDoc);
  StatusOr<std::vector<Sentence>> s = ReadConllu(in, "doc.conllu");
  ASSERT_TRUE(s.ok());
  std::ostringstream out;
  for (const Sentence& x : *s) WriteConllu(x, out);
  std::istringstream again(out.str());
  StatusOr<std::vector<Sentence>> t = ReadConllu(again, "round");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->size(), s->size());
  for (size_t i = 0; i < s->size(); ++i) {
    ASSERT_EQ((*t)[i].tokens.size(), (*s)[i].tokens.size());
    for (size_t j = 0; j < (*s)[i].tokens.size(); ++j) {
      const Token& x = (*s)[i].tokens[j];
      const Token& y = (*t)[i].tokens[j];
      EXPECT_EQ(x.form, y.form);
      EXPECT_EQ(x.upos, y.upos);
      EXPECT_EQ(x.head, y.head);
      EXPECT_EQ(x.deprel, y.deprel);
      EXPECT_EQ(x.space_after, y.space_after);
    }
  }
}

TEST(ConlluTest, UnparsedHeadReadsAsMinusOne) {
  std::istringstream in("1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\n");
  StatusOr<std::vector<Sentence>> s = ReadConllu(in, "x");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)[0].tokens[0].head, -1);
  EXPECT_EQ((*s)[0].tokens[0].upos, "");
}

TEST(ConlluTest, MalformedLinesNameFileAndLine) {
  struct Case {
    const char* text;
    const char* expect;
  } cases[] = {
      {"1\tA\t_\t_\t_\t_\t0\troot\t_\n", "x.conllu:1: expected 10"},
      {"2\tA\t_\t_\t_\t_\t0\troot\t_\t_\n", "x.conllu:1: word id '2'"},
      {"1\tA\t_\t_\t_\t_\tz\troot\t_\t_\n", "x.conllu:1: bad head"},
      {"# c\n1\tA\t_\t_\t_\t_\t7\troot\t_\t_\n\n", "x.conllu:3: head 7"},
  };
  for (const Case& c : cases) {
    std::istringstream in(c.text);
    StatusOr<std::vector<Sentence>> s = ReadConllu(in, "x.conllu");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.status().message().find(c.expect), std::string::npos)
        << s.status().message();
  }
}

TEST(ConlluTest, MissingFileIsIOError) {
  StatusOr<std::vector<Sentence>> s = ReadConlluFile("/nonexistent/x.conllu");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace kg
