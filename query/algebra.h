// The parsed query: SPARQL's algebra as a tree of group patterns, expressions
// and property paths, with every variable numbered (a row of bindings is a
// vector indexed by these numbers). The parser builds it; the planner turns it
// into operators. Plain values: a Query owns its whole tree.
#ifndef KG_QUERY_ALGEBRA_H_
#define KG_QUERY_ALGEBRA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "storage/term.h"

namespace kg::query {

struct GroupPattern;

// A position in a triple pattern: a constant term or a variable number.
struct Node {
  int var = -1;  // >= 0: a variable
  Term term;     // when var < 0
  bool is_var() const { return var >= 0; }
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  enum class Kind {
    kConst,    // value
    kVar,      // var
    kOr,       // args[0] || args[1]
    kAnd,      // args[0] && args[1]
    kNot,      // !args[0]
    kCompare,  // op in = != < > <= >=
    kArith,    // op in + - * /
    kNegate,   // -args[0]
    kCall,     // op = lower-cased function name (or an IRI for casts)
    kIn,       // args[0] IN (args[1..]); negated when op == "not"
    kExists,   // pattern; negated when op == "not"
  };
  Kind kind = Kind::kConst;
  std::string op;
  Term value;
  int var = -1;
  std::vector<ExprPtr> args;
  std::unique_ptr<GroupPattern> pattern;
};

// A property path. kLink is one predicate; kNegated holds the forward and the
// inverse IRIs of !(...).
struct Path;
using PathPtr = std::unique_ptr<Path>;
struct Path {
  enum class Kind {
    kLink,
    kInverse,
    kSeq,
    kAlt,
    kZeroOrMore,
    kOneOrMore,
    kZeroOrOne,
    kNegated
  };
  Kind kind = Kind::kLink;
  Term iri;
  std::vector<PathPtr> args;
  std::vector<Term> forward, inverse;  // kNegated
};

// A triple pattern; `path` is set when the predicate is a path other than a
// single IRI or variable.
struct TriplePattern {
  Node s, p, o;
  PathPtr path;
};

struct GroupElement {
  enum class Kind {
    kTriple,
    kGroup,
    kUnion,
    kOptional,
    kMinus,
    kFilter,
    kBind,
    kValues
  };
  Kind kind = Kind::kTriple;
  TriplePattern triple;                        // kTriple
  std::vector<GroupPattern> groups;            // kGroup/kOptional/kMinus: one;
                                               // kUnion: the alternatives
  ExprPtr expr;                                // kFilter, kBind
  int var = -1;                                // kBind
  std::vector<int> values_vars;                // kValues
  std::vector<std::vector<Node>> values_rows;  // var < 0 && term empty: UNDEF
};

// `{ ... }`: its elements in order. FILTERs apply to the whole group.
struct GroupPattern {
  std::vector<GroupElement> elements;
};

struct Aggregate {
  std::string function;  // count sum min max avg sample group_concat
  bool distinct = false;
  bool star = false;  // COUNT(*)
  ExprPtr arg;
  std::string separator = " ";
  int result_var = -1;  // the hidden variable that carries the value
};

struct Query {
  enum class Form { kSelect, kAsk, kConstruct };
  Form form = Form::kSelect;
  bool distinct = false;
  bool select_star = false;

  std::vector<std::string> var_names;  // by number; hidden ones start with '.'
  struct Projection {
    int var = -1;
    ExprPtr expr;  // null for a plain variable
  };
  std::vector<Projection> select;

  GroupPattern where;

  struct GroupKey {
    ExprPtr expr;
    int var = -1;  // the variable that carries the key value
  };
  std::vector<GroupKey> group_by;
  std::vector<Aggregate> aggregates;
  bool grouped = false;  // GROUP BY or an aggregate was used
  std::vector<ExprPtr> having;
  struct OrderKey {
    ExprPtr expr;
    bool descending = false;
  };
  std::vector<OrderKey> order_by;
  int64_t limit = -1;  // -1: none
  int64_t offset = 0;

  std::vector<TriplePattern> construct_template;  // blank nodes: term.is_blank
};

// True for variables a user can see: not the stand-ins for blank nodes
// ("_:b") or for aggregates and group keys (".agg0").
inline bool IsUserVariable(const std::string& name) {
  return !name.empty() && name[0] != '.' && name.rfind("_:", 0) != 0;
}

}  // namespace kg::query

#endif  // KG_QUERY_ALGEBRA_H_
