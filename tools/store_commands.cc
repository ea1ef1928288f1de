// The store commands: load, triples, stats, export, merge, remove, docs
// (export and merge live in tools/export_commands.cc).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "ingest/rdf_reader.h"
#include "ingest/rdf_source.h"
#include "storage/check.h"
#include "tools/commands.h"
#include "tools/export_commands.h"
#include "tools/store_output.h"

namespace kg::cli {
namespace {

struct LoadArgs {
  std::vector<std::string> files;
  std::string format, base = std::string(kDefaultBaseIri), id;
};

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

// Blank nodes of different documents must stay apart: their labels get a
// prefix derived from the document id.
std::string BlankPrefixFor(const std::string& doc_id) {
  ContentHasher h;
  h.Update(doc_id);
  return "d" + h.Digest().substr(4, 8) + "_";
}

// Reads one file completely, then hands it to the store's bulk path as one
// document; a malformed file writes nothing.
Status LoadOne(Store& store, const std::string& path, const LoadArgs& args) {
  auto start = std::chrono::steady_clock::now();
  auto format = args.format.empty() ? RdfFormatFromPath(path)
                                    : RdfFormatFromName(args.format);
  if (!format.ok()) return format.status();
  DocumentInput doc;
  doc.id = !args.id.empty() ? args.id : path == "-" ? "stdin" : path;
  doc.source = path == "-" ? "stdin" : path;
  RdfReadOptions options;
  options.format = *format;
  options.name = path;
  options.base_iri = args.base;
  options.blank_prefix = BlankPrefixFor(doc.id);
  uint64_t in_graphs = 0;
  auto read = ReadRdfFile(path, options, [&](const Triple& t, const Term* g) {
    doc.triples.push_back(t);
    if (g != nullptr) ++in_graphs;
    return Status::OK();
  });
  if (!read.ok()) return read.status();
  doc.content_hash = read->content_hash;
  double parse_s = Seconds(start);
  auto outcome = store.BulkLoad(doc);
  if (!outcome.ok()) {
    return Status::IOError(path + ": " + outcome.status().message());
  }
  double total_s = Seconds(start);
  const char* what = *outcome == AddOutcome::kAdded      ? "added"
                     : *outcome == AddOutcome::kReplaced ? "replaced"
                                                         : "unchanged";
  std::printf(
      "%s: %zu triples, document '%s' %s in %.2f s (parse %.2f s, "
      "%.0f triples/s)\n",
      path.c_str(), doc.triples.size(), doc.id.c_str(), what, total_s, parse_s,
      total_s > 0 ? static_cast<double>(doc.triples.size()) / total_s : 0.0);
  if (in_graphs > 0) {
    std::printf(
        "%s: note: graph names of %llu quads were dropped; the file "
        "is one document\n",
        path.c_str(), static_cast<unsigned long long>(in_graphs));
  }
  return Status::OK();
}

void RunLoad(const GlobalOptions& g, const LoadArgs& args) {
  for (const std::string& f : args.files) {
    if (f == "-" && args.format.empty()) {
      Fail("reading stdin needs --format nt|nq|ttl|tsv", kExitUsage);
    }
  }
  if (!args.id.empty() && args.files.size() != 1) {
    Fail("--id names one document; give exactly one FILE", kExitUsage);
  }
  auto store = OpenStoreOrDie(g, /*read_only=*/false);
  int failed = 0;
  for (const std::string& f : args.files) {
    Status st = LoadOne(*store, f, args);
    if (!st.ok()) {
      std::cerr << "kg: " << st.message() << " (nothing from this file was "
                << "written)\n";
      ++failed;
    }
  }
  if (failed > 0) {
    Fail(std::to_string(failed) + " of " + std::to_string(args.files.size()) +
         " files failed to load");
  }
}

struct TriplesArgs {
  std::string subject, predicate, object, format = "table";
  uint64_t limit = 0;
};

void RunTriples(const GlobalOptions& g, const TriplesArgs& args) {
  Term terms[3];
  bool given[3] = {!args.subject.empty(), !args.predicate.empty(),
                   !args.object.empty()};
  const std::string* text[3] = {&args.subject, &args.predicate, &args.object};
  for (int i = 0; i < 3; ++i) {
    if (!given[i]) continue;
    auto t = ParseTermText(*text[i], BareName::kIri);
    if (!t.ok()) Fail(t.status(), kExitUsage);
    terms[i] = *t;
  }
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  TripleFormat format = args.format == "tsv"    ? TripleFormat::kTsv
                        : args.format == "json" ? TripleFormat::kJson
                                                : TripleFormat::kTable;
  TriplePrinter printer(std::cout, format);
  TermId ids[3] = {kNoTerm, kNoTerm, kNoTerm};
  for (int i = 0; i < 3; ++i) {
    if (!given[i]) continue;
    auto id = view->Lookup(terms[i]);
    if (id.status().IsNotFound()) {  // an unknown term matches nothing
      printer.Finish();
      return;
    }
    if (!id.ok()) Fail(id.status());
    ids[i] = *id;
  }
  TermCache cache(*view);
  uint64_t n = 0;
  auto it = view->Match(ids[0], ids[1], ids[2]);
  for (; it->Valid() && (args.limit == 0 || n < args.limit); it->Next(), ++n) {
    auto triple = cache.Resolve(it->triple());
    if (!triple.ok()) Fail(triple.status());
    printer.Add(*triple);
  }
  if (!it->status().ok()) Fail(it->status());
  printer.Finish();
}

void RunStats(const GlobalOptions& g, const std::string& format) {
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto stats = store->Stats();
  if (!stats.ok()) Fail(stats.status());
  if (format == "json") {
    nlohmann::json j = {{"triples", stats->triples},
                        {"terms", stats->terms},
                        {"documents", stats->documents},
                        {"statements", stats->statements},
                        {"disk_bytes", stats->disk_bytes}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  PrintTable(
      std::cout, {"store", store->path()},
      {{"triples", std::to_string(stats->triples)},
       {"terms", std::to_string(stats->terms)},
       {"documents", std::to_string(stats->documents)},
       {"statements", std::to_string(stats->statements)},
       {"disk size", HumanBytes(stats->disk_bytes) + " (" +
                         std::to_string(stats->disk_bytes) + " bytes)"}});
}

void RunRemove(const GlobalOptions& g, const std::string& id) {
  auto store = OpenStoreOrDie(g, /*read_only=*/false);
  Status st = store->RemoveDocument(id);
  if (st.IsNotFound()) Fail("no document '" + id + "' in " + g.db);
  if (!st.ok()) Fail(st);
  std::cout << "removed document '" << id << "'\n";
}

void RunDocs(const GlobalOptions& g, const std::string& format) {
  auto store = OpenStoreOrDie(g, /*read_only=*/true);
  auto view = store->NewReadView();
  std::vector<std::vector<std::string>> rows;
  nlohmann::json all = nlohmann::json::array();
  auto it = view->Documents();
  for (; it->Valid(); it->Next()) {
    const DocumentRecord& d = it->record();
    if (format == "json") {
      all.push_back({{"id", d.id},
                     {"content_hash", d.content_hash},
                     {"title", d.title},
                     {"date", d.date},
                     {"source", d.source},
                     {"triples", d.triple_count},
                     {"statements", d.statement_count}});
    } else {
      rows.push_back({d.id, std::to_string(d.triple_count),
                      std::to_string(d.statement_count), d.content_hash,
                      d.title});
    }
  }
  if (!it->status().ok()) Fail(it->status());
  if (format == "json") {
    std::cout << all.dump(2) << "\n";
  } else if (format == "tsv") {
    for (const auto& r : rows) {
      std::cout << r[0] << '\t' << r[1] << '\t' << r[2] << '\t' << r[3] << '\t'
                << r[4] << '\n';
    }
  } else {
    PrintTable(std::cout,
               {"document", "triples", "statements", "hash", "title"}, rows);
  }
}

}  // namespace

// ---- `kg check` (owner: store; the checks live in storage/check.h) ----------
namespace {

void RunCheck(const GlobalOptions& g) {
  CheckReport report;
  Status st = CheckStore(g.db, &report);
  if (!st.ok()) Fail(st);
  for (const std::string& problem : report.problems) {
    std::cout << "problem: " << problem << '\n';
  }
  if (report.problem_count > report.problems.size()) {
    std::cout << "... and " << report.problem_count - report.problems.size()
              << " more problems\n";
  }
  std::cout << (report.ok() ? "ok" : "DAMAGED") << ": " << report.triples
            << " triples, " << report.terms << " terms, " << report.documents
            << " documents, " << report.statements << " statements\n";
  if (!report.ok()) {
    Fail(g.db + ": " + std::to_string(report.problem_count) +
         " problems found");
  }
}

void RegisterCheckCommand(CLI::App& app, GlobalOptions& g) {
  CLI::App* check = app.add_subcommand(
      "check",
      "verify the store: every triple in all three indexes, dictionary both "
      "ways, support counts, documents and statements; exit 1 if damaged");
  check->callback([&g] { RunCheck(g); });
}

}  // namespace
// ---- end of `kg check`
// -------------------------------------------------------

void RegisterStoreCommands(CLI::App& app, GlobalOptions& g) {
  auto load_args = std::make_shared<LoadArgs>();
  CLI::App* load = app.add_subcommand(
      "load",
      "load RDF files (N-Triples, N-Quads, Turtle, TSV); each file "
      "is one document, written all at once or not at all");
  load->add_option("FILE", load_args->files, "files to load; - reads stdin")
      ->required();
  load->add_option("--format", load_args->format,
                   "nt, nq, ttl or tsv (default: from the file extension)")
      ->check(CLI::IsMember(
          {"nt", "nq", "ttl", "tsv", "ntriples", "nquads", "turtle"}));
  load->add_option("--base", load_args->base,
                   "base IRI for relative IRIs and bare TSV names")
      ->capture_default_str();
  load->add_option("--id", load_args->id,
                   "document id (default: the path as given; stdin: 'stdin')");
  load->callback([&g, load_args] { RunLoad(g, *load_args); });

  auto triples_args = std::make_shared<TriplesArgs>();
  CLI::App* triples = app.add_subcommand(
      "triples",
      "list the triples matching a pattern; terms in N-Triples "
      "syntax (<iri>, \"text\"@en, _:b) or bare IRIs");
  triples->add_option("--subject,-s", triples_args->subject, "subject term");
  triples->add_option("--predicate,-p", triples_args->predicate,
                      "predicate term");
  triples->add_option("--object,-o", triples_args->object, "object term");
  triples
      ->add_option("--limit,-n", triples_args->limit,
                   "print at most N triples (0 = all)")
      ->capture_default_str();
  triples->add_option("--format", triples_args->format, "table, tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->capture_default_str();
  triples->callback([&g, triples_args] { RunTriples(g, *triples_args); });

  auto stats_format = std::make_shared<std::string>("table");
  CLI::App* stats = app.add_subcommand(
      "stats", "count triples, terms, documents, statements; disk size");
  stats->add_option("--format", *stats_format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  stats->callback([&g, stats_format] { RunStats(g, *stats_format); });

  RegisterExportCommand(app, g);  // tools/export_commands.cc
  RegisterMergeCommand(app, g);

  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove = app.add_subcommand(
      "remove", "retract a document; triples other documents support stay");
  remove->add_option("--doc", *remove_id, "document id (see kg docs)")
      ->required();
  remove->callback([&g, remove_id] { RunRemove(g, *remove_id); });

  auto docs_format = std::make_shared<std::string>("table");
  CLI::App* docs = app.add_subcommand("docs", "list the stored documents");
  docs->add_option("--format", *docs_format, "table, tsv or json")
      ->check(CLI::IsMember({"table", "tsv", "json"}))
      ->capture_default_str();
  docs->callback([&g, docs_format] { RunDocs(g, *docs_format); });

  RegisterCheckCommand(app, g);  // store's block above
}

}  // namespace kg::cli
