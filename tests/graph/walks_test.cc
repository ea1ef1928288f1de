#include "graph/walks.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace kg {
namespace {

// A small hand-made graph; term id = vertex label number.
//   1 -a-> 2 -a-> 3 -a-> 4
//   1 -b-> 5 -b-> 4
//   6 -a-> 1          7 (isolated pair 7 -a-> 8)
constexpr TermId kA = 100, kB = 101;

class WalksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_ = EntityGraph::FromTriples({{1, kA, 2},
                                   {2, kA, 3},
                                   {3, kA, 4},
                                   {1, kB, 5},
                                   {5, kB, 4},
                                   {6, kA, 1},
                                   {7, kA, 8}},
                                  1);
  }
  VertexId V(TermId t) const { return g_->vertex(t); }
  std::set<TermId> Terms(const std::vector<Reached>& r) const {
    std::set<TermId> out;
    for (const Reached& x : r) out.insert(g_->term(x.vertex));
    return out;
  }
  std::string Render(const GraphPath& p) const {
    std::string s;
    for (const WalkStep& st : p) {
      s += std::to_string(g_->term(st.from)) + (st.forward ? ">" : "<") +
           std::to_string(g_->term(st.to)) + " ";
    }
    return s;
  }
  std::unique_ptr<EntityGraph> g_;
};

TEST_F(WalksTest, OneHopBothDirections) {
  NeighborOptions o;
  auto r = Neighbors(*g_, V(1), o);
  EXPECT_EQ(Terms(r), (std::set<TermId>{2, 5, 6}));
  for (const Reached& x : r) EXPECT_EQ(x.depth, 1);
}

TEST_F(WalksTest, DirectionAndPredicateFilters) {
  NeighborOptions o;
  o.direction = Direction::kOut;
  EXPECT_EQ(Terms(Neighbors(*g_, V(1), o)), (std::set<TermId>{2, 5}));
  o.direction = Direction::kIn;
  EXPECT_EQ(Terms(Neighbors(*g_, V(1), o)), (std::set<TermId>{6}));
  o.direction = Direction::kOut;
  o.predicate = kB;
  o.depth = 3;
  EXPECT_EQ(Terms(Neighbors(*g_, V(1), o)), (std::set<TermId>{5, 4}));
}

TEST_F(WalksTest, DepthTwoReportsEveryShortestEdgeIntoANewVertex) {
  NeighborOptions o;
  o.depth = 2;
  o.direction = Direction::kOut;
  auto r = Neighbors(*g_, V(1), o);
  EXPECT_EQ(Terms(r), (std::set<TermId>{2, 5, 3, 4}));
  int into4 = 0, firsts = 0;
  for (const Reached& x : r) firsts += x.first;
  EXPECT_EQ(firsts, 4);
  for (const Reached& x : r) {
    if (g_->term(x.vertex) == 4) {
      ++into4;
      EXPECT_EQ(x.depth, 2);
      EXPECT_EQ(g_->term(x.via.from), 5u);
    }
  }
  EXPECT_EQ(into4, 1);
}

TEST_F(WalksTest, LimitCapsDistinctVertices) {
  NeighborOptions o;
  o.depth = 5;
  o.limit = 2;
  EXPECT_EQ(Terms(Neighbors(*g_, V(1), o)).size(), 2u);
  o.limit = 0;
  EXPECT_TRUE(Neighbors(*g_, V(1), o).empty());
}

TEST_F(WalksTest, ShortestPathFollowsAndReversesEdges) {
  PathOptions o;
  auto paths = ShortestPaths(*g_, V(6), V(4), o);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Render(paths[0]), "6>1 1>5 5>4 ");
  paths = ShortestPaths(*g_, V(4), V(6), o);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Render(paths[0]), "4<5 5<1 1<6 ");
  EXPECT_EQ(paths[0][0].predicate, kB);
}

TEST_F(WalksTest, AllShortestPaths) {
  PathOptions o;
  o.all = true;
  auto paths = ShortestPaths(*g_, V(2), V(5), o);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Render(paths[0]), "2<1 1>5 ");
  // 3-4-5 (length 2) beats 3-2-1-5 (length 3).
  paths = ShortestPaths(*g_, V(3), V(5), o);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(Render(paths[0]), "3>4 4<5 ");
}

TEST_F(WalksTest, DirectedPathsAndLimits) {
  PathOptions o;
  o.direction = Direction::kOut;
  EXPECT_TRUE(ShortestPaths(*g_, V(4), V(1), o).empty());
  auto paths = ShortestPaths(*g_, V(1), V(4), o);
  ASSERT_EQ(paths.size(), 1u);
  EXPECT_EQ(paths[0].size(), 2u);
  o.max_depth = 1;
  EXPECT_TRUE(ShortestPaths(*g_, V(1), V(4), o).empty());
  o.direction = Direction::kBoth;
  o.max_depth = 10;
  EXPECT_TRUE(ShortestPaths(*g_, V(1), V(8), o).empty());
  auto self = ShortestPaths(*g_, V(1), V(1), o);
  ASSERT_EQ(self.size(), 1u);
  EXPECT_TRUE(self[0].empty());
}

TEST(WalksDiamondTest, CountsAllShortestPathsThroughBothSides) {
  // Two layers of width 3 between s=1 and t=2: 9 shortest paths of length 3.
  std::vector<IdTriple> t;
  for (TermId a : {10, 11, 12}) {
    t.push_back({1, 5, a});
    for (TermId b : {20, 21, 22}) t.push_back({a, 5, b});
  }
  for (TermId b : {20, 21, 22}) t.push_back({b, 5, 2});
  t.push_back({1, 5, 30});  // a dead end
  auto g = EntityGraph::FromTriples(t, 0);
  PathOptions o;
  o.all = true;
  auto paths = ShortestPaths(*g, g->vertex(1), g->vertex(2), o);
  EXPECT_EQ(paths.size(), 9u);
  std::set<std::vector<VertexId>> distinct;
  for (const auto& p : paths) {
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p.front().from, g->vertex(1));
    EXPECT_EQ(p.back().to, g->vertex(2));
    for (size_t i = 1; i < p.size(); ++i) EXPECT_EQ(p[i - 1].to, p[i].from);
    distinct.insert({p[0].to, p[1].to});
  }
  EXPECT_EQ(distinct.size(), 9u);
  o.max_paths = 4;
  EXPECT_EQ(ShortestPaths(*g, g->vertex(1), g->vertex(2), o).size(), 4u);
}

}  // namespace
}  // namespace kg
