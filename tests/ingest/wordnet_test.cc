#include "ingest/wordnet.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace kg {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

class WordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status st = wordnet::Available();
    if (!st.ok()) GTEST_SKIP() << st.message();
  }
};

TEST_F(WordNetTest, LemmatisesVerbsAndNouns) {
  struct {
    const char* word;
    PartOfSpeech pos;
    const char* lemma;
  } cases[] = {
      {"welcomed", PartOfSpeech::kVerb, "welcome"},
      {"welcome", PartOfSpeech::kVerb, "welcome"},
      {"talks", PartOfSpeech::kNoun, "talk"},
      {"talks", PartOfSpeech::kVerb, "talk"},
      {"was", PartOfSpeech::kVerb, "be"},
      {"Said", PartOfSpeech::kVerb, "say"},
      {"went", PartOfSpeech::kVerb, "go"},
      {"children", PartOfSpeech::kNoun, "child"},
      {"Zzyzxqq", PartOfSpeech::kVerb, "zzyzxqq"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Lemma(c.word, c.pos), c.lemma) << c.word;
  }
}

TEST_F(WordNetTest, Contains) {
  EXPECT_TRUE(wordnet::Contains("welcomed", PartOfSpeech::kVerb));
  EXPECT_TRUE(wordnet::Contains("secretary general", PartOfSpeech::kNoun));
  EXPECT_FALSE(wordnet::Contains("zzyzxqq", PartOfSpeech::kNoun));
}

TEST_F(WordNetTest, InstanceHypernyms) {
  auto armenia = wordnet::NounSenses("Armenia");
  ASSERT_FALSE(armenia->empty());
  EXPECT_TRUE((*armenia)[0].instance);
  EXPECT_EQ((*armenia)[0].lexname, "noun.location");
  EXPECT_TRUE(Has((*armenia)[0].hypernyms, "Asian country"));
  auto yerevan = wordnet::NounSenses("Yerevan");
  ASSERT_FALSE(yerevan->empty());
  EXPECT_EQ((*yerevan)[0].hypernyms.front(), "national capital");
  EXPECT_EQ(wordnet::NounSenses("qqqxyzzy")->size(), 0u);
}

TEST_F(WordNetTest, SynonymsOfAcronym) {
  auto nato = wordnet::NounSenses("NATO");
  ASSERT_FALSE(nato->empty());
  EXPECT_TRUE(Has((*nato)[0].synonyms, "North Atlantic Treaty Organization"));
  EXPECT_EQ((*nato)[0].lexname, "noun.group");
  EXPECT_TRUE(Has((*nato)[0].hypernyms, "organization"));
  auto full = wordnet::NounSenses("north atlantic treaty organization");
  ASSERT_FALSE(full->empty());
  EXPECT_TRUE(Has((*full)[0].synonyms, "NATO"));
}

TEST_F(WordNetTest, Pertainyms) {
  EXPECT_EQ(wordnet::Pertainym("Armenian"), "Armenia");
  EXPECT_EQ(wordnet::Pertainym("Azerbaijani"), "Azerbaijan");
  EXPECT_EQ(wordnet::Pertainym("quickly"), "");
}

TEST_F(WordNetTest, ConcurrentLookupsAgree) {
  std::vector<std::thread> threads;
  std::vector<std::string> out(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &out] {
      std::string acc;
      for (int i = 0; i < 50; ++i) {
        acc = Lemma(i % 2 ? "welcomed" : "discussed", PartOfSpeech::kVerb) +
              wordnet::NounSenses(t % 2 ? "Baku" : "Moscow")->at(0).lexname;
      }
      out[t] = acc;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(out[t], "welcomenoun.location") << t;
}

}  // namespace
}  // namespace kg
