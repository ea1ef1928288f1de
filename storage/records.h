// Values of the documents, statements and doc_triples column families, and
// their (de)serialisation. Records are cereal binary archives that start with
// a format version, so the layout can evolve; a record of an unknown version
// or a truncated one decodes to Status::Corruption. Pure functions.
#ifndef KG_STORAGE_RECORDS_H_
#define KG_STORAGE_RECORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/key_codec.h"
#include "storage/store.h"

namespace kg {

inline constexpr uint32_t kRecordVersion = 1;

// A document as stored: the public record plus how its contribution list is
// laid out (chunks of the doc_triples column family).
struct StoredDocument {
  DocumentRecord record;
  uint32_t contribution_chunks = 0;
};

std::string SerializeDocument(const StoredDocument& doc);
StatusOr<StoredDocument> ParseDocument(std::string_view bytes);

// A statement's provenance; the triple is implied by the key (see
// StatementKey) and filled in by the reader.
std::string SerializeStatement(const StatementRecord& st);
StatusOr<StatementRecord> ParseStatement(std::string_view bytes);

// What one document contributes for one triple: the triple and how many of the
// document's statements are about it.
struct Contribution {
  IdTriple triple;
  uint32_t statements = 0;
};

// The contribution list is stored in chunks of at most kContributionsPerChunk
// entries: key = document id, NUL, 4-byte big-endian chunk number; value =
// packed 28-byte entries (spo key, 4-byte big-endian statement count).
inline constexpr size_t kContributionsPerChunk = 4096;
std::string ContributionChunkKey(std::string_view doc_id, uint32_t chunk);
std::string PackContributions(const Contribution* begin,
                              const Contribution* end);
Status UnpackContributions(std::string_view bytes,
                           std::vector<Contribution>* out);

// statements key: spo key of the triple, 8-byte hash of the document id,
// 4-byte big-endian ordinal of the statement among that document's statements
// about the triple. Statements(triple) is a prefix scan of the spo key.
inline constexpr size_t kStatementKeySize = kIndexKeySize + 12;
std::string StatementKey(const IdTriple& t, uint64_t doc_hash,
                         uint32_t ordinal);
uint64_t DocumentHash(std::string_view doc_id);

}  // namespace kg

#endif  // KG_STORAGE_RECORDS_H_
