// Store benchmark (docs/PERFORMANCE.md "Store"). In one run, on N synthetic
// triples: raw RocksDB (sort 3 permutations of id keys, SstFileWriter, one
// IngestExternalFiles) beside Store::BulkLoad of the same triples as one
// document; the per-document AddDocument path (documents of --doc-size
// triples); and the latency of one-bound-position lookups on the warm store.
// Wall and CPU time (process user+sys, which includes RocksDB's threads) are
// both reported because the machine is shared.
//
// Usage: store_bench [--triples N] [--doc-size K] [--lookups L] [--dir DIR]
//                    [--per-doc 0|1]
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "storage/key_codec.h"
#include "storage/store.h"

namespace kg {
namespace {

struct Timer {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = Cpu();
  static double Cpu() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  }
  double Wall() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         wall)
        .count();
  }
  double CpuSpent() const { return Cpu() - cpu; }
};

void Report(const char* what, uint64_t n, const Timer& t) {
  const double wall = t.Wall(), cpu = t.CpuSpent();
  std::printf(
      "%-34s %9.2f s wall %9.0f triples/s | %7.2f s cpu %9.0f triples/cpu-s\n",
      what, wall, n / wall, cpu, n / cpu);
}

// News-like synthetic data: 100k subjects, 50 predicates; objects a third
// each language literals, integers and entity IRIs.
std::vector<Triple> Generate(size_t n) {
  std::mt19937_64 rng(1);
  std::vector<Triple> out;
  out.reserve(n);
  const std::string e = "http://example.org/e/", p = "http://example.org/p/";
  for (size_t i = 0; i < n; ++i) {
    Triple t{Term::Iri(e + std::to_string(rng() % 100000)),
             Term::Iri(p + std::to_string(rng() % 50)),
             {}};
    if (i % 3 == 0) {
      t.object = Term::LangLiteral(
          "literal value " + std::to_string(rng() % 200000), "en");
    } else if (i % 3 == 1) {
      t.object = Term::Typed(std::to_string(rng() % 1000),
                             std::string(kXsdNs) + "integer");
    } else {
      t.object = Term::Iri(e + std::to_string(rng() % 100000));
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool RawIngest(const std::string& dir, const std::vector<IdTriple>& ids) {
  rocksdb::Options o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs = {
      {"default", o}, {"spo", o}, {"pos", o}, {"osp", o}};
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status st = rocksdb::DB::Open(o, dir, cfs, &handles, &db);
  if (!st.ok()) {
    std::fprintf(stderr, "raw open: %s\n", st.ToString().c_str());
    return false;
  }
  std::vector<rocksdb::IngestExternalFileArg> args;
  std::vector<IndexKey> keys(ids.size());
  for (int i = 0; i < kIndexCount; ++i) {
    const auto kind = static_cast<IndexKind>(i);
    for (size_t k = 0; k < ids.size(); ++k)
      keys[k] = EncodeIndexKey(kind, ids[k]);
    // Bytewise order, as RocksDB's comparator (std::array<char> compares
    // signed chars).
    std::sort(keys.begin(), keys.end(),
              [](const IndexKey& a, const IndexKey& b) {
                return std::memcmp(a.data(), b.data(), a.size()) < 0;
              });
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    rocksdb::SstFileWriter w(rocksdb::EnvOptions(), o, handles[i + 1]);
    const std::string file = dir + "/raw" + std::to_string(i) + ".sst";
    if (!w.Open(file).ok()) return false;
    for (const IndexKey& k : keys) {
      if (!w.Put(rocksdb::Slice(k.data(), k.size()), "").ok()) return false;
    }
    if (!w.Finish().ok()) return false;
    rocksdb::IngestExternalFileArg arg;
    arg.column_family = handles[i + 1];
    arg.external_files = {file};
    arg.options.move_files = true;
    args.push_back(arg);
    keys.resize(ids.size());
  }
  rocksdb::Status s = db->IngestExternalFiles(args);
  if (!s.ok()) std::fprintf(stderr, "raw ingest: %s\n", s.ToString().c_str());
  bool ok = s.ok();
  for (auto* h : handles)
    db->DestroyColumnFamilyHandle(h).PermitUncheckedError();
  delete db;
  return ok;
}

double Percentile(std::vector<double>& v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

int Run(int argc, char** argv) {
  size_t n = 1000000, doc_size = 100, lookups = 20000, per_doc = 1;
  std::string dir = "/tmp/kg-store-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--triples")) n = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--doc-size")) doc_size = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--lookups")) lookups = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--per-doc")) per_doc = std::stoul(argv[i + 1]);
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::printf(
      "store_bench: %zu triples, documents of %zu, %zu lookups, dir %s\n", n,
      doc_size, lookups, dir.c_str());
  const std::vector<Triple> triples = Generate(n);

  // Raw RocksDB: ids are given (assigned here, untimed), only keys are written.
  std::vector<IdTriple> ids;
  {
    std::unordered_map<std::string, TermId> dict;
    auto id = [&dict](const Term& t) {
      return dict.emplace(t.Encode(), dict.size() + 1).first->second;
    };
    for (const Triple& t : triples)
      ids.push_back({id(t.subject), id(t.predicate), id(t.object)});
  }
  Timer raw;
  if (!RawIngest(dir + "/raw", ids))
    return std::fprintf(stderr, "raw ingest failed\n"), 1;
  const double raw_wall = raw.Wall(), raw_cpu = raw.CpuSpent();
  Report("raw SST ingest (3 indexes)", n, raw);

  auto opened = Store::Open(dir + "/bulk");
  if (!opened.ok())
    return std::fprintf(stderr, "%s\n", opened.status().ToString().c_str()), 1;
  std::unique_ptr<Store> store = std::move(*opened);
  DocumentInput doc;
  doc.id = "bulk";
  doc.content_hash = "1";
  doc.triples = triples;
  Timer bulk;
  auto r = store->BulkLoad(doc);
  if (!r.ok())
    return std::fprintf(stderr, "%s\n", r.status().ToString().c_str()), 1;
  const double bulk_wall = bulk.Wall(), bulk_cpu = bulk.CpuSpent();
  Report("Store::BulkLoad (one document)", n, bulk);
  std::printf("%-34s %9.2fx wall %31.2fx cpu\n", "bulk / raw rate",
              raw_wall / bulk_wall, raw_cpu / bulk_cpu);
  doc = DocumentInput();

  if (per_doc) {
    auto per_doc = Store::Open(dir + "/perdoc");
    if (!per_doc.ok()) return 1;
    Timer t;
    for (size_t b = 0, d = 0; b < n; b += doc_size, ++d) {
      DocumentInput in;
      in.id = "doc" + std::to_string(d);
      in.content_hash = "1";
      in.triples.assign(triples.begin() + b,
                        triples.begin() + std::min(n, b + doc_size));
      auto a = (*per_doc)->AddDocument(in);
      if (!a.ok())
        return std::fprintf(stderr, "%s\n", a.status().ToString().c_str()), 1;
    }
    Report("Store::AddDocument (per document)", n, t);
  }

  // Lookups on the bulk store: random bound subject / object / predicate.
  auto view = store->NewReadView();
  std::mt19937_64 rng(2);
  struct Kind {
    const char* name;
    int pos;
    size_t limit;
  } kinds[] = {{"Match(s,?,?) all rows", 0, SIZE_MAX},
               {"Match(?,?,o) all rows", 2, SIZE_MAX},
               {"Match(?,p,?) first 10 rows", 1, 10}};
  for (const Kind& k : kinds) {
    std::vector<TermId> keys;
    for (size_t i = 0; i < lookups; ++i) {
      const IdTriple& t = ids[rng() % ids.size()];  // raw ids: resolve via term
      const Triple& tt = triples[&t - ids.data()];
      const Term& term = k.pos == 0   ? tt.subject
                         : k.pos == 1 ? tt.predicate
                                      : tt.object;
      keys.push_back(*view->Lookup(term));
    }
    for (int pass = 0; pass < 2; ++pass) {  // pass 0 warms the cache
      std::vector<double> us;
      uint64_t rows = 0;
      for (TermId key : keys) {
        auto start = std::chrono::steady_clock::now();
        auto it = k.pos == 0   ? view->Match(key, kNoTerm, kNoTerm)
                  : k.pos == 1 ? view->Match(kNoTerm, key, kNoTerm)
                               : view->Match(kNoTerm, kNoTerm, key);
        size_t got = 0;
        for (; it->Valid() && got < k.limit; it->Next()) ++got;
        us.push_back(std::chrono::duration<double, std::micro>(
                         std::chrono::steady_clock::now() - start)
                         .count());
        rows += got;
      }
      if (pass == 1) {
        std::printf("%-34s p50 %7.1f us  p99 %7.1f us  (%.1f rows/lookup)\n",
                    k.name, Percentile(us, 0.5), Percentile(us, 0.99),
                    static_cast<double>(rows) / keys.size());
      }
    }
  }
  std::vector<double> us;
  for (size_t i = 0; i < lookups; ++i) {
    const Term& term = triples[rng() % n].object;
    auto start = std::chrono::steady_clock::now();
    auto id = view->Lookup(term);
    us.push_back(std::chrono::duration<double, std::micro>(
                     std::chrono::steady_clock::now() - start)
                     .count());
    if (!id.ok()) return 1;
  }
  std::printf("%-34s p50 %7.1f us  p99 %7.1f us\n", "Lookup(term) dictionary",
              Percentile(us, 0.5), Percentile(us, 0.99));
  auto stats = store->Stats();
  if (stats.ok()) {
    std::printf("bulk store: %lu triples, %lu terms, %.1f MB on disk\n",
                static_cast<unsigned long>(stats->triples),
                static_cast<unsigned long>(stats->terms),
                stats->disk_bytes / 1e6);
  }
  view.reset();
  store.reset();
  std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace kg

int main(int argc, char** argv) { return kg::Run(argc, argv); }
