// EntityIndex over a real store, and `kg entities / explain / why` run as a
// process against it.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "ingest/document_builder.h"
#include "ingest/entity_index.h"
#include "ingest/wordnet.h"
#include "tests/cli_runner.h"
#include "tests/ingest/entity_test_util.h"

namespace kg {
namespace {

using testing::Arg;
using testing::Fact;
using testing::ParsedSentence;

using RunResult = testing::CliResult;

// `kg ARGS` (shell text), stderr merged into out.
RunResult RunKg(const std::string& args) {
  testing::CliOptions merged;
  merged.merge_stderr = true;
  return testing::RunKgShell(args, merged);
}

DocumentInput WelcomeDocument(const std::string& id) {
  Article a;
  a.id = id;
  a.date = "2026-01-21";
  std::vector<Sentence> s;
  s.push_back(ParsedSentence(testing::kWelcomeRows, &a.text));
  s.push_back(ParsedSentence(
      "Pashinyan PROPN 2 nsubj\nthanked VERB 0 root\nColomina PROPN 2 obj\n"
      ". PUNCT 2 punct\n",
      &a.text));
  std::vector<std::vector<Extraction>> x(2);
  x[0].push_back(testing::WelcomeFact(s[0]));
  x[1].push_back(
      Fact(s[1], 1, "thank", Arg(s[1], 0, 0, 0), {Arg(s[1], 2, 2, 2)}));
  return BuildDocument(a, s, x, {});
}

class EntityCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!wordnet::Available().ok()) {
      GTEST_SKIP() << wordnet::Available().message();
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("kg_entity_commands_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    auto store = Store::Open(dir_.string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->AddDocument(WelcomeDocument("doc-1")).ok());
    ASSERT_TRUE((*store)->AddDocument(WelcomeDocument("doc-2")).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Db() const { return "--db " + dir_.string(); }

  std::filesystem::path dir_;
};

TEST_F(EntityCommandsTest, IndexCountsMentionsAndDocuments) {
  OpenOptions ro;
  ro.read_only = true;
  auto store = Store::Open(dir_.string(), ro);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto view = (*store)->NewReadView();
  auto index = EntityIndex::Load(*view, Vocabulary());
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  auto found = index->Find("pashinyan");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->name, "Nikol Pashinyan");
  EXPECT_EQ(found[0]->type, EntityType::kPerson);
  EXPECT_EQ(found[0]->documents, 2u);
  EXPECT_EQ(found[0]->mentions, 4u);  // two per document
  EXPECT_EQ(index->Find("NATO").size(), 1u);
  auto suggestions = index->Suggest("Pashinyn");
  ASSERT_FALSE(suggestions.empty());
  EXPECT_EQ(suggestions[0], "Nikol Pashinyan");
}

TEST_F(EntityCommandsTest, EntitiesCommand) {
  RunResult r = RunKg(Db() + " entities --type person --format tsv");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("Nikol Pashinyan\tPerson\t4\t2\tPashinyan"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("Yerevan"), std::string::npos) << r.out;
  r = RunKg(Db() + " entities --format json --sort documents");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("\"name\": \"Yerevan\""), std::string::npos) << r.out;
  EXPECT_EQ(RunKg(Db() + " entities --type animal").code, 2);
}

TEST_F(EntityCommandsTest, ExplainAndWhy) {
  RunResult r = RunKg(Db() + " explain 'nikol pashinyan'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("welcome  Javier Colomina"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("role  \"Prime Minister\""), std::string::npos) << r.out;
  r = RunKg(Db() + " why Pashinyan welcomed colomina");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("2 statements"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("doc-1, sentence 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("welcomed NATO Secretary General"), std::string::npos)
      << r.out;
  r = RunKg(Db() + " explain Pashinyn");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("did you mean: Nikol Pashinyan"), std::string::npos)
      << r.out;
  r = RunKg(Db() + " why Pashinyan visited Colomina");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no fact"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kg
