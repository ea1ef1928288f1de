// CombinedParser: one tagger and several greedy arc-eager parsers over the
// same relations that read a sentence in different ways (forwards or
// backwards, root before the first word or after the last). Each sentence is
// tagged once and parsed by every parser; their trees are combined by
// weighted voting with Eisner decoding (ingest/tree_combine.h). The parsers
// make different mistakes, so the combination is more accurate than any of
// them (figures in docs/QUALITY.md), at the cost of one parse per member.
//
// Model file: the first (primary) parser's sections (ingest/parser_greedy.h:
// its tagger serves all members) plus ENSM: u32 member count, f32 max margin,
// then per member f32 vote weight, f32 margin factor, u8 direction, u8 root
// placement, string meta and, for every member but the first, its weight
// table (u64 length + bytes). An optional ARCS section holds an ArcScorer
// (ingest/arc_scorer.h): wherever the members propose different heads for a
// word, the one it prefers gets one more vote, of its stored weight.
// Immutable once built; Annotate() is thread-safe.
#ifndef KG_INGEST_PARSER_COMBINED_H_
#define KG_INGEST_PARSER_COMBINED_H_

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "ingest/arc_scorer.h"
#include "ingest/model_file.h"
#include "ingest/parser.h"
#include "ingest/parser_greedy.h"
#include "ingest/tree_combine.h"

namespace kg {

// How one member's tree votes (see TreeVote).
struct MemberVote {
  float weight = 1.f;
  float margin = 0.f;
};

class CombinedParser : public ParserBackend {
 public:
  // REQUIRES: parsers.size() >= 2 == votes.size(); same relations and tag
  // set (Make checks this).
  // Margins above `max_margin` count as it in the votes.
  CombinedParser(std::vector<std::unique_ptr<GreedyParser>> parsers,
                 std::vector<MemberVote> votes, float max_margin = 1e9f,
                 std::optional<ArcScorer> arcs = std::nullopt);

  // Builds one from single models: the first one's tagger serves all.
  // InvalidArgument when fewer than two or their relations or tag sets
  // differ. With max_weights > 0 each parser keeps only its that many
  // largest weights (to bound the model's size).
  static StatusOr<std::unique_ptr<CombinedParser>> Make(
      const std::vector<const GreedyParser*>& parsers, size_t max_weights,
      std::vector<MemberVote> votes);

  // True when `file` holds a combined model.
  static bool IsCombined(const ModelFile& file);
  // Corruption (naming `name`) when a section is missing or damaged.
  static StatusOr<std::unique_ptr<CombinedParser>> Load(
      const ModelFile& file, const std::string& name);
  void Save(ModelFile* file) const;

  void Annotate(Sentence* s) const override;
  std::string Describe() const override;
  // Parses `s` whose tokens carry predicted tag classes (tags left alone).
  void Parse(Sentence* s, const std::vector<int>& tag_classes) const;

  const std::vector<std::unique_ptr<GreedyParser>>& parsers() const {
    return parsers_;
  }
  const std::vector<MemberVote>& votes() const { return votes_; }
  float max_margin() const { return max_margin_; }
  const std::optional<ArcScorer>& arcs() const { return arcs_; }
  // A copy with `arcs` as its arc scorer.
  std::unique_ptr<CombinedParser> WithArcScorer(ArcScorer arcs) const;
  // Combines the members' trees of one sentence (one per member, in order;
  // `forms` and tag `classes` of its words) into `out` as Annotate() does,
  // but with the given votes and arc scorer (null: none).
  void Combine(const std::vector<Sentence>& trees,
               const std::vector<std::string>& forms,
               const std::vector<int>& classes,
               const std::vector<MemberVote>& votes, const ArcScorer* arcs,
               Sentence* out) const;

 private:
  void ParseAll(const std::vector<std::string>& forms,
                const std::vector<int>& classes, Sentence* s) const;

  std::vector<std::unique_ptr<GreedyParser>> parsers_;
  std::vector<MemberVote> votes_;
  float max_margin_;
  std::optional<ArcScorer> arcs_;
};

// The member votes among a small grid (a shared margin factor; weight 1 for
// the first member, 1 or 0.9 for each other) and, when the parser has an arc
// scorer, its vote weight (0, 0.5, 1, 1.5, 2) that give the best LAS on `dev`
// (ties: the earlier grid point), with one line per grid point written to
// `log` when not null.
struct FittedVotes {
  std::vector<MemberVote> members;
  float arcs = 0.f;
};
FittedVotes FitVotes(const CombinedParser& parser,
                     const std::vector<Sentence>& dev, std::ostream* log);

}  // namespace kg

#endif  // KG_INGEST_PARSER_COMBINED_H_
