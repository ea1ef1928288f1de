// Internal to storage/: opening the RocksDB database of a store directory,
// with the checks that turn "not a kg store" and "unknown format version" into
// clear InvalidArgument errors, and the per-column-family options (shared by
// the bulk loader's SST writer so ingested files match).
#ifndef KG_STORAGE_ENGINE_OPEN_H_
#define KG_STORAGE_ENGINE_OPEN_H_

#include <rocksdb/options.h>

#include <memory>

#include "storage/engine.h"
#include "storage/store.h"

namespace kg {

rocksdb::Options EngineOptions(int cf);

// What a directory holds: nothing usable yet (absent or empty), a kg store, or
// something else (InvalidArgument naming it).
enum class DirState { kAbsent, kEmpty, kStore };
StatusOr<DirState> InspectStoreDir(const std::string& path);

// Opens (creating when `create`) the database; REQUIRES the writer lock for a
// writable open. Initialises meta of a new store; checks the format version.
StatusOr<std::shared_ptr<Engine>> OpenEngine(const std::string& path,
                                             bool read_only, bool create);

// Read-only open beside a possibly live writer: holds the store's commit lock
// (store_lock.h) shared while opening, and retries when a background flush or
// compaction of the writer removed a file the open was about to read.
StatusOr<std::shared_ptr<Engine>> OpenEngineForReading(const std::string& path);

}  // namespace kg

#endif  // KG_STORAGE_ENGINE_OPEN_H_
