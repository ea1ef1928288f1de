// Per-query state shared by the operators: the store snapshot, a term cache,
// ids for terms the store does not hold (computed values, unknown constants),
// and the limits (deadline, row budget). One context per query execution;
// not thread-safe.
#ifndef KG_QUERY_CONTEXT_H_
#define KG_QUERY_CONTEXT_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/query.h"
#include "storage/store.h"

namespace kg::query {

// A solution: one TermId per query variable, kNoTerm when unbound.
using Row = std::vector<TermId>;

class QueryContext {
 public:
  QueryContext(const ReadView& view, const QueryOptions& options);

  const ReadView& view() const { return view_; }

  // Ids with the top bit set name terms outside the store; they never match
  // a stored triple.
  static bool IsLocal(TermId id) { return (id >> 63) != 0; }

  // The store's id of `term`, or a local id. Sets the status on store errors
  // (and returns kNoTerm).
  TermId Intern(const Term& term);
  // The term behind an id; null (with the status set) when it cannot be read.
  // The pointer stays valid for the life of the context.
  const Term* Resolve(TermId id);

  // Counts work; every few thousand calls checks the deadline. False when the
  // query must stop (the status says why).
  bool Tick() {
    if (++ticks_ % 4096 == 0) CheckDeadline();
    return status_.ok();
  }
  // Accounts for `rows` materialised rows; false once over the budget.
  bool Charge(uint64_t rows);
  // Returns rows to the budget once their memory is freed.
  void Release(uint64_t rows) { charged_ -= rows < charged_ ? rows : charged_; }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  void SetError(Status status) {
    if (status_.ok()) status_ = std::move(status);
  }

 private:
  void CheckDeadline();

  const ReadView& view_;
  QueryOptions options_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t ticks_ = 0, charged_ = 0;
  Status status_;
  std::unordered_map<TermId, Term> cache_;
  std::unordered_map<std::string, TermId> local_ids_;  // by Term::Encode
  std::vector<Term> local_terms_;
};

}  // namespace kg::query

#endif  // KG_QUERY_CONTEXT_H_
