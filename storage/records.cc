#include "storage/records.h"

#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <sstream>
#include <stdexcept>

namespace kg {
namespace {

void PutBigEndian32(char* out, uint32_t v) {
  for (int i = 3; i >= 0; --i) {
    out[i] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
}

uint32_t GetBigEndian32(const char* in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
  return v;
}

// Loads a string whose stored length is checked against the record's size
// before anything is allocated: cereal alone would allocate whatever length a
// damaged record claims.
struct BoundedString {
  std::string& value;
  size_t limit;

  template <class Archive>
  void load(Archive& ar) {
    cereal::size_type size = 0;
    ar(cereal::make_size_tag(size));
    if (size > limit) throw std::length_error("string longer than its record");
    value.resize(static_cast<size_t>(size));
    ar(cereal::binary_data(value.data(), value.size()));
  }
};

// cereal throws on a short read; that exception must not leave this file.
// `fn(ar, limit)` reads the fields; strings go through BoundedString{s, limit}.
template <typename Fn>
Status Decode(std::string_view bytes, const char* what, Fn&& fn) {
  try {
    std::istringstream in(std::string(bytes), std::ios::binary);
    cereal::BinaryInputArchive ar(in);
    uint32_t version = 0;
    ar(version);
    if (version != kRecordVersion) {
      return Status::Corruption(
          std::string(what) + " record has version " + std::to_string(version) +
          ", this build reads version " + std::to_string(kRecordVersion));
    }
    fn(ar, bytes.size());
  } catch (const std::exception& e) {
    return Status::Corruption(std::string("truncated ") + what + " record");
  }
  return Status::OK();
}

}  // namespace

std::string SerializeDocument(const StoredDocument& doc) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::BinaryOutputArchive ar(out);
    const DocumentRecord& r = doc.record;
    ar(kRecordVersion, r.id, r.content_hash, r.title, r.date, r.source,
       r.triple_count, r.statement_count, doc.contribution_chunks);
  }
  return out.str();
}

StatusOr<StoredDocument> ParseDocument(std::string_view bytes) {
  StoredDocument doc;
  Status st = Decode(bytes, "document", [&doc](auto& ar, size_t limit) {
    DocumentRecord& r = doc.record;
    ar(BoundedString{r.id, limit}, BoundedString{r.content_hash, limit},
       BoundedString{r.title, limit}, BoundedString{r.date, limit},
       BoundedString{r.source, limit}, r.triple_count, r.statement_count,
       doc.contribution_chunks);
  });
  if (!st.ok()) return st;
  return doc;
}

std::string SerializeStatement(const StatementRecord& s) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::BinaryOutputArchive ar(out);
    ar(kRecordVersion, s.id, s.document_id, s.sentence, s.begin, s.end,
       s.extractor, s.confidence);
  }
  return out.str();
}

StatusOr<StatementRecord> ParseStatement(std::string_view bytes) {
  StatementRecord s;
  Status st = Decode(bytes, "statement", [&s](auto& ar, size_t limit) {
    ar(BoundedString{s.id, limit}, BoundedString{s.document_id, limit},
       s.sentence, s.begin, s.end, BoundedString{s.extractor, limit},
       s.confidence);
  });
  if (!st.ok()) return st;
  return s;
}

std::string ContributionChunkKey(std::string_view doc_id, uint32_t chunk) {
  std::string key(doc_id);
  key.push_back('\0');
  key.resize(key.size() + 4);
  PutBigEndian32(key.data() + key.size() - 4, chunk);
  return key;
}

std::string PackContributions(const Contribution* begin,
                              const Contribution* end) {
  constexpr size_t kEntry = kIndexKeySize + 4;
  std::string out(static_cast<size_t>(end - begin) * kEntry, '\0');
  char* p = out.data();
  for (const Contribution* c = begin; c != end; ++c, p += kEntry) {
    IndexKey k = EncodeIndexKey(IndexKind::kSpo, c->triple);
    std::copy(k.begin(), k.end(), p);
    PutBigEndian32(p + kIndexKeySize, c->statements);
  }
  return out;
}

Status UnpackContributions(std::string_view bytes,
                           std::vector<Contribution>* out) {
  constexpr size_t kEntry = kIndexKeySize + 4;
  if (bytes.size() % kEntry != 0) {
    return Status::Corruption("contribution chunk has a partial entry");
  }
  for (size_t i = 0; i < bytes.size(); i += kEntry) {
    Contribution c;
    c.triple = DecodeIndexKey(IndexKind::kSpo, bytes.substr(i, kIndexKeySize));
    c.statements = GetBigEndian32(bytes.data() + i + kIndexKeySize);
    out->push_back(c);
  }
  return Status::OK();
}

std::string StatementKey(const IdTriple& t, uint64_t doc_hash,
                         uint32_t ordinal) {
  std::string key(kStatementKeySize, '\0');
  IndexKey k = EncodeIndexKey(IndexKind::kSpo, t);
  std::copy(k.begin(), k.end(), key.data());
  PutBigEndian64(key.data() + kIndexKeySize, doc_hash);
  PutBigEndian32(key.data() + kIndexKeySize + 8, ordinal);
  return key;
}

uint64_t DocumentHash(std::string_view doc_id) {
  // FNV-1a 64: stable across builds and platforms (std::hash is not).
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : doc_id) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace kg
