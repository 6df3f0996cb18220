#pragma once
// Turns an article's entities and facts into RDF: the document, its sentences and claims go to
// the article's own block (a named graph in TriG / N-Quads); entities, direct facts and amounts,
// shared by all articles, go to the store so each is written once.
#include <functional>
#include <string>
#include <vector>

#include "kgbuild/article.hpp"
#include "kgbuild/extract.hpp"
#include "kgbuild/rdf.hpp"
#include "kgbuild/store.hpp"
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

class GraphBuilder {
 public:
  explicit GraphBuilder(GraphOptions options);

  // The article's statements, grouped by subject, to `sink`; shared ones are added to `shared` instead.
  void article(const Article& article, const ArticleAnalysis& analysis, const std::vector<Fact>& facts,
               std::int32_t outlet, Store& shared, const QuadSink& sink) const;
  // The same, as a list (for tests and tools; the pipeline streams).
  std::vector<Quad> article(const Article& article, const ArticleAnalysis& analysis, const std::vector<Fact>& facts,
                            std::int32_t outlet, Store& shared) const;

  std::string entity_iri(const std::string& name) const;
  std::string document_iri(const Article& article, const std::string& normalized_text) const;
  std::string money_iri(const MoneyAmount& money) const;
  Prefixes prefixes() const;
  const GraphOptions& options() const { return options_; }

 private:
  GraphOptions options_;
};

}  // namespace kg
