// Reading graph files back: every syntax kgbuild writes comes back as the same statements, and
// problems are located in the file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

#include "kgbuild/reader.hpp"
#include "kgbuild/writer.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;

using kg::test::TempDir;

std::set<kg::Quad> sample() {
  const std::string id = "https://kgbuild.org/id/";
  return {
      kg::Quad{kg::Term::iri(id + "Harbor"), kg::Term::iri("https://kgbuild.org/ontology#fundedBy"), kg::Term::iri(id + "Sequoia"), ""},
      kg::Quad{kg::Term::iri(id + "Harbor"), kg::Term::iri("http://www.w3.org/2000/01/rdf-schema#label"),
               kg::Term::literal("Harbor \"Robotics\"\nLtd"), ""},
      kg::Quad{kg::Term::iri("https://kgbuild.org/claim/1"), kg::Term::iri("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"),
               kg::Term::typed("12", "nonNegativeInteger"), "https://kgbuild.org/doc/d1"},
  };
}

std::set<kg::Quad> round_trip(kg::Syntax syntax, const fs::path& file) {
  {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    REQUIRE(f);
    kg::QuadWriter writer(f, syntax, {{"kge", "https://kgbuild.org/id/"}, {"kg", "https://kgbuild.org/ontology#"}});
    for (const auto& q : sample()) writer.write(q);
    writer.finish();
    std::fclose(f);
  }
  std::set<kg::Quad> read;
  kg::read_quads(file.string(), syntax, [&](kg::ReadQuad&& r) { read.insert(std::move(r.quad)); });
  return read;
}

}  // namespace

TEST_CASE("every syntax written reads back as the same statements", "[reader]") {
  TempDir dir;
  auto without_graphs = sample();
  std::set<kg::Quad> triples;
  for (auto q : without_graphs) {
    q.graph.clear();
    triples.insert(q);
  }
  CHECK(round_trip(kg::Syntax::nquads, dir.path() / "g.nq") == sample());
  CHECK(round_trip(kg::Syntax::trig, dir.path() / "g.trig") == sample());
  CHECK(round_trip(kg::Syntax::turtle, dir.path() / "g.ttl") == triples);
  CHECK(round_trip(kg::Syntax::ntriples, dir.path() / "g.nt") == triples);
}

TEST_CASE("the syntax of a file comes from its name", "[reader]") {
  CHECK(kg::syntax_of_path("a/graph.trig") == kg::Syntax::trig);
  CHECK(kg::syntax_of_path("graph.nq") == kg::Syntax::nquads);
  CHECK(kg::syntax_of_path("graph.ttl") == kg::Syntax::turtle);
  CHECK(kg::syntax_of_path("graph.nt") == kg::Syntax::ntriples);
  CHECK_FALSE(kg::syntax_of_path("graph.rdf").has_value());
  CHECK_FALSE(kg::syntax_of_path("graph").has_value());
}

TEST_CASE("a syntax error is reported with file, line and column", "[reader]") {
  TempDir dir;
  const fs::path file = dir.path() / "bad.ttl";
  std::ofstream(file) << "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n";
  try {
    kg::read_quads(file.string(), kg::Syntax::turtle, [](kg::ReadQuad&&) {});
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains(file.string() + ":3:"));
  }
}

TEST_CASE("blank nodes are refused when asked, with the statement's number", "[reader]") {
  TempDir dir;
  const fs::path file = dir.path() / "blank.ttl";
  std::ofstream(file) << "<http://e.org/a> <http://e.org/p> \"x\" .\n<http://e.org/a> <http://e.org/p> _:b .\n";
  std::size_t seen = 0;
  kg::read_quads(file.string(), kg::Syntax::turtle, [&](kg::ReadQuad&&) { ++seen; });
  CHECK(seen == 2);
  CHECK_THROWS_WITH(kg::read_quads(file.string(), kg::Syntax::turtle, [](kg::ReadQuad&&) {}, false),
                    Catch::Contains("statement 2: blank nodes"));
}

TEST_CASE("prefixed names and relative IRIs are expanded", "[reader]") {
  TempDir dir;
  const fs::path file = dir.path() / "prefixed.ttl";
  std::ofstream(file) << "@base <http://example.org/base/> .\n@prefix kg: <https://kgbuild.org/ontology#> .\n<a> kg:fundedBy <b> .\n";
  std::set<kg::Quad> read;
  kg::read_quads(file.string(), kg::Syntax::turtle, [&](kg::ReadQuad&& r) { read.insert(std::move(r.quad)); });
  REQUIRE(read.size() == 1);
  CHECK(read.begin()->subject.value == "http://example.org/base/a");
  CHECK(read.begin()->predicate.value == "https://kgbuild.org/ontology#fundedBy");
  CHECK(read.begin()->object.value == "http://example.org/base/b");
}
