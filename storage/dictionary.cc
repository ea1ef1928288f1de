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
  // Most calls find the term cached: encode into a reused buffer and copy
  // the key only for a term not seen before.
  term.EncodeTo(&key_buf_);
  if (TermId hit = ids_.Find(key_buf_); hit != kNoTerm) return hit;
  // Literals carry exactly one NUL separator (see Term::Encode); any other
  // NUL would make the encoding ambiguous. (A cached key passed this check.)
  const size_t nuls = std::count(key_buf_.begin(), key_buf_.end(), '\0');
  if (nuls != (term.is_literal() ? 1u : 0u)) {
    return Status::InvalidArgument("term contains a NUL byte: " +
                                   term.ToNTriples());
  }
  if (committed_next_id_ > 1) {  // an empty dictionary needs no lookup
    std::string value;
    rocksdb::Status s = engine_->db->Get(
        rocksdb::ReadOptions(), engine_->handle(kCfStr2Id), key_buf_, &value);
    if (s.ok() && value.size() == 8) {
      const TermId id = GetBigEndian64(value.data());
      ids_.Insert(key_buf_, id);
      return id;
    }
    if (!s.IsNotFound()) {
      if (s.ok()) {
        return Status::Corruption("bad dictionary entry for " +
                                  term.ToNTriples());
      }
      return FromRocks(s, "dictionary lookup");
    }
  }
  const TermId id = next_id_++;
  ids_.Insert(key_buf_, id);
  const std::string id_bytes = EncodeId(id);
  sink->Put(kCfStr2Id, key_buf_, id_bytes);
  sink->Put(kCfId2Str, id_bytes, key_buf_);
  return id;
}

void TermDictionary::EmitNextId(WriteSink* sink) const {
  if (next_id_ != committed_next_id_) {
    sink->Put(kCfMeta, kMetaNextTermId, EncodeId(next_id_));
  }
}

void TermDictionary::Commit() {
  committed_next_id_ = next_id_;
  // Bounded: a full cache starts over (between writes, so no pending entry is
  // lost).
  if (ids_.size() > cache_capacity_) ids_.Clear();
  mark_ = ids_.Mark();
}

void TermDictionary::Rollback() {
  next_id_ = committed_next_id_;
  ids_.Rollback(mark_);
}

}  // namespace kg
