// Concurrent use (issue 7): readers beside a writing `kg ingest` see
// consistent snapshots, checked on every read; a second writer gets the clear
// "in use" error or waits with --wait; many reader processes open the store
// at once. The writer is held at a known point by making it read a FIFO:
// `kg ingest` opens the store (and takes the lock) before it reads its input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "tests/robustness/store_state.h"

namespace kg::testing {
namespace {

namespace fs = std::filesystem;

std::string ModelPath() {
  return std::string(KG_SOURCE_DIR) + "/models/en_ud.kgm";
}

std::string LockHolder(const std::string& db) {
  std::ifstream in(db + "/kg.lock");
  std::string pid;
  in >> pid;
  return pid;
}

// Waits until process `pid` holds the writer lock of `db`; false if it ended.
bool WaitForLock(const std::string& db, pid_t pid) {
  for (int i = 0; i < 60000; ++i) {
    if (LockHolder(db) == std::to_string(pid)) return true;
    int status;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

// One read: the invariants a snapshot must satisfy whatever the writer is
// doing. Returns "" or the first violation; *sequence gets the snapshot's
// write sequence number.
std::string CheckSnapshot(const std::string& db, uint64_t* sequence) {
  OpenOptions ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  auto store = Store::Open(db, ro);
  if (!store.ok()) return "open: " + store.status().ToString();
  auto view = (*store)->NewReadView();
  *sequence = view->sequence();
  std::map<std::string, DocumentRecord> records;
  for (auto it = view->Documents(); it->Valid(); it->Next()) {
    records[it->record().id] = it->record();
  }
  // The spo scan, and per predicate / per object counts through pos / osp.
  std::map<TermId, uint64_t> by_p, by_o;
  std::map<std::string, uint64_t> statements;
  uint64_t n = 0;
  auto it = view->Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next(), ++n) {
    IdTriple t = it->triple();
    ++by_p[t.p];
    ++by_o[t.o];
    auto support = view->Support(t);
    if (!support.ok() || *support == 0) return "triple without support";
    auto st = view->Statements(t);
    if (!st.ok()) return "statements: " + st.status().ToString();
    for (const StatementRecord& r : *st) {
      if (!records.count(r.document_id)) {
        return "statement " + r.id + " of absent document " + r.document_id;
      }
      ++statements[r.document_id];
    }
  }
  if (!it->status().ok()) return "scan: " + it->status().ToString();
  uint64_t via_pos = 0, via_osp = 0;
  for (const auto& [p, k] : by_p) {
    uint64_t c = view->Count(kNoTerm, p, kNoTerm);
    if (c != k) return "pos count differs from spo for one predicate";
    via_pos += c;
  }
  for (const auto& [o, k] : by_o) {
    uint64_t c = view->Count(kNoTerm, kNoTerm, o);
    if (c != k) return "osp count differs from spo for one object";
    via_osp += c;
  }
  if (via_pos != n || via_osp != n) return "index totals differ";
  // A document is whole: all of its statements are there.
  for (const auto& [id, rec] : records) {
    if (statements[id] != rec.statement_count) {
      return "document " + Describe(rec) + " shows " +
             std::to_string(statements[id]) + " statements";
    }
  }
  return "";
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(ModelPath())) {
      GTEST_SKIP() << "no parser model at " << ModelPath();
    }
    db_ = dir_.Sub("kg.db");
    samples_ = std::string(KG_SOURCE_DIR) + "/samples";
  }
  TempDir dir_{"kg-concurrency"};
  std::string db_, samples_;
};

TEST_F(ConcurrencyTest, ReadersCheckEverySnapshotWhileIngestWrites) {
  // Two passes: the second ingests changed copies of the documents (same
  // ids, new text), so each one is replaced: readers see retractions and
  // additions.
  ASSERT_EQ(RunKg({"--db", db_, "ingest", "--quiet", samples_}).code, 0);
  const std::string changed = dir_.Sub("changed");
  fs::create_directories(changed);
  for (const auto& e : fs::directory_iterator(samples_)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), {});
    std::ofstream(changed + "/" + e.path().filename().string())
        << text << "\nThe committee met again on Friday in Brussels.\n";
  }
  std::atomic<bool> writing{true};
  std::atomic<int> reads{0};
  std::vector<std::string> violations;
  std::set<uint64_t> snapshots;
  std::mutex mu;
  auto reader = [&] {
    while (writing.load()) {
      uint64_t sequence = 0;
      std::string v = CheckSnapshot(db_, &sequence);
      std::lock_guard<std::mutex> lock(mu);
      if (!v.empty()) violations.push_back(v);
      snapshots.insert(sequence);
      ++reads;
    }
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 2; ++i) readers.emplace_back(reader);
  // Reader processes too: `kg check` verifies every invariant of its snapshot.
  int checks = 0, check_failures = 0;
  std::thread checker([&] {
    while (writing.load()) {
      std::string r = KgCheck(db_);
      std::lock_guard<std::mutex> lock(mu);
      ++checks;
      if (!r.empty()) {
        ++check_failures;
        violations.push_back(r);
      }
    }
  });
  CliResult w = RunKg({"--db", db_, "ingest", "--threads", "1", changed});
  writing = false;
  for (auto& t : readers) t.join();
  checker.join();
  EXPECT_EQ(w.code, 0) << w.err;
  EXPECT_NE(w.out.find("documents: 0 added, 0 unchanged, 8 replaced"),
            std::string::npos)
      << w.out;
  EXPECT_TRUE(violations.empty()) << violations.front();
  EXPECT_GT(reads.load(), 0);
  EXPECT_GT(checks, 0);
  std::printf(
      "%d snapshot reads and %d kg check runs beside the writer, %zu "
      "distinct snapshots (write sequence numbers) seen, 0 violations\n",
      reads.load(), checks, snapshots.size());
  uint64_t sequence = 0;
  EXPECT_EQ(CheckSnapshot(db_, &sequence), "");
}

TEST_F(ConcurrencyTest, SecondWriterIsRefusedOrWaitsAndReadersCoexist) {
  ASSERT_EQ(RunKg({"--db", db_, "ingest", "--quiet", samples_}).code, 0);
  const std::string fifo = dir_.Sub("held.txt");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const std::string log = dir_.Sub("writer.log");
  pid_t writer =
      Spawn({KG_BINARY, "--db", db_, "ingest", "--quiet", fifo}, {}, log);
  ASSERT_GT(writer, 0);
  ASSERT_TRUE(WaitForLock(db_, writer));

  // A second writer: the clear error at once, naming the holder.
  CliResult busy = RunKg({"--db", db_, "remove", "--doc", "held.txt"});
  EXPECT_EQ(busy.code, 1);
  EXPECT_NE(
      busy.err.find("store at " + db_ + " is in use by another process (pid " +
                    std::to_string(writer) + ")"),
      std::string::npos)
      << busy.err;

  // Many reader processes at once, beside the writer.
  std::vector<pid_t> readers;
  std::vector<std::string> logs;
  const char* kQuery = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  for (int i = 0; i < 12; ++i) {
    logs.push_back(dir_.Sub("reader" + std::to_string(i) + ".log"));
    std::vector<std::string> argv = {KG_BINARY, "--db", db_};
    if (i % 3 == 0) {
      argv.insert(argv.end(), {"check"});
    } else if (i % 3 == 1) {
      argv.insert(argv.end(), {"stats", "--format", "json"});
    } else {
      argv.insert(argv.end(), {"query", kQuery, "--format", "tsv"});
    }
    readers.push_back(Spawn(argv, {}, logs.back()));
  }
  for (size_t i = 0; i < readers.size(); ++i) {
    CliResult r = Wait(readers[i]);
    std::ifstream in(logs[i]);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(r.code, 0) << "reader " << i << ": " << text;
  }

  // A writer that waits: it starts now and must finish after the holder.
  pid_t waiter = Spawn(
      {KG_BINARY, "--db", db_, "--wait", "60", "remove", "--doc", "held.txt"},
      {}, dir_.Sub("waiter.log"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int status = 0;
  EXPECT_EQ(waitpid(waiter, &status, WNOHANG), 0) << "the waiter did not wait";
  {
    std::ofstream feed(fifo);  // unblocks the holder's reader
    feed << "Port Deal\n\nThe port signed a deal with the union on Monday.\n";
  }
  CliResult held = Wait(writer);
  EXPECT_EQ(held.code, 0);
  CliResult waited = Wait(waiter);
  std::ifstream in(dir_.Sub("waiter.log"));
  std::string text((std::istreambuf_iterator<char>(in)), {});
  // It removed the document the holder added: it ran after the holder.
  EXPECT_EQ(waited.code, 0) << text;
  EXPECT_NE(text.find("removed document 'held.txt'"), std::string::npos)
      << text;
  EXPECT_EQ(KgCheck(db_), "");
}

}  // namespace
}  // namespace kg::testing
