// Parser: tags and parses sentences with a trained model file. It fronts a
// ParserBackend, the small interface any parser implementation provides (the
// greedy arc-eager perceptron parser today; a beam or neural one may replace
// it by adding a backend and recognising its model file in Load()).
// A loaded Parser is immutable: Annotate() is const and thread-safe.
#ifndef KG_INGEST_PARSER_H_
#define KG_INGEST_PARSER_H_

#include <memory>
#include <string>

#include "ingest/sentence.h"
#include "storage/status.h"

namespace kg {

class ParserBackend {
 public:
  virtual ~ParserBackend() = default;
  // Fills upos, xpos, head, deprel and score (the attachment margin) of every
  // token of `s` from its forms. Must be thread-safe.
  virtual void Annotate(Sentence* s) const = 0;
  // One line naming the implementation and its model, for logs.
  virtual std::string Describe() const = 0;
};

class Parser {
 public:
  // Reads a model file (see ingest/parser_greedy.h for its sections). A
  // missing file gives IOError; a damaged or truncated one Corruption, with
  // the path in the message.
  static StatusOr<std::unique_ptr<Parser>> Load(const std::string& path);

  explicit Parser(std::unique_ptr<ParserBackend> backend)
      : backend_(std::move(backend)) {}

  // Tags and parses `s` (its tokens' forms must be set). Heads are 1-based
  // word indices, 0 = root; every word gets a head and a relation.
  void Annotate(Sentence* s) const { backend_->Annotate(s); }
  std::string Describe() const { return backend_->Describe(); }

 private:
  std::unique_ptr<ParserBackend> backend_;
};

// The model to load by default: $KG_MODEL when set and non-empty, else the
// committed models/en_ud.kgm of the source tree this binary was built from.
std::string DefaultModelPath();

}  // namespace kg

#endif  // KG_INGEST_PARSER_H_
