// End-to-end tests of kg neighbors / path / rank / components / subgraph: a
// store is written through the Store API, then the built `kg` binary runs
// against it.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "graph/snapshot_cache.h"
#include "graph_test_util.h"
#include "tests/cli_runner.h"

namespace kg {
namespace {

using namespace kg::testing;  // NOLINT

using CommandResult = kg::testing::CliResult;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class GraphCommandsTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (IsSkipped()) return;
    // Pashinyan -welcome-> Colomina -affiliation-> NATO; Pashinyan
    // -country-> Armenia; Aliyev -country-> Azerbaijan (a second component);
    // Armenia -border-> Azerbaijan would join them: added by a test.
    auto person = Term::Iri(std::string(kDefaultBaseIri) + "Person");
    Add("doc1",
        {{Entity("Nikol_Pashinyan"), Label(), Term::Literal("Nikol Pashinyan")},
         {Entity("Nikol_Pashinyan"), Alias(), Term::Literal("Pashinyan")},
         {Entity("Nikol_Pashinyan"), Rdf("type"), person},
         {Entity("Javier_Colomina"), Label(), Term::Literal("Javier Colomina")},
         {Entity("NATO"), Label(), Term::Literal("NATO")},
         {Entity("Armenia"), Label(), Term::Literal("Armenia")},
         {Entity("Azerbaijan"), Label(), Term::Literal("Azerbaijan")},
         {Entity("Ilham_Aliyev"), Label(), Term::Literal("Ilham Aliyev")},
         {Rel("welcome"), Label(), Term::Literal("welcome")},
         {Entity("Nikol_Pashinyan"), Rel("welcome"), Entity("Javier_Colomina")},
         {Entity("Nikol_Pashinyan"), Rel("meet"), Entity("Javier_Colomina")},
         {Entity("Javier_Colomina"), Prop("affiliation"), Entity("NATO")},
         {Entity("Nikol_Pashinyan"), Prop("country"), Entity("Armenia")},
         {Entity("Ilham_Aliyev"), Prop("country"), Entity("Azerbaijan")}});
    store_.reset();  // the commands open it themselves
  }

  // `kg --db DIR ARGS` (ARGS is shell text).
  CommandResult Kg(const std::string& args) {
    return kg::testing::RunKgShell(
        "--db " + kg::testing::ShellQuote(dir_.string()) + " " + args);
  }

  void Reopen() {
    auto store = Store::Open(dir_.string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
};

TEST_F(GraphCommandsTest, NeighborsByLabelAliasAndIri) {
  CommandResult r = Kg("neighbors 'nikol pashinyan'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Nikol Pashinyan -[welcome]-> Javier Colomina"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("-[meet]-> Javier Colomina"), std::string::npos);
  EXPECT_NE(r.out.find("-[country]-> Armenia"), std::string::npos);
  EXPECT_EQ(r.out.find("NATO"), std::string::npos);  // two hops away

  r = Kg("neighbors PASHINYAN --depth 2 --direction out");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2\tJavier Colomina -[affiliation]-> NATO"),
            std::string::npos)
      << r.out;

  r = Kg("neighbors NATO --direction in");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("NATO <-[affiliation]- Javier Colomina"),
            std::string::npos)
      << r.out;
  r = Kg("neighbors NATO --direction out");
  EXPECT_EQ(r.out, "");

  r = Kg(
      "neighbors http://kg.local/entity/Nikol_Pashinyan --predicate welcome");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "1\tNikol Pashinyan -[welcome]-> Javier Colomina\n");

  r = Kg("neighbors Pashinyan --limit 1");  // one entity, by two edges
  EXPECT_EQ(r.out,
            "1\tNikol Pashinyan -[welcome]-> Javier Colomina\n"
            "1\tNikol Pashinyan -[meet]-> Javier Colomina\n");
  EXPECT_NE(r.err.find("--limit"), std::string::npos);
}

TEST_F(GraphCommandsTest, UnknownNamesGetSuggestions) {
  CommandResult r = Kg("neighbors Pashinian");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.rfind("kg: no entity named Pashinian; did you mean: "
                        "Pashinyan",
                        0),
            0u)
      << r.err;
  r = Kg("neighbors Pashinyan --predicate nosuchthing");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no predicate named nosuchthing"), std::string::npos);
  r = Kg("neighbors Pashinyan --direction sideways");
  EXPECT_EQ(r.code, 2);
}

TEST_F(GraphCommandsTest, PathsShowPredicatesAndDirections) {
  CommandResult r = Kg("path NATO Armenia");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  EXPECT_TRUE(r.out.find("NATO <-[affiliation]- Javier Colomina <-[") == 0)
      << r.out;
  EXPECT_NE(r.out.find("]- Nikol Pashinyan -[country]-> Armenia"),
            std::string::npos);
  r = Kg("path NATO Armenia --all");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2) << r.out;
  r = Kg("path NATO Armenia --max-depth 2");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no path between NATO and Armenia within 2 edges"),
            std::string::npos)
      << r.err;
  r = Kg("path NATO Azerbaijan");
  EXPECT_EQ(r.code, 1);
}

TEST_F(GraphCommandsTest, RankAndComponents) {
  CommandResult r = Kg("rank --by degree --top 3");
  ASSERT_EQ(r.code, 0) << r.err;
  // Pashinyan and Colomina have 3 links each, then the others 1.
  EXPECT_NE(r.out.find("\t3\tNikol Pashinyan\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\t3\tJavier Colomina\n"), std::string::npos);
  EXPECT_NE(r.out.find("3\t1\t"), std::string::npos);
  r = Kg("rank --top 1");  // pagerank: NATO and Armenia collect the rank
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
  r = Kg("rank --by betweenness --top 2");  // the two middle vertices
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Nikol Pashinyan"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Javier Colomina"), std::string::npos) << r.out;

  r = Kg("components");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("2 components, 6 entities, 5 links\n1\t4\t", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("2\t2\t"), std::string::npos);

  // The store changes: the cached snapshot must not be reused.
  ASSERT_TRUE(std::filesystem::exists(dir_ / SnapshotCache::kFileName));
  Reopen();
  Add("doc2", {{Entity("Armenia"), Rel("border"), Entity("Azerbaijan")}});
  store_.reset();
  r = Kg("components");
  EXPECT_EQ(r.out.rfind("1 components, 6 entities, 6 links\n", 0), 0u) << r.out;
  r = Kg("path NATO Azerbaijan");
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST_F(GraphCommandsTest, SubgraphFormats) {
  CommandResult r = Kg("subgraph Pashinyan --depth 1 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["nodes"].size(), 3u);  // Pashinyan, Colomina, Armenia
  EXPECT_EQ(j["edges"].size(), 3u);  // welcome, meet, country
  EXPECT_EQ(j["nodes"][0]["label"], "Nikol Pashinyan");
  EXPECT_EQ(j["nodes"][0]["depth"], 0);

  const std::string dot = (dir_ / "out.dot").string();
  r = Kg("subgraph Colomina --depth 2 -o " + dot);  // the only "... Colomina"
  ASSERT_EQ(r.code, 0) << r.err;
  std::string text = Slurp(dot);
  EXPECT_EQ(text.rfind("digraph kg {", 0), 0u);
  EXPECT_NE(text.find("label=\"affiliation\""), std::string::npos);
  size_t arrows = 0;
  for (size_t at = text.find(" -> "); at != std::string::npos;
       at = text.find(" -> ", at + 1)) {
    ++arrows;
  }
  EXPECT_EQ(arrows, 4u);  // welcome, meet, affiliation, country

  r = Kg("subgraph NATO --depth 1 --format graphml");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("<graphml"), std::string::npos);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n') > 5, true);

  const std::string svg = (dir_ / "out.svg").string();
  r = Kg("subgraph NATO -o " + svg);
  if (std::system("command -v dot > /dev/null 2>&1") == 0) {
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(Slurp(svg).find("<svg"), std::string::npos);
  } else {
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("Graphviz 'dot' is not installed"), std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(svg));
  }
}

}  // namespace
}  // namespace kg
