// kg neighbors | path | rank | components | subgraph: walks and measures over
// the entity-graph snapshot (graph/). The snapshot is cached in the store
// directory and rebuilt only when the store has changed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "graph/graph_session.h"
#include "graph/ranking.h"
#include "graph/subgraph.h"
#include "graph/walks.h"
#include "tools/commands.h"
#include "tools/render_dot.h"

namespace kg::cli {
namespace {

// Opens the store read-only and the snapshot of it.
struct Context {
  std::unique_ptr<Store> store;
  std::unique_ptr<SnapshotCache> cache;
  std::unique_ptr<GraphSession> session;
};

Context OpenContext(const GlobalOptions& g) {
  Context c;
  c.store = OpenStoreOrDie(g, /*read_only=*/true);
  c.cache = std::make_unique<SnapshotCache>(SnapshotOptions{}, c.store->path());
  auto session = GraphSession::Open(*c.store, *c.cache);
  if (!session.ok()) Fail(session.status());
  c.session = std::move(session).value();
  return c;
}

// The vertex a name denotes; ends the command when there is none.
VertexId FindVertexOrDie(GraphSession& s, const std::string& name) {
  auto found = s.Find(name);
  if (!found.ok()) Fail(found.status());
  if (found->candidates > 1) {
    std::cerr << "note: " << found->candidates << " entities are named \""
              << name << "\"; using " << s.TermIri(found->term)
              << " (the most linked)\n";
  }
  if (found->vertex == kNoVertex) {
    Fail(s.TermName(found->term) + " (" + s.TermIri(found->term) +
         ") is not linked to any other entity");
  }
  return found->vertex;
}

Direction ParseDirection(const std::string& d) {
  if (d == "out") return Direction::kOut;
  if (d == "in") return Direction::kIn;
  return Direction::kBoth;
}

// "A -[p]-> B" or "A <-[p]- B".
std::string StepText(GraphSession& s, const WalkStep& st) {
  std::string p = s.TermName(st.predicate);
  return st.forward ? " -[" + p + "]-> " : " <-[" + p + "]- ";
}

void RunNeighbors(const GlobalOptions& g, const std::string& entity,
                  const NeighborOptions& base, const std::string& predicate,
                  const std::string& direction) {
  Context c = OpenContext(g);
  GraphSession& s = *c.session;
  VertexId v = FindVertexOrDie(s, entity);
  NeighborOptions options = base;
  options.direction = ParseDirection(direction);
  if (!predicate.empty()) {
    auto p = s.FindPredicate(predicate);
    if (!p.ok()) Fail(p.status());
    options.predicate = *p;
  }
  const size_t limit = options.limit;
  // One more than asked, to tell whether the cap was hit; that one extra
  // entity is not shown.
  options.limit = limit == SIZE_MAX ? limit : limit + 1;
  std::vector<Reached> rows = Neighbors(s.graph(), v, options);
  size_t distinct = 0;
  VertexId extra = kNoVertex;
  for (const Reached& r : rows) {
    if (r.first && ++distinct > limit) extra = r.vertex;
    if (r.vertex == extra) continue;
    std::cout << r.depth << "\t" << s.VertexName(r.via.from)
              << StepText(s, r.via) << s.VertexName(r.vertex) << "\n";
  }
  if (distinct > limit) {
    std::cerr << "note: stopped at " << limit
              << " neighbours; raise --limit for more\n";
  }
}

void RunPath(const GlobalOptions& g, const std::string& from,
             const std::string& to, const PathOptions& options) {
  Context c = OpenContext(g);
  GraphSession& s = *c.session;
  VertexId a = FindVertexOrDie(s, from), b = FindVertexOrDie(s, to);
  std::vector<GraphPath> paths = ShortestPaths(s.graph(), a, b, options);
  if (paths.empty()) {
    Fail("no path between " + s.VertexName(a) + " and " + s.VertexName(b) +
         " within " + std::to_string(options.max_depth) + " edges");
  }
  for (const GraphPath& p : paths) {
    std::string line = s.VertexName(a);
    for (const WalkStep& st : p) line += StepText(s, st) + s.VertexName(st.to);
    std::cout << line << "\n";
  }
  if (options.all && paths.size() >= options.max_paths) {
    std::cerr << "note: stopped at " << options.max_paths
              << " paths; raise --limit for more\n";
  }
}

void RunRank(const GlobalOptions& g, const std::string& by, size_t top,
             uint32_t samples) {
  Context c = OpenContext(g);
  GraphSession& s = *c.session;
  std::vector<double> scores;
  if (by == "degree") {
    scores = DegreeScores(s.graph());
  } else if (by == "betweenness") {
    BetweennessOptions o;
    // Default: exact up to 5000 entities, else as many BFS sources as fit a
    // budget of ~1e8 visited vertices and edges (at least 32, at most 500).
    const uint32_t n = s.graph().num_vertices();
    const uint64_t work = n + 2 * s.graph().num_edges();
    const uint64_t budget =
        std::clamp<uint64_t>(100000000 / std::max<uint64_t>(work, 1), 32, 500);
    o.samples =
        samples > 0 ? samples : (n <= 5000 ? 0 : static_cast<uint32_t>(budget));
    samples = o.samples;
    scores = Betweenness(s.graph(), o);
    if (samples > 0 && samples < s.graph().num_vertices()) {
      std::cerr << "note: betweenness estimated from " << samples << " of "
                << s.graph().num_vertices() << " sources\n";
    }
  } else {
    scores = PageRank(s.graph());
  }
  size_t rank = 0;
  for (VertexId v : TopVertices(scores, top)) {
    char score[32];
    std::snprintf(score, sizeof score, by == "degree" ? "%.0f" : "%.6g",
                  scores[v]);
    std::cout << ++rank << "\t" << score << "\t" << s.VertexName(v) << "\n";
  }
}

void RunComponents(const GlobalOptions& g, size_t top, size_t members) {
  Context c = OpenContext(g);
  GraphSession& s = *c.session;
  Components comp = WeakComponents(s.graph());
  std::cout << comp.sizes.size() << " components, " << s.graph().num_vertices()
            << " entities, " << s.graph().num_edges() << " links\n";
  // The best-linked members of each component shown.
  const size_t shown = std::min(top, comp.sizes.size());
  std::vector<std::vector<VertexId>> sample(shown);
  std::vector<double> degree = DegreeScores(s.graph());
  for (VertexId v : TopVertices(degree, degree.size())) {
    uint32_t id = comp.component[v];
    if (id < shown && sample[id].size() < members) sample[id].push_back(v);
  }
  for (size_t i = 0; i < shown; ++i) {
    std::cout << i + 1 << "\t" << comp.sizes[i] << "\t";
    for (size_t j = 0; j < sample[i].size(); ++j) {
      std::cout << (j ? ", " : "") << s.VertexName(sample[i][j]);
    }
    if (comp.sizes[i] > sample[i].size()) std::cout << ", ...";
    std::cout << "\n";
  }
}

// Renders DOT with Graphviz into `out` (format from its extension).
void RenderWithDot(const std::string& dot_text, const std::string& out,
                   const std::string& format) {
  Status st = RenderDot(dot_text, out, format);
  if (!st.ok()) Fail(st);
}

void RunSubgraph(const GlobalOptions& g, const std::string& entity, int depth,
                 const std::string& format, const std::string& out,
                 size_t max_nodes) {
  Context c = OpenContext(g);
  GraphSession& s = *c.session;
  VertexId v = FindVertexOrDie(s, entity);
  NamedSubgraph named = s.Name(InducedSubgraph(s.graph(), v, depth, max_nodes));
  std::string ext = std::filesystem::path(out).extension().string();
  if (ext == ".svg" || ext == ".png") {
    RenderWithDot(ToDot(named), out, ext.substr(1));
    return;
  }
  std::string text = format == "graphml" ? ToGraphml(named)
                     : format == "json"  ? ToJson(named)
                                         : ToDot(named);
  if (out.empty() || out == "-") {
    std::cout << text;
    return;
  }
  const std::string tmp = out + ".tmp";
  std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f || std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::remove(tmp.c_str());
    Fail("cannot write " + out);
  }
}

}  // namespace

void RegisterGraphCommands(CLI::App& app, GlobalOptions& g) {
  static std::string entity, from, to, predicate,
      direction = "both", by = "pagerank", format = "dot", out;
  static NeighborOptions nopt;
  static PathOptions popt;
  static size_t top = 20, members = 5, max_nodes = 500;
  static uint32_t samples = 0;
  static int depth = 1;
  const auto directions = CLI::IsMember({"out", "in", "both"});

  CLI::App* n = app.add_subcommand(
      "neighbors", "entities linked to ENTITY, up to --depth hops away");
  n->add_option("entity", entity, "label, alias or IRI")->required();
  n->add_option("--depth", nopt.depth, "hops")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  n->add_option("--predicate", predicate, "follow only this relation");
  n->add_option("--direction", direction, "out, in or both")
      ->capture_default_str()
      ->check(directions);
  n->add_option("--limit", nopt.limit, "most neighbours to list")
      ->default_val(100);
  n->callback([&g] { RunNeighbors(g, entity, nopt, predicate, direction); });

  CLI::App* p = app.add_subcommand(
      "path", "shortest paths between two entities, edges in either direction");
  p->add_option("from", from, "label, alias or IRI")->required();
  p->add_option("to", to, "label, alias or IRI")->required();
  p->add_option("--max-depth", popt.max_depth, "longest path searched")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  p->add_flag("--all", popt.all, "every shortest path, not just one");
  p->add_option("--limit", popt.max_paths, "most paths listed with --all")
      ->capture_default_str();
  p->callback([&g] { RunPath(g, from, to, popt); });

  CLI::App* r = app.add_subcommand("rank", "the most central entities");
  r->add_option("--by", by, "pagerank, degree or betweenness")
      ->capture_default_str()
      ->check(CLI::IsMember({"pagerank", "degree", "betweenness"}));
  r->add_option("--top", top, "how many")->capture_default_str();
  r->add_option("--samples", samples,
                "betweenness: BFS sources sampled (default: all up to 5000 "
                "entities, else 32-500 by graph size)");
  r->callback([&g] { RunRank(g, by, top, samples); });

  CLI::App* c = app.add_subcommand(
      "components", "weakly connected components, largest first");
  c->add_option("--top", top, "components listed")->capture_default_str();
  c->add_option("--members", members, "members shown per component")
      ->capture_default_str();
  c->callback([&g] { RunComponents(g, top, members); });

  CLI::App* s = app.add_subcommand(
      "subgraph", "the neighbourhood of ENTITY as DOT, GraphML or JSON");
  s->add_option("entity", entity, "label, alias or IRI")->required();
  s->add_option("--depth", depth, "hops")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  s->add_option("--format", format, "dot, graphml or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"dot", "graphml", "json"}));
  s->add_option("-o,--output", out,
                "file (.svg or .png: rendered with Graphviz dot)");
  s->add_option("--max-nodes", max_nodes, "largest subgraph")
      ->capture_default_str();
  s->callback([&g] { RunSubgraph(g, entity, depth, format, out, max_nodes); });
}

}  // namespace kg::cli
