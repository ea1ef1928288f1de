#include "ingest/dates.h"

#include <cctype>
#include <cstdio>

namespace kg {
namespace {

constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "19", "19th", "1st" → 19 / 1; else 0.
int DayNumber(std::string_view w) {
  std::string_view digits = w;
  if (w.size() > 2) {
    std::string suffix = Lower(w.substr(w.size() - 2));
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      digits = w.substr(0, w.size() - 2);
    }
  }
  if (!AllDigits(digits) || digits.size() > 2) return 0;
  int d = std::stoi(std::string(digits));
  return d >= 1 && d <= 31 ? d : 0;
}

int YearNumber(std::string_view w) {
  if (w.size() != 4 || !AllDigits(w)) return 0;
  int y = std::stoi(std::string(w));
  return y >= 1000 && y <= 2199 ? y : 0;
}

// Days since 1970-01-01 of a proleptic Gregorian date.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

DateValue FullDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return {buf, std::string(kXsd) + "date"};
}

DateValue YearMonth(int y, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return {buf, std::string(kXsd) + "gYearMonth"};
}

DateValue Year(int y) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return {buf, std::string(kXsd) + "gYear"};
}

DateValue MonthDay(int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "--%02d-%02d", m, d);
  return {buf, std::string(kXsd) + "gMonthDay"};
}

DateValue Shifted(const CivilDate& base, long days) {
  CivilDate c =
      CivilFromDays(DaysFromCivil(base.year, base.month, base.day) + days);
  return FullDate(c.year, c.month, c.day);
}

bool IsTimePreposition(std::string_view w) {
  std::string l = Lower(w);
  return l == "in" || l == "since" || l == "until" || l == "by" ||
         l == "during" || l == "from" || l == "to" || l == "of" ||
         l == "before" || l == "after" || l == "early" || l == "late" ||
         l == "till" || l == "through";
}

}  // namespace

int WeekdayNumber(std::string_view w) {
  static const char* kDays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                "thursday", "friday", "saturday"};
  std::string l = Lower(w);
  for (int i = 0; i < 7; ++i) {
    if (l == kDays[i]) return i;
  }
  return -1;
}

std::optional<CivilDate> ParseIsoDate(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  if (!AllDigits(iso.substr(0, 4)) || !AllDigits(iso.substr(5, 2)) ||
      !AllDigits(iso.substr(8, 2))) {
    return std::nullopt;
  }
  CivilDate d{std::stoi(std::string(iso.substr(0, 4))),
              std::stoi(std::string(iso.substr(5, 2))),
              std::stoi(std::string(iso.substr(8, 2)))};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
    return std::nullopt;
  return d;
}

int MonthNumber(std::string_view word) {
  static const char* kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string l = Lower(word);
  if (!l.empty() && l.back() == '.') l.pop_back();
  for (int i = 0; i < 12; ++i) {
    if (l == kMonths[i]) return i + 1;
  }
  static const char* kAbbrev[] = {"jan", "feb", "mar", "apr", "",    "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i) {
    if (*kAbbrev[i] != '\0' && l == kAbbrev[i]) return i + 1;
  }
  if (l == "sept") return 9;
  return 0;
}

std::vector<DateSpan> FindDates(const Sentence& sentence,
                                std::string_view article_date) {
  std::vector<DateSpan> out;
  const auto& t = sentence.tokens;
  const int n = static_cast<int>(t.size());
  std::optional<CivilDate> base = ParseIsoDate(article_date);
  auto word = [&](int i) -> std::string_view {
    return i >= 0 && i < n ? std::string_view(t[i].form) : std::string_view();
  };
  auto capitalised = [&](int i) {
    return i < n && !t[i].form.empty() &&
           std::isupper(static_cast<unsigned char>(t[i].form[0]));
  };
  for (int i = 0; i < n; ++i) {
    int month = capitalised(i) ? MonthNumber(word(i)) : 0;
    // "May" alone is usually the modal verb; months need a day or a year.
    if (month > 0) {
      int j = i + 1;
      int day = DayNumber(word(j));
      if (day > 0) {
        ++j;
        int k = word(j) == "," ? j + 1 : j;
        int year = YearNumber(word(k));
        if (year > 0) {
          out.push_back({i, k, FullDate(year, month, day)});
          i = k;
        } else if (base) {
          out.push_back({i, j - 1, FullDate(base->year, month, day)});
          i = j - 1;
        } else {
          out.push_back({i, j - 1, MonthDay(month, day)});
          i = j - 1;
        }
        continue;
      }
      int year = YearNumber(word(j));
      if (year > 0) {
        out.push_back({i, j, YearMonth(year, month)});
        i = j;
        continue;
      }
      std::string before = Lower(word(i - 1));
      if (base && (before == "last" || before == "next" || before == "this")) {
        // "last April": the latest April before the article's month.
        int y = base->year;
        if (before == "last" && month >= base->month) --y;
        if (before == "next" && month <= base->month) ++y;
        out.push_back({i - 1, i, YearMonth(y, month)});
        continue;
      }
      if (Lower(word(i)) != "may" && IsTimePreposition(word(i - 1)) && base) {
        // "in December" written in January means the December before.
        int y = month > base->month ? base->year - 1 : base->year;
        out.push_back({i, i, YearMonth(y, month)});
      }
      continue;
    }
    int day = DayNumber(word(i));
    if (day > 0 && capitalised(i + 1) && MonthNumber(word(i + 1)) > 0) {
      int m = MonthNumber(word(i + 1));
      int year = YearNumber(word(i + 2));
      if (year > 0) {
        out.push_back({i, i + 2, FullDate(year, m, day)});
        i += 2;
      } else if (base) {
        out.push_back({i, i + 1, FullDate(base->year, m, day)});
        ++i;
      } else {
        out.push_back({i, i + 1, MonthDay(m, day)});
        ++i;
      }
      continue;
    }
    int year = YearNumber(word(i));
    if (year > 0 && t[i].upos == "NUM" && IsTimePreposition(word(i - 1))) {
      out.push_back({i, i, Year(year)});
      continue;
    }
    if (!base) continue;
    int weekday = capitalised(i) ? WeekdayNumber(word(i)) : -1;
    if (weekday >= 0) {
      long days = DaysFromCivil(base->year, base->month, base->day);
      long base_weekday = ((days % 7) + 7 + 4) % 7;  // 1970-01-01 was Thursday
      long back = (base_weekday - weekday + 7) % 7;
      out.push_back({i, i, Shifted(*base, -back)});
      continue;
    }
    std::string l = Lower(word(i));
    // Capitalised inside a sentence it is a name: "USA Today".
    if (i > 0 && capitalised(i)) continue;
    if (l == "today") {
      out.push_back({i, i, Shifted(*base, 0)});
    } else if (l == "yesterday") {
      out.push_back({i, i, Shifted(*base, -1)});
    } else if (l == "tomorrow") {
      out.push_back({i, i, Shifted(*base, 1)});
    } else if ((l == "last" || l == "this" || l == "next") && i + 1 < n) {
      std::string unit = Lower(word(i + 1));
      int delta = l == "last" ? -1 : l == "next" ? 1 : 0;
      if (unit == "year") {
        out.push_back({i, i + 1, Year(base->year + delta)});
        ++i;
      } else if (unit == "month") {
        int m = base->month + delta, y = base->year;
        if (m < 1) m = 12, --y;
        if (m > 12) m = 1, ++y;
        out.push_back({i, i + 1, YearMonth(y, m)});
        ++i;
      }
    }
  }
  return out;
}

}  // namespace kg
