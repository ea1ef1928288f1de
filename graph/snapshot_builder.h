// Builds an EntityGraph from one scan of the store's spo index at a ReadView.
//
// Which triples become edges: (s, p, o) where s and o are both entity vertices
// and p is not bookkeeping. A vertex is an IRI starting with the entity prefix
// (default "<base>entity/"; with `any_iri`, every IRI). Never edges: rdf:type,
// rdfs:label and <base>alias (they describe an entity, they do not link two),
// and the reification triples rdf:subject / rdf:predicate / rdf:object. With
// `any_iri`, every subject typed rdf:Statement (a reified statement carrying
// provenance) is skipped with all its triples. Literals and blank nodes are
// never vertices.
//
// Thread-safety: a pure function of the view (one thread per view, as the
// store requires).
#ifndef KG_GRAPH_SNAPSHOT_BUILDER_H_
#define KG_GRAPH_SNAPSHOT_BUILDER_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/entity_graph.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg {

struct SnapshotOptions {
  std::string base_iri = std::string(kDefaultBaseIri);
  bool any_iri = false;  // every IRI is a vertex, not only <base>entity/...

  std::string entity_prefix() const { return base_iri + "entity/"; }
  // Identifies the options in cache files.
  std::string Fingerprint() const;
};

// Which term ids are vertices, as learned by a build: kept by SnapshotCache
// and handed to the next build of the same store, which then resolves only
// ids it has not seen (the store never reassigns a term id).
struct TermClasses {
  enum : uint8_t { kUnknown = 0, kVertex = 1, kOther = 2 };
  std::vector<uint8_t> kind;  // indexed by TermId
  uint64_t sequence = 0;      // store sequence they were learned at
};

struct BuildStats {
  uint64_t triples_scanned = 0;
  uint64_t terms_resolved = 0;
};

// Scans view.Match(0, 0, 0) once. `classes` (optional, in/out) carries the
// vertex classification from build to build; it must come from builds of the
// same store with the same options. Errors: whatever the scan or the
// dictionary returns (IOError, Corruption).
StatusOr<std::unique_ptr<EntityGraph>> BuildEntityGraph(
    const ReadView& view, const SnapshotOptions& options,
    BuildStats* stats = nullptr, TermClasses* classes = nullptr);

}  // namespace kg

#endif  // KG_GRAPH_SNAPSHOT_BUILDER_H_
