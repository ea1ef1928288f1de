// kg/kg.h — the one header a service includes to embed a knowledge graph:
// open a store, ingest documents (text through the same pipeline as
// `kg ingest`, or ready-made triples), remove them, run SPARQL and walk the
// entity graph. Installed with the library (`find_package(kg)`, target
// kg::kg; or pkg-config `kg`).
//
// Errors: every call returns kg::Status / kg::StatusOr (storage/status.h,
// installed beside this header; it and storage/term.h depend only on the
// standard library). Nothing throws. No RocksDB or Boost type appears here:
// the engine lives behind Database's private implementation.
//
// Thread-safety: a Database may be shared by any number of threads. The const
// methods (Query, FindEntities, Neighbours, ShortestPaths, Why, Stats) run
// concurrently, also while a write runs; each sees one consistent snapshot.
// The writes (IngestText, IngestTriples, Remove) may be called from any
// thread and are serialised by an internal mutex. A QueryResult is used by
// one thread at a time and must not outlive its Database.
#ifndef KG_KG_H_
#define KG_KG_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/status.h"
#include "storage/term.h"

namespace kg {

struct DatabaseOptions {
  // Many read-only handles (and processes) may open a store; one sees the
  // data as of its Open (reopen to see a writer process's later commits).
  bool read_only = false;
  bool create_if_missing = true;
  int wait_seconds = 0;  // how long a writer waits for another writer's lock
  std::string base_iri = std::string(kDefaultBaseIri);
  // The parser model used by IngestText, loaded at the first call. Empty:
  // $KG_MODEL when set, else the first file that exists of
  // `installed_model`, <install prefix>/share/kg/en_ud.kgm of the library's
  // build, and models/en_ud.kgm of the source tree it was built from.
  std::string model_path;
  // The model an installed package ships (<prefix>/share/kg/en_ud.kgm): the
  // kg::kg CMake target defines KG_INSTALLED_MODEL for its users, so the
  // default follows the prefix the package was installed to. Leave as is.
#ifdef KG_INSTALLED_MODEL
  std::string installed_model = KG_INSTALLED_MODEL;
#else
  std::string installed_model;
#endif
  int ingest_threads = 1;  // analysis threads per IngestText call
  // Limits of one Query: DeadlineExceeded / ResourceExhausted beyond them.
  std::chrono::milliseconds query_timeout{30000};
  uint64_t query_max_rows = 1000000;
};

// An article to analyse. `id` names it in the store (re-ingesting the same id
// replaces it; the same id and text is a no-op). `text` must be valid UTF-8.
struct TextDocument {
  std::string id, title, date, url, text;
};

struct TermTriple {
  Term subject, predicate, object;
};

// Ready-made triples stored as one document (no analysis).
struct TripleDocument {
  std::string id, title, date, source;
  std::vector<TermTriple> triples;
};

struct IngestResult {
  enum class Outcome { kAdded, kUnchanged, kReplaced };
  Outcome outcome = Outcome::kAdded;
  uint64_t sentences = 0;  // analysed (IngestText; 0 when unchanged)
  uint64_t triples = 0;    // distinct triples the stored document supports
};

struct DatabaseStats {
  uint64_t triples = 0, terms = 0, documents = 0, statements = 0;
  uint64_t disk_bytes = 0;
};

// The rows of one SPARQL query (SELECT, ASK or CONSTRUCT), streamed:
//   while (result->Next()) use(result->row()); then check result->status().
// ASK gives one row, column "ask", "true" or "false"; CONSTRUCT gives rows
// (subject, predicate, object).
class QueryResult {
 public:
  enum class Form { kSelect, kAsk, kConstruct };
  ~QueryResult();
  QueryResult(const QueryResult&) = delete;
  QueryResult& operator=(const QueryResult&) = delete;

  Form form() const;
  // Column names, without '?'.
  const std::vector<std::string>& variables() const;
  // Advances to the next row; false at the end or on error (see status()).
  bool Next();
  // One entry per variable; nullopt = unbound. REQUIRES: Next() returned true.
  const std::vector<std::optional<Term>>& row() const;
  // Column `i` of the row as text: the IRI, the literal's lexical form or the
  // blank node label; "" when unbound or out of range.
  std::string Text(size_t i) const;
  // OK, or why the query stopped (DeadlineExceeded, ResourceExhausted, I/O).
  Status status() const;

  struct Rep;  // private implementation
  explicit QueryResult(std::unique_ptr<Rep> rep);

 private:
  std::unique_ptr<Rep> rep_;
};

// An entity of the graph, as `kg explain` shows it.
struct EntityInfo {
  std::string iri, name, type;  // type: Person, Organization, Location, ...
  std::vector<std::string> aliases;
  uint64_t mentions = 0, documents = 0;
};

// One edge walked from `from` to `to`; `forward` is false when the stored
// triple is (to, predicate, from). Names are labels; IRIs identify.
struct Link {
  std::string from, predicate, to;
  std::string from_iri, predicate_iri, to_iri;
  bool forward = true;
};

enum class LinkDirection { kOut, kIn, kBoth };

struct NeighbourOptions {
  int depth = 1;  // hops, >= 1
  LinkDirection direction = LinkDirection::kBoth;
  std::string predicate;  // follow only this relation (IRI, name or label)
  size_t limit = 100;     // most distinct neighbours
};

// A neighbour at `depth` hops, reached through `via` (via.to is the
// neighbour). A neighbour reached by several edges appears once per edge.
struct Neighbour {
  int depth = 1;
  Link via;
};

struct ShortestPathOptions {
  int max_depth = 6;
  bool all = false;  // every shortest path (up to max_paths), not just one
  size_t max_paths = 100;
};

using LinkPath = std::vector<Link>;

// One statement supporting a fact: where it was read, and how sure.
struct SupportingSentence {
  std::string document_id, title, date;  // of the document
  uint32_t sentence = 0;                 // index within the document
  std::string text;  // the sentence ("" for triples loaded as triples)
  double confidence = 1;
  std::string extractor;
};

// A fact matching a Why() question, and everything that supports it.
struct FactSupport {
  std::string subject, predicate, object;  // display names
  TermTriple triple;
  std::vector<SupportingSentence> evidence;
};

class Database {
 public:
  // Opens (or creates) the store at `path`. Errors: Busy (another writer holds
  // it after wait_seconds), InvalidArgument (not a kg store), IOError.
  static StatusOr<std::unique_ptr<Database>> Open(
      const std::string& path, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Splits, parses and extracts the text and stores it as one atomic
  // document. Errors: InvalidArgument (empty id, invalid UTF-8, no text, too
  // large; message names the document), IOError/Corruption (parser model),
  // the store's errors; InvalidArgument on a read-only handle.
  StatusOr<IngestResult> IngestText(const TextDocument& doc);
  // Stores the triples as one atomic document (same replacement rules).
  StatusOr<IngestResult> IngestTriples(const TripleDocument& doc);
  // Retracts a document; NotFound when absent.
  Status Remove(const std::string& document_id);

  // Parses and plans a SPARQL 1.1 query over the current snapshot; rows are
  // computed as the result advances. Errors: InvalidArgument with "line L,
  // column C: ..." for a syntax error.
  StatusOr<std::unique_ptr<QueryResult>> Query(std::string_view sparql) const;

  // Entities whose label or alias is `name` (case-insensitive), best first;
  // NotFound ("unknown entity 'X'; did you mean: ...") when none.
  StatusOr<std::vector<EntityInfo>> FindEntities(std::string_view name) const;
  // The entity graph around `entity` (a label, alias or IRI), BFS order.
  StatusOr<std::vector<Neighbour>> Neighbours(
      std::string_view entity, const NeighbourOptions& options = {}) const;
  // Shortest paths between two entities, edges in either direction; empty
  // when none within max_depth.
  StatusOr<std::vector<LinkPath>> ShortestPaths(
      std::string_view from, std::string_view to,
      const ShortestPathOptions& options = {}) const;
  // The support of a fact, as `kg why`: subject and object are entity names
  // (the object may be literal text), the predicate a relation lemma
  // ("meet", "met") or a property (role, country). NotFound when no fact
  // matches.
  StatusOr<std::vector<FactSupport>> Why(std::string_view subject,
                                         std::string_view predicate,
                                         std::string_view object) const;

  StatusOr<DatabaseStats> Stats() const;
  const std::string& path() const;
  // The parser model IngestText uses (resolved as DatabaseOptions says), or
  // NotFound naming the places searched.
  StatusOr<std::string> ModelPath() const;

  struct Rep;  // private implementation

 private:
  explicit Database(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace kg

#endif  // KG_KG_H_
