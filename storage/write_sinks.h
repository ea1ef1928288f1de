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
  void Reserve(Cf cf, size_t writes) override;

 protected:
  using Visitor = std::function<rocksdb::Status(
      std::string_view key, std::string_view value, bool is_delete)>;
  bool empty(int cf) const {
    return cfs_[cf].entries.empty() && cfs_[cf].fixed.empty();
  }
  // Number of writes collected for `cf` and their key and value bytes.
  size_t bytes(int cf) const {
    return cfs_[cf].arena.size() + cfs_[cf].fixed.size() * kIndexKeySize;
  }
  // Visits the final write of every key of `cf` in key order, then frees them.
  // Drains of different column families may run in parallel threads.
  rocksdb::Status Drain(int cf, const Visitor& visit);

 private:
  struct Entry {
    // 16 key bytes as big-endian numbers, scratch space of SortEntries.
    uint64_t prefix, prefix2;
    uint64_t key_off;
    uint32_t key_len, value_len;  // the value follows the key in the arena
    uint64_t seq_del;             // emission order << 1 | is_delete
  };
  // A write of a 24-byte key with an empty value (the index column families),
  // kept as three big-endian numbers: no arena, integer comparisons.
  struct FixedEntry {
    uint64_t k[3];
    uint64_t seq_del;
  };
  struct CfEntries {
    std::string arena;
    std::vector<Entry> entries;
    std::vector<FixedEntry> fixed;
    uint64_t seq = 0;
  };
  void Add(Cf cf, std::string_view key, std::string_view value, bool del);
  static void SortEntries(Entry* first, Entry* last, size_t depth,
                          const char* base);
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
