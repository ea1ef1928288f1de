// Expressions: logical, relational, arithmetic, function calls, EXISTS and
// aggregates (the latter only in SELECT, HAVING and ORDER BY).
#include <algorithm>
#include <cctype>

#include "query/parser_impl.h"

namespace kg::query {
namespace {

ExprPtr Binary(Expr::Kind kind, std::string op, ExprPtr a, ExprPtr b) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->op = std::move(op);
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Functions this engine evaluates, with their arity range.
struct FunctionSpec {
  const char* name;
  int min_args, max_args;
};
constexpr FunctionSpec kFunctions[] = {
    {"regex", 2, 3},     {"contains", 2, 2},    {"strstarts", 2, 2},
    {"strends", 2, 2},   {"lcase", 1, 1},       {"ucase", 1, 1},
    {"str", 1, 1},       {"lang", 1, 1},        {"datatype", 1, 1},
    {"bound", 1, 1},     {"isiri", 1, 1},       {"isuri", 1, 1},
    {"isliteral", 1, 1}, {"isblank", 1, 1},     {"isnumeric", 1, 1},
    {"strlen", 1, 1},    {"langmatches", 2, 2}, {"sameterm", 2, 2},
    {"if", 3, 3},        {"coalesce", 1, 64},   {"abs", 1, 1},
    {"concat", 0, 64},   {"iri", 1, 1},         {"uri", 1, 1},
    {"substr", 2, 3},    {"strlang", 2, 2},     {"strdt", 2, 2},
    {"round", 1, 1},     {"ceil", 1, 1},        {"floor", 1, 1},
};
constexpr const char* kAggregates[] = {"count", "sum",    "min",         "max",
                                       "avg",   "sample", "group_concat"};

}  // namespace

ExprPtr Parser::ParseExpression() {
  DepthGuard guard(&depth_);
  if (!Enter()) return nullptr;
  ExprPtr left = ParseAnd();
  while (left && AcceptPunct("||")) {
    ExprPtr right = ParseAnd();
    if (!right) return nullptr;
    left = Binary(Expr::Kind::kOr, "||", std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseAnd() {
  ExprPtr left = ParseRelational();
  while (left && AcceptPunct("&&")) {
    ExprPtr right = ParseRelational();
    if (!right) return nullptr;
    left = Binary(Expr::Kind::kAnd, "&&", std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseRelational() {
  ExprPtr left = ParseAdditive();
  if (!left) return nullptr;
  static constexpr const char* kOps[] = {"=", "!=", "<", ">", "<=", ">="};
  for (const char* op : kOps) {
    if (AcceptPunct(op)) {
      ExprPtr right = ParseAdditive();
      if (!right) return nullptr;
      return Binary(Expr::Kind::kCompare, op, std::move(left),
                    std::move(right));
    }
  }
  bool negated = false;
  if (IsKeyword("NOT") && PeekTok().kind == TokenKind::kName &&
      Lower(PeekTok().text) == "in") {
    negated = true;
    ++pos_;
  }
  if (AcceptKeyword("IN")) {
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::kIn;
    e->op = negated ? "not" : "";
    e->args.push_back(std::move(left));
    if (!ExpectPunct("(")) return nullptr;
    if (!IsPunct(")")) {
      do {
        ExprPtr item = ParseExpression();
        if (!item) return nullptr;
        e->args.push_back(std::move(item));
      } while (AcceptPunct(","));
    }
    if (!ExpectPunct(")")) return nullptr;
    return e;
  }
  return left;
}

ExprPtr Parser::ParseAdditive() {
  ExprPtr left = ParseMultiplicative();
  while (left && (IsPunct("+") || IsPunct("-"))) {
    std::string op = Cur().text;
    ++pos_;
    ExprPtr right = ParseMultiplicative();
    if (!right) return nullptr;
    left = Binary(Expr::Kind::kArith, op, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseMultiplicative() {
  ExprPtr left = ParseUnary();
  while (left && (IsPunct("*") || IsPunct("/"))) {
    std::string op = Cur().text;
    ++pos_;
    ExprPtr right = ParseUnary();
    if (!right) return nullptr;
    left = Binary(Expr::Kind::kArith, op, std::move(left), std::move(right));
  }
  return left;
}

ExprPtr Parser::ParseUnary() {
  DepthGuard guard(&depth_);
  if (!Enter()) return nullptr;
  if (AcceptPunct("!")) {
    ExprPtr arg = ParseUnary();
    if (!arg) return nullptr;
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::kNot;
    e->args.push_back(std::move(arg));
    return e;
  }
  if (AcceptPunct("-")) {
    ExprPtr arg = ParseUnary();
    if (!arg) return nullptr;
    auto e = std::make_unique<Expr>();
    e->kind = Expr::Kind::kNegate;
    e->args.push_back(std::move(arg));
    return e;
  }
  AcceptPunct("+");
  return ParsePrimary();
}

ExprPtr Parser::ParseBracketted() {
  if (!ExpectPunct("(")) return nullptr;
  ExprPtr e = ParseExpression();
  if (!e || !ExpectPunct(")")) return nullptr;
  return e;
}

ExprPtr Parser::ParseConstraint() {
  if (IsPunct("(")) return ParseBracketted();
  if (Cur().kind == TokenKind::kName || Cur().kind == TokenKind::kIri ||
      Cur().kind == TokenKind::kPrefixed) {
    ExprPtr e = ParsePrimary();
    if (e && e->kind != Expr::Kind::kCall && e->kind != Expr::Kind::kExists &&
        e->kind != Expr::Kind::kVar) {
      Fail("'(' or a function call");
      return nullptr;
    }
    return e;
  }
  Fail("'(' or a function call");
  return nullptr;
}

ExprPtr Parser::ParsePrimary() {
  const Token& t = Cur();
  auto e = std::make_unique<Expr>();
  if (IsPunct("(")) return ParseBracketted();
  if (t.kind == TokenKind::kVar) {
    e->kind = Expr::Kind::kVar;
    e->var = VarIndex(t.text);
    ++pos_;
    return e;
  }
  if (t.kind == TokenKind::kIri || t.kind == TokenKind::kPrefixed) {
    std::string iri;
    if (!ParseIri(&iri)) return nullptr;
    if (IsPunct("(")) return ParseCall(iri);  // a cast such as xsd:integer(?x)
    e->kind = Expr::Kind::kConst;
    e->value = Term::Iri(std::move(iri));
    return e;
  }
  if (t.kind == TokenKind::kName && !IsKeyword("true") && !IsKeyword("false")) {
    std::string name = Lower(t.text);
    if (name == "not" || name == "exists") {
      ++pos_;
      bool negated = name == "not";
      if (negated && !ExpectKeyword("EXISTS")) return nullptr;
      e->kind = Expr::Kind::kExists;
      e->op = negated ? "not" : "";
      e->pattern = std::make_unique<GroupPattern>();
      bool saved = allow_aggregates_;
      allow_aggregates_ = false;
      if (!ParseGroupPattern(e->pattern.get())) return nullptr;
      allow_aggregates_ = saved;
      return e;
    }
    ++pos_;
    if (!IsPunct("(")) {
      Fail("'(' after " + t.text);
      return nullptr;
    }
    for (const char* agg : kAggregates)
      if (name == agg) return ParseAggregate(name);
    return ParseCall(name);
  }
  Term lit;
  if (!ParseLiteral(&lit)) return nullptr;
  e->kind = Expr::Kind::kConst;
  e->value = std::move(lit);
  return e;
}

ExprPtr Parser::ParseCall(const std::string& name) {
  auto e = std::make_unique<Expr>();
  e->kind = Expr::Kind::kCall;
  e->op = name;
  const size_t name_pos = pos_ - 1;
  const Token name_token = tokens_[name_pos];
  if (!ExpectPunct("(")) return nullptr;
  if (!IsPunct(")")) {
    do {
      ExprPtr arg = ParseExpression();
      if (!arg) return nullptr;
      e->args.push_back(std::move(arg));
    } while (AcceptPunct(","));
  }
  if (!ExpectPunct(")")) return nullptr;
  int n = static_cast<int>(e->args.size());
  bool is_iri = name.find(':') != std::string::npos;
  if (is_iri) {
    if (n != 1) {
      Fail("one argument for a cast to <" + name + ">");
      return nullptr;
    }
    return e;
  }
  for (const FunctionSpec& f : kFunctions) {
    if (name == f.name) {
      if (n < f.min_args || n > f.max_args) {
        Fail(std::to_string(f.min_args) +
             (f.max_args != f.min_args ? "+" : "") + " argument(s) for " +
             name_token.text);
        return nullptr;
      }
      if (name == "bound" && e->args[0]->kind != Expr::Kind::kVar) {
        Fail("a variable in BOUND");
        return nullptr;
      }
      return e;
    }
  }
  pos_ = name_pos;  // point the error at the function name
  Fail("a known function (" + name_token.text + " is not supported)");
  return nullptr;
}

ExprPtr Parser::ParseAggregate(const std::string& name) {
  if (!allow_aggregates_) {
    Fail(
        "an expression (aggregates are allowed only in SELECT, HAVING and "
        "ORDER BY)");
    return nullptr;
  }
  Aggregate agg;
  agg.function = name;
  if (!ExpectPunct("(")) return nullptr;
  agg.distinct = AcceptKeyword("DISTINCT");
  if (name == "count" && AcceptPunct("*")) {
    agg.star = true;
  } else {
    allow_aggregates_ = false;
    agg.arg = ParseExpression();
    allow_aggregates_ = true;
    if (!agg.arg) return nullptr;
  }
  if (name == "group_concat" && AcceptPunct(";")) {
    if (!ExpectKeyword("SEPARATOR") || !ExpectPunct("=")) return nullptr;
    if (Cur().kind != TokenKind::kString) {
      Fail("a string");
      return nullptr;
    }
    agg.separator = Cur().text;
    ++pos_;
  }
  if (!ExpectPunct(")")) return nullptr;
  agg.result_var = NewHiddenVar(".agg");
  auto e = std::make_unique<Expr>();
  e->kind = Expr::Kind::kVar;
  e->var = agg.result_var;
  query_.aggregates.push_back(std::move(agg));
  return e;
}

}  // namespace kg::query
