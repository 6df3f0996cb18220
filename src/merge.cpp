#include "kgbuild/merge.hpp"

#include <optional>
#include <stdexcept>

#include "kgbuild/canonical.hpp"
#include "kgbuild/output_file.hpp"
#include "kgbuild/reader.hpp"

namespace kg {

std::size_t run_merge(const MergeOptions& options) {
  std::vector<Syntax> syntaxes;
  for (const auto& input : options.inputs) {  // every name checked before anything is read
    const auto syntax = syntax_of_path(input);
    if (!syntax) throw std::runtime_error(input + ": expected a .ttl, .nt, .nq or .trig file");
    syntaxes.push_back(*syntax);
  }
  std::optional<AtomicFile> file;
  if (!options.output.empty()) file.emplace(options.output);
  CanonicalWriter out(file ? file->stream() : stdout, options.syntax, options.prefixes, options.sort, options.threads);
  for (std::size_t i = 0; i < options.inputs.size(); ++i) {
    const std::string& path = options.inputs[i];
    read_quads(path, syntaxes[i], [&](ReadQuad&& r) {
      if (!r.object_lang.empty())
        throw std::runtime_error(path + ": a literal with a language tag (@" + r.object_lang + "): not a kgbuild graph");
      out.add(r.quad);
    }, false);
  }
  const std::size_t written = out.finish();
  if (file) file->commit();
  return written;
}

}  // namespace kg
