// The embedded triple store: the interface services embed. The RocksDB engine
// lives behind it (storage/rocksdb_store.cc); no RocksDB type appears here.
//
// Data model: each document contributes a set of triples and the provenance of
// its statements. A triple is present while at least one document supports it
// (support counts). Writes of one document are atomic: all of its triples,
// index entries and provenance become visible together.
//
// Thread-safety: a Store may be shared by threads; writes are serialised
// internally. A ReadView is a consistent snapshot; its methods may be called
// from several threads at once (each iterator it returns is used by one
// thread at a time), and any number of ReadViews may be open at once, while
// a writer is busy. One writer process per store: a second writer gets
// Status::Busy("store at PATH is in use by another process (pid N)").
#ifndef KG_STORAGE_STORE_H_
#define KG_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/status.h"
#include "storage/term.h"

namespace kg {

struct Triple {
  Term subject, predicate, object;
};

struct IdTriple {
  TermId s = kNoTerm, p = kNoTerm, o = kNoTerm;
  friend bool operator==(const IdTriple& a, const IdTriple& b) {
    return a.s == b.s && a.p == b.p && a.o == b.o;
  }
};

// Where one statement (an extracted or loaded fact) comes from.
struct StatementRecord {
  std::string
      id;  // content-derived (document, sentence, position); unique per doc
  Triple triple;            // the fact; also one of the document's triples
  std::string document_id;  // filled by the store on write
  uint32_t sentence = 0;    // sentence index within the document
  uint32_t begin = 0,
           end = 0;         // byte span of the evidence in the document text
  std::string extractor;    // e.g. "kg-deps-1" or "load"
  double confidence = 1.0;  // in [0, 1]
};

// What a caller hands the store for one document.
struct DocumentInput {
  std::string id;  // stable document id (relative path, JSONL id, file name)
  std::string content_hash;  // of the source text; same id + same hash =
                             // unchanged (no-op)
  std::string title, date, source;
  std::vector<Triple> triples;  // duplicates within a document are ignored
  std::vector<StatementRecord> statements;  // provenance of some of the triples
};

// What the store keeps about a document.
struct DocumentRecord {
  std::string id, content_hash, title, date, source;
  uint64_t triple_count = 0;  // distinct triples it supports
  uint64_t statement_count = 0;
};

enum class AddOutcome { kAdded, kUnchanged, kReplaced };

struct StoreStats {
  uint64_t triples = 0, terms = 0, documents = 0, statements = 0;
  uint64_t disk_bytes = 0;
};

// Scan over the triples matching a pattern, in the order of the index chosen.
// Protocol: while (it->Valid()) { use it->triple(); it->Next(); } then check
// it->status().
class TripleIterator {
 public:
  virtual ~TripleIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual IdTriple triple() const = 0;
  virtual Status status() const = 0;
};

class DocumentIterator {
 public:
  virtual ~DocumentIterator() = default;
  virtual bool Valid() const = 0;
  virtual void Next() = 0;
  virtual const DocumentRecord& record() const = 0;
  virtual Status status() const = 0;
};

// A consistent, read-only snapshot of the store. Cheap to create; release it
// promptly.
class ReadView {
 public:
  virtual ~ReadView() = default;
  // Triples matching the pattern; kNoTerm leaves a position unbound. The index
  // (spo/pos/osp) follows from the bound positions; every scan is bounded by
  // its prefix.
  virtual std::unique_ptr<TripleIterator> Match(TermId s, TermId p,
                                                TermId o) const = 0;
  // The triples whose subject id lies in [first, last], in spo order: a range
  // of the spo index, so that threads can share a full scan.
  virtual std::unique_ptr<TripleIterator> MatchSubjects(TermId first,
                                                        TermId last) const = 0;
  // Number of matching triples; exact when at most `cap` match, else a value >=
  // cap.
  virtual uint64_t Count(TermId s, TermId p, TermId o,
                         uint64_t cap = UINT64_MAX) const = 0;
  // Dictionary both ways. Lookup of an unknown term returns NotFound.
  virtual StatusOr<TermId> Lookup(const Term& term) const = 0;
  virtual StatusOr<Term> Resolve(TermId id) const = 0;
  // Resolves the ids in [first, last] in id order with one scan of the
  // dictionary, calling visit(id, term) for each until it returns false; the
  // Term is only valid during the call. Far cheaper per id than Resolve when
  // most ids of a range are wanted (e.g. classifying every term).
  virtual Status ScanTerms(
      TermId first, TermId last,
      const std::function<bool(TermId, const Term&)>& visit) const = 0;
  // Largest id assigned so far (ids are dense in [1, max_term_id()]).
  virtual TermId max_term_id() const = 0;
  // Provenance of a triple: every statement of every document that supports it.
  virtual StatusOr<std::vector<StatementRecord>> Statements(
      const IdTriple& t) const = 0;
  // Number of documents supporting the triple (0 if absent).
  virtual StatusOr<uint64_t> Support(const IdTriple& t) const = 0;
  virtual StatusOr<DocumentRecord> GetDocument(const std::string& id) const = 0;
  virtual std::unique_ptr<DocumentIterator> Documents() const = 0;
  // The store's write sequence number at this snapshot; changes whenever the
  // data changes.
  virtual uint64_t sequence() const = 0;
};

// A read-only Store sees the data as of its Open (later commits of a writer
// process are not visible to it; reopen to refresh). Term ids are never
// reclaimed: removing the last document that uses a term keeps its id.
struct OpenOptions {
  bool read_only = false;  // many read-only processes may open a store at once
  bool create_if_missing = true;
  int wait_seconds = 0;  // how long a writer waits for the lock before Busy
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens or creates the store at `path`. Errors: Busy (another writer),
  // InvalidArgument (not a kg store, or a format version this build does not
  // know), IOError.
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path,
                                               const OpenOptions& options = {});

  virtual std::unique_ptr<ReadView> NewReadView() const = 0;

  // Adds or replaces one document in a single atomic write. Same id and content
  // hash as the stored document: no-op (kUnchanged). Same id, new hash: its old
  // contribution is retracted.
  virtual StatusOr<AddOutcome> AddDocument(const DocumentInput& doc) = 0;

  // Bulk path for a large document (e.g. a whole N-Triples file): sorts each
  // index permutation, writes SST files and ingests them at once. Same
  // atomicity and replacement rules as AddDocument. REQUIRES: no other write
  // runs concurrently in this process.
  // Atomicity: every change of the document (new dictionary entries, index
  // entries, support counts, provenance, the contribution list, the document
  // record and the store counters, and the retraction of a replaced version)
  // goes into one SST file per column family, and all of them are ingested by
  // one RocksDB IngestExternalFiles call, which records them in the MANIFEST as
  // one atomic group: after a crash the document is whole or absent. A crash
  // before the ingest leaves only temporary files, removed at the next open.
  // Small documents are cheaper through AddDocument (each bulk load adds
  // files).
  virtual StatusOr<AddOutcome> BulkLoad(const DocumentInput& doc) = 0;

  // Retracts what the document contributed; a triple another document supports
  // stays. NotFound when no such document.
  virtual Status RemoveDocument(const std::string& id) = 0;

  virtual StatusOr<StoreStats> Stats() const = 0;
  virtual const std::string& path() const = 0;
};

}  // namespace kg

#endif  // KG_STORAGE_STORE_H_
