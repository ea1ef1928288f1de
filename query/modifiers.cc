// Solution modifiers: GROUP BY with aggregates, ORDER BY, DISTINCT, and
// OFFSET/LIMIT. Grouping and sorting materialise their input (charged to the
// row budget); DISTINCT keeps the keys it has seen; slicing streams.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "query/operators.h"
#include "query/value.h"

namespace kg::query {
namespace {

std::string RowKey(const Row& r, const std::vector<int>* vars) {
  std::string k;
  if (vars) {
    for (int v : *vars)
      k.append(reinterpret_cast<const char*>(&r[v]), sizeof(TermId));
  } else {
    k.append(reinterpret_cast<const char*>(r.data()),
             r.size() * sizeof(TermId));
  }
  return k;
}

class Group : public Operator {
 public:
  Group(QueryContext* ctx, ExprEvaluator* eval, OpPtr child, const Query& query)
      : ctx_(ctx), eval_(eval), child_(std::move(child)), query_(query) {}

  void Open(const Row& seed) override {
    out_.clear();
    next_ = 0;
    size_t width = seed.size();
    std::unordered_map<std::string, size_t> index;
    std::vector<std::vector<TermId>> keys;
    std::vector<std::vector<Row>> groups;
    child_->Open(seed);
    Row r;
    while (child_->Next(&r)) {
      if (!ctx_->Charge(1)) return;
      std::vector<TermId> key;
      for (const Query::GroupKey& k : query_.group_by) {
        Term t;
        key.push_back(eval_->Evaluate(*k.expr, r, &t) ? ctx_->Intern(t)
                                                      : kNoTerm);
      }
      std::string ks = RowKey(key, nullptr);
      auto [it, fresh] = index.emplace(ks, groups.size());
      if (fresh) {
        keys.push_back(key);
        groups.emplace_back();
      }
      groups[it->second].push_back(std::move(r));
      r.assign(width, kNoTerm);
    }
    if (!ctx_->ok()) return;
    if (groups.empty() && query_.group_by.empty()) {
      groups.emplace_back();
      keys.emplace_back();
    }
    for (size_t g = 0; g < groups.size(); ++g) {
      Row row(width, kNoTerm);
      for (size_t k = 0; k < query_.group_by.size(); ++k)
        row[query_.group_by[k].var] = keys[g][k];
      for (const Aggregate& agg : query_.aggregates) {
        std::optional<Term> v = Compute(agg, groups[g]);
        if (v) row[agg.result_var] = ctx_->Intern(*v);
      }
      out_.push_back(std::move(row));
    }
  }

  bool Next(Row* out) override {
    if (!ctx_->ok() || next_ >= out_.size()) return false;
    *out = out_[next_++];
    return true;
  }

 private:
  std::optional<Term> Compute(const Aggregate& agg,
                              const std::vector<Row>& rows) {
    if (agg.star) {
      if (!agg.distinct)
        return Term::Typed(std::to_string(rows.size()), XsdIri("integer"));
      std::unordered_set<std::string> seen;
      for (const Row& r : rows) seen.insert(RowKey(r, nullptr));
      return Term::Typed(std::to_string(seen.size()), XsdIri("integer"));
    }
    std::vector<Term> values;
    std::unordered_set<std::string> seen;
    for (const Row& r : rows) {
      Term t;
      if (!eval_->Evaluate(*agg.arg, r, &t)) continue;  // unbound/error: skip
      if (agg.distinct && !seen.insert(t.Encode()).second) continue;
      values.push_back(std::move(t));
    }
    const std::string& f = agg.function;
    if (f == "count")
      return Term::Typed(std::to_string(values.size()), XsdIri("integer"));
    if (f == "sum" || f == "avg") {
      Numeric total;
      for (const Term& t : values) {
        auto n = ToNumeric(t);
        if (!n) return std::nullopt;
        total = *Arithmetic('+', total, *n);
      }
      if (f == "sum") return FromNumeric(total);
      if (values.empty()) return Term::Typed("0", XsdIri("integer"));
      Numeric count;
      count.value = static_cast<long double>(values.size());
      auto avg = Arithmetic('/', total, count);
      if (!avg) return std::nullopt;
      return FromNumeric(*avg);
    }
    if (f == "min" || f == "max") {
      if (values.empty()) return std::nullopt;
      const Term* best = &values[0];
      for (const Term& t : values) {
        int c = OrderCompare(&t, best);
        if (f == "min" ? c < 0 : c > 0) best = &t;
      }
      return *best;
    }
    if (f == "sample") {
      if (values.empty()) return std::nullopt;
      return values[0];
    }
    // group_concat
    std::string s;
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) s += agg.separator;
      s += values[i].value;
    }
    return Term::Literal(std::move(s));
  }

  QueryContext* ctx_;
  ExprEvaluator* eval_;
  OpPtr child_;
  const Query& query_;
  std::vector<Row> out_;
  size_t next_ = 0;
};

class Order : public Operator {
 public:
  Order(QueryContext* ctx, ExprEvaluator* eval, OpPtr child,
        const std::vector<Query::OrderKey>* keys)
      : ctx_(ctx), eval_(eval), child_(std::move(child)), keys_(keys) {}

  void Open(const Row& seed) override {
    rows_.clear();
    next_ = 0;
    struct Item {
      std::vector<std::optional<Term>> keys;
      size_t index;
    };
    std::vector<Row> rows;
    std::vector<Item> items;
    child_->Open(seed);
    Row r;
    while (child_->Next(&r)) {
      if (!ctx_->Charge(1)) return;
      Item item;
      item.index = rows.size();
      for (const Query::OrderKey& k : *keys_) {
        Term t;
        item.keys.push_back(eval_->Evaluate(*k.expr, r, &t)
                                ? std::optional<Term>(std::move(t))
                                : std::nullopt);
      }
      rows.push_back(r);
      items.push_back(std::move(item));
    }
    if (!ctx_->ok()) return;
    std::stable_sort(
        items.begin(), items.end(), [&](const Item& a, const Item& b) {
          for (size_t i = 0; i < keys_->size(); ++i) {
            int c = OrderCompare(a.keys[i] ? &*a.keys[i] : nullptr,
                                 b.keys[i] ? &*b.keys[i] : nullptr);
            if ((*keys_)[i].descending) c = -c;
            if (c != 0) return c < 0;
          }
          return false;
        });
    for (const Item& item : items) rows_.push_back(std::move(rows[item.index]));
  }

  bool Next(Row* out) override {
    if (!ctx_->ok() || next_ >= rows_.size()) return false;
    *out = std::move(rows_[next_++]);
    return true;
  }

 private:
  QueryContext* ctx_;
  ExprEvaluator* eval_;
  OpPtr child_;
  const std::vector<Query::OrderKey>* keys_;
  std::vector<Row> rows_;
  size_t next_ = 0;
};

class Distinct : public Operator {
 public:
  Distinct(QueryContext* ctx, OpPtr child, std::vector<int> vars)
      : ctx_(ctx), child_(std::move(child)), vars_(std::move(vars)) {}
  void Open(const Row& seed) override {
    seen_.clear();
    child_->Open(seed);
  }
  bool Next(Row* out) override {
    while (child_->Next(out)) {
      if (seen_.insert(RowKey(*out, &vars_)).second) {
        if (!ctx_->Charge(1)) return false;
        return true;
      }
    }
    return false;
  }

 private:
  QueryContext* ctx_;
  OpPtr child_;
  std::vector<int> vars_;
  std::unordered_set<std::string> seen_;
};

class Slice : public Operator {
 public:
  Slice(OpPtr child, int64_t offset, int64_t limit)
      : child_(std::move(child)), offset_(offset), limit_(limit) {}
  void Open(const Row& seed) override {
    child_->Open(seed);
    skipped_ = emitted_ = 0;
  }
  bool Next(Row* out) override {
    if (limit_ >= 0 && emitted_ >= limit_) return false;
    while (skipped_ < offset_) {
      if (!child_->Next(out)) return false;
      ++skipped_;
    }
    if (!child_->Next(out)) return false;
    ++emitted_;
    return true;
  }

 private:
  OpPtr child_;
  int64_t offset_, limit_;
  int64_t skipped_ = 0, emitted_ = 0;
};

}  // namespace

OpPtr MakeGroup(QueryContext* ctx, ExprEvaluator* eval, OpPtr child,
                const Query& query) {
  return std::make_unique<Group>(ctx, eval, std::move(child), query);
}
OpPtr MakeOrder(QueryContext* ctx, ExprEvaluator* eval, OpPtr child,
                const std::vector<Query::OrderKey>* keys) {
  return std::make_unique<Order>(ctx, eval, std::move(child), keys);
}
OpPtr MakeDistinct(QueryContext* ctx, OpPtr child, std::vector<int> vars) {
  return std::make_unique<Distinct>(ctx, std::move(child), std::move(vars));
}
OpPtr MakeSlice(OpPtr child, int64_t offset, int64_t limit) {
  return std::make_unique<Slice>(std::move(child), offset, limit);
}

}  // namespace kg::query
