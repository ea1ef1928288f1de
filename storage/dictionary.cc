#include "storage/dictionary.h"

#include <algorithm>

namespace kg {

TermDictionary::TermDictionary(const Engine* engine, TermId next_id,
                               size_t cache_capacity)
    : engine_(engine),
      next_id_(next_id),
      committed_next_id_(next_id),
      cache_capacity_(cache_capacity) {}

StatusOr<TermId> TermDictionary::GetOrAssign(const Term& term,
                                             WriteSink* sink) {
  std::string key = term.Encode();
  // Literals carry exactly one NUL separator (see Term::Encode); any other
  // NUL would make the encoding ambiguous.
  const size_t nuls = std::count(key.begin(), key.end(), '\0');
  if (nuls != (term.is_literal() ? 1u : 0u)) {
    return Status::InvalidArgument("term contains a NUL byte: " +
                                   term.ToNTriples());
  }
  auto [it, inserted] = ids_.try_emplace(std::move(key), kNoTerm);
  if (!inserted) return it->second;
  if (committed_next_id_ > 1) {  // an empty dictionary needs no lookup
    std::string value;
    rocksdb::Status s = engine_->db->Get(
        rocksdb::ReadOptions(), engine_->handle(kCfStr2Id), it->first, &value);
    if (s.ok() && value.size() == 8) {
      it->second = GetBigEndian64(value.data());
      return it->second;
    }
    if (!s.IsNotFound()) {
      ids_.erase(it);
      if (s.ok()) {
        return Status::Corruption("bad dictionary entry for " +
                                  term.ToNTriples());
      }
      return FromRocks(s, "dictionary lookup");
    }
  }
  const TermId id = next_id_++;
  it->second = id;
  const std::string id_bytes = EncodeId(id);
  sink->Put(kCfStr2Id, it->first, id_bytes);
  sink->Put(kCfId2Str, id_bytes, it->first);
  pending_.push_back(&it->first);
  return id;
}

void TermDictionary::EmitNextId(WriteSink* sink) const {
  if (next_id_ != committed_next_id_) {
    sink->Put(kCfMeta, kMetaNextTermId, EncodeId(next_id_));
  }
}

void TermDictionary::Commit() {
  committed_next_id_ = next_id_;
  pending_.clear();
  // Bounded: a full cache starts over (between writes, so no pending entry is
  // lost).
  if (ids_.size() > cache_capacity_) ids_.clear();
}

void TermDictionary::Rollback() {
  next_id_ = committed_next_id_;
  for (const std::string* key : pending_) {
    const std::string copy = *key;  // *key dies with its node
    ids_.erase(copy);
  }
  pending_.clear();
}

}  // namespace kg
