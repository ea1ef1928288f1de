// Private to the parser: the recursive-descent parser class whose methods are
// split over parser.cc (query forms, modifiers), parser_pattern.cc (group
// patterns, triples, paths, terms) and parser_expr.cc (expressions).
// Errors are recorded once (the first wins) and unwind through false/null
// returns.
#ifndef KG_QUERY_PARSER_IMPL_H_
#define KG_QUERY_PARSER_IMPL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "query/algebra.h"
#include "query/lexer.h"
#include "storage/status.h"

namespace kg::query {

class Parser {
 public:
  explicit Parser(std::string_view text);
  StatusOr<Query> Run();

 private:
  // Tokens.
  const Token& Cur() const { return tokens_[pos_]; }
  const Token& PeekTok(size_t ahead = 1) const;
  bool IsPunct(std::string_view p) const;
  bool IsKeyword(std::string_view k) const;  // case-insensitive kName
  bool AcceptPunct(std::string_view p);
  bool AcceptKeyword(std::string_view k);
  bool ExpectPunct(std::string_view p);
  bool ExpectKeyword(std::string_view k);
  bool Fail(std::string expected);  // records the error; returns false
  bool failed() const { return !error_.ok(); }

  // parser.cc
  bool ParsePrologue();
  bool ParseSelectClause();
  bool ParseConstructTemplate();
  bool ParseWhere();
  bool ParseSolutionModifiers();
  bool ParseValuesClause(GroupElement* el);
  int VarIndex(const std::string& name);
  int NewHiddenVar(const std::string& prefix);

  // parser_pattern.cc
  bool ParseGroupPattern(GroupPattern* group);
  bool ParseTriplesBlock(GroupPattern* group);
  bool StartsTriples() const;
  bool ParsePropertyList(const Node& subject, GroupPattern* group);
  bool ParseGraphNode(Node* node, GroupPattern* group);
  bool ParseTermOrVar(Node* node);  // var, IRI, literal, blank
  PathPtr ParsePath();
  PathPtr ParsePathSequence();
  PathPtr ParsePathElt();
  PathPtr ParsePathPrimary();
  bool ParseIri(std::string* iri);  // IRI or prefixed name
  bool ParseLiteral(Term* term);
  std::string ResolveIri(const std::string& rel) const;

  // parser_expr.cc
  ExprPtr ParseExpression();
  ExprPtr ParseAnd();
  ExprPtr ParseRelational();
  ExprPtr ParseAdditive();
  ExprPtr ParseMultiplicative();
  ExprPtr ParseUnary();
  ExprPtr ParsePrimary();
  ExprPtr ParseBracketted();
  ExprPtr ParseCall(const std::string& name);
  ExprPtr ParseAggregate(const std::string& name);
  ExprPtr ParseConstraint();  // bracketted expression or function call

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  Status error_;
  Query query_;
  std::map<std::string, std::string> prefixes_;
  std::string base_;
  std::map<std::string, int> vars_;
  bool in_template_ = false;  // blank nodes are terms, not variables
  bool allow_aggregates_ = false;
  int fresh_ = 0;
  int depth_ = 0;  // nesting of groups, brackets and paths
  // Bounds the recursion so hostile input cannot overflow the stack.
  bool Enter();
  struct DepthGuard {
    explicit DepthGuard(int* d) : depth(d) { ++*depth; }
    ~DepthGuard() { --*depth; }
    int* depth;
  };
};

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_IMPL_H_
