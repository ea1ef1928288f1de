// WeightTable: scoring sums the weights of known features; Pruned keeps the
// largest weights by magnitude, drops features left empty, and survives a
// serialisation round trip.
#include "ingest/model_weights.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kg
