// The tagger and parser trained on a small treebank slice (the real training
// path, few epochs) on hand-checked sentences, and the committed model on the
// dev set, at the figures recorded in models/README.md.
#include "ingest/parser.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "ingest/conllu.h"
#include "ingest/parser_eval.h"
#include "ingest/parser_trainer.h"
#include "ingest/tokenizer.h"

namespace kg {
namespace {

const std::string kShared = KG_SHARED_DIR;
const std::string kTrain = kShared + "/ud/train/en_ewt-ud-train.conllu";
const std::string kDev = kShared + "/ud/dev/en_ewt-ud-dev.conllu";

// Dev figures of the committed model (models/README.md), punctuation
// excluded; `kg eval parse` reproduces them exactly (the model and the
// evaluation are deterministic).
constexpr double kRecordedUpos = 95.37;
constexpr double kRecordedUas = 87.63;
constexpr double kRecordedLas = 84.38;

class SliceParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kTrain)) return;
    StatusOr<std::vector<Sentence>> all = ReadConlluFile(kTrain);
    ASSERT_TRUE(all.ok()) << all.status().ToString();
    std::vector<Sentence> slice(all->begin(), all->begin() + 4000);
    ParserTrainOptions o;
    o.epochs = 4;
    o.tagger_epochs = 4;
    o.folds = 2;
    StatusOr<std::unique_ptr<GreedyParser>> p =
        TrainParser(slice, nullptr, o, nullptr);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    parser_ = p->release();
  }
  static void TearDownTestSuite() {
    delete parser_;
    parser_ = nullptr;
  }
  void SetUp() override {
    if (!parser_) GTEST_SKIP() << "shared UD data absent (" << kTrain << ")";
  }
  static GreedyParser* parser_;
};
GreedyParser* SliceParserTest::parser_ = nullptr;

struct HandTree {
  const char* words;
  std::vector<const char*> upos;
  std::vector<int> heads;
  std::vector<const char*> rels;
};

// Hand-checked against the UD English guidelines.
const HandTree kTrees[] = {
    {"The dog chased the cat .",
     {"DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"},
     {2, 3, 0, 5, 3, 3},
     {"det", "nsubj", "root", "det", "obj", "punct"}},
    {"I like this book .",
     {"PRON", "VERB", "DET", "NOUN", "PUNCT"},
     {2, 0, 4, 2, 2},
     {"nsubj", "root", "det", "obj", "punct"}},
    {"We went to the store .",
     {"PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT"},
     {2, 0, 5, 5, 2, 2},
     {"nsubj", "root", "case", "det", "obl", "punct"}},
};

TEST_F(SliceParserTest, ParsesHandCheckedTrees) {
  for (const HandTree& h : kTrees) {
    Sentence s = TokenizePretokenized(h.words);
    parser_->Annotate(&s);
    ASSERT_EQ(s.tokens.size(), h.heads.size());
    for (size_t i = 0; i < h.heads.size(); ++i) {
      EXPECT_EQ(s.tokens[i].upos, h.upos[i]) << h.words << " word " << i + 1;
      EXPECT_EQ(s.tokens[i].head, h.heads[i]) << h.words << " word " << i + 1;
      EXPECT_EQ(s.tokens[i].deprel, h.rels[i]) << h.words << " word " << i + 1;
    }
  }
}

TEST_F(SliceParserTest, EveryWordGetsOneTreeWithOneRoot) {
  Sentence s = TokenizePretokenized(
      "Yesterday , after the long meeting in Paris , the minister said "
      "that the deal , which many had doubted , was finally done ; others "
      "disagreed .");
  parser_->Annotate(&s);
  int roots = 0;
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    ASSERT_GE(t.head, 0);
    ASSERT_LE(t.head, int(s.tokens.size()));
    ASSERT_NE(t.head, int(i) + 1);
    EXPECT_FALSE(t.deprel.empty());
    EXPECT_FALSE(t.xpos.empty());
    roots += t.head == 0;
    // No cycles: walking up reaches the root.
    int h = int(i) + 1, steps = 0;
    while (h != 0 && steps++ <= int(s.tokens.size()))
      h = s.tokens[size_t(h - 1)].head;
    EXPECT_EQ(h, 0);
  }
  EXPECT_EQ(roots, 1);
  Sentence empty;
  parser_->Annotate(&empty);
  EXPECT_TRUE(empty.tokens.empty());
}

TEST_F(SliceParserTest, SliceModelMeasuresOnDev) {
  StatusOr<std::vector<Sentence>> dev = ReadConlluFile(kDev);
  ASSERT_TRUE(dev.ok());
  dev->resize(500);
  ParseScores sc = EvaluateParser(*parser_, *dev);
  // Far below the full model, far above chance: proves the training path.
  EXPECT_GT(sc.Upos(), 88.0);
  EXPECT_GT(sc.Uas(), 70.0);
  EXPECT_GT(sc.Las(), 62.0);
}

TEST(CommittedModelTest, ReachesRecordedDevAccuracy) {
  std::string model = std::string(KG_SOURCE_DIR) + "/models/en_ud.kgm";
  if (!std::filesystem::exists(kDev))
    GTEST_SKIP() << "shared UD data absent (" << kDev << ")";
  ASSERT_TRUE(std::filesystem::exists(model)) << model;
  StatusOr<std::unique_ptr<Parser>> p = Parser::Load(model);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  StatusOr<std::vector<Sentence>> dev = ReadConlluFile(kDev);
  ASSERT_TRUE(dev.ok());
  ParseScores sc = EvaluateParser(**p, *dev);
  EXPECT_GE(sc.Upos(), kRecordedUpos - 0.005);
  EXPECT_GE(sc.Uas(), kRecordedUas - 0.005);
  EXPECT_GE(sc.Las(), kRecordedLas - 0.005);
}

}  // namespace
}  // namespace kg
