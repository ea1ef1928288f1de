#include "ingest/model_weights.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "ingest/model_file.h"
#include "ingest/perceptron_hash.h"

namespace kg {

WeightTable::WeightTable(int num_classes, float scale,
                         std::vector<uint32_t> keys,
                         std::vector<uint8_t> counts,
                         std::vector<uint8_t> classes,
                         std::vector<int16_t> weights)
    : num_classes_(num_classes),
      scale_(scale),
      keys_(std::move(keys)),
      counts_(std::move(counts)),
      classes_(std::move(classes)),
      weights_(std::move(weights)) {
  BuildIndex();
}

bool WeightTable::BuildIndex() {
  size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  uint32_t offset = 0;
  for (size_t i = 0; i < keys_.size(); ++i) {
    uint32_t key = keys_[i];
    uint64_t pos = MixBits(key) & mask_;
    while (slots_[pos].key != 0) {
      if (slots_[pos].key == key) return false;
      pos = (pos + 1) & mask_;
    }
    slots_[pos] = Slot{key, offset, offset + counts_[i]};
    offset += counts_[i];
  }
  return true;
}

void WeightTable::Score(const uint64_t* keys, size_t n, int32_t* scores) const {
  if (slots_.empty()) return;
  const uint8_t* cls = classes_.data();
  const int16_t* w = weights_.data();
  // Three passes in blocks, so the cache misses of a block's lookups overlap:
  // prefetch the home slots, find the entries (prefetching them), add.
  constexpr size_t kBlock = 32;
  uint32_t folded[kBlock];
  uint64_t pos[kBlock];
  uint32_t begin[kBlock], end[kBlock];
  for (size_t base = 0; base < n; base += kBlock) {
    size_t m = std::min(kBlock, n - base);
    for (size_t i = 0; i < m; ++i) {
      folded[i] = FoldKey(keys[base + i]);
      pos[i] = MixBits(folded[i]) & mask_;
      __builtin_prefetch(&slots_[pos[i]]);
    }
    for (size_t i = 0; i < m; ++i) {
      begin[i] = end[i] = 0;
      uint64_t p = pos[i];
      while (true) {
        const Slot& s = slots_[p];
        if (s.key == folded[i]) {
          begin[i] = s.begin;
          end[i] = s.end;
          __builtin_prefetch(cls + s.begin);
          __builtin_prefetch(w + s.begin);
          break;
        }
        if (s.key == 0) break;
        p = (p + 1) & mask_;
      }
    }
    for (size_t i = 0; i < m; ++i)
      for (uint32_t j = begin[i]; j < end[i]; ++j) scores[cls[j]] += w[j];
  }
}

WeightTable WeightTable::Pruned(size_t max_weights) const {
  if (weights_.size() <= max_weights) return *this;
  int cutoff = 32768;  // above every |int16|: keep nothing
  if (max_weights > 0) {
    std::vector<int> mags(weights_.size());
    for (size_t i = 0; i < weights_.size(); ++i)
      mags[i] = std::abs(weights_[i]);
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
      if (std::abs(weights_[j]) < cutoff) continue;
      classes.push_back(classes_[j]);
      weights.push_back(weights_[j]);
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
  ByteWriter w;
  w.Put<uint32_t>(uint32_t(num_classes_));
  w.Put<float>(scale_);
  w.Put<uint64_t>(keys_.size());
  w.Put<uint64_t>(weights_.size());
  w.PutArray(keys_);
  w.PutArray(counts_);
  w.PutArray(classes_);
  w.PutArray(weights_);
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
  if (num_classes == 0 || num_classes > kMaxClasses)
    return corrupt("bad class count " + std::to_string(num_classes));
  if (!(scale > 0.f)) return corrupt("bad scale");
  WeightTable t;
  t.num_classes_ = int(num_classes);
  t.scale_ = scale;
  if (!r.GetArray(nf, &t.keys_) || !r.GetArray(nf, &t.counts_) ||
      !r.GetArray(nw, &t.classes_) || !r.GetArray(nw, &t.weights_) ||
      !r.AtEnd())
    return corrupt("sizes do not match the payload");
  uint64_t total = 0;
  for (uint8_t c : t.counts_) total += c;
  if (total != nw) return corrupt("feature entry counts do not add up");
  for (uint8_t c : t.classes_)
    if (c >= num_classes) return corrupt("class id out of range");
  for (uint32_t k : t.keys_)
    if (k == 0) return corrupt("zero feature key");
  if (!t.BuildIndex()) return corrupt("duplicate feature key");
  return t;
}

}  // namespace kg
