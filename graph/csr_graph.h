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

}  // namespace kg

#endif  // KG_GRAPH_CSR_GRAPH_H_
