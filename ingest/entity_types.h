// Typing and naming entities: the type and canonical form WordNet gives a
// proper name, with head words (ingest/entity_words.h) as a fallback, and
// demonyms through WordNet pertainyms. Pure functions over immutable tables and
// the WordNet wrapper; thread-safe. Words are compared case-insensitively.
#ifndef KG_INGEST_ENTITY_TYPES_H_
#define KG_INGEST_ENTITY_TYPES_H_

#include <optional>
#include <string>
#include <string_view>

#include "ingest/entity_words.h"
#include "ingest/vocabulary.h"

namespace kg {

// The type WordNet gives a proper name (a sense whose member matches the name
// and is capitalised): noun.person → Person, noun.location → Location,
// organisations → Organization, events → Event; else, from its last word
// (organisation / place head words). nullopt when there is no evidence.
std::optional<EntityType> TypeOfName(std::string_view name);

// The first member of the WordNet synset of a proper name, when the name is a
// member of a proper sense of a compatible type ("NATO" → "North Atlantic
// Treaty Organization", "Republic of Armenia" → "Armenia"); else "".
std::string WordNetCanonical(std::string_view name,
                             std::optional<EntityType> type);

// The country or place a demonym adjective pertains to ("Armenian" →
// "Armenia") when WordNet types it as a Location; else "".
std::string DemonymPlace(std::string_view adjective);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_TYPES_H_
