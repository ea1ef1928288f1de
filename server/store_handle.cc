#include "server/store_handle.h"

#include <filesystem>
#include <string_view>
#include <utility>

namespace kg::server {
namespace {

// The files whose change means a writer committed: RocksDB's write-ahead log,
// table files, manifest and CURRENT pointer. Info logs, OPTIONS files and
// the graph snapshot cache (which readers write themselves) do not count.
bool IsDataFile(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.substr(name.size() - suffix.size()) == suffix;
  };
  return ends_with(".log") || ends_with(".sst") || name == "CURRENT" ||
         name.rfind("MANIFEST-", 0) == 0;
}

void Mix(uint64_t& h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
}

}  // namespace

StoreHandle::StoreHandle(const StoreHandleOptions& options)
    : options_(options), vocab_(options.base_iri) {}

StatusOr<std::unique_ptr<StoreHandle>> StoreHandle::Open(
    const StoreHandleOptions& options) {
  std::unique_ptr<StoreHandle> h(new StoreHandle(options));
  OpenOptions open;
  open.read_only = !options.writable;
  open.create_if_missing = options.writable;
  open.wait_seconds = options.wait_seconds;
  // The fingerprint is taken before opening: a commit racing the open makes
  // the next look reopen, never miss the data.
  h->fingerprint_ = h->Fingerprint();
  auto store = Store::Open(options.path, open);
  if (!store.ok()) return store.status();
  h->store_ = std::move(store).value();
  h->last_check_ = std::chrono::steady_clock::now();
  h->snapshots_ =
      std::make_unique<SnapshotCache>(SnapshotOptions{}, options.path);
  return h;
}

uint64_t StoreHandle::Fingerprint() const {
  namespace fs = std::filesystem;
  uint64_t h = 1469598103934665603ULL;
  std::error_code ec;
  for (fs::directory_iterator it(options_.path, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!IsDataFile(name)) continue;
    std::error_code fec;
    const uint64_t size = it->file_size(fec);
    const auto mtime = fs::last_write_time(it->path(), fec);
    uint64_t name_hash = std::hash<std::string>()(name);
    // Per-file values are summed so the directory order does not matter.
    uint64_t file = name_hash;
    Mix(file, size);
    Mix(file, static_cast<uint64_t>(mtime.time_since_epoch().count()));
    h += file;
  }
  return h;
}

std::shared_ptr<Store> StoreHandle::Current() {
  std::lock_guard<std::mutex> lock(mu_);
  if (options_.writable) return store_;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < options_.refresh_interval) return store_;
  last_check_ = now;
  const uint64_t fp = Fingerprint();
  if (fp == fingerprint_) return store_;
  OpenOptions open;
  open.read_only = true;
  open.create_if_missing = false;
  auto fresh = Store::Open(options_.path, open);
  if (!fresh.ok()) return store_;  // e.g. mid-compaction: try again later
  fingerprint_ = fp;
  const uint64_t old_sequence = store_->NewReadView()->sequence();
  std::shared_ptr<Store> next = std::move(fresh).value();
  if (next->NewReadView()->sequence() != old_sequence) {
    store_ = std::move(next);
    ++reopens_;
  }
  return store_;
}

StatusOr<std::shared_ptr<const EntityIndex>> StoreHandle::Entities(
    const ReadView& view) {
  const uint64_t sequence = view.sequence();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (entities_ && entities_sequence_ == sequence) return entities_;
  }
  std::lock_guard<std::mutex> build(entities_build_mu_);
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (entities_ && entities_sequence_ == sequence) return entities_;
  }
  auto index = EntityIndex::Load(view, vocab_);
  if (!index.ok()) return index.status();
  auto shared = std::make_shared<const EntityIndex>(std::move(index).value());
  std::lock_guard<std::mutex> lock(mu_);
  entities_ = shared;
  entities_sequence_ = sequence;
  return shared;
}

uint64_t StoreHandle::reopen_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reopens_;
}

}  // namespace kg::server
