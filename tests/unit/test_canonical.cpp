// The canonical writer (and the record sort under it): a statement added twice is written once, the
// output is sorted and the same whatever order the statements came in and however many runs the
// sort spilled to disk, and an entity typed two ways keeps one type.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/canonical.hpp"
#include "kgbuild/records.hpp"
#include "kgbuild/sorter.hpp"
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

// What a canonical writer writes of `quads`; memory in bytes (small: the sort spills to disk).
std::string dump(const std::vector<Quad>& quads, Syntax syntax = Syntax::nquads, std::size_t memory = kg::kDefaultSortMemory) {
  return kg::test::written_to_file([&](std::FILE* f) {
    kg::SortOptions sort;
    sort.memory = memory;
    kg::CanonicalWriter writer(f, syntax, {}, sort);
    for (const auto& q : quads) writer.add(q);
    writer.finish();
  });
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

TEST_CASE("nothing in, nothing out", "[canonical]") { CHECK(dump({}).empty()); }

TEST_CASE("adding a statement twice writes it once", "[canonical]") {
  std::vector<Quad> quads;
  for (int i = 0; i < 2; ++i) {
    quads.push_back(quad("Valdora", "partner", Term::iri(kId + "Harbor")));
    quads.push_back(quad("Valdora", "value", Term::typed("5", "decimal")));
    quads.push_back(quad("Valdora", "label", Term::literal("Valdora")));
  }
  CHECK(lines(dump(quads)).size() == 3);
  CHECK(lines(dump(quads, Syntax::nquads, 64)).size() == 3);  // repeats in separate runs too
}

TEST_CASE("statements that differ in any part are all kept", "[canonical]") {
  const std::vector<Quad> quads = {
      quad("Valdora", "value", Term::typed("5", "decimal")),
      quad("Valdora", "value", Term::typed("5", "integer")),  // another datatype
      quad("Valdora", "value", Term::literal("5")),            // a plain string
      quad("Valdora", "value", Term::literal("urn:x:5")),      // a string ...
      quad("Valdora", "value", Term::iri("urn:x:5")),          // ... and an IRI with the same text
      quad("Valdora", "value", Term::typed("7", "decimal"), "https://kgbuild.org/doc/d1"),  // a named graph
  };
  const std::string out = dump(quads);
  CHECK(lines(out).size() == 6);
  CHECK(out.find("\"5\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n") != std::string::npos);
  CHECK(out.find("\"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .") != std::string::npos);
  CHECK(out.find("\"5\" .") != std::string::npos);
  CHECK(out.find("\"urn:x:5\" .") != std::string::npos);
  CHECK(out.find("<urn:x:5> .") != std::string::npos);
  CHECK(out.find("\"7\"^^<http://www.w3.org/2001/XMLSchema#decimal> <https://kgbuild.org/doc/d1> .") != std::string::npos);
}

TEST_CASE("statements that differ only in their graph are all kept, the default graph first", "[canonical]") {
  const Quad in_default = quad("Valdora", "label", Term::literal("Valdora"));
  const Quad in_d1 = quad("Valdora", "label", Term::literal("Valdora"), "https://kgbuild.org/doc/d1");
  const Quad in_d2 = quad("Valdora", "label", Term::literal("Valdora"), "https://kgbuild.org/doc/d2");
  const auto out = lines(dump({in_d2, in_d1, in_default}));
  REQUIRE(out.size() == 3);
  CHECK(out[0].find("doc/d") == std::string::npos);
  CHECK(out[1].find("doc/d1") != std::string::npos);
  CHECK(out[2].find("doc/d2") != std::string::npos);
  CHECK(dump({in_d1, in_default, in_d2}) == dump({in_default, in_d2, in_d1}));
  // Without graphs in the syntax, the three are one statement.
  CHECK(lines(dump({in_d2, in_d1, in_default}, Syntax::ntriples)).size() == 1);
}

TEST_CASE("literals come back with their text and datatype, control bytes included", "[canonical]") {
  CHECK(dump({quad("Harbor", "note", Term::literal("line one\nsaid \"yes\" \\ Soci\xC3\xA9t\xC3\xA9"))}, Syntax::ntriples) ==
        "<https://kgbuild.org/id/Harbor> <https://kgbuild.org/ontology#note> "
        "\"line one\\nsaid \\\"yes\\\" \\\\ Soci\xC3\xA9t\xC3\xA9\" .\n");
  // The bytes the records use as field ends and escapes survive, and keep their order.
  const std::string zero("a\0b", 3), one("a\1b", 3);
  kg::RecordScratch scratch;
  const kg::RecordCodec plain, coded(kg::Prefixes{{"kge", kId}, {"kg", kOnt}, {"odd", std::string("urn:\2")}});
  const auto same = [](const kg::QuadView& a, const Quad& b) {
    return a.graph == b.graph && a.subject.value == b.subject.value && a.predicate.value == b.predicate.value &&
           a.object.kind == b.object.kind && a.object.value == b.object.value && a.object.datatype == b.object.datatype;
  };
  for (const kg::RecordCodec* codec : {&plain, &coded})
    for (const std::string& value : {zero, one, std::string("a\1\1\0\2", 5), std::string("\2"), std::string()}) {
      for (const Quad& q : {quad("Harbor", "note", Term::literal(value), "g\1"),
                            Quad{Term::iri(std::string("urn:\2") + value), Term::iri(kOnt + value), Term::iri(kId),
                                 kId + value},
                            Quad{Term::iri(kId), Term::iri(kOnt), Term::literal(kId + value, kOnt + value), ""}}) {
        std::string record;
        codec->append(q, record);
        CHECK(same(codec->decode(record, scratch), q));
      }
    }
  // Coded records are shorter.
  std::string long_form, short_form;
  plain.append(quad("Harbor", "note", Term::iri(kId + "Valdora")), long_form);
  coded.append(quad("Harbor", "note", Term::iri(kId + "Valdora")), short_form);
  CHECK(short_form.size() + 50 < long_form.size());
  std::string r0, r1, r2;
  plain.append(quad("H", "note", Term::literal(zero)), r0);
  plain.append(quad("H", "note", Term::literal(one)), r1);
  plain.append(quad("H", "note", Term::literal("a")), r2);
  CHECK(r2 < r0);  // a prefix first, as in the values
  CHECK(r0 < r1);
}

TEST_CASE("the output is sorted by graph, subject, predicate, then object", "[canonical]") {
  const auto out = lines(dump(sample(), Syntax::ntriples));
  REQUIRE(out.size() == sample().size());
  // Names here are plain letters, so line order is statement order.
  CHECK(std::is_sorted(out.begin(), out.end()));
  CHECK(out.front() == "<https://kgbuild.org/id/Adler> <https://kgbuild.org/ontology#competitor> <https://kgbuild.org/id/Corvid> .");
  CHECK(out.back() == "<https://kgbuild.org/id/Zephyr> <https://kgbuild.org/ontology#label> \"Zephyr\" .");
}

TEST_CASE("the output does not depend on the order of adding, nor on the runs spilled", "[canonical]") {
  auto quads = sample();
  quads.push_back(quad("Valdora", "note", Term::literal("in a graph"), "https://kgbuild.org/doc/d2"));
  for (int i = 0; i < 300; ++i) quads.push_back(quad("N" + std::to_string(i), "label", Term::literal(std::to_string(i))));
  const std::string expected = dump(quads);
  std::mt19937 random(20250314);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(quads.begin(), quads.end(), random);
    auto twice = quads;
    twice.insert(twice.end(), quads.begin(), quads.end());  // duplicates do not disturb the order either
    CHECK(dump(twice) == expected);
    // A budget of a few records: hundreds of runs, merged in rounds of at most 64.
    CHECK(dump(twice, Syntax::nquads, 400) == expected);
  }
  for (Syntax syntax : {Syntax::turtle, Syntax::trig, Syntax::ntriples})
    CHECK(dump(quads, syntax, 400) == dump(quads, syntax));
}

TEST_CASE("an entity typed two ways keeps the type with evidence behind it", "[canonical]") {
  const std::string rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  auto typed = [&](const std::string& s, const std::string& cls) {
    return Quad{Term::iri(kId + s), Term::iri(rdf_type), Term::iri(kOnt + cls), ""};
  };
  const std::vector<Quad> quads = {typed("Rutte", "Product"), typed("Rutte", "Person"), typed("Rutte", "Organization"),
                                   typed("Wren", "Organization"), typed("Wren", "Product"), typed("Adler", "Organization"),
                                   typed("Doc", "Document"), typed("Doc", "Organization"),
                                   quad("Rutte", "label", Term::literal("Rutte"))};
  const std::string out = dump(quads, Syntax::ntriples);
  const auto has = [&](const std::string& s, const std::string& cls) {
    return out.find("<" + kId + s + "> <" + rdf_type + "> <" + kOnt + cls + "> .") != std::string::npos;
  };
  CHECK(has("Rutte", "Person"));
  CHECK_FALSE(has("Rutte", "Product"));
  CHECK_FALSE(has("Rutte", "Organization"));
  CHECK(has("Wren", "Product"));
  CHECK_FALSE(has("Wren", "Organization"));
  CHECK(has("Adler", "Organization"));
  CHECK(has("Doc", "Document"));  // a class that is no entity type is kept as it is
  CHECK(has("Doc", "Organization"));
  CHECK(out.find("\"Rutte\"") != std::string::npos);
  CHECK(lines(out).size() == 6);
  CHECK(kg::entity_type_rank(kOnt + "Country") > kg::entity_type_rank(kOnt + "Person"));
  CHECK_FALSE(kg::entity_type_rank(kOnt + "Document"));
}

TEST_CASE("a sorter over budget spills runs and merges them in rounds", "[canonical][sorter]") {
  kg::StatementSorter sorter(kg::SortOptions{400, {}});
  std::vector<std::string> records;
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i) {
    std::string record;
    kg::RecordCodec().append(quad("N" + std::to_string(random() % 1000), "label", Term::literal("x")), record);
    records.push_back(record);
    sorter.add(record);
  }
  CHECK(sorter.runs() > 64);  // more than one round of merging
  std::vector<std::string> out;
  sorter.finish([&](std::string_view record) { out.emplace_back(record); });
  std::sort(records.begin(), records.end());
  records.erase(std::unique(records.begin(), records.end()), records.end());
  CHECK(out == records);
}

TEST_CASE("a temporary folder that does not exist is an error that says where", "[canonical]") {
  kg::StatementSorter sorter(kg::SortOptions{64, "/nonexistent/kgbuild-temp"});
  const auto batch = [] {
    kg::RecordBatch b;
    b.add(quad("A", "label", Term::literal("a")), kg::RecordCodec());
    return b;
  };
  sorter.add(batch());
  try {
    sorter.add(batch());  // the budget is spent: a run is spilled
    FAIL("no error");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("/nonexistent/kgbuild-temp") != std::string::npos);
  }
}
