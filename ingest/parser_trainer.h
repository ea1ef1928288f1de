// Training a GreedyParser from gold CoNLL-U sentences: the tag set and
// relation inventory come from the training data; the training words get tags
// predicted by jack-knifing (k taggers, each trained without one fold, tag
// that fold), the final tagger is trained on everything; then the arc-eager
// parser is trained with the dynamic oracle and exploration (Goldberg & Nivre
// 2012), with the root where `options.root` says and reading the words in
// `options.direction` (the model records both).
// Each epoch is measured on `dev` when given, and the best epoch (by
// LAS) is returned. Deterministic for the same data and options, whatever the
// thread count. Progress lines go to `log` when not null.
#ifndef KG_INGEST_PARSER_TRAINER_H_
#define KG_INGEST_PARSER_TRAINER_H_

#include <cstdint>
#include <functional>
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
  bool bidirectional_tagger = true;  // see TaggerTrainOptions
  int folds = 5;  // jack-knife folds (1 = tag with gold tags)
  uint64_t seed = 1;
  double explore = 0.9;  // probability of following a wrong prediction
  int explore_from = 2;  // first epoch with exploration
  // kEnd measured no better on EWT dev (docs/QUALITY.md).
  RootPlacement root = RootPlacement::kFront;
  // kReverse trains a parser that reads sentences from the end (the model
  // records it; its tagger still reads forwards).
  ParseDirection direction = ParseDirection::kForward;
  size_t max_parser_weights = 4'000'000;
  size_t max_tagger_weights = 900'000;
  int threads = 2;   // jack-knife folds trained in parallel
  std::string meta;  // stored in the model (e.g. the command line)
  // Called with each epoch's model that beats the earlier ones on dev (e.g.
  // to write a checkpoint); may be empty.
  std::function<void(const GreedyParser&)> on_best;
};

// InvalidArgument when `train` has no usable sentence or too many labels.
StatusOr<std::unique_ptr<GreedyParser>> TrainParser(
    const std::vector<Sentence>& train, const std::vector<Sentence>* dev,
    const ParserTrainOptions& options, std::ostream* log);

}  // namespace kg

#endif  // KG_INGEST_PARSER_TRAINER_H_
