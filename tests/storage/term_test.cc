#include "storage/term.h"

#include <gtest/gtest.h>

namespace kg {
namespace {

TEST(TermTest, EncodeDecodeRoundTripsEveryKind) {
  const Term cases[] = {
      Term::Iri("http://kg.local/entity/Nikol_Pashinyan"),
      Term::Blank("b0"),
      Term::Literal("plain text"),
      Term::Literal(""),
      Term::LangLiteral("Erevan", "fr"),
      Term::Typed("2020-01-19", std::string(kXsdNs) + "date"),
      Term::Typed("42", std::string(kXsdNs) + "integer"),
      Term::Typed("3.25", std::string(kXsdNs) + "decimal"),
  };
  for (const Term& t : cases) {
    auto back = Term::Decode(t.Encode());
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, t) << t.ToNTriples();
  }
}

TEST(TermTest, DecodeIntoReusesOneTermAcrossKinds) {
  const Term cases[] = {Term::LangLiteral("Erevan", "fr"),
                        Term::Iri("http://kg.local/x"),
                        Term::Typed("42", std::string(kXsdNs) + "integer"),
                        Term::Literal("p"), Term::Blank("b1")};
  Term reused = Term::LangLiteral("left over", "en");
  for (const Term& t : cases) {
    ASSERT_TRUE(Term::DecodeInto(t.Encode(), &reused).ok());
    EXPECT_EQ(reused, t) << t.ToNTriples();  // no field of the last one stays
  }
  EXPECT_FALSE(Term::DecodeInto("", &reused).ok());
  EXPECT_FALSE(Term::DecodeInto("2no separator", &reused).ok());
}

TEST(TermTest, DistinctTermsEncodeDistinctly) {
  EXPECT_NE(Term::Iri("x").Encode(), Term::Literal("x").Encode());
  EXPECT_NE(Term::Literal("x").Encode(), Term::LangLiteral("x", "en").Encode());
  EXPECT_NE(Term::Typed("1", "a").Encode(), Term::Typed("1", "b").Encode());
}

TEST(TermTest, NTriplesSyntaxEscapes) {
  EXPECT_EQ(Term::Iri("http://a/b").ToNTriples(), "<http://a/b>");
  EXPECT_EQ(Term::Literal("say \"hi\"\n").ToNTriples(),
            "\"say \\\"hi\\\"\\n\"");
  EXPECT_EQ(Term::LangLiteral("x", "en").ToNTriples(), "\"x\"@en");
  EXPECT_EQ(Term::Typed("1", std::string(kXsdNs) + "integer").ToNTriples(),
            "\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>");
}

TEST(TermTest, DecodeRejectsGarbage) {
  EXPECT_FALSE(Term::Decode("").ok());
  EXPECT_FALSE(Term::Decode("9abc").ok());
  EXPECT_FALSE(Term::Decode(std::string("2abc")).ok());
}

}  // namespace
}  // namespace kg
