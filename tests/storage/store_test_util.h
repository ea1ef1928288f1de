// Helpers shared by the store tests: TempDir (tests/temp_dir.h) and small
// constructors for terms and documents.
#ifndef KG_TESTS_STORAGE_STORE_TEST_UTIL_H_
#define KG_TESTS_STORAGE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "storage/store.h"
#include "tests/temp_dir.h"

namespace kg {

using testing::TempDir;

inline Term E(const std::string& name) {
  return Term::Iri("http://kg.local/e/" + name);
}

inline Triple T(const std::string& s, const std::string& p,
                const std::string& o) {
  return {E(s), E(p), E(o)};
}

inline DocumentInput Doc(const std::string& id, const std::string& hash,
                         std::vector<Triple> triples) {
  DocumentInput d;
  d.id = id;
  d.content_hash = hash;
  d.title = "title of " + id;
  d.triples = std::move(triples);
  return d;
}

inline std::unique_ptr<Store> OpenOrDie(const std::string& path,
                                        OpenOptions options = {}) {
  auto s = Store::Open(path, options);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(*s) : nullptr;
}

}  // namespace kg

#endif  // KG_TESTS_STORAGE_STORE_TEST_UTIL_H_
