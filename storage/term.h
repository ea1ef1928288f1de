// RDF terms as the store keeps them: IRIs, blank nodes and literals (plain,
// language-tagged, typed). A term is a value type; the dictionary maps each
// distinct term to a dense TermId.
#ifndef KG_STORAGE_TERM_H_
#define KG_STORAGE_TERM_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/status.h"

namespace kg {

// Dense dictionary id of a term. 0 is never assigned: it means "unbound" in
// patterns.
using TermId = uint64_t;
inline constexpr TermId kNoTerm = 0;

inline constexpr std::string_view kRdfNs =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfsNs =
    "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsdNs = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kDefaultBaseIri = "http://kg.local/";

struct Term {
  enum class Kind : uint8_t { kIri = 0, kBlank = 1, kLiteral = 2 };

  Kind kind = Kind::kIri;
  std::string value;     // IRI text, blank node label, or literal lexical form
  std::string datatype;  // literals only; empty = xsd:string (plain)
  std::string lang;      // literals only; non-empty means rdf:langString

  static Term Iri(std::string iri) {
    return {Kind::kIri, std::move(iri), {}, {}};
  }
  static Term Blank(std::string label) {
    return {Kind::kBlank, std::move(label), {}, {}};
  }
  static Term Literal(std::string text) {
    return {Kind::kLiteral, std::move(text), {}, {}};
  }
  static Term LangLiteral(std::string text, std::string lang) {
    return {Kind::kLiteral, std::move(text), {}, std::move(lang)};
  }
  static Term Typed(std::string text, std::string datatype) {
    return {Kind::kLiteral, std::move(text), std::move(datatype), {}};
  }

  bool is_iri() const { return kind == Kind::kIri; }
  bool is_blank() const { return kind == Kind::kBlank; }
  bool is_literal() const { return kind == Kind::kLiteral; }

  // The term in N-Triples syntax: <iri>, _:label, "text"@en,
  // "1"^^<...#integer>.
  std::string ToNTriples() const;

  // A compact, unambiguous byte encoding used as the dictionary key (kind byte
  // + fields).
  std::string Encode() const;
  // Encode() into `out` (replacing its contents), reusing its capacity.
  void EncodeTo(std::string* out) const;
  static StatusOr<Term> Decode(std::string_view bytes);
  // Decode() into `out`, reusing its strings' capacity; `out` is unspecified
  // on error.
  static Status DecodeInto(std::string_view bytes, Term* out);

  friend bool operator==(const Term& a, const Term& b) {
    return a.kind == b.kind && a.value == b.value && a.datatype == b.datatype &&
           a.lang == b.lang;
  }
  friend bool operator!=(const Term& a, const Term& b) { return !(a == b); }
  friend bool operator<(const Term& a, const Term& b) {
    return a.Encode() < b.Encode();
  }
};

// Escapes a string for an N-Triples literal or IRI body (\", \\, \n, \r, \t,
// \uXXXX controls).
std::string EscapeNTriplesString(std::string_view s);

}  // namespace kg

#endif  // KG_STORAGE_TERM_H_
