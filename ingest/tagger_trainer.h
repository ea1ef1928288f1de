// Training the Tagger: builds its lexicon (tag dictionary, ambiguity classes)
// from the training sentences, then runs averaged-perceptron epochs over them
// in a seeded, reproducible order. Deterministic for the same inputs and
// options. Not thread-safe per call, but separate calls may run in parallel.
#ifndef KG_INGEST_TAGGER_TRAINER_H_
#define KG_INGEST_TAGGER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <random>
#include <vector>

#include "ingest/tagger.h"

namespace kg {

struct TaggerTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;
  size_t max_weights = 1'500'000;  // kept after pruning (per direction)
  // Also train backward weights (a bidirectional Tagger, ingest/tagger.h).
  bool bidirectional = true;
};

TaggerLexicon BuildTaggerLexicon(const std::vector<const Sentence*>& train,
                                 const TagSet& tags);

// REQUIRES: every (upos, xpos) pair of `train` is in `tags`. When `dev` is
// given, prints each epoch's dev UPOS accuracy to `log` (if not null) and
// returns the best epoch's tagger; otherwise the last epoch's.
Tagger TrainTagger(const std::vector<const Sentence*>& train,
                   const TagSet& tags, const TaggerTrainOptions& options,
                   const std::vector<Sentence>* dev, std::ostream* log);

// The tag classes of every sentence of `train`, each predicted by a tagger
// trained (with `options`, seed options.seed + fold + 1) on the other folds
// of `folds`; folds == 1 gives the gold tags. `threads` folds train at once.
// Deterministic whatever `threads` is.
std::vector<std::vector<int>> JackKnifeTags(
    const std::vector<const Sentence*>& train, const TagSet& tags,
    const TaggerTrainOptions& options, int folds, int threads);

// Fraction of words whose UPOS the tagger predicts correctly.
double UposAccuracy(const Tagger& tagger, const std::vector<Sentence>& gold);

// Fisher-Yates with a standard engine, so the order is the same everywhere.
template <typename T>
void SeededShuffle(std::vector<T>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    size_t j = size_t((*rng)() % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace kg

#endif  // KG_INGEST_TAGGER_TRAINER_H_
