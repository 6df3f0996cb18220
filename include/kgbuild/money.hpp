#pragma once
// Money and percentage normalisers: find "$6.6bn", "1,3 miljard euro", "entre 15 et 25 milliards
// d'euros" or "12 procent" in a sentence and turn them into exact xsd:decimal values.
// Hand-written scanners over UTF-8 bytes: these run on every sentence of gigabytes of news.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/lang.hpp"

namespace kg {

struct MoneyAmount {
  std::string value;      // xsd:decimal lexical form, e.g. "6600000000" or "1500000.5"; empty if none
  std::string min_value;  // lower bound (ranges, "more than", "at least"); empty if none
  std::string max_value;  // upper bound (ranges, "up to", "nearly"); empty if none
  std::string currency;   // ISO 4217: USD, EUR, GBP, JPY, CNY, CHF, ...
  bool approximate = false;  // "about", "around", "ongeveer", "zo'n", "environ", "près de", ...
};

// Byte offsets into the text; the span covers qualifiers, ranges and a parenthesised second
// currency ("about $40bn (£32bn)"), so it can stand as one mention.
struct MoneyMatch {
  std::size_t begin = 0, end = 0;
  MoneyAmount amount;
};
std::vector<MoneyMatch> find_money(std::string_view text, Lang lang);

struct PercentMatch {
  std::size_t begin = 0, end = 0;
  std::string value;  // "12" for 12%, "2.5" for 2,5 procent
};
std::vector<PercentMatch> find_percent(std::string_view text, Lang lang);

// Exact decimal arithmetic on lexical forms, no floating point: ("6.6", 9) -> "6600000000",
// ("1.5", -1) -> "0.15". Returns "" when `decimal` is not digits with at most one '.'.
std::string decimal_times_power_of_ten(std::string_view decimal, int exponent);
// Orders two non-negative lexical decimals like strcmp: <0, 0 or >0.
int compare_decimals(std::string_view a, std::string_view b);

namespace detail {

// The byte-level scanner shared by the money, percent and date finders. It lives here because
// money.cpp owns it; date.cpp includes this header for it. Not part of the public API.
enum class ScanKind : unsigned char { number, word, symbol, punct };

struct ScanToken {
  std::size_t begin = 0, end = 0;                     // bytes
  std::size_t decimal_sep = std::string_view::npos;  // numbers: byte offset of the decimal mark
  ScanKind kind = ScanKind::punct;
  bool spaced = true;  // white space (or the start of the text) comes right before
  bool plain = false;  // number written with ASCII digits only, no separators
  char lead = 0;       // first byte, ASCII letters lower-cased: rejects most word-list entries at once
};

// Numbers take their separators by language and shape ("1,5" is 1.5 everywhere, "1.234" is
// 1234 in nl and fr); words keep inner apostrophes ("d'euros", "zo'n", "jusqu'à").
class Scanner {
 public:
  Scanner(std::string_view text, Lang lang);
  std::size_t size() const { return tokens_.size(); }
  const ScanToken& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view text() const { return text_; }
  std::string_view str(std::size_t i) const;  // "" past the end
  // Case- and apostrophe-insensitive: "D’euros" is "d'euros".
  bool is(std::size_t i, std::string_view lower) const {
    return i < size() && may_start(tokens_[i], lower) && is_folded(i, lower);
  }
  bool is_number(std::size_t i) const { return i < size() && tokens_[i].kind == ScanKind::number; }
  bool is_word(std::size_t i) const { return i < size() && tokens_[i].kind == ScanKind::word; }
  bool attached(std::size_t i) const { return i < size() && !tokens_[i].spaced; }
  // Tokens matched by a space-separated lower-case phrase ("au - delà de") at i, 0 if none.
  std::size_t match(std::size_t i, std::string_view phrase) const {
    return i < size() && may_start(tokens_[i], phrase) ? match_folded(i, phrase) : 0;
  }

 private:
  static bool may_start(const ScanToken& tok, std::string_view lower) {
    if (lower.empty()) return false;
    const char b = lower.front();
    return tok.lead == b || (tok.lead & 0x80) != 0 || (b & 0x80) != 0;
  }
  bool is_folded(std::size_t i, std::string_view lower) const;
  std::size_t match_folded(std::size_t i, std::string_view phrase) const;

  std::string_view text_;
  std::vector<ScanToken> tokens_;
};

// Case- and apostrophe-insensitive comparison of raw text with a lower-case word ("Zo’n", "zo'n").
bool equals_folded(std::string_view raw, std::string_view lower);
// True when token i is a scale word, a currency or a percent sign: a number before it is an amount.
bool amount_word_at(const Scanner& tokens, std::size_t i);
// True when token i ends a currency prefix ("$", "EUR", "US$"): a number after it is an amount.
bool currency_prefix_ends_at(const Scanner& tokens, std::size_t i);

}  // namespace detail
}  // namespace kg
