// A read-only snapshot of the entity graph: one vertex per entity IRI (dense
// VertexId, assigned in increasing TermId order), one directed edge per triple
// between two entities, labelled with the predicate's TermId. Backed by a
// Boost.Graph compressed_sparse_row_graph (bidirectional); no Boost type
// appears here (the CSR lives in graph/csr_graph.h, behind a pointer).
//
// Which triples count as edges is decided by graph/snapshot_builder.h.
// Thread-safety: immutable after construction; any number of threads may read.
#ifndef KG_GRAPH_ENTITY_GRAPH_H_
#define KG_GRAPH_ENTITY_GRAPH_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "storage/store.h"
#include "storage/term.h"

namespace kg {

using VertexId = uint32_t;
inline constexpr VertexId kNoVertex = UINT32_MAX;

enum class Direction { kOut, kIn, kBoth };

// One edge seen from a vertex: the other end, the predicate, and whether the
// edge leaves the vertex (subject side) or enters it (object side).
struct Adjacent {
  VertexId vertex;
  TermId predicate;
  bool outgoing;
};

struct CsrGraph;  // graph/csr_graph.h

class EntityGraph {
 public:
  // Builds a snapshot from triples between entity term ids (any order; each
  // triple becomes one edge). `sequence` is the store sequence it reflects.
  static std::unique_ptr<EntityGraph> FromTriples(
      const std::vector<IdTriple>& triples, uint64_t sequence);

  ~EntityGraph();
  EntityGraph(const EntityGraph&) = delete;
  EntityGraph& operator=(const EntityGraph&) = delete;

  uint32_t num_vertices() const;
  uint64_t num_edges() const;
  uint64_t sequence() const { return sequence_; }

  // The term of a vertex. REQUIRES: v < num_vertices().
  TermId term(VertexId v) const { return terms_[v]; }
  // The vertex of a term, or kNoVertex when the term is not in the graph.
  // O(log V), no allocation.
  VertexId vertex(TermId t) const;

  uint64_t out_degree(VertexId v) const;
  uint64_t in_degree(VertexId v) const;

  // Calls `fn` for each edge at `v` in direction `d` (out-edges first, in
  // order of predicate then object id); stops early when `fn` returns false.
  void ForEachAdjacent(VertexId v, Direction d,
                       const std::function<bool(const Adjacent&)>& fn) const;

  // Every edge as (subject term, predicate, object term), in CSR order.
  std::vector<IdTriple> Triples() const;

  // For algorithms inside graph/: the Boost CSR graph.
  const CsrGraph& csr() const { return *csr_; }

 private:
  EntityGraph(std::vector<TermId> terms, std::unique_ptr<CsrGraph> csr,
              uint64_t sequence);

  std::vector<TermId> terms_;  // sorted: vertex -> term
  std::unique_ptr<CsrGraph> csr_;
  uint64_t sequence_;
};

}  // namespace kg

#endif  // KG_GRAPH_ENTITY_GRAPH_H_
