// Streaming N-Triples / N-Quads writer over serd's SerdWriter. Output is
// ASCII (non-ASCII characters escaped as \uXXXX), one statement a line, and
// parses with any conforming reader (rapper, rdflib).
//
// Ownership: the writer borrows the FILE* or std::string it writes to; it must
// outlive the writer. Failure: Write/Finish return IOError when the output
// cannot be written and InvalidArgument for a term that has no N-Triples form
// (a literal as subject or predicate, an empty IRI). Not thread-safe.
#ifndef KG_INGEST_RDF_WRITER_H_
#define KG_INGEST_RDF_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "storage/status.h"
#include "storage/store.h"
#include "storage/term.h"

namespace kg {

enum class RdfOutputFormat { kNTriples, kNQuads };

class RdfWriter {
 public:
  RdfWriter(std::FILE* out, RdfOutputFormat format);
  RdfWriter(std::string* out, RdfOutputFormat format);
  ~RdfWriter();
  RdfWriter(const RdfWriter&) = delete;
  RdfWriter& operator=(const RdfWriter&) = delete;

  // Writes one statement; `graph` (an IRI or blank node) names its graph in
  // N-Quads and is ignored in N-Triples. nullptr = the default graph.
  Status Write(const Triple& triple, const Term* graph = nullptr);
  // Flushes; the output is then complete. Further writes are errors.
  Status Finish();

  uint64_t count() const { return count_; }

 private:
  struct Impl;
  static size_t SinkToFile(const void* buf, size_t len, void* stream);
  static size_t SinkToString(const void* buf, size_t len, void* stream);

  std::unique_ptr<Impl> impl_;
  uint64_t count_ = 0;
};

}  // namespace kg

#endif  // KG_INGEST_RDF_WRITER_H_
