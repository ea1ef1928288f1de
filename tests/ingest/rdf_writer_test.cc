#include "ingest/rdf_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/rdf_reader.h"

namespace kg {
namespace {

const std::string kEx = "http://ex.org/";

std::vector<Triple> SampleTriples() {
  return {
      {Term::Iri(kEx + "a"), Term::Iri(kEx + "p"), Term::Iri(kEx + "b")},
      {Term::Blank("x1"), Term::Iri(kEx + "p"),
       Term::LangLiteral("caf\xC3\xA9 \"quoted\"\nline", "fr")},
      {Term::Iri(kEx + "a"), Term::Iri(kEx + "p"),
       Term::Typed("2024-05-01", std::string(kXsdNs) + "date")},
      {Term::Iri(kEx + "a"), Term::Iri(kEx + "q"),
       Term::Literal("tab\there\\")},
      {Term::Iri(kEx + "a"), Term::Iri(kEx + "q"), Term::Blank("x1")},
  };
}

TEST(RdfWriterTest, NTriplesRoundTripThroughTheReader) {
  std::string out;
  RdfWriter writer(&out, RdfOutputFormat::kNTriples);
  for (const Triple& t : SampleTriples()) ASSERT_TRUE(writer.Write(t).ok());
  ASSERT_TRUE(writer.Finish().ok());
  EXPECT_EQ(writer.count(), 5u);
  for (unsigned char c : out) EXPECT_LT(c, 0x80) << "output is ASCII";
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 5);

  RdfReadOptions options;
  options.format = RdfFormat::kNTriples;
  auto back = ReadRdfTriples(out, options);
  ASSERT_TRUE(back.ok()) << back.status().message() << "\n" << out;
  auto expected = SampleTriples();
  ASSERT_EQ(back->size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ((*back)[i].subject, expected[i].subject) << i;
    EXPECT_EQ((*back)[i].predicate, expected[i].predicate) << i;
    EXPECT_EQ((*back)[i].object, expected[i].object) << i;
  }
}

TEST(RdfWriterTest, NQuadsCarriesGraphs) {
  std::string out;
  RdfWriter writer(&out, RdfOutputFormat::kNQuads);
  Term g = Term::Iri(kEx + "doc/1");
  auto triples = SampleTriples();
  ASSERT_TRUE(writer.Write(triples[0], &g).ok());
  ASSERT_TRUE(writer.Write(triples[1]).ok());
  ASSERT_TRUE(writer.Finish().ok());

  RdfReadOptions options;
  options.format = RdfFormat::kNQuads;
  std::vector<std::string> graphs;
  auto read = ReadRdfString(out, options, [&](const Triple&, const Term* gr) {
    graphs.push_back(gr ? gr->value : "");
    return Status::OK();
  });
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(graphs, (std::vector<std::string>{kEx + "doc/1", ""}));
}

TEST(RdfWriterTest, RefusesTermsWithoutAnNTriplesForm) {
  std::string out;
  RdfWriter writer(&out, RdfOutputFormat::kNTriples);
  EXPECT_FALSE(writer
                   .Write({Term::Literal("s"), Term::Iri(kEx + "p"),
                           Term::Iri(kEx + "o")})
                   .ok());
  EXPECT_FALSE(
      writer.Write({Term::Iri(kEx + "s"), Term::Blank("p"), Term::Iri(kEx)})
          .ok());
  EXPECT_EQ(writer.count(), 0u);
}

TEST(RdfWriterTest, ReportsAnUnwritableFile) {
  std::FILE* full = std::fopen("/dev/full", "w");
  if (full == nullptr) GTEST_SKIP() << "/dev/full is not available";
  {
    RdfWriter writer(full, RdfOutputFormat::kNTriples);
    Status st;
    for (int i = 0; i < 2000 && st.ok(); ++i) {
      st = writer.Write(SampleTriples()[0]);
    }
    if (st.ok()) st = writer.Finish();
    EXPECT_EQ(st.code(), Status::Code::kIOError);
  }
  std::fclose(full);
}

}  // namespace
}  // namespace kg
