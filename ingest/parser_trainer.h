// Training a GreedyParser from gold CoNLL-U sentences: the tag set and
// relation inventory come from the training data; the training words get tags
// predicted by jack-knifing (k taggers, each trained without one fold, tag
// that fold), the final tagger is trained on everything; then the arc-eager
// parser is trained with the dynamic oracle and exploration (Goldberg & Nivre
// 2012), with the root where `options.root` says (the model records it).
// Each epoch is measured on `dev` when given, and the best epoch (by
// LAS) is returned. Deterministic for the same data and options, whatever the
// thread count. Progress lines go to `log` when not null.
#ifndef KG_INGEST_PARSER_TRAINER_H_
#define KG_INGEST_PARSER_TRAINER_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "ingest/parser_greedy.h"
#include "storage/status.h"

namespace kg {

struct ParserTrainOptions {
  int epochs = 15;  // parser epochs
  int tagger_epochs = 8;
  int folds = 5;  // jack-knife folds (1 = tag with gold tags)
  uint64_t seed = 1;
  double explore = 0.9;  // probability of following a wrong prediction
  int explore_from = 2;  // first epoch with exploration
  // kEnd measured no better on EWT dev (docs/QUALITY.md).
  RootPlacement root = RootPlacement::kFront;
  size_t max_parser_weights = 4'000'000;
  size_t max_tagger_weights = 900'000;
  int threads = 2;   // jack-knife folds trained in parallel
  std::string meta;  // stored in the model (e.g. the command line)
};

// InvalidArgument when `train` has no usable sentence or too many labels.
StatusOr<std::unique_ptr<GreedyParser>> TrainParser(
    const std::vector<Sentence>& train, const std::vector<Sentence>* dev,
    const ParserTrainOptions& options, std::ostream* log);

}  // namespace kg

#endif  // KG_INGEST_PARSER_TRAINER_H_
