// A scorer compatible with CaRB (Bhardwaj et al., EMNLP 2019): reads gold and
// predicted Open IE tuples in the benchmark's tab-separated formats and
// computes the precision–recall curve over confidence thresholds, its area
// (AUC) and the best F1 point.
//
// Matching rules (as the benchmark defines them): sentences are keyed after
// removing spaces, undoing PTB bracket escapes and removing ASCII punctuation;
// arguments after the first are joined into one on both sides; a gold–predicted
// pair scores by token overlap (case-sensitive, each predicted token used once)
// summed over relation and both argument slots; "be" in the prediction matches
// any form of be in the gold relation; a pair scores zero when the relations
// share no token or the prediction lacks one of the first two gold slots; for
// gold relations containing said/told/added/adds/says the prediction may also
// match with its two slots swapped.
//
// Thread-safety: all functions are pure; CarbSet values are plain data.
#ifndef KG_INGEST_CARB_H_
#define KG_INGEST_CARB_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/status.h"

namespace kg {

struct OieTuple {
  std::string relation;
  std::vector<std::string> args;  // ARG1, ARG2, ... ("C: " context dropped)
  double confidence = 1.0;        // 1 for gold tuples
};

// Tuples grouped by normalised sentence key, in first-seen order. When two
// sentences normalise to the same key the later one replaces the earlier, as
// in the reference scorer.
struct CarbSet {
  std::vector<std::string> keys;
  std::vector<std::vector<OieTuple>> tuples;  // parallel to keys
  size_t size() const { return keys.size(); }
  // Index of `key` or -1.
  int Find(const std::string& key) const;
};

// The benchmark's sentence key (see above).
std::string CarbSentenceKey(std::string_view sentence);

// Gold: SENTENCE<TAB>RELATION<TAB>ARG1[<TAB>ARG2…]. Fails with IOError when the
// file cannot be read, InvalidArgument naming the line when a line has fewer
// than two fields.
StatusOr<CarbSet> ReadCarbGold(const std::string& path);
// Predictions: SENTENCE<TAB>CONFIDENCE<TAB>RELATION[<TAB>ARG…]. Fails naming
// the line when a line has fewer than three fields or a bad confidence.
StatusOr<CarbSet> ReadCarbPredictions(const std::string& path);
// The same from in-memory text (for tests and pipes).
StatusOr<CarbSet> ParseCarbGold(std::string_view text, const std::string& name);
StatusOr<CarbSet> ParseCarbPredictions(std::string_view text,
                                       const std::string& name);

// {precision, recall} of one predicted tuple against one gold tuple.
std::pair<double, double> CarbMatch(const OieTuple& gold,
                                    const OieTuple& predicted);

struct CarbPoint {
  double threshold = 0, precision = 0, recall = 0, f1 = 0;
};

struct CarbResult {
  double auc = 0;
  CarbPoint best;                // highest F1
  std::vector<CarbPoint> curve;  // one point per distinct confidence, ascending
  size_t gold_sentences = 0, gold_tuples = 0, predicted_tuples = 0;
};

// Scores `predicted` against `gold`. Predictions for sentences absent from the
// gold are ignored (their confidences still become thresholds).
CarbResult CarbScore(const CarbSet& gold, const CarbSet& predicted);

}  // namespace kg

#endif  // KG_INGEST_CARB_H_
