// Name finding, driven by the tables in tests/data/names/<lang>.tsv: each row a text and the
// companies, persons and products it names. Every language must keep recall and precision at 0.95.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/names.hpp"
#include "kgbuild/pipeline.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;

struct NameCase {
  std::size_t line = 0;
  std::string text;
  std::set<std::string> expected;  // "ORG=harrow lane holdings"
};

kg::Resources& resources() {
  static kg::Resources r(fs::path(KGBUILD_SOURCE_DIR) / "extractor", {});
  return r;
}

// Names compare folded, without a trailing legal form: "Velmar N.V." is "Velmar".
std::string comparable(const std::string& name) {
  std::string key = kg::fold_key(name);
  if (key.size() > 1 && key.back() == '.') key.pop_back();
  for (const char* form : {" n.v.", " n.v", " b.v.", " b.v", " inc.", " inc", " plc", " ltd", " ltd.", " llc", " sa", " sas",
                           " se", " ag", " gmbh", " corp.", " corp", ","})
    if (key.size() > std::strlen(form) && key.compare(key.size() - std::strlen(form), std::string::npos, form) == 0) {
      key.erase(key.size() - std::strlen(form));
      return comparable(key);
    }
  return key;
}

std::string type_label(kg::EntityType type) {
  switch (type) {
    case kg::EntityType::organization: return "ORG";
    case kg::EntityType::person: return "PERSON";
    case kg::EntityType::product: return "PRODUCT";
    case kg::EntityType::country: return "COUNTRY";
  }
  return "ORG";
}

std::vector<NameCase> read_cases(const fs::path& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<NameCase> cases;
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    INFO(path.string() << ":" << line_no);
    REQUIRE(tab != std::string::npos);
    NameCase c{line_no, line.substr(0, tab), {}};
    std::stringstream names(line.substr(tab + 1));
    for (std::string item; std::getline(names, item, ';');) {
      const auto first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
      if (first == std::string::npos) continue;
      item = item.substr(first, last - first + 1);
      const auto eq = item.find('=');
      REQUIRE(eq != std::string::npos);
      c.expected.insert(item.substr(0, eq) + "=" + comparable(item.substr(eq + 1)));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// The names an analysis found: each entity read in the text (not only referred to), by every form.
std::vector<std::set<std::string>> found_names(const kg::ArticleAnalysis& a) {
  std::vector<std::set<std::string>> found;
  for (const auto& e : a.entities) {
    if (e.surfaces.empty() || e.outlet || e.type == kg::EntityType::country) continue;
    std::set<std::string> forms{type_label(e.type) + "=" + comparable(e.name)};
    for (const auto& s : e.surfaces) forms.insert(type_label(e.type) + "=" + comparable(s));
    found.push_back(std::move(forms));
  }
  return found;
}

void score_language(const std::string& lang) {
  const fs::path path = fs::path(KGBUILD_SOURCE_DIR) / "tests" / "data" / "names" / (lang + ".tsv");
  const auto cases = read_cases(path);
  REQUIRE(cases.size() >= 150);
  const bool verbose = std::getenv("KGBUILD_NAMES_VERBOSE") != nullptr;
  std::size_t expected = 0, found = 0, right = 0;
  for (const auto& c : cases) {
    kg::Article article;
    article.text = c.text;
    article.lang = kg::lang_from_string(lang);
    const auto analysis = resources().analyze(article, article.lang);
    const auto entities = found_names(analysis);
    std::set<std::string> matched;
    std::vector<std::string> extra;
    for (const auto& forms : entities) {
      bool hit = false;
      for (const auto& want : c.expected)
        if (forms.count(want) && !matched.count(want)) {
          matched.insert(want);
          hit = true;
          break;
        }
      if (!hit) extra.push_back(*forms.begin());
    }
    expected += c.expected.size();
    found += entities.size();
    right += matched.size();
    if (verbose && (matched.size() != c.expected.size() || !extra.empty())) {
      std::cerr << path.filename().string() << ":" << c.line << ": " << c.text << "\n";
      for (const auto& want : c.expected)
        if (!matched.count(want)) std::cerr << "    missed " << want << "\n";
      for (const auto& x : extra) std::cerr << "    extra  " << x << "\n";
    }
  }
  const double recall = expected ? static_cast<double>(right) / static_cast<double>(expected) : 1.0;
  const double precision = found ? static_cast<double>(right) / static_cast<double>(found) : 1.0;
  std::cout << "names " << lang << ": recall " << recall << " (" << right << "/" << expected << "), precision "
            << precision << " (" << right << "/" << found << ")\n";
  CHECK(recall >= 0.95);
  CHECK(precision >= 0.95);
}

}  // namespace

TEST_CASE("names: English table", "[names]") { score_language("en"); }
TEST_CASE("names: Dutch table", "[names]") { score_language("nl"); }
TEST_CASE("names: French table", "[names]") { score_language("fr"); }

TEST_CASE("names.tsv: word lists, kinds and options; a malformed row names its file and line", "[names]") {
  const kg::test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "en");
  const auto words = dir.write("words.txt", "harrow\nHarrow's\nLondon\naujourd'hui\n");
  dir.write("en/names.tsv", "# comment\nwordlist\t" + words.string() + "\nwordlist\t/nonexistent/list\nconnector\tof\n"
                           "head\tBank\nlegal-form\tN.V\noption\tcapitalises-titles\n");
  const kg::NameData data = kg::NameData::load(dir.path());
  const kg::LanguageNames& en = data.of(kg::Lang::en);
  CHECK(en.words.is_common("harrow"));
  CHECK(en.words.is_common("aujourd'hui"));
  CHECK_FALSE(en.words.is_common("london"));
  CHECK(en.words.is_proper("London"));
  CHECK(en.connectors.count("of") == 1);
  CHECK(en.heads.count("bank") == 1);
  CHECK(data.shared().legal_forms.count("n.v") == 1);
  CHECK(en.capitalises_titles);
  CHECK(data.missing_word_lists().empty());  // one of the two lists was found
  // A language whose lists are all missing is reported, so that kgbuild can warn.
  std::filesystem::create_directories(dir.path() / "nl");
  dir.write("nl/names.tsv", "wordlist\t/nonexistent/dutch\n");
  CHECK(kg::NameData::load(dir.path()).missing_word_lists() == std::vector<kg::Lang>{kg::Lang::nl});
  // Malformed rows.
  for (const auto& [row, message] : std::vector<std::pair<std::string, std::string>>{
           {"connector", "expected 2 tab-separated columns (kind, value)"},
           {"colour\tblue", "expected a kind"},
           {"option\tshouting", "expected an option"}}) {
    dir.write("nl/names.tsv", "# first\n" + row + "\n");
    try {
      kg::NameData::load(dir.path());
      FAIL("expected a malformed row to be refused: " << row);
    } catch (const std::runtime_error& e) {
      CHECK_THAT(e.what(), Catch::Matchers::Contains((dir.path() / "nl" / "names.tsv").string() + ":2: " + message));
    }
  }
}

TEST_CASE("lower_latin lower-cases ASCII and Latin capitals", "[names]") {
  CHECK(kg::lower_latin("Harrow") == "harrow");
  CHECK(kg::lower_latin("\u00C9cole") == "\u00E9cole");                // École
  CHECK(kg::lower_latin("\u0141\u00F3d\u017A") == "\u0142\u00F3d\u017A");  // Łódź
  CHECK(kg::lower_latin("\u013F\u0160") == "\u0140\u0161");                    // Ŀ across a lead byte, Š
}
