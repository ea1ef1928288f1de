#include "ingest/model_weights.h"

#include <sys/mman.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "ingest/model_file.h"
#include "ingest/perceptron_hash.h"

namespace kg {

void AdviseHugePages(void* p, size_t bytes) {
  constexpr size_t kHuge = size_t(2) << 20;
  madvise(p, bytes & ~(kHuge - 1), MADV_HUGEPAGE);
}

WeightTable::WeightTable(int num_classes, float scale,
                         std::vector<uint32_t> keys,
                         std::vector<uint8_t> counts,
                         std::vector<uint8_t> classes,
                         std::vector<int16_t> weights)
    : num_classes_(num_classes),
      scale_(scale),
      keys_(std::move(keys)),
      counts_(std::move(counts)),
      entries_(weights.size()) {
  for (size_t i = 0; i < weights.size(); ++i)
    entries_[i] = Entry{weights[i], classes[i]};
  BuildIndex();
}

bool WeightTable::BuildIndex() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  size_t multi_size = 0;
  for (uint8_t c : counts_) multi_size += c == 1 ? 0 : size_t(c) + 1;
  if (multi_size >= kInline) return false;
  multi_.clear();
  multi_.reserve(multi_size);
  mask_ = cap - 1;
  size_t offset = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    uint32_t key = keys_[i];
    uint64_t pos = MixBits(key) & mask_;
    while (slots_[pos].key != 0) {
      if (slots_[pos].key == key) return false;
      pos = (pos + 1) & mask_;
    }
    const uint8_t count = counts_[i];
    uint32_t payload;
    if (count == 1) {
      const Entry& e = entries_[offset];
      payload = kInline | uint32_t(e.cls) << 16 | uint16_t(e.weight);
    } else {
      payload = uint32_t(multi_.size());
      multi_.push_back(Entry{int16_t(count), 0});
      multi_.insert(multi_.end(), entries_.begin() + std::ptrdiff_t(offset),
                    entries_.begin() + std::ptrdiff_t(offset + count));
    }
    slots_[pos] = Slot{key, payload};
    offset += count;
  }
  return true;
}

void WeightTable::Score(const uint64_t* keys, size_t n, int32_t* scores) const {
  if (slots_.empty()) return;
  const Entry* e = multi_.data();
  // Three passes in blocks, so the cache misses of a block's lookups overlap:
  // prefetch the home slots, find the slots (adding inline weights at once,
  // prefetching the others), add the others.
  constexpr size_t kBlock = 32;
  uint32_t folded[kBlock];
  uint64_t pos[kBlock];
  uint32_t multi[kBlock];
  for (size_t base = 0; base < n; base += kBlock) {
    size_t m = std::min(kBlock, n - base);
    for (size_t i = 0; i < m; ++i) {
      folded[i] = FoldKey(keys[base + i]);
      pos[i] = MixBits(folded[i]) & mask_;
      __builtin_prefetch(&slots_[pos[i]]);
    }
    size_t pending = 0;
    for (size_t i = 0; i < m; ++i) {
      uint64_t p = pos[i];
      while (true) {
        const Slot& s = slots_[p];
        if (s.key == folded[i]) {
          if (s.payload & kInline) {
            scores[(s.payload >> 16) & 0xff] += int16_t(s.payload & 0xffff);
          } else {
            multi[pending++] = s.payload;
            __builtin_prefetch(e + s.payload);
          }
          break;
        }
        if (s.key == 0) break;
        p = (p + 1) & mask_;
      }
    }
    for (size_t i = 0; i < pending; ++i) {
      const Entry* f = e + multi[i];
      const int count = f->weight;
      for (int j = 1; j <= count; ++j) scores[f[j].cls] += f[j].weight;
    }
  }
}

WeightTable WeightTable::Pruned(size_t max_weights) const {
  if (entries_.size() <= max_weights) return *this;
  int cutoff = 32768;  // above every |int16|: keep nothing
  if (max_weights > 0) {
    std::vector<int> mags(entries_.size());
    for (size_t i = 0; i < entries_.size(); ++i)
      mags[i] = std::abs(entries_[i].weight);
    auto nth = mags.end() - std::ptrdiff_t(max_weights);
    std::nth_element(mags.begin(), nth, mags.end());
    // Strictly above the largest magnitude left out, so at most max_weights.
    cutoff = *std::max_element(mags.begin(), nth) + 1;
  }
  std::vector<uint32_t> keys;
  std::vector<uint8_t> counts, classes;
  std::vector<int16_t> weights;
  size_t j = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    uint8_t count = 0;
    for (uint8_t c = 0; c < counts_[i]; ++c, ++j) {
      if (std::abs(entries_[j].weight) < cutoff) continue;
      classes.push_back(entries_[j].cls);
      weights.push_back(entries_[j].weight);
      ++count;
    }
    if (count == 0) continue;
    keys.push_back(keys_[i]);
    counts.push_back(count);
  }
  return WeightTable(num_classes_, scale_, std::move(keys), std::move(counts),
                     std::move(classes), std::move(weights));
}

void WeightTable::AppendTo(std::string* out) const {
  // Ascending keys (as the trainers write them) are stored as LEB128 deltas,
  // flagged in the class-count word; other tables keep plain 32-bit keys.
  const bool compact =
      std::is_sorted(keys_.begin(), keys_.end()) &&
      std::adjacent_find(keys_.begin(), keys_.end()) == keys_.end();
  ByteWriter w;
  w.Put<uint32_t>(uint32_t(num_classes_) | (compact ? kCompactKeys : 0u));
  w.Put<float>(scale_);
  w.Put<uint64_t>(keys_.size());
  w.Put<uint64_t>(entries_.size());
  if (compact) {
    std::string deltas;
    uint32_t prev = 0;
    for (uint32_t k : keys_) {
      for (uint32_t d = k - prev;; d >>= 7) {
        if (d < 0x80) {
          deltas.push_back(char(d));
          break;
        }
        deltas.push_back(char((d & 0x7f) | 0x80));
      }
      prev = k;
    }
    w.Put<uint64_t>(deltas.size());
    w.bytes().append(deltas);
  } else {
    w.PutArray(keys_);
  }
  w.PutArray(counts_);
  std::vector<uint8_t> classes(entries_.size());
  std::vector<int16_t> weights(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    classes[i] = entries_[i].cls;
    weights[i] = entries_[i].weight;
  }
  w.PutArray(classes);
  w.PutArray(weights);
  out->append(w.bytes());
}

StatusOr<WeightTable> WeightTable::Parse(std::string_view bytes,
                                         const std::string& name) {
  auto corrupt = [&](const std::string& what) {
    return Status::Corruption(name + ": weight table: " + what);
  };
  ByteReader r(bytes);
  uint32_t num_classes = 0;
  float scale = 0;
  uint64_t nf = 0, nw = 0;
  if (!r.Get(&num_classes) || !r.Get(&scale) || !r.Get(&nf) || !r.Get(&nw))
    return corrupt("truncated header");
  const bool compact = (num_classes & kCompactKeys) != 0;
  num_classes &= ~kCompactKeys;
  if (num_classes == 0 || num_classes > kMaxClasses)
    return corrupt("bad class count " + std::to_string(num_classes));
  if (!(scale > 0.f)) return corrupt("bad scale");
  WeightTable t;
  t.num_classes_ = int(num_classes);
  t.scale_ = scale;
  if (compact) {
    uint64_t size = 0;
    std::string_view deltas;
    if (!r.Get(&size) || !r.GetView(size_t(size), &deltas) ||
        nf > deltas.size())
      return corrupt("sizes do not match the payload");
    t.keys_.reserve(size_t(nf));
    size_t pos = 0;
    uint64_t key = 0;
    for (uint64_t i = 0; i < nf; ++i) {
      uint64_t d = 0;
      for (int shift = 0;; shift += 7) {
        if (pos == deltas.size() || shift > 28)
          return corrupt("damaged key deltas");
        uint8_t b = uint8_t(deltas[pos++]);
        d |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) break;
      }
      key += d;
      if (d == 0 || key > UINT32_MAX) return corrupt("damaged key deltas");
      t.keys_.push_back(uint32_t(key));
    }
    if (pos != deltas.size()) return corrupt("damaged key deltas");
  } else if (!r.GetArray(nf, &t.keys_)) {
    return corrupt("sizes do not match the payload");
  }
  std::vector<uint8_t> classes;
  std::vector<int16_t> weights;
  if (!r.GetArray(nf, &t.counts_) || !r.GetArray(nw, &classes) ||
      !r.GetArray(nw, &weights) || !r.AtEnd())
    return corrupt("sizes do not match the payload");
  uint64_t total = 0;
  for (uint8_t c : t.counts_) total += c;
  if (total != nw) return corrupt("feature entry counts do not add up");
  for (uint8_t c : classes)
    if (c >= num_classes) return corrupt("class id out of range");
  t.entries_.resize(weights.size());
  for (size_t i = 0; i < weights.size(); ++i)
    t.entries_[i] = Entry{weights[i], classes[i]};
  for (uint32_t k : t.keys_)
    if (k == 0) return corrupt("zero feature key");
  if (!t.BuildIndex())
    return corrupt("duplicate feature key (or too many weights)");
  return t;
}

}  // namespace kg
