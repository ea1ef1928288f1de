// `kg train`, `kg parse` and `kg eval parse` end to end on a tiny slice of the
// treebank (the retraining path a user runs), plus their error messages and
// the warning when WordNet is missing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli_runner.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

using CmdResult = kg::testing::CliResult;

// `kg ARGS` (shell text), stderr merged into out; `env` NAME=VALUE added.
CmdResult Kg(const std::string& args, const std::string& env = "") {
  kg::testing::CliOptions merged;
  merged.merge_stderr = true;
  if (!env.empty()) merged.env.push_back(env);
  return kg::testing::RunKgShell(args, merged);
}

class ParserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_parser_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // The first `n` sentences of a CoNLL-U file, written to dir_/name.
  std::string Slice(const std::string& from, int n, const std::string& name) {
    std::ifstream in(from);
    std::ofstream out(dir_ / name);
    std::string line;
    int blank = 0;
    while (blank < n && std::getline(in, line)) {
      out << line << "\n";
      blank += line.empty();
    }
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST_F(ParserCliTest, TrainParseEval) {
  std::string shared = KG_SHARED_DIR;
  std::string train = shared + "/ud/train/gum_court.conllu";
  std::string dev = shared + "/ud/dev/en_ewt-ud-dev.conllu";
  if (!fs::exists(train) || !fs::exists(dev))
    GTEST_SKIP() << "shared UD data absent (" << train << ")";
  std::string tr = Slice(train, 400, "train.conllu");
  std::string dv = Slice(dev, 100, "dev.conllu");
  std::string model = (dir_ / "m.kgm").string();
  CmdResult t = Kg("train --train " + tr + " --dev " + dv + " -o " + model +
                   " --epochs 2 --tagger-epochs 2 --folds 2");
  ASSERT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find("parser epoch 2"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("best epoch"), std::string::npos) << t.out;
  ASSERT_TRUE(fs::exists(model));

  std::ofstream(dir_ / "s.txt") << "I saw the ship .\nIt sank .\n";
  CmdResult p = Kg("parse --sentences --model " + model + " " +
                   (dir_ / "s.txt").string());
  ASSERT_EQ(p.code, 0) << p.out;
  EXPECT_NE(p.out.find("# text = I saw the ship ."), std::string::npos);
  EXPECT_NE(p.out.find("\troot\t"), std::string::npos) << p.out;
  // Two sentences of 5 and 3 words: 8 word lines.
  int lines = 0;
  std::istringstream in(p.out);
  std::string line;
  while (std::getline(in, line)) lines += !line.empty() && line[0] != '#';
  EXPECT_EQ(lines, 8);

  CmdResult e = Kg("eval parse --gold " + dv + " --model " + model);
  ASSERT_EQ(e.code, 0) << e.out;
  EXPECT_NE(e.out.find("UPOS"), std::string::npos);
  EXPECT_NE(e.out.find("LAS        "), std::string::npos);
  EXPECT_NE(e.out.find("punctuation included"), std::string::npos);
}

TEST_F(ParserCliTest, BadModelAndBadInputFailCleanly) {
  std::ofstream(dir_ / "bad.kgm") << "garbage";
  std::ofstream(dir_ / "s.txt") << "Hello .\n";
  CmdResult r = Kg("parse --sentences --model " + (dir_ / "bad.kgm").string() +
                   " " + (dir_ / "s.txt").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("kg: "), std::string::npos);
  EXPECT_NE(r.out.find("bad.kgm"), std::string::npos) << r.out;

  std::ofstream(dir_ / "bad.conllu") << "1\tA\t_\n";
  r = Kg("eval parse --gold " + (dir_ / "bad.conllu").string() + " --model " +
         (dir_ / "bad.kgm").string());
  EXPECT_EQ(r.code, 1);
  r = Kg("train --train " + (dir_ / "bad.conllu").string() + " -o " +
         (dir_ / "x.kgm").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("bad.conllu:1: expected 10"), std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "x.kgm"));
}

TEST_F(ParserCliTest, WithoutWordNetParsingWarnsAndGoesOn) {
  std::ofstream(dir_ / "s.txt") << "The dog chased the cat .\n";
  CmdResult r = Kg("parse --sentences " + (dir_ / "s.txt").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out.find("warning"), std::string::npos) << r.out;
  r = Kg("parse --sentences " + (dir_ / "s.txt").string(),
         "WNSEARCHDIR=" + (dir_ / "no-wordnet").string());
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("kg: warning: WordNet database not found in " +
                       (dir_ / "no-wordnet").string()),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("6\t.\t"), std::string::npos) << r.out;  // all parsed
}

}  // namespace
}  // namespace kg
