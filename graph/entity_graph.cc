#include "graph/entity_graph.h"

#include <algorithm>
#include <utility>

#include "graph/csr_graph.h"

namespace kg {

EntityGraph::EntityGraph(std::vector<TermId> terms,
                         std::unique_ptr<CsrGraph> csr, uint64_t sequence)
    : terms_(std::move(terms)), csr_(std::move(csr)), sequence_(sequence) {}

EntityGraph::~EntityGraph() = default;

std::unique_ptr<EntityGraph> EntityGraph::FromTriples(
    const std::vector<IdTriple>& triples, uint64_t sequence) {
  std::vector<TermId> terms;
  terms.reserve(triples.size() / 2 + 16);
  TermId max_id = 0;
  for (const IdTriple& t : triples) {
    max_id = std::max({max_id, t.s, t.o});
  }
  // Dense marking is O(max_id) once per build, far cheaper than sorting all
  // endpoints when ids are dense (they are in the store); fall back to a sort
  // for sparse ids.
  const bool dense = max_id <= 4 * triples.size() + (1u << 20);
  std::vector<VertexId> index;
  if (dense) {
    index.assign(max_id + 1, kNoVertex);
    for (const IdTriple& t : triples) index[t.s] = index[t.o] = 0;
    for (TermId id = 1; id <= max_id; ++id) {
      if (index[id] == 0) {
        index[id] = static_cast<VertexId>(terms.size());
        terms.push_back(id);
      }
    }
  } else {
    for (const IdTriple& t : triples) {
      terms.push_back(t.s);
      terms.push_back(t.o);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  }
  auto to_vertex = [&](TermId id) -> VertexId {
    if (dense) return index[id];
    return static_cast<VertexId>(
        std::lower_bound(terms.begin(), terms.end(), id) - terms.begin());
  };
  std::vector<std::pair<VertexId, VertexId>> edges;
  std::vector<PredicateEdge> props;
  edges.reserve(triples.size());
  props.reserve(triples.size());
  for (const IdTriple& t : triples) {
    edges.emplace_back(to_vertex(t.s), to_vertex(t.o));
    props.push_back(PredicateEdge{t.p});
  }
  auto csr = std::make_unique<CsrGraph>(CsrGraph{
      CsrBase(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
              props.begin(), static_cast<VertexId>(terms.size()))});
  return std::unique_ptr<EntityGraph>(
      new EntityGraph(std::move(terms), std::move(csr), sequence));
}

uint32_t EntityGraph::num_vertices() const {
  return boost::num_vertices(csr_->g);
}

uint64_t EntityGraph::num_edges() const { return boost::num_edges(csr_->g); }

VertexId EntityGraph::vertex(TermId t) const {
  auto it = std::lower_bound(terms_.begin(), terms_.end(), t);
  if (it == terms_.end() || *it != t) return kNoVertex;
  return static_cast<VertexId>(it - terms_.begin());
}

uint64_t EntityGraph::out_degree(VertexId v) const {
  return boost::out_degree(v, csr_->g);
}

uint64_t EntityGraph::in_degree(VertexId v) const {
  return boost::in_degree(v, csr_->g);
}

void EntityGraph::ForEachAdjacent(
    VertexId v, Direction d,
    const std::function<bool(const Adjacent&)>& fn) const {
  const CsrBase& g = csr_->g;
  if (d != Direction::kIn) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      if (!fn(Adjacent{boost::target(*it, g), g[*it].predicate, true})) return;
    }
  }
  if (d != Direction::kOut) {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      if (!fn(Adjacent{boost::source(*it, g), g[*it].predicate, false})) return;
    }
  }
}

std::vector<IdTriple> EntityGraph::Triples() const {
  const CsrBase& g = csr_->g;
  std::vector<IdTriple> out;
  out.reserve(num_edges());
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    out.push_back(IdTriple{terms_[boost::source(*it, g)], g[*it].predicate,
                           terms_[boost::target(*it, g)]});
  }
  return out;
}

}  // namespace kg
