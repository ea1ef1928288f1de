#include "storage/merge_output.h"

#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <tuple>

#include "storage/engine_open.h"

namespace kg {
namespace fs = std::filesystem;

// One column family's SST file, opened at its first Put.
class MergeOutput::File {
 public:
  File(const Engine& e, Cf cf, std::string path)
      : writer_(rocksdb::EnvOptions(), EngineOptions(cf), e.handle(cf)),
        path_(std::move(path)) {}

  Status Put(std::string_view key, std::string_view value) {
    if (!open_) {
      KG_RETURN_IF_ERROR(FromRocks(writer_.Open(path_), path_));
      open_ = true;
    }
    ++entries_;
    return FromRocks(writer_.Put(rocksdb::Slice(key.data(), key.size()),
                                 rocksdb::Slice(value.data(), value.size())),
                     "writing " + path_);
  }
  Status Finish() {
    if (!open_ || finished_) return Status::OK();
    finished_ = true;
    return FromRocks(writer_.Finish(), "finishing " + path_);
  }
  bool has_data() const { return finished_ && entries_ > 0; }
  const std::string& path() const { return path_; }

 private:
  rocksdb::SstFileWriter writer_;
  std::string path_;
  bool open_ = false, finished_ = false;
  uint64_t entries_ = 0;
};

MergeOutput::MergeOutput(std::shared_ptr<Engine> e,
                         std::unique_ptr<StoreLock> lock, std::string dir)
    : e_(std::move(e)),
      lock_(std::move(lock)),
      dir_(std::move(dir)),
      files_(kCfCount) {}

MergeOutput::~MergeOutput() {
  files_.clear();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

StatusOr<std::unique_ptr<MergeOutput>> MergeOutput::Open(
    const std::string& path, int wait_seconds) {
  StatusOr<DirState> state = InspectStoreDir(path);
  if (!state.ok()) return state.status();
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Status::IOError("cannot create " + path + ": " + ec.message());
  StatusOr<std::unique_ptr<StoreLock>> lock =
      StoreLock::Acquire(path, wait_seconds);
  if (!lock.ok()) return lock.status();
  StatusOr<std::shared_ptr<Engine>> e = OpenEngine(path, false, true);
  if (!e.ok()) return e.status();
  std::string next, counters;
  rocksdb::ReadOptions ro;
  rocksdb::Status s =
      (*e)->db->Get(ro, (*e)->handle(kCfMeta), kMetaNextTermId, &next);
  if (s.ok())
    s = (*e)->db->Get(ro, (*e)->handle(kCfMeta), kMetaCounters, &counters);
  if (!s.ok()) return FromRocks(s, "cannot read meta of " + path);
  StatusOr<Counters> c = Counters::Decode(counters);
  if (!c.ok()) return c.status();
  if (next.size() != 8 || GetBigEndian64(next.data()) != 1 ||
      c->documents != 0) {
    return Status::InvalidArgument(
        path + " already holds data (" + std::to_string(c->documents) +
        " documents); merge into a new store, or name it as an input");
  }
  const std::string dir =
      (fs::path(path) / ("bulk-merge-" + std::to_string(getpid()))).string();
  fs::remove_all(dir, ec);
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir + ": " + ec.message());
  return std::unique_ptr<MergeOutput>(
      new MergeOutput(std::move(*e), std::move(*lock), dir));
}

MergeOutput::File* MergeOutput::FileFor(Cf cf) {
  if (!files_[cf]) {
    files_[cf] = std::make_unique<File>(
        *e_, cf,
        (fs::path(dir_) / (std::string(CfName(cf)) + ".sst")).string());
  }
  return files_[cf].get();
}

Status MergeOutput::Finish(Cf cf) {
  return files_[cf] ? files_[cf]->Finish() : Status::OK();
}

Status MergeOutput::WriteDictionary(
    const std::vector<const std::string*>& terms) {
  std::vector<TermId> order(terms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i + 1;
  std::sort(order.begin(), order.end(),
            [&](TermId a, TermId b) { return *terms[a - 1] < *terms[b - 1]; });
  File* str2id = FileFor(kCfStr2Id);
  for (TermId id : order) {
    KG_RETURN_IF_ERROR(str2id->Put(*terms[id - 1], EncodeId(id)));
  }
  File* id2str = FileFor(kCfId2Str);
  for (size_t i = 0; i < terms.size(); ++i) {
    KG_RETURN_IF_ERROR(id2str->Put(EncodeId(i + 1), *terms[i]));
  }
  KG_RETURN_IF_ERROR(Finish(kCfStr2Id));
  return Finish(kCfId2Str);
}

StatusOr<uint64_t> MergeOutput::WriteIndexes(std::vector<IdTriple> all) {
  auto spo_less = [](const IdTriple& a, const IdTriple& b) {
    return std::tie(a.s, a.p, a.o) < std::tie(b.s, b.p, b.o);
  };
  std::sort(all.begin(), all.end(), spo_less);
  size_t unique = 0;
  File* spo = FileFor(kCfSpo);
  File* support = FileFor(kCfSupport);
  for (size_t i = 0; i < all.size();) {
    size_t j = i + 1;
    while (j < all.size() && all[j] == all[i]) ++j;
    const IndexKey k = EncodeIndexKey(IndexKind::kSpo, all[i]);
    KG_RETURN_IF_ERROR(spo->Put(KeyView(k), {}));
    // A support entry exists only for two or more documents (engine.h).
    if (j - i >= 2)
      KG_RETURN_IF_ERROR(support->Put(KeyView(k), EncodeId(j - i)));
    all[unique++] = all[i];
    i = j;
  }
  all.resize(unique);
  KG_RETURN_IF_ERROR(Finish(kCfSpo));
  KG_RETURN_IF_ERROR(Finish(kCfSupport));
  std::vector<IndexKey> keys(unique);
  for (IndexKind kind : {IndexKind::kPos, IndexKind::kOsp}) {
    for (size_t i = 0; i < unique; ++i) keys[i] = EncodeIndexKey(kind, all[i]);
    // Unsigned byte order (std::array compares signed chars).
    std::sort(keys.begin(), keys.end(),
              [](const IndexKey& a, const IndexKey& b) {
                return std::memcmp(a.data(), b.data(), kIndexKeySize) < 0;
              });
    File* f = FileFor(IndexCf(kind));
    for (const IndexKey& k : keys) KG_RETURN_IF_ERROR(f->Put(KeyView(k), {}));
    KG_RETURN_IF_ERROR(Finish(IndexCf(kind)));
  }
  return unique;
}

Status MergeOutput::AddDocument(StoredDocument* doc,
                                std::vector<Contribution>* list) {
  std::sort(list->begin(), list->end(),
            [](const Contribution& a, const Contribution& b) {
              return std::tie(a.triple.s, a.triple.p, a.triple.o) <
                     std::tie(b.triple.s, b.triple.p, b.triple.o);
            });
  doc->contribution_chunks = 0;
  File* chunks = FileFor(kCfDocTriples);
  for (size_t b = 0; b < list->size(); b += kContributionsPerChunk) {
    const size_t e = std::min(list->size(), b + kContributionsPerChunk);
    KG_RETURN_IF_ERROR(chunks->Put(
        ContributionChunkKey(doc->record.id, doc->contribution_chunks++),
        PackContributions(list->data() + b, list->data() + e)));
  }
  return FileFor(kCfDocuments)->Put(doc->record.id, SerializeDocument(*doc));
}

Status MergeOutput::FinishDocuments() {
  KG_RETURN_IF_ERROR(Finish(kCfDocTriples));
  return Finish(kCfDocuments);
}

void MergeOutput::AddStatement(std::string_view spo_key,
                               std::string_view suffix,
                               std::string_view value) {
  std::string key(spo_key);
  key.append(suffix);
  statements_.emplace_back(std::move(key), std::string(value));
}

Status MergeOutput::FinishStatements() {
  std::sort(statements_.begin(), statements_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  File* f = FileFor(kCfStatements);
  for (const auto& [k, v] : statements_) KG_RETURN_IF_ERROR(f->Put(k, v));
  statements_.clear();
  statements_.shrink_to_fit();
  return Finish(kCfStatements);
}

Status MergeOutput::WriteMeta(TermId next_term_id, const Counters& counters) {
  File* f = FileFor(kCfMeta);  // keys in byte order: counters < next_term_id
  KG_RETURN_IF_ERROR(f->Put(kMetaCounters, counters.Encode()));
  KG_RETURN_IF_ERROR(f->Put(kMetaNextTermId, EncodeId(next_term_id)));
  return Finish(kCfMeta);
}

Status MergeOutput::Commit() {
  std::vector<rocksdb::IngestExternalFileArg> args;
  for (int cf = 0; cf < kCfCount; ++cf) {
    if (!files_[cf] || !files_[cf]->has_data()) continue;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = e_->handle(cf);
    arg.external_files = {files_[cf]->path()};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  auto commit_lock = CommitLock::Open(e_->path, true);
  commit_lock->BeginCommit();
  Status st = FromRocks(e_->db->IngestExternalFiles(args), "ingest");
  commit_lock->EndCommit();
  return st;
}

}  // namespace kg
