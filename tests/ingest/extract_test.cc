// Each extraction rule on a small hand-parsed sentence.
#include <gtest/gtest.h>

#include "ingest/extract_format.h"
#include "ingest/extractor.h"
#include "tests/ingest/extract_test_util.h"

namespace kg {
namespace {

using testing::Tree;

// "REL | SUBJ | OBJ1 | OBJ2 ... | QUAL1 ..." for compact comparisons.
std::string Show(const Extraction& x) {
  std::string out = x.relation + " | " + x.subject.text;
  for (const auto& a : x.objects) out += " | " + a.text;
  for (const auto& a : x.qualifiers) out += " | " + a.text;
  return out;
}

std::vector<std::string> Shown(const Sentence& s, ExtractorOptions o = {}) {
  std::vector<std::string> out;
  for (const Extraction& x : Extractor(o).Extract(s)) out.push_back(Show(x));
  return out;
}

bool Has(const std::vector<std::string>& xs, const std::string& want) {
  return std::find(xs.begin(), xs.end(), want) != xs.end();
}

#define EXPECT_EXTRACTS(xs, want)                           \
  EXPECT_TRUE(Has(xs, want)) << "missing: " << want << "\n" \
                             << ::testing::PrintToString(xs)

TEST(Extract, SubjectVerbObject) {
  Sentence s = Tree(R"(Obama PROPN NNP 2 nsubj
met VERB VBD 0 root
Putin PROPN NNP 2 obj
. PUNCT . 2 punct)");
  auto xs = Extractor().Extract(s);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(Show(xs[0]), "met | Obama | Putin");
  EXPECT_EQ(xs[0].relation_lemma, "meet");
  EXPECT_EQ(xs[0].subject.begin, 0u);
  EXPECT_EQ(xs[0].subject.end, 5u);
  EXPECT_EQ(xs[0].objects[0].begin, 10u);
  EXPECT_EQ(xs[0].objects[0].tokens, std::vector<int>{2});
  EXPECT_GT(xs[0].confidence, 0.f);
  EXPECT_LT(xs[0].confidence, 1.f);
}

TEST(Extract, AuxiliariesNegationAndModalsStayInTheRelation) {
  Sentence s = Tree(R"(Obama PROPN NNP 4 nsubj
did AUX VBD 4 aux
not PART RB 4 advmod
meet VERB VB 0 root
Putin PROPN NNP 4 obj)");
  auto xs = Extractor().Extract(s);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].relation, "did not meet");
  EXPECT_EQ(xs[0].relation_lemma, "not meet");
  Sentence m = Tree(R"(It PRON PRP 3 nsubj
could AUX MD 3 aux
disrupt VERB VB 0 root
talks NOUN NNS 3 obj)");
  auto ms = Extractor().Extract(m);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].relation_lemma, "could disrupt");
}

TEST(Extract, ParticleInRelation) {
  Sentence s = Tree(R"(They PRON PRP 2 nsubj
set VERB VBD 0 root
up ADP RP 2 compound:prt
a DET DT 5 det
company NOUN NN 2 obj)");
  EXPECT_EXTRACTS(Shown(s), "set up | They | a company");
}

TEST(Extract, PrepositionFoldsIntoRelationWithoutObject) {
  Sentence s = Tree(R"(He PRON PRP 2 nsubj
served VERB VBD 0 root
as ADP IN 4 case
president NOUN NN 2 obl
in ADP IN 6 case
1990 NUM CD 2 obl)");
  EXPECT_EXTRACTS(Shown(s), "served as | He | president | in 1990");
  ExtractorOptions no_fold;
  no_fold.prep_in_relation = false;
  EXPECT_EXTRACTS(Shown(s, no_fold), "served | He | as president | in 1990");
}

TEST(Extract, CopulaClause) {
  Sentence s = Tree(R"(Bush PROPN NNP 4 nsubj
was AUX VBD 4 cop
the DET DT 4 det
president NOUN NN 0 root
of ADP IN 6 case
America PROPN NNP 4 nmod)");
  EXPECT_EXTRACTS(Shown(s), "was | Bush | the president of America");
  Sentence loc = Tree(R"(Talks NOUN NNS 4 nsubj
are AUX VBP 4 cop
in ADP IN 4 case
Paris PROPN NNP 0 root)");
  EXPECT_EXTRACTS(Shown(loc), "are in | Talks | Paris");
}

TEST(Extract, AppositionGivesBe) {
  Sentence s = Tree(R"(Pashinyan PROPN NNP 6 nsubj
, PUNCT , 4 punct
the DET DT 4 det
premier NOUN NN 1 appos
, PUNCT , 4 punct
spoke VERB VBD 0 root
to ADP IN 8 case
reporters NOUN NNS 6 obl)");
  auto xs = Shown(s);
  EXPECT_EXTRACTS(xs, "be | Pashinyan | the premier");
  EXPECT_EXTRACTS(xs, "spoke to | Pashinyan | reporters");
}

TEST(Extract, RelativeClauseTakesTheNounAsSubject) {
  Sentence s = Tree(R"(I PRON PRP 2 nsubj
saw VERB VBD 0 root
the DET DT 4 det
man NOUN NN 2 obj
who PRON WP 6 nsubj
won VERB VBD 4 acl:relcl
the DET DT 8 det
race NOUN NN 6 obj)");
  auto xs = Shown(s);
  EXPECT_EXTRACTS(xs, "won | the man | the race");
  EXPECT_EXTRACTS(xs, "saw | I | the man who won the race");
}

TEST(Extract, RelativeClauseWithObjectRelativizer) {
  Sentence s = Tree(R"(the DET DT 2 det
match NOUN NN 0 root
which PRON WDT 5 obj
Keibler PROPN NNP 5 nsubj
lost VERB VBD 2 acl:relcl)");
  EXPECT_EXTRACTS(Shown(s), "lost | Keibler | the match");
}

TEST(Extract, ReducedRelativeParticiple) {
  Sentence s = Tree(R"(soldiers NOUN NNS 0 root
captured VERB VBN 1 acl
by ADP IN 4 case
Hezbollah PROPN NNP 2 obl)");
  EXPECT_EXTRACTS(Shown(s), "be captured by | soldiers | Hezbollah");
}

TEST(Extract, XcompChain) {
  Sentence s = Tree(R"(Armenia PROPN NNP 2 nsubj
wants VERB VBZ 0 root
to PART TO 4 mark
join VERB VB 2 xcomp
NATO PROPN NNP 4 obj)");
  auto xs = Shown(s);
  EXPECT_EXTRACTS(xs, "wants to join | Armenia | NATO");
  ExtractorOptions off;
  off.xcomp = false;
  EXPECT_FALSE(Has(Shown(s, off), "wants to join | Armenia | NATO"));
}

TEST(Extract, CcompKeepsThatAndAttributesTheInnerFact) {
  Sentence s = Tree(R"(He PRON PRP 2 nsubj
said VERB VBD 0 root
that SCONJ IN 5 mark
Armenia PROPN NNP 5 nsubj
rejected VERB VBD 2 ccomp
the DET DT 7 det
offer NOUN NN 5 obj)");
  auto xs = Extractor().Extract(s);
  std::vector<std::string> shown;
  for (const auto& x : xs) shown.push_back(Show(x));
  EXPECT_EXTRACTS(shown, "said that | He | Armenia rejected the offer");
  EXPECT_EXTRACTS(shown, "rejected | Armenia | the offer");
  for (const auto& x : xs)
    if (x.relation == "rejected") {
      EXPECT_EQ(x.attributed_to, "He");
    }
}

TEST(Extract, ReportingParenthetical) {
  Sentence s = Tree(R"(Talks NOUN NNS 2 nsubj
failed VERB VBD 0 root
, PUNCT , 5 punct
officials NOUN NNS 5 nsubj
said VERB VBD 2 parataxis
. PUNCT . 2 punct)");
  auto xs = Extractor().Extract(s);
  std::vector<std::string> shown;
  for (const auto& x : xs) shown.push_back(Show(x));
  EXPECT_EXTRACTS(shown, "said | officials | Talks failed");
}

TEST(Extract, VerbConjunctsShareTheSubject) {
  Sentence s = Tree(R"(Armenia PROPN NNP 2 nsubj
arrived VERB VBD 0 root
and CCONJ CC 4 cc
signed VERB VBD 2 conj
the DET DT 6 det
deal NOUN NN 4 obj)");
  EXPECT_EXTRACTS(Shown(s), "signed | Armenia | the deal");
  ExtractorOptions off;
  off.conjuncts = false;
  EXPECT_TRUE(Shown(s, off).empty());
}

TEST(Extract, CoordinatedArgumentsSplit) {
  Sentence s = Tree(R"(Armenia PROPN NNP 4 nsubj
and CCONJ CC 3 cc
Azerbaijan PROPN NNP 1 conj
signed VERB VBD 0 root
the DET DT 6 det
deal NOUN NN 4 obj)");
  auto xs = Shown(s);
  EXPECT_EXTRACTS(xs, "signed | Armenia | the deal");
  EXPECT_EXTRACTS(xs, "signed | Azerbaijan | the deal");
  ExtractorOptions off;
  off.split_coordination = false;
  EXPECT_EXTRACTS(Shown(s, off), "signed | Armenia and Azerbaijan | the deal");
}

TEST(Extract, FrontedOpenerIsAnExtraArgument) {
  Sentence s = Tree(R"(In ADP IN 2 case
1981 NUM CD 5 obl
, PUNCT , 5 punct
he PRON PRP 5 nsubj
founded VERB VBD 0 root
the DET DT 7 det
company NOUN NN 5 obj)");
  EXPECT_EXTRACTS(Shown(s), "founded | he | the company | In 1981");
}

TEST(Extract, PossessiveGivesHas) {
  Sentence s = Tree(R"(Putin PROPN NNP 3 nmod:poss
's PART POS 1 case
wife NOUN NN 4 nsubj
smiled VERB VBD 0 root)");
  EXPECT_EXTRACTS(Shown(s), "has | Putin | wife");
}

TEST(Extract, UnparsedOrEmptySentenceGivesNothing) {
  Sentence s = Tree("Obama PROPN NNP -1 _\nmet VERB VBD -1 _");
  EXPECT_TRUE(Extractor().Extract(s).empty());
  EXPECT_TRUE(Extractor().Extract(Sentence{}).empty());
  // A cycle is not a tree.
  Sentence c = Tree("A NOUN NN 2 nsubj\nB VERB VB 1 obj");
  EXPECT_TRUE(Extractor().Extract(c).empty());
}

TEST(ExtractFormat, CarbLineKeepsTokensAsInTheSentence) {
  Sentence s = Tree(R"(`` PUNCT `` 3 punct
Obama PROPN NNP 3 nsubj
met VERB VBD 0 root
Putin PROPN NNP 3 obj
'' PUNCT '' 3 punct)");
  std::string line = FormatCarb(s, Extractor().Extract(s));
  EXPECT_EQ(line, "`` Obama met Putin ''\t" +
                      line.substr(line.find('\t') + 1, 6) +
                      "\tmet\tObama\tPutin\n");
}

}  // namespace
}  // namespace kg
