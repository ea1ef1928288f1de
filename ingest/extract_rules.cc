// Verbal and copular clauses: subject resolution (own, relative, conjunct,
// reduced relative), relation words (auxiliaries, negation, particles, xcomp
// chains, folded prepositions) and arguments.
#include "ingest/extract_rules.h"

#include <algorithm>

#include "ingest/extract_args.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

bool IsRelativizer(const DepTree& t, int i) {
  std::string w = t.Lower(i);
  return w == "who" || w == "which" || w == "that" || w == "whom";
}

bool IsNegation(const DepTree& t, int i) {
  std::string w = t.Lower(i);
  return w == "not" || w == "n't" || w == "never";
}

class ClauseRules {
 public:
  ClauseRules(const DepTree& t, const ExtractorOptions& o, ArgBuilder& args,
              std::vector<RawExtraction>& out)
      : t_(t), o_(o), args_(args), out_(out) {}

  void Run() {
    for (int p = 0; p < t_.size(); ++p) {
      bool copular = t_.Child(p, {"cop"}) >= 0;
      if (copular || t_.IsVerb(p)) Clause(p, copular);
    }
  }

 private:
  int Subj(int p) const {
    return t_.Child(p, {"nsubj", "nsubj:pass", "csubj", "csubj:pass"});
  }

  // The subject head of predicate p (own, or through conj / relative / acl /
  // advcl), with how it was found; -1 when none.
  int SubjectOf(int p, std::string& how, int depth = 0) const {
    if (depth > 8) return -1;
    int s = Subj(p);
    const int h = t_.head(p);
    if (s >= 0) {
      if (IsRelativizer(t_, s) && t_.xpos(s) != "IN" && t_.xpos(s) != "DT") {
        // "X , who ..." : the nearest nominal above stands for the relativizer.
        for (int a = h; a >= 0; a = t_.head(a)) {
          if (t_.IsNominal(a) || t_.Child(a, {"cop"}) >= 0) {
            how = "relcl";
            return RelativeAntecedent(a);
          }
        }
        return -1;
      }
      if (t_.Is(p, "acl:relcl") && IsRelativizer(t_, s) && h >= 0) {
        how = "relcl";
        return RelativeAntecedent(h);
      }
      how = "own";
      return s;
    }
    if (h < 0) return -1;
    if (t_.Is(p, "conj") && o_.conjuncts &&
        (t_.IsVerb(h) || t_.Child(h, {"cop"}) >= 0)) {
      std::string inner;
      int s2 = SubjectOf(h, inner, depth + 1);
      how = "conj";
      return s2;
    }
    if (t_.Is(p, "acl:relcl") && o_.relative_clauses) {
      how = "relcl";
      return RelativeAntecedent(h);
    }
    if (t_.Is(p, "acl") && o_.reduced_relatives && t_.IsNominal(h) &&
        t_.Child(p, {"mark"}) < 0 &&
        (t_.xpos(p) == "VBN" || t_.xpos(p) == "VBG")) {
      how = "acl";
      return RelativeAntecedent(h);
    }
    if (t_.Is(p, "advcl") && t_.Child(p, {"mark"}) < 0 && t_.xpos(p) == "VBG") {
      std::string inner;
      int s2 = SubjectOf(h, inner, depth + 1);
      how = "advcl";
      return s2;
    }
    return -1;
  }

  // Time and circumstance obliques ("in 1941", "after the war") stay
  // arguments rather than joining the relation.
  bool Adjunct(int o, int case_word) const {
    static const char* kPreps[] = {
        "after",   "before", "during",    "since", "until", "throughout",
        "despite", "upon",   "following", "amid",  "within"};
    std::string prep = t_.Lower(case_word);
    for (const char* p : kPreps)
      if (prep == p) return true;
    if (t_.upos(o) == "NUM") return true;
    static const char* kMonths[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    for (int i : t_.Subtree(o, [](int, int) { return false; }))
      for (const char* m : kMonths)
        if (t_.form(i) == m) return true;
    return false;
  }

  bool IsReportingVerb(int v) const {
    static const char* kVerbs[] = {"say",   "tell",    "add",      "state",
                                   "claim", "report",  "announce", "note",
                                   "write", "explain", "insist",   "argue"};
    std::string lemma = Lemma(t_.Lower(v), PartOfSpeech::kVerb);
    for (const char* verb : kVerbs)
      if (lemma == verb) return true;
    return false;
  }

  // What a relative clause on n is about: n itself, or for a copular
  // predicate nominal ("X is a footballer who plays ...") its subject.
  int RelativeAntecedent(int n) const {
    if (t_.Child(n, {"cop"}) >= 0) {
      int s = t_.Child(n, {"nsubj"});
      if (s >= 0 && !IsRelativizer(t_, s)) return s;
    }
    return n;
  }

  // Relation words hanging off a verb (or copular head): auxiliaries,
  // negation, particles, and the copula itself.
  void RelationWords(int v, bool copular, std::vector<int>& rel) const {
    if (!copular) rel.push_back(v);
    for (int c : t_.children(v)) {
      if (t_.IsAny(c, {"aux", "aux:pass", "compound:prt", "cop"}) ||
          (t_.base(c) == "advmod" && IsNegation(t_, c)))
        rel.push_back(c);
    }
  }

  void Clause(int p, bool copular) {
    if (t_.Is(p, "xcomp") && Subj(p) < 0 && !copular) return;
    std::string how;
    int subj = SubjectOf(p, how);
    if (subj < 0) return;
    const int rel_obj =
        (how == "own" && t_.Is(p, "acl:relcl") && o_.relative_clauses)
            ? RelativeAntecedent(t_.head(p))
            : -1;

    args_.Avoid(p);
    RawExtraction x;
    x.predicate = p;
    x.rule = copular ? "copula" : "svo";
    if (how != "own") x.rule += "+" + how;
    x.inherited = how == "conj" || how == "advcl";
    if (how == "acl" && t_.xpos(p) == "VBN") x.implicit = "be";
    RelationWords(p, copular, x.relation);
    if (t_.Is(p, "ccomp") && t_.head(p) >= 0) {
      std::string source_how;
      int source = SubjectOf(t_.head(p), source_how);
      if (source >= 0) x.source = args_.Nominal(source, -1);
    }
    for (int r : t_.Children(p, {"parataxis"})) {
      int speaker = Subj(r);
      if (speaker >= 0 && IsReportingVerb(r))
        x.source = args_.Nominal(speaker, -1);
    }

    // Follow xcomp chains when the verb has no object of its own.
    int frame = p;
    if (o_.xcomp && !copular) {
      for (int guard = 0; guard < 4; ++guard) {
        if (t_.Child(frame, {"obj", "iobj"}) >= 0) break;
        int xc = t_.Child(frame, {"xcomp"});
        if (xc < 0 || !t_.IsVerb(xc) || Subj(xc) >= 0) break;
        RelationWords(xc, false, x.relation);
        for (int m : t_.Children(xc, {"mark"})) x.relation.push_back(m);
        frame = xc;
        x.rule += "+xcomp";
      }
    }

    // Objects.
    std::vector<int> objects;
    if (copular) objects.push_back(p);
    for (int c : t_.children(frame)) {
      if (t_.IsAny(c, {"obj", "iobj"}) && !IsRelativizer(t_, c))
        objects.push_back(c);
      else if (t_.Is(c, "xcomp") &&
               (!t_.IsVerb(c) || frame != p || t_.Child(frame, {"obj"}) >= 0))
        objects.push_back(c);
      else if (t_.Is(c, "ccomp") && o_.ccomp) {
        objects.push_back(c);
        for (int m : t_.Children(c, {"mark"})) x.relation.push_back(m);
      }
    }
    std::sort(objects.begin(), objects.end());
    std::vector<int> obls = t_.Children(
        frame, {"obl", "obl:tmod", "obl:npmod", "obl:agent", "obl:unmarked"});
    if (copular && t_.Child(p, {"case"}) >= 0 && o_.prep_in_relation) {
      for (int c : t_.Children(p, {"case"})) x.relation.push_back(c);
    }
    int folded = -1;
    if (objects.empty() && rel_obj < 0 && o_.prep_in_relation) {
      for (int o : obls) {
        int cs = t_.Child(o, {"case"});
        if (o > frame && cs >= 0 && !Adjunct(o, cs)) {
          folded = o;
          for (int c : t_.Children(o, {"case"})) x.relation.push_back(c);
          break;
        }
      }
    }
    std::sort(x.relation.begin(), x.relation.end());

    // Arguments.
    std::vector<RawArgument> subjects =
        how == "relcl" || how == "acl"
            ? std::vector<RawArgument>{args_.Nominal(subj, p)}
            : args_.Split(subj, -1);
    std::vector<std::vector<RawArgument>> object_sets;
    if (rel_obj >= 0) object_sets.push_back({args_.Nominal(rel_obj, p)});
    for (int o : objects) {
      if (o == p)
        object_sets.push_back(args_.Predicate(p));
      else if (t_.IsAny(o, {"ccomp", "xcomp"}))
        object_sets.push_back({args_.Clausal(o)});
      else
        object_sets.push_back(args_.Split(o, -1));
    }
    if (folded >= 0) object_sets.push_back(args_.Split(folded, folded));
    for (int o : obls) {
      if (o == folded) continue;
      if (!o_.opener && o < subj && o < p) continue;
      x.qualifiers.push_back(args_.Oblique(o));
    }
    if (object_sets.empty() && o_.ccomp && t_.Is(p, "parataxis") &&
        IsReportingVerb(p) && t_.head(p) >= 0) {
      // "..., authorities said ." : what was said is the clause above.
      object_sets.push_back({args_.Reported(t_.head(p), p)});
      x.rule += "+reported";
    }
    if (object_sets.empty() && x.qualifiers.empty()) return;
    Emit(x, subjects, object_sets);
  }

  // One extraction per subject conjunct × first-object conjunct.
  void Emit(const RawExtraction& base, const std::vector<RawArgument>& subjects,
            const std::vector<std::vector<RawArgument>>& object_sets) {
    std::vector<RawArgument> firsts =
        object_sets.empty() ? std::vector<RawArgument>{RawArgument{}}
                            : object_sets[0];
    for (const RawArgument& s : subjects) {
      if (s.tokens.empty()) continue;
      for (const RawArgument& f : firsts) {
        RawExtraction x = base;
        x.subject = s;
        x.split = subjects.size() > 1 || firsts.size() > 1;
        if (!object_sets.empty()) {
          if (f.tokens.empty()) continue;
          x.objects.push_back(f);
          for (size_t k = 1; k < object_sets.size(); ++k)
            for (const RawArgument& a : object_sets[k]) x.objects.push_back(a);
        }
        out_.push_back(std::move(x));
      }
    }
  }

  const DepTree& t_;
  const ExtractorOptions& o_;
  ArgBuilder& args_;
  std::vector<RawExtraction>& out_;
};

}  // namespace

void NominalRules(const DepTree& tree, const ExtractorOptions& options,
                  ArgBuilder& args, std::vector<RawExtraction>& out);

std::vector<RawExtraction> ApplyRules(const DepTree& tree,
                                      const ExtractorOptions& options) {
  std::vector<RawExtraction> out;
  if (!tree.parsed() || tree.size() == 0) return out;
  ArgBuilder args(tree, options);
  ClauseRules(tree, options, args, out).Run();
  NominalRules(tree, options, args, out);
  return out;
}

}  // namespace kg
