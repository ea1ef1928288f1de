#include "query/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "query/lexer.h"

namespace kg::query {
namespace {

TEST(LexerTest, TokensCarryLineAndColumn) {
  auto toks = Tokenize("SELECT ?x\n  WHERE { ?x <http://a/b> \"v\"@en . }");
  ASSERT_GE(toks.size(), 9u);
  EXPECT_EQ(toks[0].kind, TokenKind::kName);
  EXPECT_EQ(toks[1].kind, TokenKind::kVar);
  EXPECT_EQ(toks[1].text, "x");
  EXPECT_EQ(toks[2].line, 2);
  EXPECT_EQ(toks[2].column, 3);
  EXPECT_EQ(toks[5].kind, TokenKind::kIri);
  EXPECT_EQ(toks[5].text, "http://a/b");
  EXPECT_EQ(toks[6].kind, TokenKind::kString);
  EXPECT_EQ(toks[7].kind, TokenKind::kLangTag);
  EXPECT_EQ(toks.back().kind, TokenKind::kEnd);
}

TEST(LexerTest, LessThanIsNotAnIri) {
  auto toks = Tokenize("FILTER(?a < ?b && ?c <= 3)");
  bool saw_less = false, saw_le = false;
  for (const Token& t : toks) {
    saw_less |= t.kind == TokenKind::kPunct && t.text == "<";
    saw_le |= t.kind == TokenKind::kPunct && t.text == "<=";
    EXPECT_NE(t.kind, TokenKind::kIri);
  }
  EXPECT_TRUE(saw_less);
  EXPECT_TRUE(saw_le);
}

TEST(LexerTest, StringEscapesAndNumbers) {
  auto toks = Tokenize(R"("a\"b\u00e9" 12 1.5 2e3 'x' """long
text""")");
  EXPECT_EQ(toks[0].text, "a\"b\xc3\xa9");
  EXPECT_EQ(toks[1].kind, TokenKind::kInteger);
  EXPECT_EQ(toks[2].kind, TokenKind::kDecimal);
  EXPECT_EQ(toks[3].kind, TokenKind::kDouble);
  EXPECT_EQ(toks[4].text, "x");
  EXPECT_EQ(toks[5].text, "long\ntext");
}

TEST(ParserTest, SelectWithPrefixesAndFilter) {
  auto q = ParseQuery(
      "PREFIX ex: <http://ex.org/>\n"
      "SELECT DISTINCT ?s (COUNT(?o) AS ?n) WHERE {\n"
      "  ?s ex:p ?o ; a kg:Person .\n"
      "  FILTER(?o > 3 && regex(str(?s), \"^http\", \"i\"))\n"
      "} GROUP BY ?s HAVING (COUNT(?o) > 1) ORDER BY DESC(?n) LIMIT 5 OFFSET "
      "2");
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_TRUE(q->distinct);
  EXPECT_TRUE(q->grouped);
  ASSERT_EQ(q->select.size(), 2u);
  EXPECT_EQ(q->var_names[q->select[0].var], "s");
  EXPECT_EQ(q->aggregates.size(), 2u);
  ASSERT_EQ(q->where.elements.size(), 3u);
  EXPECT_EQ(q->where.elements[0].triple.p.term.value, "http://ex.org/p");
  EXPECT_EQ(q->where.elements[1].triple.p.term.value,
            std::string(kRdfNs) + "type");
  EXPECT_EQ(q->where.elements[1].triple.o.term.value, "http://kg.local/Person");
  EXPECT_EQ(q->limit, 5);
  EXPECT_EQ(q->offset, 2);
  ASSERT_EQ(q->order_by.size(), 1u);
  EXPECT_TRUE(q->order_by[0].descending);
}

TEST(ParserTest, PropertyPaths) {
  auto q = ParseQuery(
      "SELECT * { ?a (kg:p/^kg:q)|kg:r+ ?b . ?b !(kg:x|^kg:y) ?c . "
      "?c kg:s*/kg:t? ?d }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  const auto& els = q->where.elements;
  ASSERT_EQ(els.size(), 3u);
  ASSERT_TRUE(els[0].triple.path);
  EXPECT_EQ(els[0].triple.path->kind, Path::Kind::kAlt);
  EXPECT_EQ(els[0].triple.path->args[0]->kind, Path::Kind::kSeq);
  EXPECT_EQ(els[0].triple.path->args[0]->args[1]->kind, Path::Kind::kInverse);
  EXPECT_EQ(els[0].triple.path->args[1]->kind, Path::Kind::kOneOrMore);
  EXPECT_EQ(els[1].triple.path->kind, Path::Kind::kNegated);
  EXPECT_EQ(els[1].triple.path->forward.size(), 1u);
  EXPECT_EQ(els[1].triple.path->inverse.size(), 1u);
  EXPECT_EQ(els[2].triple.path->args[0]->kind, Path::Kind::kZeroOrMore);
  EXPECT_EQ(els[2].triple.path->args[1]->kind, Path::Kind::kZeroOrOne);
  EXPECT_EQ(q->select.size(), 4u);  // *: a b c d
}

TEST(ParserTest, OptionalUnionMinusExists) {
  auto q = ParseQuery(
      "ASK { ?a kg:p ?b OPTIONAL { ?b kg:q ?c } { ?a kg:r 1 } UNION "
      "{ ?a kg:r -2.5 } MINUS { ?a kg:bad true } "
      "FILTER NOT EXISTS { ?a kg:gone [] } BIND(lcase(?b) AS ?lb) }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  using K = GroupElement::Kind;
  const auto& els = q->where.elements;
  ASSERT_EQ(els.size(), 6u);
  EXPECT_EQ(els[1].kind, K::kOptional);
  EXPECT_EQ(els[2].kind, K::kUnion);
  EXPECT_EQ(els[2].groups.size(), 2u);
  EXPECT_EQ(els[2].groups[1].elements[0].triple.o.term.value, "-2.5");
  EXPECT_EQ(els[3].kind, K::kMinus);
  EXPECT_EQ(els[4].kind, K::kFilter);
  EXPECT_EQ(els[4].expr->kind, Expr::Kind::kExists);
  EXPECT_EQ(els[4].expr->op, "not");
  EXPECT_EQ(els[5].kind, K::kBind);
}

TEST(ParserTest, LiteralsAndBase) {
  auto q = ParseQuery(
      "BASE <http://b.org/dir/> SELECT ?x { ?x <rel> \"chat\"@fr, "
      "\"5\"^^xsd:integer, 'x'^^<http://www.w3.org/2001/XMLSchema#string> }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  const auto& els = q->where.elements;
  ASSERT_EQ(els.size(), 3u);
  EXPECT_EQ(els[0].triple.p.term.value, "http://b.org/dir/rel");
  EXPECT_EQ(els[0].triple.o.term.lang, "fr");
  EXPECT_EQ(els[1].triple.o.term.datatype, std::string(kXsdNs) + "integer");
  EXPECT_TRUE(els[2].triple.o.term.datatype.empty());  // xsd:string is plain
}

TEST(ParserTest, ConstructTemplateKeepsBlankNodes) {
  auto q = ParseQuery(
      "CONSTRUCT { ?s kg:knows _:b . _:b kg:name ?n } WHERE { ?s kg:p ?n }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->construct_template.size(), 2u);
  EXPECT_TRUE(q->construct_template[0].o.term.is_blank());
}

struct ErrorCase {
  const char* query;
  const char* message;
};

TEST(ParserTest, SyntaxErrorsPointAtLineAndColumn) {
  const ErrorCase cases[] = {
      {"SELECT ?x WHERE { ?x kg:p }",
       "line 1, column 27: expected a variable or an RDF term, found '}'"},
      {"SELECT ?x\nWHERE {\n  ?x kg:p ?y\n  ?y kg:q ?z }",
       "line 4, column 3: expected '.', ';', ',' or '}', found variable ?y"},
      {"SELEC ?x { }",
       "line 1, column 1: expected SELECT, ASK or CONSTRUCT, found 'SELEC'"},
      {"SELECT ?x { ?x ex:p ?y }",
       "line 1, column 16: expected a declared prefix (ex: is not declared), "
       "found prefixed name ex:p"},
      {"SELECT ?x { ?x kg:p ?y FILTER(?y > ) }",
       "line 1, column 36: expected a literal, found ')'"},
      {"SELECT (COUNT(?x) ?n) { ?x kg:p ?y }",
       "line 1, column 19: expected AS, found variable ?n"},
      {"SELECT ?x { ?x kg:p ?y FILTER(nosuch(?y)) }",
       "line 1, column 31: expected a known function (nosuch is not "
       "supported), found 'nosuch'"},
      {"SELECT ?x { ?x kg:p \"open }",
       "line 1, column 21: unterminated string"},
      {"SELECT ?x { ?x kg:p ?y } LIMIT x",
       "line 1, column 32: expected an integer, found 'x'"},
      {"SELECT ?x { ?x kg:p ?y FILTER(COUNT(?y) > 1) }",
       "line 1, column 36: expected an expression (aggregates are allowed "
       "only in SELECT, HAVING and ORDER BY), found '('"},
  };
  for (const ErrorCase& c : cases) {
    auto q = ParseQuery(c.query);
    ASSERT_FALSE(q.ok()) << c.query;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(q.status().message(), c.message) << c.query;
  }
}

}  // namespace
}  // namespace kg::query

namespace kg::query {
namespace {

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "SELECT ?x { ?x kg:p ?y FILTER(" + std::string(5000, '(') +
                     "?y" + std::string(5000, ')') + ") }";
  auto q = ParseQuery(deep);
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("nesting"), std::string::npos);
  std::string groups = "ASK " + std::string(5000, '{') + std::string(5000, '}');
  EXPECT_FALSE(ParseQuery(groups).ok());
  std::string negations = "ASK { FILTER(" + std::string(5000, '!') + "true) }";
  EXPECT_FALSE(ParseQuery(negations).ok());
}

TEST(ParserTest, EveryPrefixOfTheGoldenQueriesParsesOrFailsCleanly) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(KG_SOURCE_DIR) / "tests/query/golden";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".rq") continue;
    std::ifstream in(entry.path());
    std::string text(std::istreambuf_iterator<char>(in), {});
    text = text.substr(0, text.find("----"));
    for (size_t n = 0; n <= text.size(); ++n) {
      auto q = ParseQuery(text.substr(0, n));
      if (!q.ok()) {
        EXPECT_EQ(q.status().message().rfind("line ", 0), 0u)
            << q.status().message();
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

}  // namespace
}  // namespace kg::query

namespace kg::query {
namespace {

TEST(ParserTest, EntityIrisWithASlashReadAsOnePrefixedName) {
  auto q = ParseQuery(
      "SELECT ?p ?o { kg:entity/NATO ?p ?o . ?o kg:p/kg:q ?z . "
      "?z kg:a/^kg:b kg:entity/Nikol_Pashinyan }");
  ASSERT_TRUE(q.ok()) << q.status().message();
  const auto& els = q->where.elements;
  ASSERT_EQ(els.size(), 3u);
  EXPECT_EQ(els[0].triple.s.term.value, "http://kg.local/entity/NATO");
  ASSERT_TRUE(els[1].triple.path);
  EXPECT_EQ(els[1].triple.path->kind, Path::Kind::kSeq);
  ASSERT_TRUE(els[2].triple.path);
  EXPECT_EQ(els[2].triple.o.term.value,
            "http://kg.local/entity/Nikol_Pashinyan");
}

}  // namespace
}  // namespace kg::query
