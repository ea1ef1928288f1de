// End-to-end ingest of a small batch (a directory of .txt files and a JSON
// Lines file) into a temporary store, through the library and through `kg
// ingest`: documents and triples land, a re-run is a no-op, the thread count
// does not change the result, and bad documents are reported and skipped.
#include "ingest/pipeline.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "tests/cli_runner.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Parser::Load(DefaultModelPath());
    if (p.ok()) parser_ = std::move(p).value().release();
  }
  static void TearDownTestSuite() { delete parser_; }

  void SetUp() override {
    if (parser_ == nullptr)
      GTEST_SKIP() << "no parser model at " << DefaultModelPath();
    dir_ = fs::temp_directory_path() /
           ("kg_pipeline_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "docs" / "sub");
    Write("docs/a.txt",
          "Armenia Welcomes NATO Envoy\n\nArmenian Prime Minister Nikol "
          "Pashinyan welcomed NATO Secretary General Javier Colomina to "
          "Yerevan on January 19. The meeting focused on regional security.");
    Write("docs/sub/b.md",
          "The company opened a new factory in Ohio. It employs 300 workers.");
    Write("docs/bad.txt", "Broken \xFF text.");
    Write("news.jsonl",
          "{\"id\": \"n1\", \"title\": \"Storm\", \"date\": \"2019-01-04\", "
          "\"text\": \"A storm hit the coast on Monday. Officials said that "
          "the storm destroyed 40 homes.\"}\n"
          "{\"id\": \"n2\", \"text\": \"\"}\n"
          "{\"id\": \"n3\", \"text\": \"Maria Garcia founded the museum in "
          "1981. She later served as its director.\"}\n");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(dir_ / rel, std::ios::binary) << content;
  }

  std::vector<std::string> Inputs() const {
    return {(dir_ / "docs").string(), (dir_ / "news.jsonl").string()};
  }

  PipelineStats Ingest(const std::string& db, int threads,
                       std::vector<std::string>* errors) {
    auto store = Store::Open(db);
    EXPECT_TRUE(store.ok()) << store.status().message();
    auto reader = OpenArticleReader(Inputs());
    PipelineOptions o;
    o.threads = threads;
    o.window = 2;  // small, to exercise the reorder window
    PipelineCallbacks cb;
    cb.on_error = [&](const std::string& m) { errors->push_back(m); };
    auto stats =
        RunPipeline(reader.get(), *parser_, extractor_, store->get(), o, cb);
    EXPECT_TRUE(stats.ok()) << stats.status().message();
    return *stats;
  }

  // Every triple of the store, rendered, as a set.
  static std::set<std::string> Triples(const std::string& db) {
    OpenOptions ro;
    ro.read_only = true;
    auto store = Store::Open(db, ro);
    EXPECT_TRUE(store.ok()) << store.status().message();
    std::set<std::string> out;
    auto view = (*store)->NewReadView();
    for (auto it = view->Match(kNoTerm, kNoTerm, kNoTerm); it->Valid();
         it->Next()) {
      IdTriple t = it->triple();
      std::string line;
      for (TermId id : {t.s, t.p, t.o}) line += view->Resolve(id)->value + " ";
      out.insert(line);
    }
    return out;
  }

  static inline Parser* parser_ = nullptr;
  Extractor extractor_;
  fs::path dir_;
};

TEST_F(PipelineTest, SmallBatchLandsAndRerunIsNoOp) {
  std::string db = (dir_ / "db1").string();
  std::vector<std::string> errors;
  PipelineStats s = Ingest(db, 2, &errors);
  EXPECT_EQ(s.documents, 6u);
  EXPECT_EQ(s.added, 4u);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_GE(s.sentences, 8u);
  EXPECT_GT(s.triples, 0u);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("bad.txt:1: invalid UTF-8 at byte 7; document "
                           "skipped"),
            std::string::npos)
      << errors[0];
  EXPECT_NE(errors[1].find("news.jsonl:2: empty text; document skipped"),
            std::string::npos)
      << errors[1];
  {
    OpenOptions ro;
    ro.read_only = true;
    auto store = Store::Open(db, ro);
    ASSERT_TRUE(store.ok());
    auto view = (*store)->NewReadView();
    for (const char* id : {"a.txt", "sub/b.md", "n1", "n3"}) {
      auto rec = view->GetDocument(id);
      ASSERT_TRUE(rec.ok()) << id;
      EXPECT_GT(rec->triple_count, 0u) << id;
    }
    EXPECT_EQ(view->GetDocument("a.txt")->title, "Armenia Welcomes NATO Envoy");
    EXPECT_EQ(view->GetDocument("n1")->date, "2019-01-04");
    auto stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents, 4u);
  }
  std::set<std::string> before = Triples(db);
  errors.clear();
  PipelineStats again = Ingest(db, 2, &errors);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.replaced, 0u);
  EXPECT_EQ(again.unchanged, 4u);
  EXPECT_EQ(again.failed, 2u);
  EXPECT_EQ(Triples(db), before);
}

TEST_F(PipelineTest, ThreadCountDoesNotChangeTheStore) {
  std::vector<std::string> errors;
  Ingest((dir_ / "one").string(), 1, &errors);
  Ingest((dir_ / "three").string(), 3, &errors);
  std::set<std::string> one = Triples((dir_ / "one").string());
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, Triples((dir_ / "three").string()));
}

TEST_F(PipelineTest, ChangedDocumentIsReplaced) {
  std::string db = (dir_ / "db").string();
  std::vector<std::string> errors;
  Ingest(db, 2, &errors);
  Write("docs/sub/b.md", "The council approved the budget on Tuesday.");
  PipelineStats s = Ingest(db, 2, &errors);
  EXPECT_EQ(s.replaced, 1u);
  EXPECT_EQ(s.unchanged, 3u);
}

TEST_F(PipelineTest, CommandLineSummaryAndExitCode) {
  const std::vector<std::string> args = {"--db",     (dir_ / "cli").string(),
                                         "ingest",   "--threads",
                                         "2",        Inputs()[0],
                                         Inputs()[1]};
  testing::CliResult r = testing::RunKg(args);
  EXPECT_EQ(r.code, 1);  // two documents failed
  EXPECT_NE(r.out.find("documents: 4 added, 0 unchanged, 0 replaced, 2 failed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("invalid UTF-8 at byte 7; document skipped"),
            std::string::npos)
      << r.err;
  r = testing::RunKg(args);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("documents: 0 added, 4 unchanged"), std::string::npos)
      << r.out;
}

TEST_F(PipelineTest, StdinAndMissingPathThroughTheCommand) {
  std::string db = (dir_ / "stdin_db").string();
  std::string missing = (dir_ / "no-such-dir").string();
  testing::CliOptions stdin_text;
  stdin_text.input = "Bridge Opens\n\nThe mayor opened a bridge on Friday.\n";
  testing::CliResult r = testing::RunKg(
      {"--db", db, "ingest", "-", missing, "--quiet"}, stdin_text);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(
      r.err.find(missing + ":1: no such file or directory; document skipped"),
      std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");  // --quiet: no summary
  OpenOptions ro;
  ro.read_only = true;
  auto store = Store::Open(db, ro);
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto rec = (*store)->NewReadView()->GetDocument("stdin");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->title, "Bridge Opens");
}

}  // namespace
}  // namespace kg
