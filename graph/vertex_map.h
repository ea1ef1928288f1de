// Private to graph/: a small open-addressing hash map from VertexId to a
// trivially copyable value, for the visited sets of walks. It grows with what
// a walk touches (never with the graph), and is several times faster than
// std::unordered_map for these short-lived maps. No erase.
#ifndef KG_GRAPH_VERTEX_MAP_H_
#define KG_GRAPH_VERTEX_MAP_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "graph/entity_graph.h"

namespace kg {

template <typename V>
class VertexMap {
 public:
  explicit VertexMap(size_t expected = 16) { Rehash(Capacity(expected)); }

  // The value of `k`, or nullptr. The pointer is valid until the next insert.
  V* Find(VertexId k) {
    return const_cast<V*>(static_cast<const VertexMap*>(this)->Find(k));
  }
  const V* Find(VertexId k) const {
    for (size_t i = Slot(k);; i = (i + 1) & mask_) {
      if (keys_[i] == k) return &values_[i];
      if (keys_[i] == kNoVertex) return nullptr;
    }
  }

  // Inserts (k, v) unless k is present; returns the stored value and whether
  // it was inserted. REQUIRES: k != kNoVertex.
  std::pair<V*, bool> TryEmplace(VertexId k, const V& v) {
    if (2 * (size_ + 1) > keys_.size()) Rehash(keys_.size() * 2);
    size_t i = Slot(k);
    for (; keys_[i] != kNoVertex; i = (i + 1) & mask_) {
      if (keys_[i] == k) return {&values_[i], false};
    }
    keys_[i] = k;
    values_[i] = v;
    ++size_;
    return {&values_[i], true};
  }

  size_t size() const { return size_; }

 private:
  static size_t Capacity(size_t expected) {
    size_t c = 16;
    while (c < 2 * expected) c *= 2;
    return c;
  }
  size_t Slot(VertexId k) const {
    return static_cast<size_t>((k * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void Rehash(size_t capacity) {
    std::vector<VertexId> old_keys(capacity, kNoVertex);
    std::vector<V> old_values(capacity);
    old_keys.swap(keys_);
    old_values.swap(values_);
    mask_ = capacity - 1;
    shift_ = 64;
    for (size_t c = capacity; c > 1; c >>= 1) --shift_;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i) {
      if (old_keys[i] != kNoVertex) TryEmplace(old_keys[i], old_values[i]);
    }
  }

  std::vector<VertexId> keys_;
  std::vector<V> values_;
  size_t size_ = 0, mask_ = 0;
  int shift_ = 64;
};

}  // namespace kg

#endif  // KG_GRAPH_VERTEX_MAP_H_
