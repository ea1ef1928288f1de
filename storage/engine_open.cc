#include "storage/engine_open.h"

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "storage/store_lock.h"

namespace kg {
namespace fs = std::filesystem;

rocksdb::Options EngineOptions(int cf) {
  static const std::shared_ptr<rocksdb::Cache> cache =
      rocksdb::NewLRUCache(128 << 20);
  rocksdb::Options o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  o.max_background_jobs = 2;
  o.max_open_files = -1;  // read-only openers keep every file open (see Open)
  o.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  o.keep_log_file_num = 2;
  // A read-only open racing the writer's WAL purge then fails (and is retried)
  // instead of silently missing the purged log's writes.
  o.track_and_verify_wals_in_manifest = true;
  // Small memtables: inserts into a large skiplist of random keys are
  // cache-miss bound (bench/store_bench per-document path, triples per CPU
  // second at 200k: 64 MB 38.6k, 16 MB 47.1k, 4 MB 51.5k).
  o.write_buffer_size = 4 << 20;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  // Whole-key bloom filters make the writer's existence checks (dictionary,
  // index, support) cheap when the key is absent, which is the common case.
  // Column families read only by scans (pos, osp, the contribution lists and
  // statements) or by keys known to exist (id2str) have none: building one
  // costs the bulk path time for no benefit.
  if (cf == kCfMeta || cf == kCfStr2Id || cf == kCfSpo || cf == kCfSupport ||
      cf == kCfDocuments) {
    t.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    o.memtable_whole_key_filtering = true;
    o.memtable_prefix_bloom_size_ratio = 0.05;
  }
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  return o;
}

StatusOr<DirState> InspectStoreDir(const std::string& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return DirState::kAbsent;
  if (!fs::is_directory(st)) {
    return Status::InvalidArgument(path +
                                   " is not a kg store (not a directory)");
  }
  if (fs::exists(fs::path(path) / "CURRENT")) {
    std::vector<std::string> families;
    rocksdb::Status s =
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &families);
    if (!s.ok()) return FromRocks(s, "cannot read the store at " + path);
    for (const auto& f : families) {
      if (f == CfName(kCfMeta)) return DirState::kStore;
    }
    return Status::InvalidArgument(
        path +
        " is a RocksDB database but not a kg store (no meta column family)");
  }
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const auto name = entry.path().filename();
    if (name != StoreLock::kFileName && name != CommitLock::kFileName &&
        name != CommitLock::kTurnstileName) {
      return Status::InvalidArgument(
          path +
          " is not a kg store (a non-empty directory without a database; "
          "pick a new path)");
    }
  }
  if (ec) return Status::IOError("cannot list " + path + ": " + ec.message());
  return DirState::kEmpty;
}

namespace {

Status CheckOrInitMeta(Engine* e, bool create) {
  auto* meta = e->handle(kCfMeta);
  std::string version;
  rocksdb::Status s =
      e->db->Get(rocksdb::ReadOptions(), meta, kMetaFormatVersion, &version);
  if (s.IsNotFound()) {
    // A database with our column families but no version: either a store whose
    // creation was interrupted before its first write (empty: initialise it) or
    // not ours.
    std::unique_ptr<rocksdb::Iterator> it(
        e->db->NewIterator(rocksdb::ReadOptions(), e->handle(kCfDocuments)));
    it->SeekToFirst();
    if (it->Valid() || e->read_only || !create) {
      return Status::InvalidArgument(e->path +
                                     " is not a kg store (no format version)");
    }
    rocksdb::WriteBatch b;
    b.Put(meta, kMetaFormatVersion, std::to_string(kFormatVersion));
    b.Put(meta, kMetaNextTermId, EncodeId(1));
    b.Put(meta, kMetaCounters, Counters{}.Encode());
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(e->db->Write(wo, &b), "cannot initialise " + e->path);
  }
  if (!s.ok()) return FromRocks(s, "cannot read " + e->path);
  if (version != std::to_string(kFormatVersion)) {
    return Status::InvalidArgument(
        "store at " + e->path + " has format version " + version +
        ", which this build of kg does not know (it reads version " +
        std::to_string(kFormatVersion) + ")");
  }
  return Status::OK();
}

}  // namespace

StatusOr<std::shared_ptr<Engine>> OpenEngine(const std::string& path,
                                             bool read_only, bool create) {
  auto e = std::make_shared<Engine>();
  e->path = path;
  e->read_only = read_only;
  rocksdb::DBOptions db_options(EngineOptions(kCfDefault));
  db_options.create_if_missing = create && !read_only;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int c = 0; c < kCfCount; ++c) {
    descriptors.emplace_back(CfName(c),
                             rocksdb::ColumnFamilyOptions(EngineOptions(c)));
  }
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, path, descriptors, &e->cf,
                                         &raw)
          : rocksdb::DB::Open(db_options, path, descriptors, &e->cf, &raw);
  if (!s.ok()) return FromRocks(s, "cannot open the store at " + path);
  e->db.reset(raw);
  KG_RETURN_IF_ERROR(CheckOrInitMeta(e.get(), create));
  return e;
}

StatusOr<std::shared_ptr<Engine>> OpenEngineForReading(
    const std::string& path) {
  constexpr int kAttempts = 10;
  auto commit_lock = CommitLock::Open(path, false);
  StatusOr<std::shared_ptr<Engine>> e = Status::IOError("not opened");
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    }
    commit_lock->BeginReaderOpen();
    e = OpenEngine(path, true, false);
    commit_lock->EndReaderOpen();
    const auto code = e.status().code();
    if (e.ok() ||
        (code != Status::Code::kCorruption && code != Status::Code::kIOError)) {
      break;
    }
  }
  return e;
}

}  // namespace kg
