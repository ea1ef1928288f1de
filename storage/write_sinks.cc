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

void SortingSink::Add(Cf cf, std::string_view key, std::string_view value,
                      bool del) {
  CfEntries& c = cfs_[cf];
  char head[16] = {0};
  std::memcpy(head, key.data(), std::min<size_t>(16, key.size()));
  c.entries.push_back({GetBigEndian64(head), GetBigEndian64(head + 8),
                       c.arena.size(), static_cast<uint32_t>(key.size()),
                       static_cast<uint32_t>(value.size()), del});
  c.arena.append(key);
  c.arena.append(value);
}

void SortingSink::Put(Cf cf, std::string_view key, std::string_view value) {
  Add(cf, key, value, false);
}

void SortingSink::Delete(Cf cf, std::string_view key) {
  Add(cf, key, {}, true);
}

rocksdb::Status SortingSink::Drain(int cf, const Visitor& visit) {
  CfEntries& c = cfs_[cf];
  const char* base = c.arena.data();
  auto key_of = [base](const Entry& e) {
    return std::string_view(base + e.key_off, e.key_len);
  };
  // Among equal keys the order of emission (arena offset) decides, and the
  // last one is the one written (a later Put overrides an earlier Delete).
  std::sort(c.entries.begin(), c.entries.end(),
            [&](const Entry& a, const Entry& b) {
              if (a.prefix != b.prefix) return a.prefix < b.prefix;
              if (a.prefix2 != b.prefix2) return a.prefix2 < b.prefix2;
              const int cmp = key_of(a).compare(key_of(b));
              return cmp != 0 ? cmp < 0 : a.key_off < b.key_off;
            });
  rocksdb::Status s;
  for (size_t i = 0; s.ok() && i < c.entries.size(); ++i) {
    const Entry& e = c.entries[i];
    if (i + 1 < c.entries.size() && key_of(c.entries[i + 1]) == key_of(e)) {
      continue;
    }
    s = visit(key_of(e),
              std::string_view(base + e.key_off + e.key_len, e.value_len),
              e.is_delete);
  }
  c = CfEntries();  // release the memory early
  return s;
}

Status BatchSink::Commit() {
  rocksdb::WriteBatch batch;
  for (int cf = 0; cf < kCfCount; ++cf) {
    if (empty(cf)) continue;
    auto* h = e_->handle(cf);
    rocksdb::Status s =
        Drain(cf, [&](std::string_view k, std::string_view v, bool del) {
          rocksdb::Slice key(k.data(), k.size());
          return del ? batch.Delete(h, key)
                     : batch.Put(h, key, rocksdb::Slice(v.data(), v.size()));
        });
    if (!s.ok()) return FromRocks(s, "building write batch");
  }
  return FromRocks(e_->db->Write(rocksdb::WriteOptions(), &batch), "write");
}

Status SstSink::WriteFile(int cf, const std::string& file) {
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), EngineOptions(cf),
                                e_->handle(cf));
  rocksdb::Status s = writer.Open(file);
  if (s.ok()) {
    s = Drain(cf, [&writer](std::string_view k, std::string_view v, bool del) {
      rocksdb::Slice key(k.data(), k.size());
      return del ? writer.Delete(key)
                 : writer.Put(key, rocksdb::Slice(v.data(), v.size()));
    });
  }
  if (s.ok()) s = writer.Finish();
  return FromRocks(s, std::string("writing bulk file for ") + CfName(cf));
}

Status SstSink::Commit() {
  static std::atomic<uint64_t> counter{0};
  const fs::path dir =
      fs::path(e_->path) / ("bulk-" + std::to_string(getpid()) + "-" +
                            std::to_string(counter.fetch_add(1)));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    return Status::IOError("cannot create " + dir.string() + ": " +
                           ec.message());
  }
  std::vector<rocksdb::IngestExternalFileArg> args;
  Status st;
  for (int cf = 0; cf < kCfCount && st.ok(); ++cf) {
    if (empty(cf)) continue;
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
