#include "graph/snapshot_cache.h"

#include <unistd.h>

#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <cstdio>
#include <fstream>
#include <utility>
#include <vector>

namespace kg {

namespace {

constexpr uint32_t kFormatVersion = 2;
constexpr const char* kMagic = "kg-graph-snapshot";

// The file: a header that must match, the term classes (useful even when the
// edges are stale), then the edges as three parallel columns (binary vectors
// of arithmetic types are written in one block).
struct SnapshotFile {
  std::string magic;
  uint32_t version = 0;
  std::string fingerprint;
  uint64_t sequence = 0;
  uint64_t classes_sequence = 0;
  std::vector<uint8_t> classes;
  std::vector<uint64_t> s, p, o;
};

}  // namespace

SnapshotCache::SnapshotCache(SnapshotOptions options, std::string disk_dir)
    : options_(std::move(options)), disk_dir_(std::move(disk_dir)) {}

SnapshotCache::Source SnapshotCache::last_source() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_source_;
}

StatusOr<std::shared_ptr<const EntityGraph>> SnapshotCache::Get(
    const ReadView& view) {
  const uint64_t sequence = view.sequence();
  std::lock_guard<std::mutex> lock(mu_);
  if (graph_ != nullptr && graph_->sequence() == sequence) {
    last_source_ = Source::kMemory;
    return graph_;
  }
  if (auto loaded = LoadFile(sequence)) {
    graph_ = std::move(loaded);
    last_source_ = Source::kDisk;
    return graph_;
  }
  StatusOr<std::unique_ptr<EntityGraph>> built =
      BuildEntityGraph(view, options_, nullptr, &classes_);
  if (!built.ok()) return built.status();
  graph_ = std::shared_ptr<const EntityGraph>(std::move(*built));
  last_source_ = Source::kBuilt;
  SaveFile(*graph_);
  return graph_;
}

std::shared_ptr<const EntityGraph> SnapshotCache::LoadFile(uint64_t sequence) {
  if (disk_dir_.empty()) return nullptr;
  std::ifstream in(disk_dir_ + "/" + kFileName, std::ios::binary);
  if (!in) return nullptr;
  SnapshotFile f;
  try {
    cereal::BinaryInputArchive ar(in);
    // Read the header alone first: a stale file is rejected without reading
    // its edges.
    ar(f.magic, f.version, f.fingerprint, f.sequence);
    if (f.magic != kMagic || f.version != kFormatVersion ||
        f.fingerprint != options_.Fingerprint()) {
      return nullptr;
    }
    ar(f.classes_sequence, f.classes);
    if (classes_.kind.empty()) {
      classes_.kind = std::move(f.classes);
      classes_.sequence = f.classes_sequence;
    }
    if (f.sequence != sequence) return nullptr;
    ar(f.s, f.p, f.o);
  } catch (const std::exception&) {
    return nullptr;  // truncated or damaged: rebuild
  }
  if (f.s.size() != f.p.size() || f.s.size() != f.o.size()) return nullptr;
  std::vector<IdTriple> triples(f.s.size());
  for (size_t i = 0; i < triples.size(); ++i) {
    triples[i] = IdTriple{f.s[i], f.p[i], f.o[i]};
  }
  return EntityGraph::FromTriples(triples, sequence);
}

void SnapshotCache::SaveFile(const EntityGraph& g) const {
  if (disk_dir_.empty()) return;
  SnapshotFile f;
  f.magic = kMagic;
  f.version = kFormatVersion;
  f.fingerprint = options_.Fingerprint();
  f.sequence = g.sequence();
  f.classes_sequence = classes_.sequence;
  f.classes = classes_.kind;
  for (const IdTriple& t : g.Triples()) {
    f.s.push_back(t.s);
    f.p.push_back(t.p);
    f.o.push_back(t.o);
  }
  const std::string path = disk_dir_ + "/" + kFileName;
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return;
    try {
      cereal::BinaryOutputArchive ar(out);
      ar(f.magic, f.version, f.fingerprint, f.sequence, f.classes_sequence,
         f.classes, f.s, f.p, f.o);
    } catch (const std::exception&) {
      out.close();
      std::remove(tmp.c_str());
      return;
    }
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      return;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) std::remove(tmp.c_str());
}

}  // namespace kg
