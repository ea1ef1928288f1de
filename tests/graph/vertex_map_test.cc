#include "graph/vertex_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace kg {
namespace {

TEST(VertexMapTest, AgreesWithStdMapThroughGrowth) {
  std::mt19937 rng(5);
  VertexMap<int> m;
  std::map<VertexId, int> ref;
  for (int i = 0; i < 20000; ++i) {
    VertexId k = rng() % 30000;  // many repeats
    auto [value, inserted] = m.TryEmplace(k, i);
    auto [it, ref_inserted] = ref.emplace(k, i);
    ASSERT_EQ(inserted, ref_inserted);
    ASSERT_EQ(*value, it->second);
  }
  EXPECT_EQ(m.size(), ref.size());
  for (VertexId k = 0; k < 30000; ++k) {
    const int* v = m.Find(k);
    auto it = ref.find(k);
    ASSERT_EQ(v != nullptr, it != ref.end()) << k;
    if (v != nullptr) {
      EXPECT_EQ(*v, it->second);
    }
  }
}

TEST(VertexMapTest, ValuesAreWritable) {
  VertexMap<int> m(1);
  m.TryEmplace(7, 1);
  *m.Find(7) = 5;
  EXPECT_EQ(*m.TryEmplace(7, 9).first, 5);
  EXPECT_EQ(m.Find(8), nullptr);
  EXPECT_NE(m.Find(kNoVertex - 1), m.Find(7));
}

}  // namespace
}  // namespace kg
