// The RocksDB engine behind storage/store.h: opening (lock, checks), the
// per-document and bulk write paths, and statistics. Layout of the column
// families: engine.h; records: records.h; planning a write:
// document_writer.h.
#include <chrono>
#include <filesystem>
#include <mutex>

#include "storage/dictionary.h"
#include "storage/document_writer.h"
#include "storage/engine_open.h"
#include "storage/read_view.h"
#include "storage/store.h"
#include "storage/store_lock.h"
#include "storage/write_sinks.h"

namespace kg {
namespace fs = std::filesystem;
namespace {

constexpr size_t kDictionaryCacheTerms = 1 << 20;

class RocksStore : public Store {
 public:
  RocksStore(std::shared_ptr<Engine> e, std::unique_ptr<StoreLock> lock,
             std::unique_ptr<CommitLock> commit_lock, TermId next_id,
             Counters counters)
      : e_(std::move(e)),
        lock_(std::move(lock)),
        commit_lock_(std::move(commit_lock)),
        dict_(e_.get(), next_id, kDictionaryCacheTerms),
        counters_(counters) {}

  ~RocksStore() override {
    if (!e_->read_only) {
      // Obsolete files go now (deletions stay off between commits: see
      // PurgeObsoleteFiles), while no reader is opening.
      commit_lock_->BeginCommit();
      e_->db->EnableFileDeletions(/*force=*/true);
      commit_lock_->EndCommit();
    }
    e_.reset();  // closes the database unless a ReadView still holds it
  }

  std::unique_ptr<ReadView> NewReadView() const override {
    return NewRocksReadView(e_);
  }

  StatusOr<AddOutcome> AddDocument(const DocumentInput& doc) override {
    return Write(doc, /*bulk=*/false);
  }

  StatusOr<AddOutcome> BulkLoad(const DocumentInput& doc) override {
    return Write(doc, /*bulk=*/true);
  }

  Status RemoveDocument(const std::string& id) override {
    KG_RETURN_IF_ERROR(CheckWritable());
    std::lock_guard<std::mutex> guard(mu_);
    StatusOr<std::optional<StoredDocument>> old = ReadStoredDocument(*e_, id);
    if (!old.ok()) return old.status();
    if (!old->has_value()) return Status::NotFound("no document " + id);
    BatchSink sink(e_.get());
    return Commit(id, &**old, nullptr, &sink, nullptr);
  }

  StatusOr<StoreStats> Stats() const override {
    auto view = NewReadView();
    StoreStats st;
    std::string v;
    rocksdb::ReadOptions ro;
    rocksdb::Status s = e_->db->Get(ro, e_->handle(kCfMeta), kMetaCounters, &v);
    if (!s.ok()) return FromRocks(s, "stats");
    StatusOr<Counters> c = Counters::Decode(v);
    if (!c.ok()) return c.status();
    st.triples = c->triples;
    st.documents = c->documents;
    st.statements = c->statements;
    st.terms = view->max_term_id();
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(e_->path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code size_ec;
      if (it->is_regular_file(size_ec)) {
        uintmax_t n = it->file_size(size_ec);
        if (!size_ec) st.disk_bytes += n;
      }
    }
    return st;
  }

  const std::string& path() const override { return e_->path; }

 private:
  Status CheckWritable() const {
    if (e_->read_only) {
      return Status::InvalidArgument("store at " + e_->path +
                                     " is open read-only");
    }
    return Status::OK();
  }

  StatusOr<AddOutcome> Write(const DocumentInput& doc, bool bulk) {
    KG_RETURN_IF_ERROR(CheckWritable());
    KG_RETURN_IF_ERROR(ValidateDocument(doc));
    std::lock_guard<std::mutex> guard(mu_);
    StatusOr<std::optional<StoredDocument>> old =
        ReadStoredDocument(*e_, doc.id);
    if (!old.ok()) return old.status();
    const StoredDocument* prev = old->has_value() ? &**old : nullptr;
    if (prev != nullptr && prev->record.content_hash == doc.content_hash) {
      return AddOutcome::kUnchanged;
    }
    Status st;
    if (bulk) {
      SstSink sink(e_.get());
      st = Commit(doc.id, prev, &doc, &sink, &sink);
    } else {
      BatchSink sink(e_.get());
      st = Commit(doc.id, prev, &doc, &sink, nullptr);
    }
    if (!st.ok()) return st;
    return prev ? AddOutcome::kReplaced : AddOutcome::kAdded;
  }

  // Plans the write into `sink` and commits it (through `sst` when set, else
  // as the sink's WriteBatch). REQUIRES: mu_ held.
  Status Commit(const std::string& id, const StoredDocument* old,
                const DocumentInput* doc, WriteSink* sink, SstSink* sst) {
    Counters next = counters_;
    WritePlanInput in{e_.get(), &dict_, &next, sink};
    Status st = PlanDocumentWrite(in, id, old, doc);
    if (st.ok()) {
      commit_lock_->BeginCommit();
      st = sst != nullptr ? sst->Commit()
                          : static_cast<BatchSink*>(sink)->Commit();
      PurgeObsoleteFiles();
      commit_lock_->EndCommit();
    }
    if (!st.ok()) {
      dict_.Rollback();
      return st;
    }
    dict_.Commit();
    counters_ = next;
    return Status::OK();
  }

  // A writer keeps RocksDB's file deletions disabled, so that files its
  // flushes and compactions make obsolete are not deleted while a read-only
  // open is reading the MANIFEST and opening the files it lists (that open
  // then fails with "No such file"); they are deleted here, at most once a
  // second, under the commit lock, which such opens hold shared.
  // REQUIRES: the commit lock held.
  void PurgeObsoleteFiles() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_purge_ < std::chrono::seconds(1)) return;
    last_purge_ = now;
    e_->db->EnableFileDeletions(/*force=*/false);  // deletes them
    e_->db->DisableFileDeletions();
  }

  std::shared_ptr<Engine> e_;
  std::chrono::steady_clock::time_point last_purge_{};
  std::unique_ptr<StoreLock> lock_;
  std::unique_ptr<CommitLock> commit_lock_;
  std::mutex mu_;  // serialises writers; guards dict_ and counters_
  TermDictionary dict_;
  Counters counters_;
};

// Bulk loads interrupted by a crash leave their temporary SST directories.
void RemoveStaleBulkFiles(const std::string& path) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().filename().string().rfind("bulk-", 0) == 0) {
      std::error_code rm_ec;
      fs::remove_all(entry.path(), rm_ec);
    }
  }
}

}  // namespace

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                             const OpenOptions& options) {
  StatusOr<DirState> state = InspectStoreDir(path);
  if (!state.ok()) return state.status();
  if (*state != DirState::kStore) {
    if (options.read_only || !options.create_if_missing) {
      return Status::NotFound("no kg store at " + path);
    }
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec)
      return Status::IOError("cannot create " + path + ": " + ec.message());
  }
  std::unique_ptr<StoreLock> lock;
  if (!options.read_only) {
    StatusOr<std::unique_ptr<StoreLock>> l =
        StoreLock::Acquire(path, options.wait_seconds);
    if (!l.ok()) return l.status();
    lock = std::move(*l);
    RemoveStaleBulkFiles(path);
  }
  auto commit_lock = CommitLock::Open(path, !options.read_only);
  // A writer's open replays the WAL into new files and a new MANIFEST and
  // deletes the old WAL: a read-only open in between could miss data (seen as
  // "not a kg store (no format version)"), so it is ordered like a commit.
  if (!options.read_only) commit_lock->BeginCommit();
  StatusOr<std::shared_ptr<Engine>> e =
      options.read_only ? OpenEngineForReading(path)
                        : OpenEngine(path, false, options.create_if_missing);
  // See RocksStore::PurgeObsoleteFiles.
  if (e.ok() && !options.read_only) (*e)->db->DisableFileDeletions();
  if (!options.read_only) commit_lock->EndCommit();
  if (!e.ok()) return e.status();
  Engine& engine = **e;
  std::string next, counters;
  rocksdb::ReadOptions ro;
  rocksdb::Status s =
      engine.db->Get(ro, engine.handle(kCfMeta), kMetaNextTermId, &next);
  if (s.ok())
    s = engine.db->Get(ro, engine.handle(kCfMeta), kMetaCounters, &counters);
  if (!s.ok()) return FromRocks(s, "cannot read meta of " + path);
  StatusOr<Counters> c = Counters::Decode(counters);
  if (!c.ok()) return c.status();
  if (next.size() != 8)
    return Status::Corruption("bad next_term_id in " + path);
  return std::unique_ptr<Store>(
      new RocksStore(std::move(*e), std::move(lock), std::move(commit_lock),
                     GetBigEndian64(next.data()), *c));
}

}  // namespace kg
