// Byte-level plumbing of the RDF reader: a content hash of the bytes read and
// a FILE* source that hashes and counts lines while serd pulls pages from it.
// Not thread-safe; one per read.
#ifndef KG_INGEST_RDF_SOURCE_H_
#define KG_INGEST_RDF_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace kg {

// A fast 64-bit non-cryptographic hash of a byte stream (four multiply-rotate
// lanes over 8-byte words, then a final mix with the length). Detects changed
// content; not meant to resist deliberate collisions. The digest text is
// "h64:<16 hex digits>:<byte count>" and never changes between versions.
class ContentHasher {
 public:
  ContentHasher();
  void Update(const void* data, size_t size);
  void Update(std::string_view s) { Update(s.data(), s.size()); }
  std::string Digest() const;

 private:
  void Block(const unsigned char* p);  // consumes 32 bytes
  uint64_t lanes_[4];
  unsigned char pending_[32];
  size_t pending_size_ = 0;
  uint64_t total_ = 0;
};

// The byte source serd reads through. Tracks the line of the last byte but one
// delivered: serd keeps exactly one byte of look-ahead, so when pages are one
// byte long that is the line of the statement being parsed.
struct CountingSource {
  std::FILE* file = nullptr;  // not owned
  ContentHasher hasher;
  uint64_t bytes = 0;
  uint64_t newlines = 0;  // newlines among all bytes but the last delivered
  bool last_is_newline = false;

  uint64_t line() const { return newlines + 1; }
  // Records bytes delivered (hash, count, lines).
  void Consume(const unsigned char* p, size_t n);

  // serd's SerdSource and SerdStreamErrorFunc; `stream` is a CountingSource*.
  static size_t Read(void* buf, size_t size, size_t nmemb, void* stream);
  static int Error(void* stream);
};

}  // namespace kg

#endif  // KG_INGEST_RDF_SOURCE_H_
