// Internal to storage/: turns "document D now contributes these triples and
// statements" (or "D is removed") into the puts and deletes that take the store
// from its current state to the new one, emitted into a WriteSink. The caller
// commits the sink's contents in one atomic write (WriteBatch or one
// IngestExternalFiles). Reads the current, committed state (no snapshot);
// REQUIRES the caller to hold the writer mutex.
#ifndef KG_STORAGE_DOCUMENT_WRITER_H_
#define KG_STORAGE_DOCUMENT_WRITER_H_

#include <optional>
#include <string>

#include "storage/dictionary.h"
#include "storage/engine.h"
#include "storage/records.h"
#include "storage/store.h"

namespace kg {

// The stored record of a document, or nullopt when absent.
StatusOr<std::optional<StoredDocument>> ReadStoredDocument(
    const Engine& engine, const std::string& id);

// Checks a caller's document (id, statement confidence) before any write;
// InvalidArgument naming the document and what is wrong.
Status ValidateDocument(const DocumentInput& doc);

struct WritePlanInput {
  const Engine* engine = nullptr;
  TermDictionary* dictionary = nullptr;
  Counters* counters = nullptr;  // updated to the state after the write
  WriteSink* sink = nullptr;
};

// Emits the write that replaces `old` (may be null) with `doc` (null: remove
// the document). Counters and the dictionary are updated in memory; on a
// failed commit the caller restores the counters and rolls the dictionary back.
Status PlanDocumentWrite(const WritePlanInput& in, const std::string& id,
                         const StoredDocument* old, const DocumentInput* doc);

}  // namespace kg

#endif  // KG_STORAGE_DOCUMENT_WRITER_H_
