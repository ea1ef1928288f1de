#include "graph/snapshot_builder.h"

#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "graph_test_util.h"

namespace kg {
namespace {

using namespace kg::testing;  // NOLINT

class SnapshotBuilderTest : public StoreFixture {
 protected:
  std::set<std::tuple<TermId, TermId, TermId>> Edges(
      const SnapshotOptions& options = {}) {
    auto view = store_->NewReadView();
    BuildStats stats;
    auto g = BuildEntityGraph(*view, options, &stats);
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    EXPECT_GT(stats.triples_scanned, 0u);
    std::set<std::tuple<TermId, TermId, TermId>> out;
    for (const IdTriple& t : (*g)->Triples()) out.insert({t.s, t.p, t.o});
    return out;
  }
};

TEST_F(SnapshotBuilderTest, KeepsOnlyLinksBetweenEntities) {
  const Term a = Entity("Nikol_Pashinyan"), b = Entity("Javier_Colomina"),
             c = Entity("NATO");
  const Term stmt = Term::Iri(std::string(kDefaultBaseIri) + "statement/s1");
  Add("doc1",
      {{a, Rel("welcome"), b},
       {b, Rel("affiliation"), c},
       {a, Rdf("type"), Term::Iri(std::string(kDefaultBaseIri) + "Person")},
       {a, Label(), Term::Literal("Nikol Pashinyan")},
       {a, Alias(), Term::Literal("Pashinyan")},
       {a, Rel("role"), Term::Literal("Prime Minister")},
       {a, Rel("knows"), Term::Blank("x")},
       {a, Rel("homepage"), Term::Iri("http://example.org/a")},
       {Rel("welcome"), Label(), Term::Literal("welcome")},
       {stmt, Rdf("type"), Rdf("Statement")},
       {stmt, Rdf("subject"), a},
       {stmt, Rdf("predicate"), Rel("welcome")},
       {stmt, Rdf("object"), b}});
  auto edges = Edges();
  EXPECT_EQ(edges, (std::set<std::tuple<TermId, TermId, TermId>>{
                       {Id(a), Id(Rel("welcome")), Id(b)},
                       {Id(b), Id(Rel("affiliation")), Id(c)}}));
}

TEST_F(SnapshotBuilderTest, AnyIriModeSkipsReifiedStatements) {
  const Term a = Term::Iri("http://example.org/a"),
             b = Term::Iri("http://example.org/b");
  const Term stmt = Term::Iri("http://example.org/stmt");
  Add("doc1", {{a, Term::Iri("http://example.org/p"), b},
               {a, Rdf("type"), Term::Iri("http://example.org/Class")},
               {stmt, Rdf("type"), Rdf("Statement")},
               {stmt, Term::Iri("http://example.org/source"), b},
               {stmt, Rdf("subject"), a}});
  EXPECT_TRUE(Edges().empty());  // no <base>entity/ IRIs at all
  SnapshotOptions any;
  any.any_iri = true;
  EXPECT_EQ(Edges(any),
            (std::set<std::tuple<TermId, TermId, TermId>>{
                {Id(a), Id(Term::Iri("http://example.org/p")), Id(b)}}));
}

TEST_F(SnapshotBuilderTest, ReusesTermClassesAcrossBuilds) {
  Add("doc1", {{Entity("A"), Rel("r"), Entity("B")}});
  TermClasses classes;
  BuildStats first, second;
  {
    auto view = store_->NewReadView();
    ASSERT_TRUE(BuildEntityGraph(*view, {}, &first, &classes).ok());
  }
  Add("doc2", {{Entity("B"), Rel("r"), Entity("C")}});
  auto view = store_->NewReadView();
  auto g = BuildEntityGraph(*view, {}, &second, &classes);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ((*g)->num_edges(), 2u);
  EXPECT_EQ(first.terms_resolved, 2u);   // A and B
  EXPECT_EQ(second.terms_resolved, 1u);  // only C is new
}

TEST_F(SnapshotBuilderTest, EmptyStore) {
  auto view = store_->NewReadView();
  auto g = BuildEntityGraph(*view, {});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ((*g)->num_vertices(), 0u);
  EXPECT_EQ((*g)->sequence(), view->sequence());
}

}  // namespace
}  // namespace kg
