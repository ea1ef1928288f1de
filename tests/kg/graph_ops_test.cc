// The graph operations of the facade: entity lookup, neighbours, shortest
// paths and the support of a fact, over text ingested with the real parser.
#include <gtest/gtest.h>

#include <algorithm>

#include "kg/kg.h"
#include "tests/kg/kg_test_util.h"

namespace kg {
namespace {

using testing::EntityIri;

class GraphOpsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("kg_facade");
    auto db = Database::Open(dir_->Sub("store"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value().release();
    auto r = db_->IngestText(testing::MeetingArticle());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static testing::TempDir* dir_;
  static Database* db_;
};
testing::TempDir* GraphOpsTest::dir_ = nullptr;
Database* GraphOpsTest::db_ = nullptr;

TEST_F(GraphOpsTest, FindsEntitiesByNameIgnoringCase) {
  auto found = db_->FindEntities("angela merkel");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_FALSE(found->empty());
  EXPECT_EQ(found->front().name, "Angela Merkel");
  EXPECT_EQ(found->front().iri, EntityIri("Angela_Merkel"));
  EXPECT_EQ(found->front().type, "Person");
  EXPECT_GE(found->front().mentions, 1u);
  EXPECT_EQ(found->front().documents, 1u);

  auto unknown = db_->FindEntities("Angela Merkle");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(unknown.status().IsNotFound());
  EXPECT_NE(unknown.status().message().find("Angela Merkel"), std::string::npos)
      << unknown.status().message();
}

TEST_F(GraphOpsTest, NeighboursOneAndTwoHops) {
  auto one = db_->Neighbours("Angela Merkel");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  ASSERT_EQ(one->size(), 1u);
  const Link& via = one->front().via;
  EXPECT_EQ(one->front().depth, 1);
  EXPECT_EQ(via.from, "Angela Merkel");
  EXPECT_EQ(via.to, "Emmanuel Macron");
  EXPECT_EQ(via.to_iri, EntityIri("Emmanuel_Macron"));
  EXPECT_EQ(via.predicate, "meet");
  EXPECT_TRUE(via.forward);

  NeighbourOptions two;
  two.depth = 2;
  auto reached = db_->Neighbours("Angela Merkel", two);
  ASSERT_TRUE(reached.ok());
  bool scholz = std::any_of(reached->begin(), reached->end(), [](auto& n) {
    return n.depth == 2 && n.via.to == "Olaf Scholz";
  });
  EXPECT_TRUE(scholz);

  NeighbourOptions in;
  in.direction = LinkDirection::kIn;
  auto incoming = db_->Neighbours("Angela Merkel", in);
  ASSERT_TRUE(incoming.ok());
  EXPECT_TRUE(incoming->empty());

  NeighbourOptions bad;
  bad.depth = 0;
  EXPECT_EQ(db_->Neighbours("Angela Merkel", bad).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_TRUE(db_->Neighbours("Nobody Known").status().IsNotFound());
}

TEST_F(GraphOpsTest, ShortestPathGoesThroughTheMiddle) {
  auto paths = db_->ShortestPaths("Angela Merkel", "Olaf Scholz");
  ASSERT_TRUE(paths.ok()) << paths.status().ToString();
  ASSERT_EQ(paths->size(), 1u);
  const LinkPath& p = paths->front();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].to, "Emmanuel Macron");
  EXPECT_EQ(p[1].to, "Olaf Scholz");

  ShortestPathOptions short_only;
  short_only.max_depth = 1;
  auto none = db_->ShortestPaths("Angela Merkel", "Olaf Scholz", short_only);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(GraphOpsTest, WhyGivesTheSupportingSentence) {
  auto why = db_->Why("Angela Merkel", "met", "Emmanuel Macron");
  ASSERT_TRUE(why.ok()) << why.status().ToString();
  ASSERT_EQ(why->size(), 1u);
  const FactSupport& f = why->front();
  EXPECT_EQ(f.predicate, "meet");
  EXPECT_EQ(f.triple.subject.value, EntityIri("Angela_Merkel"));
  ASSERT_EQ(f.evidence.size(), 1u);
  EXPECT_EQ(f.evidence[0].document_id, "meetings");
  EXPECT_EQ(f.evidence[0].title, "Test article meetings");
  EXPECT_EQ(f.evidence[0].date, "2026-11-28");
  EXPECT_EQ(f.evidence[0].sentence, 0u);
  EXPECT_NE(f.evidence[0].text.find("met Emmanuel Macron"), std::string::npos)
      << f.evidence[0].text;
  EXPECT_GT(f.evidence[0].confidence, 0.0);

  auto missing = db_->Why("Angela Merkel", "met", "Olaf Scholz");
  EXPECT_TRUE(missing.status().IsNotFound());
}

}  // namespace
}  // namespace kg
