// Runs the real `kg` binary (KG_BINARY) on temporary stores: load, triples,
// stats, docs, remove, export, and the error paths (malformed input, usage).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tests/cli_runner.h"

namespace {

namespace fs = std::filesystem;

using Result = kg::testing::CliResult;
using kg::testing::ShellQuote;

std::string Quote(const std::string& s) { return ShellQuote(s); }

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_store_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kg.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  // Runs `kg --db DB ARGS` in a shell (so ARGS may redirect stdin).
  Result Kg(const std::string& args) {
    return kg::testing::RunKgShell("--db " + Quote(db_) + " " + args);
  }

  nlohmann::json Json(const std::string& args) {
    Result r = Kg(args);
    EXPECT_EQ(r.code, 0) << args << "\n" << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }

  fs::path dir_;
  std::string db_;
};

const char kNt[] =
    "<http://ex.org/alice> <http://ex.org/knows> <http://ex.org/bob> .\n"
    "<http://ex.org/alice> <http://www.w3.org/2000/01/rdf-schema#label> "
    "\"Alice\"@en .\n"
    "<http://ex.org/bob> <http://ex.org/age> "
    "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "_:n1 <http://ex.org/says> \"caf\\u00E9 \\\"quoted\\\"\\ttab\" .\n"
    "<http://ex.org/bob> <http://ex.org/knows> _:n1 .\n";

const char kTtl[] =
    "@prefix ex: <http://ex.org/> .\n"
    "ex:alice ex:knows ex:bob , ex:carol .\n"  // alice knows bob: shared
    "ex:carol ex:born \"1990-01-02\"^^<http://www.w3.org/2001/XMLSchema#date> "
    ".\n";

TEST_F(StoreCliTest, LoadQueryRemove) {
  std::string nt = Write("a.nt", kNt), ttl = Write("b.ttl", kTtl);
  Result load = Kg("load " + Quote(nt) + " " + Quote(ttl));
  ASSERT_EQ(load.code, 0) << load.err;
  EXPECT_NE(load.out.find("5 triples"), std::string::npos) << load.out;

  auto stats = Json("stats --format json");
  EXPECT_EQ(stats["triples"], 7);  // 5 + 3, one shared
  EXPECT_EQ(stats["documents"], 2);

  auto docs = Json("docs --format json");
  ASSERT_EQ(docs.size(), 2u);
  std::set<std::string> ids = {docs[0]["id"], docs[1]["id"]};
  EXPECT_EQ(ids, (std::set<std::string>{nt, ttl}));

  auto knows = Json("triples --predicate http://ex.org/knows --format json");
  EXPECT_EQ(knows.size(), 3u);
  auto alice = Json(
      "triples -s '<http://ex.org/alice>' -o '\"Alice\"@en' --format json");
  ASSERT_EQ(alice.size(), 1u);
  EXPECT_EQ(alice[0]["object"]["xml:lang"], "en");
  auto age = Json(
      "triples --object '\"42\"^^<http://www.w3.org/2001/"
      "XMLSchema#integer>' --format json");
  EXPECT_EQ(age.size(), 1u);
  EXPECT_EQ(Json("triples --subject http://ex.org/nobody --format json").size(),
            0u);
  EXPECT_EQ(Json("triples --limit 2 --format json").size(), 2u);
  Result tsv = Kg("triples --predicate http://ex.org/born --format tsv");
  EXPECT_EQ(tsv.out,
            "<http://ex.org/carol>\t<http://ex.org/born>\t\"1990-01-02\"^^<"
            "http://www.w3.org/2001/XMLSchema#date>\n");
  Result table = Kg("triples --subject http://ex.org/carol");
  EXPECT_NE(table.out.find("(1 triple)"), std::string::npos) << table.out;

  // Unchanged reload is a no-op; removal keeps the shared triple.
  Result again = Kg("load " + Quote(ttl));
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
  // A changed file replaces what its document contributed before.
  Write("b.ttl", "<http://ex.org/carol> <http://ex.org/born> \"1991\" .\n");
  Result changed = Kg("load " + Quote(ttl));
  EXPECT_NE(changed.out.find("replaced"), std::string::npos) << changed.out;
  EXPECT_EQ(Json("stats --format json")["triples"], 6);  // 5 + 1
  Write("b.ttl", kTtl);
  ASSERT_EQ(Kg("load " + Quote(ttl)).code, 0);

  Result rm = Kg("remove --doc " + Quote(nt));
  ASSERT_EQ(rm.code, 0) << rm.err;
  EXPECT_EQ(Json("stats --format json")["triples"], 3);
  EXPECT_EQ(Json("triples -s http://ex.org/alice -p http://ex.org/knows "
                 "-o http://ex.org/bob --format json")
                .size(),
            1u);
  Result missing = Kg("remove --doc nope");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no document 'nope'"), std::string::npos);
}

TEST_F(StoreCliTest, MalformedFileWritesNothing) {
  ASSERT_EQ(Kg("load " + Quote(Write("good.nt", kNt))).code, 0);
  std::string bad = Write("bad.nt",
                          "<http://ex.org/x> <http://ex.org/p> \"1\" .\n"
                          "<http://ex.org/y> <http://ex.org/p> \"2\" .\n"
                          "<http://ex.org/z> <http://ex.org/p> oops .\n");
  Result r = Kg("load " + Quote(bad));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(bad + ":3: "), std::string::npos) << r.err;
  EXPECT_EQ(Json("stats --format json")["triples"], 5);
  EXPECT_EQ(Json("docs --format json").size(), 1u);
  EXPECT_EQ(Json("triples -s http://ex.org/x --format json").size(), 0u);

  std::string bad_tsv = Write("bad.tsv", "a\tb\tc\nd\te\n");
  Result t = Kg("load - --format tsv < " + Quote(bad_tsv));
  EXPECT_EQ(t.code, 1);
  EXPECT_NE(t.err.find("-:2: expected 3 tab-separated fields"),
            std::string::npos)
      << t.err;
}

TEST_F(StoreCliTest, StdinTsvAndTurtle) {
  std::string tsv = Write("x.tsv", "Alice\tknows\tBob the builder\n");
  Result r = Kg("load - --format tsv --id people < " + Quote(tsv));
  ASSERT_EQ(r.code, 0) << r.err;
  auto rows = Json("triples --subject Alice --format json");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["predicate"]["value"], "http://kg.local/knows");
  EXPECT_EQ(rows[0]["object"]["value"], "Bob the builder");
  EXPECT_EQ(Json("docs --format json")[0]["id"], "people");
}

TEST_F(StoreCliTest, UsageErrorsExitTwo) {
  static const char* kCases[] = {
      "load",               // missing FILE
      "load x.nt --bogus",  // unknown flag
      "load - ",            // stdin needs --format
      "load x.nt --format rdfxml",
      "triples --format xml",
      "triples --limit many",
      "triples --subject '<http://unterminated'",
      "remove",  // missing --doc
      "export --format ttl",
      "stats extra",
  };
  for (const char* args : kCases) {
    Result r = Kg(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_FALSE(r.err.empty()) << args;
  }
  for (const char* cmd :
       {"load", "triples", "stats", "export", "remove", "docs"}) {
    Result r = Kg(std::string(cmd) + " --help");
    EXPECT_EQ(r.code, 0) << cmd;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << cmd;
  }
}

TEST_F(StoreCliTest, ExportRoundTripThroughRapperAndRdflib) {
  std::string nt = Write("a.nt", kNt), ttl = Write("b.ttl", kTtl);
  ASSERT_EQ(Kg("load " + Quote(nt) + " " + Quote(ttl)).code, 0);
  std::string out = (dir_ / "export.nt").string();
  Result ex = Kg("export --format nt -o " + Quote(out));
  ASSERT_EQ(ex.code, 0) << ex.err;
  uint64_t triples = Json("stats --format json")["triples"];

  if (std::system("command -v rapper >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "rapper (raptor2-utils) is not installed";
  }
  kg::testing::CliOptions merged;
  merged.merge_stderr = true;
  Result rapper =
      kg::testing::RunProcess({"rapper", "-i", "ntriples", "-c", out}, merged);
  const std::string& rapper_out = rapper.out;
  EXPECT_EQ(rapper.code, 0) << rapper_out;
  EXPECT_NE(rapper_out.find("returned " + std::to_string(triples) + " triples"),
            std::string::npos)
      << rapper_out;

  if (std::system("/usr/bin/python3 -c 'import rdflib' 2>/dev/null") != 0) {
    GTEST_SKIP() << "python3-rdflib is not installed";
  }
  std::string script =
      std::string(KG_SOURCE_DIR) + "/tests/tools/store_rdf_isomorphic.py";
  std::string cmd = "/usr/bin/python3 " + Quote(script) + " " + Quote(out) +
                    " nt " + Quote(nt) + " nt " + Quote(ttl) + " turtle 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;

  std::string nq = (dir_ / "export.nq").string();
  ASSERT_EQ(Kg("export --format nq -o " + Quote(nq)).code, 0);
  cmd = "/usr/bin/python3 " + Quote(script) + " " + Quote(nq) + " nquads " +
        Quote(out) + " nt 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

}  // namespace
