// Tagger: the averaged-perceptron part-of-speech tagger. It predicts one joint
// class per word (a UPOS tag paired with its Penn Treebank tag), greedily left
// to right, from the word, its affixes and shape, the neighbouring words, the
// tags seen with the next words in training (their "ambiguity class"; for a
// word seen fewer than twice, the parts of speech WordNet knows it in) and the
// two previous predicted tags. Frequent unambiguous words take their tag from
// a dictionary. A tagger may also hold backward weights, trained on sentences
// read from the end (the "previous" tags are then the following ones): it
// then tags each sentence both ways and keeps, word by word, the tag of the
// pass with the larger score margin. Immutable once built: Tag() is
// thread-safe.
#ifndef KG_INGEST_TAGGER_H_
#define KG_INGEST_TAGGER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/model_file.h"
#include "ingest/model_weights.h"
#include "ingest/sentence.h"
#include "storage/status.h"

namespace kg {

// The joint tag classes: class i is (upos[i], xpos[i]).
struct TagSet {
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  int size() const { return int(upos.size()); }
  // The class of (u, x), or -1.
  int Find(std::string_view u, std::string_view x) const;
  // Adds (u, x) when new; returns its class.
  int Add(const std::string& u, const std::string& x);
};

// Everything the tagger knows besides its weights.
struct TaggerLexicon {
  std::unordered_map<uint64_t, int> tag_dict;  // HashString(form) → class
  std::unordered_map<uint64_t, uint64_t> ambiguity;  // lower form → class set
  // A word outside `ambiguity` takes as its class the set of parts of speech
  // WordNet has it in (ingest/wordnet_index.h; the empty set when WordNet is
  // missing). False only in models made before this feature: they keep one
  // "unknown" class for all such words.
  bool wordnet_classes = false;
};

// Feature extraction shared by training and tagging.
class TaggerFeatures {
 public:
  static constexpr int kMaxFeatures = 40;
  // Precomputes the per-word atoms of one sentence (forms from ModelForms).
  TaggerFeatures(const std::vector<std::string>& forms,
                 const TaggerLexicon& lex);
  // Writes the keys of word i given the two previous predicted classes (-1 at
  // the sentence start); returns how many.
  int Extract(int i, int prev, int prev2, uint64_t* keys) const;

 private:
  struct Atoms {
    uint64_t form, lower, pre1, pre2, pre3, suf1, suf2, suf3, suf4, shape, amb;
  };
  const Atoms& At(int i) const;
  std::vector<Atoms> atoms_;
  Atoms pad_;
};

// Lower-cased (ASCII) form, used by the tagger and the parser.
std::string LowerAscii(std::string_view s);

// The forms the models see: ParserForm() of each token (PTB escapes and quote
// variants normalised as in UD EWT), in training and in use alike.
std::vector<std::string> ModelForms(const std::vector<Token>& tokens);

class Tagger {
 public:
  Tagger() = default;
  // `backward` may be empty (WeightTable()): a one-way tagger.
  Tagger(TagSet tags, TaggerLexicon lex, WeightTable weights,
         WeightTable backward = WeightTable())
      : tags_(std::move(tags)),
        lex_(std::move(lex)),
        weights_(std::move(weights)),
        backward_(std::move(backward)) {}

  const TagSet& tags() const { return tags_; }
  const TaggerLexicon& lexicon() const { return lex_; }
  const WeightTable& weights() const { return weights_; }
  const WeightTable& backward() const { return backward_; }
  bool bidirectional() const { return backward_.num_classes() > 0; }

  // Fills upos and xpos of every token; the chosen classes go to `classes`
  // when it is not null.
  void Tag(Sentence* s, std::vector<int>* classes = nullptr) const;
  // The same with the ModelForms of s's tokens already computed.
  // REQUIRES: forms.size() == s->tokens.size(); classes not null.
  void TagWithForms(const std::vector<std::string>& forms, Sentence* s,
                    std::vector<int>* classes) const;
  // The classes of words with the given ModelForms.
  void TagForms(const std::vector<std::string>& forms,
                std::vector<int>* classes) const;

  // Sections TAGS, TDIC, TAMB, TGWT and, for a bidirectional tagger, TGBW
  // (the backward weights; files without it load as one-way taggers).
  void Save(ModelFile* file) const;
  static StatusOr<Tagger> Load(const ModelFile& file, const std::string& name);

 private:
  // One greedy pass of `w` over `forms`: classes and, when not null, the
  // score margin of each choice (infinite for dictionary words).
  void Pass(const WeightTable& w, const std::vector<std::string>& forms,
            std::vector<int>* classes, std::vector<float>* margins) const;

  TagSet tags_;
  TaggerLexicon lex_;
  WeightTable weights_;
  WeightTable backward_;
};

}  // namespace kg

#endif  // KG_INGEST_TAGGER_H_
