// Feature extraction for the arc-eager parser: the rich non-local feature set
// of Zhang & Nivre (2011) — words and tags of the stack and buffer tops, of
// s0's head and grandparent, of the left/rightmost children of s0 and n0 and
// their labels, the s0–n0 distance, valencies and label sets — plus the
// WordNet lexicographer class of nouns (ingest/wordnet_index.h; the UPOS tag
// for other words, and for nouns WordNet lacks or when it is not installed),
// hashed into 64-bit keys. Built once per sentence from its words and predicted
// tag classes; Extract() is const and allocation-free.
#ifndef KG_INGEST_TRANSITION_FEATURES_H_
#define KG_INGEST_TRANSITION_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/sentence.h"
#include "ingest/tagger.h"
#include "ingest/transition.h"

namespace kg {

class TransitionFeatures {
 public:
  static constexpr int kMaxFeatures = 112;
  // `forms` as given by ModelForms (ingest/tagger.h); `tags` the tag set the
  // classes index (its UPOS half gives coarse features).
  // REQUIRES: tag_classes.size() == forms.size().
  TransitionFeatures(const std::vector<std::string>& forms,
                     const std::vector<int>& tag_classes, const TagSet& tags);
  // Writes the keys for `state` to keys[0..kMaxFeatures); returns how many.
  int Extract(const ArcEagerState& state, uint64_t* keys) const;

 private:
  std::vector<uint64_t> word_;  // index 0 = the root
  std::vector<uint64_t> tag_;
  std::vector<uint64_t> upos_;
  std::vector<uint64_t> class_;  // WordNet class of nouns, else upos_
};

}  // namespace kg

#endif  // KG_INGEST_TRANSITION_FEATURES_H_
