// `kg query` end to end: the built binary, a store loaded with `kg load`, each
// output format, query files, and the errors a user sees.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out, err;
};

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(::testing::TempDir() + "kg-query-cli");
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    CliRun r = Kg("load " KG_SOURCE_DIR "/tests/query/golden/data.nt");
    ASSERT_EQ(r.code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  // Runs kg with --db in the test directory; args are shell-quoted by caller.
  static CliRun Kg(const std::string& args) {
    std::string out = *dir_ + "/out.txt", err = *dir_ + "/err.txt";
    std::string cmd = std::string(KG_BINARY) + " --db " + *dir_ + "/db " +
                      args + " >" + out + " 2>" + err;
    CliRun r;
    int status = std::system(cmd.c_str());
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static std::string* dir_;
};
std::string* QueryCliTest::dir_ = nullptr;

TEST_F(QueryCliTest, TsvIsTheDefaultOffATerminal) {
  CliRun r = Kg("query 'SELECT ?c WHERE { ?c kg:borders kg:Georgia }'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "?c\n<http://kg.local/Azerbaijan>\n");
}

TEST_F(QueryCliTest, TableCsvAndJson) {
  std::string q =
      "'SELECT ?c ?pop { ?c kg:population ?pop } ORDER BY ?pop LIMIT 2'";
  CliRun table = Kg("query --format table " + q);
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_EQ(table.out,
            "c          | pop\n"
            "-----------+--------\n"
            "kg:Armenia | 2963900\n"
            "kg:Georgia | 3713000\n"
            "(2 rows)\n");
  CliRun csv = Kg("query --format csv " + q);
  EXPECT_EQ(csv.out,
            "c,pop\r\nhttp://kg.local/Armenia,2963900\r\n"
            "http://kg.local/Georgia,3713000\r\n");
  CliRun json = Kg("query " + q + " --format json");
  ASSERT_EQ(json.code, 0) << json.err;
  auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["head"]["vars"], nlohmann::json({"c", "pop"}));
  ASSERT_EQ(doc["results"]["bindings"].size(), 2u);
  auto first = doc["results"]["bindings"][0];
  EXPECT_EQ(first["c"]["type"], "uri");
  EXPECT_EQ(first["pop"]["datatype"],
            "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(first["pop"]["value"], "2963900");
}

TEST_F(QueryCliTest, AskConstructAndQueryFile) {
  CliRun ask = Kg("query 'ASK { kg:Georgia kg:borders kg:Armenia }'");
  EXPECT_EQ(ask.out, "true\n");
  CliRun ask_json =
      Kg("query --format json 'ASK { kg:Armenia kg:borders ?x }'");
  EXPECT_EQ(nlohmann::json::parse(ask_json.out)["boolean"], false);
  std::string file = *dir_ + "/q.rq";
  std::ofstream(file) << "CONSTRUCT { ?c kg:ledBy ?p }\nWHERE { ?p kg:leads "
                         "kg:NATO . BIND(kg:NATO AS ?c) }\n";
  CliRun c = Kg("query -f " + file);
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(c.out,
            "<http://kg.local/NATO> <http://kg.local/ledBy> "
            "<http://kg.local/Stoltenberg> .\n");
}

TEST_F(QueryCliTest, SyntaxErrorNamesLineAndColumn) {
  std::string file = *dir_ + "/bad.rq";
  std::ofstream(file)
      << "SELECT ?x\nWHERE { ?x kg:leads ?y\n  FILTER(?y >) }\n";
  CliRun r = Kg("query -f " + file);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "kg: " + file +
                       ": line 3, column 14: expected a literal, found ')'\n");
}

TEST_F(QueryCliTest, LimitsEndTheQueryWithAClearError) {
  CliRun r = Kg("query --max-rows 5 'SELECT * { ?a ?p ?b . ?c ?q ?d }'");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");  // nothing half-written
  EXPECT_NE(r.err.find("more than 5 rows"), std::string::npos) << r.err;
  CliRun bad = Kg("query --format xml 'ASK {}'");
  EXPECT_EQ(bad.code, 2) << bad.err;
}

}  // namespace
