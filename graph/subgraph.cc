#include "graph/subgraph.h"

#include <cstdio>
#include <unordered_map>

#include "graph/walks.h"

namespace kg {

Subgraph InducedSubgraph(const EntityGraph& g, VertexId centre, int depth,
                         size_t max_vertices) {
  Subgraph sg;
  std::unordered_map<VertexId, size_t> index;
  if (max_vertices == 0) return sg;
  index.emplace(centre, 0);
  sg.vertices.push_back(centre);
  sg.depth.push_back(0);
  NeighborOptions options;
  options.depth = depth;
  options.limit = max_vertices - 1;
  for (const Reached& r : Neighbors(g, centre, options)) {
    if (index.emplace(r.vertex, sg.vertices.size()).second) {
      sg.vertices.push_back(r.vertex);
      sg.depth.push_back(r.depth);
    }
  }
  for (size_t i = 0; i < sg.vertices.size(); ++i) {
    g.ForEachAdjacent(sg.vertices[i], Direction::kOut, [&](const Adjacent& a) {
      auto it = index.find(a.vertex);
      if (it != index.end()) {
        sg.edges.push_back(Subgraph::Edge{i, it->second, a.predicate});
      }
      return true;
    });
  }
  return sg;
}

namespace {

std::string Quote(const std::string& s) {  // DOT and JSON string body
  std::string out;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string ToDot(const NamedSubgraph& sg) {
  std::string out = "digraph kg {\n  node [shape=box, style=rounded];\n";
  for (size_t i = 0; i < sg.nodes.size(); ++i) {
    out += "  n" + std::to_string(i) + " [label=\"" + Quote(sg.nodes[i].label) +
           "\", tooltip=\"" + Quote(sg.nodes[i].iri) + "\"" +
           (sg.nodes[i].depth == 0 ? ", penwidth=2" : "") + "];\n";
  }
  for (const auto& e : sg.edges) {
    out += "  n" + std::to_string(e.from) + " -> n" + std::to_string(e.to) +
           " [label=\"" + Quote(e.predicate_label) + "\"];\n";
  }
  out += "}\n";
  return out;
}

std::string ToGraphml(const NamedSubgraph& sg) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" "
      "attr.type=\"string\"/>\n"
      "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" "
      "attr.type=\"string\"/>\n"
      "  <key id=\"depth\" for=\"node\" attr.name=\"depth\" "
      "attr.type=\"int\"/>\n"
      "  <key id=\"predicate\" for=\"edge\" attr.name=\"predicate\" "
      "attr.type=\"string\"/>\n"
      "  <key id=\"plabel\" for=\"edge\" attr.name=\"label\" "
      "attr.type=\"string\"/>\n"
      "  <graph id=\"kg\" edgedefault=\"directed\">\n";
  for (size_t i = 0; i < sg.nodes.size(); ++i) {
    const auto& n = sg.nodes[i];
    out += "    <node id=\"n" + std::to_string(i) + "\"><data key=\"label\">" +
           XmlEscape(n.label) + "</data><data key=\"iri\">" + XmlEscape(n.iri) +
           "</data><data key=\"depth\">" + std::to_string(n.depth) +
           "</data></node>\n";
  }
  for (size_t i = 0; i < sg.edges.size(); ++i) {
    const auto& e = sg.edges[i];
    out += "    <edge id=\"e" + std::to_string(i) + "\" source=\"n" +
           std::to_string(e.from) + "\" target=\"n" + std::to_string(e.to) +
           "\"><data key=\"predicate\">" + XmlEscape(e.predicate_iri) +
           "</data><data key=\"plabel\">" + XmlEscape(e.predicate_label) +
           "</data></edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string ToJson(const NamedSubgraph& sg) {
  std::string out = "{\"nodes\": [";
  for (size_t i = 0; i < sg.nodes.size(); ++i) {
    const auto& n = sg.nodes[i];
    out += std::string(i ? ",\n  " : "\n  ") + "{\"id\": " + std::to_string(i) +
           ", \"iri\": \"" + Quote(n.iri) + "\", \"label\": \"" +
           Quote(n.label) + "\", \"depth\": " + std::to_string(n.depth) + "}";
  }
  out += "],\n\"edges\": [";
  for (size_t i = 0; i < sg.edges.size(); ++i) {
    const auto& e = sg.edges[i];
    out += std::string(i ? ",\n  " : "\n  ") +
           "{\"source\": " + std::to_string(e.from) +
           ", \"target\": " + std::to_string(e.to) + ", \"predicate\": \"" +
           Quote(e.predicate_iri) + "\", \"label\": \"" +
           Quote(e.predicate_label) + "\"}";
  }
  out += "]}\n";
  return out;
}

}  // namespace kg
