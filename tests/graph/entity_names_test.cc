#include "graph/entity_names.h"

#include <gtest/gtest.h>

#include "graph_test_util.h"

namespace kg {
namespace {

using namespace kg::testing;  // NOLINT

TEST(EditDistanceTest, Table) {
  static const struct {
    const char *a, *b;
    size_t d;
  } cases[] = {{"", "", 0},
               {"abc", "", 3},
               {"kitten", "sitting", 3},
               {"nato", "nato", 0},
               {"pashinyan", "pashinian", 1}};
  for (const auto& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b), c.d) << c.a << " / " << c.b;
    EXPECT_EQ(EditDistance(c.b, c.a), c.d);
  }
  EXPECT_EQ(AsciiLower("NATO Ünion"), "nato Ünion");
}

class EntityNamesTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    Add("doc1",
        {{Entity("Nikol_Pashinyan"), Label(), Term::Literal("Nikol Pashinyan")},
         {Entity("Nikol_Pashinyan"), Alias(), Term::Literal("Pashinyan")},
         {Entity("NATO"), Label(), Term::Literal("NATO")},
         {Entity("NATO"), Alias(),
          Term::Literal("North Atlantic Treaty Organization")},
         {Entity("Yerevan"), Label(), Term::LangLiteral("Yerevan", "en")},
         {Entity("Baku"), Label(), Term::Literal("Baku")},
         {Entity("Other_Baku"), Alias(), Term::Literal("baku")}});
    view_ = store_->NewReadView();
    names_ =
        std::make_unique<EntityNames>(*view_, std::string(kDefaultBaseIri));
  }
  std::unique_ptr<ReadView> view_;
  std::unique_ptr<EntityNames> names_;
};

TEST_F(EntityNamesTest, FindsByLabelAliasAndIriIgnoringCase) {
  const TermId pashinyan = Id(Entity("Nikol_Pashinyan"));
  for (const char* name : {"Nikol Pashinyan", "nikol pashinyan", "PASHINYAN",
                           "http://kg.local/entity/Nikol_Pashinyan",
                           "<http://kg.local/entity/Nikol_Pashinyan>"}) {
    auto found = names_->Find(name);
    ASSERT_TRUE(found.ok()) << name << ": " << found.status().ToString();
    EXPECT_EQ(found->front(), pashinyan) << name;
  }
  auto nato = names_->Find("north atlantic treaty organization");
  ASSERT_TRUE(nato.ok());
  EXPECT_EQ(nato->front(), Id(Entity("NATO")));
  auto yerevan = names_->Find("yerevan");  // a language-tagged label
  ASSERT_TRUE(yerevan.ok());
  EXPECT_EQ(yerevan->front(), Id(Entity("Yerevan")));
}

TEST_F(EntityNamesTest, LabelsComeBeforeAliases) {
  auto baku = names_->Find("BAKU");
  ASSERT_TRUE(baku.ok());
  ASSERT_EQ(baku->size(), 2u);
  EXPECT_EQ((*baku)[0], Id(Entity("Baku")));
  EXPECT_EQ((*baku)[1], Id(Entity("Other_Baku")));
}

TEST_F(EntityNamesTest, LastWordsOfOneNameAreEnough) {
  Add("doc2",
      {{Entity("Javier_Colomina"), Label(), Term::Literal("Javier Colomina")},
       {Entity("Anna_Smith"), Label(), Term::Literal("Anna Smith")},
       {Entity("Bob_Smith"), Label(), Term::Literal("Bob Smith")}});
  view_ = store_->NewReadView();
  names_ = std::make_unique<EntityNames>(*view_, std::string(kDefaultBaseIri));
  auto found = names_->Find("colomina");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*found, std::vector<TermId>{Id(Entity("Javier_Colomina"))});
  auto smith = names_->Find("Smith");  // two people: ambiguous, not a name
  ASSERT_FALSE(smith.ok());
  EXPECT_NE(smith.status().message().find("did you mean: "), std::string::npos);
  EXPECT_FALSE(names_->Find("mina").ok());  // words, not letters
}

TEST_F(EntityNamesTest, UnknownNameSuggestsClosestNames) {
  auto found = names_->Find("Pashinian");
  ASSERT_FALSE(found.ok());
  EXPECT_TRUE(found.status().IsNotFound());
  EXPECT_EQ(found.status().message().rfind(
                "no entity named Pashinian; did you mean: Pashinyan", 0),
            0u)
      << found.status().message();
  auto s = names_->Suggest("nato", 2);
  ASSERT_EQ(s.size(), 1u);  // nothing else is within distance 2
  EXPECT_EQ(s[0], "NATO");
  // One word of a longer name is enough.
  s = names_->Suggest("Pashinyn");
  ASSERT_GE(s.size(), 2u);
  EXPECT_EQ(s[0], "Pashinyan");
  EXPECT_EQ(s[1], "Nikol Pashinyan");
  auto far = names_->Find("Xyzzy");
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.status().message(), "no entity named Xyzzy");
}

TEST_F(EntityNamesTest, DisplayNames) {
  EXPECT_EQ(names_->DisplayName(Id(Entity("Nikol_Pashinyan"))),
            "Nikol Pashinyan");
  EXPECT_EQ(names_->DisplayName(Id(Entity("Other_Baku"))), "Other_Baku");
  EXPECT_EQ(names_->DisplayName(Id(Alias())), "alias");
  EXPECT_EQ(names_->TermText(Id(Entity("NATO"))),
            std::string(kDefaultBaseIri) + "entity/NATO");
}

}  // namespace
}  // namespace kg
