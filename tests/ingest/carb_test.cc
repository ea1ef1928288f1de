#include "ingest/carb.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace kg {
namespace {

OieTuple T(std::string rel, std::vector<std::string> args, double conf = 1) {
  OieTuple t;
  t.relation = std::move(rel);
  t.args = std::move(args);
  t.confidence = conf;
  return t;
}

TEST(CarbKey, RemovesSpacesEscapesAndPunctuation) {
  EXPECT_EQ(CarbSentenceKey("He said -LRB- loudly -RRB- , `` yes '' ."),
            "Hesaidloudlyyes");
  EXPECT_EQ(CarbSentenceKey("Barbara 's $ 4.25"), "Barbaras425");
}

TEST(CarbMatch, ExactTupleScoresOne) {
  auto m =
      CarbMatch(T("met", {"Obama", "Putin"}), T("met", {"Obama", "Putin"}));
  EXPECT_DOUBLE_EQ(m.first, 1.0);
  EXPECT_DOUBLE_EQ(m.second, 1.0);
}

TEST(CarbMatch, NoSharedRelationWordScoresZero) {
  auto m =
      CarbMatch(T("met", {"Obama", "Putin"}), T("saw", {"Obama", "Putin"}));
  EXPECT_EQ(m, std::make_pair(0.0, 0.0));
}

TEST(CarbMatch, MissingSecondSlotScoresZero) {
  auto m = CarbMatch(T("met", {"Obama", "Putin"}), T("met", {"Obama"}));
  EXPECT_EQ(m, std::make_pair(0.0, 0.0));
}

TEST(CarbMatch, PartialOverlapIsCountedPerToken) {
  // gold: 1 + 2 + 2 = 5 words; predicted: 2 + 1 + 3 = 6 words; overlap 1+1+2.
  auto m = CarbMatch(T("met", {"Barack Obama", "Vladimir Putin"}),
                     T("met with", {"Obama", "Vladimir Putin today"}));
  EXPECT_DOUBLE_EQ(m.first, 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(m.second, 4.0 / 5.0);
}

TEST(CarbMatch, ExtraArgumentsJoinIntoTheSecondSlot) {
  auto m = CarbMatch(T("met", {"A", "B", "in Paris"}),
                     T("met", {"A", "B in Paris"}));
  EXPECT_DOUBLE_EQ(m.first, 1.0);
  EXPECT_DOUBLE_EQ(m.second, 1.0);
}

TEST(CarbMatch, BeMatchesAnyFormOfBe) {
  auto m =
      CarbMatch(T("is", {"Bush", "President"}), T("be", {"Bush", "President"}));
  EXPECT_DOUBLE_EQ(m.first, 1.0);
  auto cased =
      CarbMatch(T("Is", {"Bush", "President"}), T("is", {"Bush", "President"}));
  EXPECT_EQ(cased, std::make_pair(0.0, 0.0));  // case-sensitive
}

TEST(CarbMatch, SaidRelationsMayMatchSwapped) {
  auto m = CarbMatch(T("said", {"the minister", "talks failed"}),
                     T("said", {"talks failed", "the minister"}));
  EXPECT_DOUBLE_EQ(m.second, 1.0);
  auto other = CarbMatch(T("met", {"A", "B"}), T("met", {"B", "A"}));
  EXPECT_LT(other.second, 1.0);
}

TEST(CarbScore, RanksByConfidence) {
  auto gold = ParseCarbGold("S one .\tmet\tA\tB\nS one .\tsaw\tC\tD\n", "g");
  ASSERT_TRUE(gold.ok());
  // A correct tuple with high confidence and a wrong one with low confidence.
  auto pred = ParseCarbPredictions(
      "S one .\t0.9\tmet\tA\tB\nS one .\t0.1\tate\tX\tY\n", "p");
  ASSERT_TRUE(pred.ok());
  CarbResult r = CarbScore(*gold, *pred);
  ASSERT_EQ(r.curve.size(), 2u);
  EXPECT_DOUBLE_EQ(r.curve[0].precision, 0.5);
  EXPECT_DOUBLE_EQ(r.curve[1].precision, 1.0);
  EXPECT_DOUBLE_EQ(r.curve[1].recall, 0.5);
  EXPECT_DOUBLE_EQ(r.best.f1, 2 * 0.5 / 1.5);
  // Area: from (0.5, 1) to (0.5, 0.5) is 0, then to (0, 1) is 0.5 * 1.
  EXPECT_DOUBLE_EQ(r.auc, 0.5);
}

TEST(CarbRead, BadLinesNameTheLine) {
  auto pred =
      ParseCarbPredictions("S\t0.5\tmet\tA\tB\nS\tx\tmet\tA\n", "p.tsv");
  ASSERT_FALSE(pred.ok());
  EXPECT_NE(pred.status().message().find("p.tsv:2"), std::string::npos);
  auto gold = ParseCarbGold("only-a-sentence\n", "g.tsv");
  EXPECT_FALSE(gold.ok());
  EXPECT_FALSE(ReadCarbGold("/nonexistent/gold.tsv").ok());
}

TEST(CarbScore, ReproducesReferenceFiguresForOpenIE5OnDev) {
  const std::string dir = std::string(KG_SHARED_DIR) + "/carb/dev";
  if (!std::filesystem::exists(dir + "/gold.tsv"))
    GTEST_SKIP() << "shared CaRB data absent at " << dir;
  auto gold = ReadCarbGold(dir + "/gold.tsv");
  auto pred = ReadCarbPredictions(dir + "/openie5.tsv");
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  ASSERT_TRUE(pred.ok()) << pred.status().message();
  CarbResult r = CarbScore(*gold, *pred);
  auto round3 = [](double x) { return std::round(x * 1000) / 1000; };
  EXPECT_DOUBLE_EQ(round3(r.auc), 0.240);
  EXPECT_DOUBLE_EQ(round3(r.best.precision), 0.526);
  EXPECT_DOUBLE_EQ(round3(r.best.recall), 0.406);
  EXPECT_DOUBLE_EQ(round3(r.best.f1), 0.458);
}

}  // namespace
}  // namespace kg
