#include "ingest/tagger.h"

#include <algorithm>
#include <climits>
#include <limits>

#include "ingest/perceptron_hash.h"
#include "ingest/tokenizer.h"
#include "ingest/wordnet_index.h"

namespace kg {
namespace {

constexpr uint32_t kTagsSection = SectionTag("TAGS");
constexpr uint32_t kDictSection = SectionTag("TDIC");
constexpr uint32_t kAmbSection = SectionTag("TAMB");
constexpr uint32_t kWeightsSection = SectionTag("TGWT");
constexpr uint32_t kBackwardSection = SectionTag("TGBW");
// Present (one byte, 1) when TaggerLexicon::wordnet_classes is set.
constexpr uint32_t kWordNetSection = SectionTag("TGWN");

constexpr uint64_t kNoTag = 0x7a6b5c4d3e2f1a0bULL;
constexpr uint64_t kUnknownAmb = 0x1234567890abcdefULL;

uint64_t Affix(std::string_view s, size_t n, bool suffix, uint32_t kind) {
  if (s.size() < n) return FeatureKey(kind, HashString(s), 1);
  return FeatureKey(
      kind, HashString(suffix ? s.substr(s.size() - n) : s.substr(0, n)));
}

// "Apple-2" → "Xx-d": letters and digits by class, runs collapsed.
uint64_t Shape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    char k = (c >= 'A' && c <= 'Z')   ? 'X'
             : (c >= 'a' && c <= 'z') ? 'x'
             : (c >= '0' && c <= '9') ? 'd'
             : c >= 0x80              ? 'u'
                                      : char(c);
    if (out.empty() || out.back() != k) out.push_back(k);
  }
  if (s.size() > 6) out.push_back('+');
  return HashString(out);
}

// The ambiguity atom of a word the training data did not give one: the
// parts of speech WordNet knows it in, directly or through morphology.
uint64_t WordNetAmbiguity(const std::string& lower) {
  return CombineHash(kUnknownAmb,
                     uint64_t(WordNetIndex::Get().PartsOfSpeech(lower)));
}

uint64_t TagAtom(int cls) { return cls < 0 ? kNoTag : uint64_t(cls) + 1; }

}  // namespace

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

int TagSet::Find(std::string_view u, std::string_view x) const {
  for (size_t i = 0; i < upos.size(); ++i)
    if (upos[i] == u && xpos[i] == x) return int(i);
  return -1;
}

int TagSet::Add(const std::string& u, const std::string& x) {
  int c = Find(u, x);
  if (c >= 0) return c;
  upos.push_back(u);
  xpos.push_back(x);
  return size() - 1;
}

std::vector<std::string> ModelForms(const std::vector<Token>& tokens) {
  std::vector<std::string> forms;
  forms.reserve(tokens.size());
  for (const Token& t : tokens) forms.push_back(ParserForm(t));
  return forms;
}

TaggerFeatures::TaggerFeatures(const std::vector<std::string>& forms,
                               const TaggerLexicon& lex) {
  atoms_.reserve(forms.size());
  for (const std::string& form : forms) {
    std::string lower = LowerAscii(form);
    Atoms a;
    a.form = HashString(form);
    a.lower = HashString(lower);
    a.pre1 = Affix(lower, 1, false, 1);
    a.pre2 = Affix(lower, 2, false, 2);
    a.pre3 = Affix(lower, 3, false, 3);
    a.suf1 = Affix(lower, 1, true, 4);
    a.suf2 = Affix(lower, 2, true, 5);
    a.suf3 = Affix(lower, 3, true, 6);
    a.suf4 = Affix(lower, 4, true, 7);
    a.shape = Shape(form);
    auto it = lex.ambiguity.find(a.lower);
    if (it != lex.ambiguity.end())
      a.amb = it->second;
    else
      a.amb = lex.wordnet_classes ? WordNetAmbiguity(lower) : kUnknownAmb;
    atoms_.push_back(a);
  }
  uint64_t pad = HashString("<pad>");
  pad_ = Atoms{pad, pad, pad, pad, pad, pad, pad, pad, pad, pad, pad};
}

const TaggerFeatures::Atoms& TaggerFeatures::At(int i) const {
  return i < 0 || i >= int(atoms_.size()) ? pad_ : atoms_[size_t(i)];
}

int TaggerFeatures::Extract(int i, int prev, int prev2, uint64_t* keys) const {
  const Atoms& w = At(i);
  const Atoms& p1 = At(i - 1);
  const Atoms& p2 = At(i - 2);
  const Atoms& n1 = At(i + 1);
  const Atoms& n2 = At(i + 2);
  uint64_t t1 = TagAtom(prev), t2 = TagAtom(prev2);
  int k = 0;
  keys[k++] = FeatureKey(0, 0);
  keys[k++] = FeatureKey(1, w.form);
  keys[k++] = FeatureKey(2, w.lower);
  keys[k++] = FeatureKey(3, w.suf1);
  keys[k++] = FeatureKey(4, w.suf2);
  keys[k++] = FeatureKey(5, w.suf3);
  keys[k++] = FeatureKey(6, w.suf4);
  keys[k++] = FeatureKey(7, w.pre1);
  keys[k++] = FeatureKey(8, w.pre2);
  keys[k++] = FeatureKey(9, w.pre3);
  keys[k++] = FeatureKey(10, w.shape);
  keys[k++] = FeatureKey(11, t1);
  keys[k++] = FeatureKey(12, t2);
  keys[k++] = FeatureKey(13, t1, t2);
  keys[k++] = FeatureKey(14, t1, w.lower);
  keys[k++] = FeatureKey(15, p1.lower);
  keys[k++] = FeatureKey(16, p1.suf3);
  keys[k++] = FeatureKey(17, p2.lower);
  keys[k++] = FeatureKey(18, n1.lower);
  keys[k++] = FeatureKey(19, n1.suf3);
  keys[k++] = FeatureKey(20, n2.lower);
  keys[k++] = FeatureKey(21, w.amb);
  keys[k++] = FeatureKey(22, n1.amb);
  keys[k++] = FeatureKey(23, n2.amb);
  keys[k++] = FeatureKey(24, t1, n1.amb);
  keys[k++] = FeatureKey(25, w.lower, n1.lower);
  keys[k++] = FeatureKey(26, p1.lower, w.lower);
  keys[k++] = FeatureKey(27, n1.shape);
  keys[k++] = FeatureKey(28, p1.shape);
  keys[k++] = FeatureKey(29, i == 0, w.shape);
  keys[k++] = FeatureKey(30, t1, w.suf3);
  keys[k++] = FeatureKey(31, w.amb, n1.amb);
  keys[k++] = FeatureKey(32, t1, n1.lower);
  keys[k++] = FeatureKey(33, t1, w.amb);
  keys[k++] = FeatureKey(34, n1.suf1);
  keys[k++] = FeatureKey(35, p1.suf1);
  keys[k++] = FeatureKey(36, t1, w.amb, n1.amb);
  keys[k++] = FeatureKey(37, w.suf3, n1.lower);
  keys[k++] = FeatureKey(38, p1.lower, n1.lower);
  return k;
}

void Tagger::Tag(Sentence* s, std::vector<int>* classes) const {
  std::vector<int> local;
  TagWithForms(ModelForms(s->tokens), s, classes ? classes : &local);
}

void Tagger::TagWithForms(const std::vector<std::string>& forms, Sentence* s,
                          std::vector<int>* classes) const {
  TagForms(forms, classes);
  for (size_t i = 0; i < s->tokens.size(); ++i) {
    s->tokens[i].upos = tags_.upos[size_t((*classes)[i])];
    s->tokens[i].xpos = tags_.xpos[size_t((*classes)[i])];
  }
}

void Tagger::TagForms(const std::vector<std::string>& forms,
                      std::vector<int>* classes) const {
  if (!bidirectional()) {
    Pass(weights_, forms, classes, nullptr);
    return;
  }
  std::vector<float> margins, back_margins;
  std::vector<int> back;
  Pass(weights_, forms, classes, &margins);
  std::vector<std::string> reversed(forms.rbegin(), forms.rend());
  Pass(backward_, reversed, &back, &back_margins);
  const size_t n = forms.size();
  for (size_t i = 0; i < n; ++i)
    if (back_margins[n - 1 - i] > margins[i]) (*classes)[i] = back[n - 1 - i];
}

void Tagger::Pass(const WeightTable& w, const std::vector<std::string>& forms,
                  std::vector<int>* classes,
                  std::vector<float>* margins) const {
  TaggerFeatures feats(forms, lex_);
  std::vector<int32_t> scores(size_t(tags_.size()));
  uint64_t keys[TaggerFeatures::kMaxFeatures];
  int prev = -1, prev2 = -1;
  classes->clear();
  if (margins) margins->clear();
  for (size_t i = 0; i < forms.size(); ++i) {
    int best = -1;
    float margin = std::numeric_limits<float>::infinity();
    auto it = lex_.tag_dict.find(HashString(forms[i]));
    if (it != lex_.tag_dict.end()) {
      best = it->second;
    } else {
      int n = feats.Extract(int(i), prev, prev2, keys);
      std::fill(scores.begin(), scores.end(), 0);
      w.Score(keys, size_t(n), scores.data());
      const TopTwo t = FindTopTwo(scores.data(), int(scores.size()));
      best = t.best;
      margin =
          t.second == INT32_MIN ? margin : float(t.top - t.second) * w.scale();
    }
    classes->push_back(best);
    if (margins) margins->push_back(margin);
    prev2 = prev;
    prev = best;
  }
}

void Tagger::Save(ModelFile* file) const {
  ByteWriter tags;
  tags.Put<uint32_t>(uint32_t(tags_.size()));
  for (int i = 0; i < tags_.size(); ++i) {
    tags.PutString(tags_.upos[size_t(i)]);
    tags.PutString(tags_.xpos[size_t(i)]);
  }
  file->AddSection(kTagsSection, std::move(tags.bytes()));
  // Sorted, so the file is byte-for-byte reproducible.
  std::vector<std::pair<uint64_t, int>> dict(lex_.tag_dict.begin(),
                                             lex_.tag_dict.end());
  std::sort(dict.begin(), dict.end());
  ByteWriter d;
  d.Put<uint64_t>(dict.size());
  for (auto [k, c] : dict) {
    d.Put<uint64_t>(k);
    d.Put<uint8_t>(uint8_t(c));
  }
  file->AddSection(kDictSection, std::move(d.bytes()));
  std::vector<std::pair<uint64_t, uint64_t>> amb(lex_.ambiguity.begin(),
                                                 lex_.ambiguity.end());
  std::sort(amb.begin(), amb.end());
  ByteWriter a;
  a.Put<uint64_t>(amb.size());
  for (auto [k, v] : amb) {
    a.Put<uint64_t>(k);
    a.Put<uint64_t>(v);
  }
  file->AddSection(kAmbSection, std::move(a.bytes()));
  if (lex_.wordnet_classes)
    file->AddSection(kWordNetSection, std::string(1, '\1'));
  std::string w;
  weights_.AppendTo(&w);
  file->AddSection(kWeightsSection, std::move(w));
  if (bidirectional()) {
    std::string b;
    backward_.AppendTo(&b);
    file->AddSection(kBackwardSection, std::move(b));
  }
}

StatusOr<Tagger> Tagger::Load(const ModelFile& file, const std::string& name) {
  const std::string* tags = file.Section(kTagsSection);
  const std::string* dict = file.Section(kDictSection);
  const std::string* amb = file.Section(kAmbSection);
  const std::string* weights = file.Section(kWeightsSection);
  if (!tags || !dict || !amb || !weights)
    return Status::Corruption(name + ": tagger sections missing");
  auto bad = [&](const char* what) {
    return Status::Corruption(name + ": tagger " + what + " section damaged");
  };
  TagSet set;
  ByteReader tr(*tags);
  uint32_t n = 0;
  if (!tr.Get(&n) || n == 0 || n > WeightTable::kMaxClasses) return bad("tag");
  for (uint32_t i = 0; i < n; ++i) {
    std::string u, x;
    if (!tr.GetString(&u) || !tr.GetString(&x)) return bad("tag");
    set.upos.push_back(u);
    set.xpos.push_back(x);
  }
  TaggerLexicon lex;
  ByteReader dr(*dict);
  uint64_t count = 0;
  if (!dr.Get(&count) || count > dict->size()) return bad("dictionary");
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t k = 0;
    uint8_t c = 0;
    if (!dr.Get(&k) || !dr.Get(&c) || c >= n) return bad("dictionary");
    lex.tag_dict[k] = c;
  }
  ByteReader ar(*amb);
  if (!ar.Get(&count) || count > amb->size()) return bad("ambiguity");
  lex.ambiguity.reserve(size_t(count));
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t k = 0, v = 0;
    if (!ar.Get(&k) || !ar.Get(&v)) return bad("ambiguity");
    lex.ambiguity[k] = v;
  }
  if (const std::string* wn = file.Section(kWordNetSection)) {
    if (*wn != std::string(1, '\1')) return bad("WordNet");
    lex.wordnet_classes = true;
    WordNetIndex::Get();  // loaded with the model, not at the first word
  }
  StatusOr<WeightTable> w = WeightTable::Parse(*weights, name + " (tagger)");
  if (!w.ok()) return w.status();
  if (w->num_classes() != int(n))
    return Status::Corruption(name + ": tagger weights have " +
                              std::to_string(w->num_classes()) +
                              " classes, the tag set " + std::to_string(n));
  WeightTable backward;
  if (const std::string* b = file.Section(kBackwardSection)) {
    StatusOr<WeightTable> bw =
        WeightTable::Parse(*b, name + " (backward tagger)");
    if (!bw.ok()) return bw.status();
    if (bw->num_classes() != int(n))
      return Status::Corruption(name + ": backward tagger weights have " +
                                std::to_string(bw->num_classes()) +
                                " classes, the tag set " + std::to_string(n));
    backward = std::move(*bw);
  }
  return Tagger(std::move(set), std::move(lex), std::move(*w),
                std::move(backward));
}

}  // namespace kg
