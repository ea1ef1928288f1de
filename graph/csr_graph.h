// Private to graph/: the Boost.Graph type behind EntityGraph. Include only
// from graph/*.cc.
#ifndef KG_GRAPH_CSR_GRAPH_H_
#define KG_GRAPH_CSR_GRAPH_H_

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "graph/entity_graph.h"

namespace kg {

struct PredicateEdge {
  TermId predicate = kNoTerm;
};

using CsrBase =
    boost::compressed_sparse_row_graph<boost::bidirectionalS,
                                       boost::no_property, PredicateEdge,
                                       boost::no_property, VertexId, uint32_t>;

struct CsrGraph {
  CsrBase g;
};

// EntityGraph::ForEachAdjacent without the std::function indirection, for
// the walks' inner loops. `f` returns false to stop.
template <typename F>
inline void VisitAdjacent(const CsrBase& g, VertexId v, Direction d, F&& f) {
  if (d != Direction::kIn) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (!f(Adjacent{boost::target(*it, g), g[*it].predicate, true})) return;
    }
  }
  if (d != Direction::kOut) {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (!f(Adjacent{boost::source(*it, g), g[*it].predicate, false})) return;
    }
  }
}

}  // namespace kg

#endif  // KG_GRAPH_CSR_GRAPH_H_
