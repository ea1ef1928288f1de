// SPARQL value semantics over RDF terms: numeric parsing and promotion,
// comparison of literals (numbers numerically, strings by code point, booleans,
// dates by lexical form), effective boolean value, and the total order that
// ORDER BY uses. Errors are std::nullopt (a FILTER treats them as false).
// Pure functions; thread-safe.
#ifndef KG_QUERY_VALUE_H_
#define KG_QUERY_VALUE_H_

#include <optional>
#include <string>

#include "storage/term.h"

namespace kg::query {

// Numeric type lattice for promotion: integer < decimal < float < double.
enum class NumericKind { kInteger = 0, kDecimal = 1, kFloat = 2, kDouble = 3 };

struct Numeric {
  NumericKind kind = NumericKind::kInteger;
  long double value = 0;
};

std::string XsdIri(const char* local);

// The numeric value of a literal typed xsd:integer (or a type derived from
// it), xsd:decimal, xsd:float or xsd:double; nullopt for anything else or a
// malformed lexical form.
std::optional<Numeric> ToNumeric(const Term& term);

// A literal of the given kind holding `value` (integers print without a
// fraction, decimals with at least one fractional digit).
Term FromNumeric(const Numeric& n);

// Applies + - * / with type promotion; integer / integer is decimal. Division
// by zero of integers/decimals is an error.
std::optional<Numeric> Arithmetic(char op, const Numeric& a, const Numeric& b);

// A simple literal or an xsd:string literal.
bool IsStringLiteral(const Term& t);
Term BooleanTerm(bool b);

// Effective boolean value; nullopt when it is a type error.
std::optional<bool> EffectiveBoolean(const Term& t);

// SPARQL `=` (RDFterm-equal with value comparison for known types).
std::optional<bool> ValueEquals(const Term& a, const Term& b);

// SPARQL `<` family: -1, 0, 1, or nullopt when the values are not comparable.
std::optional<int> ValueCompare(const Term& a, const Term& b);

// The ORDER BY total order: unbound (null) < blank nodes < IRIs < literals;
// comparable literals by value, others by lexical form, datatype, language.
int OrderCompare(const Term* a, const Term* b);

}  // namespace kg::query

#endif  // KG_QUERY_VALUE_H_
