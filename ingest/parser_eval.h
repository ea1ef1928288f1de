// Scoring a tagger/parser against gold CoNLL-U: UPOS and XPOS accuracy, and
// unlabelled/labelled attachment scores (UAS/LAS) over all words and with
// punctuation (gold UPOS "PUNCT") excluded. Labels compare in full, subtypes
// included. Plain value type; not thread-safe to mutate.
#ifndef KG_INGEST_PARSER_EVAL_H_
#define KG_INGEST_PARSER_EVAL_H_

#include <cstddef>
#include <string>
#include <vector>

#include "ingest/parser.h"
#include "ingest/sentence.h"

namespace kg {

struct ParseScores {
  size_t words = 0, upos = 0, xpos = 0, uas = 0, las = 0;
  size_t words_np = 0, uas_np = 0, las_np = 0;  // punctuation excluded
  size_t sentences = 0;

  // REQUIRES: gold and predicted have the same words.
  void Add(const Sentence& gold, const Sentence& predicted);
  double Upos() const { return Ratio(upos, words); }
  double Xpos() const { return Ratio(xpos, words); }
  double Uas() const { return Ratio(uas_np, words_np); }
  double Las() const { return Ratio(las_np, words_np); }
  double UasAll() const { return Ratio(uas, words); }
  double LasAll() const { return Ratio(las, words); }
  // Multi-line report with percentages.
  std::string Report() const;

 private:
  static double Ratio(size_t a, size_t b) {
    return b ? 100.0 * double(a) / double(b) : 0.0;
  }
};

// Annotates a copy of every gold sentence (forms only) and scores it.
ParseScores EvaluateParser(const ParserBackend& parser,
                           const std::vector<Sentence>& gold);
ParseScores EvaluateParser(const Parser& parser,
                           const std::vector<Sentence>& gold);

}  // namespace kg

#endif  // KG_INGEST_PARSER_EVAL_H_
