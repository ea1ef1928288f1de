// The evidence behind a fact, as the ingestor recorded it: every statement of
// a triple with its document (id, title, date), sentence index, confidence,
// extractor, and the text of the sentence it came from (the statement's
// <base>sentence literal; empty for triples loaded from RDF). Used by
// `kg why` and by the why endpoint of `kg serve`.
// Thread-safety: pure functions over a ReadView used by the calling thread.
#ifndef KG_INGEST_EVIDENCE_H_
#define KG_INGEST_EVIDENCE_H_

#include <string>
#include <vector>

#include "ingest/vocabulary.h"
#include "storage/status.h"
#include "storage/store.h"

namespace kg {

struct Evidence {
  StatementRecord statement;
  std::string title, date;  // of the statement's document ("" when unknown)
  std::string sentence;     // the sentence text ("" when not recorded)
};

// The sentence text recorded for one statement, or "" when there is none.
std::string StatementSentence(const ReadView& view, const Vocabulary& vocab,
                              const StatementRecord& statement);

// Every statement supporting `triple`, in the store's order. Errors: the
// store's read errors.
StatusOr<std::vector<Evidence>> FactEvidence(const ReadView& view,
                                             const Vocabulary& vocab,
                                             const IdTriple& triple);

}  // namespace kg

#endif  // KG_INGEST_EVIDENCE_H_
