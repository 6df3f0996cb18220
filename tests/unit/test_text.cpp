// The text layer: NFC normalisation, sentences, word tokens with their matching keys, code-point
// offsets into the normalised text, and language identification.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/text.hpp"
#include "kgbuild/utf8.hpp"

namespace {

using kg::Lang;

kg::TextAnalyzer& analyzer() {
  static kg::TextAnalyzer instance;
  return instance;
}

std::vector<std::string> sentences(const kg::AnalyzedText& t) {
  std::vector<std::string> out;
  for (const auto& s : t.sentences) out.emplace_back(t.sentence_text(s));
  return out;
}

std::vector<std::string> token_texts(const kg::AnalyzedText& t) {
  std::vector<std::string> out;
  for (const auto& tok : t.tokens) out.emplace_back(t.token_text(tok));
  return out;
}

std::vector<std::string> token_keys(const kg::AnalyzedText& t) {
  std::vector<std::string> out;
  for (const auto& tok : t.tokens) out.push_back(tok.key);
  return out;
}

// The code points of a UTF-8 string, each as its own UTF-8 string.
std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string cp_substr(const std::vector<std::string>& cps, std::uint32_t begin, std::uint32_t end) {
  std::string out;
  for (std::uint32_t i = begin; i < end && i < cps.size(); ++i) out += cps[i];
  return out;
}

const kg::Token* find_token(const kg::AnalyzedText& t, std::string_view text) {
  for (const auto& tok : t.tokens)
    if (t.token_text(tok) == text) return &tok;
  return nullptr;
}

}  // namespace

TEST_CASE("normalisation composes decomposed characters (NFC)", "[text]") {
  const std::string decomposed = "Soci\x65\xCC\x81t\x65\xCC\x81";  // e + U+0301, twice
  const std::string composed = "Soci\xC3\xA9t\xC3\xA9";
  REQUIRE(decomposed != composed);
  CHECK(analyzer().normalize(decomposed) == composed);
  CHECK(analyzer().normalize(composed) == composed);
  CHECK(analyzer().normalize("plain ASCII stays") == "plain ASCII stays");

  const auto t = analyzer().analyze("Cafe\xCC\x81 Noir opened.", Lang::en);
  CHECK(t.text == "Caf\xC3\xA9 Noir opened.");
  REQUIRE_FALSE(t.tokens.empty());
  CHECK(t.token_text(t.tokens[0]) == "Caf\xC3\xA9");
  CHECK(t.tokens[0].key == "cafe");
}

TEST_CASE("sentences split at full stops, question and exclamation marks", "[text]") {
  const auto t = analyzer().analyze("The harbour reopened. Did the cranes arrive? They did! Work resumed.", Lang::en);
  CHECK(sentences(t) == std::vector<std::string>{"The harbour reopened.", "Did the cranes arrive?", "They did!",
                                                 "Work resumed."});
}

TEST_CASE("abbreviations stay inside their sentence", "[text]") {
  const auto t = analyzer().analyze(
      "Mr. Halvorsen flew to the U.S. on Monday. Mrs. Okafor stayed in Oslo. The talks ended.", Lang::en);
  CHECK(sentences(t) == std::vector<std::string>{"Mr. Halvorsen flew to the U.S. on Monday.",
                                                 "Mrs. Okafor stayed in Oslo.", "The talks ended."});
}

TEST_CASE("an abbreviation before a capitalised word does not end the sentence", "[text]") {
  // Known problem (ICU 72 "@ss=standard" does not suppress these): "U.S. Commerce" and "Dr. Ines"
  // are split into two sentences, which cuts facts such as "the U.S. Commerce Department fined X" in half.
  const auto t = analyzer().analyze("Officials at the U.S. Commerce Department fined Valdora. Dr. Ines Moreau left.", Lang::en);
  CHECK(sentences(t) == std::vector<std::string>{"Officials at the U.S. Commerce Department fined Valdora.",
                                                 "Dr. Ines Moreau left."});
}

TEST_CASE("sentences are located in the text and own their tokens", "[text]") {
  const std::string text = "  First one here.   Second one follows.\n\nThird, after a blank line.  ";
  const auto t = analyzer().analyze(text, Lang::en);
  REQUIRE(t.sentences.size() == 3);
  CHECK(sentences(t) == std::vector<std::string>{"First one here.", "Second one follows.", "Third, after a blank line."});
  std::uint32_t next_token = 0;
  for (const auto& s : t.sentences) {
    CHECK(s.token_begin == next_token);
    CHECK(s.token_end > s.token_begin);
    for (auto i = s.token_begin; i < s.token_end; ++i) {
      CHECK(t.tokens[i].begin >= s.begin);
      CHECK(t.tokens[i].end <= s.end);
    }
    next_token = s.token_end;
  }
  CHECK(next_token == t.tokens.size());
}

TEST_CASE("word tokens, with punctuation and numbers apart", "[text]") {
  const auto t = analyzer().analyze("IBM and Valdora paid 2025 crowns, said Lena.", Lang::en);
  CHECK(token_texts(t) ==
        std::vector<std::string>{"IBM", "and", "Valdora", "paid", "2025", "crowns", ",", "said", "Lena", "."});
  CHECK(token_keys(t) ==
        std::vector<std::string>{"ibm", "and", "valdora", "paid", "2025", "crowns", ",", "said", "lena", "."});
  const kg::Token* ibm = find_token(t, "IBM");
  const kg::Token* valdora = find_token(t, "Valdora");
  const kg::Token* paid = find_token(t, "paid");
  const kg::Token* year = find_token(t, "2025");
  const kg::Token* comma = find_token(t, ",");
  REQUIRE((ibm && valdora && paid && year && comma));
  CHECK(ibm->has(kg::kTokenWord));
  CHECK(ibm->has(kg::kTokenAllCaps));
  CHECK(ibm->has(kg::kTokenCapitalised));
  CHECK(valdora->has(kg::kTokenCapitalised));
  CHECK_FALSE(valdora->has(kg::kTokenAllCaps));
  CHECK_FALSE(paid->has(kg::kTokenCapitalised));
  CHECK(year->has(kg::kTokenNumber));
  CHECK_FALSE(year->has(kg::kTokenWord));
  CHECK(comma->has(kg::kTokenPunct));
}

TEST_CASE("a possessive 's is split from its name", "[text]") {
  for (const char* text : {"Valdora's board met.", "Valdora\xE2\x80\x99s board met."}) {
    INFO(text);
    const auto t = analyzer().analyze(text, Lang::en);
    REQUIRE(t.tokens.size() >= 2);
    CHECK(t.token_text(t.tokens[0]) == "Valdora");
    CHECK(t.tokens[0].key == "valdora");
    CHECK(t.tokens[1].key == "'s");
    CHECK(t.tokens[1].begin == t.tokens[0].end);
  }
  const auto t = analyzer().analyze("OpenAI's chief spoke.", Lang::en);
  CHECK(token_texts(t) == std::vector<std::string>{"OpenAI", "'s", "chief", "spoke", "."});
}

TEST_CASE("French elisions are split and keyed with a plain apostrophe", "[text]") {
  const auto t = analyzer().analyze("Le soutien d\xE2\x80\x99OpenAI et l'accord qu'il signe.", Lang::fr);
  CHECK(token_keys(t) == std::vector<std::string>{"le", "soutien", "d'", "openai", "et", "l'", "accord", "qu'", "il",
                                                  "signe", "."});
  const kg::Token* openai = find_token(t, "OpenAI");
  REQUIRE(openai);
  CHECK(openai->has(kg::kTokenCapitalised));
  CHECK(t.token_text(t.tokens[2]) == "d\xE2\x80\x99");
  // Words with an inner apostrophe that is not an elision stay whole.
  const auto whole = analyzer().analyze("Aujourd'hui, rien.", Lang::fr);
  CHECK(whole.tokens[0].key == "aujourd'hui");
}

TEST_CASE("phrase keys match the keys of running text", "[text]") {
  CHECK(analyzer().keys("ChatGPT Plus") == std::vector<std::string>{"chatgpt", "plus"});
  CHECK(analyzer().keys("Valdora\xE2\x80\x99s") == std::vector<std::string>{"valdora", "'s"});
  CHECK(analyzer().keys("'s") == std::vector<std::string>{"'s"});
  CHECK(analyzer().keys("d\xE2\x80\x99") == std::vector<std::string>{"d'"});
  CHECK(analyzer().keys("Soci\x65\xCC\x81t\x65\xCC\x81 G\xC3\xA9n\xC3\xA9rale") == std::vector<std::string>{"societe", "generale"});
  CHECK(analyzer().keys("   ").empty());
}

TEST_CASE("offsets are code points of the normalised text", "[text]") {
  // Accents, an emoji (4 bytes, 1 code point) and a decomposed letter before the last words.
  const std::string input = "Soci\xC3\xA9t\xC3\xA9 \xF0\x9F\x9A\x80 G\xC3\xA9ne\xCC\x81rale paid. Zo\xC3\xAB left.";
  const auto t = analyzer().analyze(input, Lang::en);
  const auto cps = code_points(t.text);
  for (const auto& tok : t.tokens) {
    INFO("token " << t.token_text(tok));
    CHECK(cp_substr(cps, tok.cp_begin, tok.cp_end) == t.token_text(tok));
    CHECK(tok.cp_end - tok.cp_begin == kg::count_code_points(t.token_text(tok)));
  }
  for (const auto& s : t.sentences) {
    INFO("sentence " << t.sentence_text(s));
    CHECK(cp_substr(cps, s.cp_begin, s.cp_end) == t.sentence_text(s));
  }
  const kg::Token* generale = find_token(t, "G\xC3\xA9n\xC3\xA9rale");  // composed by NFC
  REQUIRE(generale);
  CHECK(generale->cp_begin == 10);  // "Société" 7 + space + rocket + space
  CHECK(generale->cp_end == 18);
  CHECK(generale->begin == 15);     // in bytes: 9 + 1 + 4 + 1
  REQUIRE(t.sentences.size() == 2);
  CHECK(t.sentences[1].cp_begin == 25);
  CHECK(t.sentences[1].cp_end == 34);
}

TEST_CASE("fold_key folds case, accents and typographic marks", "[text]") {
  CHECK(kg::fold_key("Soci\xC3\xA9t\xC3\xA9") == "societe");
  CHECK(kg::fold_key("OPENAI") == "openai");
  CHECK(kg::fold_key("OpenAI") == "openai");
  CHECK(kg::fold_key("Openai") == "openai");
  CHECK(kg::fold_key("\xC3\x89""COLE") == "ecole");
  CHECK(kg::fold_key("Z\xC3\xBCrich") == "zurich");
  CHECK(kg::fold_key("Stra\xC3\x9F""e") == "strasse");
  CHECK(kg::fold_key("d\xE2\x80\x99") == "d'");
  CHECK(kg::fold_key("zo\xE2\x80\x99n") == "zo'n");
  CHECK(kg::fold_key("co\xE2\x80\x93""founder") == "co-founder");  // en dash
  CHECK(kg::fold_key("2025") == "2025");
  CHECK(kg::fold_key("") == "");
}

TEST_CASE("the language of undeclared text is detected", "[text][lang]") {
  const auto en = analyzer().analyze(
      "The harbour board said that it would open the new terminal for ships with a deeper draught.", std::nullopt);
  CHECK(en.lang == Lang::en);
  CHECK(en.lang_detected);

  const auto nl = analyzer().analyze(
      "Het havenbedrijf zei dat de nieuwe terminal voor schepen met een grotere diepgang volgend jaar open gaat.",
      std::nullopt);
  CHECK(nl.lang == Lang::nl);
  CHECK(nl.lang_detected);

  const auto fr = analyzer().analyze(
      "Le port a indiqué que le nouveau terminal pour les navires sera ouvert dans un an, selon la direction.",
      std::nullopt);
  CHECK(fr.lang == Lang::fr);
  CHECK(fr.lang_detected);

  // A declared language is kept, whatever the text looks like.
  const auto declared = analyzer().analyze("Het havenbedrijf zei dat het niet klaar is.", Lang::fr);
  CHECK(declared.lang == Lang::fr);
  CHECK_FALSE(declared.lang_detected);
}

TEST_CASE("detect_language works on tokens alone", "[text][lang]") {
  CHECK(kg::detect_language(analyzer().analyze("De minister heeft volgens de krant niet met het bestuur gesproken.", Lang::en).tokens) == Lang::nl);
  CHECK(kg::detect_language(analyzer().analyze("Selon le journal, la banque est dans une situation difficile.", Lang::en).tokens) == Lang::fr);
  CHECK(kg::detect_language(analyzer().analyze("The bank was in a difficult position, the paper said.", Lang::fr).tokens) == Lang::en);
}

TEST_CASE("function words are known in the three languages", "[text]") {
  CHECK(kg::is_function_word("the"));
  CHECK(kg::is_function_word("het"));
  CHECK(kg::is_function_word("selon"));
  CHECK_FALSE(kg::is_function_word("valdora"));
  CHECK_FALSE(kg::is_function_word("openai"));
}

TEST_CASE("lower-case hyphenated compounds are one word, names keep their parts", "[text]") {
  kg::TextAnalyzer analyzer;
  const auto a = analyzer.analyze("The start-up hired a co-founder of SoftBank-CEO fame and built Wren-2.", kg::Lang::en);
  std::vector<std::string> keys;
  for (const auto& t : a.tokens) keys.push_back(t.key);
  CHECK(std::find(keys.begin(), keys.end(), "start-up") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "co-founder") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "softbank") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "wren") != keys.end());
  CHECK(analyzer.keys("start-up") == std::vector<std::string>{"start-up"});
}
