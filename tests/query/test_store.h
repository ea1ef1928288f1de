// Test helpers for the query tests: a store in a fresh temporary directory
// (removed at the end), filled through Store::AddDocument, plus a small
// N-Triples line reader for the fixed datasets and a way to run a query and
// collect its rows as N-Triples text.
#ifndef KG_TESTS_QUERY_TEST_STORE_H_
#define KG_TESTS_QUERY_TEST_STORE_H_

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "query/query.h"
#include "storage/store.h"
#include "tests/temp_dir.h"

namespace kg::query::testing {

class TempStore {
 public:
  TempStore() {
    auto store = Store::Open(dir_.Sub("db"));
    if (store.ok()) {
      store_ = std::move(store).value();
    } else {
      error_ = store.status().ToString();
    }
  }
  bool ok() const { return store_ != nullptr; }
  const std::string& error() const { return error_; }
  Store& store() { return *store_; }

  Status Add(const std::string& doc_id, std::vector<Triple> triples) {
    DocumentInput doc;
    doc.id = doc_id;
    doc.content_hash = doc_id + std::to_string(triples.size());
    doc.triples = std::move(triples);
    auto r = store_->AddDocument(doc);
    return r.ok() ? Status::OK() : r.status();
  }

 private:
  ::kg::testing::TempDir dir_{"kg-query"};  // outlives store_
  std::string error_;
  std::unique_ptr<Store> store_;
};

// Parses one N-Triples term at s[*pos]; false when malformed.
inline bool ParseNtTerm(const std::string& s, size_t* pos, Term* out) {
  size_t& i = *pos;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i >= s.size()) return false;
  if (s[i] == '<') {
    size_t end = s.find('>', i);
    if (end == std::string::npos) return false;
    *out = Term::Iri(s.substr(i + 1, end - i - 1));
    i = end + 1;
    return true;
  }
  if (s.compare(i, 2, "_:") == 0) {
    size_t end = i + 2;
    while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
    *out = Term::Blank(s.substr(i + 2, end - i - 2));
    i = end;
    return true;
  }
  if (s[i] != '"') return false;
  std::string v;
  for (++i; i < s.size() && s[i] != '"'; ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char e = s[++i];
      v += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
    } else {
      v += s[i];
    }
  }
  if (i >= s.size()) return false;
  ++i;
  if (i < s.size() && s[i] == '@') {
    size_t end = i + 1;
    while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
    *out = Term::LangLiteral(v, s.substr(i + 1, end - i - 1));
    i = end;
  } else if (s.compare(i, 3, "^^<") == 0) {
    size_t end = s.find('>', i);
    if (end == std::string::npos) return false;
    *out = Term::Typed(v, s.substr(i + 3, end - i - 3));
    i = end + 1;
  } else {
    *out = Term::Literal(v);
  }
  return true;
}

inline bool ReadNTriples(const std::string& path, std::vector<Triple>* out) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t pos = 0;
    Triple t;
    if (!ParseNtTerm(line, &pos, &t.subject) ||
        !ParseNtTerm(line, &pos, &t.predicate) ||
        !ParseNtTerm(line, &pos, &t.object))
      return false;
    out->push_back(std::move(t));
  }
  return true;
}

struct Result {
  Status status;
  std::vector<std::string> vars;
  std::vector<std::string> rows;  // terms in N-Triples syntax, tab-separated
};

inline Result RunQuery(Store& store, const std::string& text,
                       const QueryOptions& options = {}) {
  Result r;
  auto view = store.NewReadView();
  auto cursor = ExecuteQuery(*view, text, options);
  if (!cursor.ok()) {
    r.status = cursor.status();
    return r;
  }
  r.vars = (*cursor)->variables();
  while ((*cursor)->Next()) {
    std::string line;
    const auto& row = (*cursor)->row();
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += '\t';
      if (row[i]) line += row[i]->ToNTriples();
    }
    r.rows.push_back(std::move(line));
  }
  r.status = (*cursor)->status();
  return r;
}

}  // namespace kg::query::testing

#endif  // KG_TESTS_QUERY_TEST_STORE_H_
