// Operators that evaluate a pattern once, on its own, and keep its rows:
// MINUS (rows to subtract) and the hash join (rows hashed on the join
// variables). Their rows count against the row budget.
#include <string>
#include <unordered_map>

#include "query/operators.h"

namespace kg::query {
namespace {

// Materialises `inner` once (on an empty seed) for MINUS and hash joins.
class Materialized : public Operator {
 protected:
  Materialized(QueryContext* ctx, OpPtr inner, size_t width)
      : ctx_(ctx), inner_(std::move(inner)), width_(width) {}
  bool Load() {
    if (loaded_) return ctx_->ok();
    loaded_ = true;
    inner_->Open(Row(width_, kNoTerm));
    Row r;
    while (inner_->Next(&r)) {
      if (!ctx_->Charge(1)) return false;
      rows_.push_back(r);
    }
    return ctx_->ok();
  }
  QueryContext* ctx_;
  OpPtr inner_;
  size_t width_;
  bool loaded_ = false;
  std::vector<Row> rows_;
};

class Minus : public Materialized {
 public:
  Minus(QueryContext* ctx, OpPtr inner, size_t width)
      : Materialized(ctx, std::move(inner), width) {}
  void Open(const Row& seed) override {
    pending_ = false;
    if (!Load()) return;
    for (const Row& r : rows_) {
      bool shared = false, compatible = true;
      for (size_t v = 0; v < width_ && compatible; ++v) {
        if (r[v] == kNoTerm || seed[v] == kNoTerm) continue;
        shared = true;
        compatible = r[v] == seed[v];
      }
      if (shared && compatible) return;  // removed
    }
    pending_ = true;
    seed_ = seed;
  }
  bool Next(Row* out) override {
    if (!pending_) return false;
    pending_ = false;
    *out = seed_;
    return true;
  }

 private:
  bool pending_ = false;
  Row seed_;
};

class HashJoin : public Materialized {
 public:
  HashJoin(QueryContext* ctx, OpPtr inner, std::vector<int> keys, size_t width)
      : Materialized(ctx, std::move(inner), width), keys_(std::move(keys)) {}
  void Open(const Row& seed) override {
    seed_ = seed;
    bucket_ = nullptr;
    next_ = 0;
    if (!Load()) return;
    if (table_.empty() && !rows_.empty()) {
      for (size_t i = 0; i < rows_.size(); ++i)
        table_[Key(rows_[i])].push_back(i);
    }
    auto it = table_.find(Key(seed));
    if (it != table_.end()) bucket_ = &it->second;
  }
  bool Next(Row* out) override {
    while (bucket_ && next_ < bucket_->size()) {
      if (!ctx_->Tick()) return false;
      const Row& r = rows_[(*bucket_)[next_++]];
      *out = seed_;
      bool ok = true;
      for (size_t v = 0; v < width_ && ok; ++v) {
        if (r[v] == kNoTerm) continue;
        ok = (*out)[v] == kNoTerm || (*out)[v] == r[v];
        (*out)[v] = r[v];
      }
      if (ok) return true;
    }
    return false;
  }

 private:
  std::string Key(const Row& r) const {
    std::string k;
    for (int v : keys_)
      k.append(reinterpret_cast<const char*>(&r[v]), sizeof(TermId));
    return k;
  }
  std::vector<int> keys_;
  std::unordered_map<std::string, std::vector<size_t>> table_;
  const std::vector<size_t>* bucket_ = nullptr;
  size_t next_ = 0;
  Row seed_;
};

}  // namespace

OpPtr MakeMinus(QueryContext* ctx, OpPtr inner, size_t width) {
  return std::make_unique<Minus>(ctx, std::move(inner), width);
}
OpPtr MakeHashJoin(QueryContext* ctx, OpPtr inner, std::vector<int> keys,
                   size_t width) {
  return std::make_unique<HashJoin>(ctx, std::move(inner), std::move(keys),
                                    width);
}

}  // namespace kg::query
