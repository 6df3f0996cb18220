#pragma once
// Date normaliser: ISO dates, written dates ("18 December 2024", "le 1er mars") and relative
// expressions ("last year", "vorige week", "hier") resolved against the article's date.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/lang.hpp"

namespace kg {

enum class DatePrecision { day, month, year };

struct DateValue {
  int year = 0, month = 0, day = 0;
  DatePrecision precision = DatePrecision::year;
  std::string lexical() const;        // "2025-01-18" (xsd:date), "2025-01" (xsd:gYearMonth), "2025" (xsd:gYear)
  std::string_view xsd_type() const;  // "date", "gYearMonth", "gYear"
  bool operator==(const DateValue&) const = default;
};

// "2025-01-30", "2025-01", "2025", or a timestamp "2025-01-30T10:00:00Z" (the date is kept).
// Surrounding white space is ignored; anything else, or an impossible date, gives nullopt.
std::optional<DateValue> parse_iso_date(std::string_view text);

// Byte offsets into the text. The span is the date itself ("18 December 2024", "October"),
// without a leading preposition or article ("in", "on", "op", "le"); relative expressions span
// the whole phrase ("last year", "l'an dernier", "earlier this week").
// `relative` is true when any part of the date was taken from the article date.
struct DateMatch {
  std::size_t begin = 0, end = 0;
  DateValue date;
  bool relative = false;
};
std::vector<DateMatch> find_dates(std::string_view text, Lang lang, const std::optional<DateValue>& article_date);

}  // namespace kg
