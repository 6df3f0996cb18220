#pragma once
// Internal: N-Triples and N-Quads lines, escaped exactly as Serd 0.30's writer escapes them (the
// bytes are those Serd wrote before, checked against it in test_writer.cpp), without Serd's cost
// per node: these syntaxes need no state from one statement to the next.
#include <string>

#include "kgbuild/rdf.hpp"

namespace kg {

// Appends "<s> <p> <o>[ <g>] .\n"; the graph only when `with_graph` and it is not the default graph.
void append_line(const QuadView& quad, bool with_graph, std::string& out);

}  // namespace kg
