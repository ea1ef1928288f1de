#include "query/context.h"

namespace kg::query {

namespace {
constexpr TermId kLocalBit = TermId{1} << 63;
}

QueryContext::QueryContext(const ReadView& view, const QueryOptions& options)
    : view_(view),
      options_(options),
      deadline_(std::chrono::steady_clock::now() + options.timeout) {}

TermId QueryContext::Intern(const Term& term) {
  std::string key = term.Encode();
  auto it = local_ids_.find(key);
  if (it != local_ids_.end()) return it->second;
  auto id = view_.Lookup(term);
  if (id.ok()) return *id;
  if (!id.status().IsNotFound()) {
    SetError(id.status());
    return kNoTerm;
  }
  TermId local = kLocalBit | local_terms_.size();
  local_terms_.push_back(term);
  local_ids_.emplace(std::move(key), local);
  return local;
}

const Term* QueryContext::Resolve(TermId id) {
  if (id == kNoTerm) return nullptr;
  if (IsLocal(id)) {
    size_t index = id & ~kLocalBit;
    return index < local_terms_.size() ? &local_terms_[index] : nullptr;
  }
  auto it = cache_.find(id);
  if (it != cache_.end()) return &it->second;
  auto term = view_.Resolve(id);
  if (!term.ok()) {
    SetError(term.status());
    return nullptr;
  }
  return &cache_.emplace(id, std::move(term).value()).first->second;
}

bool QueryContext::Charge(uint64_t rows) {
  charged_ += rows;
  if (charged_ > options_.max_rows && status_.ok()) {
    SetError(Status::ResourceExhausted(
        "query stopped: it materialised more than " +
        std::to_string(options_.max_rows) +
        " rows (raise --max-rows, or make the query more selective)"));
  }
  return status_.ok();
}

void QueryContext::CheckDeadline() {
  if (std::chrono::steady_clock::now() > deadline_ && status_.ok()) {
    auto ms = options_.timeout.count();
    SetError(Status::DeadlineExceeded(
        "query stopped: it ran longer than the time limit of " +
        (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s"
                        : std::to_string(ms) + " ms") +
        " (raise --timeout, or make the query more selective)"));
  }
}

}  // namespace kg::query
