#include "ingest/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <iomanip>
#include <set>
#include <sstream>

#include "ingest/parser_eval.h"
#include "ingest/perceptron.h"
#include "ingest/tagger_trainer.h"
#include "ingest/transition.h"
#include "ingest/transition_features.h"

namespace kg {
namespace {

struct GoldTree {
  const Sentence* s;
  std::vector<std::string> forms;
  std::vector<int> head, label;  // index 0 = root, unused
  std::vector<std::vector<int>> children;
  std::vector<int> tags;  // jack-knifed tag classes
};

bool UsableTree(const Sentence& s) {
  if (s.tokens.empty()) return false;
  int roots = 0;
  for (const Token& t : s.tokens) {
    if (t.head < 0 || t.head > int(s.tokens.size()) || t.deprel.empty() ||
        t.upos.empty())
      return false;
    roots += t.head == 0;
  }
  return roots == 1;
}

// The same tree read from its last word to its first.
void Reverse(GoldTree* g) {
  const int n = int(g->forms.size());
  auto at = [n](int w) { return w == 0 ? 0 : n + 1 - w; };
  std::reverse(g->forms.begin(), g->forms.end());
  std::reverse(g->tags.begin(), g->tags.end());
  std::vector<int> head(g->head.size(), -1), label(g->label.size(), -1);
  std::vector<std::vector<int>> children(g->children.size());
  for (int w = 1; w <= n; ++w) {
    head[size_t(at(w))] = at(g->head[size_t(w)]);
    label[size_t(at(w))] = g->label[size_t(w)];
  }
  for (int w = 1; w <= n; ++w) children[size_t(head[size_t(w)])].push_back(w);
  g->head = std::move(head);
  g->label = std::move(label);
  g->children = std::move(children);
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

}  // namespace

StatusOr<std::unique_ptr<GreedyParser>> TrainParser(
    const std::vector<Sentence>& all, const std::vector<Sentence>* dev,
    const ParserTrainOptions& o, std::ostream* log) {
  auto start = std::chrono::steady_clock::now();
  std::vector<const Sentence*> train;
  for (const Sentence& s : all)
    if (UsableTree(s)) train.push_back(&s);
  if (train.empty())
    return Status::InvalidArgument("no usable training sentence");
  TagSet tags;
  std::set<std::string> label_set;
  for (const Sentence* s : train)
    for (const Token& t : s->tokens) {
      tags.Add(t.upos, t.xpos);
      label_set.insert(t.deprel);
    }
  label_set.insert("root");
  std::vector<std::string> labels(label_set.begin(), label_set.end());
  if (tags.size() > WeightTable::kMaxClasses ||
      NumMoves(int(labels.size())) > WeightTable::kMaxClasses)
    return Status::InvalidArgument("too many tags or relations for the model");
  if (log)
    *log << train.size() << " training sentences (" << all.size() - train.size()
         << " skipped), " << tags.size() << " tags, " << labels.size()
         << " relations" << std::endl;

  TaggerTrainOptions fold_options;
  fold_options.epochs = o.tagger_epochs;
  fold_options.seed = o.seed;
  fold_options.max_weights = o.max_tagger_weights;
  fold_options.bidirectional = o.bidirectional_tagger;
  std::vector<std::vector<int>> jk =
      JackKnifeTags(train, tags, fold_options, o.folds, o.threads);
  if (log)
    *log << "jack-knifed tags (" << o.folds << " folds) in " << std::fixed
         << std::setprecision(1) << Seconds(start) << " s" << std::endl;
  TaggerTrainOptions to;
  to.epochs = o.tagger_epochs;
  to.seed = o.seed;
  to.max_weights = o.max_tagger_weights;
  to.bidirectional = o.bidirectional_tagger;
  // One tagger shared by every epoch's parser.
  auto tagger =
      std::make_shared<const Tagger>(TrainTagger(train, tags, to, dev, log));

  auto label_id = [&](const std::string& l) {
    return int(std::lower_bound(labels.begin(), labels.end(), l) -
               labels.begin());
  };
  const int root_label = label_id("root");
  std::vector<GoldTree> gold(train.size());
  for (size_t i = 0; i < train.size(); ++i) {
    GoldTree& g = gold[i];
    const Sentence& s = *train[i];
    size_t n = s.tokens.size();
    g.s = &s;
    g.forms = ModelForms(s.tokens);
    g.head.assign(n + 1, -1);
    g.label.assign(n + 1, -1);
    g.children.assign(n + 1, {});
    for (size_t w = 1; w <= n; ++w) {
      const Token& t = s.tokens[w - 1];
      g.head[w] = t.head;
      g.label[w] = label_id(t.deprel);
      g.children[size_t(t.head)].push_back(int(w));
    }
    g.tags = std::move(jk[i]);
    if (o.direction == ParseDirection::kReverse) Reverse(&g);
  }
  // Dev words tagged once by the final tagger.
  std::vector<Sentence> dev_tagged;
  std::vector<std::vector<int>> dev_tags;
  if (dev) {
    for (const Sentence& d : *dev) {
      Sentence s = d;
      dev_tags.emplace_back();
      tagger->Tag(&s, &dev_tags.back());
      dev_tagged.push_back(std::move(s));
    }
  }

  const int num_moves = NumMoves(int(labels.size()));
  AveragedPerceptron model(num_moves);
  std::mt19937_64 rng(o.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(static_cast<size_t>(num_moves));
  std::vector<int> cost(static_cast<size_t>(num_moves));
  std::vector<int> legal;
  uint64_t keys[TransitionFeatures::kMaxFeatures];
  std::unique_ptr<GreedyParser> best;
  double best_las = -1;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    SeededShuffle(&order, &rng);
    size_t steps = 0, errors = 0;
    for (size_t idx : order) {
      const GoldTree& g = gold[idx];
      TransitionFeatures feats(g.forms, g.tags, tags);
      ArcEagerState state(int(g.s->tokens.size()), root_label, o.root);
      while (!state.Terminal()) {
        int k = feats.Extract(state, keys);
        std::fill(scores.begin(), scores.end(), 0.f);
        model.Score(keys, size_t(k), scores.data());
        int pred = -1, gbest = -1, min_cost = INT_MAX;
        state.LegalMoves(int(labels.size()), &legal);
        for (int m : legal) {
          cost[size_t(m)] = state.Cost(m, g.head, g.label, g.children);
          min_cost = std::min(min_cost, cost[size_t(m)]);
          if (pred < 0 || scores[size_t(m)] > scores[size_t(pred)]) pred = m;
        }
        for (int m : legal) {
          if (cost[size_t(m)] != min_cost) continue;
          if (gbest < 0 || scores[size_t(m)] > scores[size_t(gbest)]) gbest = m;
        }
        ++steps;
        int next = pred;
        if (cost[size_t(pred)] > min_cost) {
          ++errors;
          model.Update(keys, size_t(k), gbest, 1.f);
          model.Update(keys, size_t(k), pred, -1.f);
          bool explore = epoch >= o.explore_from && coin(rng) < o.explore;
          if (!explore) next = gbest;
        }
        model.Tick();
        state.Apply(next);
      }
    }
    std::ostringstream meta;
    meta << o.meta << "\nepoch " << epoch << " of " << o.epochs;
    auto parser = std::make_unique<GreedyParser>(
        tagger, labels, model.Export(o.max_parser_weights), meta.str(), o.root,
        o.direction);
    if (!dev) {
      if (epoch == o.epochs) best = std::move(parser);
      continue;
    }
    ParseScores sc;
    for (size_t i = 0; i < dev_tagged.size(); ++i) {
      Sentence s = dev_tagged[i];
      parser->Parse(&s, dev_tags[i]);
      sc.Add((*dev)[i], s);
    }
    if (log)
      *log << "parser epoch " << epoch << ": train move errors " << std::fixed
           << std::setprecision(2) << 100.0 * double(errors) / double(steps)
           << "%, dev UPOS " << sc.Upos() << " UAS " << sc.Uas() << " LAS "
           << sc.Las() << ", " << parser->weights().num_features()
           << " features (" << model.num_features() << " trained), "
           << std::setprecision(0) << Seconds(start) << " s" << std::endl;
    if (sc.Las() > best_las) {
      best_las = sc.Las();
      std::ostringstream m;
      m << o.meta << "\nbest epoch " << epoch << " of " << o.epochs
        << "; dev UPOS " << std::setprecision(2) << std::fixed << sc.Upos()
        << " UAS " << sc.Uas() << " LAS " << sc.Las();
      best = std::make_unique<GreedyParser>(parser->shared_tagger(),
                                            parser->labels(), parser->weights(),
                                            m.str(), o.root, o.direction);
      if (o.on_best) o.on_best(*best);
    }
  }
  return best;
}

}  // namespace kg
