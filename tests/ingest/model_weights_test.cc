// WeightTable: scoring sums the weights of known features (kept in the hash
// slot when a feature has one, beside it otherwise); Pruned keeps the
// largest weights by magnitude, drops features left empty, and survives a
// serialisation round trip; ascending keys are stored as deltas, other
// tables plainly, and damaged bytes of either are Corruption.
#include "ingest/model_weights.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace kg {
namespace {

// Three features over three classes: key 11 -> {c0: 5, c2: -40},
// key 22 -> {c1: 2}, key 33 -> {c0: -7, c1: 30, c2: 1}.
WeightTable Table() {
  return WeightTable(3, 0.5f, {11, 22, 33}, {2, 1, 3}, {0, 2, 1, 0, 1, 2},
                     {5, -40, 2, -7, 30, 1});
}

std::vector<int32_t> Scores(const WeightTable& t, std::vector<uint64_t> keys) {
  std::vector<int32_t> s(3, 0);
  t.Score(keys.data(), keys.size(), s.data());
  return s;
}

TEST(WeightTableTest, ScoresSumKnownFeatures) {
  WeightTable t = Table();
  EXPECT_EQ(Scores(t, {11, 33, 999}), (std::vector<int32_t>{-2, 30, -39}));
}

// Features with one weight are kept in the hash slot itself, the others in
// a side array: both kinds, extreme weights and the highest class, many
// features (more than one scoring block), unknown keys among them.
TEST(WeightTableTest, ManyFeaturesScoreAsTheSumOfTheirWeights) {
  constexpr int kClasses = WeightTable::kMaxClasses;
  std::mt19937_64 rng(7);
  std::vector<uint32_t> keys;
  std::vector<uint8_t> counts, classes;
  std::vector<int16_t> weights;
  std::map<uint32_t, std::vector<std::pair<int, int>>> truth;
  for (uint32_t k = 1; k <= 500; ++k) {
    const uint32_t key = k * 2654435761u;
    const int count = k % 3 == 0 ? 1 + int(rng() % 6) : 1;
    keys.push_back(key);
    counts.push_back(uint8_t(count));
    for (int c = 0; c < count; ++c) {
      int cls = k % 50 == 0 ? kClasses - 1 : int((k + 7 * uint32_t(c)) % 254);
      int w = k % 7 == 0 ? (k % 2 ? 32767 : -32768) : int(rng() % 2001) - 1000;
      classes.push_back(uint8_t(cls));
      weights.push_back(int16_t(w));
      truth[key].emplace_back(cls, w);
    }
  }
  WeightTable t(kClasses, 1.f, keys, counts, classes, weights);
  std::vector<uint64_t> query;
  std::vector<int32_t> expected(kClasses, 0);
  for (uint32_t k = 1; k <= 600; k += 1 + uint32_t(rng() % 3)) {
    const uint32_t key = k * 2654435761u;
    query.push_back(key);  // keys above 500 are unknown
    for (auto [cls, w] : truth[key]) expected[size_t(cls)] += w;
  }
  std::vector<int32_t> got(kClasses, 0);
  t.Score(query.data(), query.size(), got.data());
  EXPECT_EQ(got, expected);
}

TEST(WeightTableTest, TopTwoAmongCandidates) {
  const int32_t scores[] = {5, 9, 9, -3, 7};
  TopTwo all = FindTopTwo(scores, std::vector<int>{0, 1, 2, 3, 4});
  EXPECT_EQ(all.best, 1);  // the earlier of the tie
  EXPECT_EQ(all.top, 9);
  EXPECT_EQ(all.second, 9);
  TopTwo some = FindTopTwo(scores, std::vector<int>{4, 3});
  EXPECT_EQ(some.best, 4);
  EXPECT_EQ(some.second, -3);
  TopTwo one = FindTopTwo(scores, std::vector<int>{3});
  EXPECT_EQ(one.best, 3);
  EXPECT_EQ(one.second, INT32_MIN);
  EXPECT_EQ(FindTopTwo(scores, std::vector<int>{}).best, -1);
  TopTwo counted = FindTopTwo(scores, 5);
  EXPECT_EQ(counted.best, 1);
  EXPECT_EQ(counted.second, 9);
}

TEST(WeightTableTest, PrunedKeepsTheLargestWeights) {
  WeightTable t = Table();
  WeightTable p = t.Pruned(3);  // keeps -40, 30, -7
  EXPECT_EQ(p.num_weights(), 3u);
  EXPECT_EQ(p.num_features(), 2u);  // key 22 lost its only weight
  EXPECT_EQ(Scores(p, {11}), (std::vector<int32_t>{0, 0, -40}));
  EXPECT_EQ(Scores(p, {22}), (std::vector<int32_t>{0, 0, 0}));
  EXPECT_EQ(Scores(p, {33}), (std::vector<int32_t>{-7, 30, 0}));
  EXPECT_EQ(p.scale(), t.scale());
  // Asking for as many or more keeps everything; zero keeps nothing.
  EXPECT_EQ(t.Pruned(6).num_weights(), 6u);
  EXPECT_EQ(t.Pruned(100).num_weights(), 6u);
  EXPECT_EQ(t.Pruned(0).num_features(), 0u);
  // Round trip.
  std::string bytes;
  p.AppendTo(&bytes);
  StatusOr<WeightTable> back = WeightTable::Parse(bytes, "pruned");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(Scores(*back, {11, 22, 33}), Scores(p, {11, 22, 33}));
}

TEST(WeightTableTest, TiesAtTheCutGoTogether) {
  WeightTable t(2, 1.f, {1, 2, 3}, {1, 1, 1}, {0, 0, 1}, {9, 4, -4});
  WeightTable p = t.Pruned(2);  // 9 fits; the two 4s cannot both fit
  EXPECT_EQ(p.num_weights(), 1u);
}

TEST(WeightTableTest, KeysAreDeltaCodedWhenAscending) {
  // Large gaps need several LEB128 bytes.
  WeightTable t(2, 1.f, {7, 300, 70000, 4000000000u}, {1, 1, 1, 1},
                {0, 1, 0, 1}, {1, 2, 3, 4});
  std::string bytes;
  t.AppendTo(&bytes);
  uint32_t header = 0;
  std::memcpy(&header, bytes.data(), sizeof header);
  EXPECT_NE(header & WeightTable::kCompactKeys, 0u);
  // 4 + 4 + 8 + 8 header, 8 + 1 + 2 + 3 + 5 key bytes, 4 + 4 + 8 entries.
  EXPECT_EQ(bytes.size(), 24u + 19u + 16u);
  StatusOr<WeightTable> back = WeightTable::Parse(bytes, "compact");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::vector<uint64_t> keys = {7, 300, 70000, 4000000000u};
  std::vector<int32_t> a(2, 0), b(2, 0);
  t.Score(keys.data(), keys.size(), a.data());
  back->Score(keys.data(), keys.size(), b.data());
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, (std::vector<int32_t>{4, 6}));
  // A delta byte that never ends, or a key list shorter than announced.
  std::string endless = bytes;
  endless[32] = char(0xff);
  endless[33] = char(0xff);
  endless[34] = char(0xff);
  StatusOr<WeightTable> bad = WeightTable::Parse(endless, "endless");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
  EXPECT_FALSE(WeightTable::Parse(bytes.substr(0, 40), "short").ok());
}

TEST(WeightTableTest, UnsortedKeysAreStoredPlainly) {
  WeightTable t(2, 1.f, {33, 11}, {1, 1}, {0, 1}, {5, 6});
  std::string bytes;
  t.AppendTo(&bytes);
  uint32_t header = 0;
  std::memcpy(&header, bytes.data(), sizeof header);
  EXPECT_EQ(header & WeightTable::kCompactKeys, 0u);
  StatusOr<WeightTable> back = WeightTable::Parse(bytes, "plain");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::vector<uint64_t> keys = {11, 33};
  std::vector<int32_t> s(2, 0);
  back->Score(keys.data(), keys.size(), s.data());
  EXPECT_EQ(s, (std::vector<int32_t>{5, 6}));
}

}  // namespace
}  // namespace kg
