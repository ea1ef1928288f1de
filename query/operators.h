// The streaming evaluator: one iterator per operator. Every operator is
// "seeded": Open(seed) starts producing the extensions of the seed row (the
// bindings made so far), Next(row) yields them one at a time. A Sequence feeds
// each row of one stage as the seed of the next, which makes every triple
// pattern an index nested-loop join into the store. Operators stop (Next
// returns false) when the QueryContext reports a limit or store error.
// Not thread-safe; operators borrow the context and evaluator they are given.
#ifndef KG_QUERY_OPERATORS_H_
#define KG_QUERY_OPERATORS_H_

#include <memory>
#include <vector>

#include "query/algebra.h"
#include "query/context.h"
#include "query/expr_eval.h"
#include "query/path_eval.h"

namespace kg::query {

class Operator {
 public:
  virtual ~Operator() = default;
  virtual void Open(const Row& seed) = 0;
  virtual bool Next(Row* out) = 0;
};
using OpPtr = std::unique_ptr<Operator>;

// A triple-pattern position at evaluation time: a variable or a term id.
struct Slot {
  int var = -1;
  TermId id = kNoTerm;
};

// Stages of a group.
OpPtr MakeSequence(QueryContext* ctx, std::vector<OpPtr> stages);
OpPtr MakePatternScan(QueryContext* ctx, Slot s, Slot p, Slot o);
OpPtr MakePathScan(QueryContext* ctx, Slot s, CompiledPath path, Slot o);
OpPtr MakeFilter(ExprEvaluator* eval, const Expr* expr);
OpPtr MakeBind(QueryContext* ctx, ExprEvaluator* eval, const Expr* expr,
               int var);
OpPtr MakeValues(QueryContext* ctx, std::vector<int> vars,
                 std::vector<std::vector<TermId>> rows);
OpPtr MakeOptional(QueryContext* ctx, OpPtr inner);
OpPtr MakeUnion(std::vector<OpPtr> branches);
// Rows of the seed's extensions that no row of `inner` (evaluated once, on
// its own) is compatible with on a shared variable.
OpPtr MakeMinus(QueryContext* ctx, OpPtr inner, size_t width);
// Joins the seed with the rows of `inner`, evaluated once on its own and
// hashed on `keys` (variables bound in every row of both sides).
OpPtr MakeHashJoin(QueryContext* ctx, OpPtr inner, std::vector<int> keys,
                   size_t width);

// Solution modifiers (opened with an all-unbound seed).
OpPtr MakeGroup(QueryContext* ctx, ExprEvaluator* eval, OpPtr child,
                const Query& query);
OpPtr MakeOrder(QueryContext* ctx, ExprEvaluator* eval, OpPtr child,
                const std::vector<Query::OrderKey>* keys);
OpPtr MakeDistinct(QueryContext* ctx, OpPtr child, std::vector<int> vars);
OpPtr MakeSlice(OpPtr child, int64_t offset, int64_t limit);

}  // namespace kg::query

#endif  // KG_QUERY_OPERATORS_H_
