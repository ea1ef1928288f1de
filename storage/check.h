// `kg check`: verifies the invariants of a store directory. Opens the store
// read-only (so it runs beside a writer, on the state as of the open) and
// checks: every triple is in all three indexes and nothing else is; the
// dictionary maps both ways and covers every id used; support counts equal the
// number of documents contributing each triple; every document's contribution
// list, statements and counts are present and consistent; every statement
// belongs to a stored document; the meta counters match. Memory grows with
// the number of triples (they are sorted in memory).
#ifndef KG_STORAGE_CHECK_H_
#define KG_STORAGE_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "storage/status.h"

namespace kg {

struct CheckReport {
  uint64_t triples = 0, terms = 0, documents = 0, statements = 0;
  std::vector<std::string> problems;  // at most kMaxProblems, one line each
  uint64_t problem_count = 0;         // all problems found
  static constexpr size_t kMaxProblems = 100;
  bool ok() const { return problem_count == 0; }
};

// Fills `report`. Returns a non-OK Status only when the store cannot be read
// at all (absent, not a kg store, I/O); damage is reported in `report`.
Status CheckStore(const std::string& path, CheckReport* report);

}  // namespace kg

#endif  // KG_STORAGE_CHECK_H_
