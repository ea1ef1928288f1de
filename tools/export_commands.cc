#include "tools/export_commands.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "ingest/rdf_writer.h"
#include "storage/merge.h"
#include "tools/export_nquads.h"
#include "tools/export_writers.h"
#include "tools/store_output.h"

namespace kg::cli {
namespace {

struct ExportArgs {
  std::string format = "nt", output, base = std::string(kDefaultBaseIri);
  std::string space = "kg";
};

Status WriteNTriples(const GlobalOptions& g, std::FILE* out) {
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  RdfWriter writer(out, RdfOutputFormat::kNTriples);
  TermCache cache(*view);
  auto it = view->Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next()) {
    auto triple = cache.Resolve(it->triple());
    if (!triple.ok()) return triple.status();
    KG_RETURN_IF_ERROR(writer.Write(*triple));
  }
  KG_RETURN_IF_ERROR(it->status());
  return writer.Finish();
}

std::unique_ptr<DocumentScan> OpenScanOrDie(const GlobalOptions& g) {
  auto scan = DocumentScan::Open(g.db);
  if (!scan.ok()) Fail(scan.status());
  return std::move(*scan);
}

// nt and nq: a file is written under a temporary name and renamed when
// complete, so a failed export never leaves a partial file behind.
void ExportRdf(const GlobalOptions& g, const ExportArgs& a) {
  std::unique_ptr<DocumentScan> scan;
  if (a.format == "nq") scan = OpenScanOrDie(g);
  const std::string tmp = a.output.empty() ? "" : a.output + ".tmp";
  std::FILE* out = a.output.empty() ? stdout : std::fopen(tmp.c_str(), "wb");
  if (out == nullptr) Fail("cannot write " + tmp);
  Status st;
  if (a.format == "nq") {
    StatusOr<NQuadsCounts> n = ExportNQuads(*scan, a.base, out);
    st = n.status();
  } else {
    st = WriteNTriples(g, out);
  }
  if (!a.output.empty()) {
    if (std::fclose(out) != 0 && st.ok()) st = Status::IOError("close failed");
    if (st.ok() && std::rename(tmp.c_str(), a.output.c_str()) != 0) {
      st = Status::IOError("cannot rename " + tmp + " to " + a.output);
    }
    if (!st.ok()) std::remove(tmp.c_str());
  }
  if (!st.ok()) Fail("export: " + st.message());
}

void ExportPropertyGraph(const GlobalOptions& g, const ExportArgs& a) {
  if (a.output.empty()) {
    Fail("--format " + a.format + " writes a directory: give -o DIR",
         kExitUsage);
  }
  std::unique_ptr<DocumentScan> scan = OpenScanOrDie(g);
  StatusOr<PropertyGraph> graph = BuildPropertyGraph(*scan);
  if (!graph.ok()) Fail("export: " + graph.status().message());
  Status st = a.format == "neo4j"
                  ? WriteNeo4jExport(*graph, a.output)
                  : WriteNebulaExport(*graph, a.output, a.space);
  if (!st.ok()) Fail("export: " + st.message());
  std::printf(
      "%s: %zu nodes, %zu relationships (%zu types), %zu documents; %llu "
      "triples of reified statements folded into relationship properties\n",
      a.output.c_str(), graph->nodes.size(), graph->edges.size(),
      graph->edge_types.size(), graph->documents.size(),
      static_cast<unsigned long long>(graph->folded_triples));
}

struct MergeArgs {
  std::string out;
  std::vector<std::string> inputs;
};

void RunMerge(const GlobalOptions& g, const MergeArgs& a) {
  const auto start = std::chrono::steady_clock::now();
  MergeOptions options;
  options.wait_seconds = g.wait_seconds;
  MergeReport report;
  Status st = MergeStores(a.out, a.inputs, options, &report);
  if (!st.ok()) Fail("merge: " + st.message());
  const double s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  for (const std::string& line : report.duplicate_lines) {
    std::cout << "duplicate: " << line << '\n';
  }
  if (report.duplicates > report.duplicate_lines.size()) {
    std::cout << "... and " << report.duplicates - report.duplicate_lines.size()
              << " more duplicate documents\n";
  }
  std::printf(
      "%s: %llu documents (%llu duplicates dropped), %llu triples, %llu "
      "terms, %llu statements from %zu stores in %.2f s (%.0f document "
      "triples/s)\n",
      a.out.c_str(), static_cast<unsigned long long>(report.documents),
      static_cast<unsigned long long>(report.duplicates),
      static_cast<unsigned long long>(report.triples),
      static_cast<unsigned long long>(report.terms),
      static_cast<unsigned long long>(report.statements), a.inputs.size(), s,
      s > 0 ? report.input_triples / s : 0.0);
}

}  // namespace

void RegisterExportCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* exp = app.add_subcommand(
      "export",
      "write the store as N-Triples, N-Quads (one named graph per document), "
      "or CSV for Neo4j / NebulaGraph bulk import (see docs/SCALING.md)");
  exp->add_option("--format", a->format, "nt, nq, neo4j or nebula")
      ->check(CLI::IsMember({"nt", "nq", "neo4j", "nebula"}))
      ->capture_default_str();
  exp->add_option("-o,--output", a->output,
                  "output file (nt, nq; default: stdout) or new directory "
                  "(neo4j, nebula)");
  exp->add_option("--base", a->base,
                  "base IRI of the document graphs (nq): <BASE>doc/<id>")
      ->capture_default_str();
  exp->add_option("--space", a->space, "NebulaGraph space name (nebula)")
      ->capture_default_str();
  exp->callback([&g, a] {
    if (a->format == "nt" || a->format == "nq") {
      ExportRdf(g, *a);
    } else {
      ExportPropertyGraph(g, *a);
    }
  });
}

void RegisterMergeCommand(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<MergeArgs>();
  CLI::App* merge = app.add_subcommand(
      "merge",
      "combine stores into a new store OUT (re-mapped dictionaries, summed "
      "support); a document in several inputs is taken from the first");
  merge->add_option("OUT", a->out, "new store (absent or empty)")->required();
  merge->add_option("STORE", a->inputs, "input stores")->required();
  merge->callback([&g, a] { RunMerge(g, *a); });
}

}  // namespace kg::cli
