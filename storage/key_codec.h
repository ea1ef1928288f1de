// Fixed-width key encodings of the triple indexes. An index key is three
// 64-bit term ids, big-endian, in the order of the index (spo, pos or osp), so
// the byte order of keys equals the numeric order of the id tuples and every
// triple pattern is a prefix scan of one index. Pure functions, thread-safe.
#ifndef KG_STORAGE_KEY_CODEC_H_
#define KG_STORAGE_KEY_CODEC_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "storage/store.h"

namespace kg {

inline constexpr size_t kIndexKeySize = 24;
using IndexKey = std::array<char, kIndexKeySize>;

enum class IndexKind : uint8_t { kSpo = 0, kPos = 1, kOsp = 2 };
inline constexpr int kIndexCount = 3;

void PutBigEndian64(char* out, uint64_t v);
uint64_t GetBigEndian64(const char* in);
std::string EncodeId(TermId id);  // 8 bytes, big-endian

// The triple's ids permuted into `kind`'s order and encoded.
IndexKey EncodeIndexKey(IndexKind kind, const IdTriple& t);
std::string_view KeyView(const IndexKey& k);
// Inverse of EncodeIndexKey. REQUIRES: key.size() == kIndexKeySize.
IdTriple DecodeIndexKey(IndexKind kind, std::string_view key);

// How a pattern is answered: the index to scan and the encoded bound prefix
// (0, 8, 16 or 24 bytes). Every bound position lies inside the prefix.
struct ScanPlan {
  IndexKind index = IndexKind::kSpo;
  std::string prefix;
};
ScanPlan PlanScan(TermId s, TermId p, TermId o);

// The smallest key greater than every key that starts with `prefix`, or ""
// when none exists (empty prefix, or all bytes 0xff): then the scan is
// unbounded above.
std::string PrefixSuccessor(std::string_view prefix);

}  // namespace kg

#endif  // KG_STORAGE_KEY_CODEC_H_
