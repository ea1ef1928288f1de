// Writer-side term dictionary: maps terms to dense ids, assigning the next id
// to a term seen for the first time, with a bounded in-memory cache of
// committed ids in front of the str2id column family. Assignments made during
// one write stay pending until Commit() (the write reached the database) or
// Rollback() (it did not). Not thread-safe: the Store's writer mutex guards it.
#ifndef KG_STORAGE_DICTIONARY_H_
#define KG_STORAGE_DICTIONARY_H_

#include <string>

#include "storage/engine.h"
#include "storage/term.h"
#include "storage/term_table.h"

namespace kg {

class TermDictionary {
 public:
  // `next_id` is the first unassigned id as persisted in meta.
  TermDictionary(const Engine* engine, TermId next_id, size_t cache_capacity);

  // The id of `term`. A new id is emitted to `sink` (str2id and id2str puts).
  // InvalidArgument for a term holding a NUL byte; IOError/Corruption from the
  // database.
  StatusOr<TermId> GetOrAssign(const Term& term, WriteSink* sink);
  // Emits meta next_term_id when this write assigned ids.
  void EmitNextId(WriteSink* sink) const;

  void Commit();
  void Rollback();

  TermId next_id() const { return next_id_; }
  bool has_pending() const { return next_id_ != committed_next_id_; }

 private:
  const Engine* engine_;
  TermId next_id_, committed_next_id_;
  size_t cache_capacity_;
  // Committed ids (a bounded cache) and this write's new ids: the entries
  // added after mark_ (the ids looked up or assigned since the last Commit).
  TermTable ids_;
  size_t mark_ = 0;
  std::string key_buf_;  // the encoding of the term being looked up
};

}  // namespace kg

#endif  // KG_STORAGE_DICTIONARY_H_
