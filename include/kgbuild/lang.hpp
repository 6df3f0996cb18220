#pragma once
// The article languages kgbuild reads. Everything language-specific (scale words, month names,
// qualifiers) is keyed on this.
#include <optional>
#include <string_view>

namespace kg {

enum class Lang { en, nl, fr };

inline std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::en: return "en";
    case Lang::nl: return "nl";
    case Lang::fr: return "fr";
  }
  return "en";
}

inline std::optional<Lang> lang_from_string(std::string_view code) {
  if (code == "en") return Lang::en;
  if (code == "nl") return Lang::nl;
  if (code == "fr") return Lang::fr;
  return std::nullopt;
}

}  // namespace kg
