// Fuzz target: one JSON Lines record (simdjson first, nlohmann for what simdjson turns down).
// The reader must either return an article or throw InputError naming the line; never crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kgbuild/input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view record(reinterpret_cast<const char*>(data), size);
  try {
    kg::parse_jsonl_record(record, "fuzz.jsonl", 7);
  } catch (const kg::InputError& error) {
    // Every message names the record's line (or, for a record holding line breaks, as a library
    // caller may pass, the line within it).
    if (error.line() < 7) __builtin_trap();
  }
  return 0;
}
