#pragma once
// Turns an article's entities and facts into RDF: the document, its sentences and claims go to
// the article's own block (a named graph in TriG / N-Quads); entities, direct facts and amounts,
// shared by all articles, go to the default graph. Every statement is a function of the one
// article: the canonical writer (canonical.hpp) sorts them and writes each once.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/article.hpp"
#include "kgbuild/extract.hpp"
#include "kgbuild/rdf.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

using QuadSink = std::function<void(const QuadView&)>;

enum class Provenance { none, claims, graphs };
std::optional<Provenance> provenance_from_string(std::string_view name);

struct GraphOptions {
  std::string base = "https://kgbuild.org/";  // data IRIs: {base}id/, {base}doc/, {base}claim/, {base}amount/
  Provenance provenance = Provenance::claims;
  bool text = true;  // nif:isString on documents
};

// The entities and amounts a builder described lately, so that one named in article after article is
// not described again each time. A fixed-size table of 128-bit hashes: it may forget (the
// description is then given again, and the sort drops the repeat), and it never remembers what it
// was not told, short of a 128-bit collision.
class DescribedCache {
 public:
  explicit DescribedCache(std::size_t slots = std::size_t{1} << 16);
  bool first_time(std::string_view key);

 private:
  struct Slot {
    std::uint64_t low = 0, high = 0;
  };
  std::vector<Slot> slots_;
};

class GraphBuilder {
 public:
  explicit GraphBuilder(GraphOptions options);

  // The article's statements to `sink`. Descriptions of entities and amounts that `described`
  // remembers are left out (nullptr: every one is given).
  void article(const Article& article, const ArticleAnalysis& analysis, const std::vector<Fact>& facts,
               std::int32_t outlet, DescribedCache* described, const QuadSink& sink) const;
  // The same, as a list (for tests and tools; the pipeline streams).
  std::vector<Quad> article(const Article& article, const ArticleAnalysis& analysis, const std::vector<Fact>& facts,
                            std::int32_t outlet, DescribedCache* described = nullptr) const;

  std::string entity_iri(const std::string& name) const;
  std::string document_iri(const Article& article, const std::string& normalized_text) const;
  std::string money_iri(const MoneyAmount& money) const;
  Prefixes prefixes() const;
  const GraphOptions& options() const { return options_; }

 private:
  GraphOptions options_;
};

}  // namespace kg
