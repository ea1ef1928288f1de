// The string functions of expressions: CONCAT, LANGMATCHES, STRLANG/STRDT,
// LCASE/UCASE, STRLEN, SUBSTR, CONTAINS, STRSTARTS, STRENDS and REGEX.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "query/expr_eval.h"
#include "query/unicode_case.h"
#include "query/value.h"

namespace kg::query {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

// A literal a string function accepts: simple, xsd:string or language-tagged.
bool IsStringLike(const Term& t) {
  return IsStringLiteral(t) || (t.is_literal() && !t.lang.empty());
}

// A string result keeps the argument's language tag / xsd:string type.
Term LikeArg(const Term& arg, std::string value) {
  Term t = arg;
  t.value = std::move(value);
  return t;
}

// Number of Unicode code points in UTF-8 text.
size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

bool ExprEvaluator::EvalString(const Expr& e, const Row& row, Term* out) {
  const std::string& f = e.op;
  std::vector<Term> args(e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i)
    if (!Evaluate(*e.args[i], row, &args[i])) return false;
  if (f == "concat") {
    std::string s;
    for (const Term& t : args) {
      if (!IsStringLike(t)) return false;
      s += t.value;
    }
    *out = Term::Literal(std::move(s));
    return true;
  }
  const Term& a = args[0];
  if (f == "langmatches") {
    if (!a.is_literal() || !args[1].is_literal()) return false;
    std::string tag = Lower(a.value), range = Lower(args[1].value);
    bool m = range == "*" ? !tag.empty()
                          : (tag == range || tag.rfind(range + "-", 0) == 0);
    *out = BooleanTerm(m);
    return true;
  }
  if (f == "strlang" || f == "strdt") {
    if (!IsStringLiteral(a)) return false;
    *out = f == "strlang" ? Term::LangLiteral(a.value, args[1].value)
                          : Term::Typed(a.value, args[1].value);
    return true;
  }
  if (!IsStringLike(a)) return false;
  if (f == "lcase") {
    *out = LikeArg(a, Utf8ToLower(a.value));
  } else if (f == "ucase") {
    *out = LikeArg(a, Utf8ToUpper(a.value));
  } else if (f == "strlen") {
    *out = Term::Typed(std::to_string(CodePoints(a.value)), XsdIri("integer"));
  } else if (f == "substr") {
    auto start = ToNumeric(args[1]);
    if (!start) return false;
    // Code-point based, 1-indexed.
    std::vector<size_t> offsets;
    for (size_t i = 0; i < a.value.size(); ++i)
      if ((static_cast<unsigned char>(a.value[i]) & 0xC0) != 0x80)
        offsets.push_back(i);
    offsets.push_back(a.value.size());
    long double from = std::round(start->value);
    long double to = offsets.size();
    if (args.size() > 2) {
      auto len = ToNumeric(args[2]);
      if (!len) return false;
      to = from + std::round(len->value);
    }
    long double n = static_cast<long double>(offsets.size() - 1);
    long double b = std::max<long double>(from, 1), en = std::min(to, n + 1);
    std::string s;
    if (en > b)
      s = a.value.substr(offsets[static_cast<size_t>(b) - 1],
                         offsets[static_cast<size_t>(en) - 1] -
                             offsets[static_cast<size_t>(b) - 1]);
    *out = LikeArg(a, std::move(s));
  } else {
    // Two-argument string tests and regex.
    const Term& b = args[1];
    if (!IsStringLike(b)) return false;
    if (!b.lang.empty() && b.lang != a.lang) return false;
    bool r;
    if (f == "contains") {
      r = a.value.find(b.value) != std::string::npos;
    } else if (f == "strstarts") {
      r = a.value.rfind(b.value, 0) == 0;
    } else if (f == "strends") {
      r = a.value.size() >= b.value.size() &&
          a.value.compare(a.value.size() - b.value.size(), b.value.size(),
                          b.value) == 0;
    } else if (f == "regex") {
      std::string flags = args.size() > 2 ? args[2].value : "";
      const std::regex* re = Regex(b.value, flags);
      if (!re) return false;
      r = std::regex_search(a.value, *re);
    } else {
      return false;
    }
    *out = BooleanTerm(r);
  }
  return true;
}

}  // namespace kg::query
