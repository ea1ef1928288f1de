#include "ingest/rdf_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

namespace kg {
namespace {

const std::string kEx = "http://ex.org/";
const std::string kXsdInteger = std::string(kXsdNs) + "integer";

RdfReadOptions Options(RdfFormat format, std::string name = "in") {
  RdfReadOptions o;
  o.format = format;
  o.name = std::move(name);
  return o;
}

std::vector<Triple> Read(std::string_view text, RdfFormat format) {
  auto triples = ReadRdfTriples(text, Options(format));
  EXPECT_TRUE(triples.ok()) << triples.status().message();
  return triples.ok() ? *triples : std::vector<Triple>{};
}

std::string ErrorOf(std::string_view text, RdfFormat format) {
  auto triples = ReadRdfTriples(text, Options(format));
  EXPECT_FALSE(triples.ok()) << "expected an error for: " << text;
  return triples.ok() ? "" : triples.status().message();
}

TEST(RdfReaderTest, NTriplesTermKinds) {
  auto t = Read(
      "# comment\n"
      "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
      "\n"
      "_:x <http://ex.org/p> \"hello\"@EN-gb .\n"
      "<http://ex.org/a> <http://ex.org/p> "
      "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://ex.org/a> <http://ex.org/p> \"tab\\there \\\"q\\\" caf\\u00E9\" "
      ".\n"
      "<http://ex.org/a> <http://ex.org/p> "
      "\"s\"^^<http://www.w3.org/2001/XMLSchema#string> .\n",
      RdfFormat::kNTriples);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].subject, Term::Iri(kEx + "a"));
  EXPECT_EQ(t[0].object, Term::Iri(kEx + "b"));
  EXPECT_EQ(t[1].subject, Term::Blank("x"));
  EXPECT_EQ(t[1].object, Term::LangLiteral("hello", "en-gb"));
  EXPECT_EQ(t[2].object, Term::Typed("42", kXsdInteger));
  EXPECT_EQ(t[3].object, Term::Literal("tab\there \"q\" caf\xC3\xA9"));
  EXPECT_EQ(t[4].object, Term::Literal("s"));  // xsd:string is a plain literal
}

TEST(RdfReaderTest, NQuadsDeliversGraphs) {
  std::vector<std::string> graphs;
  auto read = ReadRdfString(
      "<http://ex.org/a> <http://ex.org/p> \"x\" <http://ex.org/g1> .\n"
      "<http://ex.org/a> <http://ex.org/p> \"y\" .\n",
      Options(RdfFormat::kNQuads), [&](const Triple&, const Term* g) {
        graphs.push_back(g ? g->value : "-");
        return Status::OK();
      });
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->statements, 2u);
  EXPECT_EQ(graphs, (std::vector<std::string>{kEx + "g1", "-"}));
}

TEST(RdfReaderTest, TurtlePrefixesBaseBlankNodesAndLists) {
  auto t = Read(
      "@prefix ex: <http://ex.org/> .\n"
      "@base <http://base.org/dir/> .\n"
      "ex:a ex:p \"v\"^^ex:T , <rel> ;\n"
      "  ex:q [ ex:r 1 ] .\n"
      "<x> a ex:C .\n"
      "ex:l ex:items ( 2.5 true ) .\n",
      RdfFormat::kTurtle);
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].object, Term::Typed("v", kEx + "T"));
  EXPECT_EQ(t[1].object, Term::Iri("http://base.org/dir/rel"));
  EXPECT_TRUE(t[2].object.is_blank());
  EXPECT_EQ(t[3].subject, t[2].object);  // [ ... ] is one blank node
  EXPECT_EQ(t[3].object, Term::Typed("1", kXsdInteger));
  EXPECT_EQ(t[4].subject, Term::Iri("http://base.org/dir/x"));
  EXPECT_EQ(t[4].predicate, Term::Iri(std::string(kRdfNs) + "type"));
  EXPECT_EQ(t[6].predicate, Term::Iri(std::string(kRdfNs) + "first"));
  EXPECT_EQ(t[6].object, Term::Typed("2.5", std::string(kXsdNs) + "decimal"));
}

TEST(RdfReaderTest, RelativeIrisResolveAgainstDefaultBase) {
  auto t = Read("<a> <p> <b/c> .\n", RdfFormat::kTurtle);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].subject, Term::Iri(std::string(kDefaultBaseIri) + "a"));
  EXPECT_EQ(t[0].object, Term::Iri(std::string(kDefaultBaseIri) + "b/c"));
}

TEST(RdfReaderTest, BlankPrefixKeepsFilesApart) {
  RdfReadOptions o = Options(RdfFormat::kTurtle);
  o.blank_prefix = "d1_";
  auto t = ReadRdfTriples("_:b <http://ex.org/p> [] .\n", o);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->size(), 1u);
  EXPECT_EQ((*t)[0].subject.value.rfind("d1_", 0), 0u);
  EXPECT_EQ((*t)[0].object.value.rfind("d1_", 0), 0u);
  EXPECT_NE((*t)[0].subject, (*t)[0].object);
}

// Each malformed input, and the line its error must name.
TEST(RdfReaderTest, ErrorsNameTheLine) {
  static const struct {
    RdfFormat format;
    const char* text;
    const char* prefix;  // expected start of the message
  } kCases[] = {
      {RdfFormat::kNTriples,
       "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
       "<http://ex.org/a> <http://ex.org/p> bad .\n",
       "in:2: "},
      {RdfFormat::kNTriples,
       "\n\n<http://ex.org/a> <http://ex.org/p> \"x\" <http://ex.org/b> .\n",
       "in:3: "},
      {RdfFormat::kNTriples, "<http://ex.org/a> <http://ex.org/p> \"\xFF\" .\n",
       "in:1: "},
      {RdfFormat::kNTriples, "<a> <http://ex.org/p> \"x\" .\n", "in:1: "},
      {RdfFormat::kNTriples,
       "<http://ex.org/a> <http://ex.org/p> \"x\" .\n"
       "<http://ex.org/a b> <http://ex.org/p> \"x\" .\n",
       "in:2: "},
      {RdfFormat::kTurtle,
       "@prefix ex: <http://ex.org/> .\n"
       "ex:a ex:p ex:b .\n"
       "ex:a ex:p\n"
       "   nope:b .\n",
       "in:4: undefined prefix in 'nope:b'"},
      {RdfFormat::kNTriples,
       "<http://ex.org/a> <http://ex.org/p> \"x\" .\n"
       "<http://ex.org/a> <http://ex.org/p> \"nul\\u0000\" .\n",
       "in:2: NUL"},
  };
  for (const auto& c : kCases) {
    std::string msg = ErrorOf(c.text, c.format);
    EXPECT_EQ(msg.rfind(c.prefix, 0), 0u) << "got: " << msg;
  }
}

TEST(RdfReaderTest, StatementErrorInLargeFileNamesExactLine) {
  // Past the first page, an error found after parsing (here an undefined
  // prefix) still names its line.
  std::string text = "@prefix ex: <http://ex.org/> .\n";
  for (int i = 0; i < 3000; ++i) {
    text += "ex:s" + std::to_string(i) + " ex:p \"v\" .\n";
  }
  text += "ex:s ex:p\n  zz:o .\n";
  EXPECT_EQ(ErrorOf(text, RdfFormat::kTurtle).rfind("in:3003: undefined", 0),
            0u);
}

TEST(RdfReaderTest, SinkErrorStopsAtItsLine) {
  int seen = 0;
  auto read = ReadRdfString(
      "<http://ex.org/a> <http://ex.org/p> \"1\" .\n"
      "<http://ex.org/a> <http://ex.org/p> \"2\" .\n",
      Options(RdfFormat::kNTriples), [&](const Triple&, const Term*) {
        return ++seen == 2 ? Status::ResourceExhausted("too many")
                           : Status::OK();
      });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), Status::Code::kResourceExhausted);
  EXPECT_EQ(read.status().message(), "in:2: too many");
}

TEST(RdfReaderTest, TsvForms) {
  auto t = Read(
      "# subject\tpredicate\tobject\n"
      "Alice Smith\tknows\t<http://ex.org/bob>\n"
      "Alice Smith\trdf:type\t<http://ex.org/Person>\r\n"
      "\n"
      "http://ex.org/x\t<http://ex.org/p>\tplain\\ttext\n"
      "_:n1\trdfs:label\t\"Bob\"@en\n"
      "a<b\tage\t\"30\"^^<http://www.w3.org/2001/XMLSchema#integer>\n",
      RdfFormat::kTsv);
  ASSERT_EQ(t.size(), 5u);
  std::string base(kDefaultBaseIri);
  EXPECT_EQ(t[0].subject, Term::Iri(base + "Alice_Smith"));
  EXPECT_EQ(t[0].predicate, Term::Iri(base + "knows"));
  EXPECT_EQ(t[0].object, Term::Iri(kEx + "bob"));
  EXPECT_EQ(t[1].predicate, Term::Iri(std::string(kRdfNs) + "type"));
  EXPECT_EQ(t[2].subject, Term::Iri(kEx + "x"));
  EXPECT_EQ(t[2].object, Term::Literal("plain\ttext"));
  EXPECT_EQ(t[3].subject, Term::Blank("n1"));
  EXPECT_EQ(t[3].object, Term::LangLiteral("Bob", "en"));
  EXPECT_EQ(t[4].subject, Term::Iri(base + "a%3Cb"));
  EXPECT_EQ(t[4].object, Term::Typed("30", kXsdInteger));
}

TEST(RdfReaderTest, TsvErrors) {
  EXPECT_EQ(ErrorOf("a\tb\tc\nd\te\n", RdfFormat::kTsv),
            "in:2: expected 3 tab-separated fields, found 2");
  EXPECT_EQ(ErrorOf("a\tb\tc\td\n", RdfFormat::kTsv),
            "in:1: expected 3 tab-separated fields, found 4");
  EXPECT_EQ(ErrorOf("a\t\tc\n", RdfFormat::kTsv),
            "in:1: predicate: empty term");
  EXPECT_EQ(ErrorOf("\"lit\"\tb\tc\n", RdfFormat::kTsv),
            "in:1: a literal can only be an object");
  EXPECT_EQ(ErrorOf("a\tb\tc\na\tb\t\"unterminated\n", RdfFormat::kTsv)
                .rfind("in:2: ", 0),
            0u);
}

TEST(RdfReaderTest, StreamFromPipeAndContentHash) {
  const std::string text =
      "<http://ex.org/a> <http://ex.org/p> \"x\" .\n"
      "<http://ex.org/a> <http://ex.org/p> zz .\n";
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_EQ(write(fds[1], text.data(), text.size()),
            static_cast<ssize_t>(text.size()));
  close(fds[1]);
  std::FILE* in = fdopen(fds[0], "rb");
  auto read = ReadRdf(in, Options(RdfFormat::kNTriples, "-"),
                      [](const Triple&, const Term*) { return Status::OK(); });
  std::fclose(in);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().message().rfind("-:2: ", 0), 0u);

  auto a =
      ReadRdfString("<http://ex.org/a> <http://ex.org/p> \"x\" .\n",
                    Options(RdfFormat::kNTriples),
                    [](const Triple&, const Term*) { return Status::OK(); });
  auto b =
      ReadRdfString("<http://ex.org/a> <http://ex.org/p> \"y\" .\n",
                    Options(RdfFormat::kNTriples),
                    [](const Triple&, const Term*) { return Status::OK(); });
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->content_hash, b->content_hash);
  EXPECT_EQ(a->bytes, 42u);
}

// Every prefix of valid input either reads or fails with "in:LINE: reason";
// nothing crashes or hangs on a file cut off anywhere.
TEST(RdfReaderTest, TruncatedInputFailsCleanly) {
  static const struct {
    RdfFormat format;
    const char* text;
  } kInputs[] = {
      {RdfFormat::kTurtle,
       "@prefix ex: <http://ex.org/> .\n"
       "ex:a ex:p \"v\"@en , [ ex:q ( 1 2.5 ) ] ;\n"
       "  ex:r \"\"\"long\ntext\"\"\" .\n"},
      {RdfFormat::kNQuads,
       "<http://ex.org/a> <http://ex.org/p> \"x\"^^<http://ex.org/T> "
       "<http://ex.org/g> .\n_:b <http://ex.org/p> <http://ex.org/c> .\n"},
      {RdfFormat::kTsv, "a\tb\t\"c\"@en\nd\te\tf\n"},
  };
  for (const auto& input : kInputs) {
    std::string text = input.text;
    for (size_t n = 0; n <= text.size(); ++n) {
      auto read = ReadRdfTriples(text.substr(0, n), Options(input.format));
      if (read.ok()) continue;
      const std::string& msg = read.status().message();
      EXPECT_EQ(msg.rfind("in:", 0), 0u) << n << ": " << msg;
      EXPECT_GT(msg.find(": ", 3), 3u) << n << ": " << msg;
    }
  }
}

TEST(RdfReaderTest, FormatsAndTerms) {
  EXPECT_EQ(*RdfFormatFromPath("dir.v2/x.ttl"), RdfFormat::kTurtle);
  EXPECT_EQ(*RdfFormatFromPath("x.NQ"), RdfFormat::kNQuads);
  EXPECT_FALSE(RdfFormatFromPath("dir.nt/file").ok());
  EXPECT_FALSE(RdfFormatFromName("rdfxml").ok());
  EXPECT_EQ(*ParseTermText("<http://ex.org/a>", BareName::kIri),
            Term::Iri(kEx + "a"));
  EXPECT_EQ(*ParseTermText("Paris", BareName::kIri),
            Term::Iri(std::string(kDefaultBaseIri) + "Paris"));
  EXPECT_EQ(*ParseTermText("\"x\"@fr", BareName::kIri),
            Term::LangLiteral("x", "fr"));
  EXPECT_EQ(*ParseTermText("Paris", BareName::kLiteral),
            Term::Literal("Paris"));
  EXPECT_FALSE(ParseTermText("<http://ex.org/a", BareName::kIri).ok());
}

}  // namespace
}  // namespace kg
