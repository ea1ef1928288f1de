// Sentence splitting + tokenization throughput over the Wikinews sample
// (../shared/news): bytes/s and sentences/s. Results in docs/PERFORMANCE.md
// ("Ingest"). Skips with a message when the shared data is absent.
#include <benchmark/benchmark.h>

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

BENCHMARK_MAIN();
