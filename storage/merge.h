// `kg merge`: combines several stores into a new one by writing sorted SST
// files and ingesting them in one atomic IngestExternalFiles call. Each input
// has its own dictionary, so term ids are re-mapped into the output's; the
// output holds every document of the inputs (a document id present in more
// than one input is taken from the first input that has it and reported),
// their triples with support counts summed over the kept documents, their
// statements and contribution lists, and only the terms they use.
//
// The inputs are opened read-only (so they may have a live writer; the merge
// sees each as of its open). The output takes the store's writer lock and must
// be absent or an empty store. Failure leaves the output empty (the ingest is
// all or nothing). Memory grows with the number of triples and terms.
#ifndef KG_STORAGE_MERGE_H_
#define KG_STORAGE_MERGE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "storage/status.h"

namespace kg {

struct MergeReport {
  uint64_t documents = 0;  // kept
  uint64_t duplicates =
      0;  // documents dropped because an earlier input had them
  uint64_t triples = 0, terms = 0, statements = 0;
  uint64_t input_triples = 0;  // sum over the kept documents' contributions
  // One line per dropped duplicate: "DOC: in B and A; kept A's (same
  // content|different content)", at most kMaxLines.
  std::vector<std::string> duplicate_lines;
  static constexpr size_t kMaxLines = 100;
};

struct MergeOptions {
  int wait_seconds = 0;  // for the output's writer lock
};

// Merges `inputs` (store directories, in priority order) into `out`.
// Errors: InvalidArgument (an input is not a kg store, the output is not
// empty, no inputs), Busy (the output is in use), IOError / Corruption.
Status MergeStores(const std::string& out,
                   const std::vector<std::string>& inputs,
                   const MergeOptions& options, MergeReport* report);

}  // namespace kg

#endif  // KG_STORAGE_MERGE_H_
