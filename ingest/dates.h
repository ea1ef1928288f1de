// Date expressions in analysed sentences, resolved against the article's date:
// "January 19" → 2026-01-19 (the article's year; "--01-19" without one),
// "on Monday" → the latest Monday on or before the article's date, "last year"
// → gYear, "last month" → gYearMonth, "19 January 2020", "January 2020", "in
// 2019", "yesterday", "today". Pure functions; thread-safe.
#ifndef KG_INGEST_DATES_H_
#define KG_INGEST_DATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sentence.h"

namespace kg {

struct DateValue {
  std::string lexical;  // "2026-01-19", "2019", "2020-03", "--01-19"
  std::string
      datatype;  // full XSD IRI: ...#date, #gYear, #gYearMonth, #gMonthDay
};

// A civil date; year 0 = unknown.
struct CivilDate {
  int year = 0, month = 0, day = 0;
};

// Parses the leading YYYY-MM-DD of an ISO date; nullopt when absent or invalid.
std::optional<CivilDate> ParseIsoDate(std::string_view iso);

// A date expression found in a sentence: tokens [first, last] (0-based).
struct DateSpan {
  int first = 0, last = 0;
  DateValue value;
};

// The date expressions of a sentence, left to right, non-overlapping.
// `article_date` is the article's ISO date or "".
std::vector<DateSpan> FindDates(const Sentence& sentence,
                                std::string_view article_date);

// 1..12 for a month name or abbreviation ("January", "Jan."), else 0.
int MonthNumber(std::string_view word);

// 0 (Sunday) .. 6 (Saturday) for a weekday name in any case, else -1.
int WeekdayNumber(std::string_view word);

}  // namespace kg

#endif  // KG_INGEST_DATES_H_
