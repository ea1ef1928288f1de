// The graph side of the facade: entity lookup (EntityIndex, as `kg explain`),
// neighbours and shortest paths (GraphSession and graph/walks.h, as
// `kg neighbors` and `kg path`). Every call opens its own session, so calls
// from several threads share only the snapshot cache and the entity index,
// both immutable once built.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "graph/graph_session.h"
#include "graph/walks.h"
#include "kg/database_rep.h"

namespace kg {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

Direction ToDirection(LinkDirection d) {
  switch (d) {
    case LinkDirection::kOut:
      return Direction::kOut;
    case LinkDirection::kIn:
      return Direction::kIn;
    case LinkDirection::kBoth:
      break;
  }
  return Direction::kBoth;
}

Link ToLink(GraphSession& s, const WalkStep& step) {
  Link link;
  link.from = s.VertexName(step.from);
  link.to = s.VertexName(step.to);
  link.predicate = s.TermName(step.predicate);
  link.from_iri = s.TermIri(s.term(step.from));
  link.to_iri = s.TermIri(s.term(step.to));
  link.predicate_iri = s.TermIri(step.predicate);
  link.forward = step.forward;
  return link;
}

// The vertex of the entity `name` denotes; InvalidArgument when the entity
// has no link to another one.
StatusOr<VertexId> FindVertex(GraphSession& s, std::string_view name) {
  auto found = s.Find(name);
  if (!found.ok()) return found.status();
  if (found->vertex == kNoVertex) {
    return Status::NotFound(s.TermName(found->term) + " (" +
                            s.TermIri(found->term) +
                            ") is not linked to any other entity");
  }
  return found->vertex;
}

StatusOr<std::unique_ptr<GraphSession>> OpenSession(Database::Rep& rep) {
  return GraphSession::Open(*rep.store, rep.snapshots, rep.options.base_iri);
}

}  // namespace

StatusOr<std::shared_ptr<const EntityIndex>> Database::Rep::Entities(
    const ReadView& view) {
  std::lock_guard<std::mutex> lock(index_mu);
  if (index != nullptr && index_sequence == view.sequence()) return index;
  auto loaded = EntityIndex::Load(view, vocab);
  if (!loaded.ok()) return loaded.status();
  index = std::make_shared<const EntityIndex>(std::move(loaded).value());
  index_sequence = view.sequence();
  return index;
}

StatusOr<std::vector<EntityInfo>> Database::FindEntities(
    std::string_view name) const {
  auto view = rep_->store->NewReadView();
  auto index = rep_->Entities(*view);
  if (!index.ok()) return index.status();
  std::vector<EntityInfo> out;
  for (const EntitySummary* e : (*index)->Find(name)) {
    EntityInfo info;
    info.iri = e->iri;
    info.name = e->name;
    info.type = std::string(EntityTypeName(e->type));
    info.aliases = e->aliases;
    info.mentions = e->mentions;
    info.documents = e->documents;
    out.push_back(std::move(info));
  }
  if (out.empty()) {
    std::string msg = "unknown entity '" + std::string(name) + "'";
    auto suggestions = (*index)->Suggest(name);
    if (!suggestions.empty()) {
      msg += "; did you mean: " + JoinNames(suggestions) + "?";
    }
    return Status::NotFound(msg);
  }
  return out;
}

StatusOr<std::vector<Neighbour>> Database::Neighbours(
    std::string_view entity, const NeighbourOptions& options) const {
  if (options.depth < 1) {
    return Status::InvalidArgument("neighbour depth must be at least 1");
  }
  auto session = OpenSession(*rep_);
  if (!session.ok()) return session.status();
  GraphSession& s = **session;
  auto v = FindVertex(s, entity);
  if (!v.ok()) return v.status();
  NeighborOptions walk;
  walk.depth = options.depth;
  walk.direction = ToDirection(options.direction);
  walk.limit = options.limit;
  if (!options.predicate.empty()) {
    auto p = s.FindPredicate(options.predicate);
    if (!p.ok()) return p.status();
    walk.predicate = *p;
  }
  std::vector<Neighbour> out;
  for (const Reached& r : kg::Neighbors(s.graph(), *v, walk)) {
    out.push_back({r.depth, ToLink(s, r.via)});
  }
  return out;
}

StatusOr<std::vector<LinkPath>> Database::ShortestPaths(
    std::string_view from, std::string_view to,
    const ShortestPathOptions& options) const {
  auto session = OpenSession(*rep_);
  if (!session.ok()) return session.status();
  GraphSession& s = **session;
  auto a = FindVertex(s, from);
  if (!a.ok()) return a.status();
  auto b = FindVertex(s, to);
  if (!b.ok()) return b.status();
  PathOptions walk;
  walk.max_depth = options.max_depth;
  walk.all = options.all;
  walk.max_paths = options.max_paths;
  std::vector<LinkPath> out;
  for (const GraphPath& p : kg::ShortestPaths(s.graph(), *a, *b, walk)) {
    LinkPath path;
    for (const WalkStep& step : p) path.push_back(ToLink(s, step));
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace kg
