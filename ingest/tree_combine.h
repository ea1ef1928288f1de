// Combining dependency trees of one sentence from several parsers (Sagae &
// Lavie 2006): every parser votes for the head it gave each word, a vote
// weighing its parser's weight plus a share of its attachment margin, and
// the combined tree is the projective tree with one root word that collects
// the most vote weight (Eisner's algorithm). The relation is the one with the
// most vote weight among the votes for the chosen head. Arcs no parser proposed
// are allowed only when no tree can be made of proposed arcs alone, and then as
// few as possible.
#ifndef KG_INGEST_TREE_COMBINE_H_
#define KG_INGEST_TREE_COMBINE_H_

#include <vector>

#include "ingest/sentence.h"

namespace kg {

struct TreeVote {
  const Sentence* tree;     // heads, relations and margins (Token::score)
  float weight = 1.f;       // the weight of each of its votes
  float margin = 0.f;       // added per unit of the vote's margin
  float max_margin = 1e9f;  // margins above this count as this
};

// Writes head, deprel and score of every token of `out` from `votes`: the
// relation voted for most with the chosen head and the margin of the
// strongest vote for it (a head no parser proposed gets the first vote's
// relation and margin 0). Sentences longer than `max_words` (the algorithm is
// cubic) take the first vote's tree unchanged.
// REQUIRES: every vote's tree has out->tokens.size() tokens with heads in
// [0, size]; votes not empty.
void CombineTrees(const std::vector<TreeVote>& votes, Sentence* out,
                  int max_words = 200);

}  // namespace kg

#endif  // KG_INGEST_TREE_COMBINE_H_
