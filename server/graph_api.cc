#include "server/graph_api.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/walks.h"
#include "ingest/evidence.h"
#include "ingest/rdf_reader.h"

namespace kg::server {
namespace {

using nlohmann::json;

std::string TypeOf(const EntityIndex* index, TermId t) {
  if (index == nullptr) return "";
  const EntitySummary* e = index->ById(t);
  return e ? std::string(EntityTypeName(e->type)) : "";
}

json Node(GraphSession& s, const EntityIndex* index, TermId t, int depth) {
  return {{"id", s.TermIri(t)},
          {"label", s.TermName(t)},
          {"type", TypeOf(index, t)},
          {"depth", depth}};
}

// The edge a walk step took, in the stored direction.
json Edge(GraphSession& s, const WalkStep& st) {
  TermId a = s.term(st.from), b = s.term(st.to);
  if (!st.forward) std::swap(a, b);
  return {{"source", s.TermIri(a)},
          {"target", s.TermIri(b)},
          {"predicate", s.TermIri(st.predicate)},
          {"label", s.TermName(st.predicate)}};
}

// The vertex of a name, or an error response.
StatusOr<FoundEntity> FindEntity(GraphSession& s, const std::string& name) {
  if (name.empty()) return Status::InvalidArgument("no entity given");
  return s.Find(name);
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

ApiResponse SearchEntities(const EntityIndex& index, const EntityGraph& graph,
                           const EntitySearch& request) {
  std::optional<EntityType> type;
  if (!request.type.empty()) {
    type = ParseEntityType(request.type);
    if (!type) {
      return JsonError(400, "bad_request",
                       "unknown type '" + request.type +
                           "' (Person, Organization, Location, Date, Event, "
                           "Other)");
    }
  }
  const std::string key = NameKey(request.query);
  struct Hit {
    const EntitySummary* e;
    int rank;
  };
  std::vector<Hit> hits;
  for (const EntitySummary& e : index.entities()) {
    bool phrase = e.type == EntityType::kOther && e.mentions == 0;
    if ((type && e.type != *type) || (phrase && !request.all)) continue;
    const std::string name = NameKey(e.name);
    // Rank 0: the name or an alias is the query; 1: it starts the name, an
    // alias, or a later word of the name.
    int rank = -1;
    bool alias_exact = false, alias_prefix = false;
    for (const std::string& a : e.aliases) {
      const std::string k = NameKey(a);
      alias_exact = alias_exact || k == key;
      alias_prefix = alias_prefix || StartsWith(k, key);
    }
    if (name == key || alias_exact) {
      rank = 0;
    } else if (StartsWith(name, key) || alias_prefix ||
               name.find(" " + key) != std::string::npos) {
      rank = 1;
    }
    if (rank >= 0) hits.push_back({&e, rank});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.e->mentions != b.e->mentions) return a.e->mentions > b.e->mentions;
    return a.e->name < b.e->name;
  });
  json out = json::array();
  for (size_t i = 0; i < hits.size() && i < request.limit; ++i) {
    const EntitySummary& e = *hits[i].e;
    VertexId v = graph.vertex(e.id);
    uint64_t degree =
        v == kNoVertex ? 0 : graph.out_degree(v) + graph.in_degree(v);
    out.push_back({{"id", e.iri},
                   {"label", e.name},
                   {"type", std::string(EntityTypeName(e.type))},
                   {"aliases", e.aliases},
                   {"mentions", e.mentions},
                   {"documents", e.documents},
                   {"degree", degree}});
  }
  return JsonOk({{"entities", out}, {"total", hits.size()}});
}

ApiResponse NeighborsApi(GraphSession& s, const EntityIndex* index,
                         const NeighborsRequest& request) {
  auto found = FindEntity(s, request.entity);
  if (!found.ok()) return ErrorFromStatus(found.status());
  json center = Node(s, index, found->term, 0);
  json nodes = json::array({center});
  json edges = json::array();
  bool truncated = false;
  if (found->vertex != kNoVertex) {
    NeighborOptions options;
    options.depth = request.depth;
    options.direction = request.direction == "out"  ? Direction::kOut
                        : request.direction == "in" ? Direction::kIn
                                                    : Direction::kBoth;
    if (!request.predicate.empty()) {
      auto p = s.FindPredicate(request.predicate);
      if (!p.ok()) return ErrorFromStatus(p.status());
      options.predicate = *p;
    }
    // One more than asked tells whether the cap was hit; it is not shown.
    options.limit = request.limit + 1;
    size_t distinct = 0;
    VertexId extra = kNoVertex;
    for (const Reached& r : Neighbors(s.graph(), found->vertex, options)) {
      if (r.first && ++distinct > request.limit) extra = r.vertex;
      if (r.vertex == extra) {
        truncated = true;
        continue;
      }
      if (r.first) nodes.push_back(Node(s, index, s.term(r.vertex), r.depth));
      edges.push_back(Edge(s, r.via));
    }
  }
  return JsonOk({{"center", center},
                 {"nodes", nodes},
                 {"edges", edges},
                 {"truncated", truncated}});
}

ApiResponse PathApi(GraphSession& s, const EntityIndex* index,
                    const PathRequest& request) {
  auto a = FindEntity(s, request.from);
  if (!a.ok()) return ErrorFromStatus(a.status());
  auto b = FindEntity(s, request.to);
  if (!b.ok()) return ErrorFromStatus(b.status());
  std::vector<GraphPath> paths;
  if (a->vertex != kNoVertex && b->vertex != kNoVertex) {
    PathOptions options;
    options.max_depth = request.max_depth;
    options.all = request.all;
    options.max_paths = request.limit;
    paths = ShortestPaths(s.graph(), a->vertex, b->vertex, options);
  }
  if (paths.empty()) {
    return JsonError(404, "no_path",
                     "no path between " + s.TermName(a->term) + " and " +
                         s.TermName(b->term) + " within " +
                         std::to_string(request.max_depth) + " edges");
  }
  json out = json::array();
  json nodes = json::array({Node(s, index, a->term, 0)});
  std::unordered_set<VertexId> seen = {a->vertex};
  for (const GraphPath& p : paths) {
    json steps = json::array();
    int depth = 0;
    for (const WalkStep& st : p) {
      steps.push_back(Edge(s, st));
      ++depth;
      if (seen.insert(st.to).second) {
        nodes.push_back(Node(s, index, s.term(st.to), depth));
      }
    }
    out.push_back(steps);
  }
  return JsonOk({{"paths", out}, {"nodes", nodes}});
}

ApiResponse WhyApi(GraphSession& s, const Vocabulary& vocab,
                   const EntityIndex* index, const WhyRequest& request) {
  const ReadView& view = s.view();
  auto subject = FindEntity(s, request.subject);
  if (!subject.ok()) return ErrorFromStatus(subject.status());
  if (request.predicate.empty()) {
    return JsonError(400, "bad_request", "no predicate given");
  }
  auto predicate = s.FindPredicate(request.predicate);
  if (!predicate.ok()) return ErrorFromStatus(predicate.status());
  TermId object = kNoTerm;
  if (!request.object.empty() && request.object[0] == '"') {
    auto term = ParseTermText(request.object, BareName::kLiteral);
    if (!term.ok()) return ErrorFromStatus(term.status());
    auto id = view.Lookup(*term);
    if (id.ok()) object = *id;
  } else {
    auto found = FindEntity(s, request.object);
    if (!found.ok()) return ErrorFromStatus(found.status());
    object = found->term;
  }
  IdTriple t{subject->term, *predicate, object};
  auto support = view.Support(t);
  if (!support.ok()) return ErrorFromStatus(support.status());
  if (object == kNoTerm || *support == 0) {
    return JsonError(404, "no_fact",
                     "no fact (" + s.TermName(t.s) + ", " + s.TermName(t.p) +
                         ", " + request.object + ") in the store");
  }
  auto evidence = FactEvidence(view, vocab, t);
  if (!evidence.ok()) return ErrorFromStatus(evidence.status());
  json statements = json::array();
  for (const Evidence& e : *evidence) {
    statements.push_back({{"document", e.statement.document_id},
                          {"title", e.title},
                          {"date", e.date},
                          {"sentence_index", e.statement.sentence},
                          {"sentence", e.sentence},
                          {"confidence", e.statement.confidence},
                          {"extractor", e.statement.extractor}});
  }
  auto object_term = view.Resolve(object);
  json object_json = object_term.ok() && object_term->is_literal()
                         ? json{{"id", object_term->ToNTriples()},
                                {"label", object_term->value},
                                {"type", ""}}
                         : Node(s, index, object, 0);
  object_json.erase("depth");
  json subject_json = Node(s, index, t.s, 0);
  subject_json.erase("depth");
  return JsonOk(
      {{"subject", subject_json},
       {"predicate", {{"id", s.TermIri(t.p)}, {"label", s.TermName(t.p)}}},
       {"object", object_json},
       {"documents", *support},
       {"statements", statements}});
}

}  // namespace kg::server
