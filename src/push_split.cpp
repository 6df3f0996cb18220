// Splitting a graph file by graph into N-Triples documents, the one syntax every Graph Store takes.
#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "kgbuild/push.hpp"
#include "kgbuild/reader.hpp"
#include "serd_syntax.hpp"

namespace kg {

namespace {

struct EnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct ReaderDeleter {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};
struct WriterDeleter {
  void operator()(SerdWriter* writer) const { serd_writer_free(writer); }
};
struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using EnvPtr = std::unique_ptr<SerdEnv, EnvDeleter>;
using ReaderPtr = std::unique_ptr<SerdReader, ReaderDeleter>;
using WriterPtr = std::unique_ptr<SerdWriter, WriterDeleter>;

// A node serd allocated for us (an expanded prefixed name, a resolved relative IRI).
class OwnedNode {
 public:
  OwnedNode() = default;
  OwnedNode(const OwnedNode&) = delete;
  OwnedNode& operator=(const OwnedNode&) = delete;
  ~OwnedNode() { serd_node_free(&node_); }
  void reset(SerdNode node) {
    serd_node_free(&node_);
    node_ = node;
  }
  const SerdNode* get() const { return &node_; }

 private:
  SerdNode node_ = SERD_NODE_NULL;
};

std::string text_of(const SerdNode* node) {
  return std::string(reinterpret_cast<const char*>(node->buf), node->n_bytes);
}

size_t append_to_string(const void* buf, size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
}

// One graph being written: the body lives here, at a stable address the writer appends to.
struct GraphSink {
  GraphBody body;
  WriterPtr writer;
};

class Splitter {
 public:
  explicit Splitter(const std::string& base_uri) : env_(serd_env_new(nullptr)), writer_env_(serd_env_new(nullptr)) {
    if (base_uri.empty()) return;
    const SerdNode base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_uri.c_str()));
    serd_env_set_base_uri(env_.get(), &base);
  }

  SerdEnv* env() { return env_.get(); }
  // The first problem, as it follows the file name: ":LINE:COL: what" or ": what".
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  const std::string& error() const { return error_; }

  SerdStatus statement(const SerdNode* graph, const SerdNode* s, const SerdNode* p, const SerdNode* o,
                       const SerdNode* datatype, const SerdNode* lang) {
    OwnedNode gs, ss, ps, os, ds;
    const bool named = graph && graph->type != SERD_NOTHING;
    const bool typed = datatype && datatype->type != SERD_NOTHING;
    const SerdNode* g = named ? expand(graph, gs) : nullptr;
    const SerdNode* dt = typed ? expand(datatype, ds) : nullptr;
    s = expand(s, ss);
    p = expand(p, ps);
    o = expand(o, os);
    if (!s || !p || !o || (named && !g) || (typed && !dt)) return SERD_ERR_BAD_CURIE;
    if (g && g->type == SERD_BLANK) {
      fail(": a graph named by a blank node (_:" + text_of(g) + ") has no IRI to send it to");
      return SERD_ERR_BAD_ARG;
    }
    GraphSink& sink = sink_for(g ? text_of(g) : std::string());
    ++sink.body.statements;
    return serd_writer_write_statement(sink.writer.get(), 0, nullptr, s, p, o, dt, lang);
  }

  std::vector<GraphBody> finish() {
    std::vector<GraphBody> out;
    out.reserve(sinks_.size());
    for (auto& sink : sinks_) {
      serd_writer_finish(sink->writer.get());
      sink->writer.reset();
      out.push_back(std::move(sink->body));
    }
    return out;
  }

 private:
  // Prefixed names are expanded and relative IRIs resolved: N-Triples has full IRIs only.
  const SerdNode* expand(const SerdNode* node, OwnedNode& storage) {
    if (node->type != SERD_URI && node->type != SERD_CURIE) return node;
    storage.reset(serd_env_expand_node(env_.get(), node));
    const SerdNode* full = storage.get();
    if (!full->buf) {
      fail(": cannot expand " + text_of(node) + " (undefined prefix?)");
      return nullptr;
    }
    if (!serd_uri_string_has_scheme(full->buf)) {
      fail(": relative IRI <" + text_of(node) + "> and no base IRI to resolve it against");
      return nullptr;
    }
    return full;
  }

  GraphSink& sink_for(const std::string& graph) {
    const auto [it, added] = index_.try_emplace(graph, sinks_.size());
    if (!added) return *sinks_[it->second];
    auto sink = std::make_unique<GraphSink>();
    sink->body.graph = graph;
    sink->writer.reset(serd_writer_new(SERD_NTRIPLES, SERD_STYLE_BULK, writer_env_.get(), nullptr, append_to_string,
                                       &sink->body.ntriples));
    sinks_.push_back(std::move(sink));
    return *sinks_.back();
  }

  EnvPtr env_, writer_env_;
  std::vector<std::unique_ptr<GraphSink>> sinks_;
  std::unordered_map<std::string, std::size_t> index_;
  std::string error_;
};

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<Splitter*>(handle)->env(), uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<Splitter*>(handle)->env(), name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                        const SerdNode* o, const SerdNode* datatype, const SerdNode* lang) {
  return static_cast<Splitter*>(handle)->statement(graph, s, p, o, datatype, lang);
}

SerdStatus on_error(void* handle, const SerdError* error) {
  char message[512];
  std::vsnprintf(message, sizeof message, error->fmt, *error->args);
  std::string text = message;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  static_cast<Splitter*>(handle)->fail(":" + std::to_string(error->line) + ":" + std::to_string(error->col) + ": " + text);
  return SERD_SUCCESS;
}


ReaderPtr make_reader(Syntax syntax, Splitter& splitter) {
  ReaderPtr reader(serd_reader_new(serd_syntax(syntax), &splitter, nullptr, on_base, on_prefix, on_statement, nullptr));
  // Strict: a lax reader skips what it cannot parse, and a graph with holes would be sent as whole.
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &splitter);
  return reader;
}

std::vector<GraphBody> finish_or_throw(Splitter& splitter, SerdStatus status, const std::string& where) {
  if (!splitter.error().empty()) throw std::runtime_error(where + splitter.error());
  if (status != SERD_SUCCESS)
    throw std::runtime_error(where + ": cannot read the graph (" + reinterpret_cast<const char*>(serd_strerror(status)) + ")");
  return splitter.finish();
}

std::string file_uri(const std::filesystem::path& file) {
  const std::string absolute = std::filesystem::absolute(file).string();
  SerdNode node = serd_node_new_file_uri(reinterpret_cast<const uint8_t*>(absolute.c_str()), nullptr, nullptr, true);
  std::string out = node.buf ? text_of(&node) : std::string();
  serd_node_free(&node);
  return out;
}

}  // namespace

std::vector<GraphBody> split_graph_text(std::string_view text, Syntax syntax) {
  if (text.empty()) return {};
  // Serd 0.30's string source reads past the end of an empty or unterminated document; its file
  // source, used here over the text in memory, stops at the end as it does for a file.
  std::string copy(text);
  const std::unique_ptr<std::FILE, FileCloser> stream(fmemopen(copy.data(), copy.size(), "rb"));
  if (!stream) throw std::runtime_error("graph: cannot read the text in memory");
  Splitter splitter("");
  const auto reader = make_reader(syntax, splitter);
  const SerdStatus status =
      serd_reader_read_file_handle(reader.get(), stream.get(), reinterpret_cast<const uint8_t*>("graph"));
  return finish_or_throw(splitter, status, "graph");
}

std::vector<GraphBody> split_graph_file(const std::filesystem::path& file) {
  const auto syntax = syntax_of_path(file.string());
  if (!syntax) throw std::runtime_error(file.string() + ": unknown graph syntax (expected .ttl, .nt, .nq or .trig)");
  const std::unique_ptr<std::FILE, FileCloser> stream(std::fopen(file.c_str(), "rb"));
  if (!stream) throw std::runtime_error(file.string() + ": cannot open");
  // Relative IRIs in a file are relative to where the file is, as for any RDF parser.
  Splitter splitter(file_uri(file));
  const auto reader = make_reader(*syntax, splitter);
  const SerdStatus status =
      serd_reader_read_file_handle(reader.get(), stream.get(), reinterpret_cast<const uint8_t*>(file.c_str()));
  return finish_or_throw(splitter, status, file.string());
}

}  // namespace kg
