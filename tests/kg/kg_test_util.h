// Helpers for the facade tests: a temporary store directory, a few short
// articles written for these tests, and small query helpers. Everything goes
// through the public header kg/kg.h, as a service would use it.
#ifndef KG_TESTS_KG_KG_TEST_UTIL_H_
#define KG_TESTS_KG_KG_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "kg/kg.h"
#include "tests/temp_dir.h"

namespace kg::testing {

inline TextDocument Article(const std::string& id, const std::string& text) {
  TextDocument d;
  d.id = id;
  d.title = "Test article " + id;
  d.date = "2026-11-28";
  d.text = text;
  return d;
}

// Merkel meets Macron, Macron meets Scholz: a two-hop chain.
inline TextDocument MeetingArticle() {
  return Article("meetings",
                 "Angela Merkel met Emmanuel Macron in Paris on Monday.\n\n"
                 "Emmanuel Macron met Olaf Scholz in Berlin on Tuesday.\n");
}

inline std::string EntityIri(const std::string& local) {
  return std::string(kDefaultBaseIri) + "entity/" + local;
}
inline std::string RelIri(const std::string& local) {
  return std::string(kDefaultBaseIri) + "rel/" + local;
}

// Every row of a query as text (one vector per row); fails the test on error.
inline std::vector<std::vector<std::string>> Rows(const Database& db,
                                                  const std::string& sparql) {
  std::vector<std::vector<std::string>> rows;
  auto result = db.Query(sparql);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  if (!result.ok()) return rows;
  while ((*result)->Next()) {
    std::vector<std::string> row;
    for (size_t i = 0; i < (*result)->variables().size(); ++i) {
      row.push_back((*result)->Text(i));
    }
    rows.push_back(std::move(row));
  }
  EXPECT_TRUE((*result)->status().ok()) << (*result)->status().ToString();
  return rows;
}

}  // namespace kg::testing

#endif  // KG_TESTS_KG_KG_TEST_UTIL_H_
