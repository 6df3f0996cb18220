#pragma once
// Reading RDF files (Turtle, N-Triples, N-Quads, TriG) with Serd into statements: for adding to an
// existing graph (`extract --into`) and for scoring one (`eval`).
#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "kgbuild/rdf.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

// The syntax a file name implies: .ttl, .nt, .nq, .trig.
std::optional<Syntax> syntax_of_path(const std::string& path);

struct ReadQuad {
  Quad quad;
  std::string object_lang;  // a language tag on a literal object, or empty
};

// Calls `sink` for every statement of the file, prefixed names expanded. Throws
// std::runtime_error "file:line:column: ..." on a syntax error, and on blank nodes when
// `allow_blank_nodes` is false (kgbuild writes none; a file with them is not one of its graphs).
void read_quads(const std::string& path, Syntax syntax, const std::function<void(ReadQuad&&)>& sink,
                bool allow_blank_nodes = true);
// The same, from an open stream; `name` is used in messages.
void read_quads(std::FILE* stream, const std::string& name, Syntax syntax,
                const std::function<void(ReadQuad&&)>& sink, bool allow_blank_nodes = true);

}  // namespace kg
