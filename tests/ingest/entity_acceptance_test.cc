// Issue 5's acceptance checks: `kg ingest` of the Armenia–NATO article through
// the real tagger, parser and extractor, then the entities and facts the
// issue names. Needs ../shared and the parser model; skips without them.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "ingest/entity_index.h"
#include "ingest/vocabulary.h"
#include "tests/cli_runner.h"

namespace kg {
namespace {

namespace fs = std::filesystem;

std::string ModelPath() {
  const char* env = std::getenv("KG_MODEL");
  return env != nullptr && *env != '\0'
             ? env
             : std::string(KG_SOURCE_DIR) + "/models/en_ud.kgm";
}

class EntityAcceptanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    article_ = std::string(KG_SHARED_DIR) + "/corpus/armenia-nato-talks.txt";
    if (!fs::exists(article_)) {
      skip_ = "shared data absent: " + article_;
      return;
    }
    if (!fs::exists(ModelPath())) {
      skip_ = "parser model absent: " + ModelPath();
      return;
    }
    db_ = (fs::temp_directory_path() /
           ("kg_entity_acceptance_" + std::to_string(::getpid())))
              .string();
    fs::remove_all(db_);
    testing::CliOptions merged;
    merged.merge_stderr = true;
    testing::CliResult r =
        testing::RunKg({"--db", db_, "ingest", "--quiet", article_}, merged);
    ingest_output_ = r.out;
    ingest_status_ = r.code;
  }
  static void TearDownTestSuite() {
    if (!db_.empty()) fs::remove_all(db_);
  }

  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
    ASSERT_EQ(ingest_status_, 0) << ingest_output_;
    OpenOptions ro;
    ro.read_only = true;
    auto store = Store::Open(db_, ro);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    view_ = store_->NewReadView();
    auto index = EntityIndex::Load(*view_, vocab_);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    index_ = std::make_unique<EntityIndex>(std::move(index).value());
  }

  const EntitySummary* One(const std::string& name) {
    auto found = index_->Find(name);
    return found.empty() ? nullptr : found.front();
  }

  TermId Id(const Term& t) {
    auto id = view_->Lookup(t);
    return id.ok() ? *id : kNoTerm;
  }

  std::vector<Term> Objects(TermId s, const Term& p) {
    std::vector<Term> out;
    TermId pid = Id(p);
    if (pid == kNoTerm) return out;
    for (auto it = view_->Match(s, pid, kNoTerm); it->Valid(); it->Next()) {
      out.push_back(view_->Resolve(it->triple().o).value());
    }
    return out;
  }

  static bool HasLiteral(const std::vector<Term>& v, const std::string& text) {
    for (const Term& t : v) {
      if (t.is_literal() && t.value == text) return true;
    }
    return false;
  }

  static inline std::string article_, db_, skip_, ingest_output_;
  static inline int ingest_status_ = -1;
  Vocabulary vocab_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ReadView> view_;
  std::unique_ptr<EntityIndex> index_;
};

TEST_F(EntityAcceptanceTest, PashinyanIsOnePersonWithRoleAndCountry) {
  const EntitySummary* full = One("Nikol Pashinyan");
  const EntitySummary* surname = One("Pashinyan");
  ASSERT_NE(full, nullptr);
  ASSERT_NE(surname, nullptr);
  EXPECT_EQ(full->id, surname->id);
  EXPECT_EQ(full->type, EntityType::kPerson);
  EXPECT_TRUE(
      HasLiteral(Objects(full->id, vocab_.Property("role")), "Prime Minister"));
  const EntitySummary* armenia = One("Armenia");
  ASSERT_NE(armenia, nullptr);
  auto countries = Objects(full->id, vocab_.Property("country"));
  ASSERT_EQ(countries.size(), 1u);
  EXPECT_EQ(countries[0].value, armenia->iri);
}

TEST_F(EntityAcceptanceTest, ColominaIsSecretaryGeneralOfNato) {
  const EntitySummary* colomina = One("Javier Colomina");
  ASSERT_NE(colomina, nullptr);
  EXPECT_EQ(colomina->type, EntityType::kPerson);
  EXPECT_TRUE(HasLiteral(Objects(colomina->id, vocab_.Property("role")),
                         "Secretary General"));
  const EntitySummary* nato = One("NATO");
  ASSERT_NE(nato, nullptr);
  auto affiliations = Objects(colomina->id, vocab_.Property("affiliation"));
  ASSERT_EQ(affiliations.size(), 1u);
  EXPECT_EQ(affiliations[0].value, nato->iri);
}

TEST_F(EntityAcceptanceTest, TypesOfPlacesAndNato) {
  for (const char* place : {"Yerevan", "Baku", "Moscow"}) {
    const EntitySummary* e = One(place);
    ASSERT_NE(e, nullptr) << place;
    EXPECT_EQ(e->type, EntityType::kLocation) << place;
  }
  const EntitySummary* nato = One("NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->type, EntityType::kOrganization);
}

TEST_F(EntityAcceptanceTest, PashinyanToColominaFactInYerevanOnJanuary19) {
  const EntitySummary* p = One("Nikol Pashinyan");
  const EntitySummary* c = One("Javier Colomina");
  const EntitySummary* yerevan = One("Yerevan");
  ASSERT_TRUE(p && c && yerevan);
  bool found = false;
  std::string seen;
  for (auto it = view_->Match(p->id, kNoTerm, c->id); it->Valid(); it->Next()) {
    auto statements = view_->Statements(it->triple());
    ASSERT_TRUE(statements.ok());
    for (const StatementRecord& r : *statements) {
      TermId st = Id(Term::Iri(r.id));
      auto locations = Objects(st, vocab_.Property("location"));
      auto dates = Objects(st, vocab_.Property("date"));
      bool here = !locations.empty() && locations[0].value == yerevan->iri;
      bool when =
          !dates.empty() && dates[0].value.find("01-19") != std::string::npos;
      seen += r.id + (here ? " at Yerevan" : "") + (when ? " on 01-19" : "");
      found |= here && when;
    }
  }
  EXPECT_TRUE(found) << seen;
}

TEST_F(EntityAcceptanceTest, ArmeniaAndAzerbaijanWithinTwoSteps) {
  // Undirected adjacency over facts between typed entities.
  std::map<TermId, std::set<TermId>> adj;
  for (const EntitySummary& e : index_->entities()) {
    for (auto it = view_->Match(e.id, kNoTerm, kNoTerm); it->Valid();
         it->Next()) {
      TermId o = it->triple().o;
      if (o != e.id && index_->ById(o) != nullptr) {
        adj[e.id].insert(o);
        adj[o].insert(e.id);
      }
    }
  }
  auto distance = [&](const std::string& a, const std::string& b) {
    const EntitySummary* from = One(a);
    const EntitySummary* to = One(b);
    if (from == nullptr || to == nullptr) return 99;
    std::map<TermId, int> dist{{from->id, 0}};
    std::deque<TermId> queue{from->id};
    while (!queue.empty()) {
      TermId x = queue.front();
      queue.pop_front();
      if (x == to->id) return dist[x];
      for (TermId y : adj[x]) {
        if (dist.emplace(y, dist[x] + 1).second) queue.push_back(y);
      }
    }
    return 99;
  };
  int d =
      std::min(distance("Armenia", "Azerbaijan"), distance("Yerevan", "Baku"));
  EXPECT_LE(d, 2);
}

}  // namespace
}  // namespace kg
