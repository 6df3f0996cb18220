// Fuzz target: the money, percent and date finders in every language, on bytes that were never
// checked as UTF-8 (as a library caller may pass them). Every match lies inside the text.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kgbuild/date.hpp"
#include "kgbuild/money.hpp"

namespace {

template <typename Matches>
void check_inside(const Matches& matches, std::size_t size) {
  for (const auto& m : matches)
    if (m.begin > m.end || m.end > size) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<kg::DateValue> article_date = kg::parse_iso_date("2025-04-15");
  for (kg::Lang lang : {kg::Lang::en, kg::Lang::nl, kg::Lang::fr}) {
    check_inside(kg::find_money(text, lang), size);
    check_inside(kg::find_percent(text, lang), size);
    check_inside(kg::find_dates(text, lang, article_date), size);
  }
  kg::parse_iso_date(text);
  return 0;
}
