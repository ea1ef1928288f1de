// Placeholder until the RocksDB engine lands (storage/rocksdb_store.cc replaces
// this file).
#include "storage/store.h"

namespace kg {

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                             const OpenOptions&) {
  return Status::Unimplemented("the store engine is not built yet (" + path +
                               ")");
}

}  // namespace kg
