#pragma once
// UTF-8 checks and code-point arithmetic: offsets in the graph are code points, text is UTF-8.
#include <cstddef>
#include <optional>
#include <string_view>

namespace kg {

struct Utf8Error {
  std::size_t offset;  // byte offset of the first byte that is not valid UTF-8
  unsigned char byte;
};

std::optional<Utf8Error> find_invalid_utf8(std::string_view text);
// Length of the well-formed UTF-8 sequence at text[i] (i < text.size()), or 0 when it is not one:
// overlong forms, surrogates and code points above U+10FFFF are not, as RFC 3629 asks.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
std::size_t count_code_points(std::string_view text);

}  // namespace kg
