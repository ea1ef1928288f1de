#include "ingest/arc_scorer.h"

#include <algorithm>
#include <cstdlib>
#include <iomanip>
#include <optional>
#include <random>

#include "ingest/model_file.h"
#include "ingest/perceptron.h"
#include "ingest/perceptron_hash.h"
#include "ingest/tagger_trainer.h"

namespace kg {
namespace {

constexpr uint64_t kNone = 0x6e6f6e655f5f5f5fULL;
constexpr uint64_t kRoot = 0x726f6f74ULL;

uint64_t DistanceBucket(int d) {
  if (d <= 5) return uint64_t(d);
  if (d <= 7) return 6;
  if (d <= 10) return 7;
  if (d <= 15) return 8;
  return 9;
}

uint64_t CountBucket(int c) { return uint64_t(std::min(c, 3)); }

}  // namespace

ArcFeatures::ArcFeatures(const std::vector<std::string>& forms,
                         const std::vector<int>& tag_classes,
                         const TagSet& tags)
    : n_(int(forms.size())) {
  const size_t n = forms.size();
  word_.assign(n + 1, kRoot);
  tag_.assign(n + 1, kRoot);
  upos_.assign(n + 1, kRoot);
  suffix_.assign(n + 1, kRoot);
  verbs_.assign(n + 1, 0);
  puncts_.assign(n + 1, 0);
  conjs_.assign(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    std::string lower = LowerAscii(forms[i - 1]);
    word_[i] = HashString(lower);
    const int c = tag_classes[i - 1];
    tag_[i] = uint64_t(c) + 1;
    const std::string& u = tags.upos[size_t(c)];
    upos_[i] = HashString(u);
    suffix_[i] =
        HashString(lower.size() > 3 ? lower.substr(lower.size() - 3) : lower);
    verbs_[i] = verbs_[i - 1] + (u == "VERB");
    puncts_[i] = puncts_[i - 1] + (u == "PUNCT");
    conjs_[i] = conjs_[i - 1] + (u == "CCONJ");
  }
}

int ArcFeatures::Extract(int h, int d, const std::vector<int>& tree,
                         uint64_t* keys) const {
  auto W = [&](int x) { return x < 0 || x > n_ ? kNone : word_[size_t(x)]; };
  auto P = [&](int x) { return x < 0 || x > n_ ? kNone : tag_[size_t(x)]; };
  auto U = [&](int x) { return x < 0 || x > n_ ? kNone : upos_[size_t(x)]; };
  const uint64_t dir = d < h ? 1 : 2;
  const uint64_t dist = h == 0 ? 15 : DistanceBucket(std::abs(h - d));
  const uint64_t dd = CombineHash(dir, dist);
  const uint64_t wh = W(h), ph = P(h), wd = W(d), pd = P(d);
  const uint64_t php = CombineHash(ph, pd);
  // Between the two words (exclusive): verbs, punctuation, conjunctions.
  const int lo = h == 0 ? 0 : std::min(h, d), hi = h == 0 ? d : std::max(h, d);
  const int verbs = verbs_[size_t(hi - 1)] - verbs_[size_t(lo)];
  const int puncts = puncts_[size_t(hi - 1)] - puncts_[size_t(lo)];
  const int conjs = conjs_[size_t(hi - 1)] - conjs_[size_t(lo)];
  int k = 0;
  auto add = [&](uint32_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
    keys[k++] = FeatureKey(t, a, b, c);
  };
  add(0, dd);
  add(1, php);
  add(2, php, dd);
  add(3, wh, ph, pd);
  add(4, ph, wd, pd);
  add(5, wh, wd);
  add(6, CombineHash(wh, ph), CombineHash(wd, pd));
  add(7, wh, pd, dir);
  add(8, ph, wd, dir);
  add(9, wh, dd);
  add(10, wd, dd);
  add(11, CombineHash(U(h), U(d)), dd);
  add(12, php, CombineHash(P(h + 1), P(d - 1)), dir);
  add(13, php, CombineHash(P(h - 1), P(d - 1)), dir);
  add(14, php, CombineHash(P(h + 1), P(d + 1)), dir);
  add(15, php, CombineHash(P(h - 1), P(d + 1)), dir);
  add(16, php, CountBucket(verbs), dir);
  add(17, php, CountBucket(puncts), dir);
  add(18, php, CountBucket(conjs), dir);
  add(19, suffix_[size_t(d)], ph, dir);
  add(20, wh, pd, dd);
  add(21, ph, wd, dd);
  add(22, CombineHash(U(h), U(d)), CountBucket(verbs), CountBucket(puncts));
  // Second order, from the context tree: h's head, and h's dependent
  // between h and d nearest to d.
  const int g = h > 0 ? tree[size_t(h)] : -1;
  const uint64_t gdir = g < 0 ? 0 : (g < h ? 1 : 2);
  add(23, CombineHash(P(g), ph), pd, dir);
  add(24, CombineHash(P(g), ph), wd, gdir);
  add(25, CombineHash(W(g), ph), pd, dir);
  int sib = -1;
  if (h > 0) {
    const int step = d < h ? 1 : -1;  // from d towards h
    for (int w = d + step; w != h; w += step)
      if (tree[size_t(w)] == h) {
        sib = w;
        break;
      }
  }
  add(26, CombineHash(ph, P(sib)), pd, dir);
  add(27, CombineHash(ph, W(sib)), pd, dir);
  add(28, CombineHash(P(sib), pd), dir, sib < 0 ? 0 : 1);
  return k;
}

int32_t ArcScorer::Score(const ArcFeatures& f, int h, int d,
                         const std::vector<int>& tree) const {
  uint64_t keys[ArcFeatures::kMaxFeatures];
  int k = f.Extract(h, d, tree, keys);
  int32_t score = 0;
  weights_.Score(keys, size_t(k), &score);
  return score;
}

int ArcScorer::BestHead(const ArcFeatures& f, int d,
                        const std::vector<int>& tree) const {
  int best = -1;
  int32_t best_score = 0;
  for (int h = 0; h <= f.size(); ++h) {
    if (h == d) continue;
    const int32_t s = Score(f, h, d, tree);
    if (best < 0 || s > best_score) best = h, best_score = s;
  }
  return best;
}

void ArcScorer::AppendTo(std::string* out) const {
  ByteWriter w;
  w.Put<float>(vote_);
  out->append(w.bytes());
  weights_.AppendTo(out);
}

StatusOr<ArcScorer> ArcScorer::Parse(std::string_view bytes,
                                     const std::string& name) {
  ByteReader r(bytes);
  float vote = 0;
  std::string_view rest;
  if (!r.Get(&vote) || !(vote >= 0 && vote < 1e6f) ||
      !r.GetView(r.Remaining(), &rest))
    return Status::Corruption(name + ": arc scorer damaged (vote)");
  StatusOr<WeightTable> w = WeightTable::Parse(rest, name + " (arc scorer)");
  if (!w.ok()) return w.status();
  if (w->num_classes() != 1)
    return Status::Corruption(name + ": arc scorer has " +
                              std::to_string(w->num_classes()) +
                              " classes, not 1");
  return ArcScorer(std::move(*w), vote);
}

namespace {

struct ArcExample {
  ArcFeatures features;
  std::vector<int> gold;  // head per word (index 0 unused)
  std::vector<char> punct;
};

std::vector<ArcExample> Examples(
    const std::vector<const Sentence*>& sentences,
    const std::vector<std::vector<int>>& tag_classes, const TagSet& tags) {
  std::vector<ArcExample> out;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = *sentences[i];
    const size_t n = s.tokens.size();
    if (n == 0 || tag_classes[i].size() != n) continue;
    std::vector<int> gold(n + 1, -1);
    std::vector<char> punct(n + 1, 0);
    bool usable = true;
    for (size_t w = 1; w <= n; ++w) {
      const Token& t = s.tokens[w - 1];
      if (t.head < 0 || t.head > int(n) || t.head == int(w) ||
          tag_classes[i][w - 1] < 0)
        usable = false;
      gold[w] = t.head;
      punct[w] = t.upos == "PUNCT";
    }
    if (!usable) continue;
    out.push_back(
        ArcExample{ArcFeatures(ModelForms(s.tokens), tag_classes[i], tags),
                   std::move(gold), std::move(punct)});
  }
  return out;
}

}  // namespace

StatusOr<ArcScorer> TrainArcScorer(
    const std::vector<const Sentence*>& train,
    const std::vector<std::vector<int>>& tag_classes, const TagSet& tags,
    const std::vector<const Sentence*>& dev,
    const std::vector<std::vector<int>>& dev_tag_classes,
    const ArcTrainOptions& options, std::ostream* log) {
  if (options.epochs < 1)
    return Status::InvalidArgument("the arc scorer needs at least one epoch");
  std::vector<ArcExample> examples = Examples(train, tag_classes, tags);
  if (examples.empty())
    return Status::InvalidArgument("no usable training sentence");
  std::vector<ArcExample> dev_examples = Examples(dev, dev_tag_classes, tags);
  AveragedPerceptron model(1);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  uint64_t keys[ArcFeatures::kMaxFeatures],
      gold_keys[ArcFeatures::kMaxFeatures];
  std::optional<ArcScorer> best;
  double best_accuracy = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    SeededShuffle(&order, &rng);
    size_t words = 0, errors = 0;
    for (size_t idx : order) {
      const ArcExample& ex = examples[idx];
      const int n = ex.features.size();
      for (int d = 1; d <= n; ++d) {
        int pred = -1;
        float pred_score = 0;
        for (int h = 0; h <= n; ++h) {
          if (h == d) continue;
          int k = ex.features.Extract(h, d, ex.gold, keys);
          float s = 0;
          model.Score(keys, size_t(k), &s);
          if (pred < 0 || s > pred_score) pred = h, pred_score = s;
        }
        ++words;
        const int gold = ex.gold[size_t(d)];
        if (pred != gold) {
          ++errors;
          int kg = ex.features.Extract(gold, d, ex.gold, gold_keys);
          int kp = ex.features.Extract(pred, d, ex.gold, keys);
          model.Update(gold_keys, size_t(kg), 0, 1.f);
          model.Update(keys, size_t(kp), 0, -1.f);
        }
        model.Tick();
      }
    }
    ArcScorer scorer(model.Export(options.max_weights), 1.f);
    if (dev_examples.empty()) {
      if (epoch == options.epochs) best = std::move(scorer);
      continue;
    }
    size_t dev_words = 0, dev_right = 0;
    for (const ArcExample& ex : dev_examples) {
      const int n = ex.features.size();
      for (int d = 1; d <= n; ++d) {
        if (ex.punct[size_t(d)]) continue;
        ++dev_words;
        dev_right +=
            scorer.BestHead(ex.features, d, ex.gold) == ex.gold[size_t(d)];
      }
    }
    double accuracy =
        100.0 * double(dev_right) / double(std::max<size_t>(1, dev_words));
    if (log)
      *log << "arc scorer epoch " << epoch << ": train errors " << std::fixed
           << std::setprecision(2) << 100.0 * double(errors) / double(words)
           << "%, dev heads chosen right " << accuracy
           << "% (among all words, gold tree as context, no punctuation), "
           << scorer.weights().num_features() << " features" << std::endl;
    if (accuracy > best_accuracy) {
      best_accuracy = accuracy;
      best = std::move(scorer);
    }
  }
  return std::move(*best);
}

}  // namespace kg
