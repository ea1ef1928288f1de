#include "ingest/tokenizer_lexicon.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace kg::lexicon {
namespace {

// Sorted tables searched with std::binary_search (no static constructors).
template <size_t N>
bool In(const std::array<std::string_view, N>& table, std::string_view w) {
  return std::binary_search(table.begin(), table.end(), w);
}

constexpr std::array<std::string_view, 44> kTitles = {
    "Adm", "Apr", "Aug",  "Capt", "Cmdr",   "Col",  "Cpl",  "Dec", "Dr",
    "Feb", "Fig", "Fr",   "Ft",   "Gen",    "Gov",  "Hon",  "Jan", "Jul",
    "Jun", "Lt",  "Maj",  "Mar",  "Messrs", "Mr",   "Mrs",  "Ms",  "Mt",
    "No",  "Nov", "Nr",   "Oct",  "Op",     "Pres", "Prof", "Rep", "Rev",
    "Sen", "Sep", "Sept", "Sgt",  "St",     "Vol",  "no",   "vs"};

constexpr std::array<std::string_view, 33> kOtherAbbreviations = {
    "Ave", "Blvd", "Bros", "Co",     "Corp", "Dept", "Est", "Inc", "Jr",
    "Ltd", "Mass", "Mich", "Nos",    "Pa",   "Pty",  "Rd",  "Sr",  "Univ",
    "Va",  "Wash", "al",   "approx", "cf",   "dept", "est", "etc", "ext",
    "fig", "inc",  "ltd",  "op",     "pp",   "vol"};

constexpr std::array<std::string_view, 34> kHyphenPrefixes = {
    "ante",  "anti", "bi",    "co",    "counter", "cross",  "de",
    "e",     "ex",   "extra", "hyper", "infra",   "inter",  "intra",
    "macro", "mega", "micro", "mid",   "mini",    "multi",  "neo",
    "non",   "over", "post",  "pre",   "pro",     "pseudo", "re",
    "semi",  "sub",  "super", "trans", "ultra",   "un"};

constexpr std::array<std::string_view, 41> kDomains = {
    "au", "ca",  "co",   "com", "csv",  "de",   "doc",  "docx", "edu",
    "eu", "exe", "fr",   "gif", "gov",  "htm",  "html", "info", "int",
    "io", "jp",  "jpeg", "jpg", "json", "mil",  "mp3",  "mp4",  "net",
    "nz", "org", "pdf",  "png", "ppt",  "pptx", "ru",   "txt",  "uk",
    "us", "xls", "xlsx", "xml", "zip"};

constexpr std::array<std::string_view, 58> kStarters = {
    "A",       "According", "After",     "Also",  "An",    "And",     "As",
    "At",      "Before",    "Both",      "But",   "By",    "Despite", "During",
    "Each",    "Earlier",   "For",       "From",  "He",    "Her",     "His",
    "However", "I",         "If",        "In",    "It",    "Its",     "Last",
    "Later",   "Many",      "Meanwhile", "More",  "Most",  "No",      "On",
    "One",     "Other",     "Our",       "She",   "Since", "Some",    "That",
    "The",     "Their",     "There",     "These", "They",  "This",    "Those",
    "Thus",    "To",        "Two",       "Under", "We",    "What",    "When",
    "While",   "You"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower((unsigned char)c));
  return out;
}

}  // namespace

char32_t Decode(std::string_view s, size_t i, int* len) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms (C1 9F for '_'), surrogates and values past U+10FFFF are
  // ill-formed: one invalid byte, never the ASCII character they imitate.
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return cp;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

bool IsNewline(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }

bool IsPunct(char32_t c) {
  if (c < 0x80) return std::ispunct(static_cast<int>(c)) != 0;
  if (c >= 0x2010 && c <= 0x2027) return true;  // dashes, quotes, bullets, …
  if (c >= 0x2030 && c <= 0x205E) return true;  // ‰ ′ ″ ‹ › ⁄ ...
  if (c >= 0x20A0 && c <= 0x20CF) return true;  // currency signs (€)
  if (c >= 0x3000 && c <= 0x303F) return true;  // CJK punctuation
  switch (c) {
    case 0xA1:
    case 0xA2:
    case 0xA3:
    case 0xA4:
    case 0xA5:
    case 0xA6:
    case 0xA7:
    case 0xA9:
    case 0xAB:
    case 0xAE:
    case 0xB0:
    case 0xB1:
    case 0xB6:
    case 0xB7:
    case 0xBB:
    case 0xBF:
    case 0xD7:
    case 0xF7:
    case 0x2122:
    case 0x2212:
    case 0xFF0C:
    case 0xFF01:
    case 0xFF1F:
      return true;
    default:
      return false;
  }
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // Latin Extended-A pairs
  if (c >= 0x391 && c <= 0x3AB) return true;        // Greek capitals
  if (c >= 0x400 && c <= 0x42F) return true;        // Cyrillic capitals
  return false;
}

bool IsAbbreviation(std::string_view w) {
  return In(kTitles, w) || In(kOtherAbbreviations, w);
}
bool IsTitleAbbreviation(std::string_view w) { return In(kTitles, w); }
bool IsHyphenPrefix(std::string_view p) {
  return p.size() <= 8 && In(kHyphenPrefixes, Lower(p));
}
bool IsDomainSuffix(std::string_view s) {
  return s.size() <= 4 && In(kDomains, Lower(s));
}
bool IsSentenceStarter(std::string_view w) { return In(kStarters, w); }

}  // namespace kg::lexicon
