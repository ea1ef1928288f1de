#include "ingest/tree_combine.h"

#include <algorithm>
#include <limits>

namespace kg {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
// The score of an arc no vote proposed: any tree made of proposed arcs beats
// every tree with one more unproposed arc.
constexpr double kUnproposed = -1e6;

// First-order projective decoding (Eisner 1996) over words 1..n with exactly
// one word attached to the root 0. Spans [s, t] are "complete" (c) or
// "incomplete" (in), headed at t (index 0) or at s (index 1).
class Eisner {
 public:
  Eisner(int n, const std::vector<double>& score) : n_(n), score_(score) {
    size_t cells = size_t(n + 1) * size_t(n + 1);
    for (int d = 0; d < 2; ++d) {
      c_[d].assign(cells, 0.0);
      in_[d].assign(cells, kNegInf);
      cb_[d].assign(cells, -1);
      ib_[d].assign(cells, -1);
    }
  }

  // Heads of words 1..n (index 0 unused).
  std::vector<int> Decode() {
    for (int len = 1; len < n_; ++len) {
      for (int s = 1; s + len <= n_; ++s) {
        const int t = s + len;
        double best = kNegInf;
        int arg = s;
        for (int r = s; r < t; ++r) {
          double v = c_[1][At(s, r)] + c_[0][At(r + 1, t)];
          if (v > best) best = v, arg = r;
        }
        in_[0][At(s, t)] = best + Score(t, s);
        in_[1][At(s, t)] = best + Score(s, t);
        ib_[0][At(s, t)] = ib_[1][At(s, t)] = arg;
        best = kNegInf;
        for (int r = s; r < t; ++r) {
          double v = c_[0][At(s, r)] + in_[0][At(r, t)];
          if (v > best) best = v, arg = r;
        }
        c_[0][At(s, t)] = best;
        cb_[0][At(s, t)] = arg;
        best = kNegInf;
        for (int r = s + 1; r <= t; ++r) {
          double v = in_[1][At(s, r)] + c_[1][At(r, t)];
          if (v > best) best = v, arg = r;
        }
        c_[1][At(s, t)] = best;
        cb_[1][At(s, t)] = arg;
      }
    }
    double best = kNegInf;
    int root = 1;
    for (int r = 1; r <= n_; ++r) {
      double v = Score(0, r) + c_[0][At(1, r)] + c_[1][At(r, n_)];
      if (v > best) best = v, root = r;
    }
    head_.assign(size_t(n_) + 1, 0);
    head_[size_t(root)] = 0;
    CompleteLeft(1, root);
    CompleteRight(root, n_);
    return head_;
  }

 private:
  size_t At(int s, int t) const {
    return size_t(s) * size_t(n_ + 1) + size_t(t);
  }
  double Score(int h, int d) const { return score_[At(h, d)]; }

  void CompleteLeft(int s, int t) {  // headed at t, covering s..t
    if (s == t) return;
    int r = cb_[0][At(s, t)];
    IncompleteLeft(r, t);
    CompleteLeft(s, r);
  }
  void CompleteRight(int s, int t) {  // headed at s, covering s..t
    if (s == t) return;
    int r = cb_[1][At(s, t)];
    IncompleteRight(s, r);
    CompleteRight(r, t);
  }
  void IncompleteLeft(int s, int t) {  // arc t -> s
    head_[size_t(s)] = t;
    int r = ib_[0][At(s, t)];
    CompleteRight(s, r);
    CompleteLeft(r + 1, t);
  }
  void IncompleteRight(int s, int t) {  // arc s -> t
    head_[size_t(t)] = s;
    int r = ib_[1][At(s, t)];
    CompleteRight(s, r);
    CompleteLeft(r + 1, t);
  }

  int n_;
  const std::vector<double>& score_;
  std::vector<double> c_[2], in_[2];
  std::vector<int> cb_[2], ib_[2];
  std::vector<int> head_;
};

}  // namespace

void CombineTrees(const std::vector<TreeVote>& votes, Sentence* out,
                  int max_words) {
  const int n = int(out->tokens.size());
  const Sentence& first = *votes.front().tree;
  auto copy_from = [&](const Token& from, Token* to) {
    to->head = from.head;
    to->deprel = from.deprel;
    to->score = from.score;
  };
  if (n == 0) return;
  if (n > max_words || votes.size() == 1) {
    for (int i = 0; i < n; ++i)
      copy_from(first.tokens[size_t(i)], &out->tokens[size_t(i)]);
    return;
  }
  const size_t side = size_t(n) + 1;
  std::vector<double> score(side * side, kUnproposed);
  std::vector<char> proposed(side * side, 0);
  auto vote_weight = [](const TreeVote& v, const Token& t) {
    return double(v.weight) +
           double(v.margin) * double(std::min(t.score, v.max_margin));
  };
  for (const TreeVote& v : votes) {
    for (int d = 1; d <= n; ++d) {
      const Token& t = v.tree->tokens[size_t(d - 1)];
      size_t cell = size_t(t.head) * side + size_t(d);
      if (!proposed[cell]) score[cell] = 0.0, proposed[cell] = 1;
      score[cell] += vote_weight(v, t);
    }
  }
  std::vector<int> head = Eisner(n, score).Decode();
  for (int d = 1; d <= n; ++d) {
    Token& to = out->tokens[size_t(d - 1)];
    // The relation with the most vote weight among the votes for the chosen
    // head; the margin of the strongest of them.
    const Token* label = nullptr;
    const Token* strongest = nullptr;
    double label_weight = kNegInf, strongest_weight = kNegInf;
    for (const TreeVote& v : votes) {
      const Token& t = v.tree->tokens[size_t(d - 1)];
      if (t.head != head[size_t(d)]) continue;
      double w = vote_weight(v, t);
      if (w > strongest_weight) strongest_weight = w, strongest = &t;
      double sum = 0;
      for (const TreeVote& u : votes) {
        const Token& o = u.tree->tokens[size_t(d - 1)];
        if (o.head == t.head && o.deprel == t.deprel) sum += vote_weight(u, o);
      }
      if (sum > label_weight) label_weight = sum, label = &t;
    }
    to.head = head[size_t(d)];
    to.deprel = label ? label->deprel : first.tokens[size_t(d - 1)].deprel;
    to.score = strongest ? strongest->score : 0.f;
  }
}

}  // namespace kg
