#include "graph/graph_session.h"

#include <utility>

namespace kg {

StatusOr<std::unique_ptr<GraphSession>> GraphSession::Open(
    const Store& store, SnapshotCache& cache, const std::string& base_iri) {
  std::unique_ptr<GraphSession> s(new GraphSession());
  s->view_ = store.NewReadView();
  if (s->view_ == nullptr) return Status::IOError("cannot read the store");
  auto graph = cache.Get(*s->view_);
  if (!graph.ok()) return graph.status();
  s->graph_ = *graph;
  s->names_ = std::make_unique<EntityNames>(*s->view_, base_iri);
  s->base_iri_ = base_iri;
  return s;
}

StatusOr<FoundEntity> GraphSession::Find(std::string_view name) {
  auto candidates = names_->Find(name);
  if (!candidates.ok()) return candidates.status();
  FoundEntity best;
  best.term = candidates->front();
  best.candidates = candidates->size();
  uint64_t best_degree = 0;
  for (TermId t : *candidates) {
    VertexId v = graph_->vertex(t);
    if (v == kNoVertex) continue;
    uint64_t degree = graph_->out_degree(v) + graph_->in_degree(v);
    if (best.vertex == kNoVertex || degree > best_degree) {
      best.term = t;
      best.vertex = v;
      best_degree = degree;
    }
  }
  return best;
}

StatusOr<TermId> GraphSession::FindPredicate(std::string_view name) {
  std::string text(name);
  if (text.size() >= 2 && text.front() == '<' && text.back() == '>') {
    text = text.substr(1, text.size() - 2);
  }
  for (const std::string& iri :
       {text, base_iri_ + "rel/" + text, base_iri_ + text}) {
    StatusOr<TermId> id = view_->Lookup(Term::Iri(iri));
    if (id.ok()) return *id;
  }
  // A label ("focus on") names the relation too.
  auto label = view_->Lookup(Term::Iri(std::string(kRdfsNs) + "label"));
  auto literal = view_->Lookup(Term::Literal(text));
  if (label.ok() && literal.ok()) {
    auto it = view_->Match(kNoTerm, *label, *literal);
    for (; it->Valid(); it->Next()) {
      StatusOr<Term> t = view_->Resolve(it->triple().s);
      if (t.ok() && t->value.starts_with(base_iri_ + "rel/")) {
        return it->triple().s;
      }
    }
  }
  return Status::NotFound("no predicate named " + std::string(name));
}

NamedSubgraph GraphSession::Name(const Subgraph& sg) {
  NamedSubgraph out;
  for (size_t i = 0; i < sg.vertices.size(); ++i) {
    TermId t = term(sg.vertices[i]);
    out.nodes.push_back({TermIri(t), TermName(t), sg.depth[i]});
  }
  for (const Subgraph::Edge& e : sg.edges) {
    out.edges.push_back(
        {e.from, e.to, TermIri(e.predicate), TermName(e.predicate)});
  }
  return out;
}

}  // namespace kg
