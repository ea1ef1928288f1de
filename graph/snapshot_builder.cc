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

// Classifies term ids as vertex or not, resolving each id at most once.
class VertexClassifier {
 public:
  VertexClassifier(const ReadView& view, const SnapshotOptions& options)
      : view_(view),
        any_iri_(options.any_iri),
        prefix_(options.entity_prefix()),
        kind_(view.max_term_id() + 1, kUnknown) {}

  StatusOr<bool> IsVertex(TermId id) {
    if (id >= kind_.size()) kind_.resize(id + 1, kUnknown);
    if (kind_[id] == kUnknown) {
      StatusOr<Term> term = view_.Resolve(id);
      if (!term.ok()) return term.status();
      ++resolved_;
      bool vertex =
          term->is_iri() &&
          (any_iri_ || std::string_view(term->value).starts_with(prefix_));
      kind_[id] = vertex ? kVertex : kOther;
    }
    return kind_[id] == kVertex;
  }

  uint64_t resolved() const { return resolved_; }

 private:
  enum : uint8_t { kUnknown = 0, kVertex = 1, kOther = 2 };
  const ReadView& view_;
  bool any_iri_;
  std::string prefix_;
  std::vector<uint8_t> kind_;
  uint64_t resolved_ = 0;
};

}  // namespace

StatusOr<std::unique_ptr<EntityGraph>> BuildEntityGraph(
    const ReadView& view, const SnapshotOptions& options, BuildStats* stats) {
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

  VertexClassifier classifier(view, options);
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
