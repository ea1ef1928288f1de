#include "graph/entity_graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace kg {
namespace {

std::vector<Adjacent> Adjacents(const EntityGraph& g, VertexId v, Direction d) {
  std::vector<Adjacent> out;
  g.ForEachAdjacent(v, d, [&](const Adjacent& a) {
    out.push_back(a);
    return true;
  });
  return out;
}

TEST(EntityGraphTest, MapsTermsToDenseVerticesInIdOrder) {
  // Terms 10, 20, 30, 40; predicates 5 and 6 are not vertices.
  auto g = EntityGraph::FromTriples(
      {{30, 5, 10}, {10, 5, 20}, {10, 6, 20}, {20, 5, 40}}, 7);
  ASSERT_EQ(g->num_vertices(), 4u);
  EXPECT_EQ(g->num_edges(), 4u);
  EXPECT_EQ(g->sequence(), 7u);
  EXPECT_EQ(g->term(0), 10u);
  EXPECT_EQ(g->term(3), 40u);
  EXPECT_EQ(g->vertex(30), 2u);
  EXPECT_EQ(g->vertex(5), kNoVertex);
  EXPECT_EQ(g->vertex(0), kNoVertex);
  EXPECT_EQ(g->vertex(99), kNoVertex);
  EXPECT_EQ(g->out_degree(g->vertex(10)), 2u);
  EXPECT_EQ(g->in_degree(g->vertex(10)), 1u);
  EXPECT_EQ(g->in_degree(g->vertex(20)), 2u);
}

TEST(EntityGraphTest, AdjacentListsOutThenInWithPredicates) {
  auto g = EntityGraph::FromTriples({{1, 100, 2}, {1, 101, 2}, {3, 100, 1}}, 0);
  VertexId v1 = g->vertex(1), v2 = g->vertex(2), v3 = g->vertex(3);
  auto both = Adjacents(*g, v1, Direction::kBoth);
  ASSERT_EQ(both.size(), 3u);
  EXPECT_TRUE(both[0].outgoing);
  EXPECT_EQ(both[0].vertex, v2);
  EXPECT_EQ(both[0].predicate, 100u);
  EXPECT_EQ(both[1].predicate, 101u);
  EXPECT_FALSE(both[2].outgoing);
  EXPECT_EQ(both[2].vertex, v3);
  EXPECT_EQ(Adjacents(*g, v1, Direction::kOut).size(), 2u);
  EXPECT_EQ(Adjacents(*g, v1, Direction::kIn).size(), 1u);
  EXPECT_TRUE(Adjacents(*g, v3, Direction::kIn).empty());
}

TEST(EntityGraphTest, ForEachStopsWhenCallbackReturnsFalse) {
  auto g = EntityGraph::FromTriples({{1, 9, 2}, {1, 9, 3}, {1, 9, 4}}, 0);
  int calls = 0;
  g->ForEachAdjacent(g->vertex(1), Direction::kBoth,
                     [&](const Adjacent&) { return ++calls < 2; });
  EXPECT_EQ(calls, 2);
}

TEST(EntityGraphTest, TriplesRoundTripWithSparseIds) {
  // Ids far apart force the sorted (non-dense) mapping.
  std::vector<IdTriple> in = {{1ull << 40, 7, 3},
                              {3, 7, 1ull << 41},
                              {3, 8, 3},  // self-loop kept
                              {1ull << 41, 7, 1ull << 40}};
  auto g = EntityGraph::FromTriples(in, 0);
  EXPECT_EQ(g->num_vertices(), 3u);
  auto out = g->Triples();
  auto less = [](const IdTriple& a, const IdTriple& b) {
    return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
  };
  std::sort(in.begin(), in.end(), less);
  std::sort(out.begin(), out.end(), less);
  EXPECT_EQ(in, out);
}

TEST(EntityGraphTest, EmptyGraph) {
  auto g = EntityGraph::FromTriples({}, 3);
  EXPECT_EQ(g->num_vertices(), 0u);
  EXPECT_EQ(g->num_edges(), 0u);
  EXPECT_EQ(g->vertex(1), kNoVertex);
  EXPECT_TRUE(g->Triples().empty());
}

}  // namespace
}  // namespace kg
