#include "query/planner.h"

#include <algorithm>
#include <set>

namespace kg::query {
namespace {

// Enough to tell selective patterns from broad ones; a Count is a bounded
// index scan, so the cap bounds planning time.
constexpr uint64_t kCountCap = 1000;

using VarSet = std::set<int>;

void ExprVars(const Expr& e, VarSet* vars, bool* has_exists) {
  if (e.kind == Expr::Kind::kVar) vars->insert(e.var);
  if (e.kind == Expr::Kind::kExists) *has_exists = true;
  for (const ExprPtr& a : e.args) ExprVars(*a, vars, has_exists);
}

// Variables a group binds through its patterns, BINDs and VALUES, and the
// variables its expressions read (recursively through subgroups).
void GroupVars(const GroupPattern& g, VarSet* bound, VarSet* read) {
  bool ignored = false;
  for (const GroupElement& el : g.elements) {
    const TriplePattern& t = el.triple;
    switch (el.kind) {
      case GroupElement::Kind::kTriple:
        for (const Node* n : {&t.s, &t.p, &t.o})
          if (n->is_var()) bound->insert(n->var);
        break;
      case GroupElement::Kind::kBind:
        bound->insert(el.var);
        ExprVars(*el.expr, read, &ignored);
        break;
      case GroupElement::Kind::kFilter:
        ExprVars(*el.expr, read, &ignored);
        if (ignored) read->insert(-1);  // EXISTS: treat as reading outside
        break;
      case GroupElement::Kind::kValues:
        bound->insert(el.values_vars.begin(), el.values_vars.end());
        break;
      default:
        for (const GroupPattern& inner : el.groups)
          GroupVars(inner, bound, read);
    }
  }
}

// A group whose expressions read only variables it binds itself evaluates
// the same on its own as under any seed: it can be hash-joined.
bool SelfContained(const GroupPattern& g) {
  VarSet bound, read;
  GroupVars(g, &bound, &read);
  return std::includes(bound.begin(), bound.end(), read.begin(), read.end());
}

class Planner {
 public:
  explicit Planner(PlannedQuery* pq) : pq_(pq), ctx_(pq->ctx.get()) {}

  OpPtr BuildGroup(const GroupPattern& g, const VarSet& bound,
                   VarSet* certain_out);
  void PrepareExpr(const Expr& e, const VarSet& bound);

 private:
  struct PendingFilter {
    const Expr* expr;
    VarSet vars;
    bool has_exists = false;
  };
  Slot MakeSlot(const Node& n) {
    Slot s;
    if (n.is_var()) {
      s.var = n.var;
    } else {
      s.id = ctx_->Intern(n.term);
    }
    return s;
  }
  void FlushBatch(std::vector<const TriplePattern*>* batch, VarSet* certain,
                  std::vector<PendingFilter>* filters,
                  std::vector<OpPtr>* stages);
  bool UseHashJoin(const Slot& s, const Slot& p, const Slot& o,
                   const VarSet& certain, double rows_in);
  void EmitReadyFilters(const VarSet& certain,
                        std::vector<PendingFilter>* filters,
                        std::vector<OpPtr>* stages);

  PlannedQuery* pq_;
  QueryContext* ctx_;
};

void Planner::PrepareExpr(const Expr& e, const VarSet& bound) {
  if (e.kind == Expr::Kind::kExists && !pq_->exists.count(&e)) {
    VarSet ignored;
    pq_->exists[&e] = BuildGroup(*e.pattern, bound, &ignored);
  }
  for (const ExprPtr& a : e.args) PrepareExpr(*a, bound);
}

void Planner::EmitReadyFilters(const VarSet& certain,
                               std::vector<PendingFilter>* filters,
                               std::vector<OpPtr>* stages) {
  for (auto it = filters->begin(); it != filters->end();) {
    bool ready =
        !it->has_exists && std::includes(certain.begin(), certain.end(),
                                         it->vars.begin(), it->vars.end());
    if (ready) {
      stages->push_back(MakeFilter(pq_->eval.get(), it->expr));
      it = filters->erase(it);
    } else {
      ++it;
    }
  }
}

// An index nested-loop join pays one index seek per input row; a hash join
// scans the pattern once. Prefer the scan when the pattern (with its
// constants only) has fewer matches than kSeekCost times the input rows, and
// it is small enough to hold.
bool Planner::UseHashJoin(const Slot& s, const Slot& p, const Slot& o,
                          const VarSet& certain, double rows_in) {
  // Measured (bench/query_bench): a seek ~2.5 us; building a hash table
  // ~0.5 us per row.
  constexpr double kSeekCost = 5;
  constexpr double kMinRows = 64;
  constexpr uint64_t kMaxBuild = 200000;
  if (rows_in < kMinRows) return false;
  bool shares = false;
  for (const Slot* sl : {&s, &p, &o}) {
    if (sl->var >= 0 && certain.count(sl->var)) shares = true;
    if (sl->var < 0 && QueryContext::IsLocal(sl->id)) return false;
  }
  if (!shares) return false;
  uint64_t limit = static_cast<uint64_t>(
      std::min<double>(rows_in * kSeekCost, static_cast<double>(kMaxBuild)));
  uint64_t n = ctx_->view().Count(s.var >= 0 ? kNoTerm : s.id,
                                  p.var >= 0 ? kNoTerm : p.id,
                                  o.var >= 0 ? kNoTerm : o.id, limit);
  if (n >= limit) return false;
  pq_->explain.push_back(
      "hash join on a pattern with " + std::to_string(n) + " matches for ~" +
      std::to_string(static_cast<uint64_t>(rows_in)) + " input rows");
  return true;
}

void Planner::FlushBatch(std::vector<const TriplePattern*>* batch,
                         VarSet* certain, std::vector<PendingFilter>* filters,
                         std::vector<OpPtr>* stages) {
  struct Candidate {
    const TriplePattern* tp;
    Slot s, p, o;
    double base = 0;
  };
  std::vector<Candidate> cands;
  for (const TriplePattern* tp : *batch) {
    Candidate c{tp, MakeSlot(tp->s), tp->path ? Slot{} : MakeSlot(tp->p),
                MakeSlot(tp->o)};
    if (!tp->path) {
      bool missing = false;
      TermId ids[3];
      const Slot* slots[3] = {&c.s, &c.p, &c.o};
      for (int i = 0; i < 3; ++i) {
        ids[i] = slots[i]->var >= 0 ? kNoTerm : slots[i]->id;
        if (QueryContext::IsLocal(ids[i])) missing = true;
      }
      c.base = missing ? 0
                       : static_cast<double>(ctx_->view().Count(
                             ids[0], ids[1], ids[2], kCountCap));
    }
    cands.push_back(c);
  }
  batch->clear();
  auto var_bound = [&](const Slot& s) {
    return s.var >= 0 && certain->count(s.var);
  };
  double rows_est = 1;  // rows flowing into the next stage, roughly
  while (!cands.empty()) {
    size_t best = 0;
    double best_cost = 0;
    for (size_t i = 0; i < cands.size(); ++i) {
      const Candidate& c = cands[i];
      double cost;
      bool s_known = c.s.var < 0 || var_bound(c.s);
      bool o_known = c.o.var < 0 || var_bound(c.o);
      if (c.tp->path) {
        cost = s_known || o_known ? 1000.0 : 1e12;
      } else {
        cost = c.base;
        if (c.s.var >= 0 && var_bound(c.s)) cost /= 100;
        if (c.o.var >= 0 && var_bound(c.o)) cost /= 30;
        if (c.p.var >= 0 && var_bound(c.p)) cost /= 10;
        bool has_var = c.s.var >= 0 || c.p.var >= 0 || c.o.var >= 0;
        bool connected = var_bound(c.s) || var_bound(c.p) || var_bound(c.o);
        if (has_var && !connected && !certain->empty()) cost = cost * 1e6 + 1;
      }
      if (i == 0 || cost < best_cost) {
        best = i;
        best_cost = cost;
      }
    }
    Candidate c = cands[best];
    cands.erase(cands.begin() + best);
    if (c.tp->path) {
      stages->push_back(
          MakePathScan(ctx_, c.s, CompilePath(*c.tp->path, ctx_), c.o));
    } else if (UseHashJoin(c.s, c.p, c.o, *certain, rows_est)) {
      std::vector<int> keys;
      for (const Slot* s : {&c.s, &c.p, &c.o})
        if (s->var >= 0 && certain->count(s->var)) keys.push_back(s->var);
      stages->push_back(MakeHashJoin(ctx_, MakePatternScan(ctx_, c.s, c.p, c.o),
                                     std::move(keys), pq_->width));
    } else {
      stages->push_back(MakePatternScan(ctx_, c.s, c.p, c.o));
    }
    rows_est = std::max(1.0, rows_est * std::max(best_cost, 0.01));
    for (const Slot* s : {&c.s, &c.p, &c.o})
      if (s->var >= 0) certain->insert(s->var);
    EmitReadyFilters(*certain, filters, stages);
  }
}

OpPtr Planner::BuildGroup(const GroupPattern& g, const VarSet& bound,
                          VarSet* certain_out) {
  std::vector<OpPtr> stages;
  VarSet certain = bound;
  std::vector<PendingFilter> filters;
  for (const GroupElement& el : g.elements) {
    if (el.kind != GroupElement::Kind::kFilter) continue;
    PendingFilter f{el.expr.get(), {}, false};
    ExprVars(*el.expr, &f.vars, &f.has_exists);
    filters.push_back(std::move(f));
  }
  EmitReadyFilters(certain, &filters, &stages);
  std::vector<const TriplePattern*> batch;
  using K = GroupElement::Kind;
  for (const GroupElement& el : g.elements) {
    if (el.kind == K::kTriple) {
      batch.push_back(&el.triple);
      continue;
    }
    if (el.kind == K::kFilter) continue;
    FlushBatch(&batch, &certain, &filters, &stages);
    switch (el.kind) {
      case K::kGroup: {
        VarSet inner, all, read;
        GroupVars(el.groups[0], &all, &read);
        bool shares = std::any_of(all.begin(), all.end(),
                                  [&](int v) { return certain.count(v) > 0; });
        if (!shares && !certain.empty() && SelfContained(el.groups[0])) {
          // No variable in common with what is bound so far: evaluate the
          // subgroup once and join its rows from a hash table (a cross
          // product) instead of re-running it for every row.
          OpPtr op = BuildGroup(el.groups[0], VarSet{}, &inner);
          stages.push_back(MakeHashJoin(ctx_, std::move(op), {}, pq_->width));
          pq_->explain.push_back("hash join of an independent subgroup");
        } else {
          stages.push_back(BuildGroup(el.groups[0], certain, &inner));
        }
        certain.insert(inner.begin(), inner.end());
        break;
      }
      case K::kUnion: {
        std::vector<OpPtr> branches;
        VarSet common;
        for (size_t i = 0; i < el.groups.size(); ++i) {
          VarSet inner;
          branches.push_back(BuildGroup(el.groups[i], certain, &inner));
          if (i == 0) {
            common = inner;
          } else {
            VarSet both;
            std::set_intersection(common.begin(), common.end(), inner.begin(),
                                  inner.end(),
                                  std::inserter(both, both.begin()));
            common = both;
          }
        }
        stages.push_back(MakeUnion(std::move(branches)));
        certain.insert(common.begin(), common.end());
        break;
      }
      case K::kOptional: {
        VarSet inner;
        stages.push_back(
            MakeOptional(ctx_, BuildGroup(el.groups[0], certain, &inner)));
        break;
      }
      case K::kMinus: {
        VarSet inner;
        stages.push_back(MakeMinus(
            ctx_, BuildGroup(el.groups[0], VarSet{}, &inner), pq_->width));
        break;
      }
      case K::kBind:
        PrepareExpr(*el.expr, certain);
        stages.push_back(
            MakeBind(ctx_, pq_->eval.get(), el.expr.get(), el.var));
        break;
      case K::kValues: {
        std::vector<std::vector<TermId>> rows;
        for (const std::vector<Node>& r : el.values_rows) {
          std::vector<TermId> ids;
          for (const Node& n : r)
            ids.push_back(n.term.value.empty() && n.term.is_iri()
                              ? kNoTerm
                              : ctx_->Intern(n.term));
          rows.push_back(std::move(ids));
        }
        stages.push_back(MakeValues(ctx_, el.values_vars, std::move(rows)));
        break;
      }
      default:
        break;
    }
    EmitReadyFilters(certain, &filters, &stages);
  }
  FlushBatch(&batch, &certain, &filters, &stages);
  for (const PendingFilter& f : filters) {
    PrepareExpr(*f.expr, certain);
    stages.push_back(MakeFilter(pq_->eval.get(), f.expr));
  }
  *certain_out = std::move(certain);
  return MakeSequence(ctx_, std::move(stages));
}

}  // namespace

StatusOr<std::unique_ptr<PlannedQuery>> PlanQuery(const ReadView& view,
                                                  Query query,
                                                  const QueryOptions& options) {
  auto pq = std::make_unique<PlannedQuery>();
  pq->query = std::move(query);
  const Query& q = pq->query;
  pq->width = q.var_names.size();
  pq->ctx = std::make_unique<QueryContext>(view, options);
  PlannedQuery* raw = pq.get();
  pq->eval = std::make_unique<ExprEvaluator>(
      pq->ctx.get(), [raw](const Expr& e, const Row& row) {
        auto it = raw->exists.find(&e);
        if (it == raw->exists.end()) return false;
        it->second->Open(row);
        Row tmp;
        return it->second->Next(&tmp);
      });
  Planner planner(pq.get());
  VarSet certain;
  OpPtr root = planner.BuildGroup(q.where, VarSet{}, &certain);
  QueryContext* ctx = pq->ctx.get();
  if (q.grouped) {
    std::vector<OpPtr> stages;
    stages.push_back(MakeGroup(ctx, pq->eval.get(), std::move(root), q));
    for (const ExprPtr& h : q.having) {
      planner.PrepareExpr(*h, VarSet{});
      stages.push_back(MakeFilter(pq->eval.get(), h.get()));
    }
    root = MakeSequence(ctx, std::move(stages));
  }
  std::vector<OpPtr> extend;
  extend.push_back(std::move(root));
  for (const Query::Projection& p : q.select) {
    if (!p.expr) continue;
    planner.PrepareExpr(*p.expr, VarSet{});
    extend.push_back(MakeBind(ctx, pq->eval.get(), p.expr.get(), p.var));
  }
  root = MakeSequence(ctx, std::move(extend));
  if (!q.order_by.empty()) {
    for (const Query::OrderKey& k : q.order_by)
      planner.PrepareExpr(*k.expr, VarSet{});
    root = MakeOrder(ctx, pq->eval.get(), std::move(root), &q.order_by);
  }
  for (const Query::Projection& p : q.select) pq->output_vars.push_back(p.var);
  if (q.distinct) root = MakeDistinct(ctx, std::move(root), pq->output_vars);
  int64_t limit = q.form == Query::Form::kAsk ? 1 : q.limit;
  if (q.offset > 0 || limit >= 0)
    root = MakeSlice(std::move(root), q.offset, limit);
  pq->root = std::move(root);
  if (!ctx->ok()) return ctx->status();
  return pq;
}

}  // namespace kg::query
