// Internal to the RDF reader: one serd reader with its environment (base,
// prefixes), turning serd's nodes into Terms and serd's errors into
// "NAME:LINE: reason". Not thread-safe; one per read.
#ifndef KG_INGEST_RDF_SERD_PARSER_H_
#define KG_INGEST_RDF_SERD_PARSER_H_

#include <serd/serd.h>

#include <cstdint>
#include <string>

#include "ingest/rdf_reader.h"
#include "ingest/rdf_source.h"

namespace kg {

class SerdParser {
 public:
  // `sink` may be null: statements are then only counted (used to locate the
  // line of a failing statement). REQUIRES: options.format is not kTsv.
  SerdParser(const RdfReadOptions& options, const RdfSink* sink);
  ~SerdParser();
  SerdParser(const SerdParser&) = delete;
  SerdParser& operator=(const SerdParser&) = delete;

  // Reads the whole source, pulling pages of `page_size` bytes; with 1-byte
  // pages the line of a statement-level error is exact.
  Status ReadSource(CountingSource* source, size_t page_size);
  // Reads one N-Triples statement held in `text`; errors name `line`.
  Status ReadLine(const std::string& text, uint64_t line);

  // Stop (with an error naming the line) at the statement with this 1-based
  // ordinal; used to locate a failure found during a paged read.
  void StopAtStatement(uint64_t ordinal, Status reason) {
    stop_at_ = ordinal;
    stop_reason_ = std::move(reason);
  }

  uint64_t statements() const { return statements_; }
  // True when the last failure came from a statement (term conversion or the
  // sink) rather than from serd's syntax check.
  bool failed_in_statement() const { return failed_in_statement_; }
  // That failure without its "NAME:LINE: " prefix.
  const Status& statement_cause() const { return statement_cause_; }

 private:
  static SerdStatus OnBase(void* handle, const SerdNode* uri);
  static SerdStatus OnPrefix(void* handle, const SerdNode* name,
                             const SerdNode* uri);
  static SerdStatus OnStatement(void* handle, SerdStatementFlags flags,
                                const SerdNode* graph, const SerdNode* subject,
                                const SerdNode* predicate,
                                const SerdNode* object,
                                const SerdNode* datatype, const SerdNode* lang);
  static SerdStatus OnError(void* handle, const SerdError* error);

  Status Statement(const SerdNode* graph, const SerdNode* subject,
                   const SerdNode* predicate, const SerdNode* object,
                   const SerdNode* datatype, const SerdNode* lang);
  Status ToTerm(const SerdNode* node, Term* term) const;
  Status ExpandIri(const SerdNode* node, std::string* iri) const;
  uint64_t line() const;
  Status Finish(SerdStatus st);

  const RdfReadOptions& options_;
  const RdfSink* sink_;
  SerdReader* reader_ = nullptr;
  SerdEnv* env_ = nullptr;
  const CountingSource* source_ = nullptr;
  uint64_t fixed_line_ = 0;  // ReadLine: the line every error names
  uint64_t statements_ = 0;
  uint64_t stop_at_ = 0;
  Status stop_reason_;
  std::string syntax_error_;  // first serd error, already "NAME:LINE: ..."
  Status statement_error_;
  Status statement_cause_;
  bool failed_in_statement_ = false;
  Triple triple_;  // reused between statements
  Term graph_;
};

}  // namespace kg

#endif  // KG_INGEST_RDF_SERD_PARSER_H_
