// End to end through the real tagger and parser (skipped when the model file
// is absent), and the `kg extract` / `kg eval oie` commands.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "ingest/extractor.h"
#include "ingest/parser.h"
#include "ingest/tokenizer.h"
#include "tests/cli_runner.h"

namespace kg {
namespace {

class ParsedExtract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Parser::Load(DefaultModelPath());
    if (p.ok()) parser_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() {
    delete parser_;
    parser_ = nullptr;
  }
  void SetUp() override {
    if (parser_ == nullptr)
      GTEST_SKIP() << "no parser model at " << DefaultModelPath();
  }
  std::vector<Extraction> Extract(const std::string& line) {
    Sentence s = TokenizePretokenized(line);
    parser_->Annotate(&s);
    return Extractor().Extract(s);
  }
  static bool Has(const std::vector<Extraction>& xs, const std::string& rel,
                  const std::string& subj, const std::string& obj) {
    for (const auto& x : xs)
      if (x.relation == rel && x.subject.text == subj && !x.objects.empty() &&
          x.objects[0].text == obj)
        return true;
    return false;
  }
  static Parser* parser_;
};
Parser* ParsedExtract::parser_ = nullptr;

TEST_F(ParsedExtract, SimpleNewsSentences) {
  auto xs = Extract("On Tuesday , the minister welcomed the agreement .");
  EXPECT_TRUE(Has(xs, "welcomed", "the minister", "the agreement"));
  for (const auto& x : xs)
    if (x.relation == "welcomed") {
      EXPECT_EQ(x.relation_lemma, "welcome");
      ASSERT_FALSE(x.qualifiers.empty());
      EXPECT_EQ(x.qualifiers[0].text, "On Tuesday");
    }
  auto ys = Extract("Armenia and Azerbaijan did not sign the treaty .");
  EXPECT_TRUE(Has(ys, "did not sign", "Armenia", "the treaty"));
  EXPECT_TRUE(Has(ys, "did not sign", "Azerbaijan", "the treaty"));
}

TEST_F(ParsedExtract, ConfidencesAreProbabilitiesAndVary) {
  auto xs = Extract(
      "In 1981 , the company , which was founded by two engineers , moved "
      "its headquarters to Boston and hired 200 workers .");
  ASSERT_GE(xs.size(), 2u);
  bool differ = false;
  for (const auto& x : xs) {
    EXPECT_GE(x.confidence, 0.f);
    EXPECT_LE(x.confidence, 1.f);
    if (x.confidence != xs[0].confidence) differ = true;
  }
  EXPECT_TRUE(differ);
}

// Standard output of a shell command line.
std::string RunCommand(const std::string& cmd) {
  return kg::testing::RunProcess({"/bin/sh", "-c", cmd}).out;
}

TEST_F(ParsedExtract, CarbFormatFromTheCommandLine) {
  std::string dir = ::testing::TempDir();
  std::string in = dir + "/extract_cli_sentences.txt";
  {
    std::ofstream f(in);
    f << "Barbara 's husband founded the `` Acme '' company -LRB- AC -RRB- "
         ".\n\nThe firm hired 200 workers .\n";
  }
  std::string out = RunCommand(std::string(KG_BINARY) +
                               " extract --sentences " + in + " --format carb");
  std::istringstream lines(out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    ASSERT_GE(fields.size(), 5u) << line;
    EXPECT_TRUE(fields[0] == "The firm hired 200 workers ." ||
                fields[0].rfind("Barbara 's husband", 0) == 0);
    double conf = std::stod(fields[1]);
    EXPECT_GE(conf, 0.0);
    EXPECT_LE(conf, 1.0);
    // Arguments are token sequences of the sentence.
    for (size_t i = 3; i < fields.size(); ++i)
      EXPECT_NE((" " + fields[0] + " ").find(" " + fields[i] + " "),
                std::string::npos)
          << fields[i];
  }
  EXPECT_GE(count, 2);
}

TEST(EvalOieCommand, ScoresTheReferenceOutput) {
  const std::string dir = std::string(KG_SHARED_DIR) + "/carb/dev";
  if (!std::filesystem::exists(dir + "/gold.tsv"))
    GTEST_SKIP() << "shared CaRB data absent at " << dir;
  std::string out =
      RunCommand(std::string(KG_BINARY) + " eval oie --gold " + dir +
                 "/gold.tsv --pred " + dir + "/openie5.tsv");
  EXPECT_NE(out.find("AUC 0.240  P 0.526  R 0.406  F1 0.458"),
            std::string::npos)
      << out;
  std::string bad = RunCommand(std::string(KG_BINARY) +
                               " eval oie --gold /nonexistent.tsv --pred " +
                               dir + "/openie5.tsv 2>&1");
  EXPECT_NE(bad.find("/nonexistent.tsv"), std::string::npos) << bad;
}

}  // namespace
}  // namespace kg
