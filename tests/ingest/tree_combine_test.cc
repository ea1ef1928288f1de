// CombineTrees: agreeing votes come back unchanged; disagreements go to the
// heavier vote (weight plus margin share); the result is always one
// projective tree with a single root word, whatever the votes; relations are
// voted; over-long sentences keep the first vote's tree.
#include "ingest/tree_combine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg {
namespace {

Sentence Tree(const std::vector<int>& heads,
              const std::vector<std::string>& rels,
              const std::vector<float>& margins = {}) {
  Sentence s;
  for (size_t i = 0; i < heads.size(); ++i) {
    Token t;
    t.form = std::to_string(i + 1);
    t.head = heads[i];
    t.deprel = rels[i];
    t.score = margins.empty() ? 0.f : margins[i];
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<int> Heads(const Sentence& s) {
  std::vector<int> h;
  for (const Token& t : s.tokens) h.push_back(t.head);
  return h;
}

// One root word, every word reaches the root, no arc crosses another.
void ExpectProjectiveTree(const Sentence& s) {
  const int n = int(s.tokens.size());
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    int h = s.tokens[size_t(d - 1)].head;
    ASSERT_GE(h, 0);
    ASSERT_LE(h, n);
    ASSERT_NE(h, d);
    roots += h == 0;
    int w = d, steps = 0;
    while (w != 0 && steps <= n) w = s.tokens[size_t(w - 1)].head, ++steps;
    EXPECT_EQ(w, 0) << "word " << d << " is on a cycle";
  }
  EXPECT_EQ(roots, 1);
  for (int a = 1; a <= n; ++a)
    for (int b = 1; b <= n; ++b) {
      int a1 = std::min(a, s.tokens[size_t(a - 1)].head);
      int a2 = std::max(a, s.tokens[size_t(a - 1)].head);
      int b1 = std::min(b, s.tokens[size_t(b - 1)].head);
      int b2 = std::max(b, s.tokens[size_t(b - 1)].head);
      bool crossing = (a1 < b1 && b1 < a2 && a2 < b2);
      EXPECT_FALSE(crossing) << "arcs of words " << a << " and " << b;
    }
}

TEST(TreeCombineTest, AgreeingVotesComeBackUnchanged) {
  Sentence a =
      Tree({2, 3, 0, 5, 3, 3}, {"det", "nsubj", "root", "det", "obj", "punct"},
           {1, 2, 3, 4, 5, 6});
  Sentence b = a;
  Sentence out = Tree({0, 0, 0, 0, 0, 0}, {"", "", "", "", "", ""});
  CombineTrees({TreeVote{&a, 1.f, 0.1f}, TreeVote{&b, 1.f, 0.1f}}, &out);
  EXPECT_EQ(Heads(out), Heads(a));
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    EXPECT_EQ(out.tokens[i].deprel, a.tokens[i].deprel);
    EXPECT_EQ(out.tokens[i].score, a.tokens[i].score);
  }
}

TEST(TreeCombineTest, TheSurerVoteWinsADisagreement) {
  // "saw the man with glasses": the two votes attach "glasses" (word 5)
  // to "saw" (1) or to "man" (3).
  Sentence verb = Tree({0, 3, 1, 5, 1}, {"root", "det", "obj", "case", "obl"},
                       {9, 9, 9, 9, 2});
  Sentence noun = Tree({0, 3, 1, 5, 3}, {"root", "det", "obj", "case", "nmod"},
                       {9, 9, 9, 9, 7});
  Sentence out = verb;
  CombineTrees({TreeVote{&verb, 1.f, 0.1f}, TreeVote{&noun, 1.f, 0.1f}}, &out);
  EXPECT_EQ(out.tokens[4].head, 3);
  EXPECT_EQ(out.tokens[4].deprel, "nmod");
  EXPECT_EQ(out.tokens[4].score, 7.f);
  // Without margins the heavier parser decides.
  CombineTrees({TreeVote{&verb, 1.2f, 0.f}, TreeVote{&noun, 1.f, 0.f}}, &out);
  EXPECT_EQ(out.tokens[4].head, 1);
  EXPECT_EQ(out.tokens[4].deprel, "obl");
}

TEST(TreeCombineTest, ConflictingRootsAndCyclesStillGiveOneTree) {
  // Vote a: root 1; vote b: root 3; together they propose a cycle 1 <-> 3.
  Sentence a = Tree({0, 1, 1, 3}, {"root", "obj", "conj", "obj"});
  Sentence b = Tree({3, 3, 0, 3}, {"nsubj", "obj", "root", "obj"});
  Sentence out = a;
  CombineTrees({TreeVote{&a, 1.f, 0.f}, TreeVote{&b, 1.f, 0.f}}, &out);
  ExpectProjectiveTree(out);
  // Every word keeps a head one of the votes proposed.
  for (size_t i = 0; i < out.tokens.size(); ++i)
    EXPECT_TRUE(out.tokens[i].head == a.tokens[i].head ||
                out.tokens[i].head == b.tokens[i].head)
        << "word " << i + 1;
}

TEST(TreeCombineTest, NonProjectiveVotesGiveAProjectiveTree) {
  // Both votes hold the crossing arcs 1 -> 3 and 2 -> 4.
  Sentence a = Tree({0, 1, 1, 2}, {"root", "dep", "dep", "dep"});
  Sentence b = a;
  Sentence out = a;
  CombineTrees({TreeVote{&a, 1.f, 0.f}, TreeVote{&b, 1.f, 0.f}}, &out);
  ExpectProjectiveTree(out);
}

TEST(TreeCombineTest, RelationsAreVoted) {
  Sentence a = Tree({2, 0}, {"nsubj", "root"}, {5, 5});
  Sentence b = Tree({2, 0}, {"obj", "root"}, {3, 3});
  Sentence c = Tree({2, 0}, {"obj", "root"}, {3, 3});
  Sentence out = a;
  CombineTrees(
      {TreeVote{&a, 1.f, 0.f}, TreeVote{&b, 1.f, 0.f}, TreeVote{&c, 1.f, 0.f}},
      &out);
  EXPECT_EQ(out.tokens[0].deprel, "obj");
  // The margin stays that of the strongest vote for the head.
  CombineTrees(
      {TreeVote{&a, 1.f, 1.f}, TreeVote{&b, 1.f, 0.f}, TreeVote{&c, 1.f, 0.f}},
      &out);
  EXPECT_EQ(out.tokens[0].deprel, "nsubj");
  EXPECT_EQ(out.tokens[0].score, 5.f);
}

TEST(TreeCombineTest, LongSentencesKeepTheFirstVote) {
  std::vector<int> heads_a, heads_b;
  std::vector<std::string> rels;
  for (int i = 1; i <= 30; ++i) {
    heads_a.push_back(i == 1 ? 0 : 1);
    heads_b.push_back(i == 30 ? 0 : 30);
    rels.push_back(i == 1 ? "root" : "dep");
  }
  Sentence a = Tree(heads_a, rels);
  Sentence b = Tree(heads_b, rels);
  Sentence out = b;
  CombineTrees({TreeVote{&a, 1.f, 0.f}, TreeVote{&b, 5.f, 0.f}}, &out, 20);
  EXPECT_EQ(Heads(out), heads_a);
  CombineTrees({TreeVote{&a, 1.f, 0.f}, TreeVote{&b, 5.f, 0.f}}, &out, 200);
  EXPECT_EQ(Heads(out), heads_b);
}

}  // namespace
}  // namespace kg
