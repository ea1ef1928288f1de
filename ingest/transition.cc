#include "ingest/transition.h"

namespace kg {

ArcEagerState::ArcEagerState(int n, int root_label, RootPlacement root)
    : n_(n),
      root_label_(root_label),
      root_(root == RootPlacement::kEnd ? n + 1 : 0),
      last_(root == RootPlacement::kEnd ? n + 1 : n),
      in_stack_(size_t(n) + 2, 0),
      head_(size_t(n) + 2, -1),
      label_(size_t(n) + 2, -1),
      left_(size_t(n) + 2, {-1, -1}),
      right_(size_t(n) + 2, {-1, -1}),
      nleft_(size_t(n) + 2, 0),
      nright_(size_t(n) + 2, 0),
      lset_(size_t(n) + 2, 0),
      rset_(size_t(n) + 2, 0) {
  stack_.reserve(size_t(n) + 1);
  if (root_ == 0) {
    stack_.push_back(0);
    in_stack_[0] = 1;
  }
}

bool ArcEagerState::Terminal() const {
  if (root_ == 0) return b_ > n_;
  // The root is the buffer's last item and is never shifted: done when the
  // stack is empty or its headless top can no longer reach the root.
  if (b_ <= n_) return false;
  return stack_.empty() ||
         (head_[size_t(stack_.back())] < 0 && root_child_ >= 0);
}

bool ArcEagerState::Legal(int move) const {
  if (Terminal()) return false;
  const bool at_root = b_ == root_;
  if (move == kShift) return !at_root;
  if (stack_.empty()) return false;
  const int s0 = stack_.back();
  if (move == kReduce) return s0 != root_ && head_[size_t(s0)] >= 0;
  const int l = MoveLabel(move);
  if (IsLeft(move)) {
    if (s0 == root_ || head_[size_t(s0)] >= 0) return false;
    return at_root ? l == root_label_ && root_child_ < 0 : l != root_label_;
  }
  if (at_root) return false;
  if (s0 == root_) return l == root_label_ && root_child_ < 0;
  return l != root_label_;
}

void ArcEagerState::LegalMoves(int num_labels, std::vector<int>* out) const {
  out->clear();
  if (Legal(kShift)) out->push_back(kShift);
  if (Legal(kReduce)) out->push_back(kReduce);
  const int other = num_labels < 2 ? -1 : (root_label_ == 0 ? 1 : 0);
  const bool left_root = Legal(LeftMove(root_label_));
  const bool right_root = Legal(RightMove(root_label_));
  const bool left_other = other >= 0 && Legal(LeftMove(other));
  const bool right_other = other >= 0 && Legal(RightMove(other));
  for (int l = 0; l < num_labels; ++l) {
    if (l == root_label_ ? left_root : left_other) out->push_back(LeftMove(l));
    if (l == root_label_ ? right_root : right_other)
      out->push_back(RightMove(l));
  }
}

void ArcEagerState::AddArc(int h, int d, int l) {
  head_[size_t(d)] = h;
  label_[size_t(d)] = l;
  if (h == root_) root_child_ = d;
  uint64_t bit = uint64_t(1) << (unsigned(l) & 63);
  if (d < h) {
    auto& lm = left_[size_t(h)];
    if (lm[0] < 0 || d < lm[0]) {
      lm[1] = lm[0];
      lm[0] = d;
    } else if (lm[1] < 0 || d < lm[1]) {
      lm[1] = d;
    }
    ++nleft_[size_t(h)];
    lset_[size_t(h)] |= bit;
  } else {
    auto& rm = right_[size_t(h)];
    if (rm[0] < 0 || d > rm[0]) {
      rm[1] = rm[0];
      rm[0] = d;
    } else if (rm[1] < 0 || d > rm[1]) {
      rm[1] = d;
    }
    ++nright_[size_t(h)];
    rset_[size_t(h)] |= bit;
  }
}

void ArcEagerState::Apply(int move) {
  if (move == kShift) {
    stack_.push_back(b_);
    in_stack_[size_t(b_)] = 1;
    ++b_;
    return;
  }
  int s0 = stack_.back();
  if (move == kReduce) {
    stack_.pop_back();
    in_stack_[size_t(s0)] = 0;
  } else if (IsLeft(move)) {
    AddArc(b_, s0, MoveLabel(move));
    stack_.pop_back();
    in_stack_[size_t(s0)] = 0;
  } else {
    AddArc(s0, b_, MoveLabel(move));
    stack_.push_back(b_);
    in_stack_[size_t(b_)] = 1;
    ++b_;
  }
}

void ArcEagerState::Finish(int fallback_label) {
  for (int w = 1; w <= n_; ++w) {
    if (head_[size_t(w)] >= 0) continue;
    if (root_child_ < 0)
      AddArc(root_, w, root_label_);
    else
      AddArc(root_child_, w, fallback_label);
  }
}

int ArcEagerState::Cost(
    int move, const std::vector<int>& gold_head,
    const std::vector<int>& gold_label,
    const std::vector<std::vector<int>>& gold_children) const {
  const int s0 = stack_.empty() ? -1 : stack_.back();
  const int b = b_;
  // Gold heads and children by position (the root may sit at n + 1).
  auto gold_head_at = [&](int w) { return Position(gold_head[size_t(w)]); };
  auto children_at = [&](int p) -> const std::vector<int>& {
    return gold_children[size_t(Word(p))];
  };
  int cost = 0;
  // Gold dependents of w still in the buffer (at or after `from`).
  auto deps_in_buffer = [&](int w, int from) {
    int c = 0;
    for (int d : children_at(w)) c += d >= from;
    return c;
  };
  // Headless stack words whose gold head is b.
  auto b_deps_in_stack = [&]() {
    int c = 0;
    for (int d : children_at(b))
      c += d < b && in_stack_[size_t(d)] && head_[size_t(d)] < 0;
    return c;
  };
  // Whether b can still get its gold head h from the stack (the root takes
  // only one dependent).
  auto head_on_stack = [&](int h) {
    return in_stack_[size_t(h)] && !(h == root_ && root_child_ >= 0);
  };
  if (move == kShift) {
    cost += head_on_stack(gold_head_at(b)) ? 1 : 0;
    cost += b_deps_in_stack();
  } else if (move == kReduce) {
    cost += deps_in_buffer(s0, b);
  } else if (IsLeft(move)) {
    int h = gold_head_at(s0);
    cost += h > b ? 1 : 0;
    cost += deps_in_buffer(s0, b);
    if (h == b && gold_label[size_t(s0)] != MoveLabel(move)) ++cost;
  } else {
    int h = gold_head_at(b);
    if (h != s0 && (head_on_stack(h) || h > b)) ++cost;
    cost += b_deps_in_stack();
    if (h == s0 && gold_label[size_t(b)] != MoveLabel(move)) ++cost;
    // The root at the front takes one dependent: a gold root word still in
    // the buffer loses its arc.
    if (s0 == 0 && root_ == 0)
      for (int r : gold_children[0]) cost += r > b;
  }
  // The root at the end: once the last word leaves the buffer, a headless
  // word above the gold root word on the stack can only take the root
  // itself, so the root word loses its arc.
  if (root_ > 0 && b == n_ && (move == kShift || IsRight(move)))
    for (int r : gold_children[0]) {
      if (r == b || !in_stack_[size_t(r)] || head_[size_t(r)] >= 0) continue;
      bool blocked = move == kShift;
      for (size_t i = stack_.size(); !blocked && i-- > 0 && stack_[i] != r;)
        blocked = head_[size_t(stack_[i])] < 0;
      cost += blocked;
    }
  return cost;
}

}  // namespace kg
