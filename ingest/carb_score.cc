// CaRB matching of tuple pairs and the precision–recall curve over thresholds.
#include <algorithm>
#include <unordered_map>

#include "ingest/carb.h"

namespace kg {
namespace {

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Counts gold words found in `predicted`, consuming each predicted word once.
int Overlap(const std::vector<std::string>& gold,
            std::vector<std::string>& predicted) {
  int matched = 0;
  for (const std::string& w : gold) {
    auto it = std::find(predicted.begin(), predicted.end(), w);
    if (it != predicted.end()) {
      ++matched;
      predicted.erase(it);
    }
  }
  return matched;
}

// Arguments after the first joined into one slot.
std::vector<std::string> TwoSlots(const std::vector<std::string>& args) {
  if (args.size() < 2) return args;
  std::string rest = args[1];
  for (size_t i = 2; i < args.size(); ++i) rest += " " + args[i];
  return {args[0], rest};
}

std::pair<double, double> LenientMatch(
    const std::string& gold_rel, const std::vector<std::string>& gold_args,
    const std::string& pred_rel, const std::vector<std::string>& pred_args) {
  int p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  std::vector<std::string> pred_words = Words(pred_rel);
  std::vector<std::string> gold_words = Words(gold_rel);
  p_den += static_cast<int>(pred_words.size());
  r_den += static_cast<int>(gold_words.size());
  int matched = Overlap(gold_words, pred_words);
  static const char* kBeForms[] = {"be",  "is",   "am",   "are",
                                   "was", "were", "been", "being"};
  auto be = std::find(pred_words.begin(), pred_words.end(), "be");
  if (be != pred_words.end()) {
    for (const char* form : kBeForms) {
      if (std::find(gold_words.begin(), gold_words.end(), form) !=
          gold_words.end()) {
        ++matched;
        pred_words.erase(be);
        break;
      }
    }
  }
  if (matched == 0) return {0, 0};
  p_num += matched;
  r_num += matched;
  for (size_t i = 0; i < gold_args.size(); ++i) {
    std::vector<std::string> gw = Words(gold_args[i]);
    r_den += static_cast<int>(gw.size());
    if (pred_args.size() <= i) {
      if (i < 2) return {0, 0};
      continue;
    }
    std::vector<std::string> pw = Words(pred_args[i]);
    p_den += static_cast<int>(pw.size());
    int m = Overlap(gw, pw);
    p_num += m;
    r_num += m;
  }
  double prec = p_den == 0 ? 0.0 : static_cast<double>(p_num) / p_den;
  double rec = r_den == 0 ? 0.0 : static_cast<double>(r_num) / r_den;
  return {prec, rec};
}

}  // namespace

std::pair<double, double> CarbMatch(const OieTuple& gold,
                                    const OieTuple& predicted) {
  std::vector<std::string> gold_args = TwoSlots(gold.args);
  std::vector<std::string> pred_args = TwoSlots(predicted.args);
  auto straight =
      LenientMatch(gold.relation, gold_args, predicted.relation, pred_args);
  static const char* kSaidKind[] = {"said", "told", "added", "adds", "says"};
  bool said = false;
  for (const char* verb : kSaidKind)
    if (gold.relation.find(verb) != std::string::npos) said = true;
  if (!said) return straight;
  if (pred_args.size() >= 2) std::swap(pred_args[0], pred_args[1]);
  auto reversed =
      LenientMatch(gold.relation, gold_args, predicted.relation, pred_args);
  return std::max(straight, reversed);  // lexicographic, as the reference
}

CarbResult CarbScore(const CarbSet& gold, const CarbSet& predicted) {
  CarbResult result;
  std::vector<double> thresholds;
  for (const auto& tuples : predicted.tuples)
    for (const OieTuple& t : tuples) thresholds.push_back(t.confidence);
  std::sort(thresholds.begin(), thresholds.end());
  thresholds.erase(std::unique(thresholds.begin(), thresholds.end()),
                   thresholds.end());
  const size_t n = thresholds.size();
  std::vector<double> p(n, 0), pl(n, 0), r(n, 0), rl(n, 0);

  std::unordered_map<std::string, size_t> pred_index;
  for (size_t i = 0; i < predicted.size(); ++i)
    pred_index.emplace(predicted.keys[i], i);
  static const std::vector<OieTuple> kNone;

  result.gold_sentences = gold.size();
  for (size_t s = 0; s < gold.size(); ++s) {
    const auto& golds = gold.tuples[s];
    auto found = pred_index.find(gold.keys[s]);
    const auto& preds =
        found == pred_index.end() ? kNone : predicted.tuples[found->second];
    result.gold_tuples += golds.size();
    result.predicted_tuples += preds.size();
    const size_t G = golds.size(), P = preds.size();
    std::vector<std::pair<double, double>> score(G * P);
    for (size_t i = 0; i < G; ++i)
      for (size_t j = 0; j < P; ++j)
        score[i * P + j] = CarbMatch(golds[i], preds[j]);

    std::vector<double> confs;
    for (const OieTuple& t : preds) confs.push_back(t.confidence);
    std::sort(confs.begin(), confs.end());
    confs.erase(std::unique(confs.begin(), confs.end()), confs.end());
    size_t prev = 0;
    for (double conf : confs) {
      size_t c = std::lower_bound(thresholds.begin(), thresholds.end(), conf) -
                 thresholds.begin();
      std::vector<size_t> live;
      for (size_t j = 0; j < P; ++j)
        if (preds[j].confidence >= conf) live.push_back(j);
      double recall_num = 0;
      for (size_t i = 0; i < G; ++i) {
        double best = 0;
        for (size_t j : live) best = std::max(best, score[i * P + j].second);
        recall_num += best;
      }
      // Greedy one-to-one matching by best precision.
      double precision_num = 0;
      std::vector<char> row_used(G, 0), col_used(P, 0);
      size_t rounds = std::min(G, live.size());
      for (size_t t = 0; t < rounds; ++t) {
        double best = -1;
        size_t bi = 0, bj = 0;
        for (size_t i = 0; i < G; ++i) {
          if (row_used[i]) continue;
          for (size_t j : live) {
            if (col_used[j]) continue;
            if (score[i * P + j].first > best) {
              best = score[i * P + j].first;
              bi = i;
              bj = j;
            }
          }
        }
        row_used[bi] = col_used[bj] = 1;
        precision_num += best;
      }
      for (size_t k = prev; k <= c; ++k) {
        p[k] += precision_num;
        pl[k] += static_cast<double>(live.size());
        r[k] += recall_num;
        rl[k] += static_cast<double>(G);
      }
      prev = c + 1;
    }
    for (size_t k = prev; k < n; ++k) rl[k] += static_cast<double>(G);
  }

  int best = -1;
  for (size_t k = 0; k < n; ++k) {
    CarbPoint pt;
    pt.threshold = thresholds[k];
    pt.precision = pl[k] > 0 ? p[k] / pl[k] : 1.0;
    pt.recall = rl[k] > 0 ? r[k] / rl[k] : 0.0;
    double sum = pt.precision + pt.recall;
    pt.f1 = sum > 0 ? 2 * pt.precision * pt.recall / sum : 0.0;
    result.curve.push_back(pt);
    if (sum > 0 && (best < 0 || pt.f1 > result.curve[best].f1))
      best = static_cast<int>(k);
  }
  if (best >= 0) result.best = result.curve[best];
  if (n > 0) {
    // Trapezoids over recall, with the point (recall 0, precision 1) appended.
    std::vector<double> x, y;
    for (const CarbPoint& pt : result.curve) {
      x.push_back(pt.recall);
      y.push_back(pt.precision);
    }
    x.push_back(0);
    y.push_back(1);
    double area = 0;
    for (size_t k = 0; k + 1 < x.size(); ++k)
      area += (x[k + 1] - x[k]) * (y[k] + y[k + 1]) / 2;
    result.auc = area < 0 ? -area : area;
  }
  return result;
}

}  // namespace kg
