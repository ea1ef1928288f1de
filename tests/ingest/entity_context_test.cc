// Entity types and names from a mention's context: datelines, places after
// "in" / "near" / "the village of", articles before names, weekdays and
// months that are dates, possessives inside organisation names, and which
// single words join which multi-word names. Hand-parsed sentences through
// FindDocumentMentions and ResolveCoreference with the real WordNet.
#include <gtest/gtest.h>

#include <deque>

#include "ingest/coref.h"
#include "ingest/document_mentions.h"
#include "ingest/vocabulary.h"
#include "ingest/wordnet.h"
#include "tests/ingest/entity_test_util.h"

namespace kg {
namespace {

using testing::ParsedSentence;

class EntityContextTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!wordnet::Available().ok()) {
      GTEST_SKIP() << wordnet::Available().message();
    }
  }

  Sentence& AddSentence(const std::string& rows) {
    sentences_.push_back(ParsedSentence(rows, &text_));
    return sentences_.back();
  }

  // The entities of the document (no article date).
  Coreference Resolve() const {
    std::vector<Sentence> sentences(sentences_.begin(), sentences_.end());
    return ResolveCoreference(FindDocumentMentions(sentences, "").mentions);
  }

  // The type of the entity with canonical name `name`, or "" when none.
  static std::string TypeOf(const Coreference& c, const std::string& name) {
    for (const Entity& e : c.entities) {
      if (e.canonical == name) return std::string(EntityTypeName(e.type));
    }
    return "";
  }

  std::string text_;
  std::deque<Sentence> sentences_;
};

TEST_F(EntityContextTest, DatelinePlaceIsALocationNamedInTitleCase) {
  AddSentence(
      "HARWICK PROPN 8 obl\n, PUNCT 1 punct\n2 NUM 1 nmod\nApril PROPN 3 "
      "flat\n2025 NUM 3 nummod\n- PUNCT 8 punct\nKeller PROPN 8 nsubj\n"
      "visited VERB 0 root\nOstend PROPN 8 obj\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Harwick"), "Location");
  EXPECT_EQ(TypeOf(doc, "HARWICK"), "");
  EXPECT_EQ(TypeOf(doc, "April"), "");  // part of the date
}

TEST_F(EntityContextTest, PlacesFromInNearAndTheVillageOf) {
  AddSentence(
      "Officials NOUN 2 nsubj\nmet VERB 0 root\nin ADP 4 case\nCaboolture "
      "PROPN 2 obl\n. PUNCT 2 punct\n");
  AddSentence(
      "Trains NOUN 2 nsubj\nstopped VERB 0 root\nnear ADP 5 case\nthe DET 5 "
      "det\nvillage NOUN 2 obl\nof ADP 7 case\nOstby PROPN 5 nmod\n. PUNCT 2 "
      "punct\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Caboolture"), "Location");
  EXPECT_EQ(TypeOf(doc, "Ostby"), "Location");
}

TEST_F(EntityContextTest, PlaceWordLeadingAName) {
  AddSentence(
      "Hikers PROPN 2 nsubj\nclimbed VERB 0 root\nMount PROPN 4 compound\n"
      "Bukak PROPN 2 obj\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Mount Bukak"), "Location");
}

TEST_F(EntityContextTest, TitleWithOfComplementBeforeAName) {
  AddSentence(
      "Secretary PROPN 5 compound\nof ADP 3 case\nState PROPN 1 nmod\nMike "
      "PROPN 5 compound\nPompeo PROPN 6 nsubj\nspoke VERB 0 root\n");
  AddSentence("Pompeo PROPN 2 nsubj\nleft VERB 0 root\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Mike Pompeo"), "Person");
  EXPECT_EQ(TypeOf(doc, "State Mike Pompeo"), "");
  EXPECT_EQ(TypeOf(doc, "Pompeo"), "");  // joined the full name
  for (const Entity& e : doc.entities) {
    if (e.canonical == "Mike Pompeo") {
      ASSERT_EQ(e.roles.size(), 1u);
      EXPECT_EQ(e.roles[0], "Secretary of State");
    }
  }
}

TEST_F(EntityContextTest, PartyMemberWordBeforeAName) {
  AddSentence(
      "Republican PROPN 3 compound\nKevin PROPN 3 compound\nMcCarthy PROPN 4 "
      "nsubj\nspoke VERB 0 root\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Kevin McCarthy"), "Person");
  EXPECT_EQ(TypeOf(doc, "Republican Kevin McCarthy"), "");
}

TEST_F(EntityContextTest, ACommonWordAfterInIsNotAPlace) {
  AddSentence(
      "They PRON 2 nsubj\npublished VERB 0 root\nin ADP 4 case\nNature PROPN "
      "2 obl\n. PUNCT 2 punct\n");
  Coreference doc = Resolve();
  EXPECT_NE(TypeOf(doc, "Nature"), "Location");
}

TEST_F(EntityContextTest, ANameAfterAnArticleIsNotAPerson) {
  // "Seagate Array" would pass for a given name and a surname.
  AddSentence(
      "Reyes PROPN 2 nsubj\npresented VERB 0 root\nthe DET 5 det\nSeagate "
      "PROPN 5 compound\nArray PROPN 2 obj\n. PUNCT 2 punct\n");
  AddSentence(
      "Tomas PROPN 3 nsubj\nReyes PROPN 1 flat\npresented VERB 0 root\nit "
      "PRON 3 obj\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Seagate Array"), "Other");
  EXPECT_EQ(TypeOf(doc, "Tomas Reyes"), "Person");
}

TEST_F(EntityContextTest, ANameWithWhichIsNotAPerson) {
  AddSentence(
      "Baltica PROPN 2 compound\nRail PROPN 7 nsubj\n, PUNCT 5 punct\nwhich "
      "PRON 5 nsubj\noperates VERB 2 acl:relcl\n, PUNCT 5 punct\nsaid VERB 0 "
      "root\n");
  AddSentence(
      "Karin PROPN 3 nsubj\nHolm PROPN 1 flat\n, PUNCT 5 punct\nwho PRON 5 "
      "nsubj\nleads VERB 1 acl:relcl\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Baltica Rail"), "Other");
  EXPECT_EQ(TypeOf(doc, "Karin Holm"), "Person");
}

TEST_F(EntityContextTest, WeekdaysAndMonthsAreDatesNotNames) {
  // No article date: neither can be resolved, and neither is an entity.
  AddSentence(
      "Keller PROPN 2 nsubj\nspoke VERB 0 root\non ADP 4 case\nFriday PROPN 2 "
      "obl\nand CCONJ 6 cc\nagain ADV 2 conj\nin ADP 8 case\nMarch PROPN 2 "
      "obl\n. PUNCT 2 punct\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Friday"), "");
  EXPECT_EQ(TypeOf(doc, "March"), "");
}

TEST_F(EntityContextTest, PossessiveInsideAnOrganisationName) {
  Sentence& s = AddSentence(
      "the DET 4 det\nDockworkers PROPN 4 nmod:poss\n' PART 2 case\nUnion "
      "PROPN 5 nsubj\ncalled VERB 0 root\nstrike NOUN 5 obj\n");
  s.tokens[1].space_after = false;
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Dockworkers' Union"), "Organization");
  EXPECT_EQ(TypeOf(doc, "Union"), "");
}

TEST_F(EntityContextTest, SingleWordJoinsOnlyAPersonsName) {
  AddSentence(
      "Ships NOUN 2 nsubj\nleft VERB 0 root\nthe DET 4 det\nPort PROPN 2 obj\n"
      "of ADP 6 case\nMarenport PROPN 4 nmod\n");
  AddSentence("Marenport PROPN 2 nsubj\ngrew VERB 0 root\n. PUNCT 2 punct\n");
  Coreference doc = Resolve();
  EXPECT_EQ(TypeOf(doc, "Port of Marenport"), "Location");
  EXPECT_NE(TypeOf(doc, "Marenport"), "");  // its own entity
}

}  // namespace
}  // namespace kg
