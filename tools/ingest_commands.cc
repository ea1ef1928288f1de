// kg ingest PATH... : articles → triples in the store (ingest/pipeline.h).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "tools/commands.h"

namespace kg::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  int threads = 0;
  bool quiet = false;
  std::string base = std::string(kDefaultBaseIri);
};

// Bytes of the named inputs (files and directories' .txt/.md), for the ETA;
// 0 when unknown (standard input).
uint64_t InputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end;
           it.increment(ec)) {
        std::string ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".txt" || ext == ".md"))
          total += it->file_size(ec);
      }
    } else {
      uint64_t size = fs::file_size(p, ec);
      if (!ec) total += size;
    }
  }
  return total;
}

void PrintProgress(const PipelineStats& s, uint64_t input_bytes) {
  double t = s.elapsed_seconds > 0 ? s.elapsed_seconds : 1e-9;
  uint64_t done = s.added + s.unchanged + s.replaced + s.failed;
  std::fprintf(stderr, "\r%llu docs (%.0f/s), %llu sentences (%.0f/s)",
               static_cast<unsigned long long>(done), done / t,
               static_cast<unsigned long long>(s.sentences), s.sentences / t);
  // Article text is most of the input, so its share estimates the progress.
  if (input_bytes > 0 && s.text_bytes > 0) {
    double frac =
        std::min(1.0, static_cast<double>(s.text_bytes) / input_bytes);
    std::fprintf(stderr, ", ETA %.0f s", t / frac - t);
  }
  std::fprintf(stderr, "   ");
  std::fflush(stderr);
}

void RunIngest(const IngestArgs& a, const GlobalOptions& g) {
  StatusOr<std::unique_ptr<Parser>> parser = Parser::Load(DefaultModelPath());
  if (!parser.ok()) Fail(parser.status());
  Extractor extractor;
  std::unique_ptr<Store> store = OpenStoreOrDie(g, /*read_only=*/false);

  PipelineOptions options;
  options.threads = a.threads;
  options.build.base_iri = a.base;
  bool progress = !a.quiet && isatty(fileno(stderr));
  uint64_t input_bytes = progress ? InputBytes(a.paths) : 0;
  bool progress_shown = false;
  PipelineCallbacks cb;
  cb.on_error = [&](const std::string& message) {
    if (progress_shown) std::fputc('\n', stderr);
    progress_shown = false;
    std::fprintf(stderr, "%s\n", message.c_str());
  };
  if (progress) {
    cb.on_progress = [&](const PipelineStats& s) {
      PrintProgress(s, input_bytes);
      progress_shown = true;
    };
  }
  std::unique_ptr<ArticleReader> reader = OpenArticleReader(a.paths);
  StatusOr<PipelineStats> stats =
      RunPipeline(reader.get(), **parser, extractor, store.get(), options, cb);
  if (progress_shown) std::fputc('\n', stderr);
  if (!stats.ok()) Fail(stats.status());
  const PipelineStats& s = *stats;
  if (!a.quiet) {
    double t = s.elapsed_seconds > 0 ? s.elapsed_seconds : 1e-9;
    std::printf(
        "documents: %llu added, %llu unchanged, %llu replaced, %llu failed; "
        "sentences: %llu; triples: %llu; elapsed: %.2f s (%.0f sentences/s)\n",
        static_cast<unsigned long long>(s.added),
        static_cast<unsigned long long>(s.unchanged),
        static_cast<unsigned long long>(s.replaced),
        static_cast<unsigned long long>(s.failed),
        static_cast<unsigned long long>(s.sentences),
        static_cast<unsigned long long>(s.triples), s.elapsed_seconds,
        s.sentences / t);
  }
  if (s.failed > 0) {
    std::fflush(stdout);
    std::fprintf(stderr, "kg: %llu document(s) failed\n",
                 static_cast<unsigned long long>(s.failed));
    throw CLI::RuntimeError(kExitFailure);
  }
}

}  // namespace

void RegisterIngestCommands(CLI::App& app, GlobalOptions& g) {
  auto a = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "read articles (directories of .txt/.md, JSON Lines, files, - for "
      "stdin), extract triples and store them");
  cmd->add_option("paths", a->paths, "inputs")->required();
  cmd->add_option("--threads", a->threads,
                  "worker threads (default: the machine's cores)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--quiet", a->quiet, "no progress and no summary");
  cmd->add_option("--base", a->base, "base IRI of the graph's terms")
      ->capture_default_str();
  cmd->callback([a, &g] { RunIngest(*a, g); });
}

}  // namespace kg::cli
