#pragma once
// `kgbuild explain`: per sentence, the mentions found, the rules that fired with their captures,
// and the facts emitted; with why_not, how far one rule got on each sentence.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "kgbuild/pipeline.hpp"

namespace kg {

struct ExplainOptions {
  std::string why_not;  // a rule id, or empty
  bool color = false;
  std::optional<Lang> lang;
};

bool stdout_is_terminal();
int explain(Resources& resources, const std::vector<std::string>& inputs, const ExplainOptions& options, std::ostream& out);

}  // namespace kg
