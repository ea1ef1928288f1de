// Helpers of the robustness tests: the full observable state of a store
// (documents, counters, triples as N-Triples text) read through a read-only
// open, `kg check` as a process, and comparisons that print what differs. Tests
// only.
#ifndef KG_TESTS_ROBUSTNESS_STORE_STATE_H_
#define KG_TESTS_ROBUSTNESS_STORE_STATE_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>

#include "storage/store.h"
#include "tests/cli_runner.h"
#include "tests/temp_dir.h"

namespace kg::testing {

struct StoreState {
  Status status;  // !ok(): the store could not be read; the rest is empty
  StoreStats stats;
  std::map<std::string, DocumentRecord> docs;
  std::set<std::string> triples;  // "<s> <p> <o>" in N-Triples syntax
};

inline bool SameRecord(const DocumentRecord& a, const DocumentRecord& b) {
  return a.id == b.id && a.content_hash == b.content_hash &&
         a.title == b.title && a.date == b.date && a.source == b.source &&
         a.triple_count == b.triple_count &&
         a.statement_count == b.statement_count;
}

inline std::string Describe(const DocumentRecord& d) {
  return d.id + " (hash " + d.content_hash + ", " +
         std::to_string(d.triple_count) + " triples, " +
         std::to_string(d.statement_count) + " statements)";
}

// Everything a reader can see of the store at `db`, from one snapshot.
inline StoreState ReadState(const std::string& db) {
  StoreState s;
  OpenOptions ro;
  ro.read_only = true;
  ro.create_if_missing = false;
  auto store = Store::Open(db, ro);
  if (!store.ok()) {
    s.status = store.status();
    return s;
  }
  auto stats = (*store)->Stats();
  if (!stats.ok()) {
    s.status = stats.status();
    return s;
  }
  s.stats = *stats;
  auto view = (*store)->NewReadView();
  for (auto it = view->Documents(); it->Valid(); it->Next()) {
    s.docs[it->record().id] = it->record();
  }
  std::unordered_map<TermId, std::string> names;
  auto name = [&](TermId id) -> const std::string& {
    auto found = names.find(id);
    if (found != names.end()) return found->second;
    auto term = view->Resolve(id);
    if (!term.ok()) s.status = term.status();
    return names[id] = term.ok() ? term->ToNTriples() : "?";
  };
  auto it = view->Match(kNoTerm, kNoTerm, kNoTerm);
  for (; it->Valid(); it->Next()) {
    IdTriple t = it->triple();
    s.triples.insert(name(t.s) + " " + name(t.p) + " " + name(t.o));
  }
  if (!it->status().ok()) s.status = it->status();
  return s;
}

// `kg check` on the store; "" when it passes, else what it printed.
inline std::string KgCheck(const std::string& db) {
  CliResult r = RunKg({"--db", db, "check"});
  if (r.code == 0 && r.out.rfind("ok: ", 0) == 0) return "";
  return "kg check exit " + std::to_string(r.code) + " signal " +
         std::to_string(r.signal) + ": " + r.out + r.err;
}

// The lines of `kg export` on the store, sorted (the CLI's view of the data).
inline std::vector<std::string> SortedExport(const std::string& db) {
  CliResult r = RunKg({"--db", db, "export"});
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// `kg stats --format json` without the disk size (which compaction changes).
inline std::string StatsWithoutDisk(const std::string& db) {
  CliResult r = RunKg({"--db", db, "stats", "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  std::string out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.find("disk_bytes") == std::string::npos) out += line + "\n";
  }
  return out;
}

}  // namespace kg::testing

#endif  // KG_TESTS_ROBUSTNESS_STORE_STATE_H_
