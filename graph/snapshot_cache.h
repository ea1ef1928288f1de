// Keeps the entity-graph snapshot of a store and rebuilds it only when the
// store has changed: the key is ReadView::sequence() (plus the snapshot
// options). Optionally persists the snapshot in the store directory
// (graph-snapshot.bin, cereal binary, written atomically by rename) so that a
// new process skips the scan; a damaged or stale file is ignored and replaced.
//
// Thread-safety: Get may be called from several threads; the returned graph
// is immutable and stays valid while the caller holds it.
#ifndef KG_GRAPH_SNAPSHOT_CACHE_H_
#define KG_GRAPH_SNAPSHOT_CACHE_H_

#include <memory>
#include <mutex>
#include <string>

#include "graph/entity_graph.h"
#include "graph/snapshot_builder.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg {

class SnapshotCache {
 public:
  enum class Source { kNone, kMemory, kDisk, kBuilt };

  // `disk_dir` empty: memory only. Otherwise the snapshot file lives there
  // (normally the store's directory).
  explicit SnapshotCache(SnapshotOptions options, std::string disk_dir = "");

  // The snapshot for the view's sequence. Errors: those of BuildEntityGraph.
  // A failure to write the cache file is not an error (the store may be on a
  // read-only medium).
  StatusOr<std::shared_ptr<const EntityGraph>> Get(const ReadView& view);

  // Where the last successful Get came from.
  Source last_source() const;

  static constexpr const char* kFileName = "graph-snapshot.bin";

 private:
  // REQUIRES: mu_ held (it may adopt the file's term classes).
  std::shared_ptr<const EntityGraph> LoadFile(uint64_t sequence);
  void SaveFile(const EntityGraph& g) const;

  const SnapshotOptions options_;
  const std::string disk_dir_;
  mutable std::mutex mu_;
  std::shared_ptr<const EntityGraph> graph_;  // guarded by mu_
  Source last_source_ = Source::kNone;        // guarded by mu_
  TermClasses classes_;                       // guarded by mu_
};

}  // namespace kg

#endif  // KG_GRAPH_SNAPSHOT_CACHE_H_
