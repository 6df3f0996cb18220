#include "kgbuild/store.hpp"

#include <sord/sord.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace kg {

namespace {

// Owns one reference to a Sord node.
class NodeRef {
 public:
  NodeRef(SordWorld* world, SordNode* node) : world_(world), node_(node) {
    if (!node_) throw std::runtime_error("sord: cannot create node");
  }
  ~NodeRef() { sord_node_free(world_, node_); }
  NodeRef(const NodeRef&) = delete;
  NodeRef& operator=(const NodeRef&) = delete;
  SordNode* get() const { return node_; }

 private:
  SordWorld* world_;
  SordNode* node_;
};

// Owns a Sord iterator: a leaked one makes every later add log "added tuple during iteration".
class IterRef {
 public:
  explicit IterRef(SordIter* iter) : iter_(iter) {}
  ~IterRef() { sord_iter_free(iter_); }
  IterRef(const IterRef&) = delete;
  IterRef& operator=(const IterRef&) = delete;
  SordIter* get() const { return iter_; }

 private:
  SordIter* iter_;
};

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.c_str()); }

std::string_view text_of(const SordNode* node) {
  std::size_t length = 0;
  const uint8_t* text = sord_node_get_string_counted(node, &length);
  return {reinterpret_cast<const char*>(text), length};
}

TermView view_of(const SordNode* node) {
  if (sord_node_get_type(node) != SORD_LITERAL) return TermView::iri(text_of(node));
  const SordNode* datatype = sord_node_get_datatype(node);
  return TermView::literal(text_of(node), datatype ? text_of(datatype) : std::string_view());
}

// Heterogeneous look-up: a view finds a string key without being copied into one.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

// Sord reads a null graph as "any graph" in searches, so the default graph is stored under this
// name and given back as the default graph when written.
constexpr const char* kDefaultGraph = "urn:kgbuild:default-graph";

struct Store::Impl {
  SordWorld* world = nullptr;
  SordModel* model = nullptr;
  std::unordered_set<std::string> seen;
  std::unordered_set<std::string> described;
  std::set<std::string, std::less<>> graphs;  // sorted: the default graph ("") first
  // IRIs recur across statements (predicates, the graph, entities): each Sord node is made once
  // and kept here with one reference, rather than asking Sord to count and intern its text again.
  std::unordered_map<std::string, SordNode*, TextHash, std::equal_to<>> iris;

  Impl() {
    world = sord_world_new();
    model = world ? sord_new(world, SORD_SPO, true) : nullptr;
    if (!model) {
      if (world) sord_world_free(world);
      throw std::runtime_error("sord: cannot create the model");
    }
  }
  ~Impl() {
    sord_free(model);  // before the world, which owns the nodes
    for (const auto& [text, node] : iris) sord_node_free(world, node);
    sord_world_free(world);
  }

  // The node of an IRI, kept for the store's lifetime.
  SordNode* iri(std::string_view text) {
    if (const auto it = iris.find(text); it != iris.end()) return it->second;
    std::string key(text);  // NUL-terminated, as Sord wants it
    SordNode* node = sord_new_uri(world, bytes(key));
    if (!node) throw std::runtime_error("sord: cannot create node");
    iris.emplace(std::move(key), node);
    return node;
  }

  // A literal: made for its statement (literals rarely recur), freed by the caller.
  SordNode* literal(const TermView& t) {
    const std::string value(t.value);
    if (t.datatype.empty()) return sord_new_literal(world, nullptr, bytes(value), nullptr);
    return sord_new_literal(world, iri(t.datatype), bytes(value), nullptr);
  }
};

Store::Store() : impl_(std::make_unique<Impl>()) {}
Store::~Store() = default;

void Store::add(const QuadView& q) {
  // Entities and facts come back in article after article: a string set is much cheaper than
  // Sord's node interning and index search for the statements it already holds.
  std::string key;
  key.reserve(q.subject.value.size() + q.predicate.value.size() + q.object.value.size() + q.object.datatype.size() + 4);
  key.append(q.subject.value).append(1, '\0').append(q.predicate.value).append(1, '\0').append(q.object.value);
  key.append(1, q.object.kind == Term::Kind::iri ? '\1' : '\2').append(q.object.datatype).append(1, '\0').append(q.graph);
  if (!impl_->seen.insert(std::move(key)).second) return;
  SordNode* s = impl_->iri(q.subject.value);
  SordNode* p = impl_->iri(q.predicate.value);
  SordNode* g = impl_->iri(q.graph.empty() ? std::string_view(kDefaultGraph) : q.graph);
  if (q.object.kind == Term::Kind::iri) {
    SordQuad quad = {s, p, impl_->iri(q.object.value), g};
    sord_add(impl_->model, quad);
  } else {
    NodeRef o(impl_->world, impl_->literal(q.object));
    SordQuad quad = {s, p, o.get(), g};
    sord_add(impl_->model, quad);
  }
  if (impl_->graphs.find(q.graph) == impl_->graphs.end()) impl_->graphs.emplace(q.graph);
}

bool Store::first_time(std::string_view key) { return impl_->described.emplace(key).second; }

std::size_t Store::size() const { return sord_num_quads(impl_->model); }

void Store::write(QuadWriter& writer) const {
  // Graph by graph, each through Sord's graph index, so every statement is written in sorted order.
  for (const auto& graph : impl_->graphs) {
    SordNode* g = impl_->iri(graph.empty() ? std::string_view(kDefaultGraph) : graph);
    IterRef it(sord_search(impl_->model, nullptr, nullptr, nullptr, g));
    if (!it.get()) continue;
    for (; !sord_iter_end(it.get()); sord_iter_next(it.get())) {
      SordQuad quad;
      sord_iter_get(it.get(), quad);
      writer.write(QuadView{view_of(quad[SORD_SUBJECT]), view_of(quad[SORD_PREDICATE]), view_of(quad[SORD_OBJECT]), graph});
    }
  }
}

}  // namespace kg
