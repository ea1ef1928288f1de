// Internal to storage/ (used by merge.cc): the output side of a merge. Opens
// the output store for writing (writer lock; it must be absent or empty),
// writes one SST file per column family from data handed over in key order or
// sorted here, and ingests all of them in one IngestExternalFiles call, so
// the merged store appears whole or not at all. The temporary files live in
// a bulk-* directory of the output, removed on destruction (and by the next
// open after a crash). Not thread-safe.
#ifndef KG_STORAGE_MERGE_OUTPUT_H_
#define KG_STORAGE_MERGE_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/engine.h"
#include "storage/records.h"
#include "storage/store_lock.h"

namespace rocksdb {
class SstFileWriter;
}

namespace kg {

class MergeOutput {
 public:
  // InvalidArgument when `path` holds data or is not a kg store; Busy when
  // another process writes it.
  static StatusOr<std::unique_ptr<MergeOutput>> Open(const std::string& path,
                                                     int wait_seconds);
  ~MergeOutput();

  // str2id and id2str; terms[i] is the encoded term of id i + 1.
  Status WriteDictionary(const std::vector<const std::string*>& terms);
  // The spo, pos, osp and support families from every document's triples
  // (one entry per supporting document). Returns the number of distinct
  // triples.
  StatusOr<uint64_t> WriteIndexes(std::vector<IdTriple> all);
  // One document; REQUIRES ids in increasing byte order. Sorts `list` and sets
  // doc->contribution_chunks.
  Status AddDocument(StoredDocument* doc, std::vector<Contribution>* list);
  Status FinishDocuments();
  // A statement: its spo key, the rest of its key (document hash and
  // ordinal) and its record. Sorted in FinishStatements.
  void AddStatement(std::string_view spo_key, std::string_view suffix,
                    std::string_view value);
  Status FinishStatements();
  Status WriteMeta(TermId next_term_id, const Counters& counters);
  // Ingests every file written.
  Status Commit();

 private:
  class File;
  MergeOutput(std::shared_ptr<Engine> e, std::unique_ptr<StoreLock> lock,
              std::string dir);
  File* FileFor(Cf cf);
  Status Finish(Cf cf);

  std::shared_ptr<Engine> e_;
  std::unique_ptr<StoreLock> lock_;
  std::string dir_;
  std::vector<std::unique_ptr<File>> files_;  // by Cf; null until used
  std::vector<std::pair<std::string, std::string>> statements_;
};

}  // namespace kg

#endif  // KG_STORAGE_MERGE_OUTPUT_H_
