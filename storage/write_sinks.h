// Internal to storage/: the two ways a planned write reaches the database.
// BatchSink collects a rocksdb::WriteBatch (per-document path). SstSink
// collects entries per column family, sorts them, writes one SST file per
// column family with SstFileWriter and ingests all of them in one atomic
// IngestExternalFiles call (bulk path): RocksDB makes the files of every
// column family visible together or not at all, which is what keeps a bulk-
// loaded document whole or absent across a crash. Not thread-safe.
#ifndef KG_STORAGE_WRITE_SINKS_H_
#define KG_STORAGE_WRITE_SINKS_H_

#include <rocksdb/write_batch.h>

#include <string>
#include <vector>

#include "storage/engine.h"

namespace kg {

class BatchSink : public WriteSink {
 public:
  explicit BatchSink(const Engine* e) : e_(e) {}
  void Put(Cf cf, std::string_view key, std::string_view value) override;
  void Delete(Cf cf, std::string_view key) override;
  rocksdb::WriteBatch* batch() { return &batch_; }

 private:
  const Engine* e_;
  rocksdb::WriteBatch batch_;
};

class SstSink : public WriteSink {
 public:
  explicit SstSink(const Engine* e) : e_(e), cfs_(kCfCount) {}
  void Put(Cf cf, std::string_view key, std::string_view value) override;
  void Delete(Cf cf, std::string_view key) override;
  // Writes the SST files under a temporary directory of the store and ingests
  // them. The temporary files are removed whatever happens.
  Status Commit();

 private:
  struct Entry {
    uint64_t key_off;
    uint32_t key_len, value_len;  // value follows the key in the arena
    bool is_delete;
  };
  struct CfEntries {
    std::string arena;
    std::vector<Entry> entries;
  };
  void Add(Cf cf, std::string_view key, std::string_view value, bool del);
  Status WriteFile(int cf, const std::string& file);

  const Engine* e_;
  std::vector<CfEntries> cfs_;
};

}  // namespace kg

#endif  // KG_STORAGE_WRITE_SINKS_H_
