#pragma once
// The one form kgbuild writes a graph in, whether the statements come from articles (extract),
// from graph files (merge) or from both (extract --into): every statement once, in record order
// (records.hpp), and each entity with one type. The same statements in any order, from any number
// of shards, give the same bytes.
#include <cstdio>
#include <memory>
#include <optional>
#include <string_view>

#include "kgbuild/rdf.hpp"
#include "kgbuild/records.hpp"
#include "kgbuild/sorter.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

// An entity typed differently by different articles ("Carlos Rutte" a Person in one, a Product in
// another) keeps one type, whatever the order the articles came in: the one with positive evidence
// behind it rather than the default, Country > Person > Product > Organization (Organization is
// what a name with no cue is taken for). nullopt: not one of the entity classes.
std::optional<int> entity_type_rank(std::string_view class_iri);

class CanonicalWriter {
 public:
  // `threads` write blocks of the sorted output at once; the bytes do not depend on it.
  CanonicalWriter(std::FILE* stream, Syntax syntax, const Prefixes& prefixes, SortOptions sort = {}, std::size_t threads = 1);
  ~CanonicalWriter();
  CanonicalWriter(const CanonicalWriter&) = delete;
  CanonicalWriter& operator=(const CanonicalWriter&) = delete;

  void add(const QuadView& quad);  // in any order; repeats are written once
  void add(const RecordBatch& batch);  // records made with codec(); copied into the sort
  const RecordCodec& codec() const;
  // Sorts (merging what went to disk) and writes everything; returns the statements written.
  std::size_t finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
