#pragma once
// Writing statements with Serd in Turtle, N-Triples, N-Quads or TriG (to a stream; see
// output_file.hpp for a file written completely or not at all).
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
std::string syntax_name(Syntax syntax);  // "turtle", "ntriples", "nquads", "trig"
bool has_graphs(Syntax syntax);


class QuadWriter {
 public:
  QuadWriter(std::FILE* stream, Syntax syntax, const Prefixes& prefixes);
  // Into a string. Without `directives` the prefixes shorten names but are not declared: for a
  // piece of a document whose first piece declares them.
  QuadWriter(std::string& out, Syntax syntax, const Prefixes& prefixes, bool directives);
  ~QuadWriter();
  QuadWriter(const QuadWriter&) = delete;
  QuadWriter& operator=(const QuadWriter&) = delete;
  void write(const QuadView& quad);  // the graph is dropped in syntaxes without graphs
  void finish();                 // ends open blocks; throws if the stream failed
  Syntax syntax() const { return syntax_; }

 private:
  void open(const Prefixes& prefixes, bool directives, std::size_t (*sink)(const void*, std::size_t, void*), void* stream);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Syntax syntax_;
};

}  // namespace kg
