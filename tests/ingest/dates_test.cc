#include "ingest/dates.h"

#include <gtest/gtest.h>

#include "tests/ingest/entity_test_util.h"

namespace kg {
namespace {

std::vector<DateSpan> DatesOf(const std::string& words,
                              const std::string& article_date) {
  std::string rows, w;
  std::istringstream in(words);
  while (in >> w) {
    bool num = std::isdigit(static_cast<unsigned char>(w[0]));
    rows += w + (num ? " NUM" : " X") + " 0 dep\n";
  }
  std::string text;
  return FindDates(testing::ParsedSentence(rows, &text), article_date);
}

TEST(DatesTest, ResolvesAgainstTheArticleDate) {
  struct {
    const char* words;
    const char* article_date;
    const char* lexical;
    const char* type;
  } cases[] = {
      {"talks on January 19", "2026-01-21", "2026-01-19", "date"},
      {"talks on January 19", "", "--01-19", "gMonthDay"},
      {"on 19 January 2020 it", "2026-01-21", "2020-01-19", "date"},
      {"on January 19 , 2020 it", "", "2020-01-19", "date"},
      {"in March 2019", "", "2019-03", "gYearMonth"},
      {"in 2019 they", "", "2019", "gYear"},
      {"collapsed on Monday", "2019-01-04", "2018-12-31", "date"},
      {"met on Friday", "2019-01-04", "2019-01-04", "date"},
      {"ended yesterday", "2019-01-01", "2018-12-31", "date"},
      {"grew last year", "2020-06-30", "2019", "gYear"},
      {"in December it", "2020-01-10", "2019-12", "gYearMonth"},
      {"Last April he", "2020-06-10", "2020-04", "gYearMonth"},
      {"since last June", "2020-06-10", "2019-06", "gYearMonth"},
  };
  for (const auto& c : cases) {
    auto dates = DatesOf(c.words, c.article_date);
    ASSERT_EQ(dates.size(), 1u) << c.words;
    EXPECT_EQ(dates[0].value.lexical, c.lexical) << c.words;
    EXPECT_EQ(dates[0].value.datatype,
              std::string("http://www.w3.org/2001/XMLSchema#") + c.type)
        << c.words;
  }
}

TEST(DatesTest, NoFalseDates) {
  EXPECT_TRUE(DatesOf("it May rain", "2020-01-01").empty());
  EXPECT_TRUE(DatesOf("on Monday", "").empty());  // needs an article date
  EXPECT_TRUE(DatesOf("bought 2019 apples", "").empty());
  EXPECT_TRUE(DatesOf("January 32 was", "").empty());
  EXPECT_TRUE(DatesOf("read USA Today daily", "2020-01-01").empty());
  EXPECT_EQ(DatesOf("Today it rained", "2020-01-01").size(), 1u);
}

TEST(DatesTest, ParseIsoDate) {
  auto d = ParseIsoDate("2019-01-04T10:00:00Z");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->year, 2019);
  EXPECT_EQ(d->month, 1);
  EXPECT_EQ(d->day, 4);
  EXPECT_FALSE(ParseIsoDate("2019-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("soon").has_value());
}

}  // namespace
}  // namespace kg
