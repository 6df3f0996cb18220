#pragma once
// Internal: the Serd name of each syntax, for the components that read and write with Serd.
#include <serd/serd.h>

#include "kgbuild/writer.hpp"

namespace kg {

inline SerdSyntax serd_syntax(Syntax syntax) {
  switch (syntax) {
    case Syntax::turtle: return SERD_TURTLE;
    case Syntax::ntriples: return SERD_NTRIPLES;
    case Syntax::nquads: return SERD_NQUADS;
    case Syntax::trig: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

}  // namespace kg
