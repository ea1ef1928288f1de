// A three-sentence hand-annotated CoNLL-U treebank for tests that need a
// trained model in milliseconds (model files, combined parsers), and the
// one training call and the file round trip those tests share.
#ifndef KG_TESTS_INGEST_TINY_TREEBANK_H_
#define KG_TESTS_INGEST_TINY_TREEBANK_H_

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/conllu.h"
#include "ingest/model_file.h"
#include "ingest/parser_trainer.h"

namespace kg::testing {

inline constexpr char kTinyTreebank[] =
    "1\tDogs\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tbark\t_\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"
    "1\tThe\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcat\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tsleeps\t_\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "4\t.\t_\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"
    "1\tShe\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tdog\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t_\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

// kTinyTreebank read (empty if it could not be).
inline std::vector<Sentence> TinySentences() {
  std::istringstream in(kTinyTreebank);
  StatusOr<std::vector<Sentence>> s = ReadConllu(in, "tiny");
  return s.ok() ? std::move(*s) : std::vector<Sentence>();
}

// A parser trained on `data` for `epochs` (tagger and parser) reading in
// `direction` with the root at `root`; gold tags for small data, two
// jack-knife folds above 100 sentences.
inline StatusOr<std::unique_ptr<GreedyParser>> TrainForTest(
    const std::vector<Sentence>& data, ParseDirection direction,
    RootPlacement root, int epochs = 3) {
  ParserTrainOptions o;
  o.epochs = epochs;
  o.tagger_epochs = epochs;
  o.folds = data.size() > 100 ? 2 : 1;
  o.direction = direction;
  o.root = root;
  return TrainParser(data, nullptr, o, nullptr);
}

// `model` saved to a ModelFile, serialised, parsed back and loaded again by
// its own type's Load (GreedyParser, CombinedParser), under `name`.
template <typename Model>
StatusOr<std::unique_ptr<Model>> ThroughAFile(const Model& model,
                                              const std::string& name) {
  ModelFile file;
  model.Save(&file);
  StatusOr<ModelFile> again = ModelFile::Parse(file.Serialize(), name);
  if (!again.ok()) return again.status();
  return Model::Load(*again, name);
}

}  // namespace kg::testing

#endif  // KG_TESTS_INGEST_TINY_TREEBANK_H_
