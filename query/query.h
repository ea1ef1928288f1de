// The SPARQL entry point services embed: parse, plan and run a query over a
// store snapshot, reading solutions through a cursor that streams them.
//
//   auto cursor = kg::query::ExecuteQuery(*view, "SELECT ...", {});
//   if (!cursor.ok()) ...;               // syntax error: "line L, column C:
//   ..." while ((*cursor)->Next()) use((*cursor)->row()); if
//   (!(*cursor)->status().ok()) ...;  // DeadlineExceeded, ResourceExhausted
//
// The cursor borrows the ReadView, which must outlive it. One cursor is used
// by one thread at a time. No storage-engine type appears here.
#ifndef KG_QUERY_QUERY_H_
#define KG_QUERY_QUERY_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"
#include "storage/term.h"

namespace kg {
class ReadView;
}

namespace kg::query {

struct QueryOptions {
  // The query ends with DeadlineExceeded when it runs longer than this.
  std::chrono::milliseconds timeout{30000};
  // The query ends with ResourceExhausted once the rows it holds in memory
  // (sort, group, distinct, hash tables, path walks) and the rows it returns
  // exceed this number.
  uint64_t max_rows = 1000000;
};

class QueryCursor {
 public:
  enum class Form { kSelect, kAsk, kConstruct };
  virtual ~QueryCursor() = default;

  virtual Form form() const = 0;
  // Column names: the projected variables (without '?'); for CONSTRUCT
  // "subject", "predicate", "object"; for ASK one column "ask".
  virtual const std::vector<std::string>& variables() const = 0;
  // Advances to the next row; false at the end or on error (see status()).
  // ASK yields exactly one row holding "true" or "false"^^xsd:boolean.
  virtual bool Next() = 0;
  // The current row, one entry per variable; nullopt = unbound.
  virtual const std::vector<std::optional<Term>>& row() const = 0;
  virtual Status status() const = 0;
};

// Parses and plans `text`; evaluation happens as the cursor advances. Errors
// here: InvalidArgument for syntax errors, store errors while planning.
StatusOr<std::unique_ptr<QueryCursor>> ExecuteQuery(
    const ReadView& view, std::string_view text,
    const QueryOptions& options = {});

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_H_
