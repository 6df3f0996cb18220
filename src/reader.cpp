#include "kgbuild/reader.hpp"
#include "serd_syntax.hpp"

#include <serd/serd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <stdexcept>

namespace kg {

std::optional<Syntax> syntax_of_path(const std::string& path) {
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos) return std::nullopt;
  return syntax_from_string(path.substr(dot + 1));
}

namespace {

struct EnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
struct ReaderDeleter {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};


struct Reading {
  std::string path;
  std::unique_ptr<SerdEnv, EnvDeleter> env{serd_env_new(nullptr)};
  const std::function<void(ReadQuad&&)>* sink = nullptr;
  bool allow_blank_nodes = true;
  std::string error;  // the first problem, "line:column: what"
  std::size_t statements = 0;
  // What the sink threw: kept, the reading stopped, and thrown again once Serd has let go of its
  // buffers (an exception must not unwind through Serd's C frames: it leaked them).
  std::exception_ptr failure;

  std::string text(const SerdNode* n) const {
    if (n->type == SERD_CURIE) {
      SerdNode full = serd_env_expand_node(env.get(), n);
      std::string out = full.buf ? reinterpret_cast<const char*>(full.buf) : "";
      serd_node_free(&full);
      return out;
    }
    if (n->type == SERD_URI) {
      // Relative IRIs are resolved against the base the file declares.
      SerdURI base_uri;
      const SerdNode* base = serd_env_get_base_uri(env.get(), &base_uri);
      if (base && base->buf) {
        SerdURI ignored;
        SerdNode abs = serd_node_new_uri_from_node(n, &base_uri, &ignored);
        std::string out = abs.buf ? reinterpret_cast<const char*>(abs.buf) : "";
        serd_node_free(&abs);
        return out;
      }
    }
    return std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes);
  }

  Term term(const SerdNode* n, const SerdNode* datatype) const {
    if (n->type == SERD_LITERAL) return Term::literal(text(n), datatype ? text(datatype) : "");
    return Term::iri(text(n));
  }
};

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<Reading*>(handle)->env.get(), uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<Reading*>(handle)->env.get(), name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                        const SerdNode* o, const SerdNode* datatype, const SerdNode* lang) {
  auto* r = static_cast<Reading*>(handle);
  if (r->failure) return SERD_ERR_INTERNAL;  // the sink failed: nothing more goes to it
  ++r->statements;
  const bool blank = s->type == SERD_BLANK || o->type == SERD_BLANK || (graph && graph->type == SERD_BLANK);
  if (blank && !r->allow_blank_nodes) {
    // Serd tells statements no position; their number still leads the reader to the place.
    if (r->error.empty())
      r->error = " statement " + std::to_string(r->statements) + ": blank nodes are not supported here (kgbuild graphs have none)";
    return SERD_ERR_BAD_SYNTAX;
  }
  ReadQuad q{Quad{r->term(s, nullptr), r->term(p, nullptr), r->term(o, datatype), graph ? r->text(graph) : ""},
             lang ? r->text(lang) : ""};
  try {
    (*r->sink)(std::move(q));
  } catch (...) {
    r->failure = std::current_exception();
    return SERD_ERR_INTERNAL;
  }
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* r = static_cast<Reading*>(handle);
  if (!r->error.empty()) return SERD_SUCCESS;
  char message[512];
  std::vsnprintf(message, sizeof message, e->fmt, *e->args);
  std::string text = message;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  r->error = std::to_string(e->line) + ":" + std::to_string(e->col) + ": " + text;
  return SERD_SUCCESS;
}

}  // namespace

void read_quads(const std::string& path, Syntax syntax, const std::function<void(ReadQuad&&)>& sink, bool allow_blank_nodes) {
  const std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(path.c_str(), "rb"));
  if (!stream) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
  read_quads(stream.get(), path, syntax, sink, allow_blank_nodes);
}

void read_quads(std::FILE* stream, const std::string& name, Syntax syntax, const std::function<void(ReadQuad&&)>& sink,
                bool allow_blank_nodes) {
  Reading r;
  r.path = name;
  r.sink = &sink;
  r.allow_blank_nodes = allow_blank_nodes;
  std::unique_ptr<SerdReader, ReaderDeleter> reader(
      serd_reader_new(serd_syntax(syntax), &r, nullptr, on_base, on_prefix, on_statement, nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &r);
  const SerdStatus status =
      serd_reader_read_file_handle(reader.get(), stream, reinterpret_cast<const uint8_t*>(name.c_str()));
  if (r.failure) std::rethrow_exception(r.failure);
  if (status == SERD_SUCCESS && r.error.empty()) return;
  if (!r.error.empty()) throw std::runtime_error(name + ":" + r.error);
  throw std::runtime_error(name + ": cannot read the graph (" + reinterpret_cast<const char*>(serd_strerror(status)) + ")");
}

}  // namespace kg
