#include <gtest/gtest.h>

#include "ingest/vocabulary.h"

namespace kg {
namespace {

TEST(VocabularyTest, IrisFollowTheIssue) {
  Vocabulary v;
  EXPECT_EQ(v.Entity("Nikol Pashinyan").value,
            "http://kg.local/entity/Nikol_Pashinyan");
  EXPECT_EQ(v.Relation("focus on").value, "http://kg.local/rel/focus_on");
  EXPECT_EQ(v.Class(EntityType::kOrganization).value,
            "http://kg.local/Organization");
  EXPECT_EQ(v.Property("alias").value, "http://kg.local/alias");
  Vocabulary other("http://example.org/kg/");
  EXPECT_EQ(other.Entity("Baku").value, "http://example.org/kg/entity/Baku");
}

TEST(VocabularyTest, RoundTripsNames) {
  Vocabulary v;
  for (const char* name :
       {"Nikol Pashinyan", "AT&T", "50% Club", "a/b #1?", "Café <x>"}) {
    auto back = v.EntityName(v.Entity(name).value);
    ASSERT_TRUE(back.has_value()) << name;
    EXPECT_EQ(*back, name);
  }
  EXPECT_FALSE(v.EntityName("http://kg.local/rel/x").has_value());
  Term scoped = v.Entity("the talks", "doc-7");
  EXPECT_NE(scoped, v.Entity("the talks", "doc-8"));
  EXPECT_EQ(scoped, v.Entity("the talks", "doc-7"));
  EXPECT_EQ(v.EntityName(scoped.value), "the talks");
  EXPECT_EQ(v.RelationLemma(v.Relation("focus on").value), "focus on");
  EXPECT_EQ(v.ClassOf("http://kg.local/Person"), EntityType::kPerson);
}

TEST(VocabularyTest, ParsesTypeNames) {
  EXPECT_EQ(ParseEntityType("person"), EntityType::kPerson);
  EXPECT_EQ(ParseEntityType("LOCATION"), EntityType::kLocation);
  EXPECT_FALSE(ParseEntityType("animal").has_value());
  EXPECT_EQ(EntityTypeName(EntityType::kEvent), "Event");
}

}  // namespace
}  // namespace kg
