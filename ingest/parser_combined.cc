#include "ingest/parser_combined.h"

#include "ingest/parser_eval.h"

namespace kg {
namespace {

constexpr uint32_t kEnsembleSection = SectionTag("ENSM");
constexpr uint32_t kArcsSection = SectionTag("ARCS");

std::vector<TreeVote> Votes(const std::vector<Sentence>& trees,
                            const std::vector<MemberVote>& votes,
                            float max_margin) {
  std::vector<TreeVote> out;
  for (size_t i = 0; i < trees.size(); ++i)
    out.push_back(
        TreeVote{&trees[i], votes[i].weight, votes[i].margin, max_margin});
  return out;
}

}  // namespace

CombinedParser::CombinedParser(
    std::vector<std::unique_ptr<GreedyParser>> parsers,
    std::vector<MemberVote> votes, float max_margin,
    std::optional<ArcScorer> arcs)
    : parsers_(std::move(parsers)),
      votes_(std::move(votes)),
      max_margin_(max_margin),
      arcs_(std::move(arcs)) {}

std::unique_ptr<CombinedParser> CombinedParser::WithArcScorer(
    ArcScorer arcs) const {
  std::vector<std::unique_ptr<GreedyParser>> copies;
  for (const auto& p : parsers_)
    copies.push_back(std::make_unique<GreedyParser>(*p));
  return std::make_unique<CombinedParser>(std::move(copies), votes_,
                                          max_margin_, std::move(arcs));
}

StatusOr<std::unique_ptr<CombinedParser>> CombinedParser::Make(
    const std::vector<const GreedyParser*>& parsers, size_t max_weights,
    std::vector<MemberVote> votes) {
  if (parsers.size() < 2 || votes.size() != parsers.size())
    return Status::InvalidArgument(
        "combining needs two or more parsers and one vote for each");
  const GreedyParser& first = *parsers.front();
  std::vector<std::unique_ptr<GreedyParser>> members;
  for (const GreedyParser* p : parsers) {
    if (p->labels() != first.labels())
      return Status::InvalidArgument(
          "the parsers were trained with different relations");
    if (p->tagger().tags().upos != first.tagger().tags().upos ||
        p->tagger().tags().xpos != first.tagger().tags().xpos)
      return Status::InvalidArgument(
          "the parsers were trained with different tag sets");
    members.push_back(std::make_unique<GreedyParser>(
        first.shared_tagger(), p->labels(),
        max_weights > 0 ? p->weights().Pruned(max_weights) : p->weights(),
        p->meta(), p->root(), p->direction()));
  }
  return std::make_unique<CombinedParser>(std::move(members), std::move(votes));
}

bool CombinedParser::IsCombined(const ModelFile& file) {
  return file.Section(kEnsembleSection) != nullptr;
}

StatusOr<std::unique_ptr<CombinedParser>> CombinedParser::Load(
    const ModelFile& file, const std::string& name) {
  StatusOr<std::unique_ptr<GreedyParser>> first =
      GreedyParser::Load(file, name);
  if (!first.ok()) return first.status();
  const std::string* section = file.Section(kEnsembleSection);
  if (!section) return Status::Corruption(name + ": ensemble section missing");
  auto damaged = [&](const std::string& what) {
    return Status::Corruption(name + ": ensemble section damaged (" + what +
                              ")");
  };
  ByteReader r(*section);
  uint32_t count = 0;
  float max_margin = 0;
  if (!r.Get(&count) || !r.Get(&max_margin) || count < 2 || count > 16)
    return damaged("header");
  std::vector<std::unique_ptr<GreedyParser>> parsers;
  std::vector<MemberVote> votes;
  const GreedyParser& f = **first;
  for (uint32_t i = 0; i < count; ++i) {
    MemberVote v;
    uint8_t direction = 0, root = 0;
    std::string meta;
    if (!r.Get(&v.weight) || !r.Get(&v.margin) || !r.Get(&direction) ||
        !r.Get(&root) || direction > 1 || root > 1 || !r.GetString(&meta))
      return damaged("member " + std::to_string(i));
    votes.push_back(v);
    if (i == 0) {
      parsers.push_back(std::move(*first));
      continue;
    }
    uint64_t size = 0;
    std::string_view bytes;
    if (!r.Get(&size) || !r.GetView(size_t(size), &bytes))
      return damaged("member " + std::to_string(i) + " weights");
    StatusOr<WeightTable> w = WeightTable::Parse(
        bytes, name + " (parser " + std::to_string(i + 1) + ")");
    if (!w.ok()) return w.status();
    if (w->num_classes() != f.weights().num_classes())
      return damaged("member " + std::to_string(i) +
                     " does not match the relations");
    parsers.push_back(std::make_unique<GreedyParser>(
        f.shared_tagger(), f.labels(), std::move(*w), meta, RootPlacement(root),
        ParseDirection(direction)));
  }
  if (!r.AtEnd()) return damaged("trailing bytes");
  if (!(max_margin >= 0)) return damaged("max margin");
  std::optional<ArcScorer> arcs;
  if (const std::string* a = file.Section(kArcsSection)) {
    StatusOr<ArcScorer> parsed = ArcScorer::Parse(*a, name);
    if (!parsed.ok()) return parsed.status();
    arcs = std::move(*parsed);
  }
  return std::make_unique<CombinedParser>(std::move(parsers), std::move(votes),
                                          max_margin, std::move(arcs));
}

void CombinedParser::Save(ModelFile* file) const {
  parsers_.front()->Save(file);
  ByteWriter w;
  w.Put<uint32_t>(uint32_t(parsers_.size()));
  w.Put<float>(max_margin_);
  for (size_t i = 0; i < parsers_.size(); ++i) {
    const GreedyParser& p = *parsers_[i];
    w.Put<float>(votes_[i].weight);
    w.Put<float>(votes_[i].margin);
    w.Put<uint8_t>(uint8_t(p.direction()));
    w.Put<uint8_t>(uint8_t(p.root()));
    w.PutString(p.meta());
    if (i == 0) continue;
    std::string table;
    p.weights().AppendTo(&table);
    w.Put<uint64_t>(table.size());
    w.bytes().append(table);
  }
  file->AddSection(kEnsembleSection, std::move(w.bytes()));
  if (arcs_) {
    std::string bytes;
    arcs_->AppendTo(&bytes);
    file->AddSection(kArcsSection, std::move(bytes));
  }
}

void CombinedParser::ParseAll(const std::vector<std::string>& forms,
                              const std::vector<int>& classes,
                              Sentence* s) const {
  std::vector<Sentence> trees(parsers_.size(), *s);
  for (size_t i = 0; i < parsers_.size(); ++i)
    parsers_[i]->ParseForms(&trees[i], forms, classes);
  Combine(trees, forms, classes, votes_, arcs_ ? &*arcs_ : nullptr, s);
}

void CombinedParser::Combine(const std::vector<Sentence>& trees,
                             const std::vector<std::string>& forms,
                             const std::vector<int>& classes,
                             const std::vector<MemberVote>& votes,
                             const ArcScorer* arcs, Sentence* out) const {
  if (!arcs || arcs->vote() <= 0) {
    CombineTrees(Votes(trees, votes, max_margin_), out);
    return;
  }
  // One more tree: where the members disagree on a word's head, the one the
  // arc scorer prefers (with that member's relation); where they agree, the
  // surest member's word, so its relation vote changes nothing.
  std::vector<Sentence> all = trees;
  all.push_back(trees.front());
  Sentence& extra = all.back();
  // The arc scorer's inputs, made at the first disagreement (many sentences
  // have none).
  std::optional<ArcFeatures> features;
  std::vector<std::vector<int>> heads(trees.size());
  for (size_t w = 0; w < extra.tokens.size(); ++w) {
    bool agree = true;
    const Token* surest = &trees.front().tokens[w];
    for (const Sentence& t : trees) {
      const Token& tok = t.tokens[w];
      agree = agree && tok.head == trees.front().tokens[w].head;
      if (tok.score > surest->score) surest = &tok;
    }
    if (agree) {
      extra.tokens[w] = *surest;
      continue;
    }
    if (!features) {
      features.emplace(forms, classes, parsers_.front()->tagger().tags());
      for (size_t m = 0; m < trees.size(); ++m) {
        heads[m].push_back(-1);
        for (const Token& t : trees[m].tokens) heads[m].push_back(t.head);
      }
    }
    // Each member's head scored in that member's tree (its context).
    const Token* best = nullptr;
    int32_t best_score = 0;
    for (size_t m = 0; m < trees.size(); ++m) {
      const Token& tok = trees[m].tokens[w];
      if (best && tok.head == best->head) continue;
      const int32_t s = arcs->Score(*features, tok.head, int(w) + 1, heads[m]);
      if (!best || s > best_score) best = &tok, best_score = s;
    }
    extra.tokens[w] = *best;
  }
  std::vector<MemberVote> with_arcs = votes;
  with_arcs.push_back(MemberVote{arcs->vote(), 0.f});
  CombineTrees(Votes(all, with_arcs, max_margin_), out);
}

void CombinedParser::Annotate(Sentence* s) const {
  if (s->tokens.empty()) return;
  std::vector<std::string> forms = ModelForms(s->tokens);
  std::vector<int> classes;
  parsers_.front()->tagger().TagWithForms(forms, s, &classes);
  ParseAll(forms, classes, s);
}

void CombinedParser::Parse(Sentence* s,
                           const std::vector<int>& tag_classes) const {
  if (s->tokens.empty()) return;
  ParseAll(ModelForms(s->tokens), tag_classes, s);
}

std::string CombinedParser::Describe() const {
  std::string out = std::to_string(parsers_.size()) +
                    " greedy arc-eager parsers combined by voting (";
  size_t features = 0;
  for (size_t i = 0; i < parsers_.size(); ++i) {
    const GreedyParser& p = *parsers_[i];
    out += i ? ", " : "";
    out += p.direction() == ParseDirection::kReverse ? "backwards" : "forwards";
    out += p.root() == RootPlacement::kEnd ? " root-last" : " root-first";
    features += p.weights().num_features();
  }
  const GreedyParser& first = *parsers_.front();
  return out + "): " + std::to_string(first.tagger().tags().size()) +
         " tags, " + std::to_string(first.labels().size()) + " relations, " +
         std::to_string(features) + " parser features, " +
         std::to_string(first.tagger().weights().num_features()) +
         " tagger features" +
         (arcs_ ? ", arc scorer of " +
                      std::to_string(arcs_->weights().num_features()) +
                      " features voting where they disagree"
                : "");
}

FittedVotes FitVotes(const CombinedParser& parser,
                     const std::vector<Sentence>& dev, std::ostream* log) {
  const auto& parsers = parser.parsers();
  const size_t n = parsers.size();
  // Every dev sentence tagged once and parsed once by each member.
  std::vector<std::vector<Sentence>> trees(dev.size());
  std::vector<std::vector<std::string>> forms(dev.size());
  std::vector<std::vector<int>> classes(dev.size());
  for (size_t i = 0; i < dev.size(); ++i) {
    Sentence s = dev[i];
    forms[i] = ModelForms(s.tokens);
    parsers.front()->tagger().TagWithForms(forms[i], &s, &classes[i]);
    for (const auto& p : parsers) {
      trees[i].push_back(s);
      p->ParseForms(&trees[i].back(), forms[i], classes[i]);
    }
  }
  FittedVotes best;
  double best_las = -1;
  std::vector<float> arc_weights = {0.f};
  if (parser.arcs()) arc_weights = {0.f, 0.5f, 1.f, 1.5f, 2.f};
  for (float arc_weight : arc_weights) {
    std::optional<ArcScorer> arcs;
    if (arc_weight > 0) arcs = parser.arcs()->WithVote(arc_weight);
    for (float margin : {0.f, 0.003f, 0.01f, 0.03f, 0.1f}) {
      // Weight 1 or 0.9 for each member after the first: bit i-1 of `mask`.
      for (uint32_t mask = 0; mask < (1u << (n - 1)); ++mask) {
        std::vector<MemberVote> votes(n);
        for (size_t m = 0; m < n; ++m) {
          votes[m].weight = m > 0 && (mask >> (m - 1)) & 1 ? 0.9f : 1.f;
          votes[m].margin = margin * votes[m].weight;
        }
        ParseScores sc;
        for (size_t i = 0; i < dev.size(); ++i) {
          Sentence out = trees[i].front();
          parser.Combine(trees[i], forms[i], classes[i], votes,
                         arcs ? &*arcs : nullptr, &out);
          sc.Add(dev[i], out);
        }
        if (log) {
          *log << "votes";
          for (const MemberVote& v : votes) *log << " " << v.weight;
          *log << ", margin factor " << margin << ", arc scorer " << arc_weight
               << ": dev UAS " << sc.Uas() << " LAS " << sc.Las() << "\n";
        }
        if (sc.Las() > best_las) {
          best_las = sc.Las();
          best.members = votes;
          best.arcs = arc_weight;
        }
      }
    }
  }
  return best;
}

}  // namespace kg
