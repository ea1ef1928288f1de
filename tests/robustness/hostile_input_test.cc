// Hostile input through the real `kg` (issue 7), the cases the reader and
// store unit tests do not already cover end to end: a 50 MB single line
// (JSON Lines and .txt), JSON nested 10,000 deep, truncated files, names with
// control characters, and a store directory that is not a store, is read-only
// or is full (RLIMIT_FSIZE in the child). Each: a clear one-line error naming
// the source and line, no crash, no partial document, the rest of the batch
// goes on, and the exit code tells.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "tests/robustness/store_state.h"

namespace kg::testing {
namespace {

namespace fs = std::filesystem;

std::string ModelPath() {
  return std::string(KG_SOURCE_DIR) + "/models/en_ud.kgm";
}

bool HasControlByte(const std::string& s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

class HostileInputTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::create_directories(fs::path(dir_.Sub(name)).parent_path());
    std::ofstream(dir_.Sub(name), std::ios::binary) << bytes;
    return dir_.Sub(name);
  }
  // A file of `head`, `mb` MiB of `fill` on the same line, then `tail`.
  std::string WriteHuge(const std::string& name, const std::string& head,
                        int mb, const std::string& tail) {
    std::ofstream out(dir_.Sub(name), std::ios::binary);
    out << head;
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < mb; ++i) out << chunk;
    out << tail;
    return dir_.Sub(name);
  }
  // Every stored document is whole (kg check) and the ids are exactly `ids`.
  void ExpectDocuments(const std::string& db, std::set<std::string> ids) {
    EXPECT_EQ(KgCheck(db), "");
    StoreState s = ReadState(db);
    ASSERT_TRUE(s.status.ok()) << s.status.ToString();
    std::set<std::string> got;
    for (const auto& [id, rec] : s.docs) {
      got.insert(id);
      EXPECT_GT(rec.triple_count, 0u) << id;
    }
    EXPECT_EQ(got, ids);
  }

  TempDir dir_{"kg-hostile"};
};

TEST_F(HostileInputTest, IngestSkipsEachBadDocumentAndKeepsTheRest) {
  if (!fs::exists(ModelPath())) GTEST_SKIP() << "no parser model";
  const std::string good = "The council approved the budget on Tuesday.\n";
  Write("in/01-good.txt", "Budget Passes\n\n" + good);
  WriteHuge("in/02-huge-line.txt", "", 50, "\n");
  // Truncated in the middle of a UTF-8 sequence (the last byte of "é").
  Write("in/03-truncated.txt", "The ship left the port of Caf\xC3");
  Write("in/04-bell\x07\x1b[2J.txt", good);
  Write("in/05-good.txt", "The mayor opened a bridge on Friday.\n");
  const std::string json_good =
      "{\"id\": \"after\", \"text\": \"The port reopened on Friday.\"}\n";
  std::string huge = WriteHuge("huge.jsonl", "{\"id\": \"huge\", \"text\": \"",
                               50, "\"}\n" + json_good);
  std::string deep = Write(
      "deep.jsonl", "{\"id\": \"deep\", \"text\": " + std::string(10000, '[') +
                        std::string(10000, ']') + "}\n" + json_good);
  std::string cut = Write(
      "cut.jsonl",
      "{\"id\": \"whole\", \"text\": \"The council approved the budget.\"}\n"
      "{\"id\": \"cut\", \"text\": \"The ship arr");
  std::string names = Write(
      "names.jsonl",
      "{\"id\": \"ring\\u0007\\u001b[2J\", \"text\": \"The minister quit.\"}\n"
      "{\"id\": \"titled\", \"title\": \"Bell\\u0007 \\u009b title\", "
      "\"text\": \"The minister resigned on Monday.\"}\n");

  CliResult r = RunKg({"--db", dir_.Sub("kg.db"), "ingest", "--threads", "2",
                       dir_.Sub("in"), huge, deep, cut, names});
  EXPECT_EQ(r.code, 1) << r.err;  // some documents failed
  // "after" comes twice (after the huge and the deep line): once unchanged.
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.out.find("documents: 5 added, 1 unchanged, 0 replaced, "
                       "7 failed"),
            std::string::npos)
      << r.out;
  const std::string in = dir_.Sub("in/");
  for (const std::string& line : {
           in + "02-huge-line.txt:1: document too large (50.0 MB, limit 10.0 "
                "MB); document skipped",
           in + "03-truncated.txt:1: invalid UTF-8 at byte 29; document "
                "skipped",
           in + "04-bell\\x07\\x1B[2J.txt:1: document id contains a control "
                "character (\\x07 at byte 7); document skipped",
           huge + ":1: line too long (50.0 MB, limit 24.0 MB); document "
                  "skipped",
           deep + ":1: JSON nested deeper than 100 levels; document skipped",
           cut + ":2: malformed JSON",
           names + ":1: document id contains a control character (\\x07 at "
                   "byte 4); document skipped",
       }) {
    EXPECT_NE(r.err.find(line), std::string::npos) << line << "\n" << r.err;
  }
  EXPECT_FALSE(HasControlByte(r.err)) << "raw control bytes reach the terminal";
  EXPECT_NE(r.err.find("kg: 7 document(s) failed"), std::string::npos);
  ExpectDocuments(dir_.Sub("kg.db"),
                  {"01-good.txt", "05-good.txt", "after", "whole", "titled"});
  StoreState s = ReadState(dir_.Sub("kg.db"));
  EXPECT_EQ(s.docs["titled"].title, "Bell    title");  // controls → spaces
}

TEST_F(HostileInputTest, LoadRefusesTruncatedAndControlCharacterFilesOnly) {
  const std::string db = dir_.Sub("kg.db");
  std::string good = Write("a.nt",
                           "<http://ex.org/a> <http://ex.org/p> "
                           "<http://ex.org/b> .\n");
  std::string cut =
      Write("b.nt",
            "<http://ex.org/a> <http://ex.org/p> <http://ex.org/c> "
            ".\n<http://ex.org/a> <http://ex.org/p> <http://ex.or");
  std::string ctl =
      Write("c.nt",
            "<http://ex.org/a> <http://ex.org/p> <http://ex.org/d> "
            ".\n<http://ex.org/a\x07> <http://ex.org/p> \"x\" .\n");
  std::string ttl_cut =
      Write("d.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:p \"unfinished");
  std::string tail = Write("e.nt",
                           "<http://ex.org/e> <http://ex.org/p> "
                           "\"bell\\u0007\" .\n");
  CliResult r = RunKg({"--db", db, "load", good, cut, ctl, ttl_cut, tail});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find(cut + ":2: unexpected end of file"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(ctl + ":2: invalid IRI character"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(ttl_cut + ":2: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("kg: 3 of 5 files failed to load"), std::string::npos)
      << r.err;
  EXPECT_FALSE(HasControlByte(r.err));
  ExpectDocuments(db, {good, tail});
}

TEST_F(HostileInputTest, StoreDirectoryThatIsNotAStore) {
  std::string file = Write("plain-file", "hello\n");
  std::string notes = Write("notes/readme.txt", "my notes\n");
  std::string nt = Write("a.nt",
                         "<http://ex.org/a> <http://ex.org/p> "
                         "<http://ex.org/b> .\n");
  struct {
    std::string db, reason;
  } cases[] = {
      {file, " is not a kg store (not a directory)"},
      {dir_.Sub("notes"),
       " is not a kg store (a non-empty directory without a database"},
  };
  for (const auto& c : cases) {
    for (const std::vector<std::string>& cmd :
         std::vector<std::vector<std::string>>{
             {"load", nt}, {"stats"}, {"check"}, {"remove", "--doc", "x"}}) {
      std::vector<std::string> args = {"--db", c.db};
      args.insert(args.end(), cmd.begin(), cmd.end());
      CliResult r = RunKg(args);
      EXPECT_EQ(r.code, 1) << cmd[0] << " " << c.db;
      EXPECT_NE(r.err.find(c.db + c.reason), std::string::npos)
          << cmd[0] << ": " << r.err;
    }
  }
  // Nothing was written into either.
  EXPECT_EQ(fs::file_size(file), 6u);
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir_.Sub("notes"))) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1u);
}

// Makes `dir` read-only: chmod when that stops writes (not root), else a
// read-only bind mount in a private mount namespace (root; then `argv` runs
// inside it). Returns the command to run, or empty when neither works.
std::vector<std::string> ReadOnlyCommand(const std::string& dir,
                                         const std::vector<std::string>& argv) {
  if (geteuid() != 0) {
    chmod(dir.c_str(), 0555);
    return argv;
  }
  std::string cmd = "mount --bind " + ShellQuote(dir) + " " + ShellQuote(dir) +
                    " && mount -o remount,bind,ro " + ShellQuote(dir) +
                    " && exec";
  for (const std::string& a : argv) {
    cmd += ' ';
    cmd += ShellQuote(a);
  }
  return {"unshare", "-m", "/bin/sh", "-c", cmd};
}

TEST_F(HostileInputTest, ReadOnlyStoreRefusesWritesAndServesReads) {
  const std::string db = dir_.Sub("kg.db");
  std::string nt = Write("a.nt",
                         "<http://ex.org/a> <http://ex.org/p> "
                         "<http://ex.org/b> .\n");
  std::string nt2 = Write("b.nt",
                          "<http://ex.org/c> <http://ex.org/p> "
                          "<http://ex.org/d> .\n");
  ASSERT_EQ(RunKg({"--db", db, "load", nt}).code, 0);
  // Probe: can this process make a directory read-only at all?
  std::vector<std::string> probe =
      ReadOnlyCommand(db, {"/bin/sh", "-c", "touch \"$0\"/probe", db});
  CliResult p = RunProcess(probe);
  if (p.code == 0 || fs::exists(db + "/probe")) {
    chmod(db.c_str(), 0755);
    GTEST_SKIP() << "cannot make a directory read-only here (root without "
                    "mount namespaces): "
                 << p.err;
  }
  CliResult w =
      RunProcess(ReadOnlyCommand(db, {KG_BINARY, "--db", db, "load", nt2}));
  EXPECT_EQ(w.code, 1);
  EXPECT_NE(w.err.find("kg: cannot create lock file " + db +
                       "/kg.lock: "
                       "Read-only file system"),
            std::string::npos)
      << w.err;
  for (const std::vector<std::string>& cmd :
       std::vector<std::vector<std::string>>{
           {"stats"}, {"check"}, {"export"}, {"docs"}}) {
    std::vector<std::string> argv = {KG_BINARY, "--db", db};
    argv.insert(argv.end(), cmd.begin(), cmd.end());
    CliResult r = RunProcess(ReadOnlyCommand(db, argv));
    EXPECT_EQ(r.code, 0) << cmd[0] << ": " << r.err;
  }
  chmod(db.c_str(), 0755);
  ExpectDocuments(db, {nt});
}

// Runs `kg ARGS` with files limited to `kib` KiB (RLIMIT_FSIZE); SIGXFSZ is
// ignored, so a write past the limit fails with EFBIG like a full disk.
CliResult RunKgWithFileLimit(int kib, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/bin/sh", "-c",
                                   "ulimit -f " + std::to_string(kib * 2) +
                                       " && trap '' XFSZ && exec \"$@\"",
                                   "sh", KG_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv);
}

TEST_F(HostileInputTest, FullDiskStopsCleanlyAndResumes) {
  if (!fs::exists(ModelPath())) GTEST_SKIP() << "no parser model";
  const std::string db = dir_.Sub("kg.db"), ref = dir_.Sub("ref.db");
  const std::string samples = std::string(KG_SOURCE_DIR) + "/samples";
  ASSERT_EQ(RunKg({"--db", ref, "ingest", "--quiet", samples}).code, 0);
  StoreState whole = ReadState(ref);
  ASSERT_TRUE(Store::Open(db).ok());  // an empty store: creation fits
  CliResult r = RunKgWithFileLimit(128, {"--db", db, "ingest", samples});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_EQ(r.signal, 0);
  EXPECT_NE(r.err.find("' not stored: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("File too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(samples + "/"), std::string::npos) << "names the source";
  EXPECT_EQ(KgCheck(db), "");
  StoreState part = ReadState(db);
  ASSERT_TRUE(part.status.ok()) << part.status.ToString();
  EXPECT_LT(part.docs.size(), whole.docs.size()) << "the limit did not bite";
  for (const auto& [id, rec] : part.docs) {
    EXPECT_TRUE(SameRecord(rec, whole.docs[id])) << "partial " << Describe(rec);
  }
  // With room again, the same ingest completes the batch.
  ASSERT_EQ(RunKg({"--db", db, "ingest", "--quiet", samples}).code, 0);
  EXPECT_EQ(StatsWithoutDisk(db), StatsWithoutDisk(ref));
  EXPECT_EQ(SortedExport(db), SortedExport(ref));

  // The bulk path: a file too big for the room fails, a small one loads.
  std::string big;
  for (int k = 0; k < 20000; ++k) {
    big += "<http://ex.org/s" + std::to_string(k) + "> <http://ex.org/p> \"" +
           std::to_string(k * 7919) + "\" .\n";
  }
  std::string big_nt = Write("big.nt", big);
  std::string small_nt = Write("small.nt",
                               "<http://ex.org/a> "
                               "<http://ex.org/p> <http://ex.org/b> .\n");
  const std::string bulk = dir_.Sub("bulk.db");
  ASSERT_TRUE(Store::Open(bulk).ok());
  CliResult l =
      RunKgWithFileLimit(128, {"--db", bulk, "load", big_nt, small_nt});
  EXPECT_EQ(l.code, 1) << l.out << l.err;
  EXPECT_NE(l.err.find("kg: " + big_nt + ": "), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("(nothing from this file was written)"),
            std::string::npos)
      << l.err;
  ExpectDocuments(bulk, {small_nt});
}

}  // namespace
}  // namespace kg::testing
