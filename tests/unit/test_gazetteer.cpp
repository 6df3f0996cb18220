// The gazetteer: known names matched in running text (case- and accent-insensitively, longest
// first, lower-case common words left alone), lookup by alias, and errors in malformed files.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "kgbuild/gazetteer.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using kg::Lang;

kg::TextAnalyzer& analyzer() {
  static kg::TextAnalyzer instance;
  return instance;
}

const kg::Gazetteer& gazetteer() {
  static const kg::Gazetteer g = kg::Gazetteer::load(fs::path(KGBUILD_SOURCE_DIR) / "extractor" / "gazetteer", analyzer());
  return g;
}

struct Found {
  std::string name;
  std::uint32_t length = 0;
  kg::PhraseKind kind = kg::PhraseKind::name;
};

// What the gazetteer matches at the first token whose text is `at` in `sentence`.
std::optional<Found> match_at(const std::string& sentence, const std::string& at, Lang lang = Lang::en) {
  const auto t = analyzer().analyze(sentence, lang);
  for (std::size_t i = 0; i < t.tokens.size(); ++i) {
    if (t.token_text(t.tokens[i]) != at) continue;
    const auto hit = gazetteer().match(t.tokens, i, t.tokens.size(), lang);
    if (!hit) return std::nullopt;
    return Found{gazetteer().entity(hit->entity).name, hit->length, hit->kind};
  }
  FAIL("no token '" << at << "' in: " << sentence);
  return std::nullopt;
}

std::string name_of(std::optional<std::uint32_t> index) {
  return index ? gazetteer().entity(*index).name : std::string("<none>");
}

// A gazetteer folder of its own in the temporary directory, removed afterwards.
class TempGazetteer {
 public:
  explicit TempGazetteer(const std::string& entities) { dir_.write("entities.tsv", entities); }
  void add(const std::string& name, const std::string& content) const { dir_.write(name, content); }
  const fs::path& dir() const { return dir_.path(); }

 private:
  kg::test::TempDir dir_;
};

std::string load_error(const TempGazetteer& g) {
  try {
    kg::TextAnalyzer a;
    kg::Gazetteer::load(g.dir(), a);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  FAIL("expected the gazetteer in " << g.dir() << " to be rejected");
  return {};
}

}  // namespace

TEST_CASE("the gazetteer loads", "[gazetteer]") {
  CHECK(gazetteer().size() > 100);
  const auto openai = gazetteer().find("OpenAI");
  REQUIRE(openai);
  CHECK(gazetteer().entity(*openai).type == kg::EntityType::organization);
  CHECK(gazetteer().entity(*openai).qid == "Q21708200");
  CHECK_FALSE(gazetteer().entity(*openai).outlet);
}

TEST_CASE("names match whatever their case and accents", "[gazetteer]") {
  for (const char* spelling : {"OpenAI", "Openai", "OPENAI"}) {
    const auto hit = match_at(std::string("Yesterday ") + spelling + " hired three engineers.", spelling);
    REQUIRE(hit);
    CHECK(hit->name == "OpenAI");
    CHECK(hit->kind == kg::PhraseKind::name);
  }
  const auto deepseek = match_at("Investors asked Deepseek about costs.", "Deepseek");
  REQUIRE(deepseek);
  CHECK(deepseek->name == "DeepSeek");

  const auto socgen = match_at("Shares of Societe Generale fell.", "Societe");
  REQUIRE(socgen);
  CHECK(socgen->name == "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  CHECK(socgen->length == 2);
}

TEST_CASE("the longest name wins", "[gazetteer]") {
  const auto plus = match_at("Subscribers of ChatGPT Plus complained.", "ChatGPT");
  REQUIRE(plus);
  CHECK(plus->name == "ChatGPT Plus");
  CHECK(plus->length == 2);

  const auto plain = match_at("Subscribers of ChatGPT complained.", "ChatGPT");
  REQUIRE(plain);
  CHECK(plain->name == "ChatGPT");
  CHECK(plain->length == 1);

  const auto fund = match_at("The OpenAI Startup Fund invested.", "OpenAI");
  REQUIRE(fund);
  CHECK(fund->name == "OpenAI Startup Fund");
  CHECK(fund->length == 3);
}

TEST_CASE("a match does not run past the end it is given", "[gazetteer]") {
  const auto t = analyzer().analyze("Subscribers of ChatGPT Plus complained.", Lang::en);
  std::size_t at = 0;
  while (at < t.tokens.size() && t.tokens[at].key != "chatgpt") ++at;
  REQUIRE(at + 1 < t.tokens.size());
  const auto hit = gazetteer().match(t.tokens, at, at + 1, Lang::en);
  REQUIRE(hit);
  CHECK(gazetteer().entity(hit->entity).name == "ChatGPT");
  CHECK(hit->length == 1);
}

TEST_CASE("lower-case common words are not company names", "[gazetteer]") {
  CHECK_FALSE(match_at("She broke her arm while skiing.", "arm"));
  CHECK_FALSE(match_at("He peeled an orange at lunch.", "orange"));
  const auto arm = match_at("The chip designer Arm reported results.", "Arm");
  REQUIRE(arm);
  CHECK(arm->name == "Arm");
  const auto orange = match_at("The telecom operator Orange reported results.", "Orange");
  REQUIRE(orange);
  CHECK(orange->name == "Orange");
}

TEST_CASE("descriptors and demonyms are told apart from names", "[gazetteer]") {
  const auto maker = match_at("Later the ChatGPT maker said more.", "ChatGPT");
  REQUIRE(maker);
  CHECK(maker->name == "OpenAI");
  CHECK(maker->kind == kg::PhraseKind::descriptor);
  CHECK(maker->length == 2);

  const auto dutch = match_at("A Dutch chipmaker was sold.", "Dutch");
  REQUIRE(dutch);
  CHECK(dutch->name == "Netherlands");
  CHECK(dutch->kind == kg::PhraseKind::demonym);

  const auto nederlandse = match_at("Een Nederlandse chipmaker werd verkocht.", "Nederlandse", Lang::nl);
  REQUIRE(nederlandse);
  CHECK(nederlandse->name == "Netherlands");
  CHECK(nederlandse->kind == kg::PhraseKind::demonym);
  // Demonyms hold in their own language only.
  CHECK_FALSE(match_at("A Nederlandse firm was sold.", "Nederlandse", Lang::en));
}

TEST_CASE("find looks names up by canonical name or alias", "[gazetteer]") {
  CHECK(name_of(gazetteer().find("OpenAI")) == "OpenAI");
  CHECK(name_of(gazetteer().find("openai")) == "OpenAI");
  CHECK(name_of(gazetteer().find("OpenAI Inc.")) == "OpenAI");
  CHECK(name_of(gazetteer().find("Open AI")) == "OpenAI");
  CHECK(name_of(gazetteer().find("  Open   AI ")) == "OpenAI");
  CHECK(name_of(gazetteer().find("NVIDIA")) == "Nvidia");
  CHECK(name_of(gazetteer().find("SocGen")) == "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  CHECK(name_of(gazetteer().find("Societe Generale")) == "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  CHECK(name_of(gazetteer().find("Nederland")) == "Netherlands");
  CHECK_FALSE(gazetteer().find("Valdora Harbour Cranes"));
  // Descriptors are references, not names.
  CHECK_FALSE(gazetteer().find("ChatGPT maker"));
}

TEST_CASE("outlets, given names, organisation cues and generic references", "[gazetteer]") {
  const auto reuters = gazetteer().find("Reuters");
  REQUIRE(reuters);
  CHECK(gazetteer().entity(*reuters).outlet);
  const auto ft = gazetteer().find("Financial Times");  // an outlet only listed in outlets.txt
  REQUIRE(ft);
  CHECK(gazetteer().entity(*ft).outlet);
  CHECK(gazetteer().entity(*ft).type == kg::EntityType::organization);

  CHECK(gazetteer().is_given_name("anna"));
  CHECK_FALSE(gazetteer().is_given_name("harbour"));
  CHECK(gazetteer().is_org_suffix("labs"));
  CHECK_FALSE(gazetteer().is_org_suffix("harbour"));

  const auto t = analyzer().analyze("Later the company said it grew.", Lang::en);
  std::size_t the = 0;
  while (the < t.tokens.size() && t.tokens[the].key != "the") ++the;
  REQUIRE(the < t.tokens.size());
  const auto length = gazetteer().generic_reference_at(t.tokens, the, t.tokens.size());
  REQUIRE(length);
  CHECK(*length == 2);
  CHECK_FALSE(gazetteer().generic_reference_at(t.tokens, 0, t.tokens.size()));
}

TEST_CASE("a small gazetteer of one's own loads", "[gazetteer]") {
  const TempGazetteer g(
      "# test entities\n"
      "Valdora Cranes\tOrganization\tQ1\tValdora|Valdora Cranes NV\tcrane maker\n"
      "\n"
      "Ines Moreau\tPerson\n"
      "Harbourland\tCountry\t\tHarbour Land\n");
  kg::TextAnalyzer a;
  const kg::Gazetteer gz = kg::Gazetteer::load(g.dir(), a);
  CHECK(gz.size() == 3);
  REQUIRE(gz.find("valdora"));
  CHECK(gz.entity(*gz.find("valdora")).name == "Valdora Cranes");
  CHECK(gz.entity(*gz.find("valdora")).qid == "Q1");
  REQUIRE(gz.find("Ines Moreau"));
  CHECK(gz.entity(*gz.find("Ines Moreau")).type == kg::EntityType::person);
}

TEST_CASE("places act as nationalities: adjectives, English city-based forms and city names", "[gazetteer]") {
  const TempGazetteer g("Harbourland\tCountry\n");
  g.add("places.tsv", "# places\nHarbourland\tnl\tPortstadse|Portstads\tadjective\n"
                      "Harbourland\tany\tPortstad\tcity\nHarbourland\tfr\tPortville\tcity\n");
  kg::TextAnalyzer a;
  const kg::Gazetteer gz = kg::Gazetteer::load(g.dir(), a);
  auto hit = [&](const std::string& text, std::size_t pos, Lang lang) {
    const auto tokens = a.analyze(text, lang).tokens;
    return gz.match(tokens, pos, tokens.size(), lang);
  };
  const auto adjective = hit("het Portstadse bedrijf", 1, Lang::nl);
  REQUIRE(adjective);
  CHECK(adjective->kind == kg::PhraseKind::demonym);
  CHECK(gz.entity(adjective->entity).name == "Harbourland");
  CHECK_FALSE(hit("the Portstadse firm", 1, Lang::en));  // a Dutch adjective holds in Dutch
  const auto based = hit("the Portstad-based firm", 1, Lang::en);
  REQUIRE(based);
  CHECK(based->kind == kg::PhraseKind::demonym);
  CHECK(based->length == 3);
  // A French-only city row gives no English form: "Portville" alone is the city, "-based" is left.
  const auto french_city = hit("the Portville-based firm", 1, Lang::en);
  CHECK_FALSE((french_city && french_city->kind == kg::PhraseKind::demonym));
  // The city's own name is a city phrase in the languages of its row, capitalised only.
  const auto city = hit("the Portstad firm", 1, Lang::en);
  REQUIRE(city);
  CHECK(city->kind == kg::PhraseKind::city);
  CHECK(city->length == 1);
  CHECK(hit("la Portville", 1, Lang::fr));
  CHECK_FALSE(hit("the Portville firm", 1, Lang::en));
  CHECK_FALSE(hit("the portstad firm", 1, Lang::en));
}

TEST_CASE("malformed gazetteer rows are rejected with file and line", "[gazetteer]") {
  SECTION("too few columns") {
    const TempGazetteer g("# comment\nValdora\tOrganization\nLonely name without a type\n");
    const std::string what = load_error(g);
    CHECK_THAT(what, Contains((g.dir() / "entities.tsv").string() + ":3: "));
    CHECK_THAT(what, Contains("columns"));
  }
  SECTION("too many columns") {
    const TempGazetteer g("Valdora\tOrganization\tQ1\tV\tcrane maker\textra\n");
    const std::string what = load_error(g);
    CHECK_THAT(what, Contains("entities.tsv:1: "));
    CHECK_THAT(what, Contains("got 6"));
  }
  SECTION("unknown type") {
    const TempGazetteer g("Valdora\tOrganization\n# a comment line counts\n\nHarbor Bank\tCompany\n");
    const std::string what = load_error(g);
    CHECK_THAT(what, Contains("entities.tsv:4: "));
    CHECK_THAT(what, Contains("'Company'"));
    CHECK_THAT(what, Contains("Organization, Person, Product, Country"));
  }
  SECTION("demonym of an unknown country") {
    const TempGazetteer g("Harbourland\tCountry\n");
    g.add("demonyms.tsv", "# forms\nHarbourland\ten\tHarbourish\nSeaboria\ten\tSeaborian\n");
    const std::string what = load_error(g);
    CHECK_THAT(what, Contains("demonyms.tsv:3: "));
    CHECK_THAT(what, Contains("Seaboria"));
  }
  SECTION("place of an unknown country, in an unknown language, of an unknown kind") {
    const TempGazetteer g("Harbourland\tCountry\nValdora\tOrganization\n");
    g.add("places.tsv", "Valdora\ten\tPortstad\tcity\n");
    CHECK_THAT(load_error(g), Contains("places.tsv:1: unknown country 'Valdora'"));
    g.add("places.tsv", "Harbourland\tde\tPortstad\tcity\n");
    CHECK_THAT(load_error(g), Contains("places.tsv:1: expected a language (en, nl, fr or any), got 'de'"));
    g.add("places.tsv", "Harbourland\ten\tPortstad\ttown\n");
    CHECK_THAT(load_error(g), Contains("places.tsv:1: expected a kind (city or adjective), got 'town'"));
    g.add("places.tsv", "Harbourland\ten\tPortstad\n");
    CHECK_THAT(load_error(g), Contains("places.tsv:1: expected 4 columns"));
  }
  SECTION("no entities file") {
    const TempGazetteer g("");
    fs::remove(g.dir() / "entities.tsv");
    CHECK_THAT(load_error(g), Contains("entities.tsv"));
  }
}
