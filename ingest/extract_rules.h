// The clause rules of the extractor, over token indices: which predicates a
// parsed sentence has, their relation words, subject and arguments. The
// Extractor renders these into text, spans, lemmas and confidences.
// Thread-safety: pure functions.
#ifndef KG_INGEST_EXTRACT_RULES_H_
#define KG_INGEST_EXTRACT_RULES_H_

#include <string>
#include <vector>

#include "ingest/extract_tree.h"
#include "ingest/extractor.h"

namespace kg {

struct RawArgument {
  int head = -1;
  std::vector<int> tokens;  // ascending
};

struct RawExtraction {
  std::string implicit;       // relation word absent from the text ("be")
  std::vector<int> relation;  // relation tokens, ascending
  RawArgument subject;
  std::vector<RawArgument> objects;
  std::vector<RawArgument> qualifiers;  // obl with their preposition
  int predicate = -1;
  RawArgument source;  // attribution source ("X said that ..."); empty if none
  std::string rule;
  bool split = false;      // one part of a split coordination
  bool inherited = false;  // subject taken from another clause
};

// All extractions of the tree under `options`; empty when the tree is not
// parsed.
std::vector<RawExtraction> ApplyRules(const DepTree& tree,
                                      const ExtractorOptions& options);

}  // namespace kg

#endif  // KG_INGEST_EXTRACT_RULES_H_
