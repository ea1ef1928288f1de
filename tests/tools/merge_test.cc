// kg ingest --shard I/N and kg merge: shards partition a batch; merging the
// shards' stores gives a store that passes kg check and exports exactly what
// one store ingested with the whole batch exports; duplicates are reported;
// support counts add up across inputs.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "tests/tools/export_fixture.h"

namespace kg::testing {
namespace {

class MergeTest : public ExportFixture {
 protected:
  std::set<std::string> DocIds(const std::string& db) {
    std::set<std::string> ids;
    auto j =
        nlohmann::json::parse(KgOk(db, "docs --format json"), nullptr, false);
    for (const auto& d : j) ids.insert(d["id"].get<std::string>());
    return ids;
  }
  std::string SortedExport(const std::string& db, const std::string& format) {
    std::string text = KgOk(db, "export --format " + format);
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos;
         start = nl + 1) {
      lines.push_back(text.substr(start, nl - start));
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
  }
  nlohmann::json Stats(const std::string& db) {
    auto j =
        nlohmann::json::parse(KgOk(db, "stats --format json"), nullptr, false);
    j.erase("disk_bytes");
    return j;
  }
  std::string Samples() const {
    return Quote(std::string(KG_SOURCE_DIR) + "/samples");
  }
};

TEST_F(MergeTest, ShardsPartitionTheBatch) {
  KgOk("all.db", "ingest --quiet --threads 1 " + Samples());
  const std::set<std::string> all = DocIds("all.db");
  ASSERT_GE(all.size(), 4u);
  std::set<std::string> seen;
  size_t total = 0;
  for (int i = 0; i < 3; ++i) {
    const std::string db = "s" + std::to_string(i) + ".db";
    KgOk(db, "ingest --quiet --threads 1 --shard " + std::to_string(i) + "/3 " +
                 Samples());
    const std::set<std::string> ids = DocIds(db);
    total += ids.size();
    seen.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(total, all.size());  // no document in two shards
  EXPECT_EQ(seen, all);          // and none lost
  // The assignment depends only on the id: a second run agrees.
  KgOk("again.db", "ingest --quiet --threads 2 --shard 1/3 " + Samples());
  EXPECT_EQ(DocIds("again.db"), DocIds("s1.db"));
}

TEST_F(MergeTest, BadShardIsAUsageError) {
  for (const char* bad : {"3/3", "1", "a/2", "1/0", "-1/2", "1/2/3"}) {
    RunResult r =
        Kg("x.db", std::string("ingest --shard ") + bad + " " + Samples());
    EXPECT_EQ(r.code, 2) << bad << "\n" << r.err;
  }
}

TEST_F(MergeTest, MergedShardsEqualOneStore) {
  KgOk("all.db", "ingest --quiet --threads 1 " + Samples());
  KgOk("s0.db", "ingest --quiet --threads 1 --shard 0/2 " + Samples());
  KgOk("s1.db", "ingest --quiet --threads 1 --shard 1/2 " + Samples());
  const std::string said = KgOk(
      "", "merge " + Path("m.db") + " " + Path("s0.db") + " " + Path("s1.db"));
  EXPECT_NE(said.find("(0 duplicates dropped)"), std::string::npos) << said;
  RunResult check = Kg("m.db", "check");
  EXPECT_EQ(check.code, 0) << check.out << check.err;
  EXPECT_EQ(Stats("m.db"), Stats("all.db"));
  EXPECT_EQ(SortedExport("m.db", "nt"), SortedExport("all.db", "nt"));
  EXPECT_EQ(SortedExport("m.db", "nq"), SortedExport("all.db", "nq"));
  // The merged store keeps working: a document removed from it leaves what
  // the other documents support.
  const std::string doc = *DocIds("s0.db").begin();
  KgOk("m.db", "remove --doc " + Quote(doc));
  KgOk("all.db", "remove --doc " + Quote(doc));
  EXPECT_EQ(Kg("m.db", "check").code, 0);
  EXPECT_EQ(SortedExport("m.db", "nt"), SortedExport("all.db", "nt"));
}

TEST_F(MergeTest, DuplicateDocumentsAreKeptOnceAndReported) {
  KgOk("all.db", "ingest --quiet --threads 1 " + Samples());
  KgOk("s0.db", "ingest --quiet --threads 1 --shard 0/2 " + Samples());
  const size_t dups = DocIds("s0.db").size();
  RunResult r = Kg(
      "", "merge " + Path("m.db") + " " + Path("s0.db") + " " + Path("all.db"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("(" + std::to_string(dups) + " duplicates dropped)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("duplicate: "), std::string::npos) << r.out;
  EXPECT_EQ(Kg("m.db", "check").code, 0);
  EXPECT_EQ(Stats("m.db"), Stats("all.db"));
  EXPECT_EQ(SortedExport("m.db", "nq"), SortedExport("all.db", "nq"));
}

TEST_F(MergeTest, SupportCountsAddUpAcrossInputs) {
  Write("a.nt",
        "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
        "<http://ex.org/a> <http://ex.org/q> \"only a\" .\n");
  Write("b.nt",
        "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
        "<http://ex.org/c> <http://ex.org/q> \"only b\"@en .\n");
  KgOk("a.db", "load " + Path("a.nt") + " --id a");
  KgOk("b.db", "load " + Path("b.nt") + " --id b");
  KgOk("", "merge " + Path("m.db") + " " + Path("a.db") + " " + Path("b.db"));
  EXPECT_EQ(Kg("m.db", "check").code, 0);
  EXPECT_EQ(Stats("m.db")["triples"], 3);
  KgOk("m.db", "remove --doc a");
  const std::string left = KgOk("m.db", "export");
  EXPECT_NE(left.find("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b>"),
            std::string::npos)
      << left;
  EXPECT_EQ(left.find("only a"), std::string::npos) << left;
  EXPECT_EQ(Kg("m.db", "check").code, 0);
}

TEST_F(MergeTest, RefusesAnOutputThatHoldsData) {
  Write("a.nt", "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n");
  KgOk("a.db", "load " + Path("a.nt"));
  RunResult r = Kg("", "merge " + Path("a.db") + " " + Path("a.db"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("already holds data"), std::string::npos) << r.err;
  r = Kg("", "merge " + Path("m.db") + " " + Path("nowhere.db"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nowhere.db"), std::string::npos) << r.err;
  EXPECT_EQ(Kg("", "merge " + Path("m.db")).code, 2);  // no input
}

}  // namespace
}  // namespace kg::testing
