#include "ingest/entity_phrases.h"

#include <algorithm>
#include <cctype>

#include "ingest/entity_types.h"

namespace kg {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::vector<int>> Children(const Sentence& s) {
  std::vector<std::vector<int>> children(s.tokens.size());
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    int h = s.tokens[i].head - 1;
    if (h >= 0 && h < static_cast<int>(s.tokens.size())) {
      children[h].push_back(static_cast<int>(i));
    }
  }
  return children;
}

void SubtreeRange(const std::vector<std::vector<int>>& children, int t, int* lo,
                  int* hi, int depth = 0) {
  *lo = std::min(*lo, t);
  *hi = std::max(*hi, t);
  if (depth > 50) return;  // malformed trees
  for (int c : children[t]) SubtreeRange(children, c, lo, hi, depth + 1);
}

bool IsNmod(const std::string& deprel) {
  return deprel == "nmod" || deprel.rfind("nmod:", 0) == 0
             ? deprel != "nmod:poss" && deprel != "nmod:tmod"
             : false;
}

bool DropAtStart(const Token& t) {
  if (t.upos == "DET" || t.upos == "PUNCT" || t.upos == "CCONJ") return true;
  return t.upos == "PRON" && t.deprel == "nmod:poss";
}

}  // namespace

std::string ConceptPhrase(const Sentence& sentence, int head,
                          const std::vector<bool>& keep_modifier,
                          size_t max_tokens) {
  const auto& t = sentence.tokens;
  if (head < 0 || head >= static_cast<int>(t.size()) ||
      t[head].upos != "NOUN") {
    return "";
  }
  auto children = Children(sentence);
  int lo = head, hi = head;
  for (int c : children[head]) {
    if (c > head) continue;
    const std::string& rel = t[c].deprel;
    if (rel == "amod" || rel == "compound" || rel == "nummod" ||
        rel == "nmod:poss" || rel == "flat") {
      int a = c, b = c;
      SubtreeRange(children, c, &a, &b);
      lo = std::min(lo, a);
    }
  }
  for (int c : children[head]) {
    if (c < head || !IsNmod(t[c].deprel)) continue;
    int a = c, b = c;
    SubtreeRange(children, c, &a, &b);
    bool keep = false;
    for (int k = a; k <= b; ++k) keep |= keep_modifier[k];
    if (keep && static_cast<size_t>(b - lo + 1) <= max_tokens) {
      hi = std::max(hi, b);
    }
  }
  while (lo < head && DropAtStart(t[lo])) ++lo;
  std::string out;
  for (int i = lo; i <= hi; ++i) {
    if (i > lo && t[i - 1].space_after) out += ' ';
    out += t[i].form;
  }
  while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back()))) {
    out.pop_back();
  }
  // Only a sentence's first word owes its capital to its position.
  if (!out.empty() && lo == 0 && t[lo].upos != "PROPN" &&
      DemonymPlace(t[lo].form).empty()) {
    out[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

std::vector<NominalLink> NominalLinks(const Sentence& sentence) {
  const auto& t = sentence.tokens;
  auto children = Children(sentence);
  std::vector<NominalLink> out;
  for (size_t n = 0; n < t.size(); ++n) {
    if (t[n].upos != "NOUN" ||
        std::isupper(static_cast<unsigned char>(t[n].form[0]))) {
      continue;  // capitalised nouns belong to names and titles
    }
    for (int c : children[n]) {
      if (!IsNmod(t[c].deprel)) continue;
      std::string prep;
      for (int k : children[c]) {
        if (t[k].deprel != "case" || k > c) continue;
        if (!prep.empty()) prep += ' ';
        prep += Lower(t[k].form);
      }
      if (prep.empty()) continue;
      out.push_back({static_cast<int>(n), prep, c});
      for (int k : children[c]) {
        if (t[k].deprel == "conj")
          out.push_back({static_cast<int>(n), prep, k});
      }
    }
  }
  return out;
}

}  // namespace kg
