// QueryResult: a kg::query::QueryCursor together with the snapshot it reads.
#include <memory>
#include <string>
#include <vector>

#include "kg/database_rep.h"
#include "kg/kg.h"
#include "query/query.h"
#include "storage/store.h"

namespace kg {

// The view is declared first so that it outlives the cursor borrowing it.
struct QueryResult::Rep {
  std::unique_ptr<ReadView> view;
  std::unique_ptr<query::QueryCursor> cursor;
};

QueryResult::QueryResult(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
QueryResult::~QueryResult() = default;

QueryResult::Form QueryResult::form() const {
  switch (rep_->cursor->form()) {
    case query::QueryCursor::Form::kAsk:
      return Form::kAsk;
    case query::QueryCursor::Form::kConstruct:
      return Form::kConstruct;
    case query::QueryCursor::Form::kSelect:
      break;
  }
  return Form::kSelect;
}

const std::vector<std::string>& QueryResult::variables() const {
  return rep_->cursor->variables();
}

bool QueryResult::Next() { return rep_->cursor->Next(); }

const std::vector<std::optional<Term>>& QueryResult::row() const {
  return rep_->cursor->row();
}

std::string QueryResult::Text(size_t i) const {
  const auto& r = rep_->cursor->row();
  if (i >= r.size() || !r[i].has_value()) return "";
  return r[i]->value;
}

Status QueryResult::status() const { return rep_->cursor->status(); }

StatusOr<std::unique_ptr<QueryResult>> Database::Query(
    std::string_view sparql) const {
  auto rep = std::make_unique<QueryResult::Rep>();
  rep->view = rep_->store->NewReadView();
  query::QueryOptions options;
  options.timeout = rep_->options.query_timeout;
  options.max_rows = rep_->options.query_max_rows;
  auto cursor = query::ExecuteQuery(*rep->view, sparql, options);
  if (!cursor.ok()) return cursor.status();
  rep->cursor = std::move(cursor).value();
  return std::make_unique<QueryResult>(std::move(rep));
}

}  // namespace kg
