#include "storage/term_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace kg {
namespace {

std::string Key(size_t i) {
  // Keys of varied lengths, some sharing long prefixes, one with NUL bytes.
  std::string k = "0http://example.org/e/" + std::to_string(i);
  if (i % 7 == 0) k += std::string(i % 50, 'x');
  if (i % 11 == 0) k += std::string("\0@en", 4);
  return k;
}

TEST(TermTableTest, FindsWhatWasInsertedAndNothingElse) {
  TermTable t;
  EXPECT_EQ(t.Find("0anything"), kNoTerm);
  for (size_t i = 0; i < 20000; ++i) t.Insert(Key(i), i + 1);
  EXPECT_EQ(t.size(), 20000u);
  for (size_t i = 0; i < 20000; ++i) ASSERT_EQ(t.Find(Key(i)), i + 1) << i;
  for (size_t i = 20000; i < 25000; ++i) ASSERT_EQ(t.Find(Key(i)), kNoTerm);
  EXPECT_EQ(t.Find(""), kNoTerm);
  // A prefix of a key is a different key.
  EXPECT_EQ(t.Find("0http://example.org/e/1"), 2u);
  EXPECT_EQ(t.Find("0http://example.org/e/"), kNoTerm);
}

TEST(TermTableTest, MatchesAnUnorderedMapOnRandomOperations) {
  std::mt19937_64 rng(7);
  TermTable t;
  std::unordered_map<std::string, TermId> model;
  TermId next = 1;
  for (int op = 0; op < 50000; ++op) {
    const std::string k = Key(rng() % 30000);
    const TermId got = t.Find(k);
    auto it = model.find(k);
    ASSERT_EQ(got, it == model.end() ? kNoTerm : it->second) << k;
    if (got == kNoTerm) {
      t.Insert(k, next);
      model[k] = next++;
    }
  }
  EXPECT_EQ(t.size(), model.size());
}

TEST(TermTableTest, RollbackForgetsEntriesAfterTheMark) {
  TermTable t;
  for (size_t i = 0; i < 1000; ++i) t.Insert(Key(i), i + 1);
  const size_t mark = t.Mark();
  t.Reserve(5000);  // growing the slots in between keeps the mark valid
  for (size_t i = 1000; i < 3000; ++i) t.Insert(Key(i), i + 1);
  t.Rollback(mark);
  EXPECT_EQ(t.size(), 1000u);
  for (size_t i = 0; i < 1000; ++i) ASSERT_EQ(t.Find(Key(i)), i + 1);
  for (size_t i = 1000; i < 3000; ++i) ASSERT_EQ(t.Find(Key(i)), kNoTerm);
  // The rolled-back keys can be inserted again, with other ids.
  t.Insert(Key(1500), 42);
  EXPECT_EQ(t.Find(Key(1500)), 42u);
  t.Rollback(t.Mark());  // nothing after the mark: no change
  EXPECT_EQ(t.size(), 1001u);
}

TEST(TermTableTest, ClearEmptiesTheTable) {
  TermTable t;
  for (size_t i = 0; i < 100; ++i) t.Insert(Key(i), i + 1);
  t.Clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.Find(Key(5)), kNoTerm);
  EXPECT_EQ(t.Mark(), 0u);
  t.Insert(Key(5), 9);
  EXPECT_EQ(t.Find(Key(5)), 9u);
}

}  // namespace
}  // namespace kg
