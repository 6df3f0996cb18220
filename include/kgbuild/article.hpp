#pragma once
// One news article as read from the input, before any analysis.
#include <cstddef>
#include <optional>
#include <string>

#include "kgbuild/date.hpp"
#include "kgbuild/lang.hpp"

namespace kg {

struct Article {
  std::string id;       // from metadata; may be empty
  std::string url;      // may be empty
  std::string title;    // may be empty
  std::string outlet;   // the publisher named in the metadata; may be empty
  std::optional<DateValue> date;  // publication date, the anchor for "last year"
  std::optional<Lang> lang;       // as declared; detected when absent
  std::string text;     // the body, UTF-8 as read (normalised later)
  std::string origin;   // where it was read: "path" or "path:line", for messages
  std::size_t input_bytes = 0;  // of the input it was read from (its file, or its JSON Lines record)
};

}  // namespace kg
