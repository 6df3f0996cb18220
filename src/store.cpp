#include "kgbuild/store.hpp"

#include <sord/sord.h>

#include <optional>
#include <set>
#include <stdexcept>
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

Term to_term(const SordNode* node) {
  const char* text = reinterpret_cast<const char*>(sord_node_get_string(node));
  if (sord_node_get_type(node) != SORD_LITERAL) return Term::iri(text);
  const SordNode* datatype = sord_node_get_datatype(node);
  return Term::literal(text, datatype ? reinterpret_cast<const char*>(sord_node_get_string(datatype)) : "");
}

}  // namespace

// Sord reads a null graph as "any graph" in searches, so the default graph is stored under this
// name and given back as the default graph when written.
constexpr const char* kDefaultGraph = "urn:kgbuild:default-graph";

struct Store::Impl {
  SordWorld* world = nullptr;
  SordModel* model = nullptr;
  std::unordered_set<std::string> seen;
  std::unordered_set<std::string> described;
  std::set<std::string> graphs;  // sorted: the default graph ("") first

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
    sord_world_free(world);
  }

  // Sord wants NUL-terminated strings: views are copied, once per new statement.
  SordNode* make(const TermView& t) const {
    const std::string value(t.value);
    if (t.kind == Term::Kind::iri) return sord_new_uri(world, bytes(value));
    if (t.datatype.empty()) return sord_new_literal(world, nullptr, bytes(value), nullptr);
    NodeRef datatype(world, sord_new_uri(world, bytes(std::string(t.datatype))));
    return sord_new_literal(world, datatype.get(), bytes(value), nullptr);
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
  NodeRef s(impl_->world, impl_->make(q.subject));
  NodeRef p(impl_->world, impl_->make(q.predicate));
  NodeRef o(impl_->world, impl_->make(q.object));
  const std::string graph(q.graph);
  NodeRef g(impl_->world, sord_new_uri(impl_->world, bytes(graph.empty() ? std::string(kDefaultGraph) : graph)));
  SordQuad quad = {s.get(), p.get(), o.get(), g.get()};
  sord_add(impl_->model, quad);
  impl_->graphs.insert(graph);
}

bool Store::first_time(std::string_view key) { return impl_->described.emplace(key).second; }

std::size_t Store::size() const { return sord_num_quads(impl_->model); }

void Store::write(QuadWriter& writer) const {
  // Graph by graph, each through Sord's graph index, so every statement is written in sorted order.
  for (const auto& graph : impl_->graphs) {
    NodeRef g(impl_->world, sord_new_uri(impl_->world, bytes(graph.empty() ? std::string(kDefaultGraph) : graph)));
    IterRef it(sord_search(impl_->model, nullptr, nullptr, nullptr, g.get()));
    if (!it.get()) continue;
    for (; !sord_iter_end(it.get()); sord_iter_next(it.get())) {
      SordQuad quad;
      sord_iter_get(it.get(), quad);
      writer.write(Quad{to_term(quad[SORD_SUBJECT]), to_term(quad[SORD_PREDICATE]), to_term(quad[SORD_OBJECT]), graph});
    }
  }
}

}  // namespace kg
