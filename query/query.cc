#include "query/query.h"

#include <deque>
#include <unordered_set>

#include "query/parser.h"
#include "query/planner.h"
#include "query/value.h"

namespace kg::query {
namespace {

class Cursor : public QueryCursor {
 public:
  explicit Cursor(std::unique_ptr<PlannedQuery> plan) : plan_(std::move(plan)) {
    const Query& q = plan_->query;
    switch (q.form) {
      case Query::Form::kSelect:
        form_ = Form::kSelect;
        for (int v : plan_->output_vars) vars_.push_back(q.var_names[v]);
        break;
      case Query::Form::kAsk:
        form_ = Form::kAsk;
        vars_ = {"ask"};
        break;
      case Query::Form::kConstruct:
        form_ = Form::kConstruct;
        vars_ = {"subject", "predicate", "object"};
        break;
    }
  }

  Form form() const override { return form_; }
  const std::vector<std::string>& variables() const override { return vars_; }
  const std::vector<std::optional<Term>>& row() const override { return row_; }
  Status status() const override { return plan_->ctx->status(); }

  bool Next() override {
    QueryContext* ctx = plan_->ctx.get();
    if (done_ || !ctx->ok()) return false;
    if (!opened_) {
      opened_ = true;
      plan_->root->Open(Row(plan_->width, kNoTerm));
    }
    switch (form_) {
      case Form::kAsk: {
        Row r;
        bool found = plan_->root->Next(&r);
        done_ = true;
        if (!ctx->ok()) return false;
        row_ = {BooleanTerm(found)};
        return true;
      }
      case Form::kSelect: {
        Row r;
        if (!plan_->root->Next(&r) || !ctx->Charge(1)) return false;
        row_.assign(plan_->output_vars.size(), std::nullopt);
        for (size_t i = 0; i < plan_->output_vars.size(); ++i) {
          TermId id = r[plan_->output_vars[i]];
          if (id == kNoTerm) continue;
          const Term* t = ctx->Resolve(id);
          if (!t) return false;
          row_[i] = *t;
        }
        return true;
      }
      case Form::kConstruct:
        return NextTriple();
    }
    return false;
  }

 private:
  // Instantiates the template for solutions until one new triple is ready.
  bool NextTriple() {
    QueryContext* ctx = plan_->ctx.get();
    while (pending_.empty()) {
      Row r;
      if (!plan_->root->Next(&r)) return false;
      ++solution_;
      for (const TriplePattern& tp : plan_->query.construct_template) {
        std::optional<Term> parts[3];
        const Node* nodes[3] = {&tp.s, &tp.p, &tp.o};
        bool ok = true;
        for (int i = 0; i < 3 && ok; ++i) {
          const Node& n = *nodes[i];
          if (n.is_var()) {
            if (r[n.var] == kNoTerm) {
              ok = false;
              break;
            }
            const Term* t = ctx->Resolve(r[n.var]);
            if (!t) return false;
            parts[i] = *t;
          } else if (n.term.is_blank()) {
            parts[i] =
                Term::Blank(n.term.value + "_" + std::to_string(solution_));
          } else {
            parts[i] = n.term;
          }
        }
        if (!ok || parts[0]->is_literal() || !parts[1]->is_iri()) continue;
        std::string key = parts[0]->Encode() + '\x02' + parts[1]->Encode() +
                          '\x02' + parts[2]->Encode();
        if (!seen_.insert(std::move(key)).second) continue;
        if (!ctx->Charge(1)) return false;
        pending_.push_back({*parts[0], *parts[1], *parts[2]});
      }
    }
    row_.assign(pending_.front().begin(), pending_.front().end());
    pending_.pop_front();
    return true;
  }

  std::unique_ptr<PlannedQuery> plan_;
  Form form_ = Form::kSelect;
  std::vector<std::string> vars_;
  std::vector<std::optional<Term>> row_;
  bool opened_ = false, done_ = false;
  uint64_t solution_ = 0;
  std::deque<std::vector<std::optional<Term>>> pending_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

StatusOr<std::unique_ptr<QueryCursor>> ExecuteQuery(
    const ReadView& view, std::string_view text, const QueryOptions& options) {
  auto query = ParseQuery(text);
  if (!query.ok()) return query.status();
  auto plan = PlanQuery(view, std::move(query).value(), options);
  if (!plan.ok()) return plan.status();
  return std::unique_ptr<QueryCursor>(
      std::make_unique<Cursor>(std::move(plan).value()));
}

}  // namespace kg::query
