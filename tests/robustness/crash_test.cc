// Crash safety of the writing commands (issue 7): `kg ingest`, `kg load` (the
// bulk path) and `kg remove` run as child processes and are killed with
// SIGKILL at 20 moments each, drawn from a fixed seed. After every kill the
// store is reopened: `kg check` passes, every document is whole (its record
// equals the one of an uninterrupted run) or absent, no triple outside the
// uninterrupted result exists, and commits happened in batch order. Kills are
// chained (the next run resumes the killed one); a chain ends with an
// uninterrupted run of the same command, whose store must equal the
// uninterrupted reference: same `kg stats`, same sorted `kg export`.
//
// A kill moment is a delay after the child takes the writer lock (before it,
// nothing is written), uniform over the part of the reference run's write
// window the remaining work needs. The kill points reached are printed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <functional>
#include <random>
#include <thread>

#include "tests/robustness/store_state.h"

namespace kg::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKillPoints = 20;
constexpr int kMaxKillsPerChain = 7;
constexpr uint32_t kSeed = 20261128;

std::string LockHolder(const std::string& db) {
  std::ifstream in(db + "/kg.lock");
  std::string pid;
  in >> pid;
  return pid;
}

struct RunOutcome {
  bool killed = false;  // SIGKILL ended it
  double write_s = 0;   // from taking the lock to the end (or the kill)
  CliResult result;     // exit code when it was not killed
};

// Runs `argv` as a child; once it holds the store's writer lock, kills it
// after `kill_after_s` seconds (never when negative) unless it ended first.
RunOutcome RunAndKill(const std::vector<std::string>& argv,
                      const std::string& db, double kill_after_s,
                      const std::string& log) {
  RunOutcome o;
  const std::string before = LockHolder(db);
  pid_t pid = Spawn(argv, {}, log);
  EXPECT_GT(pid, 0);
  if (pid <= 0) return o;
  int status = 0;
  bool ended = false;
  const auto spawned = Clock::now();
  auto poll = [&] {
    pid_t w = waitpid(pid, &status, WNOHANG);
    if (w == pid) ended = true;
    return ended;
  };
  while (!poll()) {
    std::string holder = LockHolder(db);
    if (!holder.empty() && holder != before) break;
    if (Clock::now() - spawned > std::chrono::seconds(120)) break;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  const auto locked = Clock::now();
  if (!ended && kill_after_s >= 0) {
    const auto deadline =
        locked + std::chrono::duration_cast<Clock::duration>(
                     std::chrono::duration<double>(kill_after_s));
    while (!poll() && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    if (!ended) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      ended = true;
    }
  }
  if (!ended) waitpid(pid, &status, 0);
  // A killed shell's children are orphans we adopted (subreaper): reap them
  // too, so none still holds the lock when the next run starts.
  int orphan_status = 0;
  while (waitpid(-pid, &orphan_status, 0) > 0 || errno == EINTR) {
  }
  o.write_s = std::chrono::duration<double>(Clock::now() - locked).count();
  cli_internal::Decode(status, &o.result);
  o.killed = o.result.signal == SIGKILL;
  return o;
}

// One writing command under test.
struct Scenario {
  std::string name;
  // The batch: what an uninterrupted run ends with is `reference`.
  std::function<std::vector<std::string>(const std::string& db)> command;
  // Documents in commit order, and whether the batch adds (ingest, load) or
  // removes them.
  std::vector<std::string> order;
  bool removes = false;
  // The store a chain starts from (empty for adds).
  std::function<void(const std::string& db)> fresh;
  std::string log;
};

class CrashTest : public ::testing::Test {
 protected:
  void SetUp() override { prctl(PR_SET_CHILD_SUBREAPER, 1); }

  // Kills `s` at kKillPoints moments; see the file comment.
  void Run(const Scenario& s) {
    const std::string db = dir_.Sub(s.name + ".db");
    const std::string ref_db = dir_.Sub(s.name + "-ref.db");
    s.fresh(ref_db);
    if (fs::exists(ref_db)) {
      start_ = ReadState(ref_db);
      ASSERT_TRUE(start_.status.ok()) << start_.status.ToString();
    }
    RunOutcome ref = RunAndKill(s.command(ref_db), ref_db, -1, s.log);
    ASSERT_EQ(ref.result.code, 0) << Log(s);
    const double window = ref.write_s;
    ref_ = ReadState(ref_db);
    ASSERT_TRUE(ref_.status.ok()) << ref_.status.ToString();
    ASSERT_EQ(KgCheck(ref_db), "");
    const std::string ref_stats = StatsWithoutDisk(ref_db);
    const std::vector<std::string> ref_export = SortedExport(ref_db);

    std::mt19937 rng(kSeed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int kills = 0, runs = 0, chains = 0, unborn = 0;
    std::map<size_t, int> done_at_kill;  // documents done -> kills
    while (kills < kKillPoints) {
      ASSERT_LT(runs, 8 * kKillPoints)
          << "kills do not land; window " << window << " s";
      fs::remove_all(db);
      s.fresh(db);
      // The first chain of an adding batch starts without a store (kills may
      // land while it is created); later ones from an initialised empty one.
      if (chains > 0 && !fs::exists(db)) {
        ASSERT_TRUE(Store::Open(db).ok());
      }
      ++chains;
      for (int in_chain = 0; in_chain < kMaxKillsPerChain;) {
        StoreState before = ReadState(db);
        size_t done = Done(s, before);
        if (done == s.order.size()) break;
        double left = 1.0 - static_cast<double>(done) / s.order.size();
        double delay = unit(rng) * window * std::max(left, 0.1);
        RunOutcome o = RunAndKill(s.command(db), db, delay, s.log);
        ++runs;
        if (!o.killed) {
          ASSERT_EQ(o.result.code, 0) << Log(s);
          continue;
        }
        ++kills;
        ++in_chain;
        if (!before.status.ok() && !ReadState(db).status.ok()) {
          // Killed while creating the store, before its first write: there
          // is no store yet to check (the next writer initialises it).
          ++unborn;
          continue;
        }
        ASSERT_EQ(KgCheck(db), "") << "after kill " << kills;
        StoreState now = ReadState(db);
        ASSERT_TRUE(now.status.ok()) << now.status.ToString();
        ExpectWholeOrAbsent(s, now, kills);
        if (HasFailure()) return;
        ++done_at_kill[Done(s, now)];
        if (kills == kKillPoints) break;
      }
      // Running the same command again completes the batch, nothing doubled.
      RunOutcome rerun = RunAndKill(s.command(db), db, -1, s.log);
      ASSERT_EQ(rerun.result.code, 0) << Log(s);
      ASSERT_EQ(KgCheck(db), "");
      ASSERT_EQ(StatsWithoutDisk(db), ref_stats);
      ASSERT_EQ(SortedExport(db), ref_export);
      StoreState final_state = ReadState(db);
      ASSERT_EQ(final_state.docs.size(), ref_.docs.size());
      for (const auto& [id, rec] : ref_.docs) {
        ASSERT_TRUE(final_state.docs.count(id)) << id;
        EXPECT_TRUE(SameRecord(final_state.docs[id], rec)) << Describe(rec);
      }
    }
    std::string spread;
    for (const auto& [done, n] : done_at_kill) {
      spread += " " + std::to_string(done) + ":" + std::to_string(n);
    }
    std::printf(
        "%s: %d kill points survived in %d chains (%d runs; write window "
        "%.3f s); documents done at each kill (done:kills):%s; killed while "
        "creating the store: %d\n",
        s.name.c_str(), kills, chains, runs + chains + 1, window,
        spread.c_str(), unborn);
    EXPECT_EQ(kills, kKillPoints);
  }

  // How many documents of the batch the store shows done.
  size_t Done(const Scenario& s, const StoreState& st) {
    size_t done = 0;
    for (const std::string& id : s.order) {
      done += s.removes ? st.docs.count(id) == 0 : st.docs.count(id) == 1;
    }
    return done;
  }

  // Every document is whole or absent; the done ones are a prefix of the
  // batch order; the triples lie between the batch's start and end states.
  void ExpectWholeOrAbsent(const Scenario& s, const StoreState& now, int kill) {
    const StoreState& full = s.removes ? start_ : ref_;
    const StoreState& least = s.removes ? ref_ : start_;
    for (const auto& [id, rec] : now.docs) {
      auto want = full.docs.find(id);
      ASSERT_TRUE(want != full.docs.end())
          << "kill " << kill << ": unknown document " << id;
      EXPECT_TRUE(SameRecord(rec, want->second))
          << "kill " << kill << ": partial document " << Describe(rec)
          << ", whole: " << Describe(want->second);
    }
    for (const auto& [id, rec] : least.docs) {
      EXPECT_TRUE(now.docs.count(id)) << "kill " << kill << ": lost " << id;
    }
    bool prefix_ended = false;
    for (const std::string& id : s.order) {
      bool done = s.removes ? now.docs.count(id) == 0 : now.docs.count(id) == 1;
      EXPECT_FALSE(done && prefix_ended)
          << "kill " << kill << ": " << id << " done out of batch order";
      prefix_ended |= !done;
    }
    uint64_t statements = 0;
    for (const auto& [id, rec] : now.docs) statements += rec.statement_count;
    EXPECT_EQ(now.stats.documents, now.docs.size());
    EXPECT_EQ(now.stats.statements, statements);
    EXPECT_EQ(now.stats.triples, now.triples.size());
    EXPECT_TRUE(std::includes(full.triples.begin(), full.triples.end(),
                              now.triples.begin(), now.triples.end()))
        << "kill " << kill << ": a triple no complete state has";
    EXPECT_TRUE(std::includes(now.triples.begin(), now.triples.end(),
                              least.triples.begin(), least.triples.end()))
        << "kill " << kill << ": a triple every state keeps is missing";
  }

  std::string Log(const Scenario& s) {
    std::ifstream in(s.log);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
  }

  TempDir dir_{"kg-crash"};
  StoreState start_, ref_;
};

// N-Triples files of `n` triples each; every tenth triple is shared by all
// files (support counts above one), some objects are language literals.
std::vector<std::string> WriteRdfBatch(const std::string& dir, int files,
                                       int n) {
  std::vector<std::string> paths;
  for (int f = 0; f < files; ++f) {
    std::string path = dir + "/part" + std::to_string(f) + ".nt";
    std::ofstream out(path);
    for (int k = 0; k < n; ++k) {
      if (k % 10 == 0) {
        out << "<http://ex.org/shared/" << k << "> <http://ex.org/p> \"v" << k
            << "\" .\n";
      } else if (k % 3 == 0) {
        out << "<http://ex.org/f" << f << "/s" << k / 7
            << "> <http://ex.org/label> \"name " << k << "\"@en .\n";
      } else {
        out << "<http://ex.org/f" << f << "/s" << k / 7 << "> <http://ex.org/p"
            << k % 5 << "> <http://ex.org/o" << (k * 31 + f) % 997 << "> .\n";
      }
    }
    paths.push_back(path);
  }
  return paths;
}

std::string ModelPath() {
  return std::string(KG_SOURCE_DIR) + "/models/en_ud.kgm";
}

TEST_F(CrashTest, KilledIngestLeavesWholeDocumentsAndResumes) {
  if (!fs::exists(ModelPath()))
    GTEST_SKIP() << "no parser model at " << ModelPath();
  Scenario s;
  s.name = "ingest";
  // The sample articles twice (a- and b- copies: the same triples from two
  // documents, so support counts reach 2): a longer batch, fewer chains.
  const std::string batch = dir_.Sub("batch");
  fs::create_directories(batch);
  const std::string samples = std::string(KG_SOURCE_DIR) + "/samples";
  for (const auto& e : fs::directory_iterator(samples)) {
    if (e.path().extension() != ".txt") continue;
    for (const char* copy : {"a-", "b-"}) {
      std::string name = copy + e.path().filename().string();
      fs::copy_file(e.path(), batch + "/" + name);
      s.order.push_back(name);
    }
  }
  std::sort(s.order.begin(), s.order.end());  // the directory reader's order
  ASSERT_GE(s.order.size(), 10u);
  s.command = [batch](const std::string& db) {
    return std::vector<std::string>{KG_BINARY, "--db",      db,  "ingest",
                                    "--quiet", "--threads", "2", batch};
  };
  s.fresh = [](const std::string&) {};
  s.log = dir_.Sub("ingest.log");
  Run(s);
}

TEST_F(CrashTest, KilledBulkLoadLeavesWholeDocumentsAndResumes) {
  Scenario s;
  s.name = "load";
  s.order = WriteRdfBatch(dir_.path(), 6, 2000);
  std::vector<std::string> files = s.order;
  s.command = [files](const std::string& db) {
    std::vector<std::string> argv = {KG_BINARY, "--db", db, "load"};
    argv.insert(argv.end(), files.begin(), files.end());
    return argv;
  };
  s.fresh = [](const std::string&) {};
  s.log = dir_.Sub("load.log");
  Run(s);
}

TEST_F(CrashTest, KilledRemoveLeavesWholeDocumentsAndResumes) {
  // The store: five documents loaded in bulk; the batch removes three of them,
  // one `kg remove` process each, run by a shell (the kill reaches both).
  std::vector<std::string> files = WriteRdfBatch(dir_.path(), 5, 2000);
  const std::string loaded = dir_.Sub("loaded.db");
  std::vector<std::string> load = {"--db", loaded, "load"};
  load.insert(load.end(), files.begin(), files.end());
  ASSERT_EQ(RunKg(load).code, 0);
  Scenario s;
  s.name = "remove";
  s.removes = true;
  s.order = {files[1], files[4], files[0]};
  std::string script;
  for (const std::string& id : s.order) {
    script += ShellQuote(KG_BINARY) + " --db \"$1\" remove --doc " +
              ShellQuote(id) + " || true; ";  // a rerun finds some gone
  }
  s.command = [script](const std::string& db) {
    return std::vector<std::string>{"/bin/sh", "-c", script, "sh", db};
  };
  s.fresh = [loaded](const std::string& db) {
    fs::copy(loaded, db, fs::copy_options::recursive);
  };
  s.log = dir_.Sub("remove.log");
  Run(s);
}

}  // namespace
}  // namespace kg::testing
