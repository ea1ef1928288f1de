#include "ingest/conllu.h"

#include <charconv>
#include <fstream>
#include <string_view>

namespace kg {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      return cols;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseInt(std::string_view s, int* v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool NoSpaceAfter(std::string_view misc) {
  size_t pos = 0;
  while (pos <= misc.size()) {
    size_t bar = misc.find('|', pos);
    if (bar == std::string_view::npos) bar = misc.size();
    if (misc.substr(pos, bar - pos) == "SpaceAfter=No") return true;
    pos = bar + 1;
  }
  return false;
}

std::string Field(std::string_view v) {
  return v == "_" ? std::string() : std::string(v);
}

// Token spans inside the sentence text, where each word is found in order.
void LocateTokens(Sentence* s) {
  size_t cursor = 0;
  for (Token& t : s->tokens) {
    size_t at = s->text.find(t.form, cursor);
    if (t.form.empty() || at == std::string::npos) continue;
    t.begin = uint32_t(at);
    t.end = uint32_t(at + t.form.size());
    cursor = t.end;
  }
  s->begin = 0;
  s->end = uint32_t(s->text.size());
}

Status FinishSentence(Sentence* s, const std::string& name, int line) {
  int n = int(s->tokens.size());
  for (const Token& t : s->tokens)
    if (t.head < -1 || t.head > n)
      return Status::InvalidArgument(name + ":" + std::to_string(line) +
                                     ": head " + std::to_string(t.head) +
                                     " outside the sentence of " +
                                     std::to_string(n) + " words");
  if (!s->text.empty()) LocateTokens(s);
  return Status::OK();
}

}  // namespace

StatusOr<std::vector<Sentence>> ReadConllu(std::istream& in,
                                           const std::string& name) {
  std::vector<Sentence> out;
  Sentence cur;
  std::string line;
  int lineno = 0;
  int range_end = 0;
  bool range_no_space = false;
  auto error = [&](const std::string& what) {
    return Status::InvalidArgument(name + ":" + std::to_string(lineno) + ": " +
                                   what);
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!cur.tokens.empty()) {
        KG_RETURN_IF_ERROR(FinishSentence(&cur, name, lineno));
        out.push_back(std::move(cur));
      }
      cur = Sentence();
      range_end = 0;
      continue;
    }
    if (line[0] == '#') {
      std::string_view c(line);
      if (c.rfind("# text = ", 0) == 0) cur.text = std::string(c.substr(9));
      continue;
    }
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() != 10)
      return error("expected 10 tab-separated columns, found " +
                   std::to_string(cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string_view::npos) {
      if (!ParseInt(id.substr(dash + 1), &range_end))
        return error("bad multiword token range '" + std::string(id) + "'");
      range_no_space = NoSpaceAfter(cols[9]);
      continue;
    }
    int num = 0;
    if (!ParseInt(id, &num) || num != int(cur.tokens.size()) + 1)
      return error("word id '" + std::string(id) + "' where " +
                   std::to_string(cur.tokens.size() + 1) + " was expected");
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = Field(cols[2]);
    t.upos = Field(cols[3]);
    t.xpos = Field(cols[4]);
    if (cols[6] == "_") {
      t.head = -1;
    } else if (!ParseInt(cols[6], &t.head)) {
      return error("bad head '" + std::string(cols[6]) + "'");
    }
    t.deprel = Field(cols[7]);
    t.space_after = !NoSpaceAfter(cols[9]);
    if (num <= range_end)
      t.space_after = num == range_end ? !range_no_space : false;
    cur.tokens.push_back(std::move(t));
  }
  if (in.bad()) return Status::IOError(name + ": read failed");
  if (!cur.tokens.empty()) {
    KG_RETURN_IF_ERROR(FinishSentence(&cur, name, lineno));
    out.push_back(std::move(cur));
  }
  return out;
}

StatusOr<std::vector<Sentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  return ReadConllu(in, path);
}

void WriteConllu(const Sentence& s, std::ostream& out) {
  if (!s.text.empty()) out << "# text = " << s.text << "\n";
  auto f = [](const std::string& v) -> const std::string& {
    static const std::string kBlank = "_";
    return v.empty() ? kBlank : v;
  };
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    out << i + 1 << '\t' << f(t.form) << '\t' << f(t.lemma) << '\t' << f(t.upos)
        << '\t' << f(t.xpos) << "\t_\t";
    if (t.head < 0)
      out << '_';
    else
      out << t.head;
    out << '\t' << f(t.deprel) << "\t_\t"
        << (t.space_after ? "_" : "SpaceAfter=No") << '\n';
  }
  out << '\n';
}

}  // namespace kg
