// WordNet 3.0 access for the ingest stages: morphology (lemmas), noun senses
// with their hypernym chains and lexicographer classes, synonyms, and
// adjective pertainyms (demonyms: "Armenian" → "Armenia").
//
// The database is read through libwordnet, which keeps global state; this
// wrapper opens it once (from $WNSEARCHDIR, else the build's KG_WORDNET_DICT),
// serialises every libwordnet call behind one mutex and caches each answer, so
// repeated lookups are lock-free reads of a shared table.
// Thread-safety: every function may be called from any number of threads.
// Failure: when the database is missing, Status() says so and every lookup
// degrades to "unknown" (Lemma returns the lower-cased word).
#ifndef KG_INGEST_WORDNET_H_
#define KG_INGEST_WORDNET_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"

namespace kg {

enum class PartOfSpeech { kNoun = 1, kVerb = 2, kAdjective = 3, kAdverb = 4 };

// One noun sense of a word or collocation.
struct NounSense {
  std::vector<std::string> synonyms;  // synset members, spaces not underscores
  std::string lexname;                // "noun.location", "noun.person", ...
  bool instance = false;  // a named individual (has an instance hypernym)
  // Hypernym chain from the direct (instance) hypernym up to the root, first
  // member of each synset ("national capital", "capital", ..., "entity"); the
  // first parent is followed at every step.
  std::vector<std::string> hypernyms;
};

namespace wordnet {

// OK when the database could be opened; else NotFound naming the directory.
Status Available();

// Morphological base form, lower-cased ("welcomed" → "welcome", "talks" →
// "talk", "was" → "be"). A word WordNet does not know comes back lower-cased
// as is. Multi-word input is looked up as a collocation first; failing that,
// only its last word is reduced.
std::string Lemma(std::string_view word, PartOfSpeech pos);

// True when WordNet has the word (or collocation) in that part of speech,
// directly or through morphology.
bool Contains(std::string_view word, PartOfSpeech pos);

// Noun senses of a word or collocation ("North Atlantic Treaty Organization"),
// in WordNet's sense order (most frequent first). Empty when unknown.
std::shared_ptr<const std::vector<NounSense>> NounSenses(std::string_view word);

// The noun an adjective pertains to ("Armenian" → "Armenia"), or "" when it
// has no pertainym (first sense that has one wins).
std::string Pertainym(std::string_view adjective);

// The directory the database is read from.
std::string Directory();

}  // namespace wordnet

// Shorthand used by the extractor for relation lemmas.
inline std::string Lemma(std::string_view word, PartOfSpeech pos) {
  return wordnet::Lemma(word, pos);
}

}  // namespace kg

#endif  // KG_INGEST_WORDNET_H_
