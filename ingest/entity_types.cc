#include "ingest/entity_types.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "ingest/entity_words.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

template <typename Fn>
void ForProperSenses(std::string_view name, Fn fn) {
  auto senses = wordnet::NounSenses(name);
  std::string lname = LowerWordKey(name);
  for (const NounSense& sense : *senses) {
    for (const std::string& member : sense.synonyms) {
      if (member.empty() ||
          !std::isupper(static_cast<unsigned char>(member[0]))) {
        continue;
      }
      if (LowerWordKey(member) == lname) {
        if (!fn(sense)) return;
        break;
      }
    }
  }
}

bool ChainHas(const NounSense& sense, std::string_view word) {
  return std::find(sense.hypernyms.begin(), sense.hypernyms.end(), word) !=
         sense.hypernyms.end();
}

std::optional<EntityType> SenseType(const NounSense& sense) {
  if (sense.lexname == "noun.person") return EntityType::kPerson;
  if (sense.lexname == "noun.location") return EntityType::kLocation;
  if (sense.lexname == "noun.group") {
    if (ChainHas(sense, "organization") || ChainHas(sense, "social group") ||
        ChainHas(sense, "unit")) {
      return EntityType::kOrganization;
    }
    return std::nullopt;
  }
  if (sense.lexname == "noun.event" || sense.lexname == "noun.act") {
    return EntityType::kEvent;
  }
  if (sense.lexname == "noun.artifact" &&
      (ChainHas(sense, "structure") || ChainHas(sense, "building"))) {
    return EntityType::kLocation;
  }
  return std::nullopt;
}

std::string LastWord(std::string_view name) {
  auto space = name.find_last_of(' ');
  return std::string(space == std::string_view::npos ? name
                                                     : name.substr(space + 1));
}

}  // namespace

std::optional<EntityType> TypeOfName(std::string_view name) {
  // "Court", "Parliament", "Police" on their own are institutions, whatever
  // person WordNet knows by that name.
  if (name.find(' ') == std::string_view::npos && IsOrganizationWord(name)) {
    return EntityType::kOrganization;
  }
  std::optional<EntityType> type;
  ForProperSenses(name, [&](const NounSense& sense) {
    type = SenseType(sense);
    return !type.has_value();
  });
  if (type) return type;
  if (name.find(' ') == std::string_view::npos) return std::nullopt;
  std::string last = LastWord(name);
  if (IsEventLastWord(last) ||
      IsEventFirstWord(name.substr(0, name.find(' ')))) {
    return EntityType::kEvent;
  }
  if (IsOrganizationWord(last)) return EntityType::kOrganization;
  if (IsLocationWord(last)) return EntityType::kLocation;
  // "Imperial College London", "Bank of England": an organisation word
  // anywhere in the name.
  for (size_t i = 0; i < name.size();) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    if (IsOrganizationWord(name.substr(i, j - i))) {
      return EntityType::kOrganization;
    }
    i = j + 1;
  }
  // "Mount Apo", "Lake Taal", "Fort Lee": a place word that leads a name.
  {
    std::string first = LowerWordKey(name.substr(0, name.find(' ')));
    if (first == "mount" || first == "mt." || first == "lake" ||
        first == "cape" || first == "fort" || first == "isle") {
      return EntityType::kLocation;
    }
  }
  // "Port of Marenport", "Gulf of Finland": the head before "of" names the
  // kind of place.
  if (size_t of = name.find(" of "); of != std::string_view::npos) {
    if (IsLocationWord(LastWord(name.substr(0, of)))) {
      return EntityType::kLocation;
    }
  }
  // "South Caucasus", "Greater Moscow": a known place or organisation as the
  // last word, after a capitalised modifier.
  std::optional<EntityType> last_type;
  ForProperSenses(last, [&](const NounSense& sense) {
    last_type = SenseType(sense);
    return !last_type.has_value();
  });
  if (last_type == EntityType::kLocation ||
      last_type == EntityType::kOrganization) {
    return last_type;
  }
  return std::nullopt;
}

std::string WordNetCanonical(std::string_view name,
                             std::optional<EntityType> type) {
  // A sense headed by the name itself keeps the name ("Russia" is the head of
  // "Russia, Russian Federation", not of its "Soviet Union" sense); else the
  // head of the first compatible sense ("NATO" → "North Atlantic Treaty
  // Organization").
  std::string first_head;
  std::string lname = LowerWordKey(name);
  ForProperSenses(name, [&](const NounSense& sense) {
    std::optional<EntityType> t = SenseType(sense);
    if (!t || (type && *type != *t)) return true;
    if (LowerWordKey(sense.synonyms.front()) == lname) {
      first_head = sense.synonyms.front();
      return false;
    }
    if (first_head.empty()) first_head = sense.synonyms.front();
    return true;
  });
  return first_head;
}

std::string DemonymPlace(std::string_view adjective) {
  if (adjective.empty() ||
      !std::isupper(static_cast<unsigned char>(adjective[0]))) {
    return "";
  }
  std::string place = wordnet::Pertainym(adjective);
  if (place.empty() || TypeOfName(place) != EntityType::kLocation) return "";
  return place;
}

}  // namespace kg
