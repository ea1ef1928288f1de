// Property paths: alternatives, sequences, inverses, the *, + and ?
// modifiers and negated property sets.
#include "query/parser_impl.h"

namespace kg::query {

PathPtr Parser::ParsePath() {
  DepthGuard guard(&depth_);
  if (!Enter()) return nullptr;
  PathPtr left = ParsePathSequence();
  while (left && AcceptPunct("|")) {
    PathPtr right = ParsePathSequence();
    if (!right) return nullptr;
    auto alt = std::make_unique<Path>();
    alt->kind = Path::Kind::kAlt;
    alt->args.push_back(std::move(left));
    alt->args.push_back(std::move(right));
    left = std::move(alt);
  }
  return left;
}

PathPtr Parser::ParsePathSequence() {
  PathPtr left = ParsePathElt();
  while (left && AcceptPunct("/")) {
    PathPtr right = ParsePathElt();
    if (!right) return nullptr;
    auto seq = std::make_unique<Path>();
    seq->kind = Path::Kind::kSeq;
    seq->args.push_back(std::move(left));
    seq->args.push_back(std::move(right));
    left = std::move(seq);
  }
  return left;
}

PathPtr Parser::ParsePathElt() {
  DepthGuard guard(&depth_);
  if (!Enter()) return nullptr;
  bool inverse = AcceptPunct("^");
  PathPtr p = ParsePathPrimary();
  if (!p) return nullptr;
  Path::Kind mod;
  bool has_mod = true;
  if (IsPunct("*")) {
    mod = Path::Kind::kZeroOrMore;
  } else if (IsPunct("+")) {
    mod = Path::Kind::kOneOrMore;
  } else if (IsPunct("?")) {
    mod = Path::Kind::kZeroOrOne;
  } else {
    has_mod = false;
  }
  if (has_mod) {
    ++pos_;
    auto m = std::make_unique<Path>();
    m->kind = mod;
    m->args.push_back(std::move(p));
    p = std::move(m);
  }
  if (inverse) {
    auto inv = std::make_unique<Path>();
    inv->kind = Path::Kind::kInverse;
    inv->args.push_back(std::move(p));
    p = std::move(inv);
  }
  return p;
}

PathPtr Parser::ParsePathPrimary() {
  auto p = std::make_unique<Path>();
  if (AcceptKeyword("a")) {
    p->iri = Term::Iri(std::string(kRdfNs) + "type");
    return p;
  }
  if (AcceptPunct("(")) {
    p = ParsePath();
    if (!p || !ExpectPunct(")")) return nullptr;
    return p;
  }
  if (AcceptPunct("!")) {
    p->kind = Path::Kind::kNegated;
    bool group = AcceptPunct("(");
    do {
      if (group && IsPunct(")")) break;
      bool inv = AcceptPunct("^");
      std::string iri;
      if (AcceptKeyword("a")) {
        iri = std::string(kRdfNs) + "type";
      } else if (!ParseIri(&iri)) {
        return nullptr;
      }
      (inv ? p->inverse : p->forward).push_back(Term::Iri(std::move(iri)));
    } while (group && AcceptPunct("|"));
    if (group && !ExpectPunct(")")) return nullptr;
    return p;
  }
  std::string iri;
  if (Cur().kind != TokenKind::kIri && Cur().kind != TokenKind::kPrefixed) {
    Fail("a predicate (IRI, 'a', variable or path)");
    return nullptr;
  }
  if (!ParseIri(&iri)) return nullptr;
  p->iri = Term::Iri(std::move(iri));
  return p;
}

}  // namespace kg::query
