#include "ingest/parser_eval.h"

#include <cstdio>

namespace kg {

void ParseScores::Add(const Sentence& gold, const Sentence& predicted) {
  ++sentences;
  for (size_t i = 0; i < gold.tokens.size(); ++i) {
    const Token& g = gold.tokens[i];
    const Token& p = predicted.tokens[i];
    bool head_ok = g.head == p.head;
    bool label_ok = head_ok && g.deprel == p.deprel;
    ++words;
    upos += g.upos == p.upos;
    xpos += g.xpos == p.xpos;
    uas += head_ok;
    las += label_ok;
    if (g.upos != "PUNCT") {
      ++words_np;
      uas_np += head_ok;
      las_np += label_ok;
    }
  }
}

std::string ParseScores::Report() const {
  char buf[512];
  std::snprintf(buf, sizeof(buf),
                "sentences  %zu\nwords      %zu\nUPOS       %.2f\nXPOS       "
                "%.2f\nUAS        %.2f  (punctuation excluded, %zu words)\n"
                "LAS        %.2f  (punctuation excluded)\nUAS-all    %.2f  "
                "(punctuation included)\nLAS-all    %.2f  (punctuation "
                "included)\n",
                sentences, words, Upos(), Xpos(), Uas(), words_np, Las(),
                UasAll(), LasAll());
  return buf;
}

namespace {

template <typename P>
ParseScores Evaluate(const P& parser, const std::vector<Sentence>& gold) {
  ParseScores scores;
  for (const Sentence& g : gold) {
    Sentence s;
    s.text = g.text;
    s.tokens.reserve(g.tokens.size());
    for (const Token& t : g.tokens) {
      Token c;
      c.form = t.form;
      c.begin = t.begin;
      c.end = t.end;
      c.space_after = t.space_after;
      s.tokens.push_back(std::move(c));
    }
    parser.Annotate(&s);
    scores.Add(g, s);
  }
  return scores;
}

}  // namespace

ParseScores EvaluateParser(const ParserBackend& parser,
                           const std::vector<Sentence>& gold) {
  return Evaluate(parser, gold);
}

ParseScores EvaluateParser(const Parser& parser,
                           const std::vector<Sentence>& gold) {
  return Evaluate(parser, gold);
}

}  // namespace kg
