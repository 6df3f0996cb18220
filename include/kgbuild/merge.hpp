#pragma once
// `kgbuild merge`: graph files (shards of one corpus, or graphs made on other days) unioned into
// one, sorted and with every statement once, in the bounded memory of an external sort. The result
// is byte for byte what one `extract` over all the shards' articles writes.
#include <string>
#include <vector>

#include "kgbuild/sorter.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

struct MergeOptions {
  std::vector<std::string> inputs;  // .ttl, .nt, .nq or .trig files
  std::string output;               // empty: standard output
  Syntax syntax = Syntax::nquads;
  Prefixes prefixes;                // for Turtle and TriG
  SortOptions sort;
  std::size_t threads = 1;          // writing the sorted output
};

// Returns the statements written. Throws "file:line:column: ..." for a file that does not parse,
// and for one that is no kgbuild graph (blank nodes, language-tagged literals); the output is then
// not written at all.
std::size_t run_merge(const MergeOptions& options);

}  // namespace kg
