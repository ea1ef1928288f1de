// The shape of names: splitting into words, acronyms and initials, common
// English words (WordNet), and whether a name looks like a person's when
// nothing else says so. Pure functions; thread-safe (WordNet is internally
// synchronised).
#ifndef KG_INGEST_ENTITY_NAMES_H_
#define KG_INGEST_ENTITY_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg {

// Space-separated words.
std::vector<std::string> Words(std::string_view s);

// Two to eight upper-case letters or dots: "NATO", "U.S.".
bool IsAcronym(std::string_view s);

// Initials of a multi-word name, skipping function words ("North Atlantic
// Treaty Organization" → "NATO"); "" for a single word.
std::string Initials(std::string_view name);

// Capitalised words that start place and organisation names ("North", "New",
// "Saint", "National"), not people's.
bool IsPlacePrefix(std::string_view w);

// A word English uses in lower case: a WordNet entry of any part of speech
// other than only a proper noun ("unit", "play"; not "Elizabeth").
bool IsCommonWord(const std::string& w);

// Two to four capitalised words, no known place or organisation at the end
// or before a common last word, the first not a common word unless the
// surname is uncommon ("Javier Colomina", "Don Blankenship"; not "Protection
// Units", "Baltimore Sun", "Google Play").
bool LooksLikePersonName(std::string_view name);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_NAMES_H_
