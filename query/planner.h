// The planner: turns the algebra into a tree of streaming operators.
// Within a group it orders the triple patterns greedily by estimated
// cardinality (ReadView::Count over the pattern's constants, capped, and
// discounted for variables already bound), avoids cross products, and applies
// each FILTER as soon as the variables it reads are certainly bound.
// Errors: store errors while estimating.
#ifndef KG_QUERY_PLANNER_H_
#define KG_QUERY_PLANNER_H_

#include <memory>
#include <unordered_map>
#include <vector>

#include "query/algebra.h"
#include "query/context.h"
#include "query/expr_eval.h"
#include "query/operators.h"

namespace kg::query {

// Everything one execution needs; owns the query its operators point into.
struct PlannedQuery {
  Query query;
  std::unique_ptr<QueryContext> ctx;
  std::unique_ptr<ExprEvaluator> eval;
  std::unordered_map<const Expr*, OpPtr> exists;  // EXISTS patterns
  OpPtr root;
  size_t width = 0;                  // variables per row
  std::vector<int> output_vars;      // SELECT projection
  std::vector<std::string> explain;  // one line per planned pattern
};

StatusOr<std::unique_ptr<PlannedQuery>> PlanQuery(const ReadView& view,
                                                  Query query,
                                                  const QueryOptions& options);

}  // namespace kg::query

#endif  // KG_QUERY_PLANNER_H_
