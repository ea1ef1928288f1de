#include "graph/snapshot_builder.h"

#include <string_view>
#include <vector>

namespace kg {

std::string SnapshotOptions::Fingerprint() const {
  return (any_iri ? "any-iri " : "entities ") + base_iri;
}

namespace {

TermId LookupOrNone(const ReadView& view, const Term& term) {
  StatusOr<TermId> id = view.Lookup(term);
  return id.ok() ? *id : kNoTerm;
}

uint8_t ClassOf(const Term& term, bool any_iri, const std::string& prefix) {
  bool vertex = term.is_iri() &&
                (any_iri || std::string_view(term.value).starts_with(prefix));
  return vertex ? TermClasses::kVertex : TermClasses::kOther;
}

// Classifies term ids as vertex or not, resolving each id at most once (and
// not at all when an earlier build of the store already did).
class VertexClassifier {
 public:
  VertexClassifier(const ReadView& view, const SnapshotOptions& options,
                   std::vector<uint8_t>& kind)
      : view_(view),
        any_iri_(options.any_iri),
        prefix_(options.entity_prefix()),
        kind_(kind) {
    if (kind_.size() < view.max_term_id() + 1) {
      kind_.resize(view.max_term_id() + 1, TermClasses::kUnknown);
    }
  }

  StatusOr<bool> IsVertex(TermId id) {
    if (id >= kind_.size()) kind_.resize(id + 1, TermClasses::kUnknown);
    if (kind_[id] == TermClasses::kUnknown) {
      StatusOr<Term> term = view_.Resolve(id);
      if (!term.ok()) return term.status();
      ++resolved_;
      kind_[id] = ClassOf(*term, any_iri_, prefix_);
    }
    return kind_[id] == TermClasses::kVertex;
  }

  uint64_t resolved() const { return resolved_; }

 private:
  const ReadView& view_;
  bool any_iri_;
  std::string prefix_;
  std::vector<uint8_t>& kind_;
  uint64_t resolved_ = 0;
};

// Classes learned from another state of the store are reused only when the
// store has moved forward and a sample of them still holds (a store restored
// from an older copy may have given the same ids to other terms).
bool StillValid(const ReadView& view, const SnapshotOptions& options,
                const TermClasses& classes) {
  if (classes.sequence > view.sequence()) return false;
  if (classes.kind.size() > view.max_term_id() + 1) return false;
  const size_t n = classes.kind.size();
  for (size_t i = 1; i <= 16 && n > 1; ++i) {
    TermId id = 1 + (i * 2654435761u) % (n - 1);
    if (classes.kind[id] == TermClasses::kUnknown) continue;
    StatusOr<Term> term = view.Resolve(id);
    if (!term.ok() || ClassOf(*term, options.any_iri,
                              options.entity_prefix()) != classes.kind[id]) {
      return false;
    }
  }
  return true;
}

}  // namespace

StatusOr<std::unique_ptr<EntityGraph>> BuildEntityGraph(
    const ReadView& view, const SnapshotOptions& options, BuildStats* stats,
    TermClasses* classes) {
  TermClasses local;
  if (classes == nullptr) classes = &local;
  auto rdf = [](std::string_view local) {
    return Term::Iri(std::string(kRdfNs) + std::string(local));
  };
  const TermId type = LookupOrNone(view, rdf("type"));
  const TermId statement = LookupOrNone(view, rdf("Statement"));
  std::vector<TermId> skipped = {
      type,
      LookupOrNone(view, Term::Iri(std::string(kRdfsNs) + "label")),
      LookupOrNone(view, Term::Iri(options.base_iri + "alias")),
      LookupOrNone(view, rdf("subject")),
      LookupOrNone(view, rdf("predicate")),
      LookupOrNone(view, rdf("object"))};
  auto is_skipped = [&](TermId p) {
    for (TermId s : skipped) {
      if (s == p && s != kNoTerm) return true;
    }
    return false;
  };

  if (!StillValid(view, options, *classes)) classes->kind.clear();
  classes->sequence = view.sequence();
  VertexClassifier classifier(view, options, classes->kind);
  std::vector<IdTriple> edges;
  // The triples of the current subject wait here until we know it is not a
  // reified statement (spo order groups a subject's triples together).
  size_t subject_begin = 0;
  TermId subject = kNoTerm;
  bool subject_ok = false, subject_reified = false;
  uint64_t scanned = 0;
  auto it = view.Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next()) {
    const IdTriple t = it->triple();
    ++scanned;
    if (t.s != subject) {
      if (subject_reified) edges.resize(subject_begin);
      subject = t.s;
      subject_begin = edges.size();
      subject_reified = false;
      StatusOr<bool> ok = classifier.IsVertex(t.s);
      if (!ok.ok()) return ok.status();
      subject_ok = *ok;
    }
    if (!subject_ok) continue;
    if (t.p == type) {
      if (t.o == statement && statement != kNoTerm) subject_reified = true;
      continue;
    }
    if (is_skipped(t.p)) continue;
    StatusOr<bool> ok = classifier.IsVertex(t.o);
    if (!ok.ok()) return ok.status();
    if (*ok) edges.push_back(t);
  }
  if (!it->status().ok()) return it->status();
  if (subject_reified) edges.resize(subject_begin);
  if (stats != nullptr) {
    stats->triples_scanned = scanned;
    stats->terms_resolved = classifier.resolved();
  }
  return EntityGraph::FromTriples(edges, view.sequence());
}

}  // namespace kg
