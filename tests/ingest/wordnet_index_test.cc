// WordNetIndex: parts of speech and noun classes from WordNet's files held in
// memory, through the exception lists and the suffix rules, checked on words
// chosen for the test and against libwordnet (ingest/wordnet.h) on a list of
// inflected forms; a missing database gives an empty index and a status.
#include "ingest/wordnet_index.h"

#include <gtest/gtest.h>

#include "ingest/wordnet.h"

namespace kg {
namespace {

class WordNetIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!WordNetIndex::Get().status().ok())
      GTEST_SKIP() << WordNetIndex::Get().status().ToString();
  }
  const WordNetIndex& index = WordNetIndex::Get();
};

TEST_F(WordNetIndexTest, PartsOfSpeech) {
  using W = WordNetIndex;
  EXPECT_EQ(index.PartsOfSpeech("quickly"), W::kAdverb);
  EXPECT_EQ(index.PartsOfSpeech("Zebras"), W::kNoun);  // rule s → ""
  EXPECT_EQ(index.PartsOfSpeech("geese"), W::kNoun);   // noun.exc
  EXPECT_TRUE(index.PartsOfSpeech("ran") & W::kVerb);  // verb.exc
  EXPECT_TRUE(index.PartsOfSpeech("discussed") & W::kVerb);
  EXPECT_TRUE(index.PartsOfSpeech("taller") & W::kAdjective);
  EXPECT_EQ(index.PartsOfSpeech("dog") & (W::kNoun | W::kVerb),
            W::kNoun | W::kVerb);
  EXPECT_EQ(index.PartsOfSpeech("xqzvbn"), 0);
  EXPECT_EQ(index.PartsOfSpeech(""), 0);
  EXPECT_GT(index.size(), 140000u);
}

TEST_F(WordNetIndexTest, NounClassOfTheFirstSense) {
  EXPECT_EQ(index.NounClass("Armenia"), "noun.location");
  EXPECT_EQ(index.NounClass("weeks"), "noun.time");
  EXPECT_EQ(index.NounClass("geese"), "noun.animal");
  EXPECT_EQ(index.NounClass("quickly"), "");
  EXPECT_EQ(index.NounClass("NATO"),
            wordnet::NounSenses("NATO")->at(0).lexname);
}

TEST_F(WordNetIndexTest, AgreesWithLibWordNet) {
  const PartOfSpeech kPos[] = {PartOfSpeech::kNoun, PartOfSpeech::kVerb,
                               PartOfSpeech::kAdjective, PartOfSpeech::kAdverb};
  for (const char* w :
       {"talks",    "welcomed", "meeting",   "ministers", "children",
        "analyses", "better",   "biggest",   "went",      "boxes",
        "churches", "wishes",   "women",     "cities",    "studies",
        "hoped",    "stopped",  "making",    "runs",      "fairly",
        "Yerevan",  "protests", "elections", "signed",    "agreements"}) {
    int mask = index.PartsOfSpeech(w);
    for (int p = 0; p < 4; ++p)
      EXPECT_EQ(bool(mask & (1 << p)), wordnet::Contains(w, kPos[p]))
          << w << " part of speech " << p;
    auto senses = wordnet::NounSenses(w);
    EXPECT_EQ(index.NounClass(w), senses->empty() ? "" : senses->at(0).lexname)
        << w;
  }
}

TEST(WordNetIndexMissingTest, EmptyWithAStatus) {
  WordNetIndex none("/nonexistent/wordnet");
  EXPECT_FALSE(none.status().ok());
  EXPECT_NE(none.status().ToString().find("/nonexistent/wordnet"),
            std::string::npos);
  EXPECT_EQ(none.PartsOfSpeech("dog"), 0);
  EXPECT_EQ(none.NounClass("dog"), "");
  EXPECT_EQ(none.size(), 0u);
}

}  // namespace
}  // namespace kg
