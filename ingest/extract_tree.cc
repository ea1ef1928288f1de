#include "ingest/extract_tree.h"

#include <algorithm>
#include <cctype>

namespace kg {

DepTree::DepTree(const Sentence& s) : s_(s) {
  const int n = size();
  heads_.assign(n, -1);
  children_.assign(n, {});
  for (int i = 0; i < n; ++i) {
    int h = s.tokens[i].head;
    if (h < 0 || h > n || h == i + 1) {
      parsed_ = false;
      continue;
    }
    heads_[i] = h - 1;
    if (h > 0) children_[h - 1].push_back(i);
  }
  // A cycle would make subtree walks loop: check that every token reaches
  // the root.
  for (int i = 0; i < n && parsed_; ++i) {
    int steps = 0;
    for (int j = i; j >= 0 && parsed_; j = heads_[j])
      if (++steps > n + 1) parsed_ = false;
  }
}

std::string_view DepTree::base(int i) const {
  std::string_view r = rel(i);
  size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

bool DepTree::IsAny(int i, std::initializer_list<std::string_view> rels) const {
  for (std::string_view r : rels)
    if (rel(i) == r) return true;
  return false;
}

std::vector<int> DepTree::Children(
    int i, std::initializer_list<std::string_view> rels) const {
  std::vector<int> out;
  for (int c : children_[i])
    if (IsAny(c, rels)) out.push_back(c);
  return out;
}

int DepTree::Child(int i, std::initializer_list<std::string_view> rels) const {
  for (int c : children_[i])
    if (IsAny(c, rels)) return c;
  return -1;
}

std::string DepTree::Lower(int i) const {
  std::string out = form(i);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool DepTree::IsNominal(int i) const {
  const std::string& u = upos(i);
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" ||
         u == "SYM";
}

bool DepTree::IsVerb(int i) const {
  if (upos(i) == "VERB") return true;
  return upos(i) == "AUX" && base(i) != "aux" && base(i) != "cop";
}

bool DepTree::IsPunct(int i) const {
  if (!upos(i).empty()) return upos(i) == "PUNCT" || base(i) == "punct";
  for (unsigned char c : form(i))
    if (std::isalnum(c) || c >= 0x80 || c == '$' || c == '%') return false;
  return true;
}

std::vector<int> DepTree::Subtree(
    int root, const std::function<bool(int, int)>& cut) const {
  std::vector<int> out, stack{root};
  while (!stack.empty()) {
    int p = stack.back();
    stack.pop_back();
    out.push_back(p);
    for (int c : children_[p])
      if (!cut(p, c)) stack.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// The closing partner of an opening quote or bracket, or "".
std::string_view Closer(std::string_view f) {
  if (f == "``") return "''";
  if (f == "`") return "'";
  if (f == "-LRB-" || f == "(") return f == "(" ? ")" : "-RRB-";
  if (f == "-LSB-" || f == "[") return f == "[" ? "]" : "-RSB-";
  if (f == "\"") return "\"";
  return "";
}

}  // namespace

std::vector<int> DepTree::Trim(std::vector<int> t) const {
  // Completes a quotation or bracket the argument opens and the sentence
  // closes right after it.
  if (!t.empty()) {
    int opened = -1;
    for (int i : t)
      if (!Closer(form(i)).empty()) opened = i;
    if (opened >= 0) {
      std::string_view closer = Closer(form(opened));
      bool closed = false;
      for (int i : t)
        if (i > opened && form(i) == closer) closed = true;
      int next = t.back() + 1;
      if (!closed && next < size() && form(next) == closer) t.push_back(next);
    }
  }
  auto balanced_pair = [&](int open) {
    std::string_view closer = Closer(form(open));
    if (closer.empty()) return false;
    for (int i : t)
      if (i > open && form(i) == closer) return true;
    return false;
  };
  auto edge = [&](int i, bool front) {
    if (front && balanced_pair(i)) return false;
    if (!front) {
      for (int j : t)
        if (j < i && !Closer(form(j)).empty() && Closer(form(j)) == form(i) &&
            form(j) != form(i))
          return false;
    }
    const std::string& f = form(i);
    if (f == "-LRB-" || f == "-RRB-" || f == "-LSB-" || f == "-RSB-")
      return true;
    return IsPunct(i) || base(i) == "cc";
  };
  while (!t.empty() && edge(t.back(), false)) t.pop_back();
  size_t k = 0;
  while (k < t.size() && edge(t[k], true)) ++k;
  t.erase(t.begin(), t.begin() + static_cast<long>(k));
  return t;
}

}  // namespace kg
