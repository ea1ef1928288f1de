#include "ingest/extract_args.h"

#include <algorithm>

namespace kg {

void ArgBuilder::Avoid(int p) {
  avoid_.assign(t_.size(), 0);
  for (int a = p; a >= 0; a = t_.head(a)) avoid_[a] = 1;
}

bool ArgBuilder::Parenthetical(int p, int c) const {
  (void)p;
  if (!avoid_.empty() && avoid_[c]) return true;
  if (t_.IsAny(c, {"parataxis", "advcl", "discourse", "vocative", "reparandum",
                   "dislocated"}))
    return true;
  // if (t_.Is(c, "acl:relcl")) return true;  // relatives become their own
  // facts
  if (!t_.IsAny(c, {"appos", "acl:relcl"})) return false;
  std::vector<int> sub = t_.Subtree(c, [](int, int) { return false; });
  int left = sub.front();
  // A punct child of c itself may open it: look before the first word.
  while (left < t_.size() && t_.IsPunct(left) && t_.head(left) == c) ++left;
  int before = left - 1;
  while (before >= 0 && t_.IsPunct(before)) {
    const std::string& f = t_.form(before);
    if (f == "," || f == "-LRB-" || f == "(" || f == "--" || f == "-" ||
        f == ";" || f == ":")
      return true;
    --before;
  }
  return false;
}

RawArgument ArgBuilder::Make(int head, std::vector<int> tokens) const {
  RawArgument a;
  a.head = head;
  a.tokens = t_.Trim(std::move(tokens));
  return a;
}

std::vector<int> ArgBuilder::Conjuncts(int h) const {
  std::vector<int> out;
  if (!o_.split_coordination) return out;
  for (int c : t_.Children(h, {"conj"}))
    if (t_.IsNominal(c) == t_.IsNominal(h) && t_.Child(c, {"cop"}) < 0 &&
        t_.Child(c, {"nsubj", "nsubj:pass"}) < 0)
      out.push_back(c);
  return out;
}

RawArgument ArgBuilder::Nominal(int h, int cut) const {
  const bool copular = t_.Child(h, {"cop"}) >= 0;
  return Make(h, t_.Subtree(h, [&](int p, int c) {
    if (c == cut || Parenthetical(p, c)) return true;
    if (p != h) return false;
    // A copular predicate nominal standing as an argument: keep the noun
    // phrase, not its clause.
    if (copular && t_.IsAny(c, {"nsubj", "nsubj:pass", "csubj", "cop", "aux",
                                "aux:pass", "mark", "obl", "obl:tmod", "cc",
                                "conj", "advmod", "punct", "ccomp", "xcomp"}))
      return true;
    return t_.Is(c, "case");
  }));
}

std::vector<RawArgument> ArgBuilder::Split(int h, int without_case) const {
  std::vector<int> conj = Conjuncts(h);
  auto base_cut = [&](int p, int c) {
    if (Parenthetical(p, c)) return true;
    if (p == without_case && t_.Is(c, "case")) return true;
    return false;
  };
  std::vector<RawArgument> out;
  out.push_back(Make(h, t_.Subtree(h, [&](int p, int c) {
    if (p == h && std::find(conj.begin(), conj.end(), c) != conj.end())
      return true;
    if (p == h && t_.Is(c, "cc")) return true;
    return base_cut(p, c);
  })));
  for (int c : conj) {
    out.push_back(Make(c, t_.Subtree(c, [&](int p, int d) {
      if (p == c && t_.IsAny(d, {"cc", "case"})) return true;
      return base_cut(p, d);
    })));
  }
  return out;
}

std::vector<RawArgument> ArgBuilder::Predicate(int p) const {
  std::vector<int> conj = Conjuncts(p);
  auto clause_level = [&](int parent, int c) {
    if (parent != p) return Parenthetical(parent, c);
    if (t_.IsAny(c, {"nsubj", "nsubj:pass", "csubj", "csubj:pass", "cop", "aux",
                     "aux:pass", "mark", "obl", "obl:tmod", "obl:npmod",
                     "obl:agent", "expl", "ccomp", "conj", "cc"}))
      return true;
    if (t_.Is(c, "case") && o_.prep_in_relation) return true;
    if (t_.base(c) == "advmod" && c < p &&
        (t_.Lower(c) == "not" || t_.Lower(c) == "n't" ||
         t_.Lower(c) == "never"))
      return true;
    return Parenthetical(parent, c);
  };
  std::vector<RawArgument> out;
  out.push_back(Make(p, t_.Subtree(p, clause_level)));
  for (int c : conj) {
    out.push_back(Make(c, t_.Subtree(c, [&](int parent, int d) {
      if (parent == c && t_.IsAny(d, {"cc", "case"})) return true;
      return Parenthetical(parent, d);
    })));
  }
  return out;
}

RawArgument ArgBuilder::Clausal(int c) const {
  return Make(c, t_.Subtree(c, [&](int p, int d) {
    return p == c && t_.Is(d, "mark");
  }));
}

RawArgument ArgBuilder::Reported(int h, int p) const {
  return Make(h, t_.Subtree(h, [&](int, int d) { return d == p; }));
}

RawArgument ArgBuilder::Oblique(int o) const {
  return Make(o,
              t_.Subtree(o, [&](int p, int c) { return Parenthetical(p, c); }));
}

}  // namespace kg
