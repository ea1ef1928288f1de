// ArcScorer: trained on the tiny treebank it prefers the gold head of the
// words it was trained on; its bytes round-trip and damaged bytes are
// Corruption; in a CombinedParser its vote decides a head the members
// disagree on, and the ARCS section survives a model file.
#include "ingest/arc_scorer.h"

#include <gtest/gtest.h>

#include <cstring>

#include "ingest/model_file.h"
#include "ingest/parser_combined.h"
#include "ingest/tagger_trainer.h"
#include "tests/ingest/tiny_treebank.h"

namespace kg {
namespace {

using testing::ThroughAFile;
using testing::TinySentences;
using testing::TrainForTest;

struct Trained {
  std::vector<Sentence> data = TinySentences();
  std::vector<const Sentence*> train;
  std::vector<std::vector<int>> tags;
  TagSet tagset;
};

// The tiny treebank with its gold tags (one fold).
Trained Tiny() {
  Trained t;
  for (const Sentence& s : t.data) {
    t.train.push_back(&s);
    for (const Token& tok : s.tokens) t.tagset.Add(tok.upos, tok.xpos);
  }
  t.tags = JackKnifeTags(t.train, t.tagset, TaggerTrainOptions(), 1, 1);
  return t;
}

std::vector<int> GoldHeads(const Sentence& s) {
  std::vector<int> heads = {-1};
  for (const Token& t : s.tokens) heads.push_back(t.head);
  return heads;
}

TEST(ArcScorerTest, PrefersTheGoldHeadsItWasTrainedOn) {
  Trained t = Tiny();
  ArcTrainOptions o;
  o.epochs = 10;
  StatusOr<ArcScorer> arcs =
      TrainArcScorer(t.train, t.tags, t.tagset, {}, {}, o, nullptr);
  ASSERT_TRUE(arcs.ok()) << arcs.status().ToString();
  size_t words = 0, right = 0;
  for (size_t i = 0; i < t.data.size(); ++i) {
    const Sentence& s = t.data[i];
    ArcFeatures f(ModelForms(s.tokens), t.tags[i], t.tagset);
    const std::vector<int> gold = GoldHeads(s);
    for (int d = 1; d <= f.size(); ++d) {
      ++words;
      right += arcs->BestHead(f, d, gold) == gold[size_t(d)];
    }
  }
  EXPECT_EQ(right, words);
  // "She saw the dog .": the dog is seen, not a dependent of "the".
  const Sentence& saw = t.data[2];
  ArcFeatures f(ModelForms(saw.tokens), t.tags[2], t.tagset);
  EXPECT_GT(arcs->Score(f, 2, 4, GoldHeads(saw)),
            arcs->Score(f, 3, 4, GoldHeads(saw)));
}

TEST(ArcScorerTest, NothingToTrainOnIsAnError) {
  Trained t = Tiny();
  ArcTrainOptions none;
  none.epochs = 0;
  StatusOr<ArcScorer> a =
      TrainArcScorer(t.train, t.tags, t.tagset, {}, {}, none, nullptr);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kInvalidArgument);
  StatusOr<ArcScorer> b =
      TrainArcScorer({}, {}, t.tagset, {}, {}, ArcTrainOptions(), nullptr);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kInvalidArgument);
}

TEST(ArcScorerTest, BytesRoundTripAndDamageIsCorruption) {
  Trained t = Tiny();
  StatusOr<ArcScorer> arcs = TrainArcScorer(t.train, t.tags, t.tagset, {}, {},
                                            ArcTrainOptions(), nullptr);
  ASSERT_TRUE(arcs.ok());
  ArcScorer voting = arcs->WithVote(1.5f);
  std::string bytes;
  voting.AppendTo(&bytes);
  StatusOr<ArcScorer> back = ArcScorer::Parse(bytes, "arcs.kgm");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->vote(), 1.5f);
  const Sentence& s = t.data[1];
  ArcFeatures f(ModelForms(s.tokens), t.tags[1], t.tagset);
  for (int h = 0; h <= f.size(); ++h)
    for (int d = 1; d <= f.size(); ++d)
      if (h != d) {
        EXPECT_EQ(back->Score(f, h, d, GoldHeads(s)),
                  voting.Score(f, h, d, GoldHeads(s)));
      }
  std::string negative = bytes;
  const float minus = -1.f;
  std::memcpy(negative.data(), &minus, sizeof minus);
  // A table of two classes is not an arc scorer's.
  std::string two_classes;
  two_classes.append(bytes, 0, 4);
  WeightTable(2, 1.f, {5}, {1}, {1}, {3}).AppendTo(&two_classes);
  for (const std::string& bad :
       {bytes.substr(0, 3), bytes.substr(0, 20), negative, two_classes}) {
    StatusOr<ArcScorer> p = ArcScorer::Parse(bad, "arcs.kgm");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), Status::Code::kCorruption);
    EXPECT_NE(p.status().message().find("arcs.kgm"), std::string::npos);
  }
}

class CombinedArcsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto fwd = TrainForTest(TinySentences(), ParseDirection::kForward,
                            RootPlacement::kFront);
    auto rev = TrainForTest(TinySentences(), ParseDirection::kReverse,
                            RootPlacement::kEnd);
    ASSERT_TRUE(fwd.ok() && rev.ok());
    auto made = CombinedParser::Make({fwd->get(), rev->get()}, 0,
                                     {MemberVote{}, MemberVote{}});
    ASSERT_TRUE(made.ok());
    Trained t = Tiny();
    // The parsers' own tag set, so that the classes agree.
    const TagSet& tags = (*made)->parsers().front()->tagger().tags();
    std::vector<std::vector<int>> classes =
        JackKnifeTags(t.train, tags, TaggerTrainOptions(), 1, 1);
    StatusOr<ArcScorer> arcs = TrainArcScorer(t.train, classes, tags, {}, {},
                                              ArcTrainOptions(), nullptr);
    ASSERT_TRUE(arcs.ok());
    parser_ = (*made)->WithArcScorer(arcs->WithVote(10.f)).release();
  }
  static void TearDownTestSuite() { delete parser_; }
  static CombinedParser* parser_;
};
CombinedParser* CombinedArcsTest::parser_ = nullptr;

TEST_F(CombinedArcsTest, ItsVoteDecidesADisagreement) {
  ASSERT_NE(parser_, nullptr);
  Sentence s = TinySentences()[2];  // She saw the dog .
  std::vector<std::string> forms = ModelForms(s.tokens);
  std::vector<int> classes;
  parser_->parsers().front()->tagger().TagWithForms(forms, &s, &classes);
  // Two member trees that differ only in the head of "the" (3): "dog" (4)
  // in the first, "saw" (2) in the second.
  Sentence a = s, b = s;
  const int heads_a[] = {2, 0, 4, 2, 2}, heads_b[] = {2, 0, 2, 2, 2};
  for (size_t i = 0; i < s.tokens.size(); ++i) {
    a.tokens[i].head = heads_a[i];
    b.tokens[i].head = heads_b[i];
    a.tokens[i].deprel = b.tokens[i].deprel = "dep";
  }
  a.tokens[1].deprel = b.tokens[1].deprel = "root";
  // The second tree is surer, so without the arc scorer it would win.
  a.tokens[2].score = 0.f;
  b.tokens[2].score = 5.f;
  std::vector<MemberVote> votes = {MemberVote{1.f, 1.f}, MemberVote{1.f, 1.f}};
  Sentence without = s, with = s;
  parser_->Combine({a, b}, forms, classes, votes, nullptr, &without);
  EXPECT_EQ(without.tokens[2].head, 2);
  ASSERT_TRUE(parser_->arcs().has_value());
  std::vector<int> ha = {-1, 2, 0, 4, 2, 2}, hb = {-1, 2, 0, 2, 2, 2};
  ArcFeatures f(forms, classes, parser_->parsers().front()->tagger().tags());
  const int preferred =
      parser_->arcs()->Score(f, 4, 3, ha) > parser_->arcs()->Score(f, 2, 3, hb)
          ? 4
          : 2;
  EXPECT_EQ(preferred, 4);  // trained on this very sentence
  parser_->Combine({a, b}, forms, classes, votes, &*parser_->arcs(), &with);
  EXPECT_EQ(with.tokens[2].head, preferred);
}

TEST_F(CombinedArcsTest, ArcsSectionSurvivesAModelFile) {
  ASSERT_NE(parser_, nullptr);
  StatusOr<std::unique_ptr<CombinedParser>> loaded =
      ThroughAFile(*parser_, "arcs");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_TRUE((*loaded)->arcs().has_value());
  EXPECT_EQ((*loaded)->arcs()->vote(), 10.f);
  Sentence x = TinySentences()[2], y = x;
  for (Token& t : x.tokens) t.head = -1, t.deprel.clear();
  y = x;
  parser_->Annotate(&x);
  (*loaded)->Annotate(&y);
  for (size_t i = 0; i < x.tokens.size(); ++i) {
    EXPECT_EQ(x.tokens[i].head, y.tokens[i].head);
    EXPECT_EQ(x.tokens[i].deprel, y.tokens[i].deprel);
  }
  // A damaged ARCS section is Corruption naming the file.
  std::vector<std::unique_ptr<GreedyParser>> copies;
  for (const auto& p : parser_->parsers())
    copies.push_back(std::make_unique<GreedyParser>(*p));
  CombinedParser plain(std::move(copies), parser_->votes());
  ModelFile bad;
  plain.Save(&bad);
  bad.AddSection(SectionTag("ARCS"), "xy");
  StatusOr<std::unique_ptr<CombinedParser>> refused =
      CombinedParser::Load(bad, "damaged.kgm");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("damaged.kgm"), std::string::npos);
}

}  // namespace
}  // namespace kg
