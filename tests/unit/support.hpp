#pragma once
// Shared by the unit tests: what a QuadWriter writes, as text.
#include <cstdio>
#include <functional>
#include <string>

#include "kgbuild/writer.hpp"

namespace kg::test {

// Runs `fill` on a writer of `syntax` over a temporary file and returns what was written.
inline std::string written(Syntax syntax, const std::function<void(QuadWriter&)>& fill, const Prefixes& prefixes = {}) {
  std::FILE* f = std::tmpfile();
  if (!f) return {};
  {
    QuadWriter writer(f, syntax, prefixes);
    fill(writer);
    writer.finish();
  }
  std::rewind(f);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  std::fclose(f);
  return text;
}

}  // namespace kg::test
