#include "ingest/wordnet_index.h"

#include <wn.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "ingest/perceptron_hash.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

constexpr const char* kPosNames[4] = {"noun", "verb", "adj", "adv"};
constexpr uint8_t kNoClass = 255;

// morphy(7WN)'s detachment rules: suffix → replacement, tried in order.
struct Rule {
  std::string_view suffix, ending;
};
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},
                               {"zes", "z"},   {"ches", "ch"}, {"shes", "sh"},
                               {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},    {"ies", "y"}, {"es", "e"},
                               {"es", ""},   {"ed", "e"},  {"ed", ""},
                               {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjectiveRules[] = {
    {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

std::pair<const Rule*, const Rule*> Rules(int p) {
  switch (p) {
    case 0:
      return {std::begin(kNounRules), std::end(kNounRules)};
    case 1:
      return {std::begin(kVerbRules), std::end(kVerbRules)};
    case 2:
      return {std::begin(kAdjectiveRules), std::end(kAdjectiveRules)};
    default:
      return {nullptr, nullptr};
  }
}

// Lower-cased, spaces as underscores: the form of WordNet's files.
std::string Normal(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c == ' ') c = '_';
  }
  return out;
}

Status ReadFile(const std::string& path, std::string* out) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"),
                                          &std::fclose);
  if (!f) return Status::NotFound("cannot open " + path);
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) out->append(buf, n);
  if (std::ferror(f.get())) return Status::IOError("cannot read " + path);
  return Status::OK();
}

// Calls fn(fields) for every line that is not part of the licence header
// (those start with a space).
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  std::vector<std::string_view> fields;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? "" : text.substr(end + 1);
    if (line.empty() || line[0] == ' ') continue;
    fields.clear();
    while (!line.empty()) {
      size_t sp = line.find(' ');
      if (sp != 0) fields.push_back(line.substr(0, sp));
      line = sp == std::string_view::npos ? "" : line.substr(sp + 1);
    }
    if (!fields.empty()) fn(fields);
  }
}

bool ParseNumber(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 12) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint64_t(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

const WordNetIndex& WordNetIndex::Get() {
  static const WordNetIndex* index = new WordNetIndex(wordnet::Directory());
  return *index;
}

WordNetIndex::WordNetIndex(const std::string& dir) {
  status_ = Load(dir);
  if (!status_.ok()) {
    for (Pos& p : pos_) p = Pos();
    noun_class_.clear();
  }
}

Status WordNetIndex::Load(const std::string& dir) {
  for (int i = 0; i <= MAXFNUM; ++i)
    class_names_.push_back(lexfiles[i] ? lexfiles[i] : "");
  std::string data_noun, text;
  if (!ReadFile(dir + "/data.noun", &data_noun).ok())
    return Status::NotFound("WordNet database not found in " + dir +
                            " (install wordnet-base or set WNSEARCHDIR)");
  // The lexicographer file of the synset at `offset` of data.noun: each line
  // starts "OFFSET(8 digits) LEX_FILENUM(2 digits) ...".
  auto noun_class = [&](uint64_t offset) -> uint8_t {
    if (offset + 11 > data_noun.size() || data_noun[offset + 8] != ' ')
      return kNoClass;
    uint64_t fnum = 0;
    if (!ParseNumber(std::string_view(data_noun).substr(offset + 9, 2), &fnum))
      return kNoClass;
    return fnum < class_names_.size() ? uint8_t(fnum) : kNoClass;
  };
  for (int p = 0; p < 4; ++p) {
    std::string path = dir + "/index." + kPosNames[p];
    if (Status r = ReadFile(path, &text); !r.ok()) return r;
    std::vector<std::pair<uint64_t, uint8_t>> entries;
    ForEachLine(text, [&](const std::vector<std::string_view>& f) {
      uint8_t cls = kNoClass;
      uint64_t pointers = 0, offset = 0;
      // lemma pos synset_cnt p_cnt ptr_symbol{p_cnt} sense_cnt tagsense_cnt
      // synset_offset...
      if (p == 0 && f.size() > 3 && ParseNumber(f[3], &pointers) &&
          f.size() > 6 + pointers && ParseNumber(f[6 + pointers], &offset))
        cls = noun_class(offset);
      entries.emplace_back(HashString(f[0]), cls);
    });
    if (entries.empty()) return Status::Corruption(path + " has no words");
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const auto& a, const auto& b) {
                                return a.first == b.first;
                              }),
                  entries.end());
    for (const auto& [hash, cls] : entries) {
      pos_[p].words.push_back(hash);
      if (p == 0) noun_class_.push_back(cls);
    }
    // "inflected base [base...]"; a missing list only loses the exceptions.
    if (ReadFile(dir + "/" + kPosNames[p] + ".exc", &text).ok()) {
      ForEachLine(text, [&](const std::vector<std::string_view>& f) {
        for (size_t i = 1; i < f.size(); ++i)
          pos_[p].exceptions.emplace_back(HashString(f[0]), HashString(f[i]));
      });
      std::stable_sort(
          pos_[p].exceptions.begin(), pos_[p].exceptions.end(),
          [](const auto& a, const auto& b) { return a.first < b.first; });
    }
  }
  return Status::OK();
}

int64_t WordNetIndex::Find(int p, uint64_t hash) const {
  const std::vector<uint64_t>& w = pos_[p].words;
  auto it = std::lower_bound(w.begin(), w.end(), hash);
  return it != w.end() && *it == hash ? int64_t(it - w.begin()) : -1;
}

int64_t WordNetIndex::Resolve(int p, const std::string& lower) const {
  if (lower.empty()) return -1;
  const uint64_t hash = HashString(lower);
  if (int64_t i = Find(p, hash); i >= 0) return i;
  const auto& exc = pos_[p].exceptions;
  auto it = std::lower_bound(exc.begin(), exc.end(), hash,
                             [](const std::pair<uint64_t, uint64_t>& e,
                                uint64_t h) { return e.first < h; });
  for (; it != exc.end() && it->first == hash; ++it)
    if (int64_t i = Find(p, it->second); i >= 0) return i;
  auto [rule, end] = Rules(p);
  std::string base;
  for (; rule != end; ++rule) {
    if (lower.size() <= rule->suffix.size() ||
        lower.compare(lower.size() - rule->suffix.size(), rule->suffix.size(),
                      rule->suffix) != 0)
      continue;
    base.assign(lower, 0, lower.size() - rule->suffix.size());
    base.append(rule->ending);
    if (int64_t i = Find(p, HashString(base)); i >= 0) return i;
  }
  return -1;
}

int WordNetIndex::PartsOfSpeech(std::string_view word) const {
  const std::string lower = Normal(word);
  int mask = 0;
  for (int p = 0; p < 4; ++p)
    if (Resolve(p, lower) >= 0) mask |= 1 << p;
  return mask;
}

std::string_view WordNetIndex::NounClass(std::string_view word) const {
  int64_t i = Resolve(0, Normal(word));
  if (i < 0 || noun_class_[size_t(i)] == kNoClass) return {};
  return class_names_[noun_class_[size_t(i)]];
}

size_t WordNetIndex::size() const {
  size_t n = 0;
  for (const Pos& p : pos_) n += p.words.size();
  return n;
}

}  // namespace kg
