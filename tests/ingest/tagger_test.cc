// The averaged-perceptron tagger: training on a small hand-tagged corpus,
// the tag dictionary, determinism, save/load, the backward weights of a
// bidirectional tagger, the WordNet classes of unseen words and, on a treebank
// slice (skipped without ../shared),
// that tagging both ways beats either way alone.
#include "ingest/tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "ingest/conllu.h"
#include "ingest/perceptron_hash.h"
#include "ingest/tagger_trainer.h"
#include "ingest/tokenizer.h"
#include "ingest/wordnet_index.h"

namespace kg {
namespace {

// word/UPOS/XPOS triples, one sentence a line (hand-tagged).
const char* kCorpus[] = {
    "The/DET/DT dog/NOUN/NN runs/VERB/VBZ ./PUNCT/.",
    "A/DET/DT cat/NOUN/NN sleeps/VERB/VBZ ./PUNCT/.",
    "The/DET/DT dogs/NOUN/NNS run/VERB/VBP fast/ADV/RB ./PUNCT/.",
    "She/PRON/PRP can/AUX/MD run/VERB/VB ./PUNCT/.",
    "They/PRON/PRP watched/VERB/VBD a/DET/DT run/NOUN/NN ./PUNCT/.",
    "He/PRON/PRP walks/VERB/VBZ the/DET/DT dog/NOUN/NN ./PUNCT/.",
};

std::vector<Sentence> Corpus(int copies) {
  std::vector<Sentence> out;
  for (int c = 0; c < copies; ++c)
    for (const char* line : kCorpus) {
      Sentence s;
      std::istringstream in(line);
      std::string item;
      while (in >> item) {
        Token t;
        size_t a = item.find('/'), b = item.find('/', a + 1);
        t.form = item.substr(0, a);
        t.upos = item.substr(a + 1, b - a - 1);
        t.xpos = item.substr(b + 1);
        s.tokens.push_back(t);
      }
      out.push_back(s);
    }
  return out;
}

Tagger Train(const std::vector<Sentence>& corpus, TagSet* tags) {
  std::vector<const Sentence*> ptrs;
  for (const Sentence& s : corpus) {
    ptrs.push_back(&s);
    for (const Token& t : s.tokens) tags->Add(t.upos, t.xpos);
  }
  TaggerTrainOptions o;
  o.epochs = 5;
  return TrainTagger(ptrs, *tags, o, nullptr, nullptr);
}

TEST(TaggerTest, LearnsAmbiguousWordFromContext) {
  std::vector<Sentence> corpus = Corpus(3);
  TagSet tags;
  Tagger tagger = Train(corpus, &tags);
  // "run" is a verb after a modal or plural subject, a noun after "a".
  Sentence s = TokenizePretokenized("He can run .");
  tagger.Tag(&s);
  EXPECT_EQ(s.tokens[2].upos, "VERB");
  EXPECT_EQ(s.tokens[2].xpos, "VB");
  s = TokenizePretokenized("They watched a run .");
  tagger.Tag(&s);
  EXPECT_EQ(s.tokens[3].upos, "NOUN");
  EXPECT_EQ(s.tokens[2].upos, "DET");
  EXPECT_EQ(s.tokens[4].upos, "PUNCT");
  EXPECT_DOUBLE_EQ(UposAccuracy(tagger, corpus), 1.0);
}

TEST(TaggerTest, FrequentUnambiguousWordsGoToTheDictionary) {
  std::vector<Sentence> corpus = Corpus(10);  // "." seen 60 times, "run" mixed
  TagSet tags;
  for (const Sentence& s : corpus)
    for (const Token& t : s.tokens) tags.Add(t.upos, t.xpos);
  std::vector<const Sentence*> ptrs;
  for (const Sentence& s : corpus) ptrs.push_back(&s);
  TaggerLexicon lex = BuildTaggerLexicon(ptrs, tags);
  EXPECT_EQ(lex.tag_dict.count(HashString(".")), 1u);
  EXPECT_EQ(lex.tag_dict.count(HashString("run")), 0u);  // ambiguous
  EXPECT_EQ(lex.tag_dict.count(HashString("cat")), 0u);  // too rare
  EXPECT_EQ(lex.tag_dict.at(HashString(".")), tags.Find("PUNCT", "."));
}

TEST(TaggerTest, TrainingIsDeterministicAndSurvivesSaveLoad) {
  std::vector<Sentence> corpus = Corpus(3);
  TagSet t1, t2;
  Tagger a = Train(corpus, &t1);
  Tagger b = Train(corpus, &t2);
  ModelFile fa, fb;
  a.Save(&fa);
  b.Save(&fb);
  EXPECT_EQ(fa.Serialize(), fb.Serialize());
  StatusOr<ModelFile> parsed = ModelFile::Parse(fa.Serialize(), "mem");
  ASSERT_TRUE(parsed.ok());
  StatusOr<Tagger> loaded = Tagger::Load(*parsed, "mem");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (const Sentence& g : corpus) {
    Sentence x = g, y = g;
    a.Tag(&x);
    loaded->Tag(&y);
    for (size_t i = 0; i < x.tokens.size(); ++i)
      EXPECT_EQ(x.tokens[i].xpos, y.tokens[i].xpos);
  }
}

Token Punct(std::string form, std::string xpos) {
  Token t;
  t.form = std::move(form);
  t.upos = "PUNCT";
  t.xpos = std::move(xpos);
  return t;
}

TEST(TaggerTest, PtbEscapesAreNormalisedBeforeTagging) {
  std::vector<Sentence> corpus = Corpus(3);
  for (Sentence& s : corpus) {
    s.tokens.insert(s.tokens.begin(), Punct("(", "-LRB-"));
    s.tokens.push_back(Punct(")", "-RRB-"));
  }
  TagSet tags;
  Tagger tagger = Train(corpus, &tags);
  Sentence s = TokenizePretokenized("-LRB- The dog runs . -RRB-");
  tagger.Tag(&s);
  EXPECT_EQ(s.tokens[0].xpos, "-LRB-");
  EXPECT_EQ(s.tokens[5].xpos, "-RRB-");
  EXPECT_EQ(s.tokens[0].form, "-LRB-");  // forms are never changed
}

// The sections every tagger file has: a one-way tagger as models were
// before the backward weights (TGBW) and the WordNet classes (TGWN).
ModelFile BaseSections(const ModelFile& file) {
  ModelFile out;
  for (uint32_t tag : {SectionTag("TAGS"), SectionTag("TDIC"),
                       SectionTag("TAMB"), SectionTag("TGWT")})
    out.AddSection(tag, *file.Section(tag));
  return out;
}

TEST(TaggerTest, BackwardWeightsGoThroughTheFile) {
  std::vector<Sentence> corpus = Corpus(3);
  TagSet tags;
  Tagger both = Train(corpus, &tags);  // bidirectional by default
  ASSERT_TRUE(both.bidirectional());
  ModelFile file;
  both.Save(&file);
  ASSERT_NE(file.Section(SectionTag("TGBW")), nullptr);
  StatusOr<ModelFile> parsed = ModelFile::Parse(file.Serialize(), "mem");
  ASSERT_TRUE(parsed.ok());
  StatusOr<Tagger> loaded = Tagger::Load(*parsed, "mem");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->bidirectional());
  Sentence a = TokenizePretokenized("They watched a run .");
  Sentence b = a;
  both.Tag(&a);
  loaded->Tag(&b);
  for (size_t i = 0; i < a.tokens.size(); ++i)
    EXPECT_EQ(a.tokens[i].xpos, b.tokens[i].xpos);
  EXPECT_EQ(b.tokens[3].upos, "NOUN");
  // A file without backward weights is a one-way tagger; damaged ones are
  // refused with the file's name.
  ModelFile one_way = BaseSections(*parsed);
  StatusOr<Tagger> forward = Tagger::Load(one_way, "mem");
  ASSERT_TRUE(forward.ok()) << forward.status().ToString();
  EXPECT_FALSE(forward->bidirectional());
  ModelFile damaged = one_way;
  damaged.AddSection(SectionTag("TGBW"), "broken");
  StatusOr<Tagger> refused = Tagger::Load(damaged, "tagger.kgm");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kCorruption);
  EXPECT_NE(refused.status().message().find("tagger.kgm"), std::string::npos);
}

// The ambiguity-class key of the first word of `forms`: Extract writes it
// 22nd (TaggerFeatures::Extract, feature 21).
uint64_t AmbiguityKey(const TaggerLexicon& lex,
                      const std::vector<std::string>& forms) {
  uint64_t keys[TaggerFeatures::kMaxFeatures];
  TaggerFeatures(forms, lex).Extract(0, -1, -1, keys);
  return keys[21];
}

TEST(TaggerTest, UnseenWordsTakeTheirWordNetClass) {
  if (!WordNetIndex::Get().status().ok())
    GTEST_SKIP() << WordNetIndex::Get().status().ToString();
  std::vector<Sentence> corpus = Corpus(3);
  TagSet tags;
  std::vector<const Sentence*> ptrs;
  for (const Sentence& s : corpus) {
    ptrs.push_back(&s);
    for (const Token& t : s.tokens) tags.Add(t.upos, t.xpos);
  }
  TaggerLexicon lex = BuildTaggerLexicon(ptrs, tags);
  ASSERT_TRUE(lex.wordnet_classes);
  auto key = [&](const char* w) { return AmbiguityKey(lex, {w, "."}); };
  // Unseen words: nouns only ("zebras" through morphology), adverbs only,
  // unknown to WordNet; seen words keep their training class.
  EXPECT_EQ(key("zebras"), key("giraffe"));
  EXPECT_EQ(key("quickly"), key("slowly"));
  EXPECT_NE(key("zebras"), key("quickly"));
  EXPECT_NE(key("zebras"), key("xqzvbn"));
  EXPECT_NE(key("zebras"), key("dog"));
  // A model made before the feature (no TGWN section) puts every unseen word
  // in one class, as it was trained.
  TaggerLexicon old = lex;
  old.wordnet_classes = false;
  EXPECT_EQ(AmbiguityKey(old, {"zebras", "."}),
            AmbiguityKey(old, {"quickly", "."}));
  Tagger tagger = Train(corpus, &tags);
  ModelFile file;
  tagger.Save(&file);
  StatusOr<ModelFile> parsed = ModelFile::Parse(file.Serialize(), "mem");
  ASSERT_TRUE(parsed.ok());
  StatusOr<Tagger> loaded = Tagger::Load(*parsed, "mem");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE(loaded->lexicon().wordnet_classes);
  ModelFile without = BaseSections(*parsed);
  StatusOr<Tagger> before = Tagger::Load(without, "mem");
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_FALSE(before->lexicon().wordnet_classes);
  without.AddSection(SectionTag("TGWN"), "x");
  StatusOr<Tagger> refused = Tagger::Load(without, "tagger.kgm");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kCorruption);
}

TEST(TaggerSliceTest, BothWaysBeatsEitherWay) {
  const std::string train_file =
      std::string(KG_SHARED_DIR) + "/ud/train/en_ewt-ud-train.conllu";
  const std::string dev_file =
      std::string(KG_SHARED_DIR) + "/ud/dev/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(train_file) ||
      !std::filesystem::exists(dev_file))
    GTEST_SKIP() << "shared UD data absent (" << train_file << ")";
  StatusOr<std::vector<Sentence>> all = ReadConlluFile(train_file);
  StatusOr<std::vector<Sentence>> dev = ReadConlluFile(dev_file);
  ASSERT_TRUE(all.ok() && dev.ok());
  std::vector<const Sentence*> train;
  TagSet tags;
  for (size_t i = 0; i < 4000; ++i) {
    train.push_back(&(*all)[i]);
    for (const Token& t : (*all)[i].tokens) tags.Add(t.upos, t.xpos);
  }
  TaggerTrainOptions o;
  o.epochs = 4;
  Tagger both = TrainTagger(train, tags, o, nullptr, nullptr);
  ASSERT_TRUE(both.bidirectional());
  Tagger forward(both.tags(), both.lexicon(), both.weights());
  // The backward weights alone, as a forward tagger of reversed sentences.
  Tagger backward(both.tags(), both.lexicon(), both.backward());
  std::vector<Sentence> reversed = *dev;
  for (Sentence& s : reversed) std::reverse(s.tokens.begin(), s.tokens.end());
  double f = UposAccuracy(forward, *dev);
  double b = UposAccuracy(backward, reversed);
  double fb = UposAccuracy(both, *dev);
  EXPECT_GT(fb, std::max(f, b)) << "forward " << f << ", backward " << b;
}

}  // namespace
}  // namespace kg
