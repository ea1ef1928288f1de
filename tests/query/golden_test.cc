// Golden-file tests: each tests/query/golden/*.rq holds a query, a line
// "----", the expected header (?var names) and rows (terms as the table shows
// them, tab-separated; empty = unbound), or "error: message". Rows compare as
// multisets unless the query has ORDER BY. The dataset is golden/data.nt.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "query/result_writer.h"
#include "tests/query/test_store.h"

namespace kg::query {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = fs::path(KG_SOURCE_DIR) / "tests/query/golden";

struct GoldenCase {
  std::string query;
  std::vector<std::string> expected;  // header first, or one "error: ..." line
};

GoldenCase ReadCase(const fs::path& path) {
  std::ifstream in(path);
  GoldenCase c;
  std::string line;
  bool in_expected = false;
  while (std::getline(in, line)) {
    if (!in_expected && line == "----") {
      in_expected = true;
    } else if (in_expected) {
      c.expected.push_back(line);
    } else {
      c.query += line + "\n";
    }
  }
  return c;
}

std::vector<std::string> Actual(Store& store, const std::string& query) {
  auto view = store.NewReadView();
  auto cursor = ExecuteQuery(*view, query);
  if (!cursor.ok()) return {"error: " + cursor.status().message()};
  std::vector<std::string> lines;
  std::string header;
  for (const std::string& v : (*cursor)->variables())
    header += (header.empty() ? "?" : "\t?") + v;
  lines.push_back(header);
  while ((*cursor)->Next()) {
    std::string line;
    const auto& row = (*cursor)->row();
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += '\t';
      if (row[i]) line += DisplayTerm(*row[i]);
    }
    lines.push_back(line);
  }
  if (!(*cursor)->status().ok())
    return {"error: " + (*cursor)->status().message()};
  return lines;
}

TEST(GoldenTest, EveryQueryGivesItsExpectedRows) {
  testing::TempStore store;
  ASSERT_TRUE(store.ok()) << store.error();
  std::vector<Triple> triples;
  ASSERT_TRUE(
      testing::ReadNTriples((kGoldenDir / "data.nt").string(), &triples));
  ASSERT_GT(triples.size(), 30u);
  ASSERT_TRUE(store.Add("golden", triples).ok());

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kGoldenDir))
    if (entry.path().extension() == ".rq") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 20u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    GoldenCase c = ReadCase(file);
    ASSERT_FALSE(c.expected.empty()) << "no ---- section";
    std::vector<std::string> actual = Actual(store.store(), c.query);
    bool ordered = c.query.find("ORDER BY") != std::string::npos;
    if (!ordered && actual.size() > 1 && c.expected.size() > 1) {
      std::sort(actual.begin() + 1, actual.end());
      std::sort(c.expected.begin() + 1, c.expected.end());
    }
    EXPECT_EQ(actual, c.expected) << c.query;
  }
}

}  // namespace
}  // namespace kg::query
