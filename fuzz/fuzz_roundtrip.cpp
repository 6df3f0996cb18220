// Fuzz target: a whole article through the pipeline (text, mentions, rules, graph), written by the
// canonical writer (records, sort, type settling, Serd or the line writer) in each of the four
// syntaxes and read back by Serd's strict reader. Every syntax must parse and give back exactly
// the statements built, less the entity types a stronger one settles: no text, however odd, may
// produce output kgbuild (or any other reader) cannot read.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>

#include "kgbuild/canonical.hpp"
#include "kgbuild/input.hpp"
#include "kgbuild/pipeline.hpp"
#include "kgbuild/reader.hpp"
#include "kgbuild/writer.hpp"

namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

kg::Resources& resources() {
  static kg::Resources loaded(KGBUILD_FUZZ_DATA_DIR, {});
  return loaded;
}

kg::Quad without_graph(kg::Quad q) {
  q.graph.clear();
  return q;
}

// The statements written in `syntax` and read back.
std::set<kg::Quad> round_trip(const std::vector<kg::Quad>& quads, const kg::GraphBuilder& builder, kg::Syntax syntax) {
  const std::unique_ptr<std::FILE, FileCloser> file(std::tmpfile());
  if (!file) __builtin_trap();
  {
    kg::CanonicalWriter writer(file.get(), syntax, builder.prefixes());
    for (const auto& q : quads) writer.add(q);
    writer.finish();
  }
  std::rewind(file.get());
  std::set<kg::Quad> read;
  kg::read_quads(file.get(), "round-trip", syntax, [&](kg::ReadQuad&& r) { read.insert(std::move(r.quad)); });
  return read;
}

// An entity type that another, stronger one of the same subject settles away.
bool settled_away(const kg::Quad& q, const std::vector<kg::Quad>& quads) {
  const auto rank = q.predicate.value == std::string(kg::ns::rdf) + "type" ? kg::entity_type_rank(q.object.value) : std::nullopt;
  if (!rank) return false;
  for (const auto& other : quads)
    if (other.subject == q.subject && other.predicate == q.predicate && other.graph == q.graph) {
      const auto other_rank = kg::entity_type_rank(other.object.value);
      if (other_rank && *other_rank > *rank) return true;
    }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::Article article;
  try {
    article = kg::parse_text_article(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  } catch (const kg::InputError&) {
    return 0;
  }
  kg::Resources& r = resources();
  kg::ArticleAnalysis analysis = r.analyze(article, std::nullopt);
  const std::int32_t outlet = r.outlet_entity(article, analysis);
  const auto facts = r.extractor().extract(analysis);
  kg::GraphOptions options;
  options.provenance = kg::Provenance::graphs;
  const kg::GraphBuilder builder(options);
  const std::vector<kg::Quad> built = builder.article(article, analysis, facts, outlet);

  // N-Quads is the reference; it must hold every statement built but the types settled away.
  const std::set<kg::Quad> quads = round_trip(built, builder, kg::Syntax::nquads);
  for (const auto& q : built)
    if (!quads.count(q) && !settled_away(q, built)) __builtin_trap();
  if (round_trip(built, builder, kg::Syntax::trig) != quads) __builtin_trap();
  std::set<kg::Quad> triples;
  for (const auto& q : quads) triples.insert(without_graph(q));
  if (round_trip(built, builder, kg::Syntax::turtle) != triples) __builtin_trap();
  if (round_trip(built, builder, kg::Syntax::ntriples) != triples) __builtin_trap();
  return 0;
}
