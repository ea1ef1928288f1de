// SortingSink: every key's last write, in bytewise key order, whatever the
// mix of 24-byte index keys (kept as numbers) and other keys (kept in an
// arena), checked against a std::map model on random writes.
#include "storage/write_sinks.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace kg {
namespace {

class TestSink : public SortingSink {
 public:
  // (key, value, is_delete) in the order Drain visits them.
  std::vector<std::tuple<std::string, std::string, bool>> DrainAll(int cf) {
    std::vector<std::tuple<std::string, std::string, bool>> out;
    rocksdb::Status s =
        Drain(cf, [&out](std::string_view k, std::string_view v, bool del) {
          out.emplace_back(std::string(k), std::string(v), del);
          return rocksdb::Status::OK();
        });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
};

// Keys drawn so that collisions and shared prefixes are common: 24-byte
// index keys, long IRIs sharing 20+ bytes, keys that are prefixes of others,
// keys with NUL and 0xff bytes, and 8-byte ids.
std::string RandomKey(std::mt19937_64& rng) {
  switch (rng() % 5) {
    case 0: {
      IndexKey k =
          EncodeIndexKey(IndexKind::kSpo, {rng() % 4, rng() % 3, rng() % 5});
      return std::string(KeyView(k));
    }
    case 1: {
      std::string k = "0http://example.org/entity/";
      k += std::to_string(rng() % 40);
      return k;
    }
    case 2: {
      std::string k = "2literal value ";
      k += std::to_string(rng() % 30);
      k += '\0';
      k += (rng() % 2) ? "@en" : "-";
      return k;
    }
    case 3:
      return std::string(rng() % 20, static_cast<char>(rng() % 2 ? 0 : 0xff));
    default:
      return EncodeId(rng() % 50);
  }
}

TEST(SortingSinkTest, DrainVisitsTheLastWriteOfEachKeyInKeyOrder) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    TestSink sink;
    // model: key -> (value, is_delete); std::string compares bytes unsigned.
    std::map<std::string, std::pair<std::string, bool>> model;
    const int writes = 50 + static_cast<int>(rng() % 3000);
    for (int w = 0; w < writes; ++w) {
      const std::string key = RandomKey(rng);
      const int op = rng() % 3;
      if (op == 0) {
        sink.Delete(kCfSpo, key);
        model[key] = {"", true};
      } else {
        // Index keys mostly with empty values, sometimes with a value.
        std::string value;
        if (op == 2) value = std::to_string(w) + "v";
        sink.Put(kCfSpo, key, value);
        model[key] = {value, false};
      }
    }
    const auto got = sink.DrainAll(kCfSpo);
    ASSERT_EQ(got.size(), model.size()) << "seed " << seed;
    size_t i = 0;
    for (const auto& [key, last] : model) {
      const auto& [k, v, del] = got[i++];
      ASSERT_EQ(k, key) << "seed " << seed << " entry " << i;
      EXPECT_EQ(v, last.first);
      EXPECT_EQ(del, last.second);
    }
    EXPECT_TRUE(sink.DrainAll(kCfSpo).empty());  // drained
  }
}

TEST(SortingSinkTest, ColumnFamiliesAreIndependentAndSortedInputIsKept) {
  TestSink sink;
  for (uint64_t id = 1; id <= 1000; ++id) {
    sink.Put(kCfId2Str, EncodeId(id), std::to_string(id) + "term");
    sink.Put(kCfPos, KeyView(EncodeIndexKey(IndexKind::kPos, {id, 1, 2})), "");
  }
  sink.Put(kCfPos, KeyView(EncodeIndexKey(IndexKind::kPos, {0, 0, 0})), "");
  const auto ids = sink.DrainAll(kCfId2Str);
  ASSERT_EQ(ids.size(), 1000u);
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(std::get<0>(ids[i]), EncodeId(i + 1));
    EXPECT_EQ(std::get<1>(ids[i]), std::to_string(i + 1) + "term");
  }
  const auto pos = sink.DrainAll(kCfPos);
  ASSERT_EQ(pos.size(), 1001u);
  EXPECT_EQ(DecodeIndexKey(IndexKind::kPos, std::get<0>(pos[0])),
            (IdTriple{0, 0, 0}));
  EXPECT_EQ(DecodeIndexKey(IndexKind::kPos, std::get<0>(pos[1000])),
            (IdTriple{1000, 1, 2}));
}

}  // namespace
}  // namespace kg
