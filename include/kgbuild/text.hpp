#pragma once
// The text layer, on ICU: NFC normalisation, sentence and word segmentation, matching keys
// (case-folded, accents removed) and offsets in code points of the normalised text.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/lang.hpp"

namespace kg {

enum TokenFlag : std::uint8_t {
  kTokenWord = 1,         // letters (possibly with digits)
  kTokenNumber = 2,       // digits
  kTokenPunct = 4,        // punctuation or symbol
  kTokenCapitalised = 8,  // first letter upper case
  kTokenAllCaps = 16,     // two or more letters, all upper case
  kTokenHasUpper = 32,    // some letter upper case ("iPhone", "xAI")
};

struct Token {
  std::uint32_t begin = 0, end = 0;        // bytes in the normalised text
  std::uint32_t cp_begin = 0, cp_end = 0;  // code points in the normalised text
  std::string key;                         // folded matching key: "Société" -> "societe"
  std::uint8_t flags = 0;
  bool has(TokenFlag flag) const { return (flags & flag) != 0; }
};

struct Sentence {
  std::uint32_t begin = 0, end = 0;        // bytes, trailing white space excluded
  std::uint32_t cp_begin = 0, cp_end = 0;  // code points
  std::uint32_t token_begin = 0, token_end = 0;  // index range into AnalyzedText::tokens
};

struct AnalyzedText {
  std::string text;  // NFC
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  Lang lang = Lang::en;
  bool lang_detected = false;  // true when no language was declared
  std::string_view token_text(const Token& t) const { return std::string_view(text).substr(t.begin, t.end - t.begin); }
  std::string_view sentence_text(const Sentence& s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
};

// The matching key of one token: case folded, accents removed, typographic apostrophes and
// dashes made plain, so "Openai", "OPENAI" and "OpenAI" meet, as do "Societe" and "Société".
std::string fold_key(std::string_view token);

class TextAnalyzer {
 public:
  TextAnalyzer();
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;

  std::string normalize(std::string_view utf8) const;  // NFC
  // Normalises, detects the language when none is declared, and segments.
  AnalyzedText analyze(std::string_view utf8, std::optional<Lang> declared);
  // The keys of a phrase as the analyser would tokenise it in running text (for gazetteers and rules).
  std::vector<std::string> keys(std::string_view phrase);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Language identification among en, nl and fr from stop-word counts and spelling; `text` is
// what the tokens index (may be empty: then spelling is not used).
Lang detect_language(const std::vector<Token>& tokens, std::string_view text = {});

// A function word or common sentence opener of any of the three languages ("the", "het", "selon"):
// capitalised at the start of a sentence, it is not a name.
bool is_function_word(const std::string& key);

}  // namespace kg
