#include "ingest/document_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/vocabulary.h"
#include "ingest/wordnet.h"
#include "tests/ingest/entity_test_util.h"

namespace kg {
namespace {

using testing::Arg;
using testing::Fact;
using testing::ParsedSentence;

class DocumentBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!wordnet::Available().ok()) {
      GTEST_SKIP() << wordnet::Available().message();
    }
  }

  // Adds a hand-parsed sentence with its extractions to the article.
  Sentence& AddSentence(const std::string& rows) {
    sentences_.push_back(ParsedSentence(rows, &article_.text));
    extractions_.emplace_back();
    return sentences_.back();
  }

  DocumentInput Build() {
    if (article_.id.empty()) article_.id = "doc-1";
    return BuildDocument(article_, sentences_, extractions_, {});
  }

  Term E(const std::string& name) const { return vocab_.Entity(name); }
  Term P(const std::string& name) const { return vocab_.Property(name); }
  Term R(const std::string& lemma) const { return vocab_.Relation(lemma); }

  static bool Has(const DocumentInput& doc, const Term& s, const Term& p,
                  const Term& o) {
    return std::any_of(
        doc.triples.begin(), doc.triples.end(), [&](const Triple& t) {
          return t.subject == s && t.predicate == p && t.object == o;
        });
  }
  // The statement IRI of a fact, or nullopt.
  static std::optional<Term> StatementOf(const DocumentInput& doc,
                                         const Triple& fact) {
    for (const StatementRecord& r : doc.statements) {
      if (r.triple.subject == fact.subject &&
          r.triple.predicate == fact.predicate &&
          r.triple.object == fact.object) {
        return Term::Iri(r.id);
      }
    }
    return std::nullopt;
  }

  Article article_;
  std::vector<Sentence> sentences_;
  std::vector<std::vector<Extraction>> extractions_;
  Vocabulary vocab_;
};

TEST_F(DocumentBuilderTest, NamesTitlesAndRolesFromTheNounPhrase) {
  Sentence& s = AddSentence(testing::kWelcomeRows);
  extractions_.back().push_back(testing::WelcomeFact(s));
  DocumentInput doc = Build();
  Term pashinyan = E("Nikol Pashinyan"), colomina = E("Javier Colomina");
  Term nato = E("North Atlantic Treaty Organization");
  EXPECT_TRUE(Has(doc, pashinyan, Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kPerson)));
  EXPECT_TRUE(Has(doc, colomina, Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kPerson)));
  EXPECT_TRUE(Has(doc, pashinyan, P("role"), Term::Literal("Prime Minister")));
  EXPECT_TRUE(Has(doc, pashinyan, P("country"), E("Armenia")));
  EXPECT_TRUE(Has(doc, E("Armenia"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kLocation)));
  EXPECT_TRUE(
      Has(doc, colomina, P("role"), Term::Literal("Secretary General")));
  EXPECT_TRUE(Has(doc, colomina, P("affiliation"), nato));
  EXPECT_TRUE(Has(doc, nato, Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOrganization)));
  EXPECT_TRUE(Has(doc, nato, P("alias"), Term::Literal("NATO")));
  EXPECT_TRUE(Has(doc, E("Yerevan"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kLocation)));
  EXPECT_TRUE(Has(doc, R("welcome"), Vocabulary::RdfsLabel(),
                  Term::Literal("welcome")));
}

TEST_F(DocumentBuilderTest, FactWithPlaceAndDateQualifiersIsReified) {
  article_.date = "2026-01-21";
  Sentence& s = AddSentence(testing::kWelcomeRows);
  extractions_.back().push_back(testing::WelcomeFact(s));
  DocumentInput doc = Build();
  Triple fact{E("Nikol Pashinyan"), R("welcome"), E("Javier Colomina")};
  EXPECT_TRUE(Has(doc, fact.subject, fact.predicate, fact.object));
  auto st = StatementOf(doc, fact);
  ASSERT_TRUE(st.has_value());
  EXPECT_NE(st->value.find("statement/doc-1/0/"), std::string::npos);
  EXPECT_TRUE(Has(doc, *st, Vocabulary::RdfType(), Vocabulary::RdfStatement()));
  EXPECT_TRUE(Has(doc, *st, Vocabulary::RdfSubject(), fact.subject));
  EXPECT_TRUE(Has(doc, *st, Vocabulary::RdfObject(), fact.object));
  EXPECT_TRUE(Has(doc, *st, P("location"), E("Yerevan")));
  EXPECT_TRUE(Has(doc, *st, P("date"),
                  Term::Typed("2026-01-19", std::string(kXsdNs) + "date")));
  EXPECT_TRUE(Has(doc, *st, P("source"), Term::Literal("doc-1")));
  EXPECT_TRUE(Has(doc, *st, P("sentence"), Term::Literal(s.text)));
}

TEST_F(DocumentBuilderTest, DateWithoutArticleDateIsMonthDay) {
  Sentence& s = AddSentence(testing::kWelcomeRows);
  extractions_.back().push_back(testing::WelcomeFact(s));
  DocumentInput doc = Build();
  auto st = StatementOf(
      doc, {E("Nikol Pashinyan"), R("welcome"), E("Javier Colomina")});
  ASSERT_TRUE(st.has_value());
  EXPECT_TRUE(Has(doc, *st, P("date"),
                  Term::Typed("--01-19", std::string(kXsdNs) + "gMonthDay")));
}

TEST_F(DocumentBuilderTest, SurnameRoleDescriptionAndPronoun) {
  Sentence& s0 = AddSentence(testing::kWelcomeRows);
  extractions_.back().push_back(testing::WelcomeFact(s0));
  Sentence& s1 = AddSentence(
      "Pashinyan PROPN 2 nsubj\nthanked VERB 0 root\nColomina PROPN 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s1, 1, "thank", Arg(s1, 0, 0, 0), {Arg(s1, 2, 2, 2)}));
  Sentence& s2 = AddSentence(
      "The DET 3 det\nPrime PROPN 3 compound\nMinister PROPN 4 nsubj\n"
      "praised VERB 0 root\nNATO PROPN 4 obj\n. PUNCT 4 punct\n");
  extractions_.back().push_back(
      Fact(s2, 3, "praise", Arg(s2, 0, 2, 2), {Arg(s2, 4, 4, 4)}));
  Sentence& s3 = AddSentence(
      "He PRON 2 nsubj\nvisited VERB 0 root\nBaku PROPN 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s3, 1, "visit", Arg(s3, 0, 0, 0), {Arg(s3, 2, 2, 2)}));
  DocumentInput doc = Build();
  Term pashinyan = E("Nikol Pashinyan");
  EXPECT_TRUE(Has(doc, pashinyan, R("thank"), E("Javier Colomina")));
  EXPECT_TRUE(Has(doc, pashinyan, R("praise"),
                  E("North Atlantic Treaty Organization")));
  EXPECT_TRUE(Has(doc, pashinyan, R("visit"), E("Baku")));
  EXPECT_TRUE(Has(doc, pashinyan, P("alias"), Term::Literal("Pashinyan")));
  EXPECT_FALSE(Has(doc, E("Pashinyan"), Vocabulary::RdfType(),
                   vocab_.Class(EntityType::kPerson)));
  EXPECT_TRUE(Has(doc, pashinyan, P("mentions"),
                  Term::Typed("4", std::string(kXsdNs) + "integer")));
}

TEST_F(DocumentBuilderTest, AcronymInParenthesesIsTheSameEntity) {
  Sentence& s0 = AddSentence(
      "The DET 5 det\nCollective PROPN 5 compound\nSecurity PROPN 5 compound\n"
      "Treaty PROPN 5 compound\nOrganization PROPN 9 nsubj\n( PUNCT 7 punct\n"
      "CSTO PROPN 5 appos\n) PUNCT 7 punct\nmet VERB 0 root\n. PUNCT 9 "
      "punct\n");
  (void)s0;
  Sentence& s1 = AddSentence(
      "CSTO PROPN 2 nsubj\ncondemned VERB 0 root\nBaku PROPN 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s1, 1, "condemn", Arg(s1, 0, 0, 0), {Arg(s1, 2, 2, 2)}));
  DocumentInput doc = Build();
  Term csto = E("Collective Security Treaty Organization");
  EXPECT_TRUE(Has(doc, csto, R("condemn"), E("Baku")));
  EXPECT_TRUE(Has(doc, csto, P("alias"), Term::Literal("CSTO")));
  EXPECT_TRUE(Has(doc, csto, Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOrganization)));
}

TEST_F(DocumentBuilderTest, ItRefersToTheOrganisationSubject) {
  AddSentence("NATO PROPN 2 nsubj\ngrew VERB 0 root\n. PUNCT 2 punct\n");
  Sentence& s1 = AddSentence(
      "It PRON 2 nsubj\nwelcomed VERB 0 root\nArmenia PROPN 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s1, 1, "welcome", Arg(s1, 0, 0, 0), {Arg(s1, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("North Atlantic Treaty Organization"), R("welcome"),
                  E("Armenia")));
}

TEST_F(DocumentBuilderTest, UnresolvedPronounGivesNoFact) {
  Sentence& s = AddSentence(
      "It PRON 2 nsubj\nwelcomed VERB 0 root\nArmenia PROPN 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s, 1, "welcome", Arg(s, 0, 0, 0), {Arg(s, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(doc.statements.empty());
}

TEST_F(DocumentBuilderTest, SameCanonicalIdAcrossDocuments) {
  AddSentence("NATO PROPN 2 nsubj\ngrew VERB 0 root\n. PUNCT 2 punct\n");
  extractions_.back().push_back(Fact(sentences_.back(), 1, "grow",
                                     Arg(sentences_.back(), 0, 0, 0),
                                     {Arg(sentences_.back(), 1, 1, 1)}));
  DocumentInput a = Build();
  Article other;
  other.id = "doc-2";
  std::vector<Sentence> sentences{ParsedSentence(
      "The DET 5 det\nNorth PROPN 5 compound\nAtlantic PROPN 5 compound\n"
      "Treaty PROPN 5 compound\nOrganization PROPN 6 nsubj\ngrew VERB 0 root\n",
      &other.text)};
  std::vector<std::vector<Extraction>> ex(1);
  ex[0].push_back(Fact(sentences[0], 5, "grow", Arg(sentences[0], 0, 4, 4),
                       {Arg(sentences[0], 5, 5, 5)}));
  DocumentInput b = BuildDocument(other, sentences, ex, {});
  Term nato = E("North Atlantic Treaty Organization");
  EXPECT_TRUE(Has(a, nato, Vocabulary::RdfsLabel(),
                  Term::Literal("North Atlantic Treaty Organization")));
  EXPECT_TRUE(Has(b, nato, Vocabulary::RdfsLabel(),
                  Term::Literal("North Atlantic Treaty Organization")));
}

TEST_F(DocumentBuilderTest, SurnameAloneIsNotMergedWithoutEvidence) {
  Sentence& s = AddSentence(
      "Smith PROPN 2 nsubj\nvisited VERB 0 root\nBaku PROPN 2 obj\n");
  extractions_.back().push_back(
      Fact(s, 1, "visit", Arg(s, 0, 0, 0), {Arg(s, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Smith"), R("visit"), E("Baku")));
  EXPECT_FALSE(Has(doc, E("John Smith"), R("visit"), E("Baku")));
}

TEST_F(DocumentBuilderTest, SingleWordBeforeFullNameIsMerged) {
  Sentence& s0 = AddSentence(
      "Colomina PROPN 2 nsubj\narrived VERB 0 root\nin ADP 4 case\n"
      "Baku PROPN 2 obl\n");
  extractions_.back().push_back(
      Fact(s0, 1, "arrive in", Arg(s0, 0, 0, 0), {Arg(s0, 2, 3, 3)}));
  AddSentence(
      "Javier PROPN 2 flat\nColomina PROPN 3 nsubj\nspoke VERB 0 root\n");
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Javier Colomina"), R("arrive in"), E("Baku")));
}

TEST_F(DocumentBuilderTest, NounPhraseLinksItsNamedModifiers) {
  Sentence& s = AddSentence(
      "They PRON 2 nsubj\nsought VERB 0 root\na DET 5 det\n"
      "lasting ADJ 5 amod\nsettlement NOUN 2 obj\nbetween ADP 7 case\n"
      "Yerevan PROPN 5 nmod\nand CCONJ 9 cc\nBaku PROPN 7 conj\n"
      ". PUNCT 2 punct\n");
  (void)s;
  DocumentInput doc = Build();
  Term settlement =
      vocab_.Entity("lasting settlement between Yerevan and Baku", "doc-1");
  EXPECT_TRUE(Has(doc, settlement, R("between"), E("Yerevan")));
  EXPECT_TRUE(Has(doc, settlement, R("between"), E("Baku")));
  EXPECT_TRUE(Has(doc, settlement, Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOther)));
}

TEST_F(DocumentBuilderTest, CommonNounSubjectBecomesAConcept) {
  Sentence& s = AddSentence(
      "The DET 2 det\ntalks NOUN 3 nsubj\nfocused VERB 0 root\n"
      "on ADP 5 case\nArmenia PROPN 3 obl\n. PUNCT 3 punct\n");
  extractions_.back().push_back(
      Fact(s, 2, "focus on", Arg(s, 0, 1, 1), {Arg(s, 3, 4, 4)}));
  DocumentInput doc = Build();
  // A phrase node belongs to its document.
  Term talks = vocab_.Entity("talks", "doc-1");
  EXPECT_NE(talks, E("talks"));
  EXPECT_TRUE(Has(doc, talks, R("focus on"), E("Armenia")));
  EXPECT_TRUE(Has(doc, talks, Vocabulary::RdfsLabel(), Term::Literal("talks")));
  for (const Triple& t : doc.triples) {
    EXPECT_FALSE(t.subject == talks && t.predicate == P("mentions"));
  }
}

TEST_F(DocumentBuilderTest, NumbersAreDecimalLiterals) {
  Sentence& s = AddSentence(
      "Rescuers NOUN 2 nsubj\nfound VERB 0 root\n1,039 NUM 2 obj\n"
      ". PUNCT 2 punct\n");
  extractions_.back().push_back(
      Fact(s, 1, "find", Arg(s, 0, 0, 0), {Arg(s, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, vocab_.Entity("rescuers", "doc-1"), R("find"),
                  Term::Typed("1039", std::string(kXsdNs) + "decimal")));
}

TEST_F(DocumentBuilderTest, PeopleSharingASurnameStayApart) {
  Sentence& s0 = AddSentence(
      "Gloria PROPN 2 flat\nVanderbilt PROPN 3 nsubj\nvisited VERB 0 root\n"
      "Paris PROPN 3 obj\n");
  extractions_.back().push_back(
      Fact(s0, 2, "visit", Arg(s0, 0, 1, 1), {Arg(s0, 3, 3, 3)}));
  Sentence& s1 = AddSentence(
      "Cornelius PROPN 2 flat\nVanderbilt PROPN 3 nsubj\nvisited VERB 0 "
      "root\nBoston PROPN 3 obj\n");
  extractions_.back().push_back(
      Fact(s1, 2, "visit", Arg(s1, 0, 1, 1), {Arg(s1, 3, 3, 3)}));
  Sentence& s2 = AddSentence(
      "Vanderbilt PROPN 2 nsubj\nleft VERB 0 root\nBoston PROPN 2 obj\n");
  extractions_.back().push_back(
      Fact(s2, 1, "leave", Arg(s2, 0, 0, 0), {Arg(s2, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Gloria Vanderbilt"), R("visit"), E("Paris")));
  EXPECT_TRUE(Has(doc, E("Cornelius Vanderbilt"), R("leave"), E("Boston")));
  EXPECT_FALSE(Has(doc, E("Gloria Vanderbilt"), R("leave"), E("Boston")));
  for (const Triple& t : doc.triples) {
    EXPECT_NE(t.subject, E("Vanderbilt"));
  }
}

TEST_F(DocumentBuilderTest, NameParticlesAndBareTitles) {
  Sentence& s = AddSentence(
      "Mayor PROPN 3 compound\nde PROPN 3 flat\nBlasio PROPN 4 nsubj\n"
      "visited VERB 0 root\nBaku PROPN 4 obj\n");
  s.tokens[1].upos = "X";
  extractions_.back().push_back(
      Fact(s, 3, "visit", Arg(s, 0, 2, 2), {Arg(s, 4, 4, 4)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("de Blasio"), R("visit"), E("Baku")));
  EXPECT_TRUE(Has(doc, E("de Blasio"), P("role"), Term::Literal("Mayor")));
  EXPECT_FALSE(Has(doc, E("Mayor"), Vocabulary::RdfType(),
                   vocab_.Class(EntityType::kPerson)));
}

TEST_F(DocumentBuilderTest, TypesFromContextWhenWordNetIsSilent) {
  // A lone unknown name that speaks is a person; an unknown acronym an
  // organisation; two capitalised words starting with a common word are not
  // a person's name.
  Sentence& s = AddSentence(
      "Callamard PROPN 2 nsubj\nsaid VERB 0 root\nKXQZ PROPN 4 nsubj\n"
      "hired VERB 2 ccomp\nProtection PROPN 6 compound\nUnits PROPN 4 obj\n");
  extractions_.back().push_back(
      Fact(s, 3, "hire", Arg(s, 2, 2, 2), {Arg(s, 4, 5, 5)}));
  extractions_.back().push_back(
      Fact(s, 1, "say", Arg(s, 0, 0, 0), {Arg(s, 2, 5, 3)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Callamard"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kPerson)));
  EXPECT_TRUE(Has(doc, E("KXQZ"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOrganization)));
  EXPECT_TRUE(Has(doc, E("Protection Units"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOther)));
}

TEST_F(DocumentBuilderTest, OccupationTitleAndCommonGivenName) {
  Sentence& s = AddSentence(
      "Businessman PROPN 3 compound\nDon PROPN 3 flat\nBlankenship PROPN 4 "
      "nsubj\nvisited VERB 0 root\nBaku PROPN 4 obj\n");
  extractions_.back().push_back(
      Fact(s, 3, "visit", Arg(s, 0, 2, 2), {Arg(s, 4, 4, 4)}));
  Sentence& s1 = AddSentence(
      "Don PROPN 2 flat\nBlankenship PROPN 3 nsubj\nleft VERB 0 root\n"
      "Baku PROPN 3 obj\n");
  extractions_.back().push_back(
      Fact(s1, 2, "leave", Arg(s1, 0, 1, 1), {Arg(s1, 3, 3, 3)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Don Blankenship"), R("visit"), E("Baku")));
  EXPECT_TRUE(
      Has(doc, E("Don Blankenship"), P("role"), Term::Literal("Businessman")));
  EXPECT_TRUE(Has(doc, E("Don Blankenship"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kPerson)));
}

TEST_F(DocumentBuilderTest, ShorterMultiWordNameJoinsTheFullName) {
  AddSentence(
      "Rocky PROPN 4 flat\nDe PROPN 4 flat\nLa PROPN 4 flat\nFuente PROPN 5 "
      "nsubj\nran VERB 0 root\n");
  Sentence& s = AddSentence(
      "De PROPN 3 flat\nLa PROPN 3 flat\nFuente PROPN 4 nsubj\nvisited VERB "
      "0 root\nBaku PROPN 4 obj\n");
  extractions_.back().push_back(
      Fact(s, 3, "visit", Arg(s, 0, 2, 2), {Arg(s, 4, 4, 4)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Rocky De La Fuente"), R("visit"), E("Baku")));
}

TEST_F(DocumentBuilderTest, InstitutionWordAloneIsAnOrganization) {
  Sentence& s =
      AddSentence("Court PROPN 2 nsubj\nsaid VERB 0 root\nthat SCONJ 2 mark\n");
  extractions_.back().push_back(
      Fact(s, 1, "say", Arg(s, 0, 0, 0), {Arg(s, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_TRUE(Has(doc, E("Court"), Vocabulary::RdfType(),
                  vocab_.Class(EntityType::kOrganization)));
}

TEST_F(DocumentBuilderTest, UncasedScriptsAreNotNames) {
  Sentence& s = AddSentence(
      "\xE0\xA4\xB9\xE0\xA4\xAE PROPN 2 nsubj\nvisited VERB 0 root\n"
      "Baku PROPN 2 obj\n");
  extractions_.back().push_back(
      Fact(s, 1, "visit", Arg(s, 0, 0, 0), {Arg(s, 2, 2, 2)}));
  DocumentInput doc = Build();
  EXPECT_FALSE(Has(doc, E("\xE0\xA4\xB9\xE0\xA4\xAE"), R("visit"), E("Baku")));
}

TEST_F(DocumentBuilderTest, DeterministicContentDerivedIds) {
  Sentence& s = AddSentence(testing::kWelcomeRows);
  extractions_.back().push_back(testing::WelcomeFact(s));
  DocumentInput a = Build();
  DocumentInput b = Build();
  ASSERT_EQ(a.statements.size(), b.statements.size());
  for (size_t i = 0; i < a.statements.size(); ++i) {
    EXPECT_EQ(a.statements[i].id, b.statements[i].id);
  }
  ASSERT_EQ(a.triples.size(), b.triples.size());
  EXPECT_EQ(a.content_hash, b.content_hash);
  article_.text += " changed";
  EXPECT_NE(ContentHash(article_), a.content_hash);
}

}  // namespace
}  // namespace kg
