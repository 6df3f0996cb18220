// Fuzz target: a rule pack as a rule author might write it, parsed and then checked against the
// rule language and the ontology. A bad pack is a std::runtime_error with a message; never a crash.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "kgbuild/rules.hpp"
#include "kgbuild/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static kg::TextAnalyzer analyzer;
  try {
    const kg::RulePack pack = kg::parse_rule_pack(std::string(reinterpret_cast<const char*>(data), size), "fuzz.rules", analyzer);
    kg::check_rule_pack(pack);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
