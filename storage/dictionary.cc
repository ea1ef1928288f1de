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
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  if (auto it = pending_.find(key); it != pending_.end()) return it->second;
  if (committed_next_id_ > 1) {  // an empty dictionary needs no lookup
    std::string value;
    rocksdb::Status s = engine_->db->Get(
        rocksdb::ReadOptions(), engine_->handle(kCfStr2Id), key, &value);
    if (s.ok()) {
      if (value.size() != 8) {
        return Status::Corruption("bad dictionary entry for " +
                                  term.ToNTriples());
      }
      TermId id = GetBigEndian64(value.data());
      if (cache_.size() >= cache_capacity_) cache_.clear();
      cache_.emplace(std::move(key), id);
      return id;
    }
    if (!s.IsNotFound()) return FromRocks(s, "dictionary lookup");
  }
  const TermId id = next_id_++;
  const std::string id_bytes = EncodeId(id);
  sink->Put(kCfStr2Id, key, id_bytes);
  sink->Put(kCfId2Str, id_bytes, key);
  pending_.emplace(std::move(key), id);
  return id;
}

void TermDictionary::EmitNextId(WriteSink* sink) const {
  if (next_id_ != committed_next_id_) {
    sink->Put(kCfMeta, kMetaNextTermId, EncodeId(next_id_));
  }
}

void TermDictionary::Commit() {
  committed_next_id_ = next_id_;
  if (cache_.size() + pending_.size() > cache_capacity_) cache_.clear();
  if (pending_.size() <= cache_capacity_) cache_.merge(pending_);
  pending_.clear();
}

void TermDictionary::Rollback() {
  next_id_ = committed_next_id_;
  pending_.clear();
}

}  // namespace kg
