// Group graph patterns, triples with property lists, property paths and RDF
// terms.
#include <functional>
#include <utility>

#include "query/parser_impl.h"

namespace kg::query {

std::string Parser::ResolveIri(const std::string& rel) const {
  size_t colon = rel.find(':');
  size_t slash = rel.find('/');
  if (colon != std::string::npos && colon > 0 &&
      (slash == std::string::npos || colon < slash))
    return rel;  // absolute: has a scheme
  if (rel.empty()) return base_;
  if (rel[0] == '#') return base_.substr(0, base_.find('#')) + rel;
  size_t scheme_end = base_.find("://");
  if (rel[0] == '/') {
    if (rel.size() > 1 && rel[1] == '/')
      return base_.substr(0, base_.find(':') + 1) + rel;
    size_t path_start = scheme_end == std::string::npos
                            ? std::string::npos
                            : base_.find('/', scheme_end + 3);
    return (path_start == std::string::npos ? base_
                                            : base_.substr(0, path_start)) +
           rel;
  }
  size_t last = base_.rfind('/');
  if (last == std::string::npos ||
      (scheme_end != std::string::npos && last < scheme_end + 3))
    return base_ + "/" + rel;
  return base_.substr(0, last + 1) + rel;
}

bool Parser::ParseIri(std::string* iri) {
  if (Cur().kind == TokenKind::kIri) {
    *iri = ResolveIri(Cur().text);
    ++pos_;
    return true;
  }
  if (Cur().kind == TokenKind::kPrefixed) {
    const std::string& name = Cur().text;
    size_t colon = name.find(':');
    auto it = prefixes_.find(name.substr(0, colon + 1));
    if (it == prefixes_.end())
      return Fail("a declared prefix (" + name.substr(0, colon + 1) +
                  " is not declared)");
    *iri = it->second + name.substr(colon + 1);
    ++pos_;
    return true;
  }
  return Fail("an IRI");
}

bool Parser::ParseLiteral(Term* term) {
  const Token& t = Cur();
  std::string xsd(kXsdNs);
  switch (t.kind) {
    case TokenKind::kString: {
      std::string text = t.text;
      ++pos_;
      if (Cur().kind == TokenKind::kLangTag) {
        *term = Term::LangLiteral(std::move(text), Cur().text);
        ++pos_;
      } else if (AcceptPunct("^^")) {
        std::string dt;
        if (!ParseIri(&dt)) return false;
        *term = dt == xsd + "string" ? Term::Literal(std::move(text))
                                     : Term::Typed(std::move(text), dt);
      } else {
        *term = Term::Literal(std::move(text));
      }
      return true;
    }
    case TokenKind::kInteger:
      *term = Term::Typed(t.text, xsd + "integer");
      break;
    case TokenKind::kDecimal:
      *term = Term::Typed(t.text, xsd + "decimal");
      break;
    case TokenKind::kDouble:
      *term = Term::Typed(t.text, xsd + "double");
      break;
    case TokenKind::kName:
      if (IsKeyword("true") || IsKeyword("false")) {
        *term =
            Term::Typed(IsKeyword("true") ? "true" : "false", xsd + "boolean");
        break;
      }
      return Fail("a literal");
    default:
      return Fail("a literal");
  }
  ++pos_;
  return true;
}

bool Parser::ParseTermOrVar(Node* node) {
  const Token& t = Cur();
  switch (t.kind) {
    case TokenKind::kVar:
      node->var = VarIndex(t.text);
      ++pos_;
      return true;
    case TokenKind::kIri:
    case TokenKind::kPrefixed: {
      std::string iri;
      if (!ParseIri(&iri)) return false;
      node->term = Term::Iri(std::move(iri));
      return true;
    }
    case TokenKind::kBlank:
      if (in_template_) {
        node->term = Term::Blank(t.text);
      } else {
        node->var = VarIndex("_:" + t.text);
      }
      ++pos_;
      return true;
    case TokenKind::kPunct:
      if ((t.text == "-" || t.text == "+") &&
          (PeekTok().kind == TokenKind::kInteger ||
           PeekTok().kind == TokenKind::kDecimal ||
           PeekTok().kind == TokenKind::kDouble)) {
        bool neg = t.text == "-";
        ++pos_;
        if (!ParseLiteral(&node->term)) return false;
        if (neg) node->term.value = "-" + node->term.value;
        return true;
      }
      if (t.text == "[" && PeekTok().kind == TokenKind::kPunct &&
          PeekTok().text == "]") {
        pos_ += 2;
        if (in_template_) {
          node->term = Term::Blank("anon" + std::to_string(fresh_++));
        } else {
          node->var = NewHiddenVar("_:anon");
        }
        return true;
      }
      return Fail("a variable or an RDF term");
    default:
      return ParseLiteral(&node->term);
  }
}

bool Parser::StartsTriples() const {
  switch (Cur().kind) {
    case TokenKind::kVar:
    case TokenKind::kIri:
    case TokenKind::kPrefixed:
    case TokenKind::kBlank:
    case TokenKind::kString:
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
    case TokenKind::kDouble:
      return true;
    case TokenKind::kName:
      return IsKeyword("true") || IsKeyword("false");
    case TokenKind::kPunct:
      return Cur().text == "[";
    default:
      return false;
  }
}

// A subject or object; `[ p o ; ... ]` adds its triples to `group`.
bool Parser::ParseGraphNode(Node* node, GroupPattern* group) {
  DepthGuard guard(&depth_);
  if (!Enter()) return false;
  if (IsPunct("[") &&
      !(PeekTok().kind == TokenKind::kPunct && PeekTok().text == "]")) {
    ++pos_;
    if (in_template_) {
      node->term = Term::Blank("anon" + std::to_string(fresh_++));
    } else {
      node->var = NewHiddenVar("_:anon");
    }
    if (!ParsePropertyList(*node, group)) return false;
    return ExpectPunct("]");
  }
  return ParseTermOrVar(node);
}

bool Parser::ParseTriplesBlock(GroupPattern* group) {
  Node subject;
  bool bracketed = IsPunct("[") && !(PeekTok().kind == TokenKind::kPunct &&
                                     PeekTok().text == "]");
  if (!ParseGraphNode(&subject, group)) return false;
  if (bracketed && (IsPunct(".") || IsPunct("}"))) return true;
  return ParsePropertyList(subject, group);
}

bool Parser::ParsePropertyList(const Node& subject, GroupPattern* group) {
  while (true) {
    Node pred;
    PathPtr path;
    if (Cur().kind == TokenKind::kVar) {
      if (!ParseTermOrVar(&pred)) return false;
    } else {
      if (in_template_) {
        if (AcceptKeyword("a")) {
          pred.term = Term::Iri(std::string(kRdfNs) + "type");
        } else {
          std::string iri;
          if (!ParseIri(&iri)) return false;
          pred.term = Term::Iri(std::move(iri));
        }
      } else {
        path = ParsePath();
        if (!path) return false;
        if (path->kind == Path::Kind::kLink) {
          pred.term = path->iri;
          path.reset();
        }
      }
    }
    do {
      Node object;
      if (!ParseGraphNode(&object, group)) return false;
      GroupElement el;
      el.kind = GroupElement::Kind::kTriple;
      el.triple.s = subject;
      el.triple.p = pred;
      el.triple.o = std::move(object);
      if (path) {
        el.triple.path = std::make_unique<Path>();
        // Paths are trees of unique_ptr: copy by re-walking is not needed
        // when the object list has one element, the common case.
        if (IsPunct(",")) {
          // Share the same path for every object: clone it.
          std::function<PathPtr(const Path&)> clone = [&](const Path& p) {
            auto c = std::make_unique<Path>();
            c->kind = p.kind;
            c->iri = p.iri;
            c->forward = p.forward;
            c->inverse = p.inverse;
            for (const PathPtr& a : p.args) c->args.push_back(clone(*a));
            return c;
          };
          el.triple.path = clone(*path);
        } else {
          el.triple.path = std::move(path);
        }
      }
      group->elements.push_back(std::move(el));
    } while (AcceptPunct(","));
    if (!AcceptPunct(";")) return true;
    while (AcceptPunct(";")) {
    }
    if (IsPunct(".") || IsPunct("}") || IsPunct("]")) return true;
  }
}

bool Parser::ParseGroupPattern(GroupPattern* group) {
  DepthGuard guard(&depth_);
  if (!Enter() || !ExpectPunct("{")) return false;
  if (IsKeyword("SELECT"))
    return Fail("a graph pattern (subqueries are not supported)");
  while (!AcceptPunct("}")) {
    if (StartsTriples()) {
      if (!ParseTriplesBlock(group)) return false;
      if (AcceptPunct(".")) continue;
      if (IsPunct("}")) continue;
      if (!(IsPunct("{") || IsKeyword("OPTIONAL") || IsKeyword("MINUS") ||
            IsKeyword("FILTER") || IsKeyword("BIND") || IsKeyword("VALUES")))
        return Fail("'.', ';', ',' or '}'");
      continue;
    }
    GroupElement el;
    if (IsPunct("{")) {
      GroupPattern first;
      if (!ParseGroupPattern(&first)) return false;
      el.kind = GroupElement::Kind::kGroup;
      el.groups.push_back(std::move(first));
      while (AcceptKeyword("UNION")) {
        el.kind = GroupElement::Kind::kUnion;
        GroupPattern next;
        if (!ParseGroupPattern(&next)) return false;
        el.groups.push_back(std::move(next));
      }
    } else if (AcceptKeyword("OPTIONAL") || IsKeyword("MINUS")) {
      bool minus = AcceptKeyword("MINUS");
      el.kind =
          minus ? GroupElement::Kind::kMinus : GroupElement::Kind::kOptional;
      GroupPattern inner;
      if (!ParseGroupPattern(&inner)) return false;
      el.groups.push_back(std::move(inner));
    } else if (AcceptKeyword("FILTER")) {
      el.kind = GroupElement::Kind::kFilter;
      el.expr = ParseConstraint();
      if (!el.expr) return false;
    } else if (AcceptKeyword("BIND")) {
      el.kind = GroupElement::Kind::kBind;
      if (!ExpectPunct("(")) return false;
      el.expr = ParseExpression();
      if (!el.expr || !ExpectKeyword("AS")) return false;
      if (Cur().kind != TokenKind::kVar) return Fail("a variable");
      el.var = VarIndex(Cur().text);
      ++pos_;
      if (!ExpectPunct(")")) return false;
    } else if (AcceptKeyword("VALUES")) {
      if (!ParseValuesClause(&el)) return false;
    } else if (IsKeyword("GRAPH") || IsKeyword("SERVICE")) {
      return Fail("a graph pattern (GRAPH and SERVICE are not supported)");
    } else {
      return Fail(
          "a triple pattern, '{', OPTIONAL, MINUS, FILTER, BIND or '}'");
    }
    group->elements.push_back(std::move(el));
    AcceptPunct(".");
  }
  return true;
}

}  // namespace kg::query
