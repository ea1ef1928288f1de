// Internal to storage/: the writer's in-memory map from encoded terms
// (Term::Encode) to ids. An open-addressing hash table (linear probing, at
// most half full) whose slots hold the hash, the id and where the key's bytes
// lie in one append-only arena: a lookup touches one slot and the key's bytes,
// and an insert allocates nothing but arena growth. This keeps the bulk path's
// millions of lookups cheap. Because the arena only grows, the entries added
// after a Mark() can be dropped again (Rollback), which is how a failed write
// forgets the ids it assigned. Not thread-safe.
#ifndef KG_STORAGE_TERM_TABLE_H_
#define KG_STORAGE_TERM_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/term.h"

namespace kg {

class TermTable {
 public:
  // The id of `key`, or kNoTerm when absent.
  TermId Find(std::string_view key) const;
  // Adds `key` -> `id`. REQUIRES: `key` absent, `id` != kNoTerm.
  void Insert(std::string_view key, TermId id);

  size_t size() const { return size_; }
  // Room for `n` entries in total without growing the slot array.
  void Reserve(size_t n);
  // A point to roll back to: the entries inserted after it.
  size_t Mark() const { return arena_.size(); }
  // Removes every entry inserted after `mark`.
  void Rollback(size_t mark);
  void Clear();

 private:
  struct Slot {
    uint64_t hash = 0;
    uint64_t offset = 0;  // key bytes in arena_
    uint64_t length = 0;
    TermId id = kNoTerm;  // kNoTerm: empty slot
  };
  static uint64_t Hash(std::string_view key);
  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(std::string_view key, uint64_t hash) const;
  void Rehash(size_t slot_count, size_t keep_below);

  std::string arena_;
  std::vector<Slot> slots_;  // a power of two in size, or empty
  size_t size_ = 0;
};

}  // namespace kg

#endif  // KG_STORAGE_TERM_TABLE_H_
