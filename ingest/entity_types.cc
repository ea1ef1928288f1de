#include "ingest/entity_types.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "ingest/wordnet.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool In(const std::unordered_set<std::string>& set, std::string_view word) {
  return set.count(Lower(word)) > 0;
}

const std::unordered_set<std::string>& TitleWords() {
  static const auto* s = new std::unordered_set<std::string>{"president",
                                                             "minister",
                                                             "secretary",
                                                             "chancellor",
                                                             "senator",
                                                             "governor",
                                                             "mayor",
                                                             "king",
                                                             "queen",
                                                             "prince",
                                                             "princess",
                                                             "pope",
                                                             "ambassador",
                                                             "spokesman",
                                                             "spokeswoman",
                                                             "spokesperson",
                                                             "chairman",
                                                             "chairwoman",
                                                             "chairperson",
                                                             "director",
                                                             "judge",
                                                             "commissioner",
                                                             "premier",
                                                             "leader",
                                                             "mr",
                                                             "mrs",
                                                             "ms",
                                                             "dr",
                                                             "sir",
                                                             "lord",
                                                             "lady",
                                                             "captain",
                                                             "colonel",
                                                             "lieutenant",
                                                             "sergeant",
                                                             "admiral",
                                                             "sen",
                                                             "rep",
                                                             "gov",
                                                             "representative",
                                                             "congressman",
                                                             "congresswoman",
                                                             "envoy",
                                                             "emir",
                                                             "sheikh",
                                                             "archbishop",
                                                             "bishop",
                                                             "cardinal",
                                                             "chief",
                                                             "ceo",
                                                             "coach",
                                                             "manager",
                                                             "professor",
                                                             "prof",
                                                             "justice",
                                                             "attorney",
                                                             "speaker",
                                                             "officer",
                                                             "inspector",
                                                             "detective",
                                                             "marshal",
                                                             "commander",
                                                             "councillor",
                                                             "councilor",
                                                             "mp",
                                                             "lawmaker",
                                                             "candidate",
                                                             "vice-president",
                                                             "co-founder",
                                                             "founder",
                                                             "actor",
                                                             "actress",
                                                             "singer",
                                                             "rapper",
                                                             "author",
                                                             "journalist",
                                                             "reporter",
                                                             "editor",
                                                             "sultan",
                                                             "tsar",
                                                             "president-elect",
                                                             "pastor",
                                                             "rabbi",
                                                             "imam",
                                                             "general"};
  return *s;
}

// Occupations written before names as titles ("Businessman Don
// Blankenship", "Legislator Tanya Chan", "Constable Daniel Dubé").
const std::unordered_set<std::string>& OccupationWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "businessman",    "businesswoman",  "legislator",  "constable",
      "activist",       "lawyer",         "scientist",   "economist",
      "astronaut",      "analyst",        "researcher",  "physicist",
      "chemist",        "biologist",      "astronomer",  "historian",
      "novelist",       "poet",           "artist",      "musician",
      "composer",       "director",       "producer",    "comedian",
      "chef",           "athlete",        "player",      "striker",
      "goalkeeper",     "midfielder",     "defender",    "driver",
      "cyclist",        "boxer",          "wrestler",    "politician",
      "diplomat",       "broadcaster",    "anchor",      "host",
      "presenter",      "philanthropist", "billionaire", "entrepreneur",
      "mogul",          "tycoon",         "councilman",  "councilwoman",
      "assemblyman",    "assemblywoman",  "alderman",    "deputy",
      "delegate",       "nominee",        "challenger",  "incumbent",
      "superintendent", "trooper",        "agent",       "spokesman",
      "doctor",         "nurse",          "surgeon",     "professor",
      "lecturer"};
  return *s;
}

// Words that make a name an event: "Hurricane Dorian", "Gulf War",
// "Tokyo Olympics".
bool IsEventFirstWord(std::string_view w) {
  static const auto* s = new std::unordered_set<std::string>{
      "hurricane", "typhoon", "cyclone", "storm", "tropical", "operation"};
  return In(*s, w);
}
bool IsEventLastWord(std::string_view w) {
  static const auto* s = new std::unordered_set<std::string>{
      "war",        "olympics",  "games",      "championship", "championships",
      "cup",        "festival",  "summit",     "conference",   "marathon",
      "election",   "elections", "referendum", "earthquake",   "pandemic",
      "tournament", "massacre",  "revolution", "crisis",       "protests",
      "awards",     "expo",      "convention", "uprising",     "attack",
      "attacks",    "bombing",   "shooting",   "fire",         "wildfire"};
  return In(*s, w);
}

const std::unordered_set<std::string>& TitleModifiers() {
  static const auto* s = new std::unordered_set<std::string>{
      "prime",     "foreign",     "deputy",     "vice",         "acting",
      "former",    "interim",     "general",    "defence",      "defense",
      "interior",  "finance",     "chief",      "executive",    "state",
      "first",     "health",      "justice",    "education",    "economy",
      "trade",     "energy",      "senior",     "junior",       "assistant",
      "associate", "lieutenant",  "major",      "supreme",      "high",
      "head",      "emergencies", "emergency",  "regional",     "national",
      "federal",   "secretary",   "opposition", "party",        "union",
      "labour",    "labor",       "transport",  "agriculture",  "environment",
      "culture",   "sports",      "attorney",   "solicitor",    "crown",
      "grand",     "managing",    "special",    "presidential", "military",
      "police",    "press",       "election",   "rear"};
  return *s;
}

const std::unordered_set<std::string>& OrganizationWords() {
  static const auto* s = new std::unordered_set<std::string>{"ministry",
                                                             "alliance",
                                                             "council",
                                                             "party",
                                                             "university",
                                                             "committee",
                                                             "commission",
                                                             "agency",
                                                             "company",
                                                             "corporation",
                                                             "corp",
                                                             "inc",
                                                             "ltd",
                                                             "llc",
                                                             "plc",
                                                             "bank",
                                                             "association",
                                                             "federation",
                                                             "organization",
                                                             "organisation",
                                                             "institute",
                                                             "institution",
                                                             "court",
                                                             "parliament",
                                                             "assembly",
                                                             "senate",
                                                             "congress",
                                                             "department",
                                                             "office",
                                                             "army",
                                                             "navy",
                                                             "forces",
                                                             "force",
                                                             "police",
                                                             "group",
                                                             "foundation",
                                                             "fund",
                                                             "club",
                                                             "team",
                                                             "church",
                                                             "school",
                                                             "college",
                                                             "times",
                                                             "news",
                                                             "post",
                                                             "network",
                                                             "service",
                                                             "services",
                                                             "board",
                                                             "league",
                                                             "front",
                                                             "movement",
                                                             "coalition",
                                                             "government",
                                                             "administration",
                                                             "airlines",
                                                             "airways",
                                                             "airline",
                                                             "hospital",
                                                             "society",
                                                             "union",
                                                             "bureau",
                                                             "authority",
                                                             "academy",
                                                             "guard",
                                                             "brigade",
                                                             "unit",
                                                             "center",
                                                             "centre",
                                                             "cabinet",
                                                             "tribunal",
                                                             "trust",
                                                             "partners",
                                                             "holdings",
                                                             "industries",
                                                             "motors",
                                                             "media",
                                                             "press",
                                                             "radio",
                                                             "television",
                                                             "tv",
                                                             "channel",
                                                             "journal",
                                                             "herald",
                                                             "tribune",
                                                             "gazette",
                                                             "telegraph",
                                                             "guardian",
                                                             "fc",
                                                             "brothers",
                                                             "laboratory",
                                                             "laboratories",
                                                             "labs",
                                                             "systems",
                                                             "technologies",
                                                             "enterprises",
                                                             "consortium",
                                                             "secretariat",
                                                             "directorate",
                                                             "survey",
                                                             "observatory",
                                                             "command",
                                                             "corps",
                                                             "regiment",
                                                             "battalion",
                                                             "taliban",
                                                             "militia",
                                                             "nations",
                                                             "community",
                                                             "council"};
  return *s;
}

const std::unordered_set<std::string>& LocationWords() {
  static const auto* s = new std::unordered_set<std::string>{
      "city",      "river",   "mountain", "mountains",  "mount",
      "island",    "islands", "lake",     "street",     "province",
      "region",    "county",  "republic", "kingdom",    "sea",
      "ocean",     "valley",  "airport",  "square",     "park",
      "bridge",    "stadium", "bay",      "gulf",       "coast",
      "peninsula", "desert",  "state",    "states",     "territory",
      "district",  "village", "town",     "avenue",     "road",
      "highway",   "strait",  "canal",    "harbour",    "harbor",
      "port",      "beach",   "forest",   "hills",      "hill",
      "island",    "oblast",  "krai",     "prefecture", "governorate",
      "emirates",  "arena",   "palace",   "tower",      "cathedral",
      "temple",    "mosque",  "museum",   "plaza",      "station"};
  return *s;
}

// The proper senses of a name: senses with a capitalised member equal to it.
template <typename Fn>
void ForProperSenses(std::string_view name, Fn fn) {
  auto senses = wordnet::NounSenses(name);
  std::string lname = Lower(name);
  for (const NounSense& sense : *senses) {
    for (const std::string& member : sense.synonyms) {
      if (member.empty() ||
          !std::isupper(static_cast<unsigned char>(member[0]))) {
        continue;
      }
      if (Lower(member) == lname) {
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

bool IsTitleWord(std::string_view word) {
  if (In(TitleWords(), word) || In(OccupationWords(), word)) return true;
  // Plural titles before a list of names: "Senators Kamala Harris and ...".
  return word.size() > 3 && (word.back() == 's' || word.back() == 'S') &&
         In(TitleWords(), word.substr(0, word.size() - 1));
}
bool IsTitleModifier(std::string_view word) {
  return In(TitleModifiers(), word);
}
bool IsOrganizationWord(std::string_view word) {
  return In(OrganizationWords(), word);
}
bool IsLocationWord(std::string_view word) { return In(LocationWords(), word); }

bool IsPersonPronoun(std::string_view word) {
  std::string w = Lower(word);
  return w == "he" || w == "she" || w == "him" || w == "his" || w == "her" ||
         w == "hers" || w == "himself" || w == "herself";
}

bool IsThingPronoun(std::string_view word) {
  std::string w = Lower(word);
  return w == "it" || w == "its" || w == "itself";
}

std::optional<EntityType> TypeOfName(std::string_view name) {
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
  std::string lname = Lower(name);
  ForProperSenses(name, [&](const NounSense& sense) {
    std::optional<EntityType> t = SenseType(sense);
    if (!t || (type && *type != *t)) return true;
    if (Lower(sense.synonyms.front()) == lname) {
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
