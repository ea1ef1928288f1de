// Fixed-width key encodings of the triple indexes. An index key is three
// 64-bit term ids, big-endian, in the order of the index (spo, pos or osp), so
// the byte order of keys equals the numeric order of the id tuples and every
// triple pattern is a prefix scan of one index. Pure functions, thread-safe.
#ifndef KG_STORAGE_KEY_CODEC_H_
#define KG_STORAGE_KEY_CODEC_H_

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "storage/store.h"

namespace kg {

inline constexpr size_t kIndexKeySize = 24;
using IndexKey = std::array<char, kIndexKeySize>;

enum class IndexKind : uint8_t { kSpo = 0, kPos = 1, kOsp = 2 };
inline constexpr int kIndexCount = 3;

// Inline: the bulk path converts millions of keys.
inline void PutBigEndian64(char* out, uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) {
    v = __builtin_bswap64(v);
  }
  std::memcpy(out, &v, 8);
}
inline uint64_t GetBigEndian64(const char* in) {
  uint64_t v;
  std::memcpy(&v, in, 8);
  if constexpr (std::endian::native == std::endian::little) {
    v = __builtin_bswap64(v);
  }
  return v;
}
std::string EncodeId(TermId id);  // 8 bytes, big-endian

// The triple's ids permuted into `kind`'s order and encoded.
inline IndexKey EncodeIndexKey(IndexKind kind, const IdTriple& t) {
  IndexKey k;
  TermId a = t.s, b = t.p, c = t.o;
  if (kind == IndexKind::kPos) {
    a = t.p, b = t.o, c = t.s;
  } else if (kind == IndexKind::kOsp) {
    a = t.o, b = t.s, c = t.p;
  }
  PutBigEndian64(k.data(), a);
  PutBigEndian64(k.data() + 8, b);
  PutBigEndian64(k.data() + 16, c);
  return k;
}
inline std::string_view KeyView(const IndexKey& k) {
  return std::string_view(k.data(), k.size());
}
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
