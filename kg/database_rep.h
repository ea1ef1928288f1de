// The private side of kg/kg.h: what a Database holds. Internal to kg/; the
// module types (Store, SnapshotCache, Parser, ...) stay out of the public
// header.
//
// Locking: write_mu serialises the writes and guards the lazily loaded
// parser; index_mu guards the cached EntityIndex. The store, the snapshot
// cache and the extractor are safe for concurrent use on their own.
#ifndef KG_KG_DATABASE_REP_H_
#define KG_KG_DATABASE_REP_H_

#include <memory>
#include <mutex>
#include <string>

#include "graph/snapshot_cache.h"
#include "ingest/entity_index.h"
#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "ingest/vocabulary.h"
#include "kg/kg.h"
#include "storage/store.h"

namespace kg {

struct Database::Rep {
  Rep(const DatabaseOptions& o, std::unique_ptr<Store> s)
      : options(o),
        store(std::move(s)),
        snapshots(SnapshotFor(o.base_iri), store->path()),
        vocab(o.base_iri) {}

  static SnapshotOptions SnapshotFor(const std::string& base_iri) {
    SnapshotOptions options;
    options.base_iri = base_iri;
    return options;
  }

  // The entity index of `view`'s snapshot, rebuilt when the store changed.
  StatusOr<std::shared_ptr<const EntityIndex>> Entities(const ReadView& view);

  const DatabaseOptions options;
  const std::unique_ptr<Store> store;
  SnapshotCache snapshots;
  const Vocabulary vocab;
  const Extractor extractor;

  std::mutex write_mu;
  std::unique_ptr<Parser> parser;  // guarded by write_mu; loaded on first use

  std::mutex index_mu;
  std::shared_ptr<const EntityIndex> index;  // guarded by index_mu
  uint64_t index_sequence = 0;               // guarded by index_mu
};

// The parser model the options name (see DatabaseOptions::model_path), or
// NotFound listing the places tried.
StatusOr<std::string> ResolveModelPath(const DatabaseOptions& options);

}  // namespace kg

#endif  // KG_KG_DATABASE_REP_H_
