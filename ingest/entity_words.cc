#include "ingest/entity_words.h"

#include <cctype>
#include <string>
#include <unordered_set>

namespace kg {

std::string LowerWordKey(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

namespace {


bool In(const std::unordered_set<std::string>& set, std::string_view word) {
  return set.count(LowerWordKey(word)) > 0;
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
bool EventFirstWord(std::string_view w) {
  static const auto* s = new std::unordered_set<std::string>{
      "hurricane", "typhoon", "cyclone", "storm", "tropical", "operation"};
  return In(*s, w);
}
bool EventLastWord(std::string_view w) {
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
                                                             "council",
                                                             "chamber"};
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
  std::string w = LowerWordKey(word);
  return w == "he" || w == "she" || w == "him" || w == "his" || w == "her" ||
         w == "hers" || w == "himself" || w == "herself";
}

bool IsThingPronoun(std::string_view word) {
  std::string w = LowerWordKey(word);
  return w == "it" || w == "its" || w == "itself";
}

bool IsEventFirstWord(std::string_view w) { return EventFirstWord(w); }
bool IsEventLastWord(std::string_view w) { return EventLastWord(w); }

}  // namespace kg
