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
  std::string shard;  // "I/N", empty = all documents
};

// --shard I/N: machine I of N keeps the documents whose id hashes to I
// (FNV-1a 64 of the id, finalised as MurmurHash3's fmix64, mod N), so N
// machines split a corpus with no coordination and every document lands on
// exactly one of them. Input errors (a skipped document has no id) are reported
// by shard 0 only.
class ShardReader : public ArticleReader {
 public:
  ShardReader(std::unique_ptr<ArticleReader> in, uint64_t index, uint64_t count)
      : in_(std::move(in)), index_(index), count_(count) {}
  bool Next(ReadResult* out) override {
    while (in_->Next(out)) {
      if (!out->status.ok() ? index_ == 0 : Shard(out->article.id) == index_) {
        return true;
      }
    }
    return false;
  }

 private:
  uint64_t Shard(const std::string& id) const {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : id) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    // FNV's low bits mix poorly (its lowest bit is a parity of the bytes'
    // lowest bits); MurmurHash3's finaliser spreads every bit before the mod.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h % count_;
  }
  std::unique_ptr<ArticleReader> in_;
  uint64_t index_, count_;
};

// Parses "I/N" with 0 <= I < N; false when malformed.
bool ParseShard(const std::string& text, uint64_t* index, uint64_t* count) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size() ||
      text.find_first_not_of("0123456789/") != std::string::npos ||
      text.find('/', slash + 1) != std::string::npos || text.size() > 19) {
    return false;
  }
  *index = std::stoull(text.substr(0, slash));
  *count = std::stoull(text.substr(slash + 1));
  return *count > 0 && *index < *count;
}

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
  uint64_t shard_index = 0, shard_count = 1;
  if (!a.shard.empty() && !ParseShard(a.shard, &shard_index, &shard_count)) {
    Fail("--shard wants I/N with 0 <= I < N (e.g. 0/4), got '" + a.shard + "'",
         kExitUsage);
  }
  std::unique_ptr<Parser> parser = LoadParserOrDie("");
  Extractor extractor;
  std::unique_ptr<Store> store = OpenStoreOrDie(g, /*read_only=*/false);

  PipelineOptions options;
  options.threads = a.threads;
  options.build.base_iri = a.base;
  bool progress = !a.quiet && isatty(fileno(stderr));
  uint64_t input_bytes = progress ? InputBytes(a.paths) / shard_count : 0;
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
  if (shard_count > 1) {
    reader = std::make_unique<ShardReader>(std::move(reader), shard_index,
                                           shard_count);
  }
  StatusOr<PipelineStats> stats =
      RunPipeline(reader.get(), *parser, extractor, store.get(), options, cb);
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
  cmd->add_option("--shard", a->shard,
                  "I/N: ingest only the documents whose id hashes to I of N "
                  "(run N machines with 0/N .. N-1/N, then kg merge)");
  cmd->callback([a, &g] { RunIngest(*a, g); });
}

}  // namespace kg::cli
