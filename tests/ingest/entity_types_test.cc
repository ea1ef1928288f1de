#include "ingest/entity_types.h"

#include <gtest/gtest.h>

#include "ingest/wordnet.h"

namespace kg {
namespace {

class EntityTypesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!wordnet::Available().ok()) {
      GTEST_SKIP() << wordnet::Available().message();
    }
  }
};

TEST_F(EntityTypesTest, TypesFromWordNetAndHeadWords) {
  struct {
    const char* name;
    std::optional<EntityType> type;
  } cases[] = {
      {"Armenia", EntityType::kLocation},
      {"Yerevan", EntityType::kLocation},
      {"NATO", EntityType::kOrganization},
      {"South Caucasus", EntityType::kLocation},
      {"Armenian Foreign Ministry", EntityType::kOrganization},
      {"Magnitogorsk City", EntityType::kLocation},
      {"Imperial College London", EntityType::kOrganization},
      {"Hurricane Dorian", EntityType::kEvent},
      {"Tokyo Olympics", EntityType::kEvent},
      {"United States Geological Survey", EntityType::kOrganization},
      {"Javier Colomina", std::nullopt},
      {"Zzyzx", std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(TypeOfName(c.name), c.type) << c.name;
  }
}

TEST_F(EntityTypesTest, CanonicalNames) {
  EXPECT_EQ(WordNetCanonical("NATO", std::nullopt),
            "North Atlantic Treaty Organization");
  // The name heads a sense of its own: it is kept.
  EXPECT_EQ(WordNetCanonical("Russia", EntityType::kLocation), "Russia");
  EXPECT_EQ(WordNetCanonical("Republic of Armenia", EntityType::kLocation),
            "Armenia");
  // A type that no sense has gives no canonical name.
  EXPECT_EQ(WordNetCanonical("Armenia", EntityType::kPerson), "");
  EXPECT_EQ(WordNetCanonical("Javier Colomina", std::nullopt), "");
}

TEST_F(EntityTypesTest, TitlesDemonymsPronouns) {
  EXPECT_TRUE(IsTitleWord("Minister"));
  EXPECT_TRUE(IsTitleWord("secretary"));
  EXPECT_FALSE(IsTitleWord("Prime"));
  EXPECT_TRUE(IsTitleWord("Senators"));     // plural before a list of names
  EXPECT_TRUE(IsTitleWord("Businessman"));  // occupations used as titles
  EXPECT_FALSE(IsTitleWord("Times"));
  EXPECT_TRUE(IsTitleModifier("Prime"));
  EXPECT_TRUE(IsOrganizationWord("Council"));
  EXPECT_EQ(DemonymPlace("Armenian"), "Armenia");
  EXPECT_EQ(DemonymPlace("Russian"), "Russia");
  EXPECT_EQ(DemonymPlace("armenian"), "");  // demonyms are capitalised
  EXPECT_EQ(DemonymPlace("Quick"), "");
  EXPECT_TRUE(IsPersonPronoun("His"));
  EXPECT_TRUE(IsThingPronoun("its"));
  EXPECT_FALSE(IsThingPronoun("they"));
}

}  // namespace
}  // namespace kg
