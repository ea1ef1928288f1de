// The facade's thread-safety promise: many threads query and walk the graph
// while other threads ingest; every call succeeds, each sees a consistent
// snapshot (document counts never go backwards), and every write lands.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "kg/kg.h"
#include "tests/kg/kg_test_util.h"

namespace kg {
namespace {

constexpr int kReaders = 4;
constexpr int kTextWriters = 2;
constexpr int kDocsPerWriter = 4;

TEST(ConcurrencyTest, QueriesAndIngestsFromManyThreads) {
  testing::TempDir dir{"kg_facade"};
  auto opened = Database::Open(dir.Sub("store"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Database& db = **opened;
  ASSERT_TRUE(db.IngestText(testing::MeetingArticle()).ok());

  std::atomic<int> writers_left{kTextWriters + 1};
  std::atomic<int> failures{0};
  std::vector<std::string> errors(kReaders + kTextWriters + 1);
  std::vector<std::thread> threads;

  for (int w = 0; w < kTextWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kDocsPerWriter; ++i) {
        std::string id = "w";
        id.append(std::to_string(w)).append("-").append(std::to_string(i));
        std::string text = "Donald Tusk met Olaf Scholz in Warsaw on day ";
        text.append(std::to_string(i)).append(" of visit ").append(id);
        text.append(".\n");
        auto r = db.IngestText(testing::Article(id, text));
        if (!r.ok() || r->outcome != IngestResult::Outcome::kAdded) {
          ++failures;
          errors[kReaders + w] = r.ok() ? "not added" : r.status().ToString();
        }
      }
      --writers_left;
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < kDocsPerWriter; ++i) {
      TripleDocument doc;
      doc.id = std::string("t").append(std::to_string(i));
      doc.triples = {{Term::Iri(std::string("urn:t").append(doc.id)),
                      Term::Iri("urn:p"), Term::Literal("v")}};
      auto r = db.IngestTriples(doc);
      if (!r.ok()) {
        ++failures;
        errors[kReaders + kTextWriters] = r.status().ToString();
      }
    }
    --writers_left;
  });

  std::atomic<int> reads{0};
  for (int t = 0; t < kReaders; ++t) {
    threads.emplace_back([&, t] {
      uint64_t last_docs = 0;
      // Keep reading until every writer is done, and at least a few rounds.
      for (int round = 0; writers_left > 0 || round < 3; ++round) {
        auto q = db.Query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?s <" +
                          std::string(kDefaultBaseIri) + "source> ?d }");
        auto n = db.Neighbours("Angela Merkel");
        auto e = db.FindEntities("Emmanuel Macron");
        auto stats = db.Stats();
        bool ok = q.ok() && n.ok() && e.ok() && stats.ok();
        if (ok) {
          while ((*q)->Next()) {
          }
          ok = (*q)->status().ok() && !n->empty() &&
               stats->documents >= last_docs;
          last_docs = stats->documents;
        }
        if (!ok) {
          ++failures;
          errors[t] = !q.ok()       ? q.status().ToString()
                      : !n.ok()     ? n.status().ToString()
                      : !e.ok()     ? e.status().ToString()
                      : !stats.ok() ? stats.status().ToString()
                                    : "inconsistent read";
        }
        ++reads;
      }
    });
  }
  for (std::thread& t : threads) t.join();

  EXPECT_EQ(failures.load(), 0);
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_GE(reads.load(), 3 * kReaders);
  auto stats = db.Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents,
            static_cast<uint64_t>(1 + (kTextWriters + 1) * kDocsPerWriter));
  auto tusk = db.Neighbours("Donald Tusk");
  ASSERT_TRUE(tusk.ok()) << tusk.status().ToString();
  EXPECT_FALSE(tusk->empty());
}

}  // namespace
}  // namespace kg
