#include "kgbuild/writer.hpp"

#include "line_writer.hpp"
#include "serd_syntax.hpp"

#include <serd/serd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace kg {

std::optional<Syntax> syntax_from_string(std::string_view name) {
  if (name == "turtle" || name == "ttl") return Syntax::turtle;
  if (name == "ntriples" || name == "nt") return Syntax::ntriples;
  if (name == "nquads" || name == "nq") return Syntax::nquads;
  if (name == "trig") return Syntax::trig;
  return std::nullopt;
}

std::string syntax_name(Syntax syntax) {
  switch (syntax) {
    case Syntax::turtle: return "turtle";
    case Syntax::ntriples: return "ntriples";
    case Syntax::nquads: return "nquads";
    case Syntax::trig: return "trig";
  }
  return "turtle";
}

bool has_graphs(Syntax syntax) { return syntax == Syntax::nquads || syntax == Syntax::trig; }

namespace {


// A node over the caller's bytes. serd_node_from_substring would walk every byte to count
// characters; Serd's writer reads only the bytes and, to choose Turtle's long string form, the
// newline and quote flags, so those are all that is worked out (with memchr, for literals only).
//
// The long form ("""...""") is chosen only for a literal with a line break and no quote: Serd
// 0.30 writes a long string ending in quotes (`he said: "It works.""`) in a form its own reader
// rejects. With no flag set, the writer uses the short form and escapes quotes and line breaks,
// which every reader takes.
SerdNode serd_view(std::string_view s, SerdType type) {
  SerdNodeFlags flags = 0;
  if (type == SERD_LITERAL && !std::memchr(s.data(), '"', s.size()) &&
      (std::memchr(s.data(), '\n', s.size()) || std::memchr(s.data(), '\r', s.size())))
    flags |= SERD_HAS_NEWLINE;
  return SerdNode{reinterpret_cast<const uint8_t*>(s.data()), s.size(), s.size(), flags, type};
}

}  // namespace

extern "C" size_t string_sink(const void* buf, size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
}

constexpr std::size_t kLineBuffer = std::size_t{1} << 20;

static bool is_line_syntax(Syntax syntax) { return syntax == Syntax::ntriples || syntax == Syntax::nquads; }

struct QuadWriter::Impl {
  SerdEnv* env = nullptr;
  SerdWriter* writer = nullptr;  // Turtle and TriG; N-Triples and N-Quads are written as lines
  std::FILE* stream = nullptr;   // or nullptr, writing into a string
  std::string* into = nullptr;   // that string, for lines
  std::string lines;             // lines not yet written to the stream

  void flush_lines() {
    if (lines.empty() || !stream) return;
    if (std::fwrite(lines.data(), 1, lines.size(), stream) != lines.size())
      throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
    lines.clear();
  }

  ~Impl() {
    if (writer) serd_writer_free(writer);
    if (env) serd_env_free(env);
  }
};

QuadWriter::QuadWriter(std::FILE* stream, Syntax syntax, const Prefixes& prefixes)
    : impl_(std::make_unique<Impl>()), syntax_(syntax) {
  impl_->stream = stream;
  if (is_line_syntax(syntax)) return;
  open(prefixes, true, serd_file_sink, stream);
}

QuadWriter::QuadWriter(std::string& out, Syntax syntax, const Prefixes& prefixes, bool directives)
    : impl_(std::make_unique<Impl>()), syntax_(syntax) {
  impl_->into = &out;
  if (is_line_syntax(syntax)) return;
  open(prefixes, directives, string_sink, &out);
}

void QuadWriter::open(const Prefixes& prefixes, bool directives, SerdSink sink, void* stream) {
  impl_->env = serd_env_new(nullptr);
  const bool abbreviated = syntax_ == Syntax::turtle || syntax_ == Syntax::trig;
  if (abbreviated)
    for (const auto& [name, iri] : prefixes) {
      const SerdNode n = serd_view(name, SERD_LITERAL);
      const SerdNode i = serd_view(iri, SERD_URI);
      serd_env_set_prefix(impl_->env, &n, &i);
    }
  const auto style = static_cast<SerdStyle>(SERD_STYLE_BULK |
                                            (abbreviated ? SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED : 0));
  impl_->writer = serd_writer_new(serd_syntax(syntax_), style, impl_->env, nullptr, sink, stream);
  if (abbreviated && directives)
    serd_env_foreach(impl_->env, reinterpret_cast<SerdPrefixSink>(serd_writer_set_prefix), impl_->writer);
}

QuadWriter::~QuadWriter() = default;

void QuadWriter::write(const QuadView& q) {
  if (!impl_->writer) {
    append_line(q, syntax_ == Syntax::nquads, impl_->into ? *impl_->into : impl_->lines);
    if (impl_->lines.size() >= kLineBuffer) impl_->flush_lines();
    return;
  }
  const SerdNode s = serd_view(q.subject.value, SERD_URI);
  const SerdNode p = serd_view(q.predicate.value, SERD_URI);
  const bool literal = q.object.kind == Term::Kind::literal;
  const SerdNode o = serd_view(q.object.value, literal ? SERD_LITERAL : SERD_URI);
  const SerdNode dt = serd_view(q.object.datatype, SERD_URI);
  const bool graphs = has_graphs(syntax_) && !q.graph.empty();
  const SerdNode g = serd_view(q.graph, SERD_URI);
  serd_writer_write_statement(impl_->writer, 0, graphs ? &g : nullptr, &s, &p, &o,
                              literal && !q.object.datatype.empty() ? &dt : nullptr, nullptr);
}

void QuadWriter::finish() {
  if (impl_->writer) serd_writer_finish(impl_->writer);
  impl_->flush_lines();
  if (!impl_->stream) return;
  if (std::fflush(impl_->stream) != 0 || std::ferror(impl_->stream))
    throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
}

}  // namespace kg
