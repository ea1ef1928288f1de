// Extractor: runs the clause rules over a parsed sentence and renders their
// token-level results (text, spans, lemmatised relation, confidence).
#include "ingest/extractor.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "ingest/extract_confidence.h"
#include "ingest/extract_rules.h"
#include "ingest/extract_tree.h"
#include "ingest/wordnet.h"

namespace kg {
namespace {

// Joins tokens with the sentence's own spacing; gaps become one space.
std::string Join(const DepTree& t, const std::vector<int>& tokens) {
  std::string out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (k > 0) {
      bool adjacent = tokens[k] == tokens[k - 1] + 1;
      if (!adjacent || t.tok(tokens[k - 1]).space_after) out += ' ';
    }
    out += t.form(tokens[k]);
  }
  return out;
}

Argument Render(const DepTree& t, const RawArgument& a) {
  Argument out;
  out.tokens = a.tokens;
  out.head = a.head;
  out.text = Join(t, a.tokens);
  if (!a.tokens.empty()) {
    out.begin = t.tok(a.tokens.front()).begin;
    out.end = t.tok(a.tokens.back()).end;
  }
  return out;
}

bool IsModal(const DepTree& t, int i) {
  return t.xpos(i) == "MD" ||
         (t.xpos(i).empty() && t.upos(i) == "AUX" &&
          (t.Lower(i) == "can" || t.Lower(i) == "could" ||
           t.Lower(i) == "may" || t.Lower(i) == "might" ||
           t.Lower(i) == "must" || t.Lower(i) == "should" ||
           t.Lower(i) == "will" || t.Lower(i) == "would" ||
           t.Lower(i) == "shall"));
}

// "did not meet" → "not meet", "was welcomed" → "be welcomed", "could
// disrupt" → "could disrupt", "has set up" → "set up".
std::string LemmaOf(const DepTree& t, const RawExtraction& x, bool lemmatize) {
  std::vector<std::string> words;
  if (!x.implicit.empty()) words.push_back(x.implicit);
  bool passive = false;
  for (int i : x.relation)
    if (t.Is(i, "aux:pass")) passive = true;
  for (int i : x.relation) {
    std::string w = t.Lower(i);
    if (!lemmatize) {
      words.push_back(w);
      continue;
    }
    if (t.Is(i, "aux")) {
      if (IsModal(t, i) || w == "to") words.push_back(w);
      continue;  // tense and do-support auxiliaries carry no meaning here
    }
    if (t.IsAny(i, {"aux:pass", "cop"})) {
      words.push_back("be");
    } else if (w == "n't") {
      words.push_back("not");
    } else if (i == x.predicate || t.IsVerb(i)) {
      words.push_back(
          passive && t.xpos(i) == "VBN" ? w : Lemma(w, PartOfSpeech::kVerb));
    } else {
      words.push_back(w);
    }
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::vector<Extraction> Extractor::Extract(const Sentence& sentence) const {
  DepTree tree(sentence);
  std::vector<RawExtraction> raws = ApplyRules(tree, options_);
  std::vector<Extraction> out;
  std::set<std::tuple<std::string, std::vector<int>, std::vector<int>>> seen;
  for (const RawExtraction& x : raws) {
    std::vector<int> rest;
    for (const auto& o : x.objects)
      rest.insert(rest.end(), o.tokens.begin(), o.tokens.end());
    if (!seen.insert(
                 {x.implicit + Join(tree, x.relation), x.subject.tokens, rest})
             .second)
      continue;
    Extraction e;
    std::string rel = Join(tree, x.relation);
    e.relation = x.implicit.empty() ? rel
                 : rel.empty()      ? x.implicit
                                    : x.implicit + " " + rel;
    e.relation_lemma = LemmaOf(tree, x, options_.lemmatize);
    e.subject = Render(tree, x.subject);
    for (const auto& o : x.objects) e.objects.push_back(Render(tree, o));
    for (const auto& q : x.qualifiers) e.qualifiers.push_back(Render(tree, q));
    e.attributed_to = Join(tree, x.source.tokens);
    e.confidence = Confidence(tree, x);
    if (options_.keep_features) e.features = ConfidenceFeatures(tree, x);
    e.rule = x.rule;
    e.predicate_token = x.predicate;
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Extraction& a, const Extraction& b) {
                     return a.predicate_token < b.predicate_token;
                   });
  return out;
}

}  // namespace kg
