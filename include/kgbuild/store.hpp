#pragma once
// The in-memory store: a Sord model behind RAII, holding what is shared across articles
// (entities, direct facts, amounts) so that each is written once, in sorted order.
#include <memory>
#include <string_view>

#include "kgbuild/rdf.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

class Store {
 public:
  Store();
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  void add(const QuadView& quad);  // adding a statement twice keeps one
  // True the first time a key is seen: lets callers skip describing an entity or an amount again.
  bool first_time(std::string_view key);
  std::size_t size() const;
  void write(QuadWriter& writer) const;  // in sorted order, every statement with its graph

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
