#include "storage/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

namespace kg {
namespace {

TEST(KeyCodecTest, RoundTripsEveryIndex) {
  const IdTriple t{0x0102030405060708ULL, 42, UINT64_MAX - 1};
  for (int i = 0; i < kIndexCount; ++i) {
    const auto kind = static_cast<IndexKind>(i);
    IndexKey k = EncodeIndexKey(kind, t);
    EXPECT_EQ(DecodeIndexKey(kind, KeyView(k)), t);
  }
  IndexKey spo = EncodeIndexKey(IndexKind::kSpo, t);
  EXPECT_EQ(static_cast<unsigned char>(spo[0]), 0x01);  // big-endian
  EXPECT_EQ(static_cast<unsigned char>(spo[7]), 0x08);
  EXPECT_EQ(GetBigEndian64(spo.data() + 8), 42u);
}

TEST(KeyCodecTest, ByteOrderEqualsNumericOrder) {
  std::mt19937_64 rng(7);
  std::vector<IdTriple> triples;
  for (int i = 0; i < 2000; ++i) {
    // Mix small and huge ids so that byte-width effects would show.
    auto id = [&rng] { return rng() % 2 ? rng() % 300 + 1 : rng() | 1; };
    triples.push_back({id(), id(), id()});
  }
  for (int i = 0; i < kIndexCount; ++i) {
    const auto kind = static_cast<IndexKind>(i);
    auto perm = [kind](const IdTriple& t) {
      switch (kind) {
        case IndexKind::kPos:
          return std::tuple(t.p, t.o, t.s);
        case IndexKind::kOsp:
          return std::tuple(t.o, t.s, t.p);
        default:
          return std::tuple(t.s, t.p, t.o);
      }
    };
    auto by_key = triples;
    std::sort(by_key.begin(), by_key.end(), [kind](auto& a, auto& b) {
      return KeyView(EncodeIndexKey(kind, a)) <
             KeyView(EncodeIndexKey(kind, b));
    });
    EXPECT_TRUE(
        std::is_sorted(by_key.begin(), by_key.end(),
                       [&](auto& a, auto& b) { return perm(a) < perm(b); }));
  }
}

TEST(KeyCodecTest, PlanScanPutsEveryBoundPositionInThePrefix) {
  const TermId s = 1, p = 2, o = 3;
  struct Case {
    TermId s, p, o;
    IndexKind index;
    size_t prefix_len;
  } cases[] = {
      {0, 0, 0, IndexKind::kSpo, 0},  {s, 0, 0, IndexKind::kSpo, 8},
      {0, p, 0, IndexKind::kPos, 8},  {0, 0, o, IndexKind::kOsp, 8},
      {s, p, 0, IndexKind::kSpo, 16}, {0, p, o, IndexKind::kPos, 16},
      {s, 0, o, IndexKind::kOsp, 16}, {s, p, o, IndexKind::kSpo, 24},
  };
  for (const Case& c : cases) {
    ScanPlan plan = PlanScan(c.s, c.p, c.o);
    EXPECT_EQ(plan.index, c.index) << c.s << c.p << c.o;
    ASSERT_EQ(plan.prefix.size(), c.prefix_len);
    // Decoding the prefix (padded with zeros) gives back the bound ids.
    std::string padded = plan.prefix + std::string(24 - c.prefix_len, '\0');
    IdTriple got = DecodeIndexKey(plan.index, padded);
    if (c.s) {
      EXPECT_EQ(got.s, c.s);
    }
    if (c.p) {
      EXPECT_EQ(got.p, c.p);
    }
    if (c.o) {
      EXPECT_EQ(got.o, c.o);
    }
  }
}

TEST(KeyCodecTest, PrefixSuccessor) {
  EXPECT_EQ(PrefixSuccessor(std::string("\x01\x02", 2)),
            std::string("\x01\x03", 2));
  EXPECT_EQ(PrefixSuccessor(std::string("\x01\xff", 2)),
            std::string("\x02", 1));
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff", 2)), "");
  EXPECT_EQ(PrefixSuccessor(""), "");
}

}  // namespace
}  // namespace kg
