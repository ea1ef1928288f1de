#include "query/expr_eval.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "query/value.h"

namespace kg::query {

bool ExprEvaluator::Test(const Expr& e, const Row& row) {
  Term v;
  if (!Evaluate(e, row, &v)) return false;
  auto b = EffectiveBoolean(v);
  return b.value_or(false);
}

bool ExprEvaluator::Evaluate(const Expr& e, const Row& row, Term* out) {
  switch (e.kind) {
    case Expr::Kind::kConst:
      *out = e.value;
      return true;
    case Expr::Kind::kVar: {
      if (e.var < 0 || static_cast<size_t>(e.var) >= row.size() ||
          row[e.var] == kNoTerm)
        return false;
      const Term* t = ctx_->Resolve(row[e.var]);
      if (!t) return false;
      *out = *t;
      return true;
    }
    case Expr::Kind::kOr:
    case Expr::Kind::kAnd: {
      // SPARQL's three-valued logic: an error on one side is absorbed when
      // the other side decides the result.
      Term a, b;
      std::optional<bool> va, vb;
      if (Evaluate(*e.args[0], row, &a)) va = EffectiveBoolean(a);
      bool is_or = e.kind == Expr::Kind::kOr;
      if (va && *va == is_or) {
        *out = BooleanTerm(is_or);
        return true;
      }
      if (Evaluate(*e.args[1], row, &b)) vb = EffectiveBoolean(b);
      if (vb && *vb == is_or) {
        *out = BooleanTerm(is_or);
        return true;
      }
      if (!va || !vb) return false;
      *out = BooleanTerm(!is_or);
      return true;
    }
    case Expr::Kind::kNot: {
      Term a;
      if (!Evaluate(*e.args[0], row, &a)) return false;
      auto b = EffectiveBoolean(a);
      if (!b) return false;
      *out = BooleanTerm(!*b);
      return true;
    }
    case Expr::Kind::kCompare: {
      Term a, b;
      if (!Evaluate(*e.args[0], row, &a) || !Evaluate(*e.args[1], row, &b))
        return false;
      const std::string& op = e.op;
      if (op == "=" || op == "!=") {
        auto eq = ValueEquals(a, b);
        if (!eq) return false;
        *out = BooleanTerm(op == "=" ? *eq : !*eq);
        return true;
      }
      auto c = ValueCompare(a, b);
      if (!c) return false;
      bool r = op == "<"    ? *c < 0
               : op == ">"  ? *c > 0
               : op == "<=" ? *c <= 0
                            : *c >= 0;
      *out = BooleanTerm(r);
      return true;
    }
    case Expr::Kind::kArith: {
      Term a, b;
      if (!Evaluate(*e.args[0], row, &a) || !Evaluate(*e.args[1], row, &b))
        return false;
      auto na = ToNumeric(a), nb = ToNumeric(b);
      if (!na || !nb) return false;
      auto r = Arithmetic(e.op[0], *na, *nb);
      if (!r) return false;
      *out = FromNumeric(*r);
      return true;
    }
    case Expr::Kind::kNegate: {
      Term a;
      if (!Evaluate(*e.args[0], row, &a)) return false;
      auto n = ToNumeric(a);
      if (!n) return false;
      n->value = -n->value;
      *out = FromNumeric(*n);
      return true;
    }
    case Expr::Kind::kIn: {
      Term a;
      if (!Evaluate(*e.args[0], row, &a)) return false;
      bool negated = e.op == "not", error = false;
      for (size_t i = 1; i < e.args.size(); ++i) {
        Term b;
        if (!Evaluate(*e.args[i], row, &b)) {
          error = true;
          continue;
        }
        auto eq = ValueEquals(a, b);
        if (!eq) {
          error = true;
        } else if (*eq) {
          *out = BooleanTerm(!negated);
          return true;
        }
      }
      if (error) return false;
      *out = BooleanTerm(negated);
      return true;
    }
    case Expr::Kind::kExists: {
      bool found = exists_(e, row);
      if (!ctx_->ok()) return false;
      *out = BooleanTerm(e.op == "not" ? !found : found);
      return true;
    }
    case Expr::Kind::kCall:
      return EvalCall(e, row, out);
  }
  return false;
}

const std::regex* ExprEvaluator::Regex(const std::string& pattern,
                                       const std::string& flags) {
  std::string key = flags + '\x01' + pattern;
  auto it = regexes_.find(key);
  if (it != regexes_.end()) return it->second.get();
  auto options = std::regex::ECMAScript;
  for (char f : flags) {
    if (f == 'i') {
      options |= std::regex::icase;
    } else if (f != 's' && f != 'm' && f != 'x' && f != 'q') {
      return nullptr;
    }
  }
  std::unique_ptr<std::regex> re;
  try {
    re = std::make_unique<std::regex>(pattern, options);
  } catch (const std::regex_error&) {
    re = nullptr;  // an invalid pattern is an evaluation error
  }
  return regexes_.emplace(key, std::move(re)).first->second.get();
}

bool ExprEvaluator::EvalCall(const Expr& e, const Row& row, Term* out) {
  const std::string& f = e.op;
  if (f == "bound") {
    int v = e.args[0]->var;
    *out = BooleanTerm(v >= 0 && row[v] != kNoTerm);
    return true;
  }
  if (f == "if") {
    Term c;
    if (!Evaluate(*e.args[0], row, &c)) return false;
    auto b = EffectiveBoolean(c);
    if (!b) return false;
    return Evaluate(*e.args[*b ? 1 : 2], row, out);
  }
  if (f == "coalesce") {
    for (const ExprPtr& a : e.args)
      if (Evaluate(*a, row, out)) return true;
    return false;
  }
  std::vector<Term> args(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i)
    if (!Evaluate(*e.args[i], row, &args[i])) return false;
  const Term& a = args.empty() ? *out : args[0];

  if (f == "isiri" || f == "isuri") {
    *out = BooleanTerm(a.is_iri());
  } else if (f == "isliteral") {
    *out = BooleanTerm(a.is_literal());
  } else if (f == "isblank") {
    *out = BooleanTerm(a.is_blank());
  } else if (f == "isnumeric") {
    *out = BooleanTerm(ToNumeric(a).has_value());
  } else if (f == "sameterm") {
    *out = BooleanTerm(a == args[1]);
  } else if (f == "str") {
    if (a.is_blank()) return false;
    *out = Term::Literal(a.value);
  } else if (f == "lang") {
    if (!a.is_literal()) return false;
    *out = Term::Literal(a.lang);
  } else if (f == "datatype") {
    if (!a.is_literal()) return false;
    *out = Term::Iri(!a.lang.empty()      ? std::string(kRdfNs) + "langString"
                     : a.datatype.empty() ? XsdIri("string")
                                          : a.datatype);
  } else if (f == "iri" || f == "uri") {
    if (a.is_blank()) return false;
    *out = Term::Iri(a.value);
  } else if (f == "abs" || f == "round" || f == "ceil" || f == "floor") {
    auto n = ToNumeric(a);
    if (!n) return false;
    n->value = f == "abs"     ? std::fabs(n->value)
               : f == "ceil"  ? std::ceil(n->value)
               : f == "floor" ? std::floor(n->value)
                              : std::floor(n->value + 0.5L);
    *out = FromNumeric(*n);
  } else if (f.find(':') != std::string::npos) {
    // Casts: xsd:integer(?x) etc. over the lexical form.
    if (a.is_blank()) return false;
    Term cast = Term::Typed(a.value, f);
    if (f == XsdIri("string")) cast = Term::Literal(a.value);
    if (f == XsdIri("boolean")) {
      auto b = EffectiveBoolean(a);
      if (!b) return false;
      cast = BooleanTerm(*b);
    } else if (ToNumeric(a) && ToNumeric(cast) == std::nullopt &&
               f == XsdIri("integer")) {
      Numeric n = *ToNumeric(a);
      n.kind = NumericKind::kInteger;
      n.value = std::trunc(n.value);
      cast = FromNumeric(n);
    } else if ((f == XsdIri("integer") || f == XsdIri("decimal") ||
                f == XsdIri("double") || f == XsdIri("float")) &&
               !ToNumeric(cast)) {
      return false;
    }
    *out = std::move(cast);
  } else {
    return EvalString(e, row, out) && true;
  }
  return true;
}

}  // namespace kg::query
