#include "ingest/extract_confidence.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace kg {
namespace {

constexpr size_t kFeatures = 27;

// Fitted by ingest/extract_fit_confidence.py on the CaRB dev split (see
// docs/QUALITY.md), in the order of ConfidenceFeatureNames().
constexpr std::array<float, kFeatures> kWeights = {
    2.2285f, -0.3641f, 0.2088f,  -2.3433f, -0.6781f, -0.5860f, 0.1565f,
    0.3967f, -0.9776f, -0.4682f, 0.5794f,  0.7718f,  -0.4446f, -0.6111f,
    0.0618f, 0.2827f,  -0.3646f, 0.0213f,  0.1972f,  -0.6722f, 0.1055f,
    0.7374f, -0.8060f, 0.2779f,  -0.5476f, -0.2500f, 0.4213f};

bool StartsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

float MinScore(const DepTree& t, const std::vector<int>& tokens) {
  float m = 1e9f;
  for (int i : tokens)
    if (i >= 0) m = std::min(m, t.tok(i).score);
  return m == 1e9f ? 0.f : m;
}

float Upos(const DepTree& t, int i, const char* upos) {
  return i >= 0 && t.upos(i) == upos ? 1.f : 0.f;
}

}  // namespace

const std::vector<std::string>& ConfidenceFeatureNames() {
  static const std::vector<std::string> kNames = {
      "bias",        "rule_copula", "rule_appos",      "rule_poss",
      "rule_relcl",  "rule_acl",    "rule_conj",       "rule_xcomp",
      "rule_advcl",  "implicit",    "split",           "no_object",
      "n_args",      "subj_len",    "obj_len",         "qual_count",
      "subj_pron",   "obj_clausal", "rel_len",         "sent_len",
      "pred_margin", "arg_margin",  "subj_after_pred", "folded_prep",
      "obj_pron",    "obj_adj",     "subj_propn"};
  return kNames;
}

std::vector<float> ConfidenceFeatures(const DepTree& t,
                                      const RawExtraction& x) {
  auto has = [&](const char* part) {
    return x.rule.find(part) != std::string::npos ? 1.f : 0.f;
  };
  const int obj = x.objects.empty() ? -1 : x.objects[0].head;
  float obj_len = 0, obj_clausal = 0;
  if (obj >= 0) {
    obj_len = static_cast<float>(x.objects[0].tokens.size());
    obj_clausal = t.IsAny(obj, {"ccomp", "xcomp"}) ? 1.f : 0.f;
  }
  std::vector<int> heads;
  for (const auto& o : x.objects) heads.push_back(o.head);
  heads.push_back(x.subject.head);
  float folded = 0;
  for (int i : x.relation)
    if (t.Is(i, "case")) folded = 1;
  float pred_margin = x.predicate >= 0 ? t.tok(x.predicate).score : 0.f;
  return {
      1.f,
      StartsWith(x.rule, "copula") ? 1.f : 0.f,
      x.rule == "appos" ? 1.f : 0.f,
      x.rule == "poss" ? 1.f : 0.f,
      has("relcl"),
      has("+acl"),
      has("conj"),
      has("xcomp"),
      has("advcl"),
      x.implicit.empty() ? 0.f : 1.f,
      x.split ? 1.f : 0.f,
      x.objects.empty() ? 1.f : 0.f,
      static_cast<float>(1 + x.objects.size() + x.qualifiers.size()),
      std::log1p(static_cast<float>(x.subject.tokens.size())),
      std::log1p(obj_len),
      static_cast<float>(x.qualifiers.size()),
      Upos(t, x.subject.head, "PRON"),
      obj_clausal,
      static_cast<float>(x.relation.size()),
      std::log1p(static_cast<float>(t.size())),
      std::tanh(pred_margin / 4.f),
      std::tanh(MinScore(t, heads) / 4.f),
      x.subject.head > x.predicate ? 1.f : 0.f,
      folded,
      Upos(t, obj, "PRON"),
      Upos(t, obj, "ADJ"),
      Upos(t, x.subject.head, "PROPN"),
  };
}

float Confidence(const DepTree& t, const RawExtraction& x) {
  std::vector<float> f = ConfidenceFeatures(t, x);
  float z = 0;
  for (size_t i = 0; i < f.size() && i < kFeatures; ++i)
    z += kWeights[i] * f[i];
  return 1.f / (1.f + std::exp(-z));
}

}  // namespace kg
