// Internal to storage/: the open RocksDB database of a store, its column
// families, the meta keys, and the write sink the document writer emits into.
// Nothing outside storage/ includes this header. An Engine is shared (via
// shared_ptr) by the Store and every ReadView, so views may outlive the Store.
#ifndef KG_STORAGE_ENGINE_H_
#define KG_STORAGE_ENGINE_H_

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/key_codec.h"
#include "storage/status.h"

namespace kg {

// Column families. Index CFs hold 24-byte keys with empty values. `support`
// holds an 8-byte big-endian count only for triples supported by two or more
// documents: a triple in the indexes without a support entry has support 1.
enum Cf : int {
  kCfDefault = 0,
  kCfMeta,
  kCfStr2Id,  // Term::Encode() -> 8-byte id
  kCfId2Str,  // 8-byte id -> Term::Encode()
  kCfSpo,
  kCfPos,
  kCfOsp,
  kCfSupport,     // spo key -> count (only when >= 2)
  kCfDocuments,   // document id -> StoredDocument (records.h)
  kCfDocTriples,  // contribution chunks (records.h)
  kCfStatements,  // StatementKey -> StatementRecord (records.h)
  kCfCount
};
const char* CfName(int cf);
inline Cf IndexCf(IndexKind k) {
  return static_cast<Cf>(kCfSpo + static_cast<int>(k));
}

// meta keys.
inline constexpr std::string_view kMetaFormatVersion = "format_version";
inline constexpr std::string_view kMetaNextTermId =
    "next_term_id";                                            // 8-byte BE
inline constexpr std::string_view kMetaCounters = "counters";  // 3 x 8-byte BE
inline constexpr int kFormatVersion = 1;

// Store-wide counts kept in meta and updated in the same write as the data.
struct Counters {
  uint64_t triples = 0, documents = 0, statements = 0;
  std::string Encode() const;
  static StatusOr<Counters> Decode(std::string_view bytes);
};

struct Engine {
  std::string path;
  bool read_only = false;
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> cf;  // indexed by Cf

  ~Engine();
  rocksdb::ColumnFamilyHandle* handle(int c) const { return cf[c]; }
};

Status FromRocks(const rocksdb::Status& s, const std::string& context);

// Where a write plan goes: a WriteBatch (per-document path) or SST files
// (bulk path). Keys within one Put/Delete sequence may repeat; the last wins.
class WriteSink {
 public:
  virtual ~WriteSink() = default;
  virtual void Put(Cf cf, std::string_view key, std::string_view value) = 0;
  virtual void Delete(Cf cf, std::string_view key) = 0;
  // A hint: about `writes` more Puts/Deletes of `cf` are coming.
  virtual void Reserve(Cf cf, size_t writes) {
    (void)cf;
    (void)writes;
  }
};

}  // namespace kg

#endif  // KG_STORAGE_ENGINE_H_
