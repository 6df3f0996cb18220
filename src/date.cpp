#include "kgbuild/date.hpp"

#include <span>
#include <string>
#include <unordered_set>
#include <utility>

#include "kgbuild/money.hpp"  // detail::Scanner, shared with the money finder

namespace kg {
namespace {

using detail::ScanKind;
using detail::Scanner;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01; H. Hinnant's algorithms)

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

long days_from_civil(int year, int month, int day) {
  const long y = year - (month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

DateValue civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), DatePrecision::day};
}

// 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday.
int weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

DateValue add_days(const DateValue& d, long n) { return civil_from_days(days_from_civil(d.year, d.month, d.day) + n); }

DateValue add_months(const DateValue& d, int n) {
  const int total = d.year * 12 + (d.month - 1) + n;
  return {total / 12, total % 12 + 1, 0, DatePrecision::month};
}

std::string padded(int value, std::size_t width) {
  std::string s = std::to_string(value);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}

// Value of a short all-digit string, -1 otherwise.
int small_int(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::string DateValue::lexical() const {
  std::string out = padded(year, 4);
  if (precision == DatePrecision::year) return out;
  out += '-' + padded(month, 2);
  if (precision == DatePrecision::month) return out;
  return out + '-' + padded(day, 2);
}

std::string_view DateValue::xsd_type() const {
  switch (precision) {
    case DatePrecision::day: return "date";
    case DatePrecision::month: return "gYearMonth";
    case DatePrecision::year: return "gYear";
  }
  return "gYear";
}

std::optional<DateValue> parse_iso_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  if (s.size() < 4) return std::nullopt;
  const int y = small_int(s.substr(0, 4));
  if (y < 1) return std::nullopt;
  if (s.size() == 4) return DateValue{y, 0, 0, DatePrecision::year};
  if (s[4] != '-' || s.size() < 7) return std::nullopt;
  const int m = small_int(s.substr(5, 2));
  if (m < 1 || m > 12) return std::nullopt;
  if (s.size() == 7) return DateValue{y, m, 0, DatePrecision::month};
  if (s[7] != '-' || s.size() < 10) return std::nullopt;
  const int d = small_int(s.substr(8, 2));
  if (!valid_day(y, m, d)) return std::nullopt;
  // A timestamp keeps its date: "2025-01-30T10:00:00Z", "2025-01-30 10:00".
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  return DateValue{y, m, d, DatePrecision::day};
}

namespace {

// ---------------------------------------------------------------------------------------------
// Word lists

struct Named {
  std::string_view word;
  int value;
  bool abbreviation = false;
};

constexpr Named kMonthsEn[] = {
    {"january", 1},     {"february", 2},    {"march", 3},       {"april", 4},       {"may", 5},
    {"june", 6},        {"july", 7},        {"august", 8},      {"september", 9},   {"october", 10},
    {"november", 11},   {"december", 12},   {"jan", 1, true},   {"feb", 2, true},   {"mar", 3, true},
    {"apr", 4, true},   {"jun", 6, true},   {"jul", 7, true},   {"aug", 8, true},   {"sep", 9, true},
    {"sept", 9, true},  {"oct", 10, true},  {"nov", 11, true},  {"dec", 12, true},
};
constexpr Named kMonthsNl[] = {
    {"januari", 1},     {"februari", 2},    {"maart", 3},       {"april", 4},       {"mei", 5},
    {"juni", 6},        {"juli", 7},        {"augustus", 8},    {"september", 9},   {"oktober", 10},
    {"november", 11},   {"december", 12},   {"jan", 1, true},   {"feb", 2, true},   {"mrt", 3, true},
    {"apr", 4, true},   {"jun", 6, true},   {"jul", 7, true},   {"aug", 8, true},   {"sep", 9, true},
    {"sept", 9, true},  {"okt", 10, true},  {"nov", 11, true},  {"dec", 12, true},
};
// Unaccented spellings turn up in feeds that lost their accents.
constexpr Named kMonthsFr[] = {
    {"janvier", 1},     {"février", 2},     {"fevrier", 2},     {"mars", 3},        {"avril", 4},
    {"mai", 5},         {"juin", 6},        {"juillet", 7},     {"août", 8},        {"aout", 8},
    {"septembre", 9},   {"octobre", 10},    {"novembre", 11},   {"décembre", 12},   {"decembre", 12},
    {"janv", 1, true},  {"févr", 2, true},  {"fevr", 2, true},  {"fév", 2, true},   {"avr", 4, true},
    {"juil", 7, true},  {"sept", 9, true},  {"oct", 10, true},  {"nov", 11, true},  {"déc", 12, true},
    {"dec", 12, true},
};
constexpr Named kWeekdaysEn[] = {
    {"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3}, {"friday", 4}, {"saturday", 5}, {"sunday", 6},
};
constexpr Named kWeekdaysNl[] = {
    {"maandag", 0}, {"dinsdag", 1}, {"woensdag", 2}, {"donderdag", 3}, {"vrijdag", 4}, {"zaterdag", 5}, {"zondag", 6},
};
constexpr Named kWeekdaysFr[] = {
    {"lundi", 0}, {"mardi", 1}, {"mercredi", 2}, {"jeudi", 3}, {"vendredi", 4}, {"samedi", 5}, {"dimanche", 6},
};

std::span<const Named> months(Lang lang) {
  switch (lang) {
    case Lang::en: return kMonthsEn;
    case Lang::nl: return kMonthsNl;
    case Lang::fr: return kMonthsFr;
  }
  return kMonthsEn;
}

std::span<const Named> weekdays(Lang lang) {
  switch (lang) {
    case Lang::en: return kWeekdaysEn;
    case Lang::nl: return kWeekdaysNl;
    case Lang::fr: return kWeekdaysFr;
  }
  return kWeekdaysEn;
}

enum class Unit : unsigned char { day, week, month, year };

struct Relative {
  std::string_view phrase;
  Unit unit;
  int offset;
};

constexpr Relative kRelativeEn[] = {
    {"the day before yesterday", Unit::day, -2}, {"yesterday", Unit::day, -1},
    {"today", Unit::day, 0},                     {"earlier this week", Unit::week, 0},
    {"this week", Unit::week, 0},                {"last week", Unit::week, -1},
    {"next week", Unit::week, 1},                {"earlier this month", Unit::month, 0},
    {"this month", Unit::month, 0},              {"last month", Unit::month, -1},
    {"next month", Unit::month, 1},              {"earlier this year", Unit::year, 0},
    {"this year", Unit::year, 0},                {"last year", Unit::year, -1},
    {"next year", Unit::year, 1},
};
constexpr Relative kRelativeNl[] = {
    {"eergisteren", Unit::day, -2},       {"gisteren", Unit::day, -1},
    {"vandaag", Unit::day, 0},            {"eerder deze week", Unit::week, 0},
    {"deze week", Unit::week, 0},         {"vorige week", Unit::week, -1},
    {"afgelopen week", Unit::week, -1},   {"volgende week", Unit::week, 1},
    {"eerder deze maand", Unit::month, 0}, {"deze maand", Unit::month, 0},
    {"vorige maand", Unit::month, -1},    {"afgelopen maand", Unit::month, -1},
    {"volgende maand", Unit::month, 1},   {"eerder dit jaar", Unit::year, 0},
    {"dit jaar", Unit::year, 0},          {"vorig jaar", Unit::year, -1},
    {"vorige jaar", Unit::year, -1},      {"verleden jaar", Unit::year, -1},
    {"afgelopen jaar", Unit::year, -1},   {"volgend jaar", Unit::year, 1},
    {"komend jaar", Unit::year, 1},
};
constexpr Relative kRelativeFr[] = {
    {"avant - hier", Unit::day, -2},          {"hier", Unit::day, -1},
    {"aujourd'hui", Unit::day, 0},            {"plus tôt cette semaine", Unit::week, 0},
    {"cette semaine", Unit::week, 0},         {"la semaine dernière", Unit::week, -1},
    {"la semaine passée", Unit::week, -1},    {"la semaine prochaine", Unit::week, 1},
    {"plus tôt ce mois - ci", Unit::month, 0}, {"ce mois - ci", Unit::month, 0},
    {"le mois dernier", Unit::month, -1},     {"le mois passé", Unit::month, -1},
    {"le mois prochain", Unit::month, 1},     {"plus tôt cette année", Unit::year, 0},
    {"cette année", Unit::year, 0},           {"l'an dernier", Unit::year, -1},
    {"l'année dernière", Unit::year, -1},     {"l'an passé", Unit::year, -1},
    {"l'année passée", Unit::year, -1},       {"l'an prochain", Unit::year, 1},
    {"l'année prochaine", Unit::year, 1},
};

// The words every date without digits holds one of: a month, a weekday, or the unit of a
// relative expression. A sentence with none of them is passed over without scanning it.
class DateWords {
 public:
  explicit DateWords(Lang lang) {
    static constexpr std::string_view kUnits[] = {"yesterday", "today", "week", "month", "year", "eergisteren", "gisteren",
                                                  "vandaag", "maand", "jaar", "hier", "aujourd", "semaine", "mois",
                                                  "année", "annee", "an"};
    words_.insert(std::begin(kUnits), std::end(kUnits));
    for (const auto& m : months(lang)) words_.insert(m.word);
    for (const auto& d : weekdays(lang)) words_.insert(d.word);
  }
  bool has(std::string_view word) const { return words_.count(word) != 0; }

 private:
  std::unordered_set<std::string_view> words_;  // views of the constant lists above
};

bool is_date_word(std::string_view word, Lang lang) {
  static const DateWords en(Lang::en), nl(Lang::nl), fr(Lang::fr);
  return (lang == Lang::nl ? nl : lang == Lang::fr ? fr : en).has(word);
}

bool has_date_word(std::string_view text, Lang lang) {
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    if (c == 0xE2 && text.substr(i, 3) == "\u2019") {  // "l’année": the typographic apostrophe separates words
      c = '\'';
      i += 2;
    }
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (letter) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (!word.empty() && is_date_word(word, lang)) return true;
    word.clear();
  }
  return false;
}

std::span<const Relative> relatives(Lang lang) {
  switch (lang) {
    case Lang::en: return kRelativeEn;
    case Lang::nl: return kRelativeNl;
    case Lang::fr: return kRelativeFr;
  }
  return kRelativeEn;
}

// Words before a bare month ("in October") or a bare year ("sinds 2019") that make it a date.
// A month name alone is too often something else: "May", "Mars", "march".
constexpr std::string_view kMonthLeadEn[] = {"in", "since", "until", "by", "from", "to", "during", "through",
                                             "early", "late", "mid", "last", "of"};
constexpr std::string_view kMonthLeadNl[] = {"in", "sinds", "tot", "vanaf", "begin", "eind", "medio",
                                             "half", "tijdens", "afgelopen", "vorige", "per"};
constexpr std::string_view kMonthLeadFr[] = {"en", "depuis", "dès", "jusqu'en", "début", "fin",
                                             "mi", "courant", "d'ici", "dernier"};
// Strong leads make any plain year a date; weak ones ("of 2000 employees", "van 2000
// werknemers") only when the year ends the phrase or pairs with another year.
constexpr std::string_view kYearLeadEn[] = {"in", "since", "until", "till", "by", "during", "before",
                                            "after", "throughout", "early", "late", "mid", "year"};
constexpr std::string_view kYearLeadNl[] = {"in", "sinds", "vanaf", "tot", "tijdens", "eind", "begin",
                                            "medio", "uiterlijk", "jaar"};
constexpr std::string_view kYearLeadFr[] = {"en", "depuis", "dès", "jusqu'en", "avant", "d'ici", "fin",
                                            "début", "mi", "courant", "année"};
constexpr std::string_view kYearWeakLeadEn[] = {"of", "from", "to", "and", "between"};
constexpr std::string_view kYearWeakLeadNl[] = {"van", "voor", "na", "en", "tussen"};
constexpr std::string_view kYearWeakLeadFr[] = {"à", "de", "entre", "et", "jusqu'à", "après"};
constexpr std::string_view kYearJoiners[] = {"to", "and", "tot", "en", "à", "et", "-", "–"};

bool is_any(const Scanner& t, std::size_t k, std::span<const std::string_view> words) {
  for (const auto w : words) {
    if (t.is(k, w)) return true;
  }
  return false;
}

bool month_lead(const Scanner& t, std::size_t k, Lang lang) {
  switch (lang) {
    case Lang::en: return is_any(t, k, kMonthLeadEn);
    case Lang::nl: return is_any(t, k, kMonthLeadNl);
    case Lang::fr: return is_any(t, k, kMonthLeadFr);
  }
  return false;
}

bool year_lead(const Scanner& t, std::size_t k, Lang lang) {
  switch (lang) {
    case Lang::en: return is_any(t, k, kYearLeadEn);
    case Lang::nl: return is_any(t, k, kYearLeadNl);
    case Lang::fr: return is_any(t, k, kYearLeadFr);
  }
  return false;
}

bool weak_year_lead(const Scanner& t, std::size_t k, Lang lang) {
  switch (lang) {
    case Lang::en: return is_any(t, k, kYearWeakLeadEn);
    case Lang::nl: return is_any(t, k, kYearWeakLeadNl);
    case Lang::fr: return is_any(t, k, kYearWeakLeadFr);
  }
  return false;
}

// The word before token k, looking through a hyphen: "mid-2024", "mi-mars".
std::size_t lead_index(const Scanner& t, std::size_t k) {
  if (k >= 2 && t.str(k - 1) == "-" && t.attached(k - 1) && t.attached(k)) return k - 2;
  return k == 0 ? t.size() : k - 1;
}

bool starts_upper(std::string_view s) { return !s.empty() && s.front() >= 'A' && s.front() <= 'Z'; }

// ---------------------------------------------------------------------------------------------
// Pieces of a written date

struct Hit {
  int value = 0;
  std::size_t tokens = 0;  // 0: no hit
  bool abbreviation = false;
};

Hit month_at(const Scanner& t, std::size_t k, Lang lang) {
  if (!t.is_word(k)) return {};
  // English capitalises months; lower-case "may" and "march" are a verb and a walk.
  if (lang == Lang::en && !starts_upper(t.str(k))) return {};
  for (const auto& m : months(lang)) {
    if (!t.is(k, m.word)) continue;
    const bool dot = m.abbreviation && t.str(k + 1) == "." && t.attached(k + 1);
    return {m.value, dot ? 2u : 1u, m.abbreviation};
  }
  return {};
}

// English possessives ("Monday's meeting") name the day too; the "'s" stays outside the span.
std::string_view without_possessive(std::string_view word) {
  for (const std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      return word.substr(0, word.size() - suffix.size());
    }
  }
  return word;
}

struct WeekdayHit {
  int value = -1;
  std::size_t end = 0;  // byte end of the name
};

WeekdayHit weekday_at(const Scanner& t, std::size_t k, Lang lang) {
  if (!t.is_word(k)) return {};
  if (lang == Lang::en && !starts_upper(t.str(k))) return {};
  const std::string_view word = lang == Lang::en ? without_possessive(t.str(k)) : t.str(k);
  for (const auto& w : weekdays(lang)) {
    if (detail::equals_folded(word, w.word)) return {w.value, t[k].begin + word.size()};
  }
  return {};
}

bool is_ordinal_suffix(const Scanner& t, std::size_t k, int day, Lang lang) {
  switch (lang) {
    case Lang::en: return t.is(k, "st") || t.is(k, "nd") || t.is(k, "rd") || t.is(k, "th");
    case Lang::nl: return t.is(k, "e") || t.is(k, "ste") || t.is(k, "de");
    case Lang::fr: return (day == 1 && t.is(k, "er")) || t.is(k, "e");
  }
  return false;
}

// A day of the month: one or two plain digits, maybe with an ordinal ("18th", "1er").
Hit day_at(const Scanner& t, std::size_t k, Lang lang) {
  if (!t.is_number(k) || !t[k].plain || t.str(k).size() > 2) return {};
  if (k > 0 && detail::currency_prefix_ends_at(t, k - 1)) return {};
  const int d = small_int(t.str(k));
  if (d < 1 || d > 31) return {};
  if (!t.attached(k + 1) || !t.is_word(k + 1)) return {d, 1};
  return is_ordinal_suffix(t, k + 1, d, lang) ? Hit{d, 2} : Hit{};  // "5bn", "3D" are no days
}

// A four-digit year next to a month or day; "2024 miljard" or "1990s" are not.
int year_at(const Scanner& t, std::size_t k) {
  if (!t.is_number(k) || !t[k].plain || t.str(k).size() != 4) return 0;
  const int y = small_int(t.str(k));
  if (y < 1000 || y > 2999) return 0;
  if (t.attached(k + 1) && t.is_word(k + 1)) return 0;
  if (detail::amount_word_at(t, k + 1)) return 0;
  return y;
}

// A date read from the text before the article date fills in what it leaves out.
struct Parsed {
  std::size_t last = 0;  // token after the date
  int year = 0, month = 0, day = 0;  // year 0: not written
  DatePrecision precision = DatePrecision::day;
  bool bare_month = false;  // "October" alone, needs a lead word to count
  bool abbreviation = false;
};

std::optional<Parsed> month_first(const Scanner& t, std::size_t k, Lang lang) {
  const Hit m = month_at(t, k, lang);
  if (m.tokens == 0) return std::nullopt;
  const std::size_t j = k + m.tokens;
  if (const Hit d = day_at(t, j, lang); d.tokens > 0) {
    const std::size_t after_day = j + d.tokens;
    const std::size_t comma = t.str(after_day) == "," ? 1 : 0;
    if (const int y = year_at(t, after_day + comma)) {
      return Parsed{after_day + comma + 1, y, m.value, d.value, DatePrecision::day};
    }
    return Parsed{after_day, 0, m.value, d.value, DatePrecision::day};
  }
  if (const int y = year_at(t, j)) return Parsed{j + 1, y, m.value, 0, DatePrecision::month};
  return Parsed{j, 0, m.value, 0, DatePrecision::month, true, m.abbreviation};
}

std::optional<Parsed> day_first(const Scanner& t, std::size_t k, Lang lang) {
  const Hit d = day_at(t, k, lang);
  if (d.tokens == 0) return std::nullopt;
  std::size_t j = k + d.tokens;
  if (lang == Lang::en && t.is(j, "of")) ++j;  // "the 18th of December"
  const Hit m = month_at(t, j, lang);
  if (m.tokens == 0) return std::nullopt;
  j += m.tokens;
  if (const int y = year_at(t, j)) return Parsed{j + 1, y, m.value, d.value, DatePrecision::day};
  return Parsed{j, 0, m.value, d.value, DatePrecision::day};
}

std::optional<Parsed> iso_at(const Scanner& t, std::size_t k) {
  const auto two_digits = [&](std::size_t i) {
    return t.is_number(i) && t.attached(i) && t[i].plain && t.str(i).size() == 2 ? small_int(t.str(i)) : -1;
  };
  const int y = year_at(t, k);
  if (y == 0 || t.str(k + 1) != "-" || !t.attached(k + 1)) return std::nullopt;
  const int m = two_digits(k + 2);
  if (m < 1 || m > 12) return std::nullopt;
  if (t.str(k + 3) == "-" && t.attached(k + 3)) {
    const int d = two_digits(k + 4);
    if (!valid_day(y, m, d)) return std::nullopt;
    return Parsed{k + 5, y, m, d, DatePrecision::day};
  }
  return Parsed{k + 3, y, m, 0, DatePrecision::month};
}

// A plain year between 1900 and 2099 outside any amount, list of numbers or range like
// "2024-25", with a lead word or at the end of a phrase ("compared with 2019.").
bool standalone_year(const Scanner& t, std::size_t k, Lang lang) {
  const int y = year_at(t, k);
  if (y < 1900 || y > 2099) return false;
  if (k > 0 && detail::currency_prefix_ends_at(t, k - 1)) return false;
  if (k >= 2 && t.attached(k) && t.is_number(k - 2)) return false;  // "12/2024", "2019-2024"
  if (t.attached(k + 1) && (t.str(k + 1) == "-" || t.str(k + 1) == "/") && t.is_number(k + 2)) return false;
  if (t.is_number(k + 1)) return false;
  const std::size_t lead = lead_index(t, k);
  if (year_lead(t, lead, lang)) return true;
  const bool ends = k + 1 >= t.size() || t[k + 1].kind == ScanKind::punct;
  if (!weak_year_lead(t, lead, lang)) return ends;
  return ends || is_any(t, k + 1, kYearJoiners) || (lead > 0 && lead < t.size() && year_at(t, lead - 1) != 0);
}

// ---------------------------------------------------------------------------------------------
// Resolution against the article date

std::optional<DateValue> resolve_relative(Unit unit, int offset, const DateValue& a) {
  switch (unit) {
    case Unit::day:
      if (a.precision != DatePrecision::day) return std::nullopt;
      return add_days(a, offset);
    case Unit::week:
      if (a.precision == DatePrecision::day) return add_days(a, 7L * offset);
      if (a.precision == DatePrecision::month) return DateValue{a.year, a.month, 0, DatePrecision::month};
      return std::nullopt;
    case Unit::month:
      if (a.precision == DatePrecision::year) return std::nullopt;
      return add_months(a, offset);
    case Unit::year:
      return DateValue{a.year + offset, 0, 0, DatePrecision::year};
  }
  return std::nullopt;
}

// The most recent such weekday before the article date (direction -1), or the next one after it
// (+1). A bare weekday may be the article's own day ("said on Tuesday" in Tuesday's paper); "last
// Tuesday" and "next Tuesday" never are.
std::optional<DateValue> resolve_weekday(int wd, int direction, bool bare, const DateValue& a) {
  if (a.precision != DatePrecision::day) return std::nullopt;
  const long base = days_from_civil(a.year, a.month, a.day);
  const int today = weekday(base);
  int delta = direction < 0 ? (today - wd + 7) % 7 : (wd - today + 7) % 7;
  if (delta == 0 && !bare) delta = 7;
  return civil_from_days(base + direction * delta);
}

// A date without a year is the occurrence nearest the article date, looking back further than
// ahead: "18 December" in a January article is last December, "1 November" in an October article
// is next month, "in October" in a January article is last October. More than a month ahead is
// taken as last year's ("since 1 March" in a January article).
std::optional<DateValue> resolve_parsed(const Parsed& p, const std::optional<DateValue>& article) {
  DateValue v{p.year, p.month, p.precision == DatePrecision::day ? p.day : 0, p.precision};
  if (p.year == 0) {
    if (!article) return std::nullopt;
    const DateValue& a = *article;
    v.year = a.year;
    if (a.precision != DatePrecision::year) {
      // Months from the article to the date in the article's year; more than two ahead is last year's.
      const int ahead = p.month - a.month;
      if (ahead > 1) --v.year;
      else if (ahead < -10) ++v.year;
    }
    // 29 February only exists in leap years: the nearest one back.
    if (v.precision == DatePrecision::day && !valid_day(v.year, v.month, v.day) && valid_day(v.year - 1, v.month, v.day)) --v.year;
  }
  if (v.precision == DatePrecision::day && !valid_day(v.year, v.month, v.day)) return std::nullopt;
  return v;
}

// ---------------------------------------------------------------------------------------------
// The finder

struct Found {
  std::size_t next = 0;          // token after the expression
  std::optional<DateMatch> match;  // empty when it needed an article date we lack
};

std::optional<Found> relative_at(const Scanner& t, std::size_t k, Lang lang, const std::optional<DateValue>& article) {
  std::size_t best = 0;
  const Relative* rel = nullptr;
  for (const auto& r : relatives(lang)) {
    const std::size_t n = t.match(k, r.phrase);
    if (n > best) {
      best = n;
      rel = &r;
    }
  }
  if (rel == nullptr) return std::nullopt;
  // French "hier" only as a word of its own, not the tail of "avant-hier" or a name.
  if (lang == Lang::fr && rel->phrase == "hier" && k > 0 && t.attached(k) && t.str(k - 1) == "-") return std::nullopt;
  Found found{k + best, std::nullopt};
  if (!article) return found;
  if (auto v = resolve_relative(rel->unit, rel->offset, *article)) {
    found.match = DateMatch{t[k].begin, t[k + best - 1].end, *v, true};
  }
  return found;
}

Found from_parsed(const Scanner& t, std::size_t first, const Parsed& p, const std::optional<DateValue>& article) {
  Found found{p.last, std::nullopt};
  if (auto v = resolve_parsed(p, article)) {
    found.match = DateMatch{t[first].begin, t[p.last - 1].end, *v, p.year == 0};
  }
  return found;
}

// "Monday", "last Monday", "lundi dernier", or a weekday heading a full date ("Monday 18 December").
std::optional<Found> weekday_expression(const Scanner& t, std::size_t k, Lang lang,
                                        const std::optional<DateValue>& article) {
  const WeekdayHit wd = weekday_at(t, k, lang);
  if (wd.value < 0) return std::nullopt;
  const std::size_t j = k + 1 + (t.str(k + 1) == "," ? 1 : 0);
  auto dated = day_first(t, j, lang);
  if (!dated) dated = month_first(t, j, lang);
  if (dated && !dated->bare_month) return from_parsed(t, k, *dated, article);

  std::size_t first = k;
  std::size_t next = k + 1;
  std::size_t end = wd.end;
  int direction = -1;
  bool bare = true;
  if (lang == Lang::fr) {
    if (t.is(k + 1, "dernier") || t.is(k + 1, "prochain")) {
      bare = false;
      direction = t.is(k + 1, "prochain") ? 1 : -1;
      end = t[k + 1].end;
      next = k + 2;
    }
  } else if (k > 0) {
    if (t.is(k - 1, "last") || t.is(k - 1, "vorige") || t.is(k - 1, "afgelopen")) {
      first = k - 1;
      bare = false;
    }
    if (t.is(k - 1, "next") || t.is(k - 1, "volgende") || t.is(k - 1, "komende")) {
      first = k - 1;
      direction = 1;
      bare = false;
    }
  }
  Found found{next, std::nullopt};
  if (!article) return found;
  if (auto v = resolve_weekday(wd.value, direction, bare, *article)) found.match = DateMatch{t[first].begin, end, *v, true};
  return found;
}

// The words a date expression written in words can start with (a relative phrase, a weekday, a
// month), lower-case: most words of a text are none of them and are turned down with one look-up
// instead of a pass over every list. Words with other than ASCII letters go through the lists.
class DateStarts {
 public:
  explicit DateStarts(Lang lang) {
    for (const auto& r : relatives(lang)) add(r.phrase.substr(0, r.phrase.find(' ')));
    for (const auto& m : months(lang)) add(m.word);
    for (const auto& w : weekdays(lang)) add(w.word);
  }

  bool may_start(std::string_view word) const {
    std::string key;
    for (const char c : word) {
      if (static_cast<unsigned char>(c) >= 0x80) return true;
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (words_.count(key)) return true;
    // "Monday's": the possessive is not part of the name.
    return key.size() > 2 && key.compare(key.size() - 2, 2, "'s") == 0 && words_.count(key.substr(0, key.size() - 2));
  }

 private:
  void add(std::string_view word) {
    std::string key;
    for (const char c : word) key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    words_.insert(std::move(key));
  }

  std::unordered_set<std::string> words_;
};

bool may_start_date(const Scanner& t, std::size_t k, Lang lang) {
  static const DateStarts en(Lang::en), nl(Lang::nl), fr(Lang::fr);
  const DateStarts& starts = lang == Lang::nl ? nl : lang == Lang::fr ? fr : en;
  return starts.may_start(t.str(k));
}

std::optional<Found> date_at(const Scanner& t, std::size_t k, Lang lang, const std::optional<DateValue>& article) {
  if (t.is_word(k)) {
    if (!may_start_date(t, k, lang)) return std::nullopt;
    if (auto rel = relative_at(t, k, lang, article)) return rel;
    if (auto wd = weekday_expression(t, k, lang, article)) return wd;
    const auto p = month_first(t, k, lang);
    if (!p) return std::nullopt;
    if (p->bare_month && (p->abbreviation || !month_lead(t, lead_index(t, k), lang))) return std::nullopt;
    return from_parsed(t, k, *p, article);
  }
  if (!t.is_number(k)) return std::nullopt;
  if (auto p = iso_at(t, k)) return from_parsed(t, k, *p, article);
  if (auto p = day_first(t, k, lang)) return from_parsed(t, k, *p, article);
  if (!standalone_year(t, k, lang)) return std::nullopt;
  return Found{k + 1, DateMatch{t[k].begin, t[k].end, DateValue{year_at(t, k), 0, 0, DatePrecision::year}, false}};
}

bool has_digit(std::string_view text) {
  for (const char c : text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

std::vector<DateMatch> find_dates(std::string_view text, Lang lang, const std::optional<DateValue>& article_date) {
  // Without digits only relative or year-less expressions remain, and those need the article date.
  if (!article_date && !has_digit(text)) return {};
  if (!has_digit(text) && !has_date_word(text, lang)) return {};
  const Scanner t(text, lang);
  std::vector<DateMatch> out;
  std::size_t k = 0;
  while (k < t.size()) {
    const auto found = date_at(t, k, lang, article_date);
    if (!found) {
      ++k;
      continue;
    }
    if (found->match) out.push_back(*found->match);
    k = found->next;
  }
  return out;
}

}  // namespace kg
