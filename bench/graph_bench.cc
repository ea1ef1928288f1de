// Graph benchmark: a synthetic entity graph of 1M triples with a skewed degree
// distribution, loaded into a kg store (BulkLoad) and, in the same run, into
// SQLite (three covering indexes). Measures snapshot build, 1-hop lookup
// p50/p99, 2-hop neighbourhood, shortest path between random pairs (SQLite: a
// recursive CTE) and PageRank. Prints a table; results go to
// docs/PERFORMANCE.md. Usage: graph_bench [--triples N] [--dir DIR] [--keep]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "graph/ranking.h"
#include "graph/snapshot_builder.h"
#include "graph/snapshot_cache.h"
#include "graph/walks.h"
#include "storage/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

struct Data {
  uint64_t entities = 0, predicates = 50;
  // Integer triples: entity i -> id i+1; predicates after the entities;
  // type/label last. Labels/types are not edges.
  std::vector<kg::IdTriple> edges;  // entity-entity
};

// Subjects mildly skewed (density ~ 1/sqrt), objects heavily skewed
// (log-uniform: P(k) ~ 1/k) to give hubs, as in news graphs.
Data Generate(uint64_t triples, uint64_t seed) {
  Data d;
  d.entities = triples / 10;
  const uint64_t edges = triples - 2 * d.entities;  // label + type each
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<uint64_t> perm(d.entities);
  for (uint64_t i = 0; i < d.entities; ++i) perm[i] = i;
  std::shuffle(perm.begin(), perm.end(), rng);
  d.edges.reserve(edges);
  while (d.edges.size() < edges) {
    double a = u(rng);
    uint64_t s = perm[static_cast<uint64_t>(d.entities * a * a)];
    uint64_t o = perm[static_cast<uint64_t>(
                          std::pow(static_cast<double>(d.entities), u(rng))) -
                      1];
    uint64_t p = rng() % d.predicates;
    if (s == o) continue;
    d.edges.push_back({s, p, o});
  }
  std::sort(d.edges.begin(), d.edges.end(), [](auto& x, auto& y) {
    return std::tie(x.s, x.p, x.o) < std::tie(y.s, y.p, y.o);
  });
  d.edges.erase(std::unique(d.edges.begin(), d.edges.end()), d.edges.end());
  return d;
}

std::string EntityIri(uint64_t i) {
  return std::string(kg::kDefaultBaseIri) + "entity/E" + std::to_string(i);
}

struct Percentiles {
  double p50, p99, mean;
};
Percentiles Summarise(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 99 / 100)],
          sum / v.size()};
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

// Aborts a SQLite statement that runs past its deadline.
Clock::time_point g_deadline;
int Progress(void*) { return Clock::now() > g_deadline ? 1 : 0; }

}  // namespace

int main(int argc, char** argv) {
  uint64_t triples = 1000000;
  std::string dir = "/tmp/kg_graph_bench";
  bool keep = false;  // --keep: leave the store and the SQLite file behind
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--keep")) keep = true;
  }
  for (int i = 1; i + 1 < argc; ++i) {
    if (!std::strcmp(argv[i], "--triples")) triples = std::stoull(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
  }
  namespace fs = std::filesystem;
  fs::remove_all(dir);
  fs::create_directories(dir);

  auto load_average = [] {
    std::FILE* f = std::fopen("/proc/loadavg", "r");
    double l = -1;
    if (f != nullptr) {
      if (std::fscanf(f, "%lf", &l) != 1) l = -1;
      std::fclose(f);
    }
    return l;
  };
  std::printf("load average at start: %.1f\n", load_average());
  Data data = Generate(triples, 20261128);
  const uint64_t n = data.entities;
  const uint64_t type_id = n + data.predicates + 1, label_id = type_id + 1;
  std::printf("data: %llu entities, %zu entity-entity triples, %llu total\n",
              (unsigned long long)n, data.edges.size(),
              (unsigned long long)(data.edges.size() + 2 * n));

  // ---- kg store ----
  auto opened = kg::Store::Open(dir + "/store");
  if (!opened.ok()) {
    std::fprintf(stderr, "store: %s\n", opened.status().message().c_str());
    return 1;
  }
  auto store = std::move(opened).value();
  {
    kg::DocumentInput doc;
    doc.id = "synthetic";
    doc.content_hash = "1";
    doc.triples.reserve(data.edges.size() + 2 * n);
    const std::string type = std::string(kg::kRdfNs) + "type";
    const std::string label = std::string(kg::kRdfsNs) + "label";
    const std::string cls = std::string(kg::kDefaultBaseIri) + "Person";
    for (uint64_t i = 0; i < n; ++i) {
      doc.triples.push_back({kg::Term::Iri(EntityIri(i)), kg::Term::Iri(type),
                             kg::Term::Iri(cls)});
      doc.triples.push_back({kg::Term::Iri(EntityIri(i)), kg::Term::Iri(label),
                             kg::Term::Literal("Entity " + std::to_string(i))});
    }
    for (const kg::IdTriple& e : data.edges) {
      doc.triples.push_back({kg::Term::Iri(EntityIri(e.s)),
                             kg::Term::Iri(std::string(kg::kDefaultBaseIri) +
                                           "rel/r" + std::to_string(e.p)),
                             kg::Term::Iri(EntityIri(e.o))});
    }
    auto t0 = Clock::now();
    auto added = store->BulkLoad(doc);
    if (!added.ok()) {
      std::fprintf(stderr, "bulk load: %s\n", added.status().message().c_str());
      return 1;
    }
    std::printf("kg bulk load: %.2f s\n", Seconds(t0, Clock::now()));
  }

  auto view = store->NewReadView();
  {
    // The ceiling for a build: one bare scan of the spo index.
    auto t1 = Clock::now();
    uint64_t scanned = 0, sum = 0;
    for (auto it = view->Match(kg::kNoTerm, kg::kNoTerm, kg::kNoTerm);
         it->Valid(); it->Next()) {
      sum += it->triple().o;
      ++scanned;
    }
    double s = Seconds(t1, Clock::now());
    std::printf("bare spo scan: %llu triples in %.3f s = %.2f M triples/s%s\n",
                (unsigned long long)scanned, s, scanned / s / 1e6,
                sum == 0 ? " (empty?)" : "");
  }
  kg::SnapshotOptions sopt;
  kg::BuildStats stats;
  auto t0 = Clock::now();
  auto built = kg::BuildEntityGraph(*view, sopt, &stats);
  double build_s = Seconds(t0, Clock::now());
  if (!built.ok()) {
    std::fprintf(stderr, "build: %s\n", built.status().message().c_str());
    return 1;
  }
  std::unique_ptr<kg::EntityGraph> graph = std::move(built).value();
  const kg::EntityGraph& g = *graph;
  std::printf(
      "snapshot build (scan %llu triples, %llu terms resolved): %u vertices, "
      "%llu edges in %.3f s = %.2f M edges/s\n",
      (unsigned long long)stats.triples_scanned,
      (unsigned long long)stats.terms_resolved, g.num_vertices(),
      (unsigned long long)g.num_edges(), build_s,
      g.num_edges() / build_s / 1e6);
  {
    auto triples_of = g.Triples();
    auto t1 = Clock::now();
    auto again = kg::EntityGraph::FromTriples(triples_of, 0);
    double s = Seconds(t1, Clock::now());
    std::printf("  of which CSR construction alone: %.3f s = %.2f M edges/s\n",
                s, again->num_edges() / s / 1e6);
  }
  {
    kg::SnapshotCache cache(sopt, store->path());
    auto first = cache.Get(*view);  // builds and writes the file
    kg::SnapshotCache fresh(sopt, store->path());
    auto t1 = Clock::now();
    auto loaded = fresh.Get(*view);
    double s = Seconds(t1, Clock::now());
    std::printf(
        "  snapshot from the on-disk cache (new process): %.3f s "
        "(%s)\n",
        s,
        fresh.last_source() == kg::SnapshotCache::Source::kDisk ? "disk"
                                                                : "rebuilt");
    auto t2 = Clock::now();
    auto hit = fresh.Get(*view);
    std::printf("  snapshot from memory (unchanged sequence): %.1f us\n",
                Seconds(t2, Clock::now()) * 1e6);
    // A one-document change: the snapshot is rebuilt (one scan), but term
    // classes learned before are reused, so only the new terms are resolved.
    kg::DocumentInput doc;
    doc.id = "change";
    doc.content_hash = "1";
    doc.triples.push_back(
        {kg::Term::Iri(EntityIri(0)),
         kg::Term::Iri(std::string(kg::kDefaultBaseIri) + "rel/new"),
         kg::Term::Iri(EntityIri(n + 1))});
    if (!store->AddDocument(doc).ok()) return 1;
    auto changed = store->NewReadView();
    auto t3 = Clock::now();
    auto rebuilt = fresh.Get(*changed);
    double r = Seconds(t3, Clock::now());
    std::printf(
        "  rebuild after a one-document change (%s): %.3f s = %.2f M "
        "edges/s\n",
        fresh.last_source() == kg::SnapshotCache::Source::kBuilt
            ? "built"
            : "not rebuilt?",
        r, (*rebuilt)->num_edges() / r / 1e6);
    std::remove((dir + "/store/" + kg::SnapshotCache::kFileName).c_str());
  }

  // ---- SQLite ----
  sqlite3* db = nullptr;
  Check(sqlite3_open((dir + "/bench.sqlite").c_str(), &db), db, "open");
  sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", 0, 0, 0);
  t0 = Clock::now();
  Check(sqlite3_exec(db,
                     "CREATE TABLE t(s INTEGER, p INTEGER, o INTEGER);"
                     "BEGIN;",
                     0, 0, 0),
        db, "create");
  {
    sqlite3_stmt* ins;
    sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?,?,?)", -1, &ins, 0);
    auto put = [&](uint64_t s, uint64_t p, uint64_t o) {
      sqlite3_bind_int64(ins, 1, s);
      sqlite3_bind_int64(ins, 2, p);
      sqlite3_bind_int64(ins, 3, o);
      Check(sqlite3_step(ins), db, "insert");
      sqlite3_reset(ins);
    };
    for (uint64_t i = 0; i < n; ++i) {
      put(i + 1, type_id, label_id + 1);
      put(i + 1, label_id, label_id + 2 + i);
    }
    for (const kg::IdTriple& e : data.edges) put(e.s + 1, n + 1 + e.p, e.o + 1);
    sqlite3_finalize(ins);
  }
  Check(sqlite3_exec(db,
                     "COMMIT;"
                     "CREATE INDEX spo ON t(s,p,o);"
                     "CREATE INDEX pos ON t(p,o,s);"
                     "CREATE INDEX osp ON t(o,s,p);"
                     "ANALYZE;",
                     0, 0, 0),
        db, "index");
  std::printf("sqlite load + 3 indexes: %.2f s\n", Seconds(t0, Clock::now()));
  sqlite3_progress_handler(db, 10000, Progress, nullptr);

  std::mt19937_64 rng(7);
  auto random_vertex = [&] {
    return static_cast<kg::VertexId>(rng() % g.num_vertices());
  };
  // kg vertex -> SQLite id (the entity number + 1): parse it back from the
  // store's IRI once per sampled vertex.
  auto sqlite_id = [&](kg::VertexId v) -> int64_t {
    auto term = view->Resolve(g.term(v));
    const std::string& iri = term->value;
    return std::stoll(iri.substr(iri.rfind('E') + 1)) + 1;
  };
  const std::string not_meta = " AND p <> " + std::to_string(type_id) +
                               " AND p <> " + std::to_string(label_id);

  // 1-hop.
  {
    const int kQueries = 20000;
    std::vector<kg::VertexId> vs(kQueries);
    std::vector<int64_t> ids(kQueries);
    for (int i = 0; i < kQueries; ++i) {
      vs[i] = random_vertex();
      ids[i] = sqlite_id(vs[i]);
    }
    std::vector<double> kg_us, sql_us;
    size_t kg_rows = 0, sql_rows = 0;
    kg::NeighborOptions o;
    for (int i = 0; i < kQueries; ++i) {
      auto a = Clock::now();
      // The full lookup a caller does: term id -> vertex -> neighbours.
      kg::VertexId v = g.vertex(g.term(vs[i]));
      kg_rows += kg::Neighbors(g, v, o).size();
      kg_us.push_back(Seconds(a, Clock::now()) * 1e6);
    }
    sqlite3_stmt* q;
    std::string sql = "SELECT p, o FROM t WHERE s = ?1" + not_meta +
                      " UNION ALL SELECT p, s FROM t WHERE o = ?1" + not_meta;
    Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, 0), db, "prep 1hop");
    g_deadline = Clock::now() + std::chrono::hours(1);
    for (int i = 0; i < kQueries; ++i) {
      auto a = Clock::now();
      sqlite3_bind_int64(q, 1, ids[i]);
      while (sqlite3_step(q) == SQLITE_ROW) ++sql_rows;
      sqlite3_reset(q);
      sql_us.push_back(Seconds(a, Clock::now()) * 1e6);
    }
    sqlite3_finalize(q);
    auto k = Summarise(kg_us), s = Summarise(sql_us);
    std::printf(
        "1-hop (%d random entities; rows kg %zu / sqlite %zu):\n"
        "  kg     p50 %.2f us  p99 %.2f us  mean %.2f us\n"
        "  sqlite p50 %.2f us  p99 %.2f us  mean %.2f us\n",
        kQueries, kg_rows, sql_rows, k.p50, k.p99, k.mean, s.p50, s.p99,
        s.mean);
  }

  // 2-hop neighbourhood (distinct entities within 2 hops, both directions).
  {
    const int kQueries = 100;
    std::vector<double> kg_us, sql_us;
    size_t mismatches = 0;
    sqlite3_stmt* q;
    std::string sql =
        "WITH RECURSIVE walk(v, d) AS (SELECT ?1, 0 UNION "
        "SELECT o, d + 1 FROM walk JOIN t ON s = v WHERE d < 2" +
        not_meta +
        " UNION SELECT s, d + 1 FROM walk JOIN t ON o = v WHERE d < 2" +
        not_meta + ") SELECT count(DISTINCT v) - 1 FROM walk";
    Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, 0), db, "prep 2hop");
    kg::NeighborOptions o;
    o.depth = 2;
    for (int i = 0; i < kQueries; ++i) {
      kg::VertexId v = random_vertex();
      int64_t id = sqlite_id(v);
      auto a = Clock::now();
      auto rows = kg::Neighbors(g, v, o);
      size_t distinct = 0;
      for (const kg::Reached& r : rows) distinct += r.first;
      kg_us.push_back(Seconds(a, Clock::now()) * 1e6);
      a = Clock::now();
      g_deadline = a + std::chrono::seconds(30);
      sqlite3_bind_int64(q, 1, id);
      int64_t count = -1;
      if (sqlite3_step(q) == SQLITE_ROW) count = sqlite3_column_int64(q, 0);
      sqlite3_reset(q);
      sql_us.push_back(Seconds(a, Clock::now()) * 1e6);
      if (count != static_cast<int64_t>(distinct)) ++mismatches;
    }
    sqlite3_finalize(q);
    auto k = Summarise(kg_us), s = Summarise(sql_us);
    std::printf(
        "2-hop neighbourhood (%d random entities; %zu count "
        "mismatches):\n"
        "  kg     p50 %.1f us  p99 %.1f us  mean %.1f us\n"
        "  sqlite p50 %.1f us  p99 %.1f us  mean %.1f us  "
        "(mean ratio %.1fx)\n",
        kQueries, mismatches, k.p50, k.p99, k.mean, s.p50, s.p99, s.mean,
        s.mean / k.mean);
  }

  // Shortest path between random pairs (undirected).
  {
    const int kQueries = 50;
    std::vector<double> kg_us, sql_us;
    size_t mismatches = 0, timeouts = 0, found = 0;
    sqlite3_stmt* q;
    // Breadth-first by depth (ORDER BY d), stops at the first row reaching the
    // target (LIMIT 1). Bounded at the distance kg found, which favours
    // SQLite: on its own it would need an upper bound guess.
    std::string sql =
        "WITH RECURSIVE bfs(v, d) AS (SELECT ?1, 0 UNION "
        "SELECT o, d + 1 FROM bfs JOIN t ON s = v WHERE d < ?3" +
        not_meta +
        " UNION SELECT s, d + 1 FROM bfs JOIN t ON o = v WHERE d < ?3" +
        not_meta + " ORDER BY 2) SELECT d FROM bfs WHERE v = ?2 LIMIT 1";
    Check(sqlite3_prepare_v2(db, sql.c_str(), -1, &q, 0), db, "prep path");
    kg::PathOptions o;
    o.max_depth = 8;
    for (int i = 0; i < kQueries; ++i) {
      kg::VertexId a_v = random_vertex(), b_v = random_vertex();
      auto a = Clock::now();
      auto paths = kg::ShortestPaths(g, a_v, b_v, o);
      kg_us.push_back(Seconds(a, Clock::now()) * 1e6);
      if (paths.empty()) continue;
      ++found;
      const int64_t len = static_cast<int64_t>(paths[0].size());
      a = Clock::now();
      g_deadline = a + std::chrono::seconds(20);
      sqlite3_bind_int64(q, 1, sqlite_id(a_v));
      sqlite3_bind_int64(q, 2, sqlite_id(b_v));
      sqlite3_bind_int64(q, 3, len);
      int rc = sqlite3_step(q);
      int64_t d = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
      if (rc == SQLITE_INTERRUPT) ++timeouts;
      sqlite3_reset(q);
      sql_us.push_back(Seconds(a, Clock::now()) * 1e6);
      if (rc != SQLITE_INTERRUPT && d != len) ++mismatches;
    }
    sqlite3_finalize(q);
    auto k = Summarise(kg_us), s = Summarise(sql_us);
    std::printf(
        "shortest path (%d random pairs, %zu connected; %zu length "
        "mismatches, %zu sqlite timeouts at 20 s):\n"
        "  kg     p50 %.1f us  p99 %.1f us  mean %.1f us\n"
        "  sqlite p50 %.1f us  p99 %.1f us  mean %.1f us  "
        "(mean ratio %.1fx)\n",
        kQueries, found, mismatches, timeouts, k.p50, k.p99, k.mean, s.p50,
        s.p99, s.mean, s.mean / k.mean);
  }

  // PageRank.
  {
    auto a = Clock::now();
    auto pr = kg::PageRank(g);
    double s = Seconds(a, Clock::now());
    kg::PageRankOptions twenty;
    twenty.max_iterations = 20;
    twenty.tolerance = 0;
    a = Clock::now();
    auto pr20 = kg::PageRank(g, twenty);
    double s20 = Seconds(a, Clock::now());
    std::printf(
        "pagerank: to convergence (1e-12/vertex) %.3f s; 20 "
        "iterations %.3f s\n",
        s, s20);
    // SQLite: 20 iterations of the same power step in SQL.
    a = Clock::now();
    std::string setup =
        "CREATE TEMP TABLE e AS SELECT s, o FROM t WHERE 1" + not_meta +
        ";"
        "CREATE TEMP TABLE deg AS SELECT s AS v, count(*) AS c FROM e GROUP BY "
        "s;"
        "CREATE TEMP TABLE nodes AS SELECT s AS v FROM e UNION SELECT o FROM e;"
        "CREATE TEMP TABLE pr AS SELECT v, 1.0 / (SELECT count(*) FROM nodes) "
        "AS r FROM nodes;";
    g_deadline = a + std::chrono::seconds(600);
    Check(sqlite3_exec(db, setup.c_str(), 0, 0, 0), db, "pr setup");
    std::string step =
        "CREATE TEMP TABLE nx AS SELECT nodes.v AS v, "
        "(0.15 + 0.85 * (SELECT coalesce(sum(r), 0) FROM pr WHERE v NOT IN "
        "(SELECT v FROM deg))) / (SELECT count(*) FROM nodes) + 0.85 * "
        "coalesce((SELECT sum(pr.r / deg.c) FROM e JOIN pr ON pr.v = e.s JOIN "
        "deg ON deg.v = e.s WHERE e.o = nodes.v), 0) AS r FROM nodes;"
        "DROP TABLE pr; ALTER TABLE nx RENAME TO pr;";
    Check(sqlite3_exec(db, "CREATE INDEX e_o ON e(o);", 0, 0, 0), db, "e_o");
    int iterations = 0;
    for (; iterations < 3; ++iterations) {
      if (sqlite3_exec(db, step.c_str(), 0, 0, 0) != SQLITE_OK) break;
      sqlite3_exec(db, "CREATE INDEX pr_v ON pr(v);", 0, 0, 0);
    }
    double sq = Seconds(a, Clock::now());
    // The same number of power steps in kg must give the same ranks.
    kg::PageRankOptions same = twenty;
    same.max_iterations = iterations;
    auto pr_same = kg::PageRank(g, same);
    double max_diff = 0;
    sqlite3_stmt* q;
    sqlite3_prepare_v2(db, "SELECT v, r FROM pr", -1, &q, 0);
    std::vector<double> by_id(n + 2, 0);
    while (sqlite3_step(q) == SQLITE_ROW) {
      by_id[sqlite3_column_int64(q, 0)] = sqlite3_column_double(q, 1);
    }
    sqlite3_finalize(q);
    for (kg::VertexId v = 0; v < g.num_vertices() && v < 2000; ++v) {
      max_diff =
          std::max(max_diff, std::fabs(pr_same[v] - by_id[sqlite_id(v)]));
    }
    std::printf(
        "  sqlite: %d iterations in %.2f s = %.2f s per iteration, kg %.4f s "
        "per iteration (max |diff| on 2000 vertices: %.2g)\n",
        iterations, sq, sq / std::max(iterations, 1), s20 / 20, max_diff);
  }
  sqlite3_close(db);
  std::printf("load average at end: %.1f\n", load_average());
  if (!keep) fs::remove_all(dir);
  return 0;
}
