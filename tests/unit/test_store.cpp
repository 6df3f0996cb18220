// The shared store: a statement added twice is kept once, and the output is sorted and the same
// whatever order the statements were added in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/store.hpp"
#include "support.hpp"

namespace {

using kg::Quad;
using kg::Syntax;
using kg::Term;

const std::string kId = "https://kgbuild.org/id/";
const std::string kOnt = "https://kgbuild.org/ontology#";

Quad quad(const std::string& s, const std::string& p, Term o, std::string graph = "") {
  return Quad{Term::iri(kId + s), Term::iri(kOnt + p), std::move(o), std::move(graph)};
}

std::string dump(const kg::Store& store, Syntax syntax = Syntax::nquads) {
  return kg::test::written(syntax, [&](kg::QuadWriter& w) { store.write(w); });
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<Quad> sample() {
  return {
      quad("Valdora", "partner", Term::iri(kId + "Harbor")),
      quad("Valdora", "label", Term::literal("Valdora")),
      quad("Harbor", "label", Term::literal("Harbor \"Bank\"")),
      quad("Harbor", "value", Term::typed("6600000000", "decimal")),
      quad("Corvid", "fundedBy", Term::iri(kId + "Valdora")),
      quad("Corvid", "fundedBy", Term::iri(kId + "Harbor")),
      quad("Adler", "competitor", Term::iri(kId + "Corvid")),
      quad("Adler", "label", Term::literal("Adler")),
      quad("Zephyr", "label", Term::literal("Zephyr")),
      quad("Mosaic", "label", Term::literal("Mosaic")),
  };
}

}  // namespace

TEST_CASE("an empty store writes nothing", "[store]") {
  const kg::Store store;
  CHECK(store.size() == 0);
  CHECK(dump(store).empty());
}

TEST_CASE("adding a statement twice keeps one", "[store]") {
  kg::Store store;
  store.add(quad("Valdora", "partner", Term::iri(kId + "Harbor")));
  store.add(quad("Valdora", "partner", Term::iri(kId + "Harbor")));
  CHECK(store.size() == 1);
  store.add(quad("Valdora", "value", Term::typed("5", "decimal")));
  store.add(quad("Valdora", "value", Term::typed("5", "decimal")));
  store.add(quad("Valdora", "label", Term::literal("Valdora")));
  store.add(quad("Valdora", "label", Term::literal("Valdora")));
  CHECK(store.size() == 3);
  CHECK(lines(dump(store)).size() == 3);
}

TEST_CASE("statements that differ in any part are all kept", "[store]") {
  kg::Store store;
  store.add(quad("Valdora", "value", Term::typed("5", "decimal")));
  store.add(quad("Valdora", "value", Term::typed("5", "integer")));  // another datatype
  store.add(quad("Valdora", "value", Term::literal("5")));            // a plain string
  store.add(quad("Valdora", "value", Term::literal("urn:x:5")));      // a string ...
  store.add(quad("Valdora", "value", Term::iri("urn:x:5")));          // ... and an IRI with the same text
  store.add(quad("Valdora", "value", Term::typed("7", "decimal"), "https://kgbuild.org/doc/d1"));  // a named graph
  CHECK(store.size() == 6);
  const std::string out = dump(store);
  CHECK(out.find("\"5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n") != std::string::npos);
  CHECK(out.find("\"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .") != std::string::npos);
  CHECK(out.find("\"5\" .") != std::string::npos);
  CHECK(out.find("\"urn:x:5\" .") != std::string::npos);
  CHECK(out.find("<urn:x:5> .") != std::string::npos);
  CHECK(out.find("\"7\"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://kgbuild.org/doc/d1> .") != std::string::npos);
}

TEST_CASE("statements that differ only in their graph are all kept and written", "[store]") {
  // Known problem (latent: articles only add default-graph statements today). Sord compares a null
  // graph as a wildcard, so a default-graph statement and the same one in a named graph collapse,
  // the survivor depending on the order of adding; and iterating its SPO index skips graphs, so of
  // the same statement in two named graphs only one is written although size() counts both.
  const Quad in_default = quad("Valdora", "label", Term::literal("Valdora"));
  const Quad in_d1 = quad("Valdora", "label", Term::literal("Valdora"), "https://kgbuild.org/doc/d1");
  const Quad in_d2 = quad("Valdora", "label", Term::literal("Valdora"), "https://kgbuild.org/doc/d2");
  kg::Store named_first, default_first;
  named_first.add(in_d1);
  named_first.add(in_default);
  default_first.add(in_default);
  default_first.add(in_d1);
  CHECK(named_first.size() == 2);
  CHECK(default_first.size() == 2);
  CHECK(dump(named_first) == dump(default_first));

  kg::Store two_graphs;
  two_graphs.add(in_d1);
  two_graphs.add(in_d2);
  CHECK(two_graphs.size() == 2);
  CHECK(lines(dump(two_graphs)).size() == 2);
}

TEST_CASE("literals come back with their text and datatype", "[store]") {
  kg::Store store;
  store.add(quad("Harbor", "note", Term::literal("line one\nsaid \"yes\" \\ Soci\xC3\xA9t\xC3\xA9")));
  CHECK(dump(store, Syntax::ntriples) ==
        "<https://kgbuild.org/id/Harbor> <https://kgbuild.org/ontology#note> "
        "\"line one\\nsaid \\\"yes\\\" \\\\ Soci\xC3\xA9t\xC3\xA9\" .\n");
}

TEST_CASE("the output is sorted by subject, then predicate, then object", "[store]") {
  kg::Store store;
  for (const auto& q : sample()) store.add(q);
  const auto out = lines(dump(store, Syntax::ntriples));
  REQUIRE(out.size() == sample().size());
  // Names here are plain letters, so line order is statement order.
  CHECK(std::is_sorted(out.begin(), out.end()));
  CHECK(out.front() == "<https://kgbuild.org/id/Adler> <https://kgbuild.org/ontology#competitor> <https://kgbuild.org/id/Corvid> .");
  CHECK(out.back() == "<https://kgbuild.org/id/Zephyr> <https://kgbuild.org/ontology#label> \"Zephyr\" .");
}

TEST_CASE("the output does not depend on the order of adding", "[store]") {
  auto quads = sample();
  quads.push_back(quad("Valdora", "note", Term::literal("in a graph"), "https://kgbuild.org/doc/d2"));
  kg::Store first;
  for (const auto& q : quads) first.add(q);
  const std::string expected = dump(first);
  std::mt19937 random(20250314);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(quads.begin(), quads.end(), random);
    kg::Store again;
    for (const auto& q : quads) {
      again.add(q);
      again.add(q);  // duplicates do not disturb the order either
    }
    CHECK(again.size() == first.size());
    CHECK(dump(again) == expected);
  }
  // The same store written twice gives the same text.
  CHECK(dump(first) == expected);
}

TEST_CASE("a store keeps working after it was written", "[store]") {
  kg::Store store;
  store.add(quad("Valdora", "label", Term::literal("Valdora")));
  CHECK(lines(dump(store)).size() == 1);
  store.add(quad("Harbor", "label", Term::literal("Harbor")));
  CHECK(store.size() == 2);
  const auto out = lines(dump(store));
  REQUIRE(out.size() == 2);
  CHECK(out[0].rfind("<https://kgbuild.org/id/Harbor>", 0) == 0);
}
