// The stages of a group pattern: scans, paths, joins, filters, bindings.
#include "query/operators.h"

#include <unordered_map>

namespace kg::query {
namespace {

class Sequence : public Operator {
 public:
  Sequence(QueryContext* ctx, std::vector<OpPtr> stages)
      : ctx_(ctx), stages_(std::move(stages)), rows_(stages_.size()) {}

  void Open(const Row& seed) override {
    seed_ = seed;
    emitted_seed_ = false;
    depth_ = 0;
    if (!stages_.empty()) stages_[0]->Open(seed);
  }

  bool Next(Row* out) override {
    if (stages_.empty()) {
      if (emitted_seed_) return false;
      emitted_seed_ = true;
      *out = seed_;
      return true;
    }
    size_t last = stages_.size() - 1;
    while (true) {
      if (!ctx_->Tick()) return false;
      if (stages_[depth_]->Next(&rows_[depth_])) {
        if (depth_ == last) {
          *out = rows_[depth_];
          return true;
        }
        stages_[depth_ + 1]->Open(rows_[depth_]);
        ++depth_;
      } else {
        if (depth_ == 0 || !ctx_->ok()) return false;
        --depth_;
      }
    }
  }

 private:
  QueryContext* ctx_;
  std::vector<OpPtr> stages_;
  std::vector<Row> rows_;
  Row seed_;
  bool emitted_seed_ = false;
  size_t depth_ = 0;
};

class PatternScan : public Operator {
 public:
  PatternScan(QueryContext* ctx, Slot s, Slot p, Slot o)
      : ctx_(ctx), slots_{s, p, o} {}

  void Open(const Row& seed) override {
    seed_ = seed;
    it_.reset();
    TermId ids[3];
    for (int i = 0; i < 3; ++i) {
      const Slot& sl = slots_[i];
      ids[i] = sl.var >= 0 ? seed[sl.var] : sl.id;
      if (sl.var < 0 && sl.id == kNoTerm) return;  // unresolvable constant
      if (QueryContext::IsLocal(ids[i])) return;   // not in the store
    }
    it_ = ctx_->view().Match(ids[0], ids[1], ids[2]);
  }

  bool Next(Row* out) override {
    if (!it_) return false;
    while (it_->Valid()) {
      if (!ctx_->Tick()) return false;
      IdTriple t = it_->triple();
      it_->Next();
      *out = seed_;
      const TermId got[3] = {t.s, t.p, t.o};
      bool ok = true;
      for (int i = 0; i < 3 && ok; ++i) {
        int v = slots_[i].var;
        if (v < 0) continue;
        TermId& cell = (*out)[v];
        if (cell == kNoTerm) {
          cell = got[i];
        } else {
          ok = cell == got[i];  // a variable repeated in the pattern
        }
      }
      if (ok) return true;
    }
    if (!it_->status().ok()) ctx_->SetError(it_->status());
    it_.reset();
    return false;
  }

 private:
  QueryContext* ctx_;
  Slot slots_[3];
  Row seed_;
  std::unique_ptr<TripleIterator> it_;
};

class PathScan : public Operator {
 public:
  PathScan(QueryContext* ctx, Slot s, CompiledPath path, Slot o)
      : ctx_(ctx), walker_(ctx), s_(s), o_(o), path_(std::move(path)) {}

  void Open(const Row& seed) override {
    seed_ = seed;
    ends_.clear();
    starts_.clear();
    next_start_ = next_end_ = 0;
    s_id_ = s_.var >= 0 ? seed[s_.var] : s_.id;
    o_id_ = o_.var >= 0 ? seed[o_.var] : o_.id;
    if ((s_.var < 0 && s_.id == kNoTerm) || (o_.var < 0 && o_.id == kNoTerm))
      return;
    same_var_ = s_.var >= 0 && s_.var == o_.var;
    if (s_id_ != kNoTerm) {
      reverse_ = false;
      starts_.push_back(s_id_);
    } else if (o_id_ != kNoTerm) {
      reverse_ = true;
      starts_.push_back(o_id_);
    } else {
      reverse_ = false;
      walker_.StartNodes(path_, false, &starts_);
    }
  }

  bool Next(Row* out) override {
    while (true) {
      if (!ctx_->ok()) return false;
      if (next_end_ < ends_.size()) {
        TermId start = current_start_, end = ends_[next_end_++];
        TermId from = reverse_ ? end : start, to = reverse_ ? start : end;
        *out = seed_;
        if (s_.var >= 0) (*out)[s_.var] = from;
        if (o_.var >= 0) {
          TermId& cell = (*out)[o_.var];
          if (cell != kNoTerm && cell != to) continue;
          cell = to;
        } else if (o_.id != to) {
          continue;
        }
        if (s_.var < 0 && s_.id != from) continue;
        if (same_var_ && from != to) continue;
        return true;
      }
      if (next_start_ >= starts_.size()) return false;
      current_start_ = starts_[next_start_++];
      ends_.clear();
      next_end_ = 0;
      if (!walker_.Walk(path_, current_start_, reverse_, &ends_)) return false;
    }
  }

 private:
  QueryContext* ctx_;
  PathEvaluator walker_;
  Slot s_, o_;
  CompiledPath path_;
  Row seed_;
  TermId s_id_ = kNoTerm, o_id_ = kNoTerm, current_start_ = kNoTerm;
  bool reverse_ = false, same_var_ = false;
  std::vector<TermId> starts_, ends_;
  size_t next_start_ = 0, next_end_ = 0;
};

// Emits the seed at most once: FILTER and BIND.
class SingleRow : public Operator {
 public:
  bool Next(Row* out) override {
    if (!pending_) return false;
    pending_ = false;
    *out = std::move(row_);
    return true;
  }

 protected:
  Row row_;
  bool pending_ = false;
};

class Filter : public SingleRow {
 public:
  Filter(ExprEvaluator* eval, const Expr* expr) : eval_(eval), expr_(expr) {}
  void Open(const Row& seed) override {
    pending_ = eval_->Test(*expr_, seed);
    if (pending_) row_ = seed;
  }

 private:
  ExprEvaluator* eval_;
  const Expr* expr_;
};

class Bind : public SingleRow {
 public:
  Bind(QueryContext* ctx, ExprEvaluator* eval, const Expr* expr, int var)
      : ctx_(ctx), eval_(eval), expr_(expr), var_(var) {}
  void Open(const Row& seed) override {
    row_ = seed;
    pending_ = true;
    Term value;
    if (row_[var_] == kNoTerm && eval_->Evaluate(*expr_, seed, &value))
      row_[var_] = ctx_->Intern(value);
  }

 private:
  QueryContext* ctx_;
  ExprEvaluator* eval_;
  const Expr* expr_;
  int var_;
};

class Values : public Operator {
 public:
  Values(QueryContext* ctx, std::vector<int> vars,
         std::vector<std::vector<TermId>> rows)
      : ctx_(ctx), vars_(std::move(vars)), rows_(std::move(rows)) {}
  void Open(const Row& seed) override {
    seed_ = seed;
    next_ = 0;
  }
  bool Next(Row* out) override {
    while (next_ < rows_.size() && ctx_->Tick()) {
      const std::vector<TermId>& r = rows_[next_++];
      *out = seed_;
      bool ok = true;
      for (size_t i = 0; i < vars_.size() && ok; ++i) {
        if (r[i] == kNoTerm) continue;
        TermId& cell = (*out)[vars_[i]];
        ok = cell == kNoTerm || cell == r[i];
        cell = r[i];
      }
      if (ok) return true;
    }
    return false;
  }

 private:
  QueryContext* ctx_;
  std::vector<int> vars_;
  std::vector<std::vector<TermId>> rows_;
  Row seed_;
  size_t next_ = 0;
};

class Optional : public Operator {
 public:
  Optional(QueryContext* ctx, OpPtr inner)
      : ctx_(ctx), inner_(std::move(inner)) {}
  void Open(const Row& seed) override {
    seed_ = seed;
    matched_ = done_ = false;
    inner_->Open(seed);
  }
  bool Next(Row* out) override {
    if (done_) return false;
    if (inner_->Next(out)) {
      matched_ = true;
      return true;
    }
    done_ = true;
    if (matched_ || !ctx_->ok()) return false;
    *out = seed_;
    return true;
  }

 private:
  QueryContext* ctx_;
  OpPtr inner_;
  Row seed_;
  bool matched_ = false, done_ = false;
};

class Union : public Operator {
 public:
  explicit Union(std::vector<OpPtr> branches)
      : branches_(std::move(branches)) {}
  void Open(const Row& seed) override {
    seed_ = seed;
    current_ = 0;
    if (!branches_.empty()) branches_[0]->Open(seed);
  }
  bool Next(Row* out) override {
    while (current_ < branches_.size()) {
      if (branches_[current_]->Next(out)) return true;
      if (++current_ < branches_.size()) branches_[current_]->Open(seed_);
    }
    return false;
  }

 private:
  std::vector<OpPtr> branches_;
  Row seed_;
  size_t current_ = 0;
};

}  // namespace

OpPtr MakeSequence(QueryContext* ctx, std::vector<OpPtr> stages) {
  if (stages.size() == 1) return std::move(stages[0]);
  return std::make_unique<Sequence>(ctx, std::move(stages));
}
OpPtr MakePatternScan(QueryContext* ctx, Slot s, Slot p, Slot o) {
  return std::make_unique<PatternScan>(ctx, s, p, o);
}
OpPtr MakePathScan(QueryContext* ctx, Slot s, CompiledPath path, Slot o) {
  return std::make_unique<PathScan>(ctx, s, std::move(path), o);
}
OpPtr MakeFilter(ExprEvaluator* eval, const Expr* expr) {
  return std::make_unique<Filter>(eval, expr);
}
OpPtr MakeBind(QueryContext* ctx, ExprEvaluator* eval, const Expr* expr,
               int var) {
  return std::make_unique<Bind>(ctx, eval, expr, var);
}
OpPtr MakeValues(QueryContext* ctx, std::vector<int> vars,
                 std::vector<std::vector<TermId>> rows) {
  return std::make_unique<Values>(ctx, std::move(vars), std::move(rows));
}
OpPtr MakeOptional(QueryContext* ctx, OpPtr inner) {
  return std::make_unique<Optional>(ctx, std::move(inner));
}
OpPtr MakeUnion(std::vector<OpPtr> branches) {
  return std::make_unique<Union>(std::move(branches));
}
}  // namespace kg::query
