#include "storage/records.h"

#include <gtest/gtest.h>

#include <string>

namespace kg {
namespace {

TEST(RecordsTest, DocumentRoundTrips) {
  StoredDocument doc;
  doc.record.id = "news/1.txt";
  doc.record.content_hash = "abc";
  doc.record.title = "Talks in Yerevan";
  doc.record.triple_count = 7;
  doc.contribution_chunks = 2;
  auto back = ParseDocument(SerializeDocument(doc));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->record.id, "news/1.txt");
  EXPECT_EQ(back->record.title, "Talks in Yerevan");
  EXPECT_EQ(back->record.triple_count, 7u);
  EXPECT_EQ(back->contribution_chunks, 2u);
}

// Found by fuzz_key_decode: a damaged record claiming a string of ~45 PB. The
// length must be checked against the record before anything is allocated.
TEST(RecordsTest, HugeStringLengthIsCorruptionNotAnAllocation) {
  const unsigned char bytes[] = {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                 0x00, 0xa2, 0xa2, 0xa2, 0x00, 0x00, 0x00,
                                 0x00, 0x00, 0x00, 0x00, 0xe7, 0xff, 0xff,
                                 0xff, 0xff, 0x77, 0x33};
  std::string_view view(reinterpret_cast<const char*>(bytes), sizeof bytes);
  auto doc = ParseDocument(view);
  EXPECT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kCorruption);
  // A length that would fit in memory but exceeds the record is refused too.
  StatementRecord s;
  s.id = std::string(1000, 'x');
  std::string ok = SerializeStatement(s);
  EXPECT_TRUE(ParseStatement(ok).ok());
  EXPECT_FALSE(ParseStatement(std::string_view(ok).substr(0, 500)).ok());
}

}  // namespace
}  // namespace kg
