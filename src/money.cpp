#include "kgbuild/money.hpp"
#include "kgbuild/utf8.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <utility>

namespace kg {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// UTF-8 and character classes

struct CodePoint {
  char32_t c = 0;
  std::size_t len = 1;
};

// Malformed bytes decode to U+FFFD one byte at a time, so a scan never stalls on bad input. An
// overlong form counts as malformed: decoded, "\xC0\xB1" would be a digit '1' that the ASCII
// number scanner does not see, and the scan would not move.
CodePoint decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  const std::size_t len = utf8_sequence_length(s, i);
  if (len == 0) return {0xFFFD, 1};
  char32_t c = b & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return {c, len};
}

// Enough folding for the fixed word lists: ASCII and Latin-1 capitals ("Décembre", "À"), and
// the typographic apostrophe that French and Dutch texts use in "d’euros" and "zo’n".
char32_t fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x2019 || c == 0x02BC) return '\'';
  return c;
}

bool folded_equal(std::string_view raw, std::string_view lower) {
  // Most comparisons fail on the first letter: decide those without decoding.
  if (!raw.empty() && !lower.empty()) {
    const auto a = static_cast<unsigned char>(raw[0]), b = static_cast<unsigned char>(lower[0]);
    if (a < 0x80 && b < 0x80 && (a | 0x20) != (b | 0x20) && a != '\'' && b != '\'') return false;
  }
  std::size_t i = 0, j = 0;
  while (i < raw.size() && j < lower.size()) {
    const CodePoint a = decode(raw, i);
    const CodePoint b = decode(lower, j);
    if (fold(a.c) != fold(b.c)) return false;
    i += a.len;
    j += b.len;
  }
  return i == raw.size() && j == lower.size();
}

enum class CharClass : unsigned char { space, digit, letter, apostrophe, symbol, punct };

constexpr CharClass classify_ascii(unsigned char c) {
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CharClass::space;
  if (c >= '0' && c <= '9') return CharClass::digit;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::letter;
  if (c == '\'') return CharClass::apostrophe;
  if (c == '$' || c == '%') return CharClass::symbol;
  return CharClass::punct;
}

// Most text is ASCII; a table keeps the scanner to one load per byte there.
constexpr auto kAsciiClass = [] {
  std::array<CharClass, 128> table{};
  for (unsigned char c = 0; c < 128; ++c) table[c] = classify_ascii(c);
  return table;
}();

CharClass classify(char32_t c) {
  if (c < 0x80) return kAsciiClass[c];
  // No-break and narrow no-break spaces are how French typesets "1 234" and "12 %".
  if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000) {
    return CharClass::space;
  }
  if (c == 0x2019 || c == 0x02BC) return CharClass::apostrophe;
  if (c == 0xA3 || c == 0xA5 || (c >= 0x20A0 && c <= 0x20CF)) return CharClass::symbol;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return CharClass::punct;
  if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD) return CharClass::punct;
  return CharClass::letter;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_digit(std::string_view text) { return std::any_of(text.begin(), text.end(), is_digit); }

std::size_t skip_digits(std::string_view s, std::size_t p) {
  while (p < s.size() && is_digit(s[p])) ++p;
  return p;
}

// ---------------------------------------------------------------------------------------------
// Numbers

struct GroupSep {
  std::size_t pos = 0;
  char kind = 0;           // ',', '.' or ' ' (any space)
  std::size_t digits = 0;  // length of the digit group after it
};

// Width of a digit-group separator at p, 0 if none. A plain space groups digits only in French
// ("1 234"); elsewhere "in 2019 25 firms" must stay two numbers.
std::size_t separator_width(std::string_view s, std::size_t p, Lang lang, char& kind) {
  if (p >= s.size()) return 0;
  const auto b = static_cast<unsigned char>(s[p]);
  if (b == ',' || b == '.') {
    kind = static_cast<char>(b);
    return 1;
  }
  kind = ' ';
  if (b == ' ') return lang == Lang::fr ? 1 : 0;
  if (b == 0xC2 && p + 1 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xA0) return 2;
  if (b == 0xE2 && p + 2 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0x80) {
    const auto c = static_cast<unsigned char>(s[p + 2]);
    if (c == 0xAF || c == 0x89) return 3;  // U+202F, U+2009
  }
  return 0;
}

// Which separator is the decimal mark: its index, n when all group thousands, nullopt when the
// shape is no number ("1,2,3"). A lone ',' or '.' before 1, 2 or 4+ digits is decimal in every
// language ("$1,5 miljard" turns up in English feeds); before exactly 3 digits a comma groups
// thousands everywhere and a dot does so in Dutch and French only.
std::optional<std::size_t> decimal_index(std::span<const GroupSep> seps, std::size_t first_digits, Lang lang) {
  const std::size_t n = seps.size();
  std::size_t commas = 0, dots = 0;
  for (const auto& s : seps) {
    commas += s.kind == ',';
    dots += s.kind == '.';
  }
  const GroupSep& last = seps[n - 1];
  std::size_t dec = n;
  if (commas > 0 && dots > 0) {
    if (last.kind == ' ' || (last.kind == ',' ? commas : dots) != 1) return std::nullopt;
    dec = n - 1;
  } else if (commas + dots == 1) {
    if (last.kind == ' ') return std::nullopt;
    if (last.digits != 3 || (last.kind == '.' && lang == Lang::en)) dec = n - 1;
  }
  for (std::size_t k = 0; k < dec; ++k) {
    if (seps[k].digits != 3) return std::nullopt;
  }
  if (dec > 0 && first_digits > 3) return std::nullopt;
  return dec;
}

struct NumberScan {
  std::size_t end = 0;
  std::size_t decimal_sep = npos;
  bool plain = true;
};

NumberScan scan_number(std::string_view s, std::size_t begin, Lang lang) {
  const std::size_t first_end = skip_digits(s, begin);
  std::array<GroupSep, 8> seps{};
  std::size_t n = 0;
  std::size_t p = first_end;
  while (n < seps.size()) {
    char kind = 0;
    const std::size_t width = separator_width(s, p, lang, kind);
    if (width == 0 || p + width >= s.size() || !is_digit(s[p + width])) break;
    const std::size_t group_end = skip_digits(s, p + width);
    seps[n++] = {p, kind, group_end - (p + width)};
    p = group_end;
  }
  if (n == 0) return {p, npos, true};
  const auto dec = decimal_index(std::span(seps.data(), n), first_end - begin, lang);
  if (!dec) return {first_end, npos, true};
  return {p, *dec < n ? seps[*dec].pos : npos, false};
}

std::size_t scan_word(std::string_view s, std::size_t begin) {
  std::size_t p = begin;
  while (p < s.size()) {
    const auto b = static_cast<unsigned char>(s[p]);
    if (b < 0x80 && (kAsciiClass[b] == CharClass::letter || kAsciiClass[b] == CharClass::digit)) {
      ++p;
      continue;
    }
    const CodePoint cp = decode(s, p);
    const CharClass cls = classify(cp.c);
    if (cls == CharClass::letter || cls == CharClass::digit) {
      p += cp.len;
      continue;
    }
    // An apostrophe between letters belongs to the word: "d'euros", "zo'n", "l'an".
    if (cls != CharClass::apostrophe || p == begin || p + cp.len >= s.size()) break;
    if (classify(decode(s, p + cp.len).c) != CharClass::letter) break;
    p += cp.len;
  }
  return p;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Scanner

namespace detail {

Scanner::Scanner(std::string_view text, Lang lang) : text_(text) {
  tokens_.reserve(text.size() / 4 + 1);
  bool spaced = true;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const CodePoint cp = b < 0x80 ? CodePoint{b, 1} : decode(text, i);
    const CharClass cls = b < 0x80 ? kAsciiClass[b] : classify(cp.c);
    if (cls == CharClass::space) {
      i += cp.len;
      spaced = true;
      continue;
    }
    ScanToken tok;
    tok.begin = i;
    tok.spaced = spaced;
    if (cls == CharClass::digit) {
      const NumberScan num = scan_number(text, i, lang);
      tok.kind = ScanKind::number;
      tok.end = num.end;
      tok.decimal_sep = num.decimal_sep;
      tok.plain = num.plain;
    } else if (cls == CharClass::letter) {
      tok.kind = ScanKind::word;
      tok.end = scan_word(text, i);
    } else {
      tok.kind = cls == CharClass::symbol ? ScanKind::symbol : ScanKind::punct;
      tok.end = i + cp.len;
    }
    const char first = text[i];
    tok.lead = first >= 'A' && first <= 'Z' ? static_cast<char>(first + 32) : first;
    tokens_.push_back(tok);
    if (tok.end <= i) tok.end = i + cp.len;  // every token moves the scan on, whatever the bytes
    i = tok.end;
    spaced = false;
  }
}

std::string_view Scanner::str(std::size_t i) const {
  if (i >= tokens_.size()) return {};
  return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
}

bool Scanner::is_folded(std::size_t i, std::string_view lower) const { return folded_equal(str(i), lower); }

std::size_t Scanner::match_folded(std::size_t i, std::string_view phrase) const {
  std::size_t n = 0;
  while (!phrase.empty()) {
    const std::size_t cut = std::min(phrase.find(' '), phrase.size());
    if (!is(i + n, phrase.substr(0, cut))) return 0;
    ++n;
    phrase.remove_prefix(std::min(cut + 1, phrase.size()));
  }
  return n;
}

}  // namespace detail

namespace {

using detail::ScanKind;
using detail::Scanner;

// ---------------------------------------------------------------------------------------------
// Exact decimals

// A number as its digits and how many of them come before the decimal point; the point may lie
// beyond the digits (trailing zeros) once a scale is applied.
struct Decimal {
  std::string digits;
  long point = 0;
};

std::string lexical(std::string_view digits, long point) {
  std::string integer, fraction;
  if (point <= 0) {
    integer = "0";
    fraction.assign(static_cast<std::size_t>(-point), '0');
    fraction += digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    integer = digits;
    integer.append(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    integer = digits.substr(0, static_cast<std::size_t>(point));
    fraction = digits.substr(static_cast<std::size_t>(point));
  }
  integer.erase(0, std::min(integer.find_first_not_of('0'), integer.size() - 1));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? integer : integer + '.' + fraction;
}

Decimal read_number(const Scanner& t, std::size_t i) {
  const auto& tok = t[i];
  Decimal d;
  for (std::size_t p = tok.begin; p < tok.end; ++p) {
    if (p == tok.decimal_sep) d.point = static_cast<long>(d.digits.size());
    if (is_digit(t.text()[p])) d.digits += t.text()[p];
  }
  if (tok.decimal_sep == npos) d.point = static_cast<long>(d.digits.size());
  return d;
}

}  // namespace

std::string decimal_times_power_of_ten(std::string_view decimal, int exponent) {
  std::string digits;
  long point = -1;
  for (const char c : decimal) {
    if (c == '.' && point < 0) {
      point = static_cast<long>(digits.size());
      continue;
    }
    if (!is_digit(c)) return {};
    digits += c;
  }
  if (digits.empty()) return {};
  if (point < 0) point = static_cast<long>(digits.size());
  return lexical(digits, point + exponent);
}

int compare_decimals(std::string_view a, std::string_view b) {
  const auto split = [](std::string_view s) {
    const std::size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == npos ? std::string_view{} : s.substr(dot + 1);
    return std::pair{whole.substr(std::min(whole.find_first_not_of('0'), whole.size())), frac};
  };
  const auto [a_int, a_frac] = split(a);
  const auto [b_int, b_frac] = split(b);
  if (a_int.size() != b_int.size()) return a_int.size() < b_int.size() ? -1 : 1;
  if (const int c = a_int.compare(b_int); c != 0) return c < 0 ? -1 : 1;
  for (std::size_t k = 0; k < std::max(a_frac.size(), b_frac.size()); ++k) {
    const char x = k < a_frac.size() ? a_frac[k] : '0';
    const char y = k < b_frac.size() ? b_frac[k] : '0';
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Word lists

enum class Qual : unsigned char { none, min, max, approx };

struct QualPhrase {
  std::string_view phrase;
  Qual qual;
};

// "nearly", "almost", "bijna", "presque" bound the amount from above: the true figure is below.
// "près de" and "close to" read as approximations: French news uses it where English says "some".
constexpr QualPhrase kQualifiersEn[] = {
    {"up to", Qual::max},          {"as much as", Qual::max},     {"nearly", Qual::max},
    {"almost", Qual::max},         {"less than", Qual::max},      {"under", Qual::max},
    {"just under", Qual::max},     {"at most", Qual::max},        {"no more than", Qual::max},
    {"not more than", Qual::max},  {"more than", Qual::min},      {"over", Qual::min},
    {"just over", Qual::min},      {"above", Qual::min},          {"at least", Qual::min},
    {"in excess of", Qual::min},   {"upwards of", Qual::min},     {"north of", Qual::min},
    {"no less than", Qual::min},   {"not less than", Qual::min},  {"about", Qual::approx},
    {"around", Qual::approx},      {"roughly", Qual::approx},     {"approximately", Qual::approx},
    {"some", Qual::approx},        {"an estimated", Qual::approx}, {"circa", Qual::approx},
    {"close to", Qual::approx},
};
constexpr QualPhrase kQualifiersNl[] = {
    {"tot", Qual::max},            {"tot wel", Qual::max},        {"tot maximaal", Qual::max},
    {"maximaal", Qual::max},       {"hooguit", Qual::max},        {"ten hoogste", Qual::max},
    {"bijna", Qual::max},          {"minder dan", Qual::max},     {"nog geen", Qual::max},
    {"meer dan", Qual::min},       {"ruim", Qual::min},           {"minstens", Qual::min},
    {"minimaal", Qual::min},       {"ten minste", Qual::min},     {"tenminste", Qual::min},
    {"ongeveer", Qual::approx},    {"circa", Qual::approx},       {"ca .", Qual::approx},
    {"zo'n", Qual::approx},        {"rond de", Qual::approx},     {"rond", Qual::approx},
    {"pakweg", Qual::approx},      {"naar schatting", Qual::approx}, {"grofweg", Qual::approx},
    {"om en nabij", Qual::approx},
};
constexpr QualPhrase kQualifiersFr[] = {
    {"jusqu'à", Qual::max},         {"jusqu'a", Qual::max},       {"presque", Qual::max},
    {"quasiment", Qual::max},       {"moins de", Qual::max},      {"pas plus de", Qual::max},
    {"un peu moins de", Qual::max}, {"plus de", Qual::min},       {"au moins", Qual::min},
    {"au - delà de", Qual::min},    {"pas moins de", Qual::min},  {"un peu plus de", Qual::min},
    {"environ", Qual::approx},      {"près de", Qual::approx},    {"quelque", Qual::approx},
    {"autour de", Qual::approx},    {"aux alentours de", Qual::approx}, {"de l'ordre de", Qual::approx},
    {"approximativement", Qual::approx},
    // "plus d'un milliard", "moins d'un million": "d'un" is one word, read as the number one.
    {"plus", Qual::min},            {"moins", Qual::max},
};
// After the amount: "$5bn or more", "5 miljard euro of meer", "5 milliards ou plus".
constexpr QualPhrase kPostQualifiers[] = {
    {"or more", Qual::min}, {"or less", Qual::max}, {"of meer", Qual::min},
    {"of minder", Qual::max}, {"ou plus", Qual::min}, {"ou moins", Qual::max},
};

std::span<const QualPhrase> qualifiers(Lang lang) {
  switch (lang) {
    case Lang::en: return kQualifiersEn;
    case Lang::nl: return kQualifiersNl;
    case Lang::fr: return kQualifiersFr;
  }
  return kQualifiersEn;
}

// Longest phrase wins, so "tot wel" beats "tot" and "pas moins de" beats "moins de".
std::pair<Qual, std::size_t> longest_phrase(const Scanner& t, std::size_t k, std::span<const QualPhrase> list) {
  if (!t.is_word(k)) return {Qual::none, 0};
  std::pair<Qual, std::size_t> best{Qual::none, 0};
  for (const auto& q : list) {
    const std::size_t n = t.match(k, q.phrase);
    if (n > best.second) best = {q.qual, n};
  }
  return best;
}

struct Scale {
  std::string_view word;
  int exponent;
  int exponent_fr;    // French "billion" is 10^12 and "trillion" 10^18 (long scale)
  bool abbreviation;  // may take a dot: "1,5 mln. euro"
};

// English "billion" is 10^9 in en and nl feeds alike; the Dutch long-scale word is "biljoen".
constexpr Scale kScales[] = {
    {"thousand", 3, 3, false},   {"k", 3, 3, false},          {"duizend", 3, 3, false},
    {"mille", 3, 3, false},      {"million", 6, 6, false},    {"millions", 6, 6, false},
    {"mn", 6, 6, true},          {"mln", 6, 6, true},         {"mio", 6, 6, true},
    {"m", 6, 6, false},          {"miljoen", 6, 6, false},    {"billion", 9, 12, false},
    {"billions", 9, 12, false},  {"bn", 9, 9, true},          {"bln", 9, 9, true},
    {"b", 9, 9, false},          {"miljard", 9, 9, false},    {"mld", 9, 9, true},
    {"mrd", 9, 9, true},         {"mia", 9, 9, true},         {"milliard", 9, 9, false},
    {"milliards", 9, 9, false},  {"md", 9, 9, true},          {"mds", 9, 9, true},
    {"mrds", 9, 9, true},        {"trillion", 12, 18, false}, {"trillions", 12, 18, false},
    {"tn", 12, 12, true},        {"trn", 12, 12, true},       {"biljoen", 12, 12, false},
};

const Scale* scale_at(const Scanner& t, std::size_t k) {
  if (!t.is_word(k) || t.str(k).size() > 9) return nullptr;
  for (const auto& s : kScales) {
    if (t.is(k, s.word)) return &s;
  }
  return nullptr;
}

struct Currency {
  std::string_view text;
  std::string_view code;
};

// "¥" is read as yen: Chinese amounts in European news come as "yuan" or "CNY".
constexpr Currency kSymbols[] = {
    {"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"}, {"₩", "KRW"},
};
// Letters glued to a dollar sign: "US$", "A$", "HK$".
constexpr Currency kDollarPrefixes[] = {
    {"us", "USD"}, {"a", "AUD"}, {"au", "AUD"}, {"c", "CAD"},  {"ca", "CAD"}, {"hk", "HKD"},
    {"s", "SGD"},  {"nz", "NZD"}, {"r", "BRL"}, {"nt", "TWD"}, {"mx", "MXN"},
};
// Upper case only: "eur" or "usd" in running text are not codes.
constexpr Currency kIsoCodes[] = {
    {"USD", "USD"}, {"EUR", "EUR"}, {"GBP", "GBP"}, {"JPY", "JPY"}, {"CNY", "CNY"}, {"RMB", "CNY"},
    {"CHF", "CHF"}, {"HKD", "HKD"}, {"CAD", "CAD"}, {"AUD", "AUD"}, {"NZD", "NZD"}, {"INR", "INR"},
    {"KRW", "KRW"}, {"SGD", "SGD"}, {"SEK", "SEK"}, {"NOK", "NOK"}, {"DKK", "DKK"}, {"PLN", "PLN"},
    {"BRL", "BRL"}, {"RUB", "RUB"}, {"ZAR", "ZAR"}, {"MXN", "MXN"}, {"TWD", "TWD"}, {"SAR", "SAR"},
    {"AED", "AED"},
};
// Names after the amount. "livres" and "pond" alone are books and weights, so they need
// "sterling"; "pounds" is refused before "of" ("5 million pounds of beef").
constexpr Currency kCurrencyWords[] = {
    {"dollars", "USD"},           {"dollar", "USD"},          {"us dollars", "USD"},
    {"u . s . dollars", "USD"},   {"american dollars", "USD"}, {"canadian dollars", "CAD"},
    {"australian dollars", "AUD"}, {"hong kong dollars", "HKD"}, {"singapore dollars", "SGD"},
    {"euros", "EUR"},             {"euro", "EUR"},            {"pounds", "GBP"},
    {"pounds sterling", "GBP"},   {"british pounds", "GBP"},  {"sterling", "GBP"},
    {"yen", "JPY"},               {"yuan", "CNY"},            {"renminbi", "CNY"},
    {"swiss francs", "CHF"},      {"rupees", "INR"},          {"amerikaanse dollar", "USD"},
    {"amerikaanse dollars", "USD"}, {"canadese dollar", "CAD"}, {"australische dollar", "AUD"},
    {"pond sterling", "GBP"},     {"britse pond", "GBP"},     {"zwitserse frank", "CHF"},
    {"zwitserse franken", "CHF"}, {"dollars américains", "USD"}, {"dollars us", "USD"},
    {"dollars canadiens", "CAD"}, {"dollars australiens", "AUD"}, {"livres sterling", "GBP"},
    {"francs suisses", "CHF"},    {"yens", "JPY"},            {"yuans", "CNY"},
    {"d'euros", "EUR"},           {"d'euro", "EUR"},
    // Spelled out, in Swiss, Belgian and Dutch copy: "62 millions de francs", "410 miljoen frank",
    // "380 miljoen gulden"; "pond" only after a scale (see currency_after_amount).
    {"francs", "CHF"},            {"franken", "CHF"},         {"frank", "CHF"},
    {"gulden", "NLG"},            {"guilders", "NLG"},        {"florins", "NLG"},
    {"yen", "JPY"},               {"yuan", "CNY"},            {"renminbi", "CNY"},
    {"roupies", "INR"},           {"roepies", "INR"},         {"pond", "GBP"},
    {"pound", "GBP"},
};

// "30 miljoen pond", "780 million pound acquisition": with a scale before it this is pounds
// sterling; alone ("5 pond", "a pound of butter") a weight.
// ("5 millions de livres" stays books: French money says "livres sterling".)
bool needs_scale(std::string_view code_word) { return code_word == "pond" || code_word == "pound"; }

bool scale_word(std::string_view w) {
  static constexpr std::string_view scales[] = {"miljoen", "miljard", "millions", "million", "milliards", "milliard",
                                                "mln", "mld", "mrd", "m", "md", "bn", "k"};
  return std::find(std::begin(scales), std::end(scales), w) != std::end(scales);
}

std::string_view lookup_exact(std::span<const Currency> list, std::string_view s) {
  for (const auto& c : list) {
    if (c.text == s) return c.code;
  }
  return {};
}

struct CurrencyHit {
  std::string_view code;
  std::size_t tokens = 0;
};

CurrencyHit prefix_currency(const Scanner& t, std::size_t k) {
  if (k >= t.size()) return {};
  if (t[k].kind == ScanKind::symbol) {
    const auto code = lookup_exact(kSymbols, t.str(k));
    return code.empty() ? CurrencyHit{} : CurrencyHit{code, 1};
  }
  if (!t.is_word(k)) return {};
  if (t.attached(k + 1) && t.str(k + 1) == "$") {
    for (const auto& p : kDollarPrefixes) {
      if (t.is(k, p.text)) return {p.code, 2};
    }
  }
  const auto code = lookup_exact(kIsoCodes, t.str(k));
  return code.empty() ? CurrencyHit{} : CurrencyHit{code, 1};
}

CurrencyHit currency_after_amount(const Scanner& t, std::size_t k) {
  if (k >= t.size()) return {};
  if (t[k].kind == ScanKind::symbol) {
    if (t.attached(k + 1) && t.is_number(k + 1)) return {};  // "€25" opens the next amount
    const auto code = lookup_exact(kSymbols, t.str(k));
    if (code.empty()) return {};
    // "19 milliards $ CA", "2 millions $ US": Canadian French writes the country after the sign, in capitals.
    if (t.str(k) == "$" && k + 1 < t.size() && t.is_word(k + 1) && t.str(k + 1).size() == 2 &&
        std::all_of(t.str(k + 1).begin(), t.str(k + 1).end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      for (const auto& p : kDollarPrefixes)
        if (t.is(k + 1, p.text)) return {p.code, 2};
    return CurrencyHit{code, 1};
  }
  if (!t.is_word(k)) return {};
  if (const auto code = lookup_exact(kIsoCodes, t.str(k)); !code.empty()) return {code, 1};
  CurrencyHit best;
  for (const auto& c : kCurrencyWords) {
    const std::size_t n = t.match(k, c.text);
    if (n == 0 || n <= best.tokens) continue;
    if (needs_scale(c.text) && n == 1) {
      if (k < 1 || !scale_word(t.str(k - 1))) continue;
    }
    best = {c.code, n};
  }
  if (best.tokens > 0 && t.is(k + best.tokens - 1, "pounds") && t.is(k + best.tokens, "of")) return {};
  return best;
}

// French puts "de" between scale and currency: "25 milliards de dollars".
CurrencyHit suffix_currency(const Scanner& t, std::size_t k) {
  if (!t.is(k, "de")) return currency_after_amount(t, k);
  const CurrencyHit hit = currency_after_amount(t, k + 1);
  return hit.tokens > 0 ? CurrencyHit{hit.code, hit.tokens + 1} : CurrencyHit{};
}

std::size_t percent_at(const Scanner& t, std::size_t k) {
  if (t.str(k) == "%") return 1;
  if (!t.is_word(k)) return 0;
  for (const std::string_view p : {"percent", "per cent", "procent", "pour cent", "pct"}) {
    if (const std::size_t n = t.match(k, p)) return n;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Amounts and ranges

struct Amount {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  Decimal number;
  int exponent = 0;
  bool has_scale = false;
  std::string_view currency;
  bool suffix_currency = false;
  bool bare() const { return currency.empty() && !has_scale; }
  std::string value() const { return lexical(number.digits, number.point + exponent); }
};

// "$5-billion" is US house style; abbreviations may carry a dot before a currency ("mln. euro").
std::size_t read_scale(const Scanner& t, std::size_t k, Lang lang, Amount& a) {
  const bool hyphenated = t.str(k) == "-" && t.attached(k) && t.attached(k + 1) && scale_at(t, k + 1);
  const Scale* scale = scale_at(t, hyphenated ? k + 1 : k);
  if (scale == nullptr) return k;
  a.exponent = lang == Lang::fr ? scale->exponent_fr : scale->exponent;
  a.has_scale = true;
  k += hyphenated ? 2 : 1;
  if (scale->abbreviation && t.str(k) == "." && t.attached(k) && suffix_currency(t, k + 1).tokens > 0) ++k;
  return k;
}

// "un milliard de dollars", "a billion dollars", "één miljard euro": the article for one before a
// scale word is the number one.
bool one_before_scale(const Scanner& t, std::size_t k) {
  if (!t.is_word(k) || t.str(k).size() > 8) return false;  // called for every word: the cheap tests first
  for (const std::string_view one : {"un", "une", "d'un", "d'une", "one", "a", "an", "een", "één"})
    if (t.is(k, one)) return scale_at(t, k + 1) != nullptr;
  return false;
}

std::optional<Amount> parse_amount(const Scanner& t, std::size_t k, Lang lang) {
  Amount a;
  a.first = k;
  if (const CurrencyHit cur = prefix_currency(t, k); cur.tokens > 0) {
    a.currency = cur.code;
    k += cur.tokens;
  }
  if (one_before_scale(t, k)) {
    a.number = Decimal{"1", 1};
    k = read_scale(t, k + 1, lang, a);
  } else {
    if (!t.is_number(k)) return std::nullopt;
    a.number = read_number(t, k++);
    k = read_scale(t, k, lang, a);
  }
  if (!a.has_scale && percent_at(t, k) > 0) return std::nullopt;
  if (const CurrencyHit cur = suffix_currency(t, k); cur.tokens > 0) {
    if (a.currency.empty()) a.currency = cur.code;
    a.suffix_currency = true;
    k += cur.tokens;
  }
  a.last = k;
  return a;
}

// Scale and currency given on one side apply to both ("$15-25 billion", "15 tot 25 miljard
// euro"). A bare right side ("$15bn to 2030") only pairs with a bare-ish left side ("$15-20").
// Both ends must be in increasing order: "fell from $25bn to $15bn" is two amounts, not a range.
std::optional<std::pair<Amount, Amount>> make_range(const Scanner& t, Amount low, std::size_t sep, Lang lang) {
  if (sep == 0) return std::nullopt;
  auto high = parse_amount(t, low.last + sep, lang);
  if (!high) return std::nullopt;
  if (high->bare() && (low.has_scale || low.suffix_currency)) return std::nullopt;
  if (!low.currency.empty() && !high->currency.empty() && low.currency != high->currency) return std::nullopt;
  if (!low.has_scale) low.exponent = high->exponent;
  if (!high->has_scale) high->exponent = low.exponent;
  if (low.currency.empty()) low.currency = high->currency;
  if (high->currency.empty()) high->currency = low.currency;
  if (compare_decimals(low.value(), high->value()) >= 0) return std::nullopt;
  return std::pair{std::move(low), std::move(*high)};
}

std::size_t dash_at(const Scanner& t, std::size_t k) {
  const auto s = t.str(k);
  return s == "-" || s == "–" || s == "—" ? 1 : 0;
}

std::size_t range_separator(const Scanner& t, std::size_t k) {
  if (dash_at(t, k)) return 1;
  return t.is(k, "to") || t.is(k, "tot") || t.is(k, "à") ? 1 : 0;
}

struct Opener {
  std::string_view word, joiner;
};
// Accepted in every language: an opener only counts when a whole range follows it.
constexpr Opener kOpeners[] = {
    {"between", "and"}, {"from", "to"}, {"tussen", "en"}, {"van", "tot"}, {"entre", "et"}, {"de", "à"},
};

struct Core {
  std::size_t last = 0;
  Amount low;
  std::optional<Amount> high;
};

std::optional<Core> parse_core(const Scanner& t, std::size_t k, Lang lang) {
  for (const auto& op : kOpeners) {
    if (!t.is(k, op.word)) continue;
    const auto low = parse_amount(t, k + 1, lang);
    if (!low) break;
    const std::size_t sep = t.is(low->last, op.joiner) ? 1 : dash_at(t, low->last);
    if (auto range = make_range(t, *low, sep, lang)) {
      const std::size_t last = range->second.last;
      return Core{last, std::move(range->first), std::move(range->second)};
    }
    break;
  }
  auto low = parse_amount(t, k, lang);
  if (!low) return std::nullopt;
  if (auto range = make_range(t, *low, range_separator(t, low->last), lang)) {
    const std::size_t last = range->second.last;
    return Core{last, std::move(range->first), std::move(range->second)};
  }
  const std::size_t last = low->last;
  return Core{last, std::move(*low), std::nullopt};
}

// "$40bn (£32bn)": the conversion joins the mention; the first amount is the one reported.
std::size_t skip_parenthesised_amount(const Scanner& t, std::size_t k, Lang lang) {
  if (t.str(k) != "(") return k;
  const std::size_t j = k + 1 + longest_phrase(t, k + 1, qualifiers(lang)).second;
  const auto alt = parse_core(t, j, lang);
  if (!alt || alt->low.currency.empty() || t.str(alt->last) != ")") return k;
  return alt->last + 1;
}

struct Found {
  MoneyMatch match;
  std::size_t next = 0;  // first token after the match
};

std::optional<Found> parse_money_at(const Scanner& t, std::size_t i, Lang lang) {
  auto [qual, lead] = longest_phrase(t, i, qualifiers(lang));
  auto core = parse_core(t, i + lead, lang);
  if (!core || core->low.currency.empty()) return std::nullopt;
  std::size_t end = core->last;
  if (!core->high && qual == Qual::none) {
    const auto [post, n] = longest_phrase(t, end, kPostQualifiers);
    qual = post;
    end += n;
  }
  end = skip_parenthesised_amount(t, end, lang);

  Found found;
  found.next = end;
  found.match.begin = t[i].begin;
  found.match.end = t[end - 1].end;
  MoneyAmount& m = found.match.amount;
  m.currency = std::string(core->low.currency);
  m.approximate = qual == Qual::approx;
  if (core->high) {
    m.min_value = core->low.value();
    m.max_value = core->high->value();
  } else if (qual == Qual::min) {
    m.min_value = core->low.value();
  } else if (qual == Qual::max) {
    m.max_value = core->low.value();
  } else {
    m.value = core->low.value();
  }
  return found;
}

// "million", "milliard", "billion", "miljoen", "miljard": a text without digits can only hold an
// amount written with one of them.
bool may_hold_scale_word(std::string_view text) {
  return text.find("illi") != std::string_view::npos || text.find("iljo") != std::string_view::npos ||
         text.find("iljar") != std::string_view::npos;
}

// Qualifier (up to 4 tokens), opener and "US$" together never exceed this many tokens before
// the first digit, so positions further from a number need no attempt.
constexpr std::size_t kMaxLead = 8;

}  // namespace

std::vector<MoneyMatch> find_money(std::string_view text, Lang lang) {
  // Every amount has a digit or a scale word ("un milliard de dollars", "a billion dollars").
  if (!has_digit(text) && !may_hold_scale_word(text)) return {};
  const Scanner t(text, lang);
  std::vector<MoneyMatch> out;
  std::size_t next_number = 0;
  std::size_t i = 0;
  while (i < t.size()) {
    while (next_number < t.size() && (next_number < i || !(t.is_number(next_number) || one_before_scale(t, next_number))))
      ++next_number;
    if (next_number == t.size()) break;
    if (next_number - i > kMaxLead) {
      i = next_number - kMaxLead;
      continue;
    }
    if (auto found = parse_money_at(t, i, lang)) {
      out.push_back(std::move(found->match));
      i = found->next;
      continue;
    }
    ++i;
  }
  return out;
}

std::vector<PercentMatch> find_percent(std::string_view text, Lang lang) {
  if (!has_digit(text)) return {};
  const Scanner t(text, lang);
  std::vector<PercentMatch> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t.is_number(i)) continue;
    const std::size_t n = percent_at(t, i + 1);
    if (n == 0) continue;
    const Decimal d = read_number(t, i);
    out.push_back({t[i].begin, t[i + n].end, lexical(d.digits, d.point)});
    i += n;
  }
  return out;
}

namespace detail {

bool equals_folded(std::string_view raw, std::string_view lower) { return folded_equal(raw, lower); }

bool amount_word_at(const Scanner& t, std::size_t i) {
  return scale_at(t, i) != nullptr || suffix_currency(t, i).tokens > 0 || percent_at(t, i) > 0;
}

bool currency_prefix_ends_at(const Scanner& t, std::size_t i) {
  if (i >= t.size()) return false;
  if (t[i].kind == ScanKind::symbol) return !lookup_exact(kSymbols, t.str(i)).empty();
  return t.is_word(i) && !lookup_exact(kIsoCodes, t.str(i)).empty();
}

}  // namespace detail
}  // namespace kg
