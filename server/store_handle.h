// The store as `kg serve` sees it: opened read-only by default (a writer such
// as `kg ingest` may run beside the server), reopened when the store directory
// shows that a writer has committed, so new data becomes visible without a
// restart; or opened for writing with --allow-writes. Alongside it, the
// derived read structures that are costly to build and are shared by requests:
// the entity-graph snapshot cache and the entity index, both keyed by the
// store's sequence number.
//
// Thread-safety: every method may be called from any thread. A Snapshot is
// immutable; a request holds one for its whole duration, so a reopen never
// pulls the store from under a running request.
#ifndef KG_SERVER_STORE_HANDLE_H_
#define KG_SERVER_STORE_HANDLE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "graph/snapshot_cache.h"
#include "ingest/entity_index.h"
#include "ingest/vocabulary.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg::server {

struct StoreHandleOptions {
  std::string path;
  bool writable = false;  // hold the writer lock (--allow-writes)
  int wait_seconds = 0;   // for the writer lock
  std::string base_iri = std::string(kDefaultBaseIri);
  // How often, at most, a read-only handle looks for a writer's commits.
  std::chrono::milliseconds refresh_interval{1000};
};

class StoreHandle {
 public:
  // Opens the store. Errors: those of Store::Open (a read-only handle needs an
  // existing store).
  static StatusOr<std::unique_ptr<StoreHandle>> Open(
      const StoreHandleOptions& options);

  // The store as of now: first reopens a read-only store when its files have
  // changed since the last look (at most once per refresh interval). A failed
  // reopen keeps the previous store.
  std::shared_ptr<Store> Current();

  // The store for writing; nullptr when the handle is read-only.
  Store* writer() { return options_.writable ? store_.get() : nullptr; }
  bool writable() const { return options_.writable; }

  const Vocabulary& vocabulary() const { return vocab_; }
  const std::string& base_iri() const { return options_.base_iri; }
  SnapshotCache& snapshots() { return *snapshots_; }

  // The entity index of the view's snapshot, built once per store sequence.
  StatusOr<std::shared_ptr<const EntityIndex>> Entities(const ReadView& view);

  // How many times the store has been reopened to see new data.
  uint64_t reopen_count() const;

 private:
  explicit StoreHandle(const StoreHandleOptions& options);
  // A cheap fingerprint of the store directory's data files (names, sizes,
  // modification times): it changes when a writer commits.
  uint64_t Fingerprint() const;

  const StoreHandleOptions options_;
  const Vocabulary vocab_;
  std::unique_ptr<SnapshotCache> snapshots_;

  mutable std::mutex mu_;
  std::shared_ptr<Store> store_;                      // guarded by mu_
  uint64_t fingerprint_ = 0;                          // guarded by mu_
  std::chrono::steady_clock::time_point last_check_;  // guarded by mu_
  uint64_t reopens_ = 0;                              // guarded by mu_
  std::shared_ptr<const EntityIndex> entities_;       // guarded by mu_
  uint64_t entities_sequence_ = 0;                    // guarded by mu_
  std::mutex entities_build_mu_;  // one index build at a time
};

}  // namespace kg::server

#endif  // KG_SERVER_STORE_HANDLE_H_
