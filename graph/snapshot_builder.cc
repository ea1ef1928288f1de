#include "graph/snapshot_builder.h"

#include <algorithm>
#include <atomic>
#include <string_view>
#include <thread>
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

// The build runs as tasks shared by a few threads: classifying the ids not
// yet known (one or two scans of the dictionary, or point lookups when they
// are few), and scanning ranges of subjects in the spo index. A range keeps
// the candidate edges of its subjects (predicate not bookkeeping, subject not
// a reified statement); a last pass keeps those whose ends are vertices.
class ParallelBuild {
 public:
  ParallelBuild(const ReadView& view, const SnapshotOptions& options,
                std::vector<uint8_t>& kind, TermId type, TermId statement,
                std::vector<TermId> skipped)
      : view_(view),
        any_iri_(options.any_iri),
        prefix_(options.entity_prefix()),
        kind_(kind),
        type_(type),
        statement_(statement),
        skipped_(std::move(skipped)) {}

  Status Run(TermId max) {
    PlanClassification(max);
    // Subject ranges: several per thread, so an uneven range costs little.
    const unsigned threads =
        std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
    const TermId ranges =
        std::min<TermId>(4 * threads, std::max<TermId>(max, 1));
    for (TermId r = 0; r < ranges; ++r) {
      const TermId first = r == 0 ? 1 : 1 + r * max / ranges;
      const TermId last = r + 1 == ranges ? UINT64_MAX : (r + 1) * max / ranges;
      tasks_.push_back({Task::kScan, first, last});
    }
    candidates_.resize(ranges);
    scanned_.assign(ranges, 0);
    results_.resize(tasks_.size());
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < tasks_.size(); ++t) {
      helpers.emplace_back([this] { Work(); });
    }
    Work();
    for (std::thread& h : helpers) h.join();
    for (const Status& st : results_) KG_RETURN_IF_ERROR(st);
    return Status::OK();
  }

  // The edges among the candidates, in spo order. Ids the dictionary scans
  // did not classify are resolved here one by one.
  StatusOr<std::vector<IdTriple>> Edges(VertexClassifier* classifier) {
    size_t total = 0;
    for (const auto& c : candidates_) total += c.size();
    std::vector<IdTriple> edges;
    edges.reserve(total);
    for (auto& range : candidates_) {
      for (const IdTriple& t : range) {
        StatusOr<bool> s = classifier->IsVertex(t.s);
        if (!s.ok()) return s.status();
        if (!*s) continue;
        StatusOr<bool> o = classifier->IsVertex(t.o);
        if (!o.ok()) return o.status();
        if (*o) edges.push_back(t);
      }
      range = std::vector<IdTriple>();
    }
    return edges;
  }

  uint64_t scanned() const {
    uint64_t n = 0;
    for (uint64_t s : scanned_) n += s;
    return n;
  }
  uint64_t resolved() const { return resolved_; }

 private:
  static constexpr unsigned kMaxThreads = 4;
  struct Task {
    enum Kind { kClassifyScan, kScan } kind;
    TermId first, last;
  };

  // Dictionary scans for the unknown ids up to `max` when they are many (a
  // first build: a scan costs a fraction of a point lookup per id). A few
  // (a rebuild after a small change) are left to the last pass.
  void PlanClassification(TermId max) {
    constexpr size_t kMinScan = 256;
    max = std::min<TermId>(max, kind_.size() - 1);
    TermId first = 1;
    while (first <= max && kind_[first] != TermClasses::kUnknown) ++first;
    if (first > max) return;
    const size_t unknown =
        std::count(kind_.begin() + first, kind_.begin() + max + 1,
                   static_cast<uint8_t>(TermClasses::kUnknown));
    if (unknown < kMinScan || 4 * unknown < max - first + 1) return;
    const TermId mid = first + (max - first) / 2;
    tasks_.push_back({Task::kClassifyScan, first, mid});
    tasks_.push_back({Task::kClassifyScan, mid + 1, max});
  }

  void Work() {
    for (size_t i; (i = next_task_.fetch_add(1)) < tasks_.size();) {
      const Task& task = tasks_[i];
      results_[i] = task.kind == Task::kScan
                        ? Scan(i - (tasks_.size() - candidates_.size()), task)
                        : Classify(task);
    }
  }

  // Writes only kind_[first..last]: the classify tasks' ranges are disjoint,
  // and the scans do not read kind_.
  Status Classify(const Task& task) {
    uint64_t n = 0;
    Status st = view_.ScanTerms(
        task.first, task.last, [this, &n](TermId id, const Term& term) {
          if (kind_[id] == TermClasses::kUnknown) {
            kind_[id] = ClassOf(term, any_iri_, prefix_);
            ++n;
          }
          return true;
        });
    resolved_ += n;
    return st;
  }

  bool IsSkipped(TermId p) const {
    for (TermId s : skipped_) {
      if (s == p && s != kNoTerm) return true;
    }
    return false;
  }

  // The triples of the current subject wait in `out` until we know it is not
  // a reified statement (spo order groups a subject's triples together).
  Status Scan(size_t range, const Task& task) {
    std::vector<IdTriple>& out = candidates_[range];
    size_t subject_begin = 0;
    TermId subject = kNoTerm;
    bool reified = false;
    uint64_t scanned = 0;
    auto it = view_.MatchSubjects(task.first, task.last);
    for (; it->Valid(); it->Next()) {
      const IdTriple t = it->triple();
      ++scanned;
      if (t.s != subject) {
        if (reified) out.resize(subject_begin);
        subject = t.s;
        subject_begin = out.size();
        reified = false;
      }
      if (t.p == type_) {
        if (t.o == statement_ && statement_ != kNoTerm) reified = true;
        continue;
      }
      if (!IsSkipped(t.p)) out.push_back(t);
    }
    if (reified) out.resize(subject_begin);
    scanned_[range] = scanned;
    return it->status();
  }

  const ReadView& view_;
  bool any_iri_;
  std::string prefix_;
  std::vector<uint8_t>& kind_;
  TermId type_, statement_;
  std::vector<TermId> skipped_;
  std::vector<Task> tasks_;  // the classify tasks, then one per range
  std::vector<std::vector<IdTriple>> candidates_;  // per range
  std::vector<uint64_t> scanned_;                  // per range
  std::vector<Status> results_;                    // per task
  std::atomic<size_t> next_task_{0};
  std::atomic<uint64_t> resolved_{0};
};

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

  if (!StillValid(view, options, *classes)) classes->kind.clear();
  classes->sequence = view.sequence();
  const TermId max = view.max_term_id();
  // Sized before the threads start; they never resize it.
  VertexClassifier classifier(view, options, classes->kind);
  ParallelBuild build(view, options, classes->kind, type, statement,
                      std::move(skipped));
  KG_RETURN_IF_ERROR(build.Run(max));
  StatusOr<std::vector<IdTriple>> edges = build.Edges(&classifier);
  if (!edges.ok()) return edges.status();
  if (stats != nullptr) {
    stats->triples_scanned = build.scanned();
    stats->terms_resolved = build.resolved() + classifier.resolved();
  }
  return EntityGraph::FromTriples(*edges, view.sequence());
}

}  // namespace kg
