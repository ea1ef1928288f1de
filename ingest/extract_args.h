// Argument shapes for the extraction rules: a head's subtree with the
// dependents that belong to the clause (not to the argument) cut off,
// non-restrictive relatives and appositions cut, edge punctuation stripped,
// and coordinations optionally split into one argument per conjunct.
// Thread-safety: an ArgBuilder is used by one rule pass at a time.
#ifndef KG_INGEST_EXTRACT_ARGS_H_
#define KG_INGEST_EXTRACT_ARGS_H_

#include <vector>

#include "ingest/extract_rules.h"
#include "ingest/extract_tree.h"
#include "ingest/extractor.h"

namespace kg {

class ArgBuilder {
 public:
  ArgBuilder(const DepTree& t, const ExtractorOptions& o) : t_(t), o_(o) {}

  // The noun phrase headed by h without its own preposition and without the
  // dependent `cut` (a relative clause that predicates about it), or -1.
  RawArgument Nominal(int h, int cut) const;
  // The phrase headed by h, one argument per conjunct when coordination is
  // split; `without_case`: drop h's own preposition (folded into the relation).
  std::vector<RawArgument> Split(int h, int without_case) const;
  // The complement of a copular head p (without subject, copula, clause-level
  // dependents), split on coordination.
  std::vector<RawArgument> Predicate(int p) const;
  // A clausal complement without its complementizer (which joins the
  // relation: "said that").
  RawArgument Clausal(int c) const;
  // The clause headed by h without the reporting clause p in it ("Talks
  // failed , officials said" → "Talks failed").
  RawArgument Reported(int h, int p) const;
  // An oblique with its preposition ("in 1981").
  RawArgument Oblique(int o) const;

  // No argument built after this call contains p or any of its ancestors
  // (the predicate the arguments belong to); -1 lifts the restriction.
  void Avoid(int p);

  // True when child c of p is a non-restrictive relative or apposition (set
  // off by a comma or bracket), or another clause that is never part of an
  // argument.
  bool Parenthetical(int p, int c) const;

 private:
  RawArgument Make(int head, std::vector<int> tokens) const;
  std::vector<int> Conjuncts(int h) const;  // nominal conj children of h

  const DepTree& t_;
  const ExtractorOptions& o_;
  std::vector<char> avoid_;  // per token: on the predicate's path to the root
};

}  // namespace kg

#endif  // KG_INGEST_EXTRACT_ARGS_H_
