#include "query/parser.h"

#include <algorithm>
#include <cctype>

#include "query/parser_impl.h"

namespace kg::query {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

Parser::Parser(std::string_view text) : tokens_(Tokenize(text)) {
  prefixes_["rdf:"] = std::string(kRdfNs);
  prefixes_["rdfs:"] = std::string(kRdfsNs);
  prefixes_["xsd:"] = std::string(kXsdNs);
  prefixes_["kg:"] = std::string(kDefaultBaseIri);
  base_ = std::string(kDefaultBaseIri);
}

const Token& Parser::PeekTok(size_t ahead) const {
  size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
  return tokens_[i];
}

bool Parser::IsPunct(std::string_view p) const {
  return Cur().kind == TokenKind::kPunct && Cur().text == p;
}

bool Parser::IsKeyword(std::string_view k) const {
  return Cur().kind == TokenKind::kName && EqualsIgnoreCase(Cur().text, k);
}

bool Parser::AcceptPunct(std::string_view p) {
  if (!IsPunct(p)) return false;
  ++pos_;
  return true;
}

bool Parser::AcceptKeyword(std::string_view k) {
  if (!IsKeyword(k)) return false;
  ++pos_;
  return true;
}

bool Parser::ExpectPunct(std::string_view p) {
  if (AcceptPunct(p)) return true;
  std::string quoted(1, '\'');
  quoted.append(p);
  quoted.push_back('\'');
  return Fail(quoted);
}

bool Parser::ExpectKeyword(std::string_view k) {
  return AcceptKeyword(k) || Fail(std::string(k));
}

bool Parser::Fail(std::string expected) {
  if (error_.ok()) {
    const Token& t = Cur();
    std::string msg = "line " + std::to_string(t.line) + ", column " +
                      std::to_string(t.column) + ": ";
    if (t.kind == TokenKind::kError) {
      msg += t.text;
    } else {
      msg += "expected " + expected + ", found " + DescribeToken(t);
    }
    error_ = Status::InvalidArgument(msg);
  }
  return false;
}

bool Parser::Enter() {
  constexpr int kMaxDepth = 200;
  if (depth_ <= kMaxDepth) return true;
  return Fail("less nesting (more than 200 levels)");
}

int Parser::VarIndex(const std::string& name) {
  auto it = vars_.find(name);
  if (it != vars_.end()) return it->second;
  int index = static_cast<int>(query_.var_names.size());
  query_.var_names.push_back(name);
  vars_[name] = index;
  return index;
}

int Parser::NewHiddenVar(const std::string& prefix) {
  return VarIndex(prefix + std::to_string(fresh_++));
}

StatusOr<Query> Parser::Run() {
  if (!ParsePrologue()) return error_;
  if (AcceptKeyword("SELECT")) {
    query_.form = Query::Form::kSelect;
    if (!ParseSelectClause()) return error_;
  } else if (AcceptKeyword("ASK")) {
    query_.form = Query::Form::kAsk;
  } else if (AcceptKeyword("CONSTRUCT")) {
    query_.form = Query::Form::kConstruct;
    if (IsKeyword("WHERE")) {
      // CONSTRUCT WHERE { triples }: the pattern is also the template.
      ++pos_;
      if (!ParseGroupPattern(&query_.where)) return error_;
      for (const GroupElement& el : query_.where.elements) {
        if (el.kind != GroupElement::Kind::kTriple || el.triple.path) {
          Fail("only triple patterns in CONSTRUCT WHERE");
          return error_;
        }
        TriplePattern t;
        t.s = el.triple.s;
        t.p = el.triple.p;
        t.o = el.triple.o;
        query_.construct_template.push_back(std::move(t));
      }
      if (!ParseSolutionModifiers()) return error_;
      if (Cur().kind != TokenKind::kEnd) Fail("end of query");
      if (failed()) return error_;
      return std::move(query_);
    }
    if (!ParseConstructTemplate()) return error_;
  } else {
    Fail("SELECT, ASK or CONSTRUCT");
    return error_;
  }
  while (AcceptKeyword("FROM")) {
    Fail("a query without FROM (the store has one default graph)");
    return error_;
  }
  if (!ParseWhere() || !ParseSolutionModifiers()) return error_;
  if (IsKeyword("VALUES")) {
    ++pos_;
    GroupElement el;
    if (!ParseValuesClause(&el)) return error_;
    query_.where.elements.push_back(std::move(el));
  }
  if (Cur().kind != TokenKind::kEnd) {
    Fail("end of query");
    return error_;
  }
  if (!query_.aggregates.empty() || !query_.group_by.empty())
    query_.grouped = true;
  if (query_.select_star) {
    for (size_t i = 0; i < query_.var_names.size(); ++i) {
      if (IsUserVariable(query_.var_names[i])) {
        Query::Projection p;
        p.var = static_cast<int>(i);
        query_.select.push_back(std::move(p));
      }
    }
  }
  return std::move(query_);
}

bool Parser::ParsePrologue() {
  while (true) {
    if (AcceptKeyword("BASE")) {
      if (Cur().kind != TokenKind::kIri) return Fail("an IRI");
      base_ = ResolveIri(Cur().text);
      ++pos_;
    } else if (AcceptKeyword("PREFIX")) {
      if (Cur().kind != TokenKind::kPrefixed || Cur().text.back() != ':' ||
          Cur().text.find(':') != Cur().text.size() - 1)
        return Fail("a prefix name ending in ':'");
      std::string name = Cur().text;
      ++pos_;
      if (Cur().kind != TokenKind::kIri) return Fail("an IRI");
      prefixes_[name] = ResolveIri(Cur().text);
      ++pos_;
    } else {
      return !failed();
    }
  }
}

bool Parser::ParseSelectClause() {
  if (AcceptKeyword("DISTINCT")) {
    query_.distinct = true;
  } else {
    AcceptKeyword("REDUCED");
  }
  if (AcceptPunct("*")) {
    query_.select_star = true;
    return true;
  }
  while (true) {
    if (Cur().kind == TokenKind::kVar) {
      Query::Projection p;
      p.var = VarIndex(Cur().text);
      ++pos_;
      query_.select.push_back(std::move(p));
    } else if (AcceptPunct("(")) {
      allow_aggregates_ = true;
      ExprPtr e = ParseExpression();
      allow_aggregates_ = false;
      if (!e) return false;
      if (!ExpectKeyword("AS")) return false;
      if (Cur().kind != TokenKind::kVar) return Fail("a variable");
      Query::Projection p;
      p.var = VarIndex(Cur().text);
      p.expr = std::move(e);
      ++pos_;
      if (!ExpectPunct(")")) return false;
      query_.select.push_back(std::move(p));
    } else {
      break;
    }
  }
  if (query_.select.empty()) return Fail("a variable, '(' or '*'");
  return true;
}

bool Parser::ParseConstructTemplate() {
  if (!ExpectPunct("{")) return false;
  GroupPattern tmpl;
  in_template_ = true;
  while (!IsPunct("}")) {
    if (!StartsTriples()) return Fail("a triple or '}'");
    if (!ParseTriplesBlock(&tmpl)) return false;
    if (!AcceptPunct(".")) break;
  }
  in_template_ = false;
  if (!ExpectPunct("}")) return false;
  for (GroupElement& el : tmpl.elements) {
    if (el.triple.path) return Fail("a simple predicate in the template");
    query_.construct_template.push_back(std::move(el.triple));
  }
  return true;
}

bool Parser::ParseWhere() {
  AcceptKeyword("WHERE");
  return ParseGroupPattern(&query_.where);
}

bool Parser::ParseSolutionModifiers() {
  if (AcceptKeyword("GROUP")) {
    if (!ExpectKeyword("BY")) return false;
    do {
      Query::GroupKey key;
      if (Cur().kind == TokenKind::kVar) {
        key.var = VarIndex(Cur().text);
        key.expr = std::make_unique<Expr>();
        key.expr->kind = Expr::Kind::kVar;
        key.expr->var = key.var;
        ++pos_;
      } else if (AcceptPunct("(")) {
        key.expr = ParseExpression();
        if (!key.expr) return false;
        if (AcceptKeyword("AS")) {
          if (Cur().kind != TokenKind::kVar) return Fail("a variable");
          key.var = VarIndex(Cur().text);
          ++pos_;
        } else if (key.expr->kind == Expr::Kind::kVar) {
          key.var = key.expr->var;
        } else {
          key.var = NewHiddenVar(".key");
        }
        if (!ExpectPunct(")")) return false;
      } else if (Cur().kind == TokenKind::kName ||
                 Cur().kind == TokenKind::kIri ||
                 Cur().kind == TokenKind::kPrefixed) {
        key.expr = ParsePrimary();
        if (!key.expr) return false;
        key.var = NewHiddenVar(".key");
      } else {
        return Fail("a variable or '(' after GROUP BY");
      }
      query_.group_by.push_back(std::move(key));
    } while (Cur().kind == TokenKind::kVar || IsPunct("("));
  }
  if (AcceptKeyword("HAVING")) {
    allow_aggregates_ = true;
    do {
      ExprPtr e = ParseConstraint();
      if (!e) return false;
      query_.having.push_back(std::move(e));
    } while (IsPunct("(") || (Cur().kind == TokenKind::kName &&
                              !IsKeyword("ORDER") && !IsKeyword("LIMIT") &&
                              !IsKeyword("OFFSET") && !IsKeyword("VALUES")));
    allow_aggregates_ = false;
  }
  if (AcceptKeyword("ORDER")) {
    if (!ExpectKeyword("BY")) return false;
    allow_aggregates_ = true;
    do {
      Query::OrderKey key;
      if (AcceptKeyword("ASC") ||
          (IsKeyword("DESC") && (key.descending = true) &&
           AcceptKeyword("DESC"))) {
        key.expr = ParseBracketted();
      } else if (Cur().kind == TokenKind::kVar) {
        key.expr = ParsePrimary();
      } else {
        key.expr = ParseConstraint();
      }
      if (!key.expr) return false;
      query_.order_by.push_back(std::move(key));
    } while (Cur().kind == TokenKind::kVar || IsPunct("(") ||
             (Cur().kind == TokenKind::kName && !IsKeyword("LIMIT") &&
              !IsKeyword("OFFSET") && !IsKeyword("VALUES")));
    allow_aggregates_ = false;
  }
  for (int i = 0; i < 2; ++i) {
    bool is_limit = IsKeyword("LIMIT");
    if (!is_limit && !IsKeyword("OFFSET")) break;
    ++pos_;
    if (Cur().kind != TokenKind::kInteger) return Fail("an integer");
    int64_t n = 0;
    try {
      n = std::stoll(Cur().text);
    } catch (...) {
      return Fail("an integer that fits in 64 bits");
    }
    (is_limit ? query_.limit : query_.offset) = n;
    ++pos_;
  }
  return !failed();
}

bool Parser::ParseValuesClause(GroupElement* el) {
  el->kind = GroupElement::Kind::kValues;
  bool single = false;
  if (Cur().kind == TokenKind::kVar) {
    single = true;
    el->values_vars.push_back(VarIndex(Cur().text));
    ++pos_;
  } else {
    if (!ExpectPunct("(")) return false;
    while (Cur().kind == TokenKind::kVar) {
      el->values_vars.push_back(VarIndex(Cur().text));
      ++pos_;
    }
    if (!ExpectPunct(")")) return false;
  }
  if (!ExpectPunct("{")) return false;
  while (!AcceptPunct("}")) {
    if (!single && !ExpectPunct("(")) return false;
    std::vector<Node> row;
    for (size_t i = 0; i < el->values_vars.size(); ++i) {
      Node n;
      if (AcceptKeyword("UNDEF")) {
        n.term = Term{};
      } else if (Cur().kind == TokenKind::kVar ||
                 Cur().kind == TokenKind::kBlank || !ParseTermOrVar(&n) ||
                 n.is_var()) {
        return Fail("a constant or UNDEF");
      }
      row.push_back(std::move(n));
      if (single) break;
    }
    if (!single && !ExpectPunct(")")) return false;
    el->values_rows.push_back(std::move(row));
  }
  return true;
}

StatusOr<Query> ParseQuery(std::string_view text) { return Parser(text).Run(); }

}  // namespace kg::query
