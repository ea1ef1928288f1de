// The JSON endpoints of `kg serve` over entities and the entity graph: search
// by name prefix, the neighbourhood of an entity, shortest paths between two,
// and the evidence (documents and sentences) of one fact. They reuse what
// `kg entities`, `kg neighbors`, `kg path` and `kg why` run on: EntityIndex,
// GraphSession with graph/walks.h, and ingest/evidence.h.
//
// Entities are named as the commands name them (label, alias or IRI); nodes
// and edges in the answers carry IRIs, so a client can pass them back.
// Thread-safety: each call uses the session by the calling thread only; the
// index and graph are immutable and may be shared.
#ifndef KG_SERVER_GRAPH_API_H_
#define KG_SERVER_GRAPH_API_H_

#include <cstddef>
#include <string>

#include "graph/graph_session.h"
#include "ingest/entity_index.h"
#include "ingest/vocabulary.h"
#include "server/api_response.h"

namespace kg::server {

struct EntitySearch {
  std::string query;  // name prefix, case-insensitive; empty = any
  std::string type;   // Person, Organization, ...; empty = any
  size_t limit = 20;
  bool all = false;  // also noun-phrase nodes (type Other, no mentions)
};
// {"entities": [{"id","label","type","aliases","mentions","documents",
// "degree"}]}: entities whose name or alias is the query first, then those
// whose name, an alias or a later word of the name starts with it; more
// mentions first within each.
ApiResponse SearchEntities(const EntityIndex& index, const EntityGraph& graph,
                           const EntitySearch& request);

struct NeighborsRequest {
  std::string entity;
  int depth = 1;
  size_t limit = 100;              // distinct neighbours
  std::string predicate;           // only this relation; empty = any
  std::string direction = "both";  // out, in, both
};
// {"center": node, "nodes": [node...], "edges": [edge...], "truncated"}, a node
// being {"id","label","type","depth"} and an edge {"source","target",
// "predicate","label"} in the stored direction.
ApiResponse NeighborsApi(GraphSession& session, const EntityIndex* index,
                         const NeighborsRequest& request);

struct PathRequest {
  std::string from, to;
  int max_depth = 6;
  bool all = false;
  size_t limit = 20;  // paths with `all`
};
// {"paths": [[edge...]...], "nodes": [node...]}; 404 when there is none.
ApiResponse PathApi(GraphSession& session, const EntityIndex* index,
                    const PathRequest& request);

struct WhyRequest {
  std::string subject, predicate, object;  // object: entity, or "literal"
};
// {"subject","predicate","object","documents","statements":[{"document",
// "title","date","sentence_index","sentence","confidence","extractor"}]};
// 404 when the store has no such fact.
ApiResponse WhyApi(GraphSession& session, const Vocabulary& vocab,
                   const EntityIndex* index, const WhyRequest& request);

}  // namespace kg::server

#endif  // KG_SERVER_GRAPH_API_H_
