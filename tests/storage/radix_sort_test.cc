#include "storage/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

namespace kg {
namespace {

struct Rec {
  uint64_t a, b, c;
  uint32_t order;  // input position, to check stability
};

std::array<uint64_t, 3> KeyOf(const Rec& r) { return {r.a, r.b, r.c}; }

// Compares with std::stable_sort on records whose keys use few low bits
// (many ties, many uniform digits skipped), the full 64 bits, or mixes.
TEST(RadixSortTest, MatchesStableSort) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    std::mt19937_64 rng(seed);
    const size_t n = seed % 3 == 0 ? rng() % 2048 : rng() % 20000;
    const int shift = static_cast<int>(seed % 4) * 20;  // 0, 20, 40, 60 bits
    std::vector<Rec> v(n);
    for (size_t i = 0; i < n; ++i) {
      v[i] = {rng() % 7, (rng() >> shift) % 1000003, rng() >> shift,
              static_cast<uint32_t>(i)};
    }
    std::vector<Rec> want = v;
    std::stable_sort(want.begin(), want.end(), [](const Rec& x, const Rec& y) {
      return KeyOf(x) < KeyOf(y);
    });
    RadixSort(&v, KeyOf);
    ASSERT_EQ(v.size(), want.size());
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(KeyOf(v[i]), KeyOf(want[i])) << "seed " << seed << " at " << i;
      ASSERT_EQ(v[i].order, want[i].order) << "unstable at " << i;
    }
  }
}

TEST(RadixSortTest, EdgeCases) {
  std::vector<Rec> empty;
  RadixSort(&empty, KeyOf);
  EXPECT_TRUE(empty.empty());
  std::vector<Rec> same(100, Rec{5, 5, 5, 0});
  for (uint32_t i = 0; i < same.size(); ++i) same[i].order = i;
  RadixSort(&same, KeyOf);
  for (uint32_t i = 0; i < same.size(); ++i) EXPECT_EQ(same[i].order, i);
  std::vector<Rec> extremes = {{UINT64_MAX, 0, 0, 0},
                               {0, UINT64_MAX, 1, 1},
                               {0, UINT64_MAX, 0, 2},
                               {1, 0, 0, 3}};
  RadixSort(&extremes, KeyOf);
  EXPECT_EQ(extremes[0].order, 2u);
  EXPECT_EQ(extremes[1].order, 1u);
  EXPECT_EQ(extremes[2].order, 3u);
  EXPECT_EQ(extremes[3].order, 0u);
}

}  // namespace
}  // namespace kg
