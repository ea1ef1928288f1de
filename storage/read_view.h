// Internal to storage/: the ReadView of a RocksDB store. It pins a RocksDB
// snapshot for its lifetime and shares the Engine, so it stays valid after the
// Store that made it is destroyed.
#ifndef KG_STORAGE_READ_VIEW_H_
#define KG_STORAGE_READ_VIEW_H_

#include <memory>

#include "storage/engine.h"
#include "storage/store.h"

namespace kg {

std::unique_ptr<ReadView> NewRocksReadView(std::shared_ptr<Engine> engine);

}  // namespace kg

#endif  // KG_STORAGE_READ_VIEW_H_
