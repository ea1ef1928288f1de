// Read-only views of a parsed sentence for the extraction rules: children
// lists, relation tests, and subtrees with chosen dependents cut off.
// Indices are 0-based token positions (Token::head is 1-based; converted here).
// Thread-safety: immutable after construction.
#ifndef KG_INGEST_EXTRACT_TREE_H_
#define KG_INGEST_EXTRACT_TREE_H_

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sentence.h"

namespace kg {

class DepTree {
 public:
  // REQUIRES: `s` outlives the tree.
  explicit DepTree(const Sentence& s);

  int size() const { return static_cast<int>(s_.tokens.size()); }
  // True when every token has a head inside the sentence (or is the root).
  bool parsed() const { return parsed_; }
  const Token& tok(int i) const { return s_.tokens[i]; }
  const std::string& form(int i) const { return s_.tokens[i].form; }
  const std::string& upos(int i) const { return s_.tokens[i].upos; }
  const std::string& xpos(int i) const { return s_.tokens[i].xpos; }
  // 0-based head, -1 for the root.
  int head(int i) const { return heads_[i]; }
  const std::string& rel(int i) const { return s_.tokens[i].deprel; }
  // The relation without its subtype ("nsubj:pass" → "nsubj").
  std::string_view base(int i) const;
  bool Is(int i, std::string_view deprel) const { return rel(i) == deprel; }
  bool IsAny(int i, std::initializer_list<std::string_view> rels) const;
  const std::vector<int>& children(int i) const { return children_[i]; }
  // Children whose full relation is one of `rels`, in sentence order.
  std::vector<int> Children(int i,
                            std::initializer_list<std::string_view> rels) const;
  // First such child, or -1.
  int Child(int i, std::initializer_list<std::string_view> rels) const;
  // Lower-cased form.
  std::string Lower(int i) const;
  bool IsNominal(int i) const;  // NOUN, PROPN, PRON, NUM, X, SYM
  bool IsVerb(int i) const;     // VERB, or AUX heading a clause
  bool IsPunct(int i) const;

  // Tokens of the subtree of `root`, ascending; a dependent d of node p is cut
  // (with its subtree) when cut(p, d) is true.
  std::vector<int> Subtree(int root,
                           const std::function<bool(int, int)>& cut) const;
  // Edge punctuation (and dangling cc/mark at the edges) stripped.
  std::vector<int> Trim(std::vector<int> tokens) const;

 private:
  const Sentence& s_;
  std::vector<int> heads_;
  std::vector<std::vector<int>> children_;
  bool parsed_ = true;
};

}  // namespace kg

#endif  // KG_INGEST_EXTRACT_TREE_H_
