// Word lists for naming and typing entities: titles and occupations before
// names, title modifiers, organisation, place and event head words, pronouns.
// Words are compared case-insensitively (a trailing '.' ignored: "Dr.").
// Immutable tables; thread-safe.
#ifndef KG_INGEST_ENTITY_WORDS_H_
#define KG_INGEST_ENTITY_WORDS_H_

#include <string>
#include <string_view>

namespace kg {

// A word that names an office or role before a name ("President",
// "Minister", "Secretary", "Senator", "Mr").
// Lowercase (ASCII) with trailing periods removed: the key the word lists are
// looked up by.
std::string LowerWordKey(std::string_view word);

bool IsTitleWord(std::string_view word);
// A word that qualifies a title ("Prime", "Foreign", "Deputy", "General").
bool IsTitleModifier(std::string_view word);
// The head word of an organisation's name ("Ministry", "Council", "Party").
bool IsOrganizationWord(std::string_view word);
// The head word of a place's name ("City", "River", "Province").
bool IsLocationWord(std::string_view word);
// he, she, him, his, her, hers, himself, herself.
bool IsPersonPronoun(std::string_view word);
// it, its, itself.
bool IsThingPronoun(std::string_view word);

// Words that make a name an event: "Hurricane Dorian" (first word), "Gulf
// War", "Tokyo Olympics" (last word).
bool IsEventFirstWord(std::string_view word);
bool IsEventLastWord(std::string_view word);

}  // namespace kg

#endif  // KG_INGEST_ENTITY_WORDS_H_
