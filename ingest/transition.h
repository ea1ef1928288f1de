// The arc-eager transition system (Nivre 2003) over words 1..n and its
// dynamic oracle (Goldberg & Nivre 2012): the cost of a transition is the
// number of gold arcs it makes unreachable (plus one for a wrong label on the
// arc it builds). The root takes exactly one dependent and sits either at the
// bottom of the stack (RootPlacement::kFront, the classic layout) or after
// the last word as the end of the buffer (kEnd, Ballesteros & Nivre 2013),
// which defers the choice of the root word until every other word has been
// seen. Either way the root is word 0 to callers: head(w) == 0 means the
// root, and Buffer(i) returns 0 for it. Moves are numbered: 0 SHIFT,
// 1 REDUCE, 2+2l LEFT-ARC(l), 3+2l RIGHT-ARC(l). Words left headless at the
// end are attached by Finish(). A state is a plain value, not shared.
#ifndef KG_INGEST_TRANSITION_H_
#define KG_INGEST_TRANSITION_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg {

inline constexpr int kShift = 0;
inline constexpr int kReduce = 1;
inline int LeftMove(int label) { return 2 + 2 * label; }
inline int RightMove(int label) { return 3 + 2 * label; }
inline int MoveLabel(int move) { return (move - 2) / 2; }
inline bool IsLeft(int move) { return move >= 2 && move % 2 == 0; }
inline bool IsRight(int move) { return move >= 3 && move % 2 == 1; }
inline int NumMoves(int num_labels) { return 2 + 2 * num_labels; }

enum class RootPlacement : uint8_t { kFront = 0, kEnd = 1 };

class ArcEagerState {
 public:
  // `n` words; `root_label` is the label id of the "root" relation.
  ArcEagerState(int n, int root_label,
                RootPlacement root = RootPlacement::kFront);

  int n() const { return n_; }
  bool Terminal() const;
  // Stack item i from the top (0 = top), or -1.
  int Stack(int i) const {
    return i < int(stack_.size()) ? stack_[stack_.size() - 1 - size_t(i)] : -1;
  }
  // Buffer item i (0 = front), or -1; the root at the end is 0.
  int Buffer(int i) const {
    int p = b_ + i;
    return p > last_ ? -1 : Word(p);
  }
  // Where word w (0 = the root) sits: 0 or n + 1 for the root.
  int Position(int w) const { return w == 0 ? root_ : w; }
  int head(int w) const { return Word(head_[size_t(w)]); }
  int label(int w) const { return label_[size_t(w)]; }
  // Children in order of position: leftmost/second-leftmost, rightmost/
  // second-rightmost (-1 when absent), counts, and bit sets of their labels.
  int Leftmost(int w, int k) const {
    return left_[size_t(Position(w))][size_t(k)];
  }
  int Rightmost(int w, int k) const {
    return right_[size_t(Position(w))][size_t(k)];
  }
  int LeftCount(int w) const { return nleft_[size_t(Position(w))]; }
  int RightCount(int w) const { return nright_[size_t(Position(w))]; }
  uint64_t LeftLabels(int w) const { return lset_[size_t(Position(w))]; }
  uint64_t RightLabels(int w) const { return rset_[size_t(Position(w))]; }

  bool Legal(int move) const;
  // Every legal move among NumMoves(num_labels), ascending: the same as
  // testing Legal() on each, in six checks (a move's legality depends on its
  // label only through "root or not").
  void LegalMoves(int num_labels, std::vector<int>* out) const;
  // REQUIRES: Legal(move).
  void Apply(int move);
  // Attaches every headless word: to the root if it has no dependent yet
  // (the first such word), else to the root's dependent with `fallback`.
  void Finish(int fallback_label);

  // Dynamic-oracle cost of `move` against gold heads/labels (index 0 unused;
  // head 0 = the root, children[0] = the root's dependents).
  // REQUIRES: Legal(move).
  int Cost(int move, const std::vector<int>& gold_head,
           const std::vector<int>& gold_label,
           const std::vector<std::vector<int>>& gold_children) const;

 private:
  // The word at position p (the root's position maps to 0); -1 stays -1.
  int Word(int p) const { return p == root_ && root_ > 0 ? 0 : p; }
  void AddArc(int h, int d, int l);

  int n_;
  int root_label_;
  int root_;  // position of the root: 0 (front) or n + 1 (end)
  int last_;  // last buffer position: n, or n + 1 with the root at the end
  int b_ = 1;
  int root_child_ = -1;
  std::vector<int> stack_;
  std::vector<char> in_stack_;
  std::vector<int> head_, label_;  // positions
  std::vector<std::array<int, 2>> left_, right_;
  std::vector<int> nleft_, nright_;
  std::vector<uint64_t> lset_, rset_;
};

}  // namespace kg

#endif  // KG_INGEST_TRANSITION_H_
