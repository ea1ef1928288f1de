#include "ingest/transition_features.h"

#include <algorithm>

#include "ingest/perceptron_hash.h"
#include "ingest/tagger.h"
#include "ingest/wordnet_index.h"

namespace kg {
namespace {

constexpr uint64_t kNone = 0x6e6f6e655f5f5f5fULL;

uint64_t DistanceBucket(int d) {
  if (d <= 4) return uint64_t(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

}  // namespace

TransitionFeatures::TransitionFeatures(const std::vector<std::string>& forms,
                                       const std::vector<int>& tag_classes,
                                       const TagSet& tags) {
  word_.reserve(forms.size() + 1);
  tag_.reserve(forms.size() + 1);
  word_.push_back(HashString("<root>"));
  tag_.push_back(0x726f6f74ULL);
  upos_.reserve(forms.size() + 1);
  upos_.push_back(0x726f6f74ULL);
  class_.reserve(forms.size() + 1);
  class_.push_back(0x726f6f74ULL);
  for (size_t i = 0; i < forms.size(); ++i) {
    word_.push_back(HashString(LowerAscii(forms[i])));
    tag_.push_back(uint64_t(tag_classes[i]) + 1);
    const std::string& upos = tags.upos[size_t(tag_classes[i])];
    upos_.push_back(HashString(upos));
    std::string_view lex;
    if (upos == "NOUN" || upos == "PROPN")
      lex = WordNetIndex::Get().NounClass(forms[i]);
    class_.push_back(lex.empty() ? upos_.back() : HashString(lex));
  }
}

int TransitionFeatures::Extract(const ArcEagerState& st, uint64_t* keys) const {
  auto W = [&](int x) { return x < 0 ? kNone : word_[size_t(x)]; };
  auto P = [&](int x) { return x < 0 ? kNone : tag_[size_t(x)]; };
  auto U = [&](int x) { return x < 0 ? kNone : upos_[size_t(x)]; };
  auto C = [&](int x) { return x < 0 ? kNone : class_[size_t(x)]; };
  auto L = [&](int x) {
    return x <= 0 || st.label(x) < 0 ? kNone : uint64_t(st.label(x)) + 1;
  };
  const int s0 = st.Stack(0), s1 = st.Stack(1);
  const int n0 = st.Buffer(0), n1 = st.Buffer(1), n2 = st.Buffer(2);
  const int s0h = s0 > 0 ? st.head(s0) : -1;
  const int s0h2 = s0h > 0 ? st.head(s0h) : -1;
  const int s0l = s0 >= 0 ? st.Leftmost(s0, 0) : -1;
  const int s0l2 = s0 >= 0 ? st.Leftmost(s0, 1) : -1;
  const int s0r = s0 >= 0 ? st.Rightmost(s0, 0) : -1;
  const int s0r2 = s0 >= 0 ? st.Rightmost(s0, 1) : -1;
  const int n0l = n0 >= 0 ? st.Leftmost(n0, 0) : -1;
  const int n0l2 = n0 >= 0 ? st.Leftmost(n0, 1) : -1;

  const uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0);
  const uint64_t n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
  const uint64_t s1w = W(s1), s1p = P(s1);
  const uint64_t d = (s0 >= 0 && n0 >= 0)
                         ? DistanceBucket(st.Position(n0) - st.Position(s0))
                         : kNone;
  const uint64_t s0vl = s0 >= 0 ? uint64_t(std::min(st.LeftCount(s0), 6)) : 9;
  const uint64_t s0vr = s0 >= 0 ? uint64_t(std::min(st.RightCount(s0), 6)) : 9;
  const uint64_t n0vl = n0 >= 0 ? uint64_t(std::min(st.LeftCount(n0), 6)) : 9;
  const uint64_t s0sl = s0 >= 0 ? st.LeftLabels(s0) : kNone;
  const uint64_t s0sr = s0 >= 0 ? st.RightLabels(s0) : kNone;
  const uint64_t n0sl = n0 >= 0 ? st.LeftLabels(n0) : kNone;
  const uint64_t s0wp = CombineHash(s0w, s0p), n0wp = CombineHash(n0w, n0p);

  int k = 0;
  auto F = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    keys[k] = FeatureKey(uint32_t(k), a, b, c);
    ++k;
  };
  // Single words.
  F(s0wp);
  F(s0w);
  F(s0p);
  F(n0wp);
  F(n0w);
  F(n0p);
  F(n1w, n1p);
  F(n1w);
  F(n1p);
  F(n2w, n2p);
  F(n2w);
  F(n2p);
  // Word pairs.
  F(s0wp, n0wp);
  F(s0wp, n0w);
  F(s0w, n0wp);
  F(s0wp, n0p);
  F(s0p, n0wp);
  F(s0w, n0w);
  F(s0p, n0p);
  F(n0p, n1p);
  // Three words.
  F(n0p, n1p, n2p);
  F(s0p, n0p, n1p);
  F(P(s0h), s0p, n0p);
  F(s0p, P(s0l), n0p);
  F(s0p, P(s0r), n0p);
  F(s0p, n0p, P(n0l));
  // Distance.
  F(s0w, d);
  F(s0p, d);
  F(n0w, d);
  F(n0p, d);
  F(s0w, n0w, d);
  F(s0p, n0p, d);
  // Valency.
  F(s0w, s0vr);
  F(s0p, s0vr);
  F(s0w, s0vl);
  F(s0p, s0vl);
  F(n0w, n0vl);
  F(n0p, n0vl);
  // Unigrams of s0's head and the children.
  F(W(s0h));
  F(P(s0h));
  F(L(s0));
  F(W(s0l));
  F(P(s0l));
  F(L(s0l));
  F(W(s0r));
  F(P(s0r));
  F(L(s0r));
  F(W(n0l));
  F(P(n0l));
  F(L(n0l));
  // Third order.
  F(W(s0h2));
  F(P(s0h2));
  F(L(s0h));
  F(W(s0l2));
  F(P(s0l2));
  F(L(s0l2));
  F(W(s0r2));
  F(P(s0r2));
  F(L(s0r2));
  F(W(n0l2));
  F(P(n0l2));
  F(L(n0l2));
  F(s0p, P(s0l), P(s0l2));
  F(s0p, P(s0r), P(s0r2));
  F(s0p, P(s0h), P(s0h2));
  F(n0p, P(n0l), P(n0l2));
  // Label sets.
  F(s0w, s0sr);
  F(s0p, s0sr);
  F(s0w, s0sl);
  F(s0p, s0sl);
  F(n0w, n0sl);
  F(n0p, n0sl);
  // The second stack word (often still waiting for its head).
  F(s1w, s1p);
  F(s1p);
  F(s1p, s0p);
  F(s1p, s0p, n0p);
  F(s1w, s0w);
  F(s1p, L(s1));
  F(s1w, n0w);
  F(s1p, n0p);
  // s0 label with the buffer front, and lexicalised pair contexts.
  F(L(s0), n0p);
  F(L(s0), s0p, n0p);
  F(s0w, n0p, n1p);
  F(s0p, n0w, n1p);
  F(n0w, n1w);
  F(n0wp, n1p);
  F(s0p, W(s0l), n0p);
  F(s0p, W(s0r), n0p);
  F(s0p, n0p, W(n0l));
  F(P(s0h), s0w, n0w);
  // Coarse (UPOS) contexts, which generalise over the Penn tags.
  F(U(s0), U(n0));
  F(U(s0), U(n0), U(n1));
  F(U(s1), U(s0), U(n0));
  F(U(s0h), U(s0), U(n0));
  F(U(n0), U(n1), U(n2));
  F(s0w, U(n0));
  F(U(s0), n0w);
  F(U(s0), U(s0r), U(n0));
  // Semantic classes: WordNet's lexicographer class of nouns ("noun.time",
  // "noun.location", ...), with n0's nearest left dependent (its preposition)
  // for attachment.
  F(C(s0), C(n0));
  F(C(s0), n0p);
  F(s0p, C(n0));
  F(C(n0), W(n0l));
  F(C(s0), W(n0l), C(n0));
  F(C(s0), L(s0), n0p);
  return k;
}

}  // namespace kg
