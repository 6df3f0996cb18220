// Scoring a graph against gold facts: precision, recall and F1, the missed and unexpected lists,
// symmetric properties, optional ("?") gold lines, aliases, amounts with ranges and "up to".
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/eval.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

const fs::path kData = fs::path(KGBUILD_SOURCE_DIR) / "tests" / "data" / "eval";

using kg::test::TempDir;

const char* const kPrefixes =
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix kg: <https://kgbuild.org/ontology#> .\n"
    "@prefix kge: <https://kgbuild.org/id/> .\n"
    "@prefix kgm: <https://kgbuild.org/amount/> .\n";

// A graph where Valdora raised one amount, given as Turtle predicate-object pairs of the amount.
std::string raised_graph(const std::string& amount) {
  return std::string(kPrefixes) + "kge:Valdora rdfs:label \"Valdora\" ; kg:raised kgm:a .\nkgm:a " + amount + " .\n";
}

// Does the gold amount spec match the graph's amount?
bool amount_hit(const std::string& gold_amount, const std::string& graph_amount) {
  const TempDir dir;
  kg::EvalOptions options;
  options.gold = dir.write("gold.tsv", "Valdora\traised\t-\t" + gold_amount + "\n");
  options.graph = dir.write("graph.ttl", raised_graph(graph_amount));
  const kg::EvalReport report = kg::evaluate(options);
  REQUIRE(report.amounts.expected == 1);
  REQUIRE(report.amounts.found == 1);
  return report.amounts.recalled == 1;
}

std::string error_of(const kg::EvalOptions& options) {
  try {
    kg::evaluate(options);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  FAIL("expected evaluate to throw");
  return {};
}

kg::EvalReport fixture_report() {
  kg::EvalOptions options;
  options.gold = (kData / "gold.tsv").string();
  options.graph = (kData / "graph.ttl").string();
  return kg::evaluate(options);
}

}  // namespace

TEST_CASE("relations: precision, recall and F1", "[eval]") {
  const kg::EvalReport r = fixture_report();
  // Graph: partner, fundedBy, competitor, acquiredBy, country, chair. Gold: five required
  // (ceo is missed), "?product" not in the graph, "?chair" in it.
  CHECK(r.relations.found == 6);
  CHECK(r.relations.expected == 5);
  CHECK(r.relations.recalled == 4);
  CHECK(r.relations.counted == 5);  // the optional chair fact is not counted
  CHECK(r.relations.correct == 4);
  CHECK(r.relations.precision == Approx(0.8));
  CHECK(r.relations.recall == Approx(0.8));
  CHECK(r.relations.f1 == Approx(0.8));
}

TEST_CASE("amounts: values, ranges, up to, and claim amounts", "[eval]") {
  const kg::EvalReport r = fixture_report();
  CHECK(r.amounts.found == 3);
  CHECK(r.amounts.expected == 3);
  CHECK(r.amounts.recalled == 3);
  CHECK(r.amounts.correct == 3);
  CHECK(r.amounts.precision == Approx(1.0));
  CHECK(r.amounts.recall == Approx(1.0));
  CHECK(r.amounts.f1 == Approx(1.0));
}

TEST_CASE("missed and unexpected facts are listed", "[eval]") {
  const kg::EvalReport r = fixture_report();
  CHECK(r.missed == std::vector<std::string>{"missed      Valdora\tceo\tInes Moreau"});
  REQUIRE(r.unexpected.size() == 1);
  CHECK_THAT(r.unexpected[0], StartsWith("unexpected  "));
  CHECK_THAT(r.unexpected[0], Contains("country"));
  CHECK_THAT(r.unexpected[0], Contains("harborland"));
  // Optional lines are never missed, facts they allow never unexpected.
  for (const auto& line : r.missed) CHECK_THAT(line, !Contains("product"));
  for (const auto& line : r.unexpected) CHECK_THAT(line, !Contains("chair"));
}

TEST_CASE("scores per property", "[eval]") {
  const kg::EvalReport r = fixture_report();
  REQUIRE(r.by_property.count("partner"));
  CHECK(r.by_property.at("partner").f1 == Approx(1.0));
  // acquiredBy: the plain fact and its amount, both right.
  REQUIRE(r.by_property.count("acquiredBy"));
  CHECK(r.by_property.at("acquiredBy").expected == 2);
  CHECK(r.by_property.at("acquiredBy").recalled == 2);
  REQUIRE(r.by_property.count("ceo"));
  CHECK(r.by_property.at("ceo").recall == Approx(0.0));
  REQUIRE(r.by_property.count("country"));
  CHECK(r.by_property.at("country").precision == Approx(0.0));
  // Properties with nothing expected and nothing counted are left out.
  CHECK(r.by_property.count("product") == 0);
  CHECK(r.by_property.count("chair") == 0);
  CHECK(r.by_property.count("founder") == 0);
}

TEST_CASE("symmetric properties match in either direction, others do not", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", std::string(kPrefixes) +
                                         "kge:Adler kg:partner kge:Valdora ; kg:competitor kge:Harbor ; kg:fundedBy kge:Corvid .\n");
  options.gold = dir.write("gold.tsv",
                           "Valdora\tpartner\tAdler\n"
                           "Harbor\tcompetitor\tAdler\n"
                           "Corvid\tfundedBy\tAdler\n");
  const kg::EvalReport r = kg::evaluate(options);
  CHECK(r.relations.recalled == 2);
  CHECK(r.missed == std::vector<std::string>{"missed      Corvid\tfundedBy\tAdler"});
  REQUIRE(r.unexpected.size() == 1);
  CHECK_THAT(r.unexpected[0], Contains("adler\tfundedBy\tcorvid"));
}

TEST_CASE("a gold predicate may accept alternatives", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", std::string(kPrefixes) + "kge:Valdora kg:founder kge:Ines_Moreau .\n");
  options.gold = dir.write("gold.tsv", "Valdora\tceo|founder\tInes Moreau\n");
  const kg::EvalReport r = kg::evaluate(options);
  CHECK(r.relations.recalled == 1);
  CHECK(r.relations.precision == Approx(1.0));
}

TEST_CASE("names are compared folded, legal forms dropped, aliases applied", "[eval][aliases]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", std::string(kPrefixes) +
                                         "kge:X rdfs:label \"SOCI\xC3\x89T\xC3\x89 Harbor, Inc.\" ; kg:partner kge:Y .\n"
                                         "kge:Y rdfs:label \"Adler   N.V.\" .\n");
  options.gold = dir.write("gold.tsv", "Societe harbor\tpartner\tadler\n");
  CHECK(kg::evaluate(options).relations.recalled == 1);

  // Without the alias file the short name "VG" is not "Valdora Group".
  kg::EvalOptions aliased;
  aliased.graph = (kData / "aliased.nt").string();
  aliased.gold = (kData / "aliased.gold.tsv").string();
  CHECK(kg::evaluate(aliased).relations.recalled == 0);
  aliased.aliases = (kData / "aliases.tsv").string();
  const kg::EvalReport r = kg::evaluate(aliased);
  CHECK(r.relations.recalled == 1);
  CHECK(r.relations.f1 == Approx(1.0));
}

TEST_CASE("gold amounts against graph amounts", "[eval][amounts]") {
  const std::string value5 = "kg:currency \"USD\" ; kg:value \"5000000000\"^^xsd:decimal";
  CHECK(amount_hit("5e9 USD", value5));
  CHECK(amount_hit("5000000000 usd", value5));  // currency case does not matter
  CHECK(amount_hit("5.02e9 USD", value5));      // within half a percent
  CHECK_FALSE(amount_hit("5.1e9 USD", value5));
  CHECK_FALSE(amount_hit("5e9 EUR", value5));
  CHECK(amount_hit("4e9 EUR|5e9 USD", value5));  // alternatives
  CHECK(amount_hit("..5e9 USD", value5));        // "up to" in the gold, a plain value in the graph
  CHECK(amount_hit("5e9.. USD", value5));

  const std::string upto5 = "kg:currency \"USD\" ; kg:maxValue \"5000000000\"^^xsd:decimal";
  CHECK(amount_hit("..5e9 USD", upto5));
  CHECK(amount_hit("5e9 USD", upto5));  // the gold gives the figure, the graph says "up to" it
  CHECK_FALSE(amount_hit("5e9.. USD", upto5));
  CHECK_FALSE(amount_hit("..4e9 USD", upto5));

  const std::string atleast1 = "kg:currency \"USD\" ; kg:minValue \"1000000000\"^^xsd:decimal";
  CHECK(amount_hit("1e9.. USD", atleast1));
  CHECK_FALSE(amount_hit("..1e9 USD", atleast1));

  const std::string range = "kg:currency \"USD\" ; kg:minValue \"1000000000\"^^xsd:decimal ; kg:maxValue \"2000000000\"^^xsd:decimal";
  CHECK(amount_hit("1e9..2e9 USD", range));
  CHECK_FALSE(amount_hit("1e9..3e9 USD", range));
  CHECK(amount_hit("..2e9 USD", range));
  CHECK(amount_hit("1e9.. USD", range));
}

TEST_CASE("graphs in N-Triples are read too", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.nt",
                            "<https://kgbuild.org/id/Valdora> <https://kgbuild.org/ontology#partner> <https://kgbuild.org/id/Adler_Bank> .\n");
  options.gold = dir.write("gold.tsv", "Adler Bank\tpartner\tValdora\n");
  CHECK(kg::evaluate(options).relations.recalled == 1);
}

TEST_CASE("an empty graph recalls nothing", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", kPrefixes);
  options.gold = dir.write("gold.tsv", "Valdora\tpartner\tAdler\nValdora\traised\t-\t5e9 USD\n");
  const kg::EvalReport r = kg::evaluate(options);
  CHECK(r.relations.recall == Approx(0.0));
  CHECK(r.relations.f1 == Approx(0.0));
  CHECK(r.amounts.recall == Approx(0.0));
  CHECK(r.missed.size() == 2);
  CHECK(r.unexpected.empty());
}

TEST_CASE("bad gold files and graphs are errors with file and line", "[eval][errors]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", kPrefixes);
  SECTION("too few columns") {
    options.gold = dir.write("gold.tsv", "# header\nValdora\tpartner\tAdler\nValdora partner Adler\n");
    const std::string what = error_of(options);
    CHECK_THAT(what, StartsWith(options.gold + ":3: "));
    CHECK_THAT(what, Contains("tab-separated"));
  }
  SECTION("an amount that is not a number") {
    options.gold = dir.write("gold.tsv", "Valdora\traised\t-\tfive USD\n");
    const std::string what = error_of(options);
    CHECK_THAT(what, StartsWith(options.gold + ":1: "));
    CHECK_THAT(what, Contains("five USD"));
  }
  SECTION("an amount without a currency") {
    options.gold = dir.write("gold.tsv", "\nValdora\traised\t-\t5e9\n");
    CHECK_THAT(error_of(options), StartsWith(options.gold + ":2: "));
  }
  SECTION("no gold file") {
    options.gold = (fs::temp_directory_path() / "kgbuild-no-such-gold.tsv").string();
    CHECK_THAT(error_of(options), Contains("kgbuild-no-such-gold.tsv"));
  }
  SECTION("a graph that is not Turtle") {
    options.gold = dir.write("gold.tsv", "Valdora\tpartner\tAdler\n");
    options.graph = dir.write("broken.ttl", "kge:Valdora kg:partner .\n");
    CHECK_THAT(error_of(options), Contains("broken.ttl"));
  }
  SECTION("no alias file") {
    options.gold = dir.write("gold.tsv", "Valdora\tpartner\tAdler\n");
    options.aliases = (fs::temp_directory_path() / "kgbuild-no-such-aliases.tsv").string();
    CHECK_THAT(error_of(options), Contains("kgbuild-no-such-aliases.tsv"));
  }
}

TEST_CASE("the printed report", "[eval][report]") {
  const kg::EvalReport r = fixture_report();
  std::ostringstream quiet, verbose;
  kg::print_report(r, false, quiet);
  kg::print_report(r, true, verbose);
  CHECK_THAT(quiet.str(), Contains("F1 relations=0.80 amounts=1.00"));
  CHECK_THAT(quiet.str(), Contains("partner"));
  CHECK_THAT(quiet.str(), !Contains("missed"));
  CHECK_THAT(verbose.str(), Contains("missed      Valdora\tceo\tInes Moreau"));
  CHECK_THAT(verbose.str(), Contains("unexpected  "));
}

TEST_CASE("gold names accept alternatives; the report counts the gold facts' entities in the graph", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.gold = dir.write("gold.tsv",
                           "Valdora|Valdora AI\tfundedBy\tKovra|Kovra Capital\t\n"
                           "Valdora|Valdora AI\tceo\tJane Roe\t\n"
                           "Valdora AI|Valdora\tcountry\tFrance\t\n"
                           "The Valdora\traised\t-\t5e6 EUR\n");
  options.graph = dir.write("graph.ttl", std::string(kPrefixes) +
                                             "kge:Valdora rdfs:label \"Valdora AI\" ; kg:fundedBy kge:Kovra ; kg:country kge:France .\n"
                                             "kge:Kovra rdfs:label \"Kovra Capital\" .\nkge:France rdfs:label \"France\" .\n"
                                             "kge:Valdora2 rdfs:label \"Valdora\" ; kg:raised kgm:a .\nkgm:a kg:currency \"EUR\" ; kg:value 5000000 .\n");
  const kg::EvalReport report = kg::evaluate(options);
  CHECK(report.relations.recalled == 2);  // fundedBy and country, by their alternatives
  CHECK(report.relations.expected == 3);
  CHECK(report.amounts.recalled == 1);  // "The Valdora" is Valdora
  // Valdora (twice: once named "The Valdora") and Kovra are entities; Jane Roe is not (countries are
  // not counted).
  CHECK(report.entities_expected == 4);
  CHECK(report.entities_found == 3);
  REQUIRE(report.entities_missed.size() == 1);
  CHECK(report.entities_missed[0] == "jane roe");
  std::ostringstream out;
  kg::print_report(report, true, out);
  CHECK_THAT(out.str(), Contains("3/4 of the companies and people the facts are about are in the graph"));
  CHECK_THAT(out.str(), Contains("no entity   jane roe"));
}

// Two claims of "Valdora fundedBy Kovra" (one dated, one not, one crediting Bloomberg) and one claim of
// "Valdora raised 5e6 EUR" with its own status and date.
std::string qualified_graph() {
  return std::string(kPrefixes) +
         "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
         "kge:Valdora rdfs:label \"Valdora\" ; kg:fundedBy kge:Kovra ; kg:raised kgm:a .\n"
         "kge:Kovra rdfs:label \"Kovra\" .\nkge:Bloomberg rdfs:label \"Bloomberg\" .\n"
         "kgm:a kg:currency \"EUR\" ; kg:value 5000000 .\n"
         "kge:c1 rdf:subject kge:Valdora ; rdf:predicate kg:fundedBy ; rdf:object kge:Kovra ;\n"
         "  kg:status kg:Completed ; kg:date \"2025-06-10\"^^xsd:date .\n"
         "kge:c2 rdf:subject kge:Valdora ; rdf:predicate kg:fundedBy ; rdf:object kge:Kovra ;\n"
         "  kg:status kg:Completed ; kg:attributedTo kge:Bloomberg .\n"
         "kge:c3 rdf:subject kge:Valdora ; rdf:predicate kg:raised ; rdf:object kgm:a ;\n"
         "  kg:status kg:Announced ; kg:date \"2024\"^^xsd:gYear .\n";
}

kg::EvalReport score_qualified(const std::string& gold) {
  const TempDir dir;
  kg::EvalOptions options;
  options.gold = dir.write("gold.tsv", gold);
  options.graph = dir.write("graph.ttl", qualified_graph());
  return kg::evaluate(options);
}

TEST_CASE("status, date and source columns score the claims behind each fact found", "[eval][qualifiers]") {
  SECTION("every claim's status must be one the gold gives; a date given by some claim and contradicted by none") {
    const auto report = score_qualified("Valdora\tfundedBy\tKovra\t\tCompleted\t2025-06-10\tBloomberg\n"
                                        "Valdora\traised\t-\t5e6 EUR\tCompleted|Announced\t2025\n");
    CHECK(report.status.scored == 2);
    CHECK(report.status.right == 2);
    CHECK(report.date.scored == 2);
    CHECK(report.date.right == 1);  // the round is dated 2024, not 2025
    CHECK(report.source.attributed == 1);
    CHECK(report.source.wrong == 0);
    CHECK(report.source.expected == 1);
    CHECK(report.source.recalled == 1);
  }
  SECTION("a source the gold does not give is a wrong attribution; a status off the gold's is wrong") {
    const auto report = score_qualified("Valdora\tfundedBy\tKovra\t\tAnnounced\n");
    CHECK(report.status.right == 0);
    CHECK(report.source.wrong == 1);
    std::ostringstream out;
    kg::print_report(report, true, out);
    CHECK_THAT(out.str(), Contains("status         right on 0/1"));
    CHECK_THAT(out.str(), Contains("1 of 1 attributed claims name a source their gold does not give"));
    CHECK_THAT(out.str(), Contains("source      bloomberg  on  Valdora\tfundedBy\tKovra"));
  }
  SECTION("facts not found and columns left empty are not scored") {
    const auto report = score_qualified("Valdora\tceo\tJane Roe\t\tCompleted\t2025\n"
                                        "Valdora\traised\t-\t5e6 EUR\n");
    CHECK(report.status.scored == 0);
    CHECK(report.date.scored == 0);
  }
  SECTION("a bad status or date is an error with file and line") {
    const TempDir dir;
    kg::EvalOptions options;
    options.graph = dir.write("graph.ttl", qualified_graph());
    options.gold = dir.write("gold.tsv", "# header\nValdora\tfundedBy\tKovra\t\tDone\n");
    CHECK_THAT(error_of(options), StartsWith(options.gold + ":2: expected a status"));
    options.gold = dir.write("gold2.tsv", "Valdora\tfundedBy\tKovra\t\tCompleted\tJune 2025\n");
    CHECK_THAT(error_of(options), StartsWith(options.gold + ":1: expected a date YYYY, YYYY-MM or YYYY-MM-DD"));
  }
}

TEST_CASE("a gold line with an amount and an object also expects the relation", "[eval]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.gold = dir.write("gold.tsv", "Valdora\tacquiredBy\tKovra\t5e6 EUR\n");
  options.graph = dir.write("graph.ttl", std::string(kPrefixes) +
                                             "kge:Valdora rdfs:label \"Valdora\" ; kg:acquiredBy kge:Kovra .\n"
                                             "kge:Kovra rdfs:label \"Kovra\" .\n");
  const kg::EvalReport report = kg::evaluate(options);
  CHECK(report.relations.expected == 1);
  CHECK(report.relations.correct == 1);  // the relation is right, not unexpected
  CHECK(report.amounts.expected == 1);
  CHECK(report.amounts.recalled == 0);  // its price was not found
  // Listed on its own line as well, the relation is expected once.
  options.gold = dir.write("gold2.tsv", "Valdora\tacquiredBy\tKovra\t5e6 EUR\nValdora\tacquiredBy\tKovra\t\n");
  CHECK(kg::evaluate(options).relations.expected == 1);
}

TEST_CASE("a gold name the graph gives a node as another label names that node", "[eval][aliases]") {
  const TempDir dir;
  kg::EvalOptions options;
  options.graph = dir.write("g.ttl", std::string(kPrefixes) +
                                         "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                                         "kge:Grab rdfs:label \"Grab\" ; kg:fundedBy kge:Didi .\n"
                                         "kge:Didi rdfs:label \"Didi Global\" ; skos:altLabel \"Didi Chuxing\" .\n"
                                         "kge:Other rdfs:label \"Other\" .\n");
  options.gold = dir.write("gold.tsv", "Grab\tfundedBy\tDidi Chuxing\nGrab\tfundedBy\tDidi Ventures\n");
  const kg::EvalReport r = kg::evaluate(options);
  CHECK(r.relations.recalled == 1);
  CHECK(r.relations.correct == 1);
  CHECK(r.relations.expected == 2);
}
