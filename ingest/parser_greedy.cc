#include "ingest/parser_greedy.h"

#include <algorithm>
#include <climits>

#include "ingest/transition.h"
#include "ingest/transition_features.h"
#include "ingest/wordnet_index.h"

namespace kg {
namespace {

constexpr uint32_t kLabelsSection = SectionTag("LABL");
constexpr uint32_t kWeightsSection = SectionTag("PRWT");
constexpr uint32_t kMetaSection = SectionTag("META");
constexpr uint32_t kRootSection = SectionTag("ROOT");
constexpr uint32_t kDirectionSection = SectionTag("DIRN");

int IndexOf(const std::vector<std::string>& v, const std::string& s) {
  auto it = std::find(v.begin(), v.end(), s);
  return it == v.end() ? -1 : int(it - v.begin());
}

}  // namespace

GreedyParser::GreedyParser(Tagger tagger, std::vector<std::string> labels,
                           WeightTable weights, std::string meta,
                           RootPlacement root, ParseDirection direction)
    : GreedyParser(std::make_shared<const Tagger>(std::move(tagger)),
                   std::move(labels), std::move(weights), std::move(meta), root,
                   direction) {}

GreedyParser::GreedyParser(std::shared_ptr<const Tagger> tagger,
                           std::vector<std::string> labels, WeightTable weights,
                           std::string meta, RootPlacement root,
                           ParseDirection direction)
    : tagger_(std::move(tagger)),
      labels_(std::move(labels)),
      weights_(std::move(weights)),
      meta_(std::move(meta)),
      root_(root),
      direction_(direction) {
  root_label_ = std::max(0, IndexOf(labels_, "root"));
  fallback_label_ = IndexOf(labels_, "dep");
  if (fallback_label_ < 0) fallback_label_ = root_label_ == 0 ? 1 : 0;
  if (fallback_label_ >= int(labels_.size())) fallback_label_ = root_label_;
}

void GreedyParser::Annotate(Sentence* s) const {
  if (s->tokens.empty()) return;
  std::vector<std::string> forms = ModelForms(s->tokens);
  std::vector<int> classes;
  tagger_->TagWithForms(forms, s, &classes);
  ParseForms(s, forms, classes);
}

void GreedyParser::Parse(Sentence* s,
                         const std::vector<int>& tag_classes) const {
  ParseForms(s, ModelForms(s->tokens), tag_classes);
}

void GreedyParser::ParseForms(Sentence* s,
                              const std::vector<std::string>& forms,
                              const std::vector<int>& tag_classes) const {
  const int n = int(s->tokens.size());
  if (n == 0) return;
  const bool reverse = direction_ == ParseDirection::kReverse;
  // Position p (1-based) the transition system sees holds word At(p).
  auto at = [&](int p) { return reverse ? n + 1 - p : p; };
  std::vector<std::string> reversed_forms;
  std::vector<int> reversed_tags;
  if (reverse) {
    reversed_forms.assign(forms.rbegin(), forms.rend());
    reversed_tags.assign(tag_classes.rbegin(), tag_classes.rend());
  }
  TransitionFeatures feats(reverse ? reversed_forms : forms,
                           reverse ? reversed_tags : tag_classes,
                           tagger_->tags());
  ArcEagerState state(n, root_label_, root_);
  const int num_moves = weights_.num_classes();
  std::vector<int32_t> scores(static_cast<size_t>(num_moves));
  std::vector<float> margin(size_t(n) + 1, 0.f);
  const int num_labels = (num_moves - 2) / 2;
  std::vector<int> legal;
  legal.reserve(size_t(num_moves));
  uint64_t keys[TransitionFeatures::kMaxFeatures];
  while (!state.Terminal()) {
    state.LegalMoves(num_labels, &legal);
    if (legal.size() == 1) {
      // A forced move needs no scores (and, like any move without a rival,
      // gets margin 0).
      if (IsLeft(legal[0])) margin[size_t(state.Stack(0))] = 0.f;
      if (IsRight(legal[0])) margin[size_t(state.Buffer(0))] = 0.f;
      state.Apply(legal[0]);
      continue;
    }
    int k = feats.Extract(state, keys);
    std::fill(scores.begin(), scores.end(), 0);
    weights_.Score(keys, size_t(k), scores.data());
    const TopTwo t = FindTopTwo(scores.data(), legal);
    const int best = t.best;
    float gap = t.second == INT32_MIN
                    ? 0.f
                    : float(t.top - t.second) * weights_.scale();
    if (IsLeft(best)) margin[size_t(state.Stack(0))] = gap;
    if (IsRight(best)) margin[size_t(state.Buffer(0))] = gap;
    state.Apply(best);
  }
  state.Finish(fallback_label_);
  for (int p = 1; p <= n; ++p) {
    Token& t = s->tokens[size_t(at(p) - 1)];
    int h = state.head(p);
    t.head = h == 0 ? 0 : at(h);
    t.deprel = labels_[size_t(state.label(p))];
    t.score = margin[size_t(p)];
  }
}

std::string GreedyParser::Describe() const {
  return std::string(direction_ == ParseDirection::kReverse
                         ? "greedy arc-eager perceptron parser (reading "
                           "backwards): "
                         : "greedy arc-eager perceptron parser: ") +
         std::to_string(tagger_->tags().size()) + " tags, " +
         std::to_string(labels_.size()) + " relations, " +
         std::to_string(weights_.num_features()) + " parser features, " +
         std::to_string(tagger_->weights().num_features()) + " tagger features";
}

void GreedyParser::Save(ModelFile* file) const {
  file->AddSection(kMetaSection, meta_);
  tagger_->Save(file);
  ByteWriter l;
  l.Put<uint32_t>(uint32_t(labels_.size()));
  for (const std::string& label : labels_) l.PutString(label);
  file->AddSection(kLabelsSection, std::move(l.bytes()));
  std::string w;
  weights_.AppendTo(&w);
  file->AddSection(kWeightsSection, std::move(w));
  file->AddSection(kRootSection, std::string(1, char(root_)));
  if (direction_ == ParseDirection::kReverse)
    file->AddSection(kDirectionSection, std::string(1, char(direction_)));
}

StatusOr<std::unique_ptr<GreedyParser>> GreedyParser::Load(
    const ModelFile& file, const std::string& name) {
  StatusOr<Tagger> tagger = Tagger::Load(file, name);
  if (!tagger.ok()) return tagger.status();
  WordNetIndex::Get();  // the features' noun classes, loaded with the model
  const std::string* labels = file.Section(kLabelsSection);
  const std::string* weights = file.Section(kWeightsSection);
  const std::string* meta = file.Section(kMetaSection);
  const std::string* root = file.Section(kRootSection);
  const std::string* direction = file.Section(kDirectionSection);
  if (!labels || !weights)
    return Status::Corruption(name + ": parser sections missing");
  RootPlacement placement = RootPlacement::kFront;
  if (root) {
    if (root->size() != 1 || uint8_t((*root)[0]) > 1)
      return Status::Corruption(name + ": root placement section damaged");
    placement = RootPlacement(uint8_t((*root)[0]));
  }
  ParseDirection dir = ParseDirection::kForward;
  if (direction) {
    if (direction->size() != 1 || uint8_t((*direction)[0]) > 1)
      return Status::Corruption(name + ": direction section damaged");
    dir = ParseDirection(uint8_t((*direction)[0]));
  }
  ByteReader r(*labels);
  uint32_t n = 0;
  std::vector<std::string> names;
  if (!r.Get(&n) || n == 0 || NumMoves(int(n)) > WeightTable::kMaxClasses)
    return Status::Corruption(name + ": relation list damaged");
  for (uint32_t i = 0; i < n; ++i) {
    std::string label;
    if (!r.GetString(&label))
      return Status::Corruption(name + ": relation list damaged");
    names.push_back(std::move(label));
  }
  if (IndexOf(names, "root") < 0)
    return Status::Corruption(name + ": relation list lacks \"root\"");
  StatusOr<WeightTable> w = WeightTable::Parse(*weights, name + " (parser)");
  if (!w.ok()) return w.status();
  if (w->num_classes() != NumMoves(int(n)))
    return Status::Corruption(name + ": parser weights do not match the " +
                              std::to_string(n) + " relations");
  return std::make_unique<GreedyParser>(std::move(*tagger), std::move(names),
                                        std::move(*w), meta ? *meta : "",
                                        placement, dir);
}

}  // namespace kg
