// The analysed sentence shared by the ingest stages: the splitter/tokenizer
// fill forms and spans, the tagger fills tags, the parser fills heads and
// relations, the extractor reads them. Token ids follow CoNLL-U: tokens[i] is
// word i+1; head 0 is the root; head -1 = not parsed.
#ifndef KG_INGEST_SENTENCE_H_
#define KG_INGEST_SENTENCE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kg {

struct Token {
  std::string form;
  std::string lemma;  // may be empty until lemmatised
  std::string upos;   // Universal POS tag (NOUN, PROPN, VERB, ...)
  std::string xpos;   // Penn Treebank tag (NN, NNP, VBD, ...)
  int head = -1;      // 1-based index of the head word, 0 = root, -1 = unparsed
  std::string
      deprel;  // UD relation (nsubj, obj, obl, ...), with subtype (nsubj:pass)
  float score =
      0.f;  // parser's margin for this token's attachment (higher = surer)
  uint32_t begin =
      0;  // byte offsets of the token in the document text [begin, end)
  uint32_t end = 0;
  bool space_after = true;
};

struct Sentence {
  uint32_t begin = 0;  // byte span of the sentence in the document text
  uint32_t end = 0;
  std::string text;  // the sentence's text, byte for byte
  std::vector<Token> tokens;
};

}  // namespace kg

#endif  // KG_INGEST_SENTENCE_H_
