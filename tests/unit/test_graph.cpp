// From facts to RDF: IRIs that are safe and distinct for any name, document IRIs from id, URL or
// text, claim IRIs stable from run to run, money IRIs per amount, and article graphs that a strict
// RDF parser reads back.
#include <catch2/catch.hpp>

#include <serd/serd.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "kgbuild/graph.hpp"
#include "support.hpp"

namespace {

using Catch::Matchers::StartsWith;
using kg::Quad;
using kg::Term;

const std::string kBase = "https://kgbuild.org/";
const std::string kOnt = "https://kgbuild.org/ontology#";
const std::string kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

kg::TextAnalyzer& analyzer() {
  static kg::TextAnalyzer instance;
  return instance;
}

// The inverse of iri_segment: '%XX' is a byte, '_' a space.
std::string decode_segment(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '_' ? ' ' : s[i];
    }
  }
  return out;
}

struct Parsed {
  std::vector<std::vector<std::string>> statements;  // graph, subject, predicate, object
};

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* s, const SerdNode* p,
                        const SerdNode* o, const SerdNode*, const SerdNode*) {
  auto str = [](const SerdNode* n) { return n ? std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes) : std::string(); };
  static_cast<Parsed*>(handle)->statements.push_back({str(graph), str(s), str(p), str(o)});
  return SERD_SUCCESS;
}

// Writes quads with QuadWriter and reads them back with a strict Serd reader.
Parsed round_trip(const std::vector<Quad>& quads, kg::Syntax syntax) {
  const std::string text = kg::test::written(syntax, [&](kg::QuadWriter& w) {
    for (const auto& q : quads) w.write(q);
  });
  Parsed parsed;
  SerdReader* reader = serd_reader_new(syntax == kg::Syntax::nquads ? SERD_NQUADS : SERD_NTRIPLES, &parsed, nullptr,
                                       nullptr, nullptr, on_statement, nullptr);
  serd_reader_set_strict(reader, true);
  const SerdStatus status = serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text.c_str()));
  serd_reader_free(reader);
  INFO(text);
  REQUIRE(status == SERD_SUCCESS);
  REQUIRE(parsed.statements.size() == quads.size());
  return parsed;
}

const std::vector<std::string> kAwkwardNames = {
    "Valdora",
    "Valdora Cranes",
    "Valdora_Cranes",
    "Valdora%20Cranes",
    "Valdora%5FCranes",
    "Valdora  Cranes",
    "Valdora\tCranes",
    "valdora cranes",
    "<Valdora> & \"Cranes\"",
    "Valdora > Cranes < Harbor",
    "It's 100% {Harbor} | ^Cranes^ `now` \\ back",
    "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale",
    "Societe Generale",
    "L'Or\xC3\xA9""al",
    "A.B.C.",
    "A/B?c=d#e",
    "\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x9A\x80",
    "-",
    "",
};

// A hand-made analysis of one short article, with names no parser likes.
struct Fixture {
  kg::Article article;
  kg::ArticleAnalysis analysis;
  kg::Rule rule;
  std::vector<kg::Fact> facts;

  Fixture() {
    article.id = "harbor/2025 #1";
    article.title = "Valdora buys \"Harbor\"";
    article.date = kg::DateValue{2025, 1, 18, kg::DatePrecision::day};
    analysis.text = analyzer().analyze("Valdora bought Harbor for $5 billion. Soci\xC3\xA9t\xC3\xA9 said so.", kg::Lang::en);
    analysis.entities = {
        {"Valdora <Cranes> \"Group\"", kg::EntityType::organization, "Q4242", {"Valdora"}, true, false},
        {"Harbor 100% A_B", kg::EntityType::organization, "", {"Harbor"}, false, false},
        {"Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale", kg::EntityType::organization, "", {"Soci\xC3\xA9t\xC3\xA9"}, true, false},
    };
    analysis.money = {{"5000000000", "", "", "USD", false}};
    rule.id = "en.test.buys";
    kg::Fact bought;
    bought.subject = 1;
    bought.property = "acquiredBy";
    bought.object = 0;
    bought.amount = 0;
    bought.status = "Completed";
    bought.rule = &rule;
    bought.sentence = 0;
    bought.token_begin = 0;
    bought.token_end = 7;  // "Valdora bought Harbor for $5 billion"
    bought.confidence = 0.85;
    kg::Fact raised = bought;
    raised.subject = 0;
    raised.property = "raised";
    raised.object = -1;
    raised.object_money = 0;
    raised.amount = -1;
    facts = {bought, raised};
  }
};

bool has(const std::vector<Quad>& quads, const std::string& s, const std::string& p, const std::string& o) {
  return std::any_of(quads.begin(), quads.end(),
                     [&](const Quad& q) { return q.subject.value == s && q.predicate.value == p && q.object.value == o; });
}

}  // namespace

TEST_CASE("iri_segment encodes everything but unreserved characters", "[graph][iri]") {
  CHECK(kg::iri_segment("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale") == "Soci%C3%A9t%C3%A9_G%C3%A9n%C3%A9rale");
  CHECK(kg::iri_segment("OpenAI") == "OpenAI");
  CHECK(kg::iri_segment("A_B") == "A%5FB");
  CHECK(kg::iri_segment("A B") == "A_B");
  CHECK(kg::iri_segment("100%") == "100%25");
  CHECK(kg::iri_segment("<x>") == "%3Cx%3E");
  CHECK(kg::iri_segment("\"q\"") == "%22q%22");
  CHECK(kg::iri_segment("a-b.c~d") == "a-b.c~d");
  for (const auto& name : kAwkwardNames) {
    INFO(name);
    const std::string segment = kg::iri_segment(name);
    CHECK(segment.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%") ==
          std::string::npos);
    CHECK(decode_segment(segment) == name);  // nothing is lost
  }
}

TEST_CASE("entity IRIs are distinct for distinct names and survive an N-Triples round trip", "[graph][iri]") {
  const kg::GraphBuilder builder({});
  std::set<std::string> seen;
  std::vector<Quad> quads;
  for (const auto& name : kAwkwardNames) {
    const std::string iri = builder.entity_iri(name);
    CHECK_THAT(iri, StartsWith(kBase + "id/"));
    CHECK(seen.insert(iri).second);
    quads.push_back({Term::iri(iri), Term::iri("http://www.w3.org/2000/01/rdf-schema#label"), Term::literal(name), ""});
  }
  const Parsed parsed = round_trip(quads, kg::Syntax::ntriples);
  for (std::size_t i = 0; i < quads.size(); ++i) {
    CHECK(parsed.statements[i][1] == quads[i].subject.value);
    CHECK(parsed.statements[i][3] == kAwkwardNames[i]);
  }
}

TEST_CASE("another base changes every data IRI", "[graph][iri]") {
  kg::GraphOptions options;
  options.base = "http://example.org/kg/";
  const kg::GraphBuilder builder(options);
  CHECK(builder.entity_iri("Valdora") == "http://example.org/kg/id/Valdora");
  kg::Article a;
  a.id = "x1";
  CHECK(builder.document_iri(a, "text") == "http://example.org/kg/doc/x1");
  CHECK_THAT(builder.money_iri({"5", "", "", "USD", false}), StartsWith("http://example.org/kg/amount/"));
  const auto prefixes = builder.prefixes();
  CHECK(std::find(prefixes.begin(), prefixes.end(), std::make_pair(std::string("kge"), std::string("http://example.org/kg/id/"))) !=
        prefixes.end());
}

TEST_CASE("document IRIs come from the id, else the URL, else the text", "[graph][document]") {
  const kg::GraphBuilder builder({});
  kg::Article a;
  a.id = "harbor/2025 #1";
  a.url = "https://example.org/news/1";
  a.origin = "in/one.txt";
  CHECK(builder.document_iri(a, "Body.") == kBase + "doc/harbor%2F2025_%231");

  a.id.clear();
  const std::string by_url = builder.document_iri(a, "Body.");
  CHECK_THAT(by_url, StartsWith(kBase + "doc/u"));
  CHECK(by_url == builder.document_iri(a, "Another body."));  // the URL decides
  kg::Article other_url = a;
  other_url.url = "https://example.org/news/2";
  CHECK(builder.document_iri(other_url, "Body.") != by_url);

  a.url.clear();
  const std::string by_text = builder.document_iri(a, "Body.");
  CHECK_THAT(by_text, StartsWith(kBase + "doc/t"));
  CHECK(by_text != builder.document_iri(a, "Body!"));
  // Never from where it was read.
  kg::Article moved = a;
  moved.origin = "elsewhere/two.txt";
  CHECK(builder.document_iri(moved, "Body.") == by_text);
}

TEST_CASE("money IRIs tell values, bounds, currencies and approximations apart", "[graph][money]") {
  const kg::GraphBuilder builder({});
  const std::vector<kg::MoneyAmount> amounts = {
      {"5000000000", "", "", "USD", false},
      {"5000000000", "", "", "EUR", false},
      {"5000000000", "", "", "USD", true},
      {"", "5000000000", "", "USD", false},
      {"", "", "5000000000", "USD", false},
      {"", "1000000000", "5000000000", "USD", false},
      {"", "5000000000", "1000000000", "USD", false},
      {"500000000", "", "", "USD", false},
      {"1500000.5", "", "", "USD", false},
      {"15000000.5", "", "", "USD", false},
  };
  std::set<std::string> seen;
  for (const auto& m : amounts) {
    const std::string iri = builder.money_iri(m);
    INFO(iri);
    CHECK_THAT(iri, StartsWith(kBase + "amount/"));
    CHECK(seen.insert(iri).second);
  }
  // The same amount always gets the same IRI.
  CHECK(builder.money_iri(amounts[5]) == builder.money_iri(kg::MoneyAmount{"", "1000000000", "5000000000", "USD", false}));
}

TEST_CASE("content hashes are XXH3-128 in hex", "[graph]") {
  CHECK(kg::content_hash("") == "99aa06d3014798d86001c324468d497f");  // xxHash's own test vector
  CHECK(kg::content_hash("a") == "a96faf705af16834e6c632b61e964e1f");
  CHECK(kg::content_hash("foobar") == "3c9e102628997f44ac87b0b131c6992d");
  CHECK(kg::content_hash("foobar") != kg::content_hash("foobaR"));
}

TEST_CASE("an article's graph: document, entities, facts, claims", "[graph][article]") {
  const Fixture fx;
  const kg::GraphBuilder builder({});
  kg::DescribedCache described;
  const auto local = builder.article(fx.article, fx.analysis, fx.facts, -1, &described);
  const std::string doc = kBase + "doc/harbor%2F2025_%231";
  const std::string valdora = builder.entity_iri("Valdora <Cranes> \"Group\"");
  const std::string harbor = builder.entity_iri("Harbor 100% A_B");
  const std::string money = builder.money_iri(fx.analysis.money[0]);

  // Each statement once, with a cache of what was described (the writer sorts and de-duplicates).
  auto unique = local;
  std::sort(unique.begin(), unique.end());
  CHECK(std::adjacent_find(unique.begin(), unique.end()) == unique.end());
  CHECK(has(local, doc, kRdfType, kOnt + "Document"));
  CHECK(has(local, doc, kOnt + "title", "Valdora buys \"Harbor\""));
  CHECK(has(local, doc, kOnt + "published", "2025-01-18"));
  CHECK(has(local, doc, kOnt + "language", "en"));
  CHECK(has(local, doc, kOnt + "mentions", valdora));
  for (const auto& q : local) CHECK(q.graph.empty());  // provenance "claims": the default graph

  // Direct facts and entities, in the default graph like everything with claims as provenance.
  const auto& global = local;
  CHECK(has(global, harbor, kOnt + "acquiredBy", valdora));
  CHECK(has(global, valdora, kOnt + "raised", money));
  CHECK(has(global, valdora, "http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q4242"));
  CHECK(has(global, valdora, "http://www.w3.org/2000/01/rdf-schema#label", "Valdora <Cranes> \"Group\""));
  CHECK(has(global, valdora, "http://www.w3.org/2004/02/skos/core#altLabel", "Valdora"));
  CHECK(has(global, money, kOnt + "value", "5000000000"));
  CHECK(has(global, money, kOnt + "currency", "USD"));

  // One claim per fact, with its evidence in code points.
  std::vector<std::string> claims;
  for (const auto& q : local)
    if (q.predicate.value == kRdfType && q.object.value == kOnt + "Claim") claims.push_back(q.subject.value);
  REQUIRE(claims.size() == 2);
  const std::string claim = has(local, claims[0], kOnt + "status", kOnt + "Completed") &&
                                    has(local, claims[0], "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", harbor)
                                ? claims[0]
                                : claims[1];
  CHECK_THAT(claim, StartsWith(kBase + "claim/"));
  CHECK(has(local, claim, "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", valdora));
  CHECK(has(local, claim, kOnt + "amount", money));
  CHECK(has(local, claim, kOnt + "rule", "en.test.buys"));
  CHECK(has(local, claim, kOnt + "confidence", "0.85"));
  CHECK(has(local, claim, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf",
            "Valdora bought Harbor for $5 billion"));
  CHECK(has(local, claim, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex", "0"));
  CHECK(has(local, claim, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex", "36"));
  CHECK(has(local, claim, kOnt + "sentence", doc + "#char=0,37"));
}

TEST_CASE("an article's whole graph is read back by a strict parser", "[graph][article]") {
  const Fixture fx;
  for (kg::Provenance provenance : {kg::Provenance::claims, kg::Provenance::graphs}) {
    kg::GraphOptions options;
    options.provenance = provenance;
    const kg::GraphBuilder builder(options);
    auto quads = builder.article(fx.article, fx.analysis, fx.facts, -1);
    // With graphs, the article's own statements are in its graph; entities and facts in the default one.
    std::size_t own = 0, shared = 0;
    for (const auto& q : quads) {
      if (q.graph.empty()) ++shared;
      else ++own;
      if (provenance == kg::Provenance::graphs && !q.graph.empty()) CHECK(q.graph == kBase + "doc/harbor%2F2025_%231");
      const bool about_entity_or_amount = q.subject.value.rfind(kBase + "id/", 0) == 0 || q.subject.value.rfind(kBase + "amount/", 0) == 0;
      if (provenance == kg::Provenance::graphs) CHECK(q.graph.empty() == about_entity_or_amount);
    }
    CHECK(shared > 0);
    CHECK((own > 0) == (provenance == kg::Provenance::graphs));
    round_trip(quads, kg::Syntax::nquads);
    round_trip(quads, kg::Syntax::ntriples);
  }
}

TEST_CASE("without provenance only the shared statements remain", "[graph][article]") {
  const Fixture fx;
  kg::GraphOptions options;
  options.provenance = kg::Provenance::none;
  const kg::GraphBuilder builder(options);
  const auto global = builder.article(fx.article, fx.analysis, fx.facts, -1);
  for (const auto& q : global) {
    CHECK(q.graph.empty());
    CHECK(q.subject.value.rfind(kBase + "doc/", 0) != 0);  // no document, sentence or claim
    CHECK(q.subject.value.rfind(kBase + "claim/", 0) != 0);
  }
  CHECK(has(global, kg::GraphBuilder({}).entity_iri("Harbor 100% A_B"), kOnt + "acquiredBy",
            kg::GraphBuilder({}).entity_iri("Valdora <Cranes> \"Group\"")));
  // Entities mentioned but in no fact are still described.
  CHECK(has(global, kg::GraphBuilder({}).entity_iri("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale"), kRdfType,
            kOnt + "Organization"));
}

TEST_CASE("claim IRIs are the same from run to run and differ between facts", "[graph][claim]") {
  auto claims_of = [](const std::vector<Quad>& quads) {
    std::vector<std::string> out;
    for (const auto& q : quads)
      if (q.predicate.value == kRdfType && q.object.value == kOnt + "Claim") out.push_back(q.subject.value);
    return out;
  };
  const Fixture first, second;
  const kg::GraphBuilder builder({});
  const auto run1 = builder.article(first.article, first.analysis, first.facts, -1);
  const auto run2 = kg::GraphBuilder({}).article(second.article, second.analysis, second.facts, -1);
  CHECK(run1 == run2);
  const auto claims = claims_of(run1);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0] != claims[1]);

  // Another document, the same facts: other claims.
  Fixture moved;
  moved.article.id = "harbor/2025 #2";
  const auto other = claims_of(builder.article(moved.article, moved.analysis, moved.facts, -1));
  REQUIRE(other.size() == 2);
  CHECK(std::find(claims.begin(), claims.end(), other[0]) == claims.end());
  CHECK(std::find(claims.begin(), claims.end(), other[1]) == claims.end());
}

TEST_CASE("absolute URIs: what may be written as an xsd:anyURI", "[graph][uri]") {
  for (const char* good : {"http://example.com/a?b=c#d", "https://[::1]:8080/x", "https://[2001:db8::7]/", "urn:isbn:0451450523",
                           "https://fr.example.org/wiki/Soci\xC3\xA9t\xC3\xA9", "http://user@h:80/p%20q", "mailto:news@example.com"})
    CHECK(kg::is_absolute_uri(good));
  for (const char* bad : {"http://[::1", "http://[::1/", "http://exa mple.com/", "example.com/no-scheme", "1http://h/",
                          "http://h/%zz", "http://h/a#b#c", "http://h:80a/", "http://h/<script>", "", ":", "http://h/a[1]",
                          "http://a[b@h/", "http://h:80:90/", "http://[zz]/", "http://h/\xC2\x85"})
    CHECK_FALSE(kg::is_absolute_uri(bad));
}

TEST_CASE("a segment '.' or '..' is encoded: it is never a dot segment", "[graph][uri]") {
  CHECK(kg::iri_segment(".") == "%2E");
  CHECK(kg::iri_segment("..") == "%2E%2E");
  CHECK(kg::iri_segment("...") == "...");
  CHECK(kg::iri_segment(".a") == ".a");
}
