#include "storage/term_table.h"

#include <cstring>
#include <functional>

namespace kg {

uint64_t TermTable::Hash(std::string_view key) {
  return std::hash<std::string_view>()(key);
}

size_t TermTable::Probe(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kNoTerm) return i;
    if (s.hash == hash && s.length == key.size() &&
        std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
      return i;
    }
  }
}

TermId TermTable::Find(std::string_view key) const {
  if (slots_.empty()) return kNoTerm;
  return slots_[Probe(key, Hash(key))].id;
}

void TermTable::Insert(std::string_view key, TermId id) {
  Reserve(size_ + 1);
  const uint64_t hash = Hash(key);
  Slot& s = slots_[Probe(key, hash)];
  s = {hash, arena_.size(), key.size(), id};
  arena_.append(key);
  ++size_;
}

void TermTable::Reserve(size_t n) {
  size_t want = slots_.empty() ? 64 : slots_.size();
  while (want < 2 * n) want *= 2;
  if (want != slots_.size()) Rehash(want, arena_.size());
}

void TermTable::Rehash(size_t slot_count, size_t keep_below) {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(slot_count, Slot());
  size_ = 0;
  const size_t mask = slot_count - 1;
  for (const Slot& s : old) {
    if (s.id == kNoTerm || s.offset >= keep_below) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id != kNoTerm) i = (i + 1) & mask;
    slots_[i] = s;
    ++size_;
  }
}

void TermTable::Rollback(size_t mark) {
  if (mark >= arena_.size()) return;
  Rehash(slots_.size(), mark);
  arena_.resize(mark);
}

void TermTable::Clear() {
  arena_.clear();
  arena_.shrink_to_fit();
  slots_.clear();
  slots_.shrink_to_fit();
  size_ = 0;
}

}  // namespace kg
