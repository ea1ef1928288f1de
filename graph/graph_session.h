// What a graph command or a service request needs at once: a read view of the
// store, the entity-graph snapshot for it (through a SnapshotCache), and the
// name index to find entities and name vertices and predicates.
//
// Thread-safety: one thread at a time (it owns a ReadView). The snapshot it
// hands out is immutable and may outlive the session.
#ifndef KG_GRAPH_GRAPH_SESSION_H_
#define KG_GRAPH_GRAPH_SESSION_H_

#include <memory>
#include <string>
#include <string_view>

#include "graph/entity_graph.h"
#include "graph/entity_names.h"
#include "graph/snapshot_cache.h"
#include "graph/subgraph.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg {

// An entity found by name: its term, and its vertex (kNoVertex when it has no
// link to another entity).
struct FoundEntity {
  TermId term = kNoTerm;
  VertexId vertex = kNoVertex;
  size_t candidates = 1;  // how many entities the name denoted
};

class GraphSession {
 public:
  // Opens a view of `store` and gets its snapshot from `cache`.
  // REQUIRES: store and cache outlive the session.
  static StatusOr<std::unique_ptr<GraphSession>> Open(
      const Store& store, SnapshotCache& cache,
      const std::string& base_iri = std::string(kDefaultBaseIri));

  const EntityGraph& graph() const { return *graph_; }
  std::shared_ptr<const EntityGraph> shared_graph() const { return graph_; }
  const ReadView& view() const { return *view_; }

  // The entity a name denotes; among several, the one with the most links.
  // NotFound with suggestions for an unknown name.
  StatusOr<FoundEntity> Find(std::string_view name);
  // A predicate by IRI, "<base>rel/NAME" local name, or rdfs:label.
  StatusOr<TermId> FindPredicate(std::string_view name);

  std::string VertexName(VertexId v) { return names_->DisplayName(term(v)); }
  std::string TermName(TermId t) { return names_->DisplayName(t); }
  std::string TermIri(TermId t) { return names_->TermText(t); }
  TermId term(VertexId v) const { return graph_->term(v); }

  NamedSubgraph Name(const Subgraph& sg);

 private:
  GraphSession() = default;

  std::unique_ptr<ReadView> view_;
  std::shared_ptr<const EntityGraph> graph_;
  std::unique_ptr<EntityNames> names_;
  std::string base_iri_;
};

}  // namespace kg

#endif  // KG_GRAPH_GRAPH_SESSION_H_
