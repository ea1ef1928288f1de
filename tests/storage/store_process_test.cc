// Multi-process behaviour: the writer lock and its error text, waiting for the
// lock, read-only opens beside a live writer, and atomicity when a writer is
// killed with SIGKILL. Children are this test binary re-executed (fork+exec, so
// no RocksDB thread state is inherited) with KG_STORE_CHILD naming their role.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "storage/store.h"
#include "tests/storage/store_test_util.h"

namespace kg {
namespace {

constexpr const char* kUnique = "http://kg.local/u/";

// Document n at version `hash` ("h1" or "h2"): K unique triples whose subject
// names the document and version, plus one triple shared with other documents.
int UniqueCount(int n, const std::string& hash) {
  return 20 + (n % 7) * 10 + (hash == "h2" ? 5 : 0);
}

DocumentInput ChildDoc(int n, const std::string& hash) {
  const std::string id = "doc" + std::to_string(n);
  DocumentInput d = Doc(id, hash, {});
  const Term subject = Term::Iri(kUnique + id + "/" + hash);
  for (int k = 0; k < UniqueCount(n, hash); ++k) {
    d.triples.push_back({subject, E("p" + std::to_string(k % 3)),
                         Term::Literal("value " + std::to_string(k))});
    if (k < 5) {
      StatementRecord st;
      st.id = id + "#" + std::to_string(k);
      st.triple = d.triples.back();
      st.extractor = "test";
      d.statements.push_back(st);
    }
  }
  d.triples.push_back(T("shared", "p", "o" + std::to_string(n % 3)));
  return d;
}

void Touch(const std::string& path) { std::ofstream(path) << getpid(); }

// Child roles. "hold": take the writer lock and sleep. "hold1s": hold the lock
// for one second then exit. "write": add, bulk-load, replace and remove
// documents until killed.
TEST(StoreChild, Run) {
  const char* role = getenv("KG_STORE_CHILD");
  if (role == nullptr) {
    GTEST_SKIP() << "child entry point; runs only when a parent test spawns it";
  }
  const std::string path = getenv("KG_STORE_PATH");
  const std::string mode = role;
  auto opened = Store::Open(path);
  if (!opened.ok()) _exit(3);
  auto store = std::move(*opened);
  if (mode == "hold" || mode == "hold1s") {
    Touch(path + ".ready");
    std::this_thread::sleep_for(std::chrono::seconds(mode == "hold" ? 120 : 1));
    store.reset();
    _exit(0);
  }
  const int base = std::atoi(getenv("KG_STORE_BASE"));
  for (int i = 0;; ++i) {
    const int n = base + i;
    Status st;
    if (i % 5 == 4) {  // replace an earlier document
      auto r = store->AddDocument(ChildDoc(n - 3, "h2"));
      st = r.status();
    } else if (i % 7 == 6) {
      st = store->RemoveDocument("doc" + std::to_string(n - 4));
      if (st.IsNotFound()) st = Status::OK();
    } else {
      auto r = (i % 3 == 1 && !getenv("KG_NOBULK"))
                   ? store->BulkLoad(ChildDoc(n, "h1"))
                   : store->AddDocument(ChildDoc(n, "h1"));
      st = r.status();
    }
    if (!st.ok()) _exit(4);
    if (i == 2) Touch(path + ".ready");
  }
}

pid_t Spawn(const std::string& role, const std::string& path, int base = 0) {
  std::filesystem::remove(path + ".ready");
  pid_t pid = fork();
  if (pid == 0) {
    // A child must not outlive a parent that failed or hung.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1) _exit(1);
    setenv("KG_STORE_CHILD", role.c_str(), 1);
    setenv("KG_STORE_PATH", path.c_str(), 1);
    setenv("KG_STORE_BASE", std::to_string(base).c_str(), 1);
    execl("/proc/self/exe", "store_process_test",
          "--gtest_filter=StoreChild.Run", static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

bool WaitReady(const std::string& path, pid_t child) {
  for (int i = 0; i < 2000; ++i) {
    if (std::filesystem::exists(path + ".ready")) return true;
    int status = 0;
    if (waitpid(child, &status, WNOHANG) == child) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

void KillAndReap(pid_t pid) {
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

// Kills the child when a failed assertion leaves the test early.
class ChildGuard {
 public:
  explicit ChildGuard(pid_t pid) : pid_(pid) {}
  ~ChildGuard() {
    if (pid_ > 0) KillAndReap(pid_);
  }
  void Release() { pid_ = -1; }

 private:
  pid_t pid_;
};

// Every document in `view` is whole (all of its triples and statements, with
// the right support) and no triple of an absent document version remains.
void ExpectWholeOrAbsent(const ReadView& view, size_t* documents) {
  std::map<std::string, DocumentRecord> docs;
  auto dit = view.Documents();
  for (; dit->Valid(); dit->Next()) docs[dit->record().id] = dit->record();
  ASSERT_TRUE(dit->status().ok());
  std::map<std::string, int> unique_seen;
  uint64_t scanned = 0;
  auto it = view.Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next(), ++scanned) {
    auto s = view.Resolve(it->triple().s);
    ASSERT_TRUE(s.ok());
    if (s->value.rfind(kUnique, 0) != 0) continue;
    std::string rest = s->value.substr(std::string(kUnique).size());
    std::string id = rest.substr(0, rest.find('/'));
    std::string hash = rest.substr(rest.find('/') + 1);
    auto d = docs.find(id);
    ASSERT_TRUE(d != docs.end()) << "triple of absent document " << id;
    ASSERT_EQ(d->second.content_hash, hash)
        << "triple of a replaced version of " << id;
    ++unique_seen[id];
  }
  ASSERT_TRUE(it->status().ok());
  EXPECT_EQ(view.Count(kNoTerm, kNoTerm, kNoTerm), scanned);
  std::map<std::string, uint64_t> shared_support;
  for (const auto& [id, rec] : docs) {
    const int n = std::atoi(id.c_str() + 3);
    const int k = UniqueCount(n, rec.content_hash);
    ASSERT_EQ(unique_seen[id], k) << id << " is partial";
    ASSERT_EQ(rec.triple_count, static_cast<uint64_t>(k) + 1);
    ASSERT_EQ(rec.statement_count, 5u);
    ++shared_support["o" + std::to_string(n % 3)];
    auto s = view.Lookup(Term::Iri(kUnique + id + "/" + rec.content_hash));
    auto p = view.Lookup(E("p0"));
    auto o = view.Lookup(Term::Literal("value 0"));
    ASSERT_TRUE(s.ok() && p.ok() && o.ok());
    auto st = view.Statements({*s, *p, *o});
    ASSERT_TRUE(st.ok());
    ASSERT_EQ(st->size(), 1u) << id;
    EXPECT_EQ((*st)[0].document_id, id);
  }
  for (const auto& [o, want] : shared_support) {
    auto ids = std::vector<StatusOr<TermId>>{
        view.Lookup(E("shared")), view.Lookup(E("p")), view.Lookup(E(o))};
    ASSERT_TRUE(ids[0].ok() && ids[1].ok() && ids[2].ok());
    EXPECT_EQ(*view.Support({*ids[0], *ids[1], *ids[2]}), want);
  }
  *documents = docs.size();
}

TEST(StoreProcessTest, SecondWriterGetsTheLockError) {
  TempDir dir{"kg-store"};
  const std::string path = dir.Sub("kg.db");
  pid_t child = Spawn("hold", path);
  ChildGuard guard(child);
  ASSERT_TRUE(WaitReady(path, child));
  auto s = Store::Open(path);
  EXPECT_EQ(s.status().code(), Status::Code::kBusy);
  EXPECT_EQ(s.status().message(), "store at " + path +
                                      " is in use by another process (pid " +
                                      std::to_string(child) + ")");
  OpenOptions wait;
  wait.wait_seconds = 1;
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Store::Open(path, wait).status().code(), Status::Code::kBusy);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  OpenOptions ro;
  ro.read_only = true;
  EXPECT_TRUE(Store::Open(path, ro).ok()) << "readers coexist with a writer";
  KillAndReap(child);
  guard.Release();
  EXPECT_TRUE(Store::Open(path).ok()) << "the lock dies with its holder";
}

TEST(StoreProcessTest, WriterWaitsForTheLock) {
  TempDir dir{"kg-store"};
  const std::string path = dir.Sub("kg.db");
  pid_t child = Spawn("hold1s", path);
  ChildGuard guard(child);
  ASSERT_TRUE(WaitReady(path, child));
  OpenOptions wait;
  wait.wait_seconds = 30;
  auto s = Store::Open(path, wait);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  int status = 0;
  waitpid(child, &status, 0);
  guard.Release();
}

TEST(StoreProcessTest, ReadOnlyOpenSeesAConsistentStateBesideAWriter) {
  TempDir dir{"kg-store"};
  const std::string path = dir.Sub("kg.db");
  pid_t child = Spawn("write", path);
  ChildGuard guard(child);
  ASSERT_TRUE(WaitReady(path, child));
  OpenOptions ro;
  ro.read_only = true;
  size_t last = 0;
  for (int i = 0; i < 5; ++i) {
    auto store = Store::Open(path, ro);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    size_t docs = 0;
    ExpectWholeOrAbsent(*(*store)->NewReadView(), &docs);
    EXPECT_GT(docs, 0u);
    last = docs;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_GT(last, 0u);
}

TEST(StoreProcessTest, KilledWriterLeavesEveryDocumentWholeOrAbsent) {
  TempDir dir{"kg-store"};
  const std::string path = dir.Sub("kg.db");
  const int delays_ms[] = {0, 40, 150, 400, 900};
  size_t docs = 0;
  for (int round = 0; round < 5; ++round) {
    pid_t child = Spawn("write", path, round * 100000);
    ChildGuard guard(child);
    ASSERT_TRUE(WaitReady(path, child));
    std::this_thread::sleep_for(std::chrono::milliseconds(delays_ms[round]));
    KillAndReap(child);
    guard.Release();
    auto store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ExpectWholeOrAbsent(*(*store)->NewReadView(), &docs);
    auto stats = (*store)->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->documents, docs);
    // The store stays writable after the crash.
    ASSERT_TRUE(
        (*store)->AddDocument(ChildDoc(round * 100000 + 99999, "h1")).ok());
  }
  EXPECT_GT(docs, 5u);
}

}  // namespace
}  // namespace kg
