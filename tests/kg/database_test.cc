// Database: open, ingest text and triples, remove, SPARQL through the facade,
// with the real store and the real parser model.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>

#include "kg/kg.h"
#include "tests/kg/kg_test_util.h"

namespace kg {
namespace {

using testing::EntityIri;
using testing::RelIri;
using testing::Rows;

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.Sub("store"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }
  testing::TempDir dir_{"kg_facade"};
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseTest, IngestsTextThroughThePipeline) {
  auto r = db_->IngestText(testing::MeetingArticle());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, IngestResult::Outcome::kAdded);
  EXPECT_EQ(r->sentences, 2u);
  EXPECT_GT(r->triples, 0u);
  auto stats = db_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_GE(stats->triples, r->triples);

  auto rows = Rows(*db_, "SELECT ?o WHERE { <" + EntityIri("Angela_Merkel") +
                             "> <" + RelIri("meet") + "> ?o }");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], EntityIri("Emmanuel_Macron"));
}

TEST_F(DatabaseTest, SameTextIsUnchangedNewTextReplaces) {
  TextDocument doc = testing::MeetingArticle();
  ASSERT_TRUE(db_->IngestText(doc).ok());
  auto again = db_->IngestText(doc);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, IngestResult::Outcome::kUnchanged);
  doc.text = "Olaf Scholz visited Warsaw on Friday.\n";
  auto replaced = db_->IngestText(doc);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(replaced->outcome, IngestResult::Outcome::kReplaced);
  EXPECT_TRUE(
      Rows(*db_, "SELECT ?o WHERE { ?s <" + RelIri("meet") + "> ?o }").empty());
  EXPECT_EQ(db_->Stats()->documents, 1u);
}

TEST_F(DatabaseTest, QueryFormsAndVariables) {
  ASSERT_TRUE(db_->IngestText(testing::MeetingArticle()).ok());
  auto select = db_->Query("SELECT ?who ?whom WHERE { ?who <" + RelIri("meet") +
                           "> ?whom } ORDER BY ?who");
  ASSERT_TRUE(select.ok()) << select.status().ToString();
  EXPECT_EQ((*select)->form(), QueryResult::Form::kSelect);
  EXPECT_EQ((*select)->variables(), (std::vector<std::string>{"who", "whom"}));
  ASSERT_TRUE((*select)->Next());
  ASSERT_TRUE((*select)->row()[0].has_value());
  EXPECT_TRUE((*select)->row()[0]->is_iri());
  EXPECT_EQ((*select)->Text(0), EntityIri("Angela_Merkel"));
  EXPECT_EQ((*select)->Text(7), "");  // out of range

  auto ask =
      Rows(*db_, "ASK { <" + EntityIri("Emmanuel_Macron") + "> <" +
                     RelIri("meet") + "> <" + EntityIri("Olaf_Scholz") + "> }");
  ASSERT_EQ(ask.size(), 1u);
  EXPECT_EQ(ask[0][0], "true");
  auto ask_no = Rows(*db_, "ASK { <" + EntityIri("Olaf_Scholz") + "> <" +
                               RelIri("meet") + "> ?x }");
  ASSERT_EQ(ask_no.size(), 1u);
  EXPECT_EQ(ask_no[0][0], "false");

  auto construct = db_->Query("CONSTRUCT { ?b <urn:met-by> ?a } WHERE { ?a <" +
                              RelIri("meet") + "> ?b }");
  ASSERT_TRUE(construct.ok());
  EXPECT_EQ((*construct)->form(), QueryResult::Form::kConstruct);
  EXPECT_EQ((*construct)->variables().size(), 3u);
  size_t n = 0;
  while ((*construct)->Next()) {
    EXPECT_EQ((*construct)->Text(1), "urn:met-by");
    ++n;
  }
  EXPECT_TRUE((*construct)->status().ok());
  EXPECT_EQ(n, 2u);
}

TEST_F(DatabaseTest, SyntaxErrorNamesThePosition) {
  auto r = db_->Query("SELECT ?x WHERE { ?x ?y }");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("line 1"), std::string::npos)
      << r.status().message();
}

TEST_F(DatabaseTest, TriplesDocumentsAndRemove) {
  TripleDocument doc;
  doc.id = "loaded";
  doc.source = "test";
  doc.triples = {
      {Term::Iri("urn:a"), Term::Iri("urn:knows"), Term::Iri("urn:b")},
      {Term::Iri("urn:a"), Term::Iri("urn:name"), Term::Literal("A")}};
  auto r = db_->IngestTriples(doc);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, IngestResult::Outcome::kAdded);
  EXPECT_EQ(r->triples, 2u);
  EXPECT_EQ(db_->IngestTriples(doc)->outcome,
            IngestResult::Outcome::kUnchanged);
  auto rows = Rows(*db_, "SELECT ?n WHERE { <urn:a> <urn:name> ?n }");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "A");

  ASSERT_TRUE(db_->Remove("loaded").ok());
  EXPECT_TRUE(Rows(*db_, "SELECT ?o WHERE { <urn:a> ?p ?o }").empty());
  Status again = db_->Remove("loaded");
  EXPECT_TRUE(again.IsNotFound()) << again.ToString();
}

TEST_F(DatabaseTest, BadTextIsRejectedWithTheDocumentNamed) {
  auto bad = db_->IngestText(testing::Article("broken", "caf\xC3 ok\n"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("broken"), std::string::npos)
      << bad.status().message();
  auto empty = db_->IngestText(testing::Article("", "Some text.\n"));
  EXPECT_EQ(empty.status().code(), Status::Code::kInvalidArgument);
  auto blank = db_->IngestText(testing::Article("blank", "  \n\n"));
  EXPECT_EQ(blank.status().code(), Status::Code::kInvalidArgument);
  auto no_id = db_->IngestTriples(TripleDocument{});
  EXPECT_EQ(no_id.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(db_->Stats()->documents, 0u);
}

TEST_F(DatabaseTest, ReadOnlyHandleSeesDataAndRefusesWrites) {
  ASSERT_TRUE(db_->IngestText(testing::MeetingArticle()).ok());
  std::string path = db_->path();
  db_.reset();
  DatabaseOptions ro;
  ro.read_only = true;
  auto db = Database::Open(path, ro);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->Stats()->documents, 1u);
  auto w = (*db)->IngestText(testing::Article("x", "Olaf Scholz spoke.\n"));
  EXPECT_EQ(w.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(w.status().message().find("read-only"), std::string::npos)
      << w.status().message();
  TripleDocument triples;
  triples.id = "t";
  auto t = (*db)->IngestTriples(triples);
  EXPECT_EQ(t.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(t.status().message().find("read-only"), std::string::npos)
      << t.status().message();
  EXPECT_EQ((*db)->Remove("meetings").code(), Status::Code::kInvalidArgument);
}

TEST_F(DatabaseTest, SecondWriterIsBusy) {
  auto second = Database::Open(db_->path());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Status::Code::kBusy)
      << second.status().ToString();
}

TEST_F(DatabaseTest, ModelPathResolution) {
  ::unsetenv("KG_MODEL");
  auto found = db_->ModelPath();
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_NE(found->find("en_ud.kgm"), std::string::npos);

  ::setenv("KG_MODEL", "/nonexistent/from-env.kgm", 1);
  EXPECT_EQ(*db_->ModelPath(), "/nonexistent/from-env.kgm");
  ::unsetenv("KG_MODEL");

  std::string path = db_->path();
  db_.reset();
  DatabaseOptions o;
  o.model_path = dir_.Sub("missing.kgm");
  auto db = Database::Open(path, o);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*(*db)->ModelPath(), o.model_path);
  auto r = (*db)->IngestText(testing::MeetingArticle());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("missing.kgm"), std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace kg
