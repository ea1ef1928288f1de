#include "storage/write_sinks.h"

#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <thread>

#include "storage/engine_open.h"
#include "storage/radix_sort.h"

namespace kg {
namespace fs = std::filesystem;

void SortingSink::Add(Cf cf, std::string_view key, std::string_view value,
                      bool del) {
  CfEntries& c = cfs_[cf];
  const uint64_t seq_del = (c.seq++ << 1) | (del ? 1 : 0);
  if (key.size() == kIndexKeySize && value.empty()) {
    c.fixed.push_back(
        {{GetBigEndian64(key.data()), GetBigEndian64(key.data() + 8),
          GetBigEndian64(key.data() + 16)},
         seq_del});
    return;
  }
  c.entries.push_back({0, 0, c.arena.size(), static_cast<uint32_t>(key.size()),
                       static_cast<uint32_t>(value.size()), seq_del});
  c.arena.append(key);
  c.arena.append(value);
}

void SortingSink::Put(Cf cf, std::string_view key, std::string_view value) {
  Add(cf, key, value, false);
}

void SortingSink::Delete(Cf cf, std::string_view key) {
  Add(cf, key, {}, true);
}

void SortingSink::Reserve(Cf cf, size_t writes) {
  // Index column families hold fixed 24-byte keys with empty values.
  CfEntries& c = cfs_[cf];
  if (cf == kCfSpo || cf == kCfPos || cf == kCfOsp) {
    c.fixed.reserve(c.fixed.size() + writes);
  } else {
    c.entries.reserve(c.entries.size() + writes);
  }
}

namespace {

// The 8 key bytes at `at` as a big-endian number, zero-padded past the end.
uint64_t ChunkAt(std::string_view key, size_t at) {
  char buf[8] = {0};
  if (at < key.size()) {
    std::memcpy(buf, key.data() + at, std::min<size_t>(8, key.size() - at));
  }
  return GetBigEndian64(buf);
}

}  // namespace

// Sorts [first, last), whose keys agree on their first `depth` bytes, by key
// and then emission order. Comparisons are of integers only: the 16 key bytes
// after `depth` (zero-padded) and how many of them the key has (17 standing
// for "more"); a run that agrees on all of that is sorted again 16 bytes
// deeper. Keys with long common prefixes (IRIs) cost a few passes, not a
// byte comparison per pair.
void SortingSink::SortEntries(Entry* first, Entry* last, size_t depth,
                              const char* base) {
  constexpr uint32_t kMore = 17;
  auto rest = [depth](const Entry& e) -> uint32_t {
    const uint32_t left = e.key_len - static_cast<uint32_t>(depth);
    return left < kMore ? left : kMore;
  };
  for (Entry* e = first; e != last; ++e) {
    const std::string_view key(base + e->key_off, e->key_len);
    e->prefix = ChunkAt(key, depth);
    e->prefix2 = ChunkAt(key, depth + 8);
  }
  std::sort(first, last, [&rest](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    if (a.prefix2 != b.prefix2) return a.prefix2 < b.prefix2;
    const uint32_t ra = rest(a), rb = rest(b);
    if (ra != rb) return ra < rb;
    return a.seq_del < b.seq_del;
  });
  for (Entry* run = first; run != last;) {
    Entry* end = run + 1;
    while (end != last && end->prefix == run->prefix &&
           end->prefix2 == run->prefix2 && rest(*end) == rest(*run)) {
      ++end;
    }
    if (end - run > 1 && rest(*run) == kMore) {
      SortEntries(run, end, depth + 16, base);
    }
    run = end;
  }
}

rocksdb::Status SortingSink::Drain(int cf, const Visitor& visit) {
  CfEntries& c = cfs_[cf];
  const char* base = c.arena.data();
  auto key_of = [base](const Entry& e) {
    return std::string_view(base + e.key_off, e.key_len);
  };
  // Among equal keys the order of emission decides, and the last one is the
  // one written (a later Put overrides an earlier Delete). Keys emitted in
  // order (a new document's spo keys, fresh dictionary ids) need only the
  // check.
  if (!std::is_sorted(c.entries.begin(), c.entries.end(),
                      [&](const Entry& a, const Entry& b) {
                        const int cmp = key_of(a).compare(key_of(b));
                        return cmp != 0 ? cmp < 0 : a.seq_del < b.seq_del;
                      })) {
    SortEntries(c.entries.data(), c.entries.data() + c.entries.size(), 0, base);
  }
  auto fixed_key = [](const FixedEntry& f) {
    return std::array<uint64_t, 3>{f.k[0], f.k[1], f.k[2]};
  };
  if (!std::is_sorted(c.fixed.begin(), c.fixed.end(),
                      [&](const FixedEntry& a, const FixedEntry& b) {
                        return fixed_key(a) < fixed_key(b);
                      })) {
    RadixSort(&c.fixed, fixed_key);  // stable: equal keys stay in write order
  }
  // Merge the two sorted lists; a write is emitted once the next one in key
  // order has a different key.
  struct Item {
    char fixed_key[kIndexKeySize];
    std::string_view key, value;
    uint64_t seq_del = 0;
  };
  size_t i = 0, j = 0;
  auto next = [&](Item* out) {
    bool take_fixed = j < c.fixed.size();
    if (take_fixed && i < c.entries.size()) {
      const FixedEntry& f = c.fixed[j];
      const Entry& e = c.entries[i];
      char k[kIndexKeySize];
      PutBigEndian64(k, f.k[0]);
      PutBigEndian64(k + 8, f.k[1]);
      PutBigEndian64(k + 16, f.k[2]);
      const int cmp = std::string_view(k, kIndexKeySize).compare(key_of(e));
      take_fixed = cmp != 0 ? cmp < 0 : f.seq_del < e.seq_del;
    }
    if (take_fixed) {
      const FixedEntry& f = c.fixed[j++];
      PutBigEndian64(out->fixed_key, f.k[0]);
      PutBigEndian64(out->fixed_key + 8, f.k[1]);
      PutBigEndian64(out->fixed_key + 16, f.k[2]);
      out->key = std::string_view(out->fixed_key, kIndexKeySize);
      out->value = {};
      out->seq_del = f.seq_del;
    } else {
      const Entry& e = c.entries[i++];
      out->key = key_of(e);
      out->value = std::string_view(base + e.key_off + e.key_len, e.value_len);
      out->seq_del = e.seq_del;
    }
  };
  const size_t total = c.entries.size() + c.fixed.size();
  rocksdb::Status s;
  Item items[2];
  if (total > 0) next(&items[0]);
  for (size_t n = 1, cur = 0; s.ok() && n <= total; ++n, cur ^= 1) {
    Item& item = items[cur];
    if (n < total) {
      next(&items[cur ^ 1]);
      if (items[cur ^ 1].key == item.key) continue;
    }
    s = visit(item.key, item.value, (item.seq_del & 1) != 0);
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
  // The files are read soon after the ingest: keep them in the page cache.
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), EngineOptions(cf),
                                e_->handle(cf),
                                /*invalidate_page_cache=*/false);
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
  // One file per column family, written by two threads (the column families
  // are independent), largest first so the two finish close together.
  std::vector<int> order;
  for (int cf = 0; cf < kCfCount; ++cf) {
    if (!empty(cf)) order.push_back(cf);
  }
  std::stable_sort(order.begin(), order.end(),
                   [this](int a, int b) { return bytes(a) > bytes(b); });
  std::vector<Status> results(order.size());
  auto file_of = [&dir](int cf) {
    return (dir / (std::string(CfName(cf)) + ".sst")).string();
  };
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k; (k = next.fetch_add(1)) < order.size();) {
      results[k] = WriteFile(order[k], file_of(order[k]));
    }
  };
  {
    std::thread helper;
    if (order.size() > 1) helper = std::thread(work);
    work();
    if (helper.joinable()) helper.join();
  }
  std::vector<rocksdb::IngestExternalFileArg> args;
  Status st;
  for (size_t k = 0; k < order.size() && st.ok(); ++k) {
    st = results[k];
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = e_->handle(order[k]);
    arg.external_files = {file_of(order[k])};
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
