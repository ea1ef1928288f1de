// WeightTable: the read-only, quantised weights of a linear classifier over
// hashed features, as stored in a model file. Each feature is known by a
// 32-bit fold of its 64-bit key (FoldKey) and keeps only its non-zero class
// weights, contiguously (class id u8, weight i16); a real weight is the
// stored integer times scale(). Lookups go through an open-addressing index
// built at load time. Immutable after construction: Score is thread-safe.
// Serialised as: u32 class count (top bit set when keys are delta-coded),
// f32 scale, u64 feature and weight counts, the keys (u32 each, or u64 byte
// length + LEB128 deltas of the ascending keys), then counts (u8), classes
// (u8) and weights (i16).
#ifndef KG_INGEST_MODEL_WEIGHTS_H_
#define KG_INGEST_MODEL_WEIGHTS_H_

#include <climits>
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"

namespace kg {

// Asks the kernel to back [p, p + bytes) with transparent huge pages (whole
// 2 MiB pages only; p 2 MiB-aligned). Harmless where unsupported.
void AdviseHugePages(void* p, size_t bytes);

// A std::allocator that asks the kernel to back large blocks (>= 2 MiB)
// with transparent huge pages: random lookups over tens of megabytes of hash
// slots then miss the TLB far less. Falls back to ordinary pages silently.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n);
  void deallocate(T* p, size_t) { ::operator delete(p, kAlign); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
  static constexpr std::align_val_t kAlign{size_t(2) << 20};
};

template <typename T>
T* HugePageAllocator<T>::allocate(size_t n) {
  void* p = ::operator new(n * sizeof(T), kAlign);
  if (n * sizeof(T) >= size_t(kAlign)) AdviseHugePages(p, n * sizeof(T));
  return static_cast<T*>(p);
}

// The highest and second-highest of scores[i] over the indices in
// `candidates` (the earlier one wins a tie): best = -1 without candidates,
// second = INT32_MIN with fewer than two.
struct TopTwo {
  int best = -1;
  int32_t top = INT32_MIN;
  int32_t second = INT32_MIN;
};
inline void AddToTopTwo(const int32_t* scores, int i, TopTwo* t) {
  const int32_t s = scores[i];
  if (s > t->top) {
    t->second = t->top;
    t->top = s;
    t->best = i;
  } else if (s > t->second) {
    t->second = s;
  }
}
template <typename Indices>
TopTwo FindTopTwo(const int32_t* scores, const Indices& candidates) {
  TopTwo t;
  for (int i : candidates) AddToTopTwo(scores, i, &t);
  return t;
}
// The same over every index in [0, n).
inline TopTwo FindTopTwo(const int32_t* scores, int n) {
  TopTwo t;
  for (int i = 0; i < n; ++i) AddToTopTwo(scores, i, &t);
  return t;
}

// The 32-bit key a 64-bit feature key is stored under (never 0).
inline uint32_t FoldKey(uint64_t key) {
  uint32_t k = uint32_t(key ^ (key >> 32));
  return k == 0 ? 1 : k;
}

class WeightTable {
 public:
  static constexpr int kMaxClasses = 255;
  static constexpr uint32_t kCompactKeys = 0x80000000u;

  WeightTable() = default;
  // REQUIRES: 0 < num_classes <= kMaxClasses; keys (folded) unique and
  // non-zero; counts[i] entries of (classes, weights) belong to keys[i].
  WeightTable(int num_classes, float scale, std::vector<uint32_t> keys,
              std::vector<uint8_t> counts, std::vector<uint8_t> classes,
              std::vector<int16_t> weights);

  int num_classes() const { return num_classes_; }
  float scale() const { return scale_; }
  size_t num_features() const { return keys_.size(); }
  size_t num_weights() const { return entries_.size(); }

  // Adds the integer weights of every known feature among keys[0..n) (64-bit
  // keys, folded here) to scores[0..num_classes()). Unknown features
  // contribute nothing.
  void Score(const uint64_t* keys, size_t n, int32_t* scores) const;

  // A copy keeping only the `max_weights` largest weights by magnitude (ties
  // at the cut kept or dropped together); features left without weights go.
  WeightTable Pruned(size_t max_weights) const;

  void AppendTo(std::string* out) const;
  // Corruption (with `name` in the message) when the bytes are inconsistent.
  static StatusOr<WeightTable> Parse(std::string_view bytes,
                                     const std::string& name);

 private:
  // One open-addressing slot. Most features keep one weight: it sits in the
  // slot itself (kInline set: class in bits 16..23, weight in bits 0..15),
  // so looking it up touches one cache line; otherwise `payload` is the index
  // in multi_ of a header entry (weight = entry count) followed by the
  // feature's entries.
  struct Slot {
    uint32_t key = 0;
    uint32_t payload = 0;
  };
  static constexpr uint32_t kInline = 0x80000000u;
  // False when a key repeats (or the table is too large to index).
  bool BuildIndex();

  int num_classes_ = 0;
  float scale_ = 1.f;
  std::vector<uint32_t> keys_;
  std::vector<uint8_t> counts_;
  // The class weights of every feature, in key order (what is saved).
  struct Entry {
    int16_t weight;
    uint8_t cls;
  };
  std::vector<Entry> entries_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<Entry> multi_;  // see Slot
  uint64_t mask_ = 0;
};

}  // namespace kg

#endif  // KG_INGEST_MODEL_WEIGHTS_H_
