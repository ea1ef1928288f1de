// Neo4j export: CSV files for `neo4j-admin database import full`, and the
// shared helper that writes an export directory all at once.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tools/export_writers.h"

namespace kg::cli {
namespace fs = std::filesystem;
namespace {

constexpr char kArraySep = '\x1f';  // --array-delimiter=U+001F

// An array value: elements joined by U+001F (which is removed from the
// elements themselves: it has no business in text).
std::string ArrayValue(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out.push_back(kArraySep);
    for (char c : values[i]) out.push_back(c == kArraySep ? ' ' : c);
  }
  return out;
}

bool HasLineBreak(const std::string& s) {
  return s.find_first_of("\r\n") != std::string::npos;
}

}  // namespace

Status WriteDirectoryAtomically(
    const std::string& dir,
    const std::function<Status(const std::string&)>& write) {
  std::error_code ec;
  if (fs::exists(dir, ec) &&
      (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec))) {
    return Status::InvalidArgument(dir +
                                   " exists and is not an empty directory; "
                                   "name a new one");
  }
  const fs::path target = fs::absolute(dir, ec);
  const fs::path tmp =
      target.parent_path() /
      (target.filename().string() + ".tmp-" + std::to_string(getpid()));
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp, ec);
  if (ec)
    return Status::IOError("cannot create " + tmp.string() + ": " +
                           ec.message());
  Status st = write(tmp.string());
  if (st.ok()) {
    fs::remove(target, ec);  // an empty directory, if any
    fs::rename(tmp, target, ec);
    if (ec)
      st = Status::IOError("cannot rename " + tmp.string() + " to " + dir +
                           ": " + ec.message());
  }
  if (!st.ok()) fs::remove_all(tmp, ec);
  return st;
}

Status WriteNeo4jExport(const PropertyGraph& g, const std::string& dir) {
  return WriteDirectoryAtomically(dir, [&](const std::string& tmp) {
    bool multiline = false;
    {
      std::ofstream nodes(fs::path(tmp) / "nodes.csv", std::ios::binary);
      nodes << "id:ID,name,:LABEL";
      for (size_t k = 0; k < g.keys.size(); ++k) {
        nodes << ',' << g.keys[k] << (g.multi[k] ? ":string[]" : "");
      }
      nodes << '\n';
      for (const PgNode& n : g.nodes) {
        std::vector<std::string> labels = {"Resource"};
        for (const std::string& l : n.labels) {
          if (l != "Resource") labels.push_back(l);
        }
        nodes << CsvField(n.id) << ',' << CsvField(n.name) << ','
              << CsvField(ArrayValue(labels));
        multiline = multiline || HasLineBreak(n.name);
        for (size_t k = 0; k < g.keys.size(); ++k) {
          auto it = n.props.find(static_cast<uint32_t>(k));
          const std::string v = it == n.props.end() ? std::string()
                                : g.multi[k]        ? ArrayValue(it->second)
                                                    : it->second[0];
          multiline = multiline || HasLineBreak(v);
          nodes << ',' << CsvField(v);
        }
        nodes << '\n';
      }
      if (!nodes.flush()) return Status::IOError("cannot write nodes.csv");
    }
    {
      std::ofstream rels(fs::path(tmp) / "relationships.csv", std::ios::binary);
      rels << ":START_ID,:END_ID,:TYPE,label,iri,support:int,documents:string[]"
              "\n";
      std::vector<std::string> docs;
      for (const PgEdge& e : g.edges) {
        const PgEdgeType& type = g.edge_types[e.type];
        docs.clear();
        for (uint32_t d : e.documents) docs.push_back(g.documents[d]);
        rels << CsvField(g.nodes[e.start].id) << ','
             << CsvField(g.nodes[e.end].id) << ',' << type.name << ','
             << CsvField(type.label) << ',' << CsvField(type.iri) << ','
             << e.documents.size() << ',' << CsvField(ArrayValue(docs)) << '\n';
      }
      if (!rels.flush())
        return Status::IOError("cannot write relationships.csv");
    }
    std::ofstream sh(fs::path(tmp) / "import.sh", std::ios::binary);
    sh << "#!/bin/sh\n"
          "# Loads this directory into a new Neo4j database (default: neo4j);\n"
          "# run from the directory, with neo4j-admin on the PATH.\n"
          "exec neo4j-admin database import full --nodes=nodes.csv "
          "--relationships=relationships.csv --array-delimiter=U+001F"
       << (multiline ? " --multiline-fields=true" : "") << " \"${1:-neo4j}\"\n";
    if (!sh.flush()) return Status::IOError("cannot write import.sh");
    sh.close();
    fs::permissions(
        fs::path(tmp) / "import.sh",
        fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
        fs::perm_options::add);
    return Status::OK();
  });
}

}  // namespace kg::cli
