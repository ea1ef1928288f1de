// The neighbourhood of an entity as a small standalone graph, and its
// renderings as Graphviz DOT, GraphML and JSON. Names are filled in by the
// caller (they come from the store's dictionary), so rendering is pure.
#ifndef KG_GRAPH_SUBGRAPH_H_
#define KG_GRAPH_SUBGRAPH_H_

#include <cstddef>
#include <string>
#include <vector>

#include "graph/entity_graph.h"

namespace kg {

struct Subgraph {
  std::vector<VertexId> vertices;  // BFS order; vertices[0] is the centre
  std::vector<int> depth;          // parallel to `vertices`
  struct Edge {
    size_t from, to;  // indexes into `vertices`; the triple is (from, p, to)
    TermId predicate;
  };
  std::vector<Edge> edges;
};

// Vertices within `depth` hops of `centre` (either direction), at most
// `max_vertices` of them, and every edge between two of them. Cost is
// proportional to the degrees of the vertices taken.
Subgraph InducedSubgraph(const EntityGraph& g, VertexId centre, int depth,
                         size_t max_vertices);

// A subgraph with display names, ready to render.
struct NamedSubgraph {
  struct Node {
    std::string iri, label;
    int depth = 0;
  };
  struct Edge {
    size_t from, to;
    std::string predicate_iri, predicate_label;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

std::string ToDot(const NamedSubgraph& sg);
std::string ToGraphml(const NamedSubgraph& sg);
std::string ToJson(const NamedSubgraph& sg);

}  // namespace kg

#endif  // KG_GRAPH_SUBGRAPH_H_
