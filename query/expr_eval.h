// Evaluates algebra expressions over a row. A result is a term; an error
// (unbound variable, type error) is false from Evaluate, which FILTER treats
// as false and BIND/SELECT as unbound. EXISTS is delegated to a callback the
// planner provides. Not thread-safe (caches compiled regexes).
#ifndef KG_QUERY_EXPR_EVAL_H_
#define KG_QUERY_EXPR_EVAL_H_

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <unordered_map>

#include "query/algebra.h"
#include "query/context.h"

namespace kg::query {

class ExprEvaluator {
 public:
  // Answers EXISTS { pattern } for a row (seeded with the row's bindings).
  using ExistsFn = std::function<bool(const Expr& exists, const Row& row)>;

  ExprEvaluator(QueryContext* ctx, ExistsFn exists)
      : ctx_(ctx), exists_(std::move(exists)) {}

  // True with *out set when the expression has a value.
  bool Evaluate(const Expr& e, const Row& row, Term* out);
  // The effective boolean value; errors are false.
  bool Test(const Expr& e, const Row& row);

 private:
  bool EvalCall(const Expr& e, const Row& row, Term* out);
  bool EvalString(const Expr& e, const Row& row, Term* out);
  const std::regex* Regex(const std::string& pattern, const std::string& flags);

  QueryContext* ctx_;
  ExistsFn exists_;
  std::unordered_map<std::string, std::unique_ptr<std::regex>> regexes_;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXPR_EVAL_H_
