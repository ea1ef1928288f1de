// SPARQL benchmark: 3-pattern joins over a synthetic news-like graph (default
// 1M triples; people know people with a skewed in-degree, work at skewed
// organisations located in cities), loaded into a kg store with BulkLoad and,
// in the same run, into SQLite (integer ids, three covering indexes).
// Measures parse + plan + run + reading every row, p50/p99 over random
// constants. Prints a table; results go to docs/PERFORMANCE.md ("Query").
// Usage: query_bench [--triples N] [--runs R] [--dir DIR]
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "query/query.h"
#include "storage/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Micros(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::micro>(b - a).count();
}

// Integer triples: entities 0..E-1, orgs E..E+O-1, cities after; predicates
// 0 knows, 1 worksAt, 2 locatedIn, 3 type.
struct Data {
  uint64_t people = 0, orgs = 0, cities = 50;
  std::vector<std::array<uint64_t, 3>> triples;
};

Data Generate(uint64_t total, uint64_t seed) {
  Data d;
  d.people = total / 10;
  d.orgs = std::max<uint64_t>(d.people / 50, 10);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  auto skewed = [&](uint64_t n) {  // P(k) ~ 1/k
    return static_cast<uint64_t>(std::pow(static_cast<double>(n), u(rng))) - 1;
  };
  for (uint64_t p = 0; p < d.people; ++p) {
    d.triples.push_back({p, 1, d.people + skewed(d.orgs)});
    d.triples.push_back({p, 3, 0});
  }
  for (uint64_t o = 0; o < d.orgs; ++o)
    d.triples.push_back(
        {d.people + o, 2, d.people + d.orgs + rng() % d.cities});
  while (d.triples.size() < total) {
    uint64_t s = rng() % d.people, o = skewed(d.people);
    if (s != o) d.triples.push_back({s, 0, o});
  }
  std::sort(d.triples.begin(), d.triples.end());
  d.triples.erase(std::unique(d.triples.begin(), d.triples.end()),
                  d.triples.end());
  return d;
}

std::string Name(const Data& d, uint64_t i) {
  std::string name = i < d.people            ? "E"
                     : i < d.people + d.orgs ? "Org"
                                             : "City";
  name += std::to_string(i < d.people            ? i
                         : i < d.people + d.orgs ? i - d.people
                                                 : i - d.people - d.orgs);
  return name;
}
const char* kPreds[] = {"knows", "worksAt", "locatedIn", "type"};

kg::Term Iri(const std::string& local) {
  return kg::Term::Iri(std::string(kg::kDefaultBaseIri) + local);
}

struct Stats {
  double p50, p99;
  uint64_t rows;
};
Stats Summarise(std::vector<double> v, uint64_t rows) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)],
          rows};
}

Stats RunKg(kg::Store& store, const std::vector<std::string>& queries) {
  std::vector<double> times;
  uint64_t rows = 0;
  for (const std::string& q : queries) {
    auto view = store.NewReadView();
    auto t0 = Clock::now();
    auto cursor = kg::query::ExecuteQuery(*view, q);
    if (!cursor.ok()) {
      std::fprintf(stderr, "%s\n", cursor.status().message().c_str());
      std::exit(1);
    }
    while ((*cursor)->Next()) ++rows;
    times.push_back(Micros(t0, Clock::now()));
    if (!(*cursor)->status().ok()) {
      std::fprintf(stderr, "%s\n", (*cursor)->status().message().c_str());
      std::exit(1);
    }
  }
  return Summarise(times, rows);
}

Stats RunSqlite(sqlite3* db, const char* sql,
                const std::vector<int64_t>& params) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
    std::exit(1);
  }
  std::vector<double> times;
  uint64_t rows = 0;
  for (int64_t p : params) {
    auto t0 = Clock::now();
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, p);
    while (sqlite3_step(st) == SQLITE_ROW) ++rows;
    times.push_back(Micros(t0, Clock::now()));
  }
  sqlite3_finalize(st);
  return Summarise(times, rows);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t total = 1000000;
  int runs = 200;
  std::string dir = "/tmp/kg-query-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--triples")) total = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Data d = Generate(total, 42);
  std::printf("data: %zu triples, %lu people, %lu orgs, %lu cities\n",
              d.triples.size(), (unsigned long)d.people, (unsigned long)d.orgs,
              (unsigned long)d.cities);

  auto store = kg::Store::Open(dir + "/kg");
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  kg::DocumentInput doc;
  doc.id = "synthetic";
  doc.content_hash = "42";
  for (const auto& t : d.triples)
    doc.triples.push_back({Iri(Name(d, t[0])), Iri(kPreds[t[1]]),
                           t[1] == 3 ? Iri("Person") : Iri(Name(d, t[2]))});
  auto t0 = Clock::now();
  auto added = (*store)->BulkLoad(doc);
  if (!added.ok()) {
    std::fprintf(stderr, "%s\n", added.status().message().c_str());
    return 1;
  }
  std::printf("kg BulkLoad: %.1f s\n", Micros(t0, Clock::now()) / 1e6);
  doc = {};

  sqlite3* db = nullptr;
  sqlite3_open((dir + "/sqlite.db").c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
               "CREATE TABLE t(s INTEGER, p INTEGER, o INTEGER);",
               nullptr, nullptr, nullptr);
  t0 = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?,?,?)", -1, &ins, nullptr);
  for (const auto& t : d.triples) {
    sqlite3_reset(ins);
    for (int i = 0; i < 3; ++i) sqlite3_bind_int64(ins, i + 1, t[i]);
    sqlite3_step(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(db,
               "COMMIT; CREATE INDEX spo ON t(s,p,o); CREATE INDEX pos ON "
               "t(p,o,s); CREATE INDEX osp ON t(o,s,p); ANALYZE;",
               nullptr, nullptr, nullptr);
  std::printf("SQLite load + 3 indexes: %.1f s\n\n",
              Micros(t0, Clock::now()) / 1e6);

  std::mt19937_64 rng(7);
  std::vector<int64_t> people, cities;
  for (int i = 0; i < runs; ++i) {
    // Targets drawn like the skewed objects, so some are hubs.
    people.push_back(static_cast<int64_t>(
        std::pow(static_cast<double>(d.people),
                 std::uniform_real_distribution<double>(0, 1)(rng)) -
        1));
    cities.push_back(
        static_cast<int64_t>(d.people + d.orgs + rng() % d.cities));
  }
  std::vector<std::string> q1, q2, q1c, q2c;
  for (int i = 0; i < runs; ++i) {
    q1c.push_back(
        "SELECT (COUNT(*) AS ?n) { ?p kg:knows kg:" + Name(d, people[i]) +
        " . ?p kg:worksAt ?o . ?o kg:locatedIn ?c }");
    q2c.push_back(
        "SELECT (COUNT(*) AS ?n) { ?a kg:knows ?b . ?b kg:worksAt ?o "
        ". ?o kg:locatedIn kg:" +
        Name(d, cities[i]) + " }");
    q1.push_back("SELECT ?p ?o ?c { ?p kg:knows kg:" + Name(d, people[i]) +
                 " . ?p kg:worksAt ?o . ?o kg:locatedIn ?c }");
    q2.push_back(
        "SELECT ?a ?b { ?a kg:knows ?b . ?b kg:worksAt ?o . "
        "?o kg:locatedIn kg:" +
        Name(d, cities[i]) + " }");
  }
  std::printf("%d runs per query, random constants\n", runs);
  std::printf("%-58s %10s %10s %12s\n", "query", "p50 us", "p99 us",
              "rows total");
  auto show = [](const char* name, const Stats& s) {
    std::printf("%-58s %10.1f %10.1f %12lu\n", name, s.p50, s.p99,
                (unsigned long)s.rows);
  };
  show("kg  Q1 ?p knows X . ?p worksAt ?o . ?o locatedIn ?c",
       RunKg(**store, q1));
  show("SQL Q1 (same, integer ids)",
       RunSqlite(db,
                 "SELECT a.s, b.o, c.o FROM t a JOIN t b ON b.s = a.s AND "
                 "b.p = 1 JOIN t c ON c.s = b.o AND c.p = 2 WHERE a.p = 0 AND "
                 "a.o = ?1",
                 people));
  show("kg  Q1 as COUNT(*) (join only, no terms read)", RunKg(**store, q1c));
  show("kg  Q2 ?a knows ?b . ?b worksAt ?o . ?o locatedIn CITY",
       RunKg(**store, q2));
  show("kg  Q2 as COUNT(*) (join only, no terms read)", RunKg(**store, q2c));
  show("SQL Q2 (same, integer ids)",
       RunSqlite(db,
                 "SELECT a.s, a.o FROM t c JOIN t b ON b.p = 1 AND b.o = c.s "
                 "JOIN t a ON a.p = 0 AND a.o = b.s WHERE c.p = 2 AND c.o = ?1",
                 cities));
  {
    // The unit cost of an index nested-loop join step: one ReadView::Match.
    auto view = (*store)->NewReadView();
    auto pid = view->Lookup(Iri("worksAt"));
    std::vector<double> seek;
    uint64_t found = 0;
    for (int i = 0; i < runs * 20; ++i) {
      auto sid = view->Lookup(Iri(Name(d, rng() % d.people)));
      if (!sid.ok() || !pid.ok()) continue;
      auto t1 = Clock::now();
      auto it = view->Match(*sid, *pid, kg::kNoTerm);
      found += it->Valid();
      seek.push_back(Micros(t1, Clock::now()));
    }
    Stats s = Summarise(seek, found);
    std::printf("%-58s %10.1f %10.1f %12lu\n",
                "kg  one index seek: Match(s, worksAt, ?)", s.p50, s.p99,
                (unsigned long)s.rows);
  }
  sqlite3_close(db);
  store->reset();
  std::filesystem::remove_all(dir);
  return 0;
}
