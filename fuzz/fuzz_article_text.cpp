// Fuzz target: a text article (metadata header, then the body) as any bytes a file could hold.
// The reader must either return an article or throw InputError; nothing else, and never crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kgbuild/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const kg::Article article = kg::parse_text_article(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
    if (article.text.size() > size) __builtin_trap();  // the body is part of the input, never more
  } catch (const kg::InputError&) {
  }
  return 0;
}
