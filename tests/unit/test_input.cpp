// Reading articles: the metadata header of text articles, JSON Lines records, directories in
// sorted order, keep-going error handling, and the messages users see for bad input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "kgbuild/input.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

const std::string kArticles = std::string(KGBUILD_SOURCE_DIR) + "/tests/data/articles";

kg::InputError text_error(const std::string& content, const std::string& origin) {
  try {
    kg::parse_text_article(content, origin);
  } catch (const kg::InputError& e) {
    return e;
  }
  FAIL("expected an InputError for: " << content);
  return kg::InputError("", 0, "");
}

kg::InputError jsonl_error(const std::string& record, const std::string& file, std::size_t line) {
  try {
    kg::parse_jsonl_record(record, file, line);
  } catch (const kg::InputError& e) {
    return e;
  }
  FAIL("expected an InputError for: " << record);
  return kg::InputError("", 0, "");
}

std::vector<kg::Article> read_all(const std::vector<std::string>& inputs) {
  std::vector<kg::Article> out;
  kg::read_articles(inputs, [&](kg::Article&& a) { out.push_back(std::move(a)); });
  return out;
}

std::string relative(const std::string& origin) {
  // origins are full paths (with ":line" for JSON Lines); compare the part under tests/data/articles.
  const auto at = origin.find("/tests/data/articles/");
  return at == std::string::npos ? origin : origin.substr(at + std::string("/tests/data/articles/").size());
}

}  // namespace

TEST_CASE("a text article's metadata header fills the article", "[input]") {
  const std::string content =
      "id kx-001\n"
      "title Quiet Deal in Lisbon\n"
      "url https://example.org/news/quiet-deal\n"
      "lang nl\n"
      "outlet Harbor Times\n"
      "date 2025-03-14\n"
      "\n"
      "Body first line.\n"
      "Second line of the body.\n";
  const kg::Article a = kg::parse_text_article(content, "in/quiet.txt");
  CHECK(a.id == "kx-001");
  CHECK(a.title == "Quiet Deal in Lisbon");
  CHECK(a.url == "https://example.org/news/quiet-deal");
  REQUIRE(a.lang);
  CHECK(*a.lang == kg::Lang::nl);
  CHECK(a.outlet == "Harbor Times");
  REQUIRE(a.date);
  CHECK(a.date->lexical() == "2025-03-14");
  CHECK(a.date->precision == kg::DatePrecision::day);
  CHECK(a.text == "Body first line.\nSecond line of the body.\n");
  CHECK(a.origin == "in/quiet.txt");
}

TEST_CASE("metadata values are trimmed, CRLF line ends are accepted", "[input]") {
  const kg::Article a = kg::parse_text_article("title   Padded Title  \r\ndate 2024-07\r\n\r\nBody.\r\n", "crlf.txt");
  CHECK(a.title == "Padded Title");
  REQUIRE(a.date);
  CHECK(a.date->lexical() == "2024-07");
  CHECK(a.text == "Body.\r\n");
}

TEST_CASE("a date line may carry the body on the same line", "[input]") {
  const kg::Article a = kg::parse_text_article("date 2025-01 Body text on the same line\nand a second line.\n", "one.txt");
  REQUIRE(a.date);
  CHECK(a.date->lexical() == "2025-01");
  CHECK(a.date->precision == kg::DatePrecision::month);
  CHECK(a.text == "Body text on the same line\nand a second line.\n");

  const kg::Article b = kg::parse_text_article("title Short\ndate 2023 Harbour cranes arrived.", "two.txt");
  CHECK(b.title == "Short");
  REQUIRE(b.date);
  CHECK(b.date->lexical() == "2023");
  CHECK(b.text == "Harbour cranes arrived.");
}

TEST_CASE("an article without metadata is all body", "[input]") {
  const std::string body = "Valdora Shipping said on Monday it would buy two tugboats.\n\nA second paragraph.\n";
  const kg::Article a = kg::parse_text_article(body, "plain.txt");
  CHECK(a.text == body);
  CHECK(a.id.empty());
  CHECK(a.title.empty());
  CHECK_FALSE(a.date);
  CHECK_FALSE(a.lang);
}

TEST_CASE("a byte order mark does not hide the metadata header", "[input]") {
  // Known problem: with a UTF-8 BOM (as some editors save files) the first key is not recognised,
  // so the whole header, BOM included, becomes body text and the article has no date or title.
  const kg::Article a = kg::parse_text_article("\xEF\xBB\xBFtitle Harbor\ndate 2025-01-02\n\nBody.\n", "bom.txt");
  CHECK(a.title == "Harbor");
  CHECK(a.date.has_value());
  CHECK(a.text == "Body.\n");
}

TEST_CASE("a bad date names the file, the line and the expected format", "[input]") {
  const auto e = text_error("id x\ntitle Y\ndate 2025-13-01\n\nBody.\n", "news/bad-date.txt");
  CHECK(e.file() == "news/bad-date.txt");
  CHECK(e.line() == 3);
  CHECK_THAT(e.what(), StartsWith("news/bad-date.txt:3: "));
  CHECK_THAT(e.what(), Contains("YYYY-MM-DD"));
  CHECK_THAT(e.what(), Contains("2025-13-01"));

  const auto words = text_error("date yesterday\n\nBody.\n", "w.txt");
  CHECK(words.line() == 1);
  CHECK_THAT(words.what(), Contains("expected a date"));
}

TEST_CASE("a bad language code is an error on its line", "[input]") {
  const auto e = text_error("title Fine\nlang de\n\nGuten Tag.\n", "de.txt");
  CHECK(e.file() == "de.txt");
  CHECK(e.line() == 2);
  CHECK_THAT(e.what(), StartsWith("de.txt:2: "));
  CHECK_THAT(e.what(), Contains("en, nl or fr"));
  CHECK_THAT(e.what(), Contains("'de'"));
}

TEST_CASE("invalid UTF-8 is reported with its line and column", "[input]") {
  const auto e = text_error("id u\n\nFirst body line.\nbad: \xC3\x28 here\n", "enc.txt");
  CHECK(e.file() == "enc.txt");
  CHECK(e.line() == 4);
  CHECK_THAT(e.what(), StartsWith("enc.txt:4: "));
  CHECK_THAT(e.what(), Contains("column 6"));
  CHECK_THAT(e.what(), Contains("UTF-8"));

  const auto first = text_error("\xFF at the very start", "start.txt");
  CHECK(first.line() == 1);
  CHECK_THAT(first.what(), Contains("column 1"));
  CHECK_THAT(first.what(), Contains("0xFF"));
}

TEST_CASE("a JSON Lines record becomes an article", "[input][jsonl]") {
  const std::string record =
      R"({"id": "j-17", "text": "Le port de Valdora commande des grues.", "date": "2025-02", "lang": "fr",)"
      R"( "title": "Grues", "url": "https://example.org/fr/grues", "outlet": "Courrier du Port", "extra": [1, 2]})";
  const kg::Article a = kg::parse_jsonl_record(record, "feed.jsonl", 7);
  CHECK(a.id == "j-17");
  CHECK(a.text == "Le port de Valdora commande des grues.");
  REQUIRE(a.date);
  CHECK(a.date->lexical() == "2025-02");
  REQUIRE(a.lang);
  CHECK(*a.lang == kg::Lang::fr);
  CHECK(a.title == "Grues");
  CHECK(a.url == "https://example.org/fr/grues");
  CHECK(a.outlet == "Courrier du Port");
  CHECK(a.origin == "feed.jsonl:7");

  const kg::Article minimal = kg::parse_jsonl_record(R"({"text": "Only a body.", "title": null})", "f.jsonl", 1);
  CHECK(minimal.text == "Only a body.");
  CHECK(minimal.title.empty());
  CHECK_FALSE(minimal.date);
  CHECK_FALSE(minimal.lang);

  // JSON allows what the fast parser does not take (an integer past 64 bits): still read.
  const kg::Article big = kg::parse_jsonl_record(
      R"({"text": "A body.", "views": 123456789012345678901234567890, "title": "Big"})", "f.jsonl", 2);
  CHECK(big.text == "A body.");
  CHECK(big.title == "Big");
}

TEST_CASE("bad JSON Lines records name the file and line", "[input][jsonl]") {
  SECTION("missing text") {
    const auto e = jsonl_error(R"({"id": "no-body"})", "feed.jsonl", 12);
    CHECK(e.file() == "feed.jsonl");
    CHECK(e.line() == 12);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:12: "));
    CHECK_THAT(e.what(), Contains("\"text\""));
  }
  SECTION("text is not a string") {
    const auto e = jsonl_error(R"({"text": 42})", "feed.jsonl", 3);
    CHECK(e.line() == 3);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:3: "));
    CHECK_THAT(e.what(), Contains("\"text\""));
  }
  SECTION("malformed JSON") {
    const auto e = jsonl_error(R"({"text": "unterminated)", "feed.jsonl", 5);
    CHECK(e.line() == 5);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:5: "));
    CHECK_THAT(e.what(), Contains("malformed JSON at column"));
  }
  SECTION("a field that should be a string") {
    const auto e = jsonl_error(R"({"text": "Body.", "title": ["not", "a", "string"]})", "feed.jsonl", 4);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:4: "));
    CHECK_THAT(e.what(), Contains("expected a string for \"title\""));
  }
  SECTION("not an object") {
    const auto e = jsonl_error(R"(["text", "body"])", "feed.jsonl", 2);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:2: "));
    CHECK_THAT(e.what(), Contains("JSON object"));
  }
  SECTION("bad date") {
    const auto e = jsonl_error(R"({"text": "Body.", "date": "14/03/2025"})", "feed.jsonl", 9);
    CHECK(e.line() == 9);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:9: "));
    CHECK_THAT(e.what(), Contains("YYYY-MM-DD"));
  }
  SECTION("bad language") {
    const auto e = jsonl_error(R"({"text": "Body.", "lang": "english"})", "feed.jsonl", 4);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:4: "));
    CHECK_THAT(e.what(), Contains("en, nl or fr"));
  }
  SECTION("metadata field of the wrong type") {
    const auto e = jsonl_error(R"({"text": "Body.", "id": 17})", "feed.jsonl", 6);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:6: "));
    CHECK_THAT(e.what(), Contains("\"id\""));
  }
  SECTION("a number beyond a double's range") {
    const auto e = jsonl_error(R"({"text": "Body.", "score": 1e999})", "feed.jsonl", 7);
    CHECK(e.line() == 7);
    CHECK_THAT(e.what(), StartsWith("feed.jsonl:7: "));
    CHECK_THAT(e.what(), Contains("1e999"));
  }
  SECTION("invalid UTF-8") {
    const auto e = jsonl_error("{\"text\": \"caf\xE9\"}", "feed.jsonl", 8);
    CHECK(e.line() == 8);
    CHECK_THAT(e.what(), Contains("UTF-8"));
  }
}

TEST_CASE("a directory is read recursively in sorted order, hidden and foreign files skipped", "[input][dir]") {
  const auto articles = read_all({kArticles + "/tree"});
  std::vector<std::string> ids, origins;
  for (const auto& a : articles) {
    ids.push_back(a.id);
    origins.push_back(relative(a.origin));
  }
  // c-third.txt has no metadata, so no id.
  CHECK(ids == std::vector<std::string>{"tree-a", "tree-b", "", "tree-d1", "tree-d2"});
  CHECK(origins == std::vector<std::string>{"tree/a-first.txt", "tree/b-second.txt", "tree/sub/c-third.txt",
                                            "tree/sub/d-feed.jsonl:1", "tree/sub/d-feed.jsonl:3"});
  REQUIRE(articles.size() == 5);
  CHECK(articles[2].text == "Third article, with no metadata at all.\n");
  REQUIRE(articles[4].lang);
  CHECK(*articles[4].lang == kg::Lang::nl);
}

TEST_CASE("inputs are read in the order given", "[input][dir]") {
  const auto articles = read_all({kArticles + "/tree/b-second.txt", kArticles + "/tree/a-first.txt"});
  REQUIRE(articles.size() == 2);
  CHECK(articles[0].id == "tree-b");
  CHECK(articles[1].id == "tree-a");
}

TEST_CASE("keep-going reports bad articles and still delivers the good ones", "[input][dir]") {
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  const kg::InputSummary summary = kg::read_articles(
      {kArticles + "/keep-going"}, [&](kg::Article&& a) { ids.push_back(a.id); },
      [&](const kg::InputError& e) { errors.push_back(relative(e.what())); });
  CHECK(ids == std::vector<std::string>{"kg-1", "kg-3a", "kg-3c", "kg-5"});
  CHECK(summary.articles == 4);
  CHECK(summary.skipped == 3);
  REQUIRE(errors.size() == 3);
  CHECK_THAT(errors[0], StartsWith("keep-going/2-bad-date.txt:3: "));
  CHECK_THAT(errors[1], StartsWith("keep-going/3-feed.jsonl:2: "));
  CHECK_THAT(errors[2], StartsWith("keep-going/4-bad-utf8.txt:3: "));
}

TEST_CASE("without keep-going the first bad article stops the run", "[input][dir]") {
  std::vector<std::string> ids;
  try {
    kg::read_articles({kArticles + "/keep-going"}, [&](kg::Article&& a) { ids.push_back(a.id); });
    FAIL("expected an InputError");
  } catch (const kg::InputError& e) {
    CHECK(relative(e.file()) == "keep-going/2-bad-date.txt");
    CHECK(e.line() == 3);
  }
  CHECK(ids == std::vector<std::string>{"kg-1"});
}

TEST_CASE("a path that does not exist is an error", "[input]") {
  const std::string missing = kArticles + "/no-such-folder/article.txt";
  try {
    read_all({missing});
    FAIL("expected an InputError");
  } catch (const kg::InputError& e) {
    CHECK(e.file() == missing);
    CHECK_THAT(e.what(), StartsWith(missing + ": "));
    CHECK_THAT(e.what(), Contains("no such file"));
  }

  std::size_t reported = 0, delivered = 0;
  const auto summary = kg::read_articles(
      {missing, kArticles + "/tree/a-first.txt"}, [&](kg::Article&&) { ++delivered; },
      [&](const kg::InputError&) { ++reported; });
  CHECK(reported == 1);
  CHECK(delivered == 1);
  CHECK(summary.skipped == 1);
  CHECK(summary.articles == 1);
}

TEST_CASE("an empty metadata value is as if the line were absent", "[input]") {
  const auto a = kg::parse_text_article("id one\ndate \ntitle \t\n\nBody text.\n", "empty.txt");
  CHECK(a.id == "one");
  CHECK_FALSE(a.date);
  CHECK(a.title.empty());
  CHECK(a.text == "Body text.\n");
}

TEST_CASE("under keep-going a record out of range is skipped alone, the records around it are read", "[input][jsonl]") {
  kg::test::TempDir dir;
  const auto feed = dir.write("feed.jsonl", "{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\", \"n\": 1e999}\n"
                                            "{\"id\": \"c\", \"text\": \"Three.\"}\n");
  std::vector<std::string> ids, errors;
  const auto summary = kg::read_articles({feed.string()}, [&](kg::Article&& a) { ids.push_back(a.id); },
                                         [&](const kg::InputError& e) { errors.push_back(e.what()); });
  CHECK(ids == std::vector<std::string>{"a", "c"});
  CHECK(summary.skipped == 1);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], StartsWith(feed.string() + ":2: "));
}

TEST_CASE("a symbolic link to itself in a folder is reported alone; the folder is still read", "[input][dir]") {
  kg::test::TempDir dir;
  dir.write("a.txt", "id a\n\nFirst.\n");
  fs::create_directories(dir.path() / "sub");
  dir.write("sub/b.txt", "id b\n\nSecond.\n");
  fs::create_symlink(dir.path() / "sub" / "loop", dir.path() / "sub" / "loop");
  fs::create_directory_symlink(dir.path(), dir.path() / "sub" / "up");  // not followed: no endless walk
  std::vector<std::string> ids, errors;
  const auto summary = kg::read_articles({dir.path().string()}, [&](kg::Article&& a) { ids.push_back(a.id); },
                                         [&](const kg::InputError& e) { errors.push_back(e.what()); });
  CHECK(ids == std::vector<std::string>{"a", "b"});
  CHECK(summary.skipped == 1);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], StartsWith((dir.path() / "sub" / "loop").string() + ": "));
  CHECK_THAT(errors[0], Contains("symbolic link"));

  // Without keep-going the same link is an error that names it.
  try {
    read_all({dir.path().string()});
    FAIL("expected an InputError");
  } catch (const kg::InputError& e) {
    CHECK(e.file() == (dir.path() / "sub" / "loop").string());
  }
}

TEST_CASE("a url that is no absolute URI is bad metadata, on its line", "[input]") {
  const auto e = text_error("id x\nurl http://[::1\n\nBody.\n", "bad-url.txt");
  CHECK(e.line() == 2);
  CHECK_THAT(e.what(), StartsWith("bad-url.txt:2: ") && Contains("absolute URL") && Contains("http://[::1"));
  const auto j = jsonl_error(R"({"text": "Body.", "url": "www.example.com/no-scheme"})", "feed.jsonl", 3);
  CHECK_THAT(j.what(), StartsWith("feed.jsonl:3: ") && Contains("absolute URL"));
  CHECK(kg::parse_text_article("url https://example.com/a\n\nBody.\n", "ok.txt").url == "https://example.com/a");
}

TEST_CASE("a text article larger than the limit is refused without being read whole", "[input]") {
  kg::test::TempDir dir;
  const auto big = dir.write("big.txt", "id big\n\n" + std::string(5000, 'x') + "\n");
  const auto small = dir.write("small.txt", "id small\n\nBody.\n");
  std::vector<std::string> ids, errors;
  kg::ReadLimits limits;
  limits.max_article_bytes = 1000;
  const auto summary = kg::read_articles({big.string(), small.string()}, [&](kg::Article&& a) { ids.push_back(a.id); },
                                         [&](const kg::InputError& e) { errors.push_back(e.what()); }, limits);
  CHECK(ids == std::vector<std::string>{"small"});
  CHECK(summary.skipped == 1);
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], StartsWith(big.string() + ": the article is ") && Contains("--max-article-bytes"));
}
