// Common-noun phrases as graph nodes. A subject that names no entity ("the
// talks", "negotiations with Azerbaijan") becomes a concept node named by its
// phrase; a noun's prepositional modifiers that name entities ("a settlement
// between Yerevan and Baku") link that concept to them. Pure functions over a
// parsed sentence; thread-safe.
#ifndef KG_INGEST_ENTITY_PHRASES_H_
#define KG_INGEST_ENTITY_PHRASES_H_

#include <string>
#include <vector>

#include "ingest/sentence.h"

namespace kg {

// The phrase a common noun heads: its left modifiers (not determiners or
// possessive pronouns) through the noun, extended over its prepositional
// modifiers when `keep_modifier(token)` holds for a token inside them (e.g. a
// named entity) and the phrase stays within `max_tokens`. Tokens are 0-based.
// Returns "" when `head` is not a noun.
std::string ConceptPhrase(const Sentence& sentence, int head,
                          const std::vector<bool>& keep_modifier,
                          size_t max_tokens = 10);

// A prepositional modifier of a common noun: noun --nmod(prep)--> target, with
// conjuncts of the target listed as their own links ("between Yerevan and
// Baku" gives two).
struct NominalLink {
  int noun = -1;
  std::string preposition;  // lower-cased, e.g. "between"
  int target = -1;
};
std::vector<NominalLink> NominalLinks(const Sentence& sentence);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_PHRASES_H_
