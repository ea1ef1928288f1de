// GreedyParser: the averaged-perceptron tagger followed by a greedy arc-eager
// parser whose moves are scored by a quantised linear model over
// TransitionFeatures. Model file sections: the tagger's (TAGS, TDIC, TAMB,
// TGWT), LABL (relation names), PRWT (parser weights), ROOT (one byte: where
// the transition system puts the root, see ingest/transition.h; models
// without it put it at the front), DIRN (one byte: 1 when the parser reads
// the sentence from its last word to its first; models without it read
// forwards) and META (free text: how the model was trained and what it
// measured). Immutable once built; Annotate() is
// thread-safe.
#ifndef KG_INGEST_PARSER_GREEDY_H_
#define KG_INGEST_PARSER_GREEDY_H_

#include <memory>
#include <string>
#include <vector>

#include "ingest/model_file.h"
#include "ingest/model_weights.h"
#include "ingest/parser.h"
#include "ingest/tagger.h"
#include "ingest/transition.h"

namespace kg {

// The order in which the transition system reads a sentence's words.
enum class ParseDirection : uint8_t { kForward = 0, kReverse = 1 };

class GreedyParser : public ParserBackend {
 public:
  // REQUIRES: labels contains "root"; weights.num_classes() ==
  // NumMoves(labels.size()).
  GreedyParser(Tagger tagger, std::vector<std::string> labels,
               WeightTable weights, std::string meta,
               RootPlacement root = RootPlacement::kFront,
               ParseDirection direction = ParseDirection::kForward);
  // The same with a tagger shared with other parsers (CombinedParser's
  // members share one). REQUIRES: tagger not null.
  GreedyParser(std::shared_ptr<const Tagger> tagger,
               std::vector<std::string> labels, WeightTable weights,
               std::string meta, RootPlacement root = RootPlacement::kFront,
               ParseDirection direction = ParseDirection::kForward);

  static StatusOr<std::unique_ptr<GreedyParser>> Load(const ModelFile& file,
                                                      const std::string& name);
  void Save(ModelFile* file) const;

  void Annotate(Sentence* s) const override;
  std::string Describe() const override;

  // Parses `s` whose tokens carry predicted tag classes `tag_classes`
  // (heads, relations and margins are written; tags are left alone).
  void Parse(Sentence* s, const std::vector<int>& tag_classes) const;
  // The same with the ModelForms of its tokens already computed.
  void ParseForms(Sentence* s, const std::vector<std::string>& forms,
                  const std::vector<int>& tag_classes) const;

  const Tagger& tagger() const { return *tagger_; }
  const std::shared_ptr<const Tagger>& shared_tagger() const { return tagger_; }
  const std::vector<std::string>& labels() const { return labels_; }
  const WeightTable& weights() const { return weights_; }
  const std::string& meta() const { return meta_; }
  RootPlacement root() const { return root_; }
  ParseDirection direction() const { return direction_; }

 private:
  std::shared_ptr<const Tagger> tagger_;
  std::vector<std::string> labels_;
  WeightTable weights_;
  std::string meta_;
  RootPlacement root_;
  ParseDirection direction_;
  int root_label_ = 0;
  int fallback_label_ = 0;
};

}  // namespace kg

#endif  // KG_INGEST_PARSER_GREEDY_H_
