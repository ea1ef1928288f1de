// Reading the CaRB gold and prediction files and keying their sentences.
#include "ingest/carb.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace kg {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

std::string_view Strip(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t tab = s.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, tab - start));
    start = tab + 1;
  }
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

bool IsAsciiPunct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
         (c >= 123 && c <= 126);
}

// Groups (raw sentence, tuple) pairs by raw sentence, then re-keys them by the
// normalised key; a later raw sentence with the same key replaces the earlier.
class Grouper {
 public:
  void Add(std::string raw, OieTuple tuple) {
    auto [it, inserted] = index_.emplace(raw, raw_.size());
    if (inserted) {
      raw_.push_back(std::move(raw));
      groups_.emplace_back();
    }
    groups_[it->second].push_back(std::move(tuple));
  }
  CarbSet Finish() {
    CarbSet set;
    std::unordered_map<std::string, size_t> by_key;
    for (size_t i = 0; i < raw_.size(); ++i) {
      std::string key = CarbSentenceKey(raw_[i]);
      auto [it, inserted] = by_key.emplace(key, set.keys.size());
      if (inserted) {
        set.keys.push_back(std::move(key));
        set.tuples.push_back(std::move(groups_[i]));
      } else {
        set.tuples[it->second] = std::move(groups_[i]);
      }
    }
    return set;
  }

 private:
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string> raw_;
  std::vector<std::vector<OieTuple>> groups_;
};

StatusOr<std::string> Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": read error");
  return ss.str();
}

template <typename LineFn>
Status ForEachLine(std::string_view text, LineFn fn) {
  size_t start = 0, line_no = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_no;
    std::string_view line = Strip(text.substr(start, nl - start));
    start = nl + 1;
    if (line.empty()) continue;
    Status s = fn(line, line_no);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

int CarbSet::Find(const std::string& key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

std::string CarbSentenceKey(std::string_view sentence) {
  std::string s;
  s.reserve(sentence.size());
  for (char c : sentence)
    if (c != ' ') s.push_back(c);
  static constexpr std::pair<std::string_view, std::string_view> kEscapes[] = {
      {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
      {"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"}};
  for (const auto& [escaped, plain] : kEscapes) ReplaceAll(s, escaped, plain);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (!IsAsciiPunct(static_cast<unsigned char>(c))) out.push_back(c);
  return out;
}

StatusOr<CarbSet> ParseCarbGold(std::string_view text,
                                const std::string& name) {
  Grouper grouper;
  Status s = ForEachLine(text, [&](std::string_view line, size_t line_no) {
    auto fields = SplitTabs(line);
    if (fields.size() < 2)
      return Status::InvalidArgument(
          name + ":" + std::to_string(line_no) +
          ": expected SENTENCE<TAB>RELATION<TAB>ARGS");
    OieTuple t;
    t.relation = std::string(Strip(fields[1]));
    for (size_t i = 2; i < fields.size(); ++i) {
      if (fields[i].find("C: ") != std::string_view::npos) continue;
      t.args.emplace_back(Strip(fields[i]));
    }
    grouper.Add(std::string(Strip(fields[0])), std::move(t));
    return Status::OK();
  });
  if (!s.ok()) return s;
  return grouper.Finish();
}

StatusOr<CarbSet> ParseCarbPredictions(std::string_view text,
                                       const std::string& name) {
  Grouper grouper;
  Status s = ForEachLine(text, [&](std::string_view line, size_t line_no) {
    auto fields = SplitTabs(line);
    std::string where = name + ":" + std::to_string(line_no);
    if (fields.size() < 3)
      return Status::InvalidArgument(
          where + ": expected SENTENCE<TAB>CONFIDENCE<TAB>RELATION<TAB>ARGS");
    OieTuple t;
    std::string conf(Strip(fields[1]));
    char* end = nullptr;
    t.confidence = std::strtod(conf.c_str(), &end);
    if (conf.empty() || end != conf.c_str() + conf.size())
      return Status::InvalidArgument(where + ": bad confidence '" + conf + "'");
    t.relation = std::string(fields[2]);
    for (size_t i = 3; i < fields.size(); ++i) t.args.emplace_back(fields[i]);
    grouper.Add(std::string(fields[0]), std::move(t));
    return Status::OK();
  });
  if (!s.ok()) return s;
  return grouper.Finish();
}

StatusOr<CarbSet> ReadCarbGold(const std::string& path) {
  auto text = Slurp(path);
  if (!text.ok()) return text.status();
  return ParseCarbGold(*text, path);
}

StatusOr<CarbSet> ReadCarbPredictions(const std::string& path) {
  auto text = Slurp(path);
  if (!text.ok()) return text.status();
  return ParseCarbPredictions(*text, path);
}

}  // namespace kg
