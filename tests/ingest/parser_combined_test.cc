// Parsers that read backwards and their combination: a model trained with
// --direction reverse keeps its direction through a file and parses in the
// sentence's own word order; CombinedParser files round-trip, refuse
// mismatched members and report damaged sections; on real data the
// combination beats both of its members (EWT slice, skipped without
// ../shared).
#include "ingest/parser_combined.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "ingest/conllu.h"
#include "ingest/model_file.h"
#include "ingest/parser_eval.h"
#include "ingest/parser_trainer.h"
#include "tests/ingest/tiny_treebank.h"

namespace kg {
namespace {

const std::string kShared = KG_SHARED_DIR;
const std::string kTrain = kShared + "/ud/train/en_ewt-ud-train.conllu";
const std::string kDev = kShared + "/ud/dev/en_ewt-ud-dev.conllu";

using testing::ThroughAFile;
using testing::TinySentences;

std::unique_ptr<GreedyParser> Train(const std::vector<Sentence>& data,
                                    ParseDirection direction,
                                    RootPlacement root, int epochs) {
  StatusOr<std::unique_ptr<GreedyParser>> p =
      testing::TrainForTest(data, direction, root, epochs);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? std::move(*p) : nullptr;
}

Sentence Words(std::initializer_list<const char*> words) {
  Sentence s;
  for (const char* w : words) {
    Token t;
    t.form = w;
    s.tokens.push_back(t);
  }
  return s;
}

class CombinedParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<Sentence> tiny = TinySentences();
    forward_ = Train(tiny, ParseDirection::kForward, RootPlacement::kFront, 3)
                   .release();
    reverse_ =
        Train(tiny, ParseDirection::kReverse, RootPlacement::kEnd, 3).release();
  }
  static void TearDownTestSuite() {
    delete forward_;
    delete reverse_;
  }
  static GreedyParser* forward_;
  static GreedyParser* reverse_;
};
GreedyParser* CombinedParserTest::forward_ = nullptr;
GreedyParser* CombinedParserTest::reverse_ = nullptr;

TEST_F(CombinedParserTest, ReverseModelKeepsItsDirectionThroughAFile) {
  ASSERT_NE(reverse_, nullptr);
  StatusOr<std::unique_ptr<GreedyParser>> loaded =
      ThroughAFile(*reverse_, "rev");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->direction(), ParseDirection::kReverse);
  EXPECT_EQ((*loaded)->root(), RootPlacement::kEnd);
  // Heads come back in the sentence's own numbering.
  Sentence s = Words({"She", "saw", "the", "dog", "."});
  (*loaded)->Annotate(&s);
  EXPECT_EQ(s.tokens[0].head, 2);
  EXPECT_EQ(s.tokens[1].head, 0);
  EXPECT_EQ(s.tokens[2].head, 4);
  EXPECT_EQ(s.tokens[3].head, 2);
  EXPECT_EQ(s.tokens[3].deprel, "obj");
  // A forward model has no direction section; a damaged one is refused.
  ModelFile forward;
  forward_->Save(&forward);
  EXPECT_EQ(forward.Section(SectionTag("DIRN")), nullptr);
  ModelFile bad = forward;
  bad.AddSection(SectionTag("DIRN"), "\x05");
  StatusOr<std::unique_ptr<GreedyParser>> refused =
      GreedyParser::Load(bad, "rev");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("direction"), std::string::npos);
}

TEST_F(CombinedParserTest, CombinedModelRoundTripsThroughAFile) {
  ASSERT_NE(forward_, nullptr);
  ASSERT_NE(reverse_, nullptr);
  StatusOr<std::unique_ptr<CombinedParser>> made = CombinedParser::Make(
      {forward_, reverse_}, 0, {MemberVote{1.f, 0.01f}, MemberVote{0.9f, 0.f}});
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  ModelFile file;
  (*made)->Save(&file);
  StatusOr<ModelFile> again = ModelFile::Parse(file.Serialize(), "both");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(CombinedParser::IsCombined(*again));
  StatusOr<std::unique_ptr<CombinedParser>> loaded =
      CombinedParser::Load(*again, "both");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ((*loaded)->parsers().size(), 2u);
  EXPECT_EQ((*loaded)->parsers()[1]->direction(), ParseDirection::kReverse);
  EXPECT_EQ((*loaded)->parsers()[1]->root(), RootPlacement::kEnd);
  EXPECT_EQ((*loaded)->votes()[1].weight, 0.9f);
  EXPECT_EQ((*loaded)->votes()[0].margin, 0.01f);
  for (auto words : {Words({"The", "dog", "sleeps", "."}),
                     Words({"She", "saw", "the", "cat", "."})}) {
    Sentence a = words, b = words;
    (*made)->Annotate(&a);
    (*loaded)->Annotate(&b);
    for (size_t i = 0; i < a.tokens.size(); ++i) {
      EXPECT_EQ(a.tokens[i].head, b.tokens[i].head);
      EXPECT_EQ(a.tokens[i].deprel, b.tokens[i].deprel);
      EXPECT_FALSE(a.tokens[i].upos.empty());
    }
  }
  EXPECT_NE((*loaded)->Describe().find("2 greedy"), std::string::npos);
  EXPECT_EQ((*loaded)->max_margin(), 1e9f);
  // The cap on margins is kept through a file too.
  std::vector<std::unique_ptr<GreedyParser>> copies;
  for (const auto& p : (*made)->parsers())
    copies.push_back(std::make_unique<GreedyParser>(*p));
  CombinedParser capped(std::move(copies), (*made)->votes(), 2.5f);
  ModelFile capped_file;
  capped.Save(&capped_file);
  StatusOr<std::unique_ptr<CombinedParser>> capped_back =
      CombinedParser::Load(capped_file, "capped");
  ASSERT_TRUE(capped_back.ok()) << capped_back.status().ToString();
  EXPECT_EQ((*capped_back)->max_margin(), 2.5f);
  // A single model is not a combined one.
  ModelFile single;
  forward_->Save(&single);
  EXPECT_FALSE(CombinedParser::IsCombined(single));
}

TEST_F(CombinedParserTest, MismatchedMembersAreRefused) {
  ASSERT_NE(forward_, nullptr);
  StatusOr<std::unique_ptr<CombinedParser>> one =
      CombinedParser::Make({forward_}, 0, {MemberVote{}});
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.status().code(), Status::Code::kInvalidArgument);
  // A model trained on other relations.
  std::vector<Sentence> other = TinySentences();
  other[0].tokens[0].deprel = "expl";
  std::unique_ptr<GreedyParser> odd =
      Train(other, ParseDirection::kReverse, RootPlacement::kFront, 1);
  ASSERT_NE(odd, nullptr);
  StatusOr<std::unique_ptr<CombinedParser>> mixed = CombinedParser::Make(
      {forward_, odd.get()}, 0, {MemberVote{}, MemberVote{}});
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.status().message().find("relations"), std::string::npos);
}

TEST_F(CombinedParserTest, DamagedEnsembleSectionIsCorruption) {
  ASSERT_NE(forward_, nullptr);
  StatusOr<std::unique_ptr<CombinedParser>> made = CombinedParser::Make(
      {forward_, reverse_}, 0, {MemberVote{}, MemberVote{}});
  ASSERT_TRUE(made.ok());
  ModelFile file;
  (*made)->Save(&file);
  const uint32_t kEnsemble = SectionTag("ENSM");
  const std::string section = *file.Section(kEnsemble);
  std::string one_member = section;
  one_member[0] = 1;
  std::string negative_cap = section;  // bytes 4..7: the max margin
  const float minus_one = -1.f;
  std::memcpy(&negative_cap[4], &minus_one, sizeof minus_one);
  for (const std::string& bad :
       {section.substr(0, section.size() - 1), section.substr(0, 10),
        one_member, section + "x", negative_cap}) {
    ModelFile copy;  // the first member's sections and a damaged ENSM
    forward_->Save(&copy);
    copy.AddSection(kEnsemble, bad);
    StatusOr<std::unique_ptr<CombinedParser>> p =
        CombinedParser::Load(copy, "damaged.kgm");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), Status::Code::kCorruption);
    EXPECT_NE(p.status().message().find("damaged.kgm"), std::string::npos)
        << p.status().message();
  }
}

// The reason for combining: on held-out data the combined tree is better
// than either member's.
TEST(CombinedParserSliceTest, CombinationBeatsItsMembersOnDev) {
  if (!std::filesystem::exists(kTrain) || !std::filesystem::exists(kDev))
    GTEST_SKIP() << "shared UD data absent (" << kTrain << ")";
  StatusOr<std::vector<Sentence>> all = ReadConlluFile(kTrain);
  ASSERT_TRUE(all.ok());
  std::vector<Sentence> slice(all->begin(), all->begin() + 2000);
  StatusOr<std::vector<Sentence>> dev = ReadConlluFile(kDev);
  ASSERT_TRUE(dev.ok());
  std::vector<Sentence> held_out(dev->begin(), dev->begin() + 1000);
  auto f = Train(slice, ParseDirection::kForward, RootPlacement::kFront, 3);
  auto r = Train(slice, ParseDirection::kReverse, RootPlacement::kEnd, 3);
  ASSERT_TRUE(f && r);
  StatusOr<std::unique_ptr<CombinedParser>> c = CombinedParser::Make(
      {f.get(), r.get()}, 0, {MemberVote{1.f, 0.01f}, MemberVote{1.f, 0.01f}});
  ASSERT_TRUE(c.ok());
  ParseScores fs = EvaluateParser(*f, held_out);
  ParseScores rs = EvaluateParser(*r, held_out);
  ParseScores cs = EvaluateParser(**c, held_out);
  EXPECT_GT(cs.Uas(), std::max(fs.Uas(), rs.Uas()))
      << "forward " << fs.Uas() << ", reverse " << rs.Uas();
  EXPECT_GT(cs.Las(), std::max(fs.Las(), rs.Las()))
      << "forward " << fs.Las() << ", reverse " << rs.Las();
}

}  // namespace
}  // namespace kg
