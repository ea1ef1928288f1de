// Article readers: each input kind, and every bad-input case yields one
// "SOURCE:LINE: reason; document skipped" record while reading goes on.
#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_reader_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  static std::vector<ReadResult> ReadAll(ArticleReader* r) {
    std::vector<ReadResult> out;
    ReadResult item;
    while (r->Next(&item)) out.push_back(std::move(item));
    return out;
  }

  fs::path dir_;
};

TEST_F(ReaderTest, DirectoryIsRecursiveSortedAndTitled) {
  Write("b.txt", "Second Story\n\nIt happened.\nAgain.\n");
  Write("a/z.md", "# Heading Here\nBody text follows.\n");
  Write("a/notes.csv", "x,y\n");
  Write(".hidden/c.txt", "hidden\n");
  Write("c.TXT", "A single line that is the whole text.");
  Write("d.txt",
        "This first line is a sentence that ends with a period and so is "
        "not a title.\nMore text.\n");
  auto items = ReadAll(OpenDirectoryReader(dir_.string()).get());
  ASSERT_EQ(items.size(), 4u);
  for (const auto& i : items) ASSERT_TRUE(i.status.ok()) << i.status.message();
  EXPECT_EQ(items[0].article.id, "a/z.md");
  EXPECT_EQ(items[0].article.title, "Heading Here");
  EXPECT_EQ(items[0].article.text, "Body text follows.\n");
  EXPECT_EQ(items[1].article.id, "b.txt");
  EXPECT_EQ(items[1].article.title, "Second Story");
  EXPECT_EQ(items[1].article.text, "It happened.\nAgain.\n");
  EXPECT_EQ(items[2].article.id, "c.TXT");
  EXPECT_EQ(items[2].article.title, "");
  EXPECT_EQ(items[3].article.title, "");
  EXPECT_EQ(items[3].article.source, (dir_ / "d.txt").string());
}

TEST_F(ReaderTest, BomAndCrlfAreNormalised) {
  std::string p =
      Write("t.txt", "\xEF\xBB\xBFTitle\r\n\r\nLine one.\r\nTwo.\rThree.");
  auto items = ReadAll(OpenTextFileReader(p).get());
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[0].article.id, "t.txt");
  EXPECT_EQ(items[0].article.title, "Title");
  EXPECT_EQ(items[0].article.text, "Line one.\nTwo.\nThree.");
}

TEST_F(ReaderTest, JsonLinesFieldsAndUnknownFields) {
  std::string p = Write(
      "n.jsonl",
      "\xEF\xBB\xBF{\"id\": \"x1\", \"title\": \"T\", \"date\": "
      "\"2019-01-04\", "
      "\"text\": \"Hello.\\r\\nWorld.\", \"url\": \"http://u\", \"extra\": "
      "[1, {\"a\": 2}]}\r\n"
      "\n"
      "{\"id\": 42, \"text\": \"Numbered.\"}\n"
      "{\"text\": \"No id.\"}");
  auto items = ReadAll(OpenJsonLinesReader(p).get());
  ASSERT_EQ(items.size(), 3u);
  for (const auto& i : items) ASSERT_TRUE(i.status.ok()) << i.status.message();
  const Article& a = items[0].article;
  EXPECT_EQ(a.id, "x1");
  EXPECT_EQ(a.title, "T");
  EXPECT_EQ(a.date, "2019-01-04");
  EXPECT_EQ(a.url, "http://u");
  EXPECT_EQ(a.text, "Hello.\nWorld.");
  EXPECT_EQ(a.source, p + ":1");
  EXPECT_EQ(items[1].article.id, "42");
  EXPECT_EQ(items[1].article.source, p + ":3");
  EXPECT_EQ(items[2].article.id, "n.jsonl:4");
}

// Every bad record is skipped with its line and reason; the good ones after it
// still arrive.
TEST_F(ReaderTest, BadJsonLinesAreSkippedOneByOne) {
  std::string deep(5000, '[');
  std::string big_text(11u << 20, 'a');
  std::string lines[] = {
      "{\"id\": \"ok1\", \"text\": \"Fine.\"}",
      "{\"id\": \"bad-utf8\", \"text\": \"caf\xC3\x28\"}",
      "{\"id\": \"broken\", \"text\": ",
      deep,
      "{\"id\": \"empty\", \"text\": \"  \\n \"}",
      "{\"id\": \"nul\", \"text\": \"a\\u0000b\"}",
      "[1, 2]",
      "{\"id\": \"notext\"}",
      "{\"id\": \"num\", \"text\": 5}",
      "{\"id\": \"big\", \"text\": \"" + big_text + "\"}",
      "{\"id\": \"ok2\", \"text\": \"Also fine.\"}",
  };
  std::string content;
  for (const auto& l : lines) content += l + "\n";
  std::string p = Write("bad.jsonl", content);
  auto items = ReadAll(OpenJsonLinesReader(p).get());
  ASSERT_EQ(items.size(), 11u);
  EXPECT_TRUE(items[0].status.ok());
  EXPECT_TRUE(items[10].status.ok());
  EXPECT_EQ(items[10].article.id, "ok2");
  const char* reasons[] = {
      nullptr,
      ":2: invalid UTF-8 at byte 31; document skipped",
      ":3: malformed JSON",
      ":4: JSON nested deeper than 100 levels; document skipped",
      ":5: empty text; document skipped",
      ":6: NUL byte at byte 1; document skipped",
      ":7: not a JSON object; document skipped",
      ":8: no \"text\" field; document skipped",
      ":9: \"text\" is not a string; document skipped",
      ":10: document too large (11.0 MB, limit 10.0 MB); document skipped",
  };
  for (int i = 1; i < 10; ++i) {
    ASSERT_FALSE(items[i].status.ok()) << i;
    const std::string& m = items[i].status.message();
    EXPECT_EQ(m.rfind(p, 0), 0u) << m;
    EXPECT_NE(m.find(reasons[i]), std::string::npos) << m;
    EXPECT_NE(m.find("; document skipped"), std::string::npos) << m;
  }
}

TEST_F(ReaderTest, HugeSingleLineIsSkippedWithoutStopping) {
  std::string p = (dir_ / "huge.jsonl").string();
  {
    std::FILE* f = std::fopen(p.c_str(), "wb");
    std::string chunk(1 << 20, 'x');
    std::fputs("{\"text\": \"", f);
    for (int i = 0; i < 50; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
    std::fputs("\"}\n{\"id\": \"after\", \"text\": \"Still here.\"}\n", f);
    std::fclose(f);
  }
  auto items = ReadAll(OpenJsonLinesReader(p).get());
  ASSERT_EQ(items.size(), 2u);
  ASSERT_FALSE(items[0].status.ok());
  EXPECT_NE(items[0].status.message().find(":1: line too long (50.0 MB"),
            std::string::npos)
      << items[0].status.message();
  ASSERT_TRUE(items[1].status.ok());
  EXPECT_EQ(items[1].article.id, "after");
}

TEST_F(ReaderTest, BadTextFilesAreSkipped) {
  Write("1-binary.txt", std::string("\x7F"
                                    "ELF\x02\x01\x01\0\0\0\0",
                                    11) +
                            std::string(100, '\x01'));
  Write("3-utf8.txt", "Line one.\nBad \xFF byte.\n");
  Write("4-empty.txt", " \n\t\n");
  Write("5-ok.txt", "Fine text.");
  // A NUL past the first 8 KiB: text with a stray NUL, not a binary file.
  std::string nul_text =
      "Good start.\n" + std::string(9000, 'x') + "\nThen a" + '\0' + "NUL.";
  Write("2-nul.txt", nul_text);
  {
    std::ofstream big(dir_ / "6-big.txt", std::ios::binary);
    std::string chunk(1 << 20, 'b');
    for (int i = 0; i < 11; ++i) big << chunk;
  }
  auto items = ReadAll(OpenDirectoryReader(dir_.string()).get());
  ASSERT_EQ(items.size(), 6u);
  auto msg = [&](int i) { return items[i].status.message(); };
  EXPECT_NE(msg(0).find("1-binary.txt:1: binary file"), std::string::npos)
      << msg(0);
  EXPECT_NE(msg(1).find("2-nul.txt:3: NUL byte at byte 9019; document skipped"),
            std::string::npos)
      << msg(1);
  EXPECT_NE(msg(2).find("3-utf8.txt:2: invalid UTF-8 at byte 14; document "
                        "skipped"),
            std::string::npos)
      << msg(2);
  EXPECT_NE(msg(3).find("4-empty.txt:1: empty text"), std::string::npos);
  EXPECT_TRUE(items[4].status.ok());
  EXPECT_NE(msg(5).find("6-big.txt:1: document too large (11.0 MB"),
            std::string::npos)
      << msg(5);
}

TEST_F(ReaderTest, StdinJsonLinesAndPlainText) {
  std::string jsonl =
      "\n  \n{\"id\": \"s1\", \"text\": \"One.\"}\n{\"id\": \"s2\", \"text\": "
      "\"Two.\"}\n";
  std::FILE* f = fmemopen(jsonl.data(), jsonl.size(), "rb");
  auto items = ReadAll(OpenStdinReader(f).get());
  std::fclose(f);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].article.id, "s1");
  EXPECT_EQ(items[1].article.id, "s2");
  EXPECT_EQ(items[1].article.source, "stdin:4");

  std::string text = "\xEF\xBB\xBFHeadline\r\n\r\nBody here.\r\n";
  f = fmemopen(text.data(), text.size(), "rb");
  items = ReadAll(OpenStdinReader(f).get());
  std::fclose(f);
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.message();
  EXPECT_EQ(items[0].article.id, "stdin");
  EXPECT_EQ(items[0].article.title, "Headline");
  EXPECT_EQ(items[0].article.text, "Body here.\n");
}

TEST_F(ReaderTest, ChainDispatchesAndReportsMissingPaths) {
  std::string d = (dir_ / "docs").string();
  Write("docs/a.txt", "Alpha.");
  std::string j = Write("x.jsonl", "{\"id\": \"j\", \"text\": \"Jay.\"}\n");
  std::string t = Write("single.text", "Single.");
  std::string sniffed =
      Write("feed", "\n {\"id\": \"f\", \"text\": \"Eff.\"}\n");
  auto items = ReadAll(
      OpenArticleReader({d, (dir_ / "missing").string(), j, t, sniffed}).get());
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[4].article.id, "f");
  EXPECT_EQ(items[0].article.id, "a.txt");
  EXPECT_NE(items[1].status.message().find("missing:1: no such file"),
            std::string::npos);
  EXPECT_EQ(items[2].article.id, "j");
  EXPECT_EQ(items[3].article.id, "single.text");
}

TEST_F(ReaderTest, SharedNewsFileReadsCompletely) {
  std::string p = std::string(KG_SHARED_DIR) + "/news/wikinews-2019-2020.jsonl";
  if (!fs::exists(p)) GTEST_SKIP() << "shared data absent: " << p;
  auto items = ReadAll(OpenArticleReader({p}).get());
  ASSERT_EQ(items.size(), 293u);
  for (const auto& i : items) {
    ASSERT_TRUE(i.status.ok()) << i.status.message();
    EXPECT_FALSE(i.article.id.empty());
    EXPECT_FALSE(i.article.title.empty());
    EXPECT_EQ(i.article.date.size(), 10u);
  }
}

}  // namespace
}  // namespace kg
