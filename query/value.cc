#include "query/value.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace kg::query {
namespace {

constexpr std::string_view kIntegerTypes[] = {"integer",
                                              "int",
                                              "long",
                                              "short",
                                              "byte",
                                              "nonNegativeInteger",
                                              "positiveInteger",
                                              "nonPositiveInteger",
                                              "negativeInteger",
                                              "unsignedLong",
                                              "unsignedInt",
                                              "unsignedShort",
                                              "unsignedByte"};

bool LocalOf(const std::string& datatype, std::string_view* local) {
  if (datatype.size() <= kXsdNs.size() ||
      datatype.compare(0, kXsdNs.size(), kXsdNs) != 0)
    return false;
  *local = std::string_view(datatype).substr(kXsdNs.size());
  return true;
}

bool ValidDecimal(const std::string& s, bool allow_point) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool digits = false, point = false;
  for (; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      digits = true;
    } else if (s[i] == '.' && allow_point && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::string TrimDecimal(std::string s) {
  size_t dot = s.find('.');
  if (dot == std::string::npos) return s + ".0";
  while (s.size() > dot + 2 && s.back() == '0') s.pop_back();
  return s;
}

bool SameType(const Term& a, const Term& b) { return a.datatype == b.datatype; }

}  // namespace

std::string XsdIri(const char* local) { return std::string(kXsdNs) + local; }

std::optional<Numeric> ToNumeric(const Term& t) {
  if (!t.is_literal() || !t.lang.empty()) return std::nullopt;
  std::string_view local;
  if (!LocalOf(t.datatype, &local)) return std::nullopt;
  Numeric n;
  const std::string& s = t.value;
  if (local == "decimal") {
    if (!ValidDecimal(s, true)) return std::nullopt;
    n.kind = NumericKind::kDecimal;
  } else if (local == "double" || local == "float") {
    n.kind = local == "double" ? NumericKind::kDouble : NumericKind::kFloat;
    if (s == "INF" || s == "+INF") {
      n.value = INFINITY;
      return n;
    }
    if (s == "-INF") {
      n.value = -INFINITY;
      return n;
    }
    if (s == "NaN") {
      n.value = NAN;
      return n;
    }
    char* end = nullptr;
    n.value = std::strtold(s.c_str(), &end);
    if (s.empty() || *end != '\0' ||
        std::isspace(static_cast<unsigned char>(s[0])))
      return std::nullopt;
    return n;
  } else {
    bool integer = false;
    for (std::string_view it : kIntegerTypes) integer |= local == it;
    if (!integer || !ValidDecimal(s, false)) return std::nullopt;
    n.kind = NumericKind::kInteger;
  }
  n.value = std::strtold(s.c_str(), nullptr);
  return n;
}

Term FromNumeric(const Numeric& n) {
  char buf[64];
  switch (n.kind) {
    case NumericKind::kInteger:
      std::snprintf(buf, sizeof buf, "%.0Lf", n.value);
      return Term::Typed(buf, XsdIri("integer"));
    case NumericKind::kDecimal: {
      std::snprintf(buf, sizeof buf, "%.15Lf", n.value);
      std::string s = TrimDecimal(buf);
      if (s == "-0.0") s = "0.0";
      return Term::Typed(s, XsdIri("decimal"));
    }
    case NumericKind::kFloat:
    case NumericKind::kDouble: {
      if (std::isnan(n.value)) return Term::Typed("NaN", XsdIri("double"));
      if (std::isinf(n.value))
        return Term::Typed(n.value > 0 ? "INF" : "-INF", XsdIri("double"));
      std::snprintf(buf, sizeof buf, "%.17Lg", n.value);
      std::string s = buf;
      if (s.find_first_of(".e") == std::string::npos) s += ".0";
      if (s.find('e') == std::string::npos) s += "e0";
      return Term::Typed(
          s, XsdIri(n.kind == NumericKind::kFloat ? "float" : "double"));
    }
  }
  return Term::Typed("0", XsdIri("integer"));
}

std::optional<Numeric> Arithmetic(char op, const Numeric& a, const Numeric& b) {
  Numeric r;
  r.kind = a.kind > b.kind ? a.kind : b.kind;
  switch (op) {
    case '+':
      r.value = a.value + b.value;
      break;
    case '-':
      r.value = a.value - b.value;
      break;
    case '*':
      r.value = a.value * b.value;
      break;
    case '/':
      if (r.kind == NumericKind::kInteger) r.kind = NumericKind::kDecimal;
      if (b.value == 0 && r.kind == NumericKind::kDecimal) return std::nullopt;
      r.value = a.value / b.value;
      break;
    default:
      return std::nullopt;
  }
  return r;
}

bool IsStringLiteral(const Term& t) {
  return t.is_literal() && t.lang.empty() &&
         (t.datatype.empty() || t.datatype == XsdIri("string"));
}

Term BooleanTerm(bool b) {
  return Term::Typed(b ? "true" : "false", XsdIri("boolean"));
}

static std::optional<bool> ToBoolean(const Term& t) {
  if (!t.is_literal() || t.datatype != XsdIri("boolean")) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

std::optional<bool> EffectiveBoolean(const Term& t) {
  if (!t.is_literal()) return std::nullopt;
  if (t.datatype == XsdIri("boolean")) {
    auto b = ToBoolean(t);
    return b.has_value() ? *b : false;
  }
  if (IsStringLiteral(t) || !t.lang.empty()) return !t.value.empty();
  std::string_view local;
  if (LocalOf(t.datatype, &local)) {
    auto n = ToNumeric(t);
    if (n) return !(n->value == 0 || std::isnan(n->value));
    bool numeric_type =
        local == "decimal" || local == "double" || local == "float";
    for (std::string_view it : kIntegerTypes) numeric_type |= local == it;
    if (numeric_type) return false;  // malformed number: EBV false
  }
  return std::nullopt;
}

std::optional<int> ValueCompare(const Term& a, const Term& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  auto na = ToNumeric(a), nb = ToNumeric(b);
  if (na && nb) {
    if (std::isnan(na->value) || std::isnan(nb->value)) return std::nullopt;
    return na->value < nb->value ? -1 : (na->value > nb->value ? 1 : 0);
  }
  if (na || nb) return std::nullopt;
  if (IsStringLiteral(a) && IsStringLiteral(b)) {
    int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  auto ba = ToBoolean(a), bb = ToBoolean(b);
  if (ba && bb) return *ba == *bb ? 0 : (*ba ? 1 : -1);
  std::string_view local;
  if (SameType(a, b) && a.lang.empty() && LocalOf(a.datatype, &local) &&
      (local == "dateTime" || local == "date" || local == "time" ||
       local == "gYear")) {
    int c = a.value.compare(b.value);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

std::optional<bool> ValueEquals(const Term& a, const Term& b) {
  if (a.is_literal() && b.is_literal()) {
    auto c = ValueCompare(a, b);
    if (c) return *c == 0;
    if (!a.lang.empty() || !b.lang.empty()) {
      if (a.lang.empty() || b.lang.empty()) return false;
      if (a.value != b.value) return false;
      std::string la = a.lang, lb = b.lang;
      for (char& ch : la) ch = std::tolower(static_cast<unsigned char>(ch));
      for (char& ch : lb) ch = std::tolower(static_cast<unsigned char>(ch));
      return la == lb;
    }
    if (a == b) return true;
    // Same known type but different lexical forms (e.g. a malformed number),
    // or unrelated types: not comparable.
    return std::nullopt;
  }
  return a == b;
}

int OrderCompare(const Term* a, const Term* b) {
  if (!a || !b) return (a != nullptr) - (b != nullptr);
  auto rank = [](const Term* t) {
    return t->is_blank() ? 0 : (t->is_iri() ? 1 : 2);
  };
  if (rank(a) != rank(b)) return rank(a) < rank(b) ? -1 : 1;
  if (a->is_literal()) {
    auto c = ValueCompare(*a, *b);
    if (c && *c != 0) return *c;
  }
  int c = a->value.compare(b->value);
  if (c != 0) return c < 0 ? -1 : 1;
  c = a->datatype.compare(b->datatype);
  if (c != 0) return c < 0 ? -1 : 1;
  c = a->lang.compare(b->lang);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace kg::query
