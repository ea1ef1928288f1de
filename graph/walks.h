// Walks over an EntityGraph: the neighbourhood of a vertex up to a depth, and
// the shortest paths between two vertices (bidirectional BFS).
//
// Per-query state is sparse: visited sets are hash maps sized by what the walk
// touches, never arrays of num_vertices(), so a 1-hop lookup costs what its
// answer costs. Thread-safety: pure functions of an immutable graph.
#ifndef KG_GRAPH_WALKS_H_
#define KG_GRAPH_WALKS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/entity_graph.h"

namespace kg {

// One edge taken by a walk, in walk order: from -> to. `forward` is true when
// the stored triple is (from, predicate, to), false when it is (to, predicate,
// from), i.e. the walk went against the edge.
struct WalkStep {
  VertexId from = kNoVertex, to = kNoVertex;
  TermId predicate = kNoTerm;
  bool forward = true;
};

struct NeighborOptions {
  int depth = 1;
  Direction direction = Direction::kBoth;
  TermId predicate = kNoTerm;  // kNoTerm: any predicate
  size_t limit = SIZE_MAX;     // at most this many distinct vertices
};

// A vertex reached at BFS distance `depth`, through the edge `via` (via.to ==
// vertex, via.from at depth - 1). `first` marks the row that discovered the
// vertex (one per distinct vertex); later rows are other shortest edges in.
struct Reached {
  VertexId vertex;
  int depth;
  WalkStep via;
  bool first;
};

// Breadth-first neighbourhood of `start` (excluded). Every vertex within
// `depth` appears once per edge that reaches it from the previous level (so a
// 1-hop answer lists every edge at `start`, parallel predicates included), in
// BFS order. REQUIRES: start < g.num_vertices().
std::vector<Reached> Neighbors(const EntityGraph& g, VertexId start,
                               const NeighborOptions& options);

struct PathOptions {
  int max_depth = 6;
  Direction direction = Direction::kBoth;
  bool all = false;         // all shortest paths, not just one
  size_t max_paths = 1000;  // cap on the paths returned with `all`
};

using GraphPath = std::vector<WalkStep>;

// Shortest paths from `from` to `to` of at most `max_depth` edges: empty when
// there is none; one empty path when from == to. With `all`, every shortest
// path (up to max_paths), else one. REQUIRES: both < g.num_vertices().
std::vector<GraphPath> ShortestPaths(const EntityGraph& g, VertexId from,
                                     VertexId to, const PathOptions& options);

}  // namespace kg

#endif  // KG_GRAPH_WALKS_H_
