#pragma once
// Writing statements with Serd in Turtle, N-Triples, N-Quads or TriG, to a file that is written
// completely or not at all.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgbuild/rdf.hpp"

namespace kg {

enum class Syntax { turtle, ntriples, nquads, trig };
std::optional<Syntax> syntax_from_string(std::string_view name);
bool has_graphs(Syntax syntax);

// A file that appears under its name only when commit() is called: until then it is written to a
// temporary file beside it, removed if the program fails or throws.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  std::FILE* stream() const { return stream_; }
  void commit();  // flushes, closes and renames; throws std::runtime_error on failure

 private:
  void buffer();
  std::filesystem::path target_, temporary_;
  // Declared before the stream: it must outlive fclose, which flushes it.
  std::unique_ptr<char[]> buffer_;
  std::FILE* stream_ = nullptr;
};

using Prefixes = std::vector<std::pair<std::string, std::string>>;

class QuadWriter {
 public:
  QuadWriter(std::FILE* stream, Syntax syntax, const Prefixes& prefixes);
  ~QuadWriter();
  QuadWriter(const QuadWriter&) = delete;
  QuadWriter& operator=(const QuadWriter&) = delete;
  void write(const QuadView& quad);  // the graph is dropped in syntaxes without graphs
  void finish();                 // ends open blocks; throws if the stream failed
  Syntax syntax() const { return syntax_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Syntax syntax_;
};

}  // namespace kg
