// Internal to storage/: a stable least-significant-digit radix sort for
// records ordered by a few 64-bit key words (term id tuples). It makes one
// counting pass per key word and then one scatter pass per 11-bit digit on
// which the records differ, so ids that use only their low bits cost few
// passes; small inputs go to std::stable_sort. Stable: records with equal
// keys keep their order. Uses a scratch buffer as large as the input. Pure
// function, thread-compatible.
#ifndef KG_STORAGE_RADIX_SORT_H_
#define KG_STORAGE_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <vector>

namespace kg {

// Sorts `v` ascending by key(record), a std::array<uint64_t, W> compared
// lexicographically (word 0 most significant). `T` must be trivially
// copyable.
template <typename T, typename KeyFn>
void RadixSort(std::vector<T>* v, KeyFn key) {
  constexpr int kBits = 11, kDigits = (64 + kBits - 1) / kBits;
  constexpr size_t kBuckets = size_t{1} << kBits;
  const size_t n = v->size();
  if (n < 2048) {  // the counting tables would cost more than they save
    std::stable_sort(v->begin(), v->end(), [&key](const T& a, const T& b) {
      return key(a) < key(b);
    });
    return;
  }
  using Key = decltype(key(v->front()));
  constexpr size_t kWords = std::tuple_size<Key>::value;
  static_assert(std::is_trivially_copyable_v<T>);
  // Scratch space without the cost of initialising it.
  std::unique_ptr<void, decltype(&std::free)> scratch(
      std::malloc(n * sizeof(T)), &std::free);
  if (scratch == nullptr) throw std::bad_alloc();
  T* src = v->data();
  T* dst = static_cast<T*>(scratch.get());
  std::vector<std::array<size_t, kBuckets>> counts(kDigits);
  for (size_t w = kWords; w-- > 0;) {
    for (auto& c : counts) c.fill(0);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t k = key(src[i])[w];
      for (int d = 0; d < kDigits; ++d) {
        ++counts[d][(k >> (d * kBits)) & (kBuckets - 1)];
      }
    }
    for (int d = 0; d < kDigits; ++d) {
      auto& c = counts[d];
      const uint64_t probe = key(src[0])[w];
      if (c[(probe >> (d * kBits)) & (kBuckets - 1)] == n) continue;  // uniform
      size_t sum = 0;
      for (size_t& b : c) {
        const size_t here = b;
        b = sum;
        sum += here;
      }
      for (size_t i = 0; i < n; ++i) {
        const uint64_t k = key(src[i])[w];
        dst[c[(k >> (d * kBits)) & (kBuckets - 1)]++] = src[i];
      }
      std::swap(src, dst);
    }
  }
  if (src != v->data()) std::memcpy(v->data(), src, n * sizeof(T));
}

}  // namespace kg

#endif  // KG_STORAGE_RADIX_SORT_H_
