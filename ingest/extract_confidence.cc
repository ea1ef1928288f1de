#include "ingest/extract_confidence.h"

#include <algorithm>
#include <cmath>

namespace kg {
namespace {

bool StartsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

float MinScore(const DepTree& t, const std::vector<int>& tokens) {
  float m = 1e9f;
  for (int i : tokens) m = std::min(m, t.tok(i).score);
  return tokens.empty() ? 0.f : m;
}

}  // namespace

const std::vector<std::string>& ConfidenceFeatureNames() {
  static const std::vector<std::string> kNames = {
      "bias",        "rule_copula", "rule_appos",     "rule_poss",
      "rule_relcl",  "rule_acl",    "rule_conj",      "rule_xcomp",
      "rule_advcl",  "implicit",    "split",          "no_object",
      "n_args",      "subj_len",    "obj_len",        "qual_count",
      "subj_pron",   "obj_clausal", "rel_len",        "sent_len",
      "pred_margin", "arg_margin",  "subj_after_pred"};
  return kNames;
}

std::vector<float> ConfidenceFeatures(const DepTree& t,
                                      const RawExtraction& x) {
  auto has = [&](const char* part) {
    return x.rule.find(part) != std::string::npos ? 1.f : 0.f;
  };
  float obj_len = 0, obj_clausal = 0;
  if (!x.objects.empty()) {
    obj_len = static_cast<float>(x.objects[0].tokens.size());
    obj_clausal = t.IsAny(x.objects[0].head, {"ccomp", "xcomp"}) ? 1.f : 0.f;
  }
  std::vector<int> heads;
  for (const auto& o : x.objects) heads.push_back(o.head);
  heads.push_back(x.subject.head);
  float pred_margin = x.predicate >= 0 ? t.tok(x.predicate).score : 0.f;
  std::vector<float> f = {
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
      x.subject.head >= 0 && t.upos(x.subject.head) == "PRON" ? 1.f : 0.f,
      obj_clausal,
      static_cast<float>(x.relation.size()),
      std::log1p(static_cast<float>(t.size())),
      std::tanh(pred_margin / 4.f),
      std::tanh(MinScore(t, heads) / 4.f),
      x.subject.head > x.predicate ? 1.f : 0.f,
  };
  return f;
}

float Confidence(const DepTree& t, const RawExtraction& x) {
  // Hand-set starting weights; see docs/QUALITY.md for the fitted values.
  static const float kWeights[] = {1.2f,   0.0f,  -0.3f, -0.6f, -0.3f, -0.5f,
                                   -0.3f,  -0.1f, -0.8f, -0.2f, -0.2f, -0.4f,
                                   -0.1f,  -0.3f, -0.2f, -0.1f, -0.2f, -0.3f,
                                   -0.05f, -0.3f, 0.5f,  0.5f,  -0.5f};
  std::vector<float> f = ConfidenceFeatures(t, x);
  float z = 0;
  for (size_t i = 0; i < f.size(); ++i) z += kWeights[i] * f[i];
  return 1.f / (1.f + std::exp(-z));
}

}  // namespace kg
