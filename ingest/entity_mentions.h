// Entity mentions in one analysed sentence: proper-name runs (PROPN tokens and
// capitalised words joined by flat/compound, "of" inside organisation and
// place names), split into the title before a name ("Prime Minister"), the
// demonym or organisation before the title ("Armenian", "NATO") and the name
// itself; definite role descriptions ("the Prime Minister", "the President of
// Azerbaijan"); personal and "it" pronouns. Dates are found first
// (ingest/dates.h) and never become names. Pure function; thread-safe.
#ifndef KG_INGEST_ENTITY_MENTIONS_H_
#define KG_INGEST_ENTITY_MENTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "ingest/dates.h"
#include "ingest/sentence.h"
#include "ingest/vocabulary.h"

namespace kg {

enum class MentionKind {
  kName,             // "Nikol Pashinyan", "NATO"
  kRoleDescription,  // "the Prime Minister"
  kPersonPronoun,    // he, she, his, her, ...
  kThingPronoun,     // it, its
  kImplicitPlace,    // the place of a demonym before a title ("Armenian")
};

struct Mention {
  MentionKind kind = MentionKind::kName;
  int sentence = 0;
  int first = 0, last = 0;            // tokens of the name or pronoun (0-based)
  int span_first = 0, span_last = 0;  // the whole noun phrase run it came from
  std::string text;                   // normalised surface ("Nikol Pashinyan")
  std::optional<EntityType> type;     // evidence from the mention itself
  std::string role;                   // title before the name: "Prime Minister"
  int country = -1;      // index (same sentence) of a place before the title
  int affiliation = -1;  // index (same sentence) of an organisation before it
  int of_name = -1;      // role description: index of the name after "of"
  int parenthesis_of = -1;  // "X (ACRONYM)": index of X (same sentence)
  bool subject = false;     // the mention heads a nominal subject
  bool speaker = false;     // ... of a speech verb ("said", "told")
  // Context cues, weighed against the name's own evidence in coreference:
  bool determiner = false;  // after "the", "a", "an": a thing, not a person
  bool which = false;       // "X, which ...": a thing, not a person
  bool locative = false;    // object of "in", "near", ...: likely a place
  bool dateline = false;    // "HARWICK, 2 April 2025 - ...": the place the
                            // article was filed from, typed Location
};

// The mentions of `sentence`, left to right. `dates` are its date spans.
std::vector<Mention> FindMentions(const Sentence& sentence, int sentence_index,
                                  const std::vector<DateSpan>& dates);

// Collapses spaces, removes a trailing possessive ('s, ’s), edge punctuation
// and a leading "the".
std::string NormaliseName(std::string_view text);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_MENTIONS_H_
