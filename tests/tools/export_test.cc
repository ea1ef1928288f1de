// kg export: N-Quads with one named graph per document (checked with rdflib
// and rapper), and the Neo4j / NebulaGraph CSV layouts (headers, quoting,
// endpoints, counts against the N-Quads), on hand-written documents and on
// the ingested samples/.
#include <set>

#include "tests/tools/export_fixture.h"

namespace kg::testing {
namespace {

constexpr char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::string kLabel = "<http://www.w3.org/2000/01/rdf-schema#label>";

// Two documents sharing a triple (ex:alice ex:knows ex:bob); names with a
// comma, quotes and a line break; a reified statement in the second document.
class ExportTest : public ExportFixture {
 protected:
  void LoadTwoDocuments() {
    const std::string type = std::string("<") + kRdf + "type>";
    Write("one.nt",
          "<http://ex.org/alice> <http://ex.org/knows> <http://ex.org/bob> .\n"
          "<http://ex.org/alice> " +
              kLabel +
              " \"Smith, Alice \\\"Al\\\"\" .\n"
              "<http://ex.org/alice> " +
              type +
              " <http://kg.local/Person> .\n"
              "<http://ex.org/bob> " +
              kLabel + " \"Bob\\nJones\" .\n");
    Write(
        "two.nt",
        "<http://ex.org/alice> <http://ex.org/knows> <http://ex.org/bob> .\n"
        "<http://ex.org/bob> <http://ex.org/worksFor> <http://ex.org/acme> .\n"
        "<http://ex.org/acme> " +
            kLabel +
            " \"Acme, Inc.\" .\n"
            "<http://kg.local/statement/x> " +
            type + " <" + kRdf +
            "Statement> .\n"
            "<http://kg.local/statement/x> <" +
            kRdf +
            "subject> <http://ex.org/bob> .\n"
            "<http://kg.local/statement/x> <" +
            kRdf +
            "predicate> <http://ex.org/worksFor> .\n"
            "<http://kg.local/statement/x> <" +
            kRdf +
            "object> <http://ex.org/acme> .\n"
            "<http://kg.local/statement/x> <http://kg.local/source> \"dir/ü, "
            "2\" .\n");
    KgOk("kg.db", "load one.nt --id 'doc one'");
    KgOk("kg.db", "load two.nt --id 'dir/ü, 2'");
  }
};

TEST_F(ExportTest, NQuadsHasOneGraphPerDocument) {
  LoadTwoDocuments();
  const std::string nq = KgOk("kg.db", "export --format nq");
  // The shared triple once per supporting document, each in its own graph.
  const std::string shared =
      "<http://ex.org/alice> <http://ex.org/knows> <http://ex.org/bob> ";
  EXPECT_NE(nq.find(shared + "<http://kg.local/doc/doc%20one> ."),
            std::string::npos)
      << nq;
  EXPECT_NE(nq.find(shared + "<http://kg.local/doc/dir%2F%C3%BC%2C%202> ."),
            std::string::npos)
      << nq;
  size_t lines = 0;
  for (char c : nq) lines += c == '\n';
  EXPECT_EQ(lines, 4u + 8u);
  // --base moves the graph names.
  EXPECT_NE(KgOk("kg.db", "export --format nq --base http://other.org/")
                .find("<http://other.org/doc/doc%20one>"),
            std::string::npos);
  // nt is unchanged: every distinct triple once.
  const std::string nt = KgOk("kg.db", "export");
  lines = 0;
  for (char c : nt) lines += c == '\n';
  EXPECT_EQ(lines, 11u);
}

TEST_F(ExportTest, NQuadsParseWithRapperAndRdflib) {
  LoadTwoDocuments();
  KgOk("kg.db", "export --format nq -o out.nq");
  KgOk("kg.db", "export -o out.nt");
  Write("docs.json", KgOk("kg.db", "docs --format json"));
  if (std::system("command -v rapper >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "rapper (raptor2-utils) is not installed";
  }
  RunResult r = Sh("rapper -i nquads -c out.nq");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("returned 12 triples"), std::string::npos) << r.err;
  if (!HavePythonRdflib()) GTEST_SKIP() << "python3-rdflib is not installed";
  ExpectCheckOk("nquads out.nq docs.json out.nt http://kg.local/");
  // Each document's graph holds exactly the triples of the file it came from.
  ExpectCheckOk(
      "graphs out.nq http://kg.local/doc/doc%20one one.nt "
      "http://kg.local/doc/dir%2F%C3%BC%2C%202 two.nt");
}

TEST_F(ExportTest, Neo4jAndNebulaShapes) {
  LoadTwoDocuments();
  KgOk("kg.db", "export --format nq -o out.nq");
  const std::string said = KgOk("kg.db", "export --format neo4j -o neo");
  EXPECT_NE(said.find("3 nodes, 2 relationships"), std::string::npos) << said;
  KgOk("kg.db", "export --format nebula -o nebula --space news");
  // Quoting: the comma, the doubled quotes and the line break survive.
  const std::string nodes = Slurp(dir_ / "neo" / "nodes.csv");
  EXPECT_NE(nodes.find("\"Smith, Alice \"\"Al\"\"\""), std::string::npos)
      << nodes;
  EXPECT_NE(nodes.find("\"Bob\nJones\""), std::string::npos) << nodes;
  EXPECT_NE(Slurp(dir_ / "neo" / "import.sh").find("--multiline-fields=true"),
            std::string::npos);
  EXPECT_NE(Slurp(dir_ / "nebula" / "schema.ngql")
                .find("CREATE SPACE IF NOT EXISTS `news`"),
            std::string::npos);
  // The reified statement is folded: no node for it.
  EXPECT_EQ(nodes.find("statement/x"), std::string::npos);
  if (!HavePythonRdflib()) GTEST_SKIP() << "python3-rdflib is not installed";
  ExpectCheckOk("neo4j neo out.nq");
  ExpectCheckOk("nebula nebula out.nq");
}

TEST_F(ExportTest, DirectoryExportsNeverLeaveHalfAResult) {
  LoadTwoDocuments();
  Write("taken", "");
  fs::create_directories(dir_ / "full");
  Write("full/x", "x");
  RunResult r = Kg("kg.db", "export --format neo4j -o full");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("not an empty directory"), std::string::npos) << r.err;
  EXPECT_EQ(Kg("kg.db", "export --format nebula -o taken").code, 1);
  EXPECT_EQ(Kg("kg.db", "export --format neo4j").code, 2);  // no -o
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir_)) {
    names.insert(e.path().filename().string());
  }
  for (const std::string& n : names) {
    EXPECT_EQ(n.find(".tmp"), std::string::npos) << n;
  }
  // An empty directory is fine.
  fs::create_directories(dir_ / "empty");
  KgOk("kg.db", "export --format neo4j -o empty");
  EXPECT_TRUE(fs::exists(dir_ / "empty" / "relationships.csv"));
}

TEST_F(ExportTest, IngestedSamplesExportConsistently) {
  const std::string samples = std::string(KG_SOURCE_DIR) + "/samples";
  KgOk("kg.db", "ingest --quiet --threads 1 " + Quote(samples));
  KgOk("kg.db", "export --format nq -o out.nq");
  KgOk("kg.db", "export -o out.nt");
  Write("docs.json", KgOk("kg.db", "docs --format json"));
  KgOk("kg.db", "export --format neo4j -o neo");
  KgOk("kg.db", "export --format nebula -o nebula");
  if (!HavePythonRdflib()) GTEST_SKIP() << "python3-rdflib is not installed";
  ExpectCheckOk("nquads out.nq docs.json out.nt http://kg.local/");
  ExpectCheckOk("neo4j neo out.nq");
  ExpectCheckOk("nebula nebula out.nq");
}

}  // namespace
}  // namespace kg::testing
