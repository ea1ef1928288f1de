#include "ingest/entity_names.h"

#include <cctype>
#include <optional>

#include "ingest/entity_types.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) && c != '.') return false;
  }
  return true;
}

bool IsPlacePrefix(std::string_view w) {
  static const char* kPrefixes[] = {
      "north",   "south",         "east",    "west",  "northern", "southern",
      "eastern", "western",       "central", "upper", "lower",    "new",
      "great",   "greater",       "united",  "saint", "st",       "san",
      "santa",   "los",           "las",     "el",    "al",       "mount",
      "lake",    "cape",          "port",    "fort",  "royal",    "national",
      "federal", "international", "global",  "world", "european", "american",
      "asian",   "african"};
  std::string l = Lower(w);
  for (const char* p : kPrefixes) {
    if (l == p) return true;
  }
  return false;
}

bool IsCommonWord(const std::string& w) {
  std::string l = Lower(w);
  for (PartOfSpeech pos : {PartOfSpeech::kNoun, PartOfSpeech::kVerb,
                           PartOfSpeech::kAdjective, PartOfSpeech::kAdverb}) {
    if (!wordnet::Contains(l, pos)) continue;
    // Known only as a proper noun ("Elizabeth", "Paris") is not common.
    if (pos != PartOfSpeech::kNoun) return true;
    std::string base = wordnet::Lemma(l, PartOfSpeech::kNoun);
    auto senses = wordnet::NounSenses(base);
    for (const NounSense& sense : *senses) {
      for (const std::string& member : sense.synonyms) {
        if (member == base) return true;
      }
    }
  }
  return false;
}

bool LooksLikePersonName(std::string_view name) {
  std::vector<std::string> words = Words(name);
  if (words.size() < 2 || words.size() > 4) return false;
  // A common first word is a given name only before an uncommon surname:
  // "Don Blankenship", not "Google Play" or "Protection Units".
  if (IsPlacePrefix(words.front()) ||
      (IsCommonWord(words.front()) &&
       (words.size() > 2 || IsCommonWord(words.back())))) {
    return false;
  }
  for (const std::string& w : words) {
    if (w.empty() || IsAcronym(w)) return false;
    auto c0 = static_cast<unsigned char>(w[0]);
    if (c0 < 0x80 && !std::isupper(c0)) return false;
    for (unsigned char c : w) {
      if (c < 0x80 && !std::isalpha(c) && c != '-' && c != '.' && c != '\'') {
        return false;
      }
    }
    if (!DemonymPlace(w).empty()) return false;
  }
  // A known place or organisation in the name rules it out when it is the
  // last word or the last word is common ("Baltimore Sun", "Mindanao
  // Fault"), not when a given name happens to be a place ("Nancy Pelosi").
  bool common_last = IsCommonWord(words.back());
  for (size_t i = 0; i < words.size(); ++i) {
    std::optional<EntityType> t = TypeOfName(words[i]);
    if (t && *t != EntityType::kPerson &&
        (i + 1 == words.size() || common_last)) {
      return false;
    }
  }
  return true;
}

std::string Initials(std::string_view name) {
  std::vector<std::string> words = Words(name);
  if (words.size() < 2) return "";
  std::string out;
  for (const std::string& w : words) {
    std::string l = Lower(w);
    if (l == "of" || l == "the" || l == "and" || l == "for" || l == "de" ||
        l == "&") {
      continue;
    }
    out.push_back(
        static_cast<char>(std::toupper(static_cast<unsigned char>(w[0]))));
  }
  return out;
}

}  // namespace kg
