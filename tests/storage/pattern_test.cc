// Every bound/unbound pattern combination against a brute-force model, on
// randomised documents (fixed seed) written through AddDocument or BulkLoad,
// with replacements and removals so that support counts matter.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <tuple>

#include "storage/store.h"
#include "tests/storage/store_test_util.h"

namespace kg {
namespace {

using Key = std::tuple<TermId, TermId, TermId>;

Term RandomTerm(std::mt19937& rng, int universe) {
  int n = rng() % universe;
  switch (n % 4) {
    case 0:
      return Term::Iri("http://kg.local/e/" + std::to_string(n));
    case 1:
      return Term::Literal("lit " + std::to_string(n));
    case 2:
      return Term::LangLiteral("w" + std::to_string(n), "en");
    default:
      return Term::Typed(std::to_string(n), std::string(kXsdNs) + "integer");
  }
}

enum class Path { kPerDocument, kBulk, kMixed };

class PatternTest : public ::testing::TestWithParam<Path> {};

TEST_P(PatternTest, AllEightPatternsMatchTheModel) {
  TempDir dir{"kg-store"};
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  std::mt19937 rng(20261128);
  std::map<std::string, std::vector<Triple>> model;  // document -> triples
  int step = 0;
  auto write = [&](const DocumentInput& d) {
    const bool bulk = GetParam() == Path::kBulk ||
                      (GetParam() == Path::kMixed && (step++ % 2 == 0));
    auto r = bulk ? store->BulkLoad(d) : store->AddDocument(d);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  };
  for (int round = 0; round < 60; ++round) {
    const std::string id = "doc" + std::to_string(rng() % 25);
    if (rng() % 6 == 0 && model.count(id)) {
      ASSERT_TRUE(store->RemoveDocument(id).ok());
      model.erase(id);
      continue;
    }
    DocumentInput d = Doc(id, "hash" + std::to_string(round), {});
    const int n = 1 + rng() % 40;
    for (int i = 0; i < n; ++i) {
      // Subjects and predicates are IRIs; objects any kind.
      Term s = Term::Iri("http://kg.local/e/" + std::to_string(rng() % 12));
      Term p = Term::Iri("http://kg.local/p/" + std::to_string(rng() % 4));
      d.triples.push_back({s, p, RandomTerm(rng, 16)});
    }
    write(d);
    model[id] = d.triples;
  }

  auto view = store->NewReadView();
  auto id_of = [&](const Term& t) {
    auto r = view->Lookup(t);
    EXPECT_TRUE(r.ok()) << t.ToNTriples();
    return r.ok() ? *r : kNoTerm;
  };
  std::map<Key, std::set<std::string>> support;
  for (const auto& [doc, triples] : model) {
    for (const Triple& t : triples) {
      support[{id_of(t.subject), id_of(t.predicate), id_of(t.object)}].insert(
          doc);
    }
  }
  std::set<TermId> s_vals{kNoTerm + 99999}, p_vals{99999}, o_vals{99999};
  for (const auto& [k, docs] : support) {
    s_vals.insert(std::get<0>(k));
    p_vals.insert(std::get<1>(k));
    o_vals.insert(std::get<2>(k));
  }
  int checked = 0;
  for (int mask = 0; mask < 8; ++mask) {
    std::vector<TermId> ss{kNoTerm}, ps{kNoTerm}, os{kNoTerm};
    if (mask & 1) ss.assign(s_vals.begin(), s_vals.end());
    if (mask & 2) ps.assign(p_vals.begin(), p_vals.end());
    if (mask & 4) os.assign(o_vals.begin(), o_vals.end());
    for (TermId s : ss) {
      for (TermId p : ps) {
        for (TermId o : os) {
          std::set<Key> want;
          for (const auto& [k, docs] : support) {
            if ((!s || std::get<0>(k) == s) && (!p || std::get<1>(k) == p) &&
                (!o || std::get<2>(k) == o)) {
              want.insert(k);
            }
          }
          std::set<Key> got;
          size_t n = 0;
          auto it = view->Match(s, p, o);
          for (; it->Valid(); it->Next(), ++n) {
            IdTriple t = it->triple();
            got.insert({t.s, t.p, t.o});
          }
          ASSERT_TRUE(it->status().ok());
          ASSERT_EQ(got, want) << "pattern " << s << " " << p << " " << o;
          ASSERT_EQ(n, want.size()) << "duplicates in scan";
          ASSERT_EQ(view->Count(s, p, o), want.size());
          if (want.size() > 2) {
            ASSERT_GE(view->Count(s, p, o, 2), 2u);
          }
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 500);
  for (const auto& [k, docs] : support) {
    auto n = view->Support({std::get<0>(k), std::get<1>(k), std::get<2>(k)});
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(*n, docs.size());
  }
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->triples, support.size());
  EXPECT_EQ(stats->documents, model.size());
}

INSTANTIATE_TEST_SUITE_P(Paths, PatternTest,
                         ::testing::Values(Path::kPerDocument, Path::kBulk,
                                           Path::kMixed));

}  // namespace
}  // namespace kg
