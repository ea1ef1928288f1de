// Whole-graph measures over an EntityGraph: PageRank, degree, betweenness, and
// weakly connected components. These are global algorithms: their state is
// O(V + E) by nature. Thread-safety: pure functions of an immutable graph.
#ifndef KG_GRAPH_RANKING_H_
#define KG_GRAPH_RANKING_H_

#include <cstdint>
#include <vector>

#include "graph/entity_graph.h"

namespace kg {

struct PageRankOptions {
  double damping = 0.85;
  double tolerance = 1e-12;  // stop when the L1 change per vertex is below
  int max_iterations = 1000;
};

// PageRank of the directed multigraph (each triple is one link; parallel links
// add weight). A dangling vertex (no out-edges) spreads its rank uniformly over
// all vertices, as in networkx.pagerank. Scores sum to 1.
std::vector<double> PageRank(const EntityGraph& g,
                             const PageRankOptions& options = {});

// in-degree + out-degree (each triple counts).
std::vector<double> DegreeScores(const EntityGraph& g);

struct BetweennessOptions {
  // Number of BFS sources; 0 or >= V means every vertex (exact). Sources are
  // drawn uniformly with `seed` and the result scaled by V / samples.
  uint32_t samples = 0;
  uint64_t seed = 42;
};

// Brandes betweenness centrality on the undirected simple graph underlying
// the snapshot (edge directions and parallel edges ignored), normalised as
// networkx.betweenness_centrality(normalized=True) does for undirected graphs.
std::vector<double> Betweenness(const EntityGraph& g,
                                const BetweennessOptions& options = {});

struct Components {
  std::vector<uint32_t> component;  // vertex -> component id
  // component id -> size; ids are ordered by decreasing size, then by
  // smallest vertex.
  std::vector<uint32_t> sizes;
};

// Weakly connected components (edges taken in both directions).
Components WeakComponents(const EntityGraph& g);

// The `n` vertices with the highest score (ties by lower vertex id), best
// first.
std::vector<VertexId> TopVertices(const std::vector<double>& scores, size_t n);

}  // namespace kg

#endif  // KG_GRAPH_RANKING_H_
