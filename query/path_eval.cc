#include "query/path_eval.h"

#include <deque>
#include <unordered_set>

namespace kg::query {

CompiledPath CompilePath(const Path& path, QueryContext* ctx) {
  CompiledPath c;
  c.kind = path.kind;
  if (path.kind == Path::Kind::kLink) c.iri = ctx->Intern(path.iri);
  for (const Term& t : path.forward) c.forward.push_back(ctx->Intern(t));
  for (const Term& t : path.inverse) c.inverse.push_back(ctx->Intern(t));
  for (const PathPtr& a : path.args) c.args.push_back(CompilePath(*a, ctx));
  return c;
}

bool PathEvaluator::Step(TermId s, TermId p, TermId o, bool want_object,
                         std::vector<TermId>* out) {
  if (QueryContext::IsLocal(s) || QueryContext::IsLocal(p) ||
      QueryContext::IsLocal(o))
    return true;  // a term the store does not hold has no edges
  auto it = ctx_->view().Match(s, p, o);
  for (; it->Valid(); it->Next()) {
    if (!ctx_->Tick()) return false;
    IdTriple t = it->triple();
    out->push_back(want_object ? t.o : t.s);
  }
  if (!it->status().ok()) ctx_->SetError(it->status());
  return ctx_->ok();
}

bool PathEvaluator::Walk(const CompiledPath& path, TermId start, bool reverse,
                         std::vector<TermId>* out) {
  switch (path.kind) {
    case Path::Kind::kLink:
      return reverse ? Step(kNoTerm, path.iri, start, false, out)
                     : Step(start, path.iri, kNoTerm, true, out);
    case Path::Kind::kInverse:
      return Walk(path.args[0], start, !reverse, out);
    case Path::Kind::kSeq: {
      const CompiledPath& first = path.args[reverse ? 1 : 0];
      const CompiledPath& second = path.args[reverse ? 0 : 1];
      std::vector<TermId> mids;
      if (!Walk(first, start, reverse, &mids)) return false;
      for (TermId m : mids)
        if (!Walk(second, m, reverse, out)) return false;
      return true;
    }
    case Path::Kind::kAlt:
      return Walk(path.args[0], start, reverse, out) &&
             Walk(path.args[1], start, reverse, out);
    case Path::Kind::kZeroOrMore:
      return Closure(path.args[0], start, reverse, true, out);
    case Path::Kind::kOneOrMore:
      return Closure(path.args[0], start, reverse, false, out);
    case Path::Kind::kZeroOrOne: {
      std::vector<TermId> next;
      if (!Walk(path.args[0], start, reverse, &next)) return false;
      out->push_back(start);
      std::unordered_set<TermId> seen{start};
      for (TermId n : next)
        if (seen.insert(n).second) out->push_back(n);
      return true;
    }
    case Path::Kind::kNegated: {
      // !(F | ^I): forward edges whose predicate is not in F, and reversed
      // edges whose predicate is not in I.
      auto excluded = [](const std::vector<TermId>& set, TermId p) {
        for (TermId x : set)
          if (x == p) return true;
        return false;
      };
      if (QueryContext::IsLocal(start)) return true;
      for (int part = 0; part < 2; ++part) {
        const std::vector<TermId>& set =
            part == 0 ? path.forward : path.inverse;
        if (set.empty()) continue;
        bool outgoing = (part == 0) != reverse;
        auto it = outgoing ? ctx_->view().Match(start, kNoTerm, kNoTerm)
                           : ctx_->view().Match(kNoTerm, kNoTerm, start);
        for (; it->Valid(); it->Next()) {
          if (!ctx_->Tick()) return false;
          IdTriple t = it->triple();
          if (!excluded(set, t.p)) out->push_back(outgoing ? t.o : t.s);
        }
        if (!it->status().ok()) ctx_->SetError(it->status());
        if (!ctx_->ok()) return false;
      }
      return true;
    }
  }
  return true;
}

bool PathEvaluator::Closure(const CompiledPath& step, TermId start,
                            bool reverse, bool include_start,
                            std::vector<TermId>* out) {
  std::unordered_set<TermId> visited;
  std::deque<TermId> frontier;
  if (include_start) {
    visited.insert(start);
    out->push_back(start);
  }
  frontier.push_back(start);
  std::vector<TermId> next;
  while (!frontier.empty()) {
    TermId node = frontier.front();
    frontier.pop_front();
    next.clear();
    if (!Walk(step, node, reverse, &next)) return false;
    for (TermId n : next) {
      if (visited.insert(n).second) {
        if (!ctx_->Charge(1)) return false;
        out->push_back(n);
        frontier.push_back(n);
      }
    }
  }
  ctx_->Release(visited.size() - (include_start ? 1 : 0));
  return true;
}

bool PathEvaluator::AllNodes(std::vector<TermId>* out) {
  std::unordered_set<TermId> seen;
  auto it = ctx_->view().Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next()) {
    if (!ctx_->Tick()) return false;
    IdTriple t = it->triple();
    for (TermId n : {t.s, t.o}) {
      if (seen.insert(n).second) {
        if (!ctx_->Charge(1)) return false;
        out->push_back(n);
      }
    }
  }
  if (!it->status().ok()) ctx_->SetError(it->status());
  return ctx_->ok();
}

bool PathEvaluator::StartNodes(const CompiledPath& path, bool reverse,
                               std::vector<TermId>* out) {
  switch (path.kind) {
    case Path::Kind::kLink: {
      std::vector<TermId> raw;
      if (!(reverse ? Step(kNoTerm, path.iri, kNoTerm, true, &raw)
                    : Step(kNoTerm, path.iri, kNoTerm, false, &raw)))
        return false;
      std::unordered_set<TermId> seen;
      for (TermId n : raw)
        if (seen.insert(n).second) out->push_back(n);
      return true;
    }
    case Path::Kind::kInverse:
      return StartNodes(path.args[0], !reverse, out);
    case Path::Kind::kSeq:
      return StartNodes(path.args[reverse ? 1 : 0], reverse, out);
    case Path::Kind::kOneOrMore:
      return StartNodes(path.args[0], reverse, out);
    case Path::Kind::kAlt: {
      std::vector<TermId> raw;
      if (!StartNodes(path.args[0], reverse, &raw) ||
          !StartNodes(path.args[1], reverse, &raw))
        return false;
      std::unordered_set<TermId> seen;
      for (TermId n : raw)
        if (seen.insert(n).second) out->push_back(n);
      return true;
    }
    default:
      return AllNodes(out);
  }
}

}  // namespace kg::query
