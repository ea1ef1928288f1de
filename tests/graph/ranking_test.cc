#include "graph/ranking.h"

#include <gtest/gtest.h>

#include <numeric>

namespace kg {
namespace {

TEST(RankingTest, PageRankOfACycleIsUniform) {
  auto g = EntityGraph::FromTriples({{1, 9, 2}, {2, 9, 3}, {3, 9, 1}}, 0);
  auto pr = PageRank(*g);
  for (double x : pr) EXPECT_NEAR(x, 1.0 / 3, 1e-12);
}

TEST(RankingTest, PageRankSpreadsDanglingRankUniformly) {
  // 1 -> 2, 2 dangling. With d = 0.85 and uniform dangling redistribution:
  // x1 = 0.15/2 + 0.85*x2/2, x2 = 0.15/2 + 0.85*x2/2 + 0.85*x1.
  auto g = EntityGraph::FromTriples({{1, 9, 2}}, 0);
  auto pr = PageRank(*g);
  ASSERT_EQ(pr.size(), 2u);
  // Solve: x1 + x2 = 1 and x1 = 0.075 + 0.425*x2.
  double x2 = (1 - 0.075) / 1.425, x1 = 1 - x2;
  EXPECT_NEAR(pr[0], x1, 1e-10);
  EXPECT_NEAR(pr[1], x2, 1e-10);
  EXPECT_NEAR(std::accumulate(pr.begin(), pr.end(), 0.0), 1.0, 1e-12);
}

TEST(RankingTest, ParallelEdgesWeighPageRank) {
  // 1 links to 2 twice and to 3 once; 2 and 3 link back to 1.
  auto g = EntityGraph::FromTriples(
      {{1, 8, 2}, {1, 9, 2}, {1, 9, 3}, {2, 9, 1}, {3, 9, 1}}, 0);
  auto pr = PageRank(*g);
  EXPECT_GT(pr[g->vertex(2)], pr[g->vertex(3)]);
}

TEST(RankingTest, DegreeCountsBothDirections) {
  auto g = EntityGraph::FromTriples({{1, 9, 2}, {3, 9, 2}, {2, 9, 4}}, 0);
  auto d = DegreeScores(*g);
  EXPECT_EQ(d[g->vertex(2)], 3.0);
  EXPECT_EQ(TopVertices(d, 1), std::vector<VertexId>{g->vertex(2)});
  EXPECT_EQ(TopVertices(d, 10).size(), 4u);
}

TEST(RankingTest, BetweennessOfAPath) {
  // 1 - 2 - 3 - 4 (directions mixed; betweenness ignores them).
  auto g = EntityGraph::FromTriples({{1, 9, 2}, {3, 9, 2}, {3, 9, 4}}, 0);
  auto bc = Betweenness(*g);
  // networkx normalised: pairs through 2: (1,3), (1,4) -> 2 / ((3*2)/2) = 2/3.
  EXPECT_NEAR(bc[g->vertex(1)], 0.0, 1e-12);
  EXPECT_NEAR(bc[g->vertex(2)], 2.0 / 3, 1e-12);
  EXPECT_NEAR(bc[g->vertex(3)], 2.0 / 3, 1e-12);
}

TEST(RankingTest, SampledBetweennessWithAllSourcesIsExact) {
  auto g = EntityGraph::FromTriples(
      {{1, 9, 2}, {2, 9, 3}, {3, 9, 1}, {3, 9, 4}, {4, 9, 5}}, 0);
  auto exact = Betweenness(*g);
  BetweennessOptions o;
  o.samples = 5;
  auto sampled = Betweenness(*g, o);
  for (size_t i = 0; i < exact.size(); ++i) {
    EXPECT_NEAR(exact[i], sampled[i], 1e-12);
  }
  o.samples = 2;
  auto rough = Betweenness(*g, o);
  EXPECT_EQ(rough.size(), exact.size());
}

TEST(RankingTest, WeakComponentsOrderedBySize) {
  auto g = EntityGraph::FromTriples({{1, 9, 2},
                                     {3, 9, 2},
                                     {10, 9, 11},
                                     {20, 9, 21},
                                     {22, 9, 21},
                                     {23, 9, 22}},
                                    0);
  Components c = WeakComponents(*g);
  EXPECT_EQ(c.sizes, (std::vector<uint32_t>{4, 3, 2}));
  EXPECT_EQ(c.component[g->vertex(20)], 0u);
  EXPECT_EQ(c.component[g->vertex(1)], 1u);
  EXPECT_EQ(c.component[g->vertex(3)], 1u);
  EXPECT_EQ(c.component[g->vertex(11)], 2u);
}

}  // namespace
}  // namespace kg
