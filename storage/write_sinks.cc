#include "storage/write_sinks.h"

#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>

#include "storage/engine_open.h"

namespace kg {
namespace fs = std::filesystem;

void BatchSink::Put(Cf cf, std::string_view key, std::string_view value) {
  batch_
      .Put(e_->handle(cf), rocksdb::Slice(key.data(), key.size()),
           rocksdb::Slice(value.data(), value.size()))
      .PermitUncheckedError();
}

void BatchSink::Delete(Cf cf, std::string_view key) {
  batch_.Delete(e_->handle(cf), rocksdb::Slice(key.data(), key.size()))
      .PermitUncheckedError();
}

void SstSink::Add(Cf cf, std::string_view key, std::string_view value,
                  bool del) {
  CfEntries& c = cfs_[cf];
  c.entries.push_back({c.arena.size(), static_cast<uint32_t>(key.size()),
                       static_cast<uint32_t>(value.size()), del});
  c.arena.append(key);
  c.arena.append(value);
}

void SstSink::Put(Cf cf, std::string_view key, std::string_view value) {
  Add(cf, key, value, false);
}

void SstSink::Delete(Cf cf, std::string_view key) { Add(cf, key, {}, true); }

Status SstSink::WriteFile(int cf, const std::string& file) {
  CfEntries& c = cfs_[cf];
  const char* base = c.arena.data();
  auto key_of = [base](const Entry& e) {
    return std::string_view(base + e.key_off, e.key_len);
  };
  // Stable: among equal keys the order of emission survives, and the last one
  // is the one written (a later Put overrides an earlier Delete).
  std::stable_sort(
      c.entries.begin(), c.entries.end(),
      [&](const Entry& a, const Entry& b) { return key_of(a) < key_of(b); });
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), EngineOptions(cf),
                                e_->handle(cf));
  rocksdb::Status s = writer.Open(file);
  for (size_t i = 0; s.ok() && i < c.entries.size(); ++i) {
    const Entry& e = c.entries[i];
    if (i + 1 < c.entries.size() && key_of(c.entries[i + 1]) == key_of(e)) {
      continue;
    }
    rocksdb::Slice key(base + e.key_off, e.key_len);
    s = e.is_delete
            ? writer.Delete(key)
            : writer.Put(key, rocksdb::Slice(base + e.key_off + e.key_len,
                                             e.value_len));
  }
  if (s.ok()) s = writer.Finish();
  c = CfEntries();  // release the memory early
  return FromRocks(s, std::string("writing bulk file for ") + CfName(cf));
}

Status SstSink::Commit() {
  static std::atomic<uint64_t> counter{0};
  const fs::path dir =
      fs::path(e_->path) / ("bulk-" + std::to_string(getpid()) + "-" +
                            std::to_string(counter.fetch_add(1)));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    return Status::IOError("cannot create " + dir.string() + ": " +
                           ec.message());
  std::vector<rocksdb::IngestExternalFileArg> args;
  Status st;
  for (int cf = 0; cf < kCfCount && st.ok(); ++cf) {
    if (cfs_[cf].entries.empty()) continue;
    const std::string file =
        (dir / (std::string(CfName(cf)) + ".sst")).string();
    st = WriteFile(cf, file);
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = e_->handle(cf);
    arg.external_files = {file};
    arg.options.move_files = true;
    args.push_back(std::move(arg));
  }
  if (st.ok() && !args.empty()) {
    st = FromRocks(e_->db->IngestExternalFiles(args), "bulk ingest");
  }
  fs::remove_all(dir, ec);
  return st;
}

}  // namespace kg
