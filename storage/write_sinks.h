// Internal to storage/: the two ways a planned write reaches the database.
// Both collect the planned puts and deletes per column family and emit them
// sorted by key, the last write of a key winning. BatchSink builds a
// rocksdb::WriteBatch (per-document path; sorted input keeps the memtable
// inserts cheap). SstSink writes one SST file per column family with
// SstFileWriter and ingests all of them in one atomic IngestExternalFiles call
// (bulk path): RocksDB makes the files of every column family visible
// together or not at all, which keeps a bulk-loaded document whole or absent
// across a crash. Not thread-safe.
#ifndef KG_STORAGE_WRITE_SINKS_H_
#define KG_STORAGE_WRITE_SINKS_H_

#include <rocksdb/write_batch.h>

#include <functional>
#include <string>
#include <vector>

#include "storage/engine.h"

namespace kg {

class SortingSink : public WriteSink {
 public:
  SortingSink() : cfs_(kCfCount) {}
  void Put(Cf cf, std::string_view key, std::string_view value) override;
  void Delete(Cf cf, std::string_view key) override;

 protected:
  using Visitor = std::function<rocksdb::Status(
      std::string_view key, std::string_view value, bool is_delete)>;
  bool empty(int cf) const { return cfs_[cf].entries.empty(); }
  // Visits the final write of every key of `cf` in key order, then frees them.
  rocksdb::Status Drain(int cf, const Visitor& visit);

 private:
  struct Entry {
    // The first 16 key bytes as big-endian numbers: most comparisons end here
    // (pos keys often share their first 8 bytes).
    uint64_t prefix, prefix2;
    uint64_t key_off;
    uint32_t key_len, value_len;  // the value follows the key in the arena
    bool is_delete;
  };
  struct CfEntries {
    std::string arena;
    std::vector<Entry> entries;
  };
  void Add(Cf cf, std::string_view key, std::string_view value, bool del);
  std::vector<CfEntries> cfs_;
};

class BatchSink : public SortingSink {
 public:
  explicit BatchSink(const Engine* e) : e_(e) {}
  // Writes the collected entries as one WriteBatch.
  Status Commit();

 private:
  const Engine* e_;
};

class SstSink : public SortingSink {
 public:
  explicit SstSink(const Engine* e) : e_(e) {}
  // Writes the SST files under a temporary directory of the store and ingests
  // them. The temporary files are removed whatever happens.
  Status Commit();

 private:
  Status WriteFile(int cf, const std::string& file);
  const Engine* e_;
};

}  // namespace kg

#endif  // KG_STORAGE_WRITE_SINKS_H_
