#include "graph/subgraph.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace kg {
namespace {

TEST(SubgraphTest, InducedEdgesAndDepths) {
  // 1 -> 2 -> 3 -> 4, and 3 -> 1 (inside the radius-2 ball of 2).
  auto g =
      EntityGraph::FromTriples({{1, 9, 2}, {2, 9, 3}, {3, 9, 4}, {3, 8, 1}}, 0);
  Subgraph sg = InducedSubgraph(*g, g->vertex(2), 1, 100);
  ASSERT_EQ(sg.vertices.size(), 3u);  // 2, then 1 and 3
  EXPECT_EQ(sg.vertices[0], g->vertex(2));
  EXPECT_EQ(sg.depth[0], 0);
  EXPECT_EQ(sg.edges.size(), 3u);  // 1->2, 2->3, 3->1; not 3->4
  sg = InducedSubgraph(*g, g->vertex(2), 2, 100);
  EXPECT_EQ(sg.vertices.size(), 4u);
  EXPECT_EQ(sg.edges.size(), 4u);
  sg = InducedSubgraph(*g, g->vertex(2), 2, 2);  // capped
  EXPECT_EQ(sg.vertices.size(), 2u);
}

NamedSubgraph Awkward() {
  NamedSubgraph sg;
  sg.nodes.push_back({"http://kg.local/entity/A", "A \"quoted\" <b> & c", 0});
  sg.nodes.push_back({"http://kg.local/entity/B", "back\\slash\nline", 1});
  sg.edges.push_back({0, 1, "http://kg.local/rel/r", "focus on"});
  return sg;
}

TEST(SubgraphTest, JsonIsValidAndEscaped) {
  auto j = nlohmann::json::parse(ToJson(Awkward()));
  EXPECT_EQ(j["nodes"][0]["label"], "A \"quoted\" <b> & c");
  EXPECT_EQ(j["nodes"][1]["label"], "back\\slash\nline");
  EXPECT_EQ(j["edges"][0]["source"], 0);
  EXPECT_EQ(j["edges"][0]["target"], 1);
  EXPECT_EQ(j["edges"][0]["label"], "focus on");
}

TEST(SubgraphTest, DotAndGraphmlEscape) {
  std::string dot = ToDot(Awkward());
  EXPECT_NE(dot.find("label=\"A \\\"quoted\\\" <b> & c\""), std::string::npos)
      << dot;
  EXPECT_NE(dot.find("n0 -> n1 [label=\"focus on\"]"), std::string::npos);
  std::string xml = ToGraphml(Awkward());
  EXPECT_NE(xml.find("A &quot;quoted&quot; &lt;b&gt; &amp; c"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("source=\"n0\" target=\"n1\""), std::string::npos);
}

}  // namespace
}  // namespace kg
