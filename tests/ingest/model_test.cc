// Model files: a saved model loads back and parses identically; truncated,
// corrupted or foreign files give a clear Corruption/IOError, never a crash.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/model_file.h"
#include "ingest/parser.h"
#include "ingest/parser_greedy.h"
#include "tests/ingest/tiny_treebank.h"

namespace kg {
namespace {

using testing::TinySentences;
using testing::TrainForTest;

class ModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<std::unique_ptr<GreedyParser>> p = TrainForTest(
        TinySentences(), ParseDirection::kForward, RootPlacement::kFront);
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    ModelFile file;
    (*p)->Save(&file);
    bytes_ = new std::string(file.Serialize());
  }
  static void TearDownTestSuite() { delete bytes_; }

  std::string Write(const std::string& name, std::string_view bytes) {
    std::string path =
        (std::filesystem::temp_directory_path() /
         ("kg_model_test_" + std::to_string(::getpid()) + "_" + name))
            .string();
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& p : paths_) std::remove(p.c_str());
  }

  static std::string* bytes_;
  std::vector<std::string> paths_;
};
std::string* ModelTest::bytes_ = nullptr;

// The checksum of model files is the standard CRC-32 (IEEE 802.3), so files
// written before and after its implementation changed stay readable.
TEST(ModelFileTest, Crc32IsTheStandardOne) {
  EXPECT_EQ(Crc32(""), 0u);
  EXPECT_EQ(Crc32("123456789"), 0xcbf43926u);
}

TEST_F(ModelTest, SavedModelLoadsAndParses) {
  StatusOr<std::unique_ptr<Parser>> p = Parser::Load(Write("ok.kgm", *bytes_));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Sentence s;
  for (const char* w : {"Dogs", "bark", "."}) {
    Token t;
    t.form = w;
    s.tokens.push_back(t);
  }
  (*p)->Annotate(&s);
  // Learned from three sentences: it reproduces its training tree.
  EXPECT_EQ(s.tokens[0].head, 2);
  EXPECT_EQ(s.tokens[1].head, 0);
  EXPECT_EQ(s.tokens[1].deprel, "root");
  EXPECT_EQ(s.tokens[0].upos, "NOUN");
  // Serialisation is deterministic.
  StatusOr<ModelFile> f = ModelFile::Parse(*bytes_, "x");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->Serialize(), *bytes_);
}

TEST_F(ModelTest, TruncatedFilesAreCorruption) {
  for (size_t len :
       {size_t(0), size_t(5), size_t(16), bytes_->size() / 3,
        bytes_->size() / 2, bytes_->size() - 5, bytes_->size() - 1}) {
    StatusOr<std::unique_ptr<Parser>> p =
        Parser::Load(Write("trunc.kgm", bytes_->substr(0, len)));
    ASSERT_FALSE(p.ok()) << len;
    EXPECT_EQ(p.status().code(), Status::Code::kCorruption) << len;
    EXPECT_NE(p.status().message().find("trunc.kgm"), std::string::npos);
    EXPECT_NE(p.status().message().find("not a usable kg model file"),
              std::string::npos)
        << p.status().message();
  }
}

TEST_F(ModelTest, FlippedBytesAreCorruption) {
  for (size_t at = 9; at < bytes_->size(); at += bytes_->size() / 37 + 1) {
    std::string damaged = *bytes_;
    damaged[at] = char(damaged[at] ^ 0x5a);
    StatusOr<std::unique_ptr<Parser>> p =
        Parser::Load(Write("flip.kgm", damaged));
    ASSERT_FALSE(p.ok()) << at;
    EXPECT_EQ(p.status().code(), Status::Code::kCorruption) << at;
  }
}

TEST_F(ModelTest, ForeignAndMissingFiles) {
  StatusOr<std::unique_ptr<Parser>> p =
      Parser::Load(Write("text.kgm", "# text = not a model\n"));
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("bad magic"), std::string::npos);
  p = Parser::Load("/nonexistent/dir/model.kgm");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), Status::Code::kIOError);
  EXPECT_NE(p.status().message().find("/nonexistent/dir/model.kgm"),
            std::string::npos);
}

// A well-formed container whose sections are inconsistent (checksums
// recomputed) is still refused.
TEST_F(ModelTest, InconsistentSectionsAreCorruption) {
  StatusOr<ModelFile> f = ModelFile::Parse(*bytes_, "x");
  ASSERT_TRUE(f.ok());
  ModelFile broken;
  for (const char* tag : {"META", "TAGS", "TDIC", "TAMB", "TGWT", "LABL"}) {
    uint32_t t = uint32_t(uint8_t(tag[0])) | uint32_t(uint8_t(tag[1])) << 8 |
                 uint32_t(uint8_t(tag[2])) << 16 |
                 uint32_t(uint8_t(tag[3])) << 24;
    ASSERT_NE(f->Section(t), nullptr) << tag;
    broken.AddSection(t, *f->Section(t));
  }
  // Parser weights cut short inside their arrays.
  std::string w = *f->Section(SectionTag("PRWT"));
  broken.AddSection(SectionTag("PRWT"), w.substr(0, w.size() - 3));
  StatusOr<std::unique_ptr<Parser>> p =
      Parser::Load(Write("sections.kgm", broken.Serialize()));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), Status::Code::kCorruption);
  EXPECT_NE(p.status().message().find("weight table"), std::string::npos)
      << p.status().message();
}

// The ROOT section says where the transition system put the root; a model
// trained with the root at the end keeps it there when loaded. A file
// without the section is an older model (root at the front) and still
// loads; a damaged one is Corruption.
TEST_F(ModelTest, RootPlacementSection) {
  StatusOr<std::unique_ptr<GreedyParser>> trained = TrainForTest(
      TinySentences(), ParseDirection::kForward, RootPlacement::kEnd);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ModelFile file;
  (*trained)->Save(&file);
  StatusOr<ModelFile> f = ModelFile::Parse(file.Serialize(), "x");
  ASSERT_TRUE(f.ok());
  const uint32_t kRoot = SectionTag("ROOT");
  ASSERT_NE(f->Section(kRoot), nullptr);
  EXPECT_EQ(*f->Section(kRoot), std::string(1, char(RootPlacement::kEnd)));
  StatusOr<std::unique_ptr<GreedyParser>> end = GreedyParser::Load(*f, "x");
  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_EQ((*end)->root(), RootPlacement::kEnd);
  Sentence dogs;
  for (const char* w : {"Dogs", "bark", "."}) {
    Token t;
    t.form = w;
    dogs.tokens.push_back(t);
  }
  Sentence parsed = dogs;
  (*end)->Annotate(&parsed);
  EXPECT_EQ(parsed.tokens[0].head, 2);
  EXPECT_EQ(parsed.tokens[1].head, 0);
  EXPECT_EQ(parsed.tokens[1].deprel, "root");
  const uint32_t kOthers[] = {SectionTag("META"), SectionTag("TAGS"),
                              SectionTag("TDIC"), SectionTag("TAMB"),
                              SectionTag("TGWT"), SectionTag("LABL"),
                              SectionTag("PRWT")};
  auto without_root = [&] {
    ModelFile copy;
    for (uint32_t tag : kOthers) copy.AddSection(tag, *f->Section(tag));
    return copy;
  };
  StatusOr<std::unique_ptr<GreedyParser>> old =
      GreedyParser::Load(without_root(), "x");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ((*old)->root(), RootPlacement::kFront);
  Sentence s = dogs;
  (*old)->Annotate(&s);
  int roots = 0;
  for (const Token& t : s.tokens) roots += t.head == 0;
  EXPECT_EQ(roots, 1);
  for (std::string bad :
       {std::string(), std::string("\x07"), std::string("\x01\x01")}) {
    ModelFile copy = without_root();
    copy.AddSection(kRoot, bad);
    StatusOr<std::unique_ptr<GreedyParser>> p = GreedyParser::Load(copy, "x");
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.status().code(), Status::Code::kCorruption);
    EXPECT_NE(p.status().message().find("root placement"), std::string::npos)
        << p.status().message();
  }
}

TEST(DefaultModelPathTest, EnvironmentOverrides) {
  ::setenv("KG_MODEL", "/tmp/some.kgm", 1);
  EXPECT_EQ(DefaultModelPath(), "/tmp/some.kgm");
  ::unsetenv("KG_MODEL");
  std::string def = DefaultModelPath();
  EXPECT_NE(def.find("models/en_ud.kgm"), std::string::npos) << def;
}

}  // namespace
}  // namespace kg
