// Hand-built parsed sentences for the extraction tests, so that the rules are
// tested independently of the parser model.
#ifndef KG_TESTS_INGEST_EXTRACT_TEST_UTIL_H_
#define KG_TESTS_INGEST_EXTRACT_TEST_UTIL_H_

#include <sstream>
#include <string>

#include "ingest/sentence.h"

namespace kg::testing {

// `spec`: one token a line, "FORM UPOS XPOS HEAD DEPREL" (HEAD 1-based, 0 =
// root). The text is the forms joined by single spaces.
inline Sentence Tree(const std::string& spec) {
  Sentence s;
  std::istringstream in(spec);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    Token t;
    if (!(f >> t.form >> t.upos >> t.xpos >> t.head >> t.deprel)) continue;
    if (!s.text.empty()) s.text += ' ';
    t.begin = static_cast<uint32_t>(s.text.size());
    s.text += t.form;
    t.end = static_cast<uint32_t>(s.text.size());
    t.score = 5.f;
    s.tokens.push_back(t);
  }
  s.end = static_cast<uint32_t>(s.text.size());
  return s;
}

}  // namespace kg::testing

#endif  // KG_TESTS_INGEST_EXTRACT_TEST_UTIL_H_
