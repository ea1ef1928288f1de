// Sentence splitting + tokenization throughput over the Wikinews sample
// (../shared/news): bytes/s and sentences/s. Results in docs/PERFORMANCE.md
// ("Ingest"). Skips with a message when the shared data is absent.
// Two helper modes feed bench/tokenizer_accuracy.py (docs/QUALITY.md):
//   --tokens  each stdin line -> its tokens, tab-separated
//   --split   each stdin line is a document -> "DOC<TAB>SENTENCE" lines
#include <benchmark/benchmark.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "ingest/tokenizer.h"

namespace {

const std::vector<std::string>& Texts() {
  static const std::vector<std::string>* texts = [] {
    auto* out = new std::vector<std::string>;
    auto reader = kg::OpenArticleReader(
        {std::string(KG_SHARED_DIR) + "/news/wikinews-2019-2020.jsonl"});
    kg::ReadResult r;
    while (reader->Next(&r))
      if (r.status.ok()) out->push_back(std::move(r.article.text));
    return out;
  }();
  return *texts;
}

void BM_SplitSentences(benchmark::State& state) {
  const auto& texts = Texts();
  if (texts.empty()) {
    state.SkipWithError("shared news file absent");
    return;
  }
  size_t bytes = 0, sentences = 0, tokens = 0;
  for (auto _ : state) {
    for (const std::string& t : texts) {
      std::vector<kg::Sentence> ss = kg::SplitSentences(t);
      bytes += t.size();
      sentences += ss.size();
      for (const auto& s : ss) tokens += s.tokens.size();
      benchmark::DoNotOptimize(ss.data());
    }
  }
  state.SetBytesProcessed(bytes);
  state.counters["sentences/s"] =
      benchmark::Counter(sentences, benchmark::Counter::kIsRate);
  state.counters["tokens/s"] =
      benchmark::Counter(tokens, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "--tokens") == 0) {
    std::string line;
    while (std::getline(std::cin, line)) {
      std::vector<kg::Token> toks = kg::Tokenize(line);
      for (size_t i = 0; i < toks.size(); ++i)
        std::cout << (i ? "\t" : "") << toks[i].form;
      std::cout << "\n";
    }
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "--split") == 0) {
    std::string line;
    for (int doc = 0; std::getline(std::cin, line); ++doc)
      for (const kg::Sentence& s : kg::SplitSentences(line))
        std::cout << doc << "\t" << s.text << "\n";
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
