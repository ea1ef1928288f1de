#include "ingest/tagger_trainer.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <set>
#include <thread>

#include "ingest/perceptron.h"
#include "ingest/perceptron_hash.h"

namespace kg {
namespace {

constexpr int kDictMinCount = 20;
constexpr double kDictMinShare = 0.99;
constexpr int kAmbMinCount = 2;

}  // namespace

TaggerLexicon BuildTaggerLexicon(const std::vector<const Sentence*>& train,
                                 const TagSet& tags) {
  std::unordered_map<std::string, std::map<int, int>> by_form, by_lower;
  for (const Sentence* s : train) {
    std::vector<std::string> forms = ModelForms(s->tokens);
    for (size_t i = 0; i < forms.size(); ++i) {
      int c = tags.Find(s->tokens[i].upos, s->tokens[i].xpos);
      ++by_form[forms[i]][c];
      ++by_lower[LowerAscii(forms[i])][c];
    }
  }
  TaggerLexicon lex;
  lex.wordnet_classes = true;
  for (const auto& [form, counts] : by_form) {
    int total = 0, best = 0, best_cls = -1;
    for (auto [c, n] : counts) {
      total += n;
      if (n > best) best = n, best_cls = c;
    }
    if (total >= kDictMinCount && best >= kDictMinShare * total)
      lex.tag_dict[HashString(form)] = best_cls;
  }
  for (const auto& [lower, counts] : by_lower) {
    int total = 0;
    uint64_t h = 0x51ed270b27e5a4c3ULL;
    for (auto [c, n] : counts) {
      total += n;
      h = CombineHash(h, uint64_t(c));
    }
    if (total >= kAmbMinCount) lex.ambiguity[HashString(lower)] = h;
  }
  return lex;
}

namespace {

// One direction's weights: the tagger of the epoch best on `dev` (the last
// without dev). `name` prefixes the log lines.
Tagger TrainOneWay(const std::vector<const Sentence*>& train,
                   const TagSet& tags, const TaggerLexicon& lex,
                   const TaggerTrainOptions& options,
                   const std::vector<Sentence>* dev, std::ostream* log,
                   const char* name) {
  AveragedPerceptron model(tags.size());
  std::vector<const Sentence*> order = train;
  std::mt19937_64 rng(options.seed);
  std::vector<float> scores(size_t(tags.size()));
  uint64_t keys[TaggerFeatures::kMaxFeatures];
  Tagger best;
  double best_acc = -1;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    SeededShuffle(&order, &rng);
    size_t correct = 0, total = 0;
    for (const Sentence* s : order) {
      std::vector<std::string> forms = ModelForms(s->tokens);
      TaggerFeatures feats(forms, lex);
      int prev = -1, prev2 = -1;
      for (size_t i = 0; i < s->tokens.size(); ++i) {
        const Token& t = s->tokens[i];
        int gold = tags.Find(t.upos, t.xpos);
        int guess;
        auto it = lex.tag_dict.find(HashString(forms[i]));
        if (it != lex.tag_dict.end()) {
          guess = it->second;
        } else {
          int n = feats.Extract(int(i), prev, prev2, keys);
          std::fill(scores.begin(), scores.end(), 0.f);
          model.Score(keys, size_t(n), scores.data());
          guess = int(std::max_element(scores.begin(), scores.end()) -
                      scores.begin());
          if (guess != gold) {
            model.Update(keys, size_t(n), gold, 1.f);
            model.Update(keys, size_t(n), guess, -1.f);
          }
          model.Tick();
        }
        correct += guess == gold;
        ++total;
        prev2 = prev;
        prev = guess;
      }
    }
    bool last = epoch == options.epochs;
    if (!dev && !last) continue;
    Tagger tagger(tags, lex, model.Export(options.max_weights));
    if (!dev) return tagger;
    double acc = UposAccuracy(tagger, *dev);
    if (log)
      *log << name << " epoch " << epoch << ": train " << std::fixed
           << std::setprecision(2) << 100.0 * double(correct) / double(total)
           << "%, dev UPOS " << 100.0 * acc << "%, "
           << tagger.weights().num_features() << " features" << std::endl;
    if (acc > best_acc) {
      best_acc = acc;
      best = std::move(tagger);
    }
  }
  return best;
}

Sentence Reversed(const Sentence& s) {
  Sentence r = s;
  std::reverse(r.tokens.begin(), r.tokens.end());
  return r;
}

}  // namespace

Tagger TrainTagger(const std::vector<const Sentence*>& train,
                   const TagSet& tags, const TaggerTrainOptions& options,
                   const std::vector<Sentence>* dev, std::ostream* log) {
  TaggerLexicon lex = BuildTaggerLexicon(train, tags);
  Tagger forward = TrainOneWay(train, tags, lex, options, dev, log, "tagger");
  if (!options.bidirectional) return forward;
  std::vector<Sentence> reversed, reversed_dev;
  std::vector<const Sentence*> order;
  reversed.reserve(train.size());
  for (const Sentence* s : train) reversed.push_back(Reversed(*s));
  for (const Sentence& s : reversed) order.push_back(&s);
  if (dev)
    for (const Sentence& s : *dev) reversed_dev.push_back(Reversed(s));
  TaggerTrainOptions back_options = options;
  back_options.seed = options.seed + 0x9e3779b9ULL;
  Tagger backward =
      TrainOneWay(order, tags, lex, back_options, dev ? &reversed_dev : nullptr,
                  log, "backward tagger");
  Tagger both(tags, lex, forward.weights(), backward.weights());
  if (log && dev)
    *log << "tagger both ways: dev UPOS " << std::fixed << std::setprecision(2)
         << 100.0 * UposAccuracy(both, *dev) << "%" << std::endl;
  return both;
}

double UposAccuracy(const Tagger& tagger, const std::vector<Sentence>& gold) {
  size_t correct = 0, total = 0;
  for (const Sentence& g : gold) {
    Sentence s = g;
    tagger.Tag(&s);
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      correct += s.tokens[i].upos == g.tokens[i].upos;
      ++total;
    }
  }
  return total ? double(correct) / double(total) : 0.0;
}

std::vector<std::vector<int>> JackKnifeTags(
    const std::vector<const Sentence*>& train, const TagSet& tags,
    const TaggerTrainOptions& options, int folds, int threads) {
  std::vector<std::vector<int>> out(train.size());
  const int k = std::max(1, folds);
  if (k == 1) {
    for (size_t i = 0; i < train.size(); ++i)
      for (const Token& t : train[i]->tokens)
        out[i].push_back(tags.Find(t.upos, t.xpos));
    return out;
  }
  auto run_fold = [&](int f) {
    size_t lo = train.size() * size_t(f) / size_t(k);
    size_t hi = train.size() * size_t(f + 1) / size_t(k);
    std::vector<const Sentence*> rest;
    for (size_t i = 0; i < train.size(); ++i)
      if (i < lo || i >= hi) rest.push_back(train[i]);
    TaggerTrainOptions to = options;
    to.seed = options.seed + uint64_t(f) + 1;
    Tagger tagger = TrainTagger(rest, tags, to, nullptr, nullptr);
    for (size_t i = lo; i < hi; ++i) {
      Sentence copy = *train[i];
      tagger.Tag(&copy, &out[i]);
    }
  };
  threads = std::max(1, threads);
  for (int f = 0; f < k; f += threads) {
    std::vector<std::thread> pool;
    for (int t = 0; t < threads && f + t < k; ++t)
      pool.emplace_back(run_fold, f + t);
    for (auto& th : pool) th.join();
  }
  return out;
}

}  // namespace kg
