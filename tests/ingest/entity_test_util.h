// Test helpers for the entity tests: hand-parsed sentences written as
// "FORM UPOS HEAD DEPREL" lines (HEAD 1-based, 0 = root), laid out in one
// document text with byte spans, and arguments built from token ranges.
#ifndef KG_TESTS_INGEST_ENTITY_TEST_UTIL_H_
#define KG_TESTS_INGEST_ENTITY_TEST_UTIL_H_

#include <sstream>
#include <string>
#include <vector>

#include "ingest/extractor.h"
#include "ingest/sentence.h"

namespace kg::testing {

// Appends the sentence's text to *doc_text (space-separated) and returns the
// sentence with spans into it.
inline Sentence ParsedSentence(const std::string& rows, std::string* doc_text) {
  Sentence s;
  if (!doc_text->empty()) *doc_text += ' ';
  s.begin = static_cast<uint32_t>(doc_text->size());
  std::istringstream in(rows);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Token t;
    if (!(f >> t.form >> t.upos >> t.head >> t.deprel)) continue;
    if (!s.tokens.empty()) *doc_text += ' ';
    t.begin = static_cast<uint32_t>(doc_text->size());
    *doc_text += t.form;
    t.end = static_cast<uint32_t>(doc_text->size());
    t.score = 1.f;
    s.tokens.push_back(t);
  }
  s.end = static_cast<uint32_t>(doc_text->size());
  s.text = doc_text->substr(s.begin, s.end - s.begin);
  return s;
}

// An argument over tokens [first, last] (0-based) with the given head.
inline Argument Arg(const Sentence& s, int first, int last, int head) {
  Argument a;
  for (int i = first; i <= last; ++i) {
    if (!a.text.empty()) a.text += ' ';
    a.text += s.tokens[i].form;
    a.tokens.push_back(i);
  }
  a.begin = s.tokens[first].begin;
  a.end = s.tokens[last].end;
  a.head = head;
  return a;
}

inline Extraction Fact(const Sentence& s, int predicate,
                       const std::string& lemma, Argument subject,
                       std::vector<Argument> objects,
                       std::vector<Argument> qualifiers = {}) {
  Extraction x;
  x.relation = s.tokens[predicate].form;
  x.relation_lemma = lemma;
  x.subject = std::move(subject);
  x.objects = std::move(objects);
  x.qualifiers = std::move(qualifiers);
  x.confidence = 0.9f;
  x.rule = "test";
  x.predicate_token = predicate;
  return x;
}

// "Armenian Prime Minister Nikol Pashinyan welcomed NATO Secretary General
// Javier Colomina to Yerevan for talks on January 19 ."
inline const char* kWelcomeRows =
    "Armenian ADJ 5 amod\n"
    "Prime PROPN 3 compound\n"
    "Minister PROPN 5 compound\n"
    "Nikol PROPN 5 compound\n"
    "Pashinyan PROPN 6 nsubj\n"
    "welcomed VERB 0 root\n"
    "NATO PROPN 11 compound\n"
    "Secretary PROPN 11 compound\n"
    "General PROPN 8 flat\n"
    "Javier PROPN 11 compound\n"
    "Colomina PROPN 6 obj\n"
    "to ADP 13 case\n"
    "Yerevan PROPN 6 obl\n"
    "for ADP 15 case\n"
    "talks NOUN 6 obl\n"
    "on ADP 17 case\n"
    "January PROPN 15 nmod\n"
    "19 NUM 17 nummod\n"
    ". PUNCT 6 punct\n";

inline Extraction WelcomeFact(const Sentence& s) {
  return Fact(s, 5, "welcome", Arg(s, 0, 4, 4), {Arg(s, 6, 10, 10)},
              {Arg(s, 11, 12, 12)});
}

}  // namespace kg::testing

#endif  // KG_TESTS_INGEST_ENTITY_TEST_UTIL_H_
