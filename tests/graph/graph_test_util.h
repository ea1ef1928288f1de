// Helpers for graph tests that need a real store: a temporary store directory
// and terms in the kg vocabulary.
#ifndef KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_
#define KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/store.h"

namespace kg::testing {

inline Term Entity(const std::string& name) {
  return Term::Iri(std::string(kDefaultBaseIri) + "entity/" + name);
}
inline Term Rel(const std::string& name) {
  return Term::Iri(std::string(kDefaultBaseIri) + "rel/" + name);
}
// A property directly under the base, as <base>country or <base>affiliation.
inline Term Prop(const std::string& name) {
  return Term::Iri(std::string(kDefaultBaseIri) + name);
}
inline Term Rdf(const std::string& local) {
  return Term::Iri(std::string(kRdfNs) + local);
}
inline Term Label() { return Term::Iri(std::string(kRdfsNs) + "label"); }
inline Term Alias() {
  return Term::Iri(std::string(kDefaultBaseIri) + "alias");
}

// A fresh store in a temporary directory, removed at the end of the test.
class StoreFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kg_graph_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    auto store = Store::Open(dir_.string());
    if (store.status().code() == Status::Code::kUnimplemented) {
      GTEST_SKIP() << "the store engine is not built: "
                   << store.status().message();
    }
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Add(const std::string& id, std::vector<Triple> triples) {
    DocumentInput doc;
    doc.id = id;
    doc.content_hash = id + std::to_string(triples.size());
    doc.triples = std::move(triples);
    auto r = store_->AddDocument(doc);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  TermId Id(const Term& t) {
    auto v = store_->NewReadView();
    auto id = v->Lookup(t);
    return id.ok() ? *id : kNoTerm;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_GRAPH_GRAPH_TEST_UTIL_H_
