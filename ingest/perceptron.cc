#include "ingest/perceptron.h"

#include <algorithm>
#include <cmath>

#include "ingest/model_weights.h"
#include "ingest/perceptron_hash.h"

namespace kg {

AveragedPerceptron::AveragedPerceptron(int num_classes)
    : num_classes_(num_classes) {
  slot_keys_.assign(1 << 16, 0);
  slot_rows_.assign(1 << 16, 0);
  mask_ = (1 << 16) - 1;
}

int64_t AveragedPerceptron::Find(uint64_t key) const {
  uint64_t pos = MixBits(key) & mask_;
  while (true) {
    uint64_t k = slot_keys_[pos];
    if (k == key) return slot_rows_[pos];
    if (k == 0) return -1;
    pos = (pos + 1) & mask_;
  }
}

void AveragedPerceptron::Grow() {
  size_t cap = slot_keys_.size() * 2;
  slot_keys_.assign(cap, 0);
  slot_rows_.assign(cap, 0);
  mask_ = cap - 1;
  for (uint32_t r = 0; r < row_keys_.size(); ++r) {
    uint64_t pos = MixBits(row_keys_[r]) & mask_;
    while (slot_keys_[pos] != 0) pos = (pos + 1) & mask_;
    slot_keys_[pos] = row_keys_[r];
    slot_rows_[pos] = r;
  }
}

uint32_t AveragedPerceptron::FindOrAdd(uint64_t key) {
  uint64_t pos = MixBits(key) & mask_;
  while (true) {
    uint64_t k = slot_keys_[pos];
    if (k == key) return slot_rows_[pos];
    if (k == 0) break;
    pos = (pos + 1) & mask_;
  }
  uint32_t row = uint32_t(rows_.size());
  slot_keys_[pos] = key;
  slot_rows_[pos] = row;
  row_keys_.push_back(key);
  rows_.push_back(Row{uint32_t(entries_.size()), 0, 0});
  if (rows_.size() * 2 > slot_keys_.size()) Grow();
  return row;
}

void AveragedPerceptron::Score(const uint64_t* keys, size_t n,
                               float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    int64_t r = Find(keys[i]);
    if (r < 0) continue;
    const Row& row = rows_[size_t(r)];
    const Entry* e = entries_.data() + row.begin;
    for (uint32_t j = 0; j < row.size; ++j) scores[e[j].cls] += e[j].w;
  }
}

void AveragedPerceptron::Update(const uint64_t* keys, size_t n, int cls,
                                float delta) {
  for (size_t i = 0; i < n; ++i) {
    Row& row = rows_[FindOrAdd(keys[i])];
    Entry* e = entries_.data() + row.begin;
    uint32_t j = 0;
    while (j < row.size && e[j].cls != uint32_t(cls)) ++j;
    if (j == row.size) {
      if (row.size == row.cap) {
        // Move the row to the end of the pool with twice the room; the old
        // slots become garbage (bounded by the live size).
        uint16_t cap =
            uint16_t(std::min(row.cap == 0 ? 2 : row.cap * 2, num_classes_));
        uint32_t begin = uint32_t(entries_.size());
        entries_.resize(entries_.size() + cap);
        std::copy(entries_.begin() + row.begin,
                  entries_.begin() + row.begin + row.size,
                  entries_.begin() + begin);
        row.begin = begin;
        row.cap = cap;
        e = entries_.data() + row.begin;
      }
      e[j] = Entry{0.f, 0.f, uint32_t(cls)};
      ++row.size;
    }
    e[j].w += delta;
    e[j].u += float(clock_) * delta;
  }
}

WeightTable AveragedPerceptron::Export(size_t max_weights) const {
  // Averaged weights of every live entry, row by row.
  std::vector<float> avg;
  std::vector<size_t> row_begin(rows_.size());
  avg.reserve(entries_.size() / 2);
  for (size_t r = 0; r < rows_.size(); ++r) {
    row_begin[r] = avg.size();
    const Row& row = rows_[r];
    for (uint32_t j = 0; j < row.size; ++j) {
      const Entry& e = entries_[row.begin + j];
      avg.push_back(float(e.w - e.u / clock_));
    }
  }
  float max_abs = 0.f;
  for (float a : avg) max_abs = std::max(max_abs, std::fabs(a));
  float scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
  float cutoff = 0.5f * scale;  // rounds to zero anyway
  if (avg.size() > max_weights && max_weights > 0) {
    std::vector<float> mags(avg.size());
    for (size_t i = 0; i < avg.size(); ++i) mags[i] = std::fabs(avg[i]);
    std::nth_element(mags.begin(), mags.begin() + (mags.size() - max_weights),
                     mags.end());
    cutoff = std::max(cutoff, mags[mags.size() - max_weights]);
  }
  // Rows in folded-key order; rows whose keys fold together are summed.
  std::vector<std::pair<uint32_t, uint32_t>> order(rows_.size());
  for (size_t r = 0; r < rows_.size(); ++r)
    order[r] = {FoldKey(row_keys_[r]), uint32_t(r)};
  std::sort(order.begin(), order.end());
  std::vector<uint32_t> keys;
  std::vector<uint8_t> counts, classes;
  std::vector<int16_t> weights;
  std::vector<float> acc(size_t(num_classes_), 0.f);
  std::vector<uint32_t> touched;
  for (size_t i = 0; i < order.size();) {
    uint32_t key = order[i].first;
    touched.clear();
    for (; i < order.size() && order[i].first == key; ++i) {
      const Row& row = rows_[order[i].second];
      size_t k = row_begin[order[i].second];
      for (uint32_t j = 0; j < row.size; ++j) {
        uint32_t cls = entries_[row.begin + j].cls;
        if (acc[cls] == 0.f) touched.push_back(cls);
        acc[cls] += avg[k + j];
      }
    }
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    uint8_t count = 0;
    for (uint32_t cls : touched) {
      float a = acc[cls];
      acc[cls] = 0.f;
      if (std::fabs(a) < cutoff) continue;
      long q = std::lround(a / scale);
      if (q == 0) continue;
      classes.push_back(uint8_t(cls));
      weights.push_back(int16_t(std::clamp(q, -32767L, 32767L)));
      ++count;
    }
    if (count > 0) {
      keys.push_back(key);
      counts.push_back(count);
    }
  }
  return WeightTable(num_classes_, scale, std::move(keys), std::move(counts),
                     std::move(classes), std::move(weights));
}

}  // namespace kg
