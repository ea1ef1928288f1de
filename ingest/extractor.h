// Open information extraction over a parsed sentence: clause rules read the
// dependency tree (heads and relations filled by the parser) and produce
// subject–relation–object extractions with character spans and a confidence.
//
// Contract: Extract() never fails; a sentence without a parse (head == -1) or
// without a verb/copula clause yields no extractions. Spans are byte offsets
// into the document text (the same coordinates as Token::begin/end).
// Thread-safety: an Extractor is immutable after construction; Extract() may be
// called from any number of threads at once.
#ifndef KG_INGEST_EXTRACTOR_H_
#define KG_INGEST_EXTRACTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/sentence.h"

namespace kg {

// One argument of an extraction: a contiguous-or-not set of tokens of the
// sentence, rendered as `text` (the tokens joined as they appear).
struct Argument {
  std::string text;
  uint32_t begin = 0;  // byte span in the document [begin, end)
  uint32_t end = 0;
  std::vector<int> tokens;  // 0-based token indices, ascending
  int head = -1;            // 0-based index of the argument's head token
};

struct Extraction {
  std::string relation;        // surface, e.g. "did not meet", "served as"
  std::string relation_lemma;  // lemmatised, e.g. "not meet", "serve as"
  Argument subject;
  std::vector<Argument> objects;     // direct/indirect objects, complements
  std::vector<Argument> qualifiers;  // time/place/opener obl, with preposition
  std::string attributed_to;  // source of the fact ("X said that ..."), or ""
  float confidence = 0.f;     // in [0, 1]; higher ranks first
  std::string rule;           // which rule produced it (e.g. "svo", "appos")
  int predicate_token = -1;   // 0-based index of the relation's head token
  // Inputs of the confidence model (extract_confidence.h); filled only when
  // ExtractorOptions::keep_features is set.
  std::vector<float> features;
};

// Which rules run (all by default); used for ablations.
struct ExtractorOptions {
  bool xcomp = true;               // xcomp chains ("wants to buy")
  bool ccomp = true;               // ccomp with "that" kept
  bool conjuncts = true;           // verb conjuncts sharing the subject
  bool prep_in_relation = true;    // obl preposition folded into the relation
  bool relative_clauses = true;    // acl:relcl
  bool reduced_relatives = true;   // acl
  bool appositions = true;         // appos → is
  bool opener = true;              // fronted opener as an extra argument
  bool possessives = true;         // X 's Y → X has Y
  bool split_coordination = true;  // "A and B" → two extractions
  bool lemmatize = true;           // fill relation_lemma through WordNet
  bool keep_features = false;      // fill Extraction::features
};

class Extractor {
 public:
  Extractor() = default;
  explicit Extractor(ExtractorOptions options) : options_(options) {}

  // Extractions of one parsed sentence, in order of predicate position.
  std::vector<Extraction> Extract(const Sentence& sentence) const;

  const ExtractorOptions& options() const { return options_; }

 private:
  ExtractorOptions options_;
};

}  // namespace kg

#endif  // KG_INGEST_EXTRACTOR_H_
