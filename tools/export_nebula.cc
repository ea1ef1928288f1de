// NebulaGraph export: vertex and edge CSVs, the nGQL schema and a
// nebula-importer (v4) configuration.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "tools/export_writers.h"

namespace kg::cli {
namespace fs = std::filesystem;
namespace {

std::string JsonArray(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace);
}

std::string PropValue(const PropertyGraph& g, const PgNode& n, size_t k) {
  auto it = n.props.find(static_cast<uint32_t>(k));
  if (it == n.props.end()) return "";
  return g.multi[k] ? JsonArray(it->second) : it->second[0];
}

// A single-quoted nGQL string.
std::string NgqlString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

// A double-quoted YAML string.
std::string YamlString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

struct Source {
  std::string file, element, name;  // element: "tags" or "edges"
  std::vector<std::pair<std::string, std::string>> props;  // name, type
};

}  // namespace

int64_t NebulaVid(const std::string& node_id) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : node_id) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h &= 0x7fffffffffffffffULL;
  return h == 0 ? 1 : static_cast<int64_t>(h);
}

Status WriteNebulaExport(const PropertyGraph& g, const std::string& dir,
                         const std::string& space) {
  std::vector<int64_t> vids(g.nodes.size());
  std::unordered_map<int64_t, size_t> seen;
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    vids[i] = NebulaVid(g.nodes[i].id);
    auto [it, fresh] = seen.emplace(vids[i], i);
    if (!fresh) {
      return Status::InvalidArgument("vertex id collision between " +
                                     g.nodes[it->second].id + " and " +
                                     g.nodes[i].id);
    }
  }
  return WriteDirectoryAtomically(dir, [&](const std::string& tmp) {
    std::vector<Source> sources;
    auto open = [&](const std::string& file) {
      return std::ofstream(fs::path(tmp) / file, std::ios::binary);
    };
    // Every node has the Resource tag with all properties; each class is a
    // tag holding the name.
    {
      Source src{"vertices_Resource.csv",
                 "tags",
                 "Resource",
                 {{"iri", "STRING"}, {"name", "STRING"}}};
      for (const std::string& k : g.keys) src.props.emplace_back(k, "STRING");
      std::ofstream out = open(src.file);
      out << "vid";
      for (const auto& p : src.props) out << ',' << p.first;
      out << '\n';
      for (size_t i = 0; i < g.nodes.size(); ++i) {
        const PgNode& n = g.nodes[i];
        out << vids[i] << ',' << CsvField(n.id) << ',' << CsvField(n.name);
        for (size_t k = 0; k < g.keys.size(); ++k) {
          out << ',' << CsvField(PropValue(g, n, k));
        }
        out << '\n';
      }
      if (!out.flush()) return Status::IOError("cannot write " + src.file);
      sources.push_back(std::move(src));
    }
    for (const std::string& c : g.classes) {
      if (c == "Resource") continue;  // every node has that tag already
      Source src{"vertices_" + c + ".csv", "tags", c, {{"name", "STRING"}}};
      std::ofstream out = open(src.file);
      out << "vid,name\n";
      for (size_t i = 0; i < g.nodes.size(); ++i) {
        const PgNode& n = g.nodes[i];
        if (!std::binary_search(n.labels.begin(), n.labels.end(), c)) continue;
        out << vids[i] << ',' << CsvField(n.name) << '\n';
      }
      if (!out.flush()) return Status::IOError("cannot write " + src.file);
      sources.push_back(std::move(src));
    }
    std::vector<std::ofstream> edge_files;
    for (const PgEdgeType& t : g.edge_types) {
      Source src{
          "edges_" + t.name + ".csv",
          "edges",
          t.name,
          {{"label", "STRING"}, {"support", "INT"}, {"documents", "STRING"}}};
      edge_files.push_back(open(src.file));
      edge_files.back() << "src,dst,label,support,documents\n";
      sources.push_back(std::move(src));
    }
    std::vector<std::string> docs;
    for (const PgEdge& e : g.edges) {
      docs.clear();
      for (uint32_t d : e.documents) docs.push_back(g.documents[d]);
      edge_files[e.type] << vids[e.start] << ',' << vids[e.end] << ','
                         << CsvField(g.edge_types[e.type].label) << ','
                         << e.documents.size() << ','
                         << CsvField(JsonArray(docs)) << '\n';
    }
    for (size_t t = 0; t < edge_files.size(); ++t) {
      if (!edge_files[t].flush()) {
        return Status::IOError("cannot write edges_" + g.edge_types[t].name +
                               ".csv");
      }
    }

    // The schema, in a file and in the importer's before-hook.
    std::ostringstream schema;
    schema << "CREATE SPACE IF NOT EXISTS `" << space
           << "`(partition_num=10, replica_factor=1, vid_type=INT64);\n"
           << "USE `" << space << "`;\n";
    for (const Source& s : sources) {
      schema << (s.element == "tags" ? "CREATE TAG" : "CREATE EDGE")
             << " IF NOT EXISTS `" << s.name << "`(";
      for (size_t i = 0; i < s.props.size(); ++i) {
        schema << (i ? ", " : "") << '`' << s.props[i].first << "` "
               << (s.props[i].second == "INT" ? "int" : "string");
      }
      schema << ")";
      if (s.element == "edges") {
        for (const PgEdgeType& t : g.edge_types) {
          if (t.name == s.name) schema << " COMMENT = " << NgqlString(t.iri);
        }
      }
      schema << ";\n";
    }
    {
      std::ofstream out = open("schema.ngql");
      out << schema.str();
      if (!out.flush()) return Status::IOError("cannot write schema.ngql");
    }
    std::ofstream y = open("importer.yaml");
    y << "# nebula-importer v4: nebula-importer --config importer.yaml (run "
         "in\n"
         "# this directory). Creates the space and schema (schema.ngql) "
         "first.\n"
         "client:\n  version: v3\n  address: \"127.0.0.1:9669\"\n"
         "  user: root\n  password: nebula\n"
         "manager:\n  spaceName: "
      << YamlString(space)
      << "\n  batch: 256\n"
         "  hooks:\n    before:\n";
    // The space exists only after a storage heartbeat, and the tags and edges
    // only after another (two heartbeats of 10 s each, by default): the
    // space goes first, each step followed by a wait.
    std::istringstream lines(schema.str());
    bool first = true;
    for (std::string line; std::getline(lines, line); first = false) {
      if (first || line.rfind("USE ", 0) == 0) {
        if (!first) y << "        wait: 20s\n";
        y << "      - statements:\n";
      }
      y << "          - " << YamlString(line) << "\n";
    }
    y << "        wait: 20s\n"
         "log:\n  level: INFO\n  console: true\n"
         "sources:\n";
    for (const Source& s : sources) {
      y << "  - path: " << YamlString("./" + s.file) << "\n"
        << "    csv:\n      delimiter: \",\"\n      withHeader: true\n"
        << "    " << s.element << ":\n"
        << "      - name: " << YamlString(s.name) << "\n";
      size_t first_prop = 1;
      if (s.element == "tags") {
        y << "        id:\n          type: \"INT\"\n          index: 0\n";
      } else {
        y << "        src:\n          id:\n            type: \"INT\"\n"
             "            index: 0\n"
             "        dst:\n          id:\n            type: \"INT\"\n"
             "            index: 1\n";
        first_prop = 2;
      }
      y << "        props:\n";
      for (size_t i = 0; i < s.props.size(); ++i) {
        y << "          - name: " << YamlString(s.props[i].first) << "\n"
          << "            type: \"" << s.props[i].second << "\"\n"
          << "            index: " << first_prop + i << "\n";
      }
    }
    if (!y.flush()) return Status::IOError("cannot write importer.yaml");
    return Status::OK();
  });
}

}  // namespace kg::cli
