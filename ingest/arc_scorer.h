// ArcScorer: a first-order, arc-factored scorer of "word h is the head of
// word d" (McDonald et al. 2005's features: the two words and tags, their
// neighbours' tags, direction, distance, what lies between them), trained as
// a head selector on gold trees. It reads a sentence the way graph-based
// parsers do, unlike the greedy members of a CombinedParser, so it tends to
// be right in other places: CombinedParser asks it, wherever its members
// propose different heads for a word, which of those heads it prefers, and
// counts that as one more vote (ingest/parser_combined.h).
//
// Model bytes (a combined model's ARCS section): f32 vote weight, then a
// one-class weight table. Immutable once built; thread-safe.
#ifndef KG_INGEST_ARC_SCORER_H_
#define KG_INGEST_ARC_SCORER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "ingest/model_weights.h"
#include "ingest/sentence.h"
#include "ingest/tagger.h"
#include "storage/status.h"

namespace kg {

// The feature keys of the possible arcs of one tagged sentence.
class ArcFeatures {
 public:
  static constexpr int kMaxFeatures = 32;
  // forms: ModelForms; tag_classes: one per word.
  ArcFeatures(const std::vector<std::string>& forms,
              const std::vector<int>& tag_classes, const TagSet& tags);
  int size() const { return n_; }
  // Writes the keys of the arc h -> d (h in 0..n, 0 = the root; d in 1..n;
  // h != d) to keys[0..kMaxFeatures); returns how many. `tree` (heads[w]
  // for w in 1..n, index 0 unused) gives the arc's context: h's own head
  // and h's dependent nearest to d between them (gold heads in training, the
  // proposing parser's tree in use).
  int Extract(int h, int d, const std::vector<int>& tree, uint64_t* keys) const;

 private:
  int n_;
  std::vector<uint64_t> word_, tag_, upos_, suffix_;
  // Running counts of verbs, punctuation and conjunctions up to each word.
  std::vector<int> verbs_, puncts_, conjs_;
};

class ArcScorer {
 public:
  ArcScorer(WeightTable weights, float vote)
      : weights_(std::move(weights)), vote_(vote) {}

  const WeightTable& weights() const { return weights_; }
  // The weight of its vote among the parsers' (see CombinedParser).
  float vote() const { return vote_; }
  ArcScorer WithVote(float vote) const { return ArcScorer(weights_, vote); }

  int32_t Score(const ArcFeatures& f, int h, int d,
                const std::vector<int>& tree) const;
  // The word (or 0, the root) with the highest Score as d's head, `tree` the
  // context of every candidate; the earlier one on a tie.
  int BestHead(const ArcFeatures& f, int d, const std::vector<int>& tree) const;

  void AppendTo(std::string* out) const;
  // Corruption (naming `name`) when the bytes are damaged.
  static StatusOr<ArcScorer> Parse(std::string_view bytes,
                                   const std::string& name);

 private:
  WeightTable weights_;
  float vote_;
};

struct ArcTrainOptions {
  int epochs = 8;
  uint64_t seed = 1;
  size_t max_weights = 200'000;
};

// Trains a head selector (for every word, the gold head must outscore every
// other word and the root) on the gold trees of `train` with predicted tags
// `tag_classes` (one vector per sentence, e.g. JackKnifeTags). With `dev`
// (and its predicted tags) each epoch's head-selection accuracy goes to
// `log` and the best epoch is returned; otherwise the last. Deterministic.
// InvalidArgument when no sentence is usable or options.epochs < 1.
StatusOr<ArcScorer> TrainArcScorer(
    const std::vector<const Sentence*>& train,
    const std::vector<std::vector<int>>& tag_classes, const TagSet& tags,
    const std::vector<const Sentence*>& dev,
    const std::vector<std::vector<int>>& dev_tag_classes,
    const ArcTrainOptions& options, std::ostream* log);

}  // namespace kg

#endif  // KG_INGEST_ARC_SCORER_H_
