// Feature hashing for the tagger and the parser: strings and small ids are
// combined into 64-bit feature keys. Key 0 is reserved (empty slot), so
// FeatureKey never returns it. Pure functions, thread-safe.
#ifndef KG_INGEST_PERCEPTRON_HASH_H_
#define KG_INGEST_PERCEPTRON_HASH_H_

#include <cstdint>
#include <string_view>

namespace kg {

// splitmix64 finaliser: a cheap, well-mixing bijection on 64 bits.
inline uint64_t MixBits(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// FNV-1a over the bytes, then mixed.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return MixBits(h);
}

inline uint64_t CombineHash(uint64_t seed, uint64_t v) {
  return MixBits(seed ^
                 (v + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

// The key of template `tmpl` instantiated with up to three atomic values.
inline uint64_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b = 0,
                           uint64_t c = 0) {
  uint64_t h = CombineHash(MixBits(tmpl + 1), a);
  h = CombineHash(h, b);
  h = CombineHash(h, c);
  return h == 0 ? 1 : h;
}

}  // namespace kg

#endif  // KG_INGEST_PERCEPTRON_HASH_H_
