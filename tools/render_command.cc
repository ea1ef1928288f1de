// kg render ENTITY --depth K -o graph.svg|png: a static picture of an
// entity's neighbourhood, drawn by Graphviz from the DOT of graph/subgraph.h.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "graph/graph_session.h"
#include "graph/subgraph.h"
#include "tools/commands.h"
#include "tools/render_dot.h"

namespace kg::cli {
namespace {

struct RenderArgs {
  std::string entity, out;
  int depth = 1;
  size_t max_nodes = 100;
};

void RunRender(const RenderArgs& a, const GlobalOptions& g) {
  std::string ext = std::filesystem::path(a.out).extension().string();
  if (ext != ".svg" && ext != ".png" && ext != ".pdf" && ext != ".dot") {
    Fail("-o must name a .svg, .png, .pdf or .dot file", kExitUsage);
  }
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  SnapshotCache cache(SnapshotOptions{}, store->path());
  auto session = GraphSession::Open(*store, cache);
  if (!session.ok()) Fail(session.status());
  GraphSession& s = **session;
  auto found = s.Find(a.entity);
  if (!found.ok()) Fail(found.status());
  if (found->vertex == kNoVertex) {
    Fail(s.TermName(found->term) + " (" + s.TermIri(found->term) +
         ") is not linked to any other entity");
  }
  NamedSubgraph named =
      s.Name(InducedSubgraph(s.graph(), found->vertex, a.depth, a.max_nodes));
  const std::string dot = ToDot(named);
  if (ext == ".dot") {
    std::ofstream f(a.out, std::ios::binary | std::ios::trunc);
    f << dot;
    if (!f.flush()) Fail("cannot write " + a.out);
  } else {
    Status st = RenderDot(dot, a.out, ext.substr(1));
    if (!st.ok()) Fail(st);
  }
  std::cerr << a.out << ": " << named.nodes.size() << " entities, "
            << named.edges.size() << " links around " << s.TermName(found->term)
            << "\n";
}

}  // namespace

void RegisterRenderCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand(
      "render", "draw the neighbourhood of ENTITY with Graphviz (SVG, PNG)");
  cmd->add_option("entity", a->entity, "label, alias or IRI")->required();
  cmd->add_option("--depth", a->depth, "hops")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  cmd->add_option("-o,--output", a->out, "FILE.svg, .png, .pdf or .dot")
      ->required();
  cmd->add_option("--max-nodes", a->max_nodes, "largest picture, entities")
      ->capture_default_str();
  cmd->callback([a, &g] { RunRender(*a, g); });
}

}  // namespace kg::cli
