#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "kgbuild/text.hpp"

namespace kg {

namespace {

// Frequent function words; words shared between languages ("de", "in", "en") are left out so
// that every hit is evidence for one language only.
const std::unordered_map<std::string_view, Lang>& stop_words() {
  static const std::unordered_map<std::string_view, Lang> words = [] {
    std::unordered_map<std::string_view, Lang> w;
    for (auto s : {"the", "and", "of", "to", "is", "that", "for", "with", "on", "as", "by", "was", "has",
                   "its", "from", "which", "will", "would", "are", "this", "at", "be", "it", "said", "have",
                   "their", "than", "after", "were", "been", "into", "about", "could", "also"})
      w.emplace(s, Lang::en);
    for (auto s : {"het", "een", "van", "dat", "op", "te", "met", "voor", "zijn", "niet", "die", "er", "om",
                   "ook", "bij", "naar", "werd", "heeft", "zou", "door", "aan", "wordt", "hebben", "nog",
                   "maar", "dan", "volgens", "deze", "tot", "meer"})
      w.emplace(s, Lang::nl);
    for (auto s : {"le", "la", "les", "des", "du", "et", "un", "une", "est", "que", "qui", "dans", "pour",
                   "pas", "sur", "au", "aux", "avec", "par", "ce", "il", "son", "sa", "ses", "ete", "selon",
                   "d'", "l'", "plus", "sont", "ont", "cette"})
      w.emplace(s, Lang::fr);
    return w;
  }();
  return words;
}

const std::unordered_set<std::string_view>& openers() {
  static const std::unordered_set<std::string_view> words = {
      "a", "an", "in", "but", "however", "these", "those", "he", "she", "they", "we", "i", "before",
      "since", "according", "despite", "amid", "without", "while", "when", "if", "last", "next", "earlier",
      "meanwhile", "analysts", "reports", "experts", "there", "what", "where", "who", "why", "how", "our",
      "his", "her", "both", "all", "some", "many", "several", "other", "another", "new", "one", "two",
      "de", "en", "na", "dit", "ook", "hij", "zij", "ze", "we", "wij", "toen", "nu", "als", "wat", "wie",
      "waar", "sinds", "eerder", "vorig", "vorige", "volgend", "daarmee", "daarnaast", "bovendien",
      "l'", "d'", "lors", "elle", "ils", "elles", "mais", "apres", "avant", "depuis", "cela", "ceci",
      "quand", "si", "alors", "ainsi", "enfin", "puis", "toutefois", "pourtant", "nous", "on", "chez",
      "the", "this", "that", "it", "its", "for", "and", "with", "after", "as", "at", "on", "by"};
  return words;
}

}  // namespace

bool is_function_word(const std::string& key) {
  return stop_words().count(key) != 0 || openers().count(key) != 0;
}

Lang detect_language(const std::vector<Token>& tokens) {
  std::array<int, 3> hits{};
  const auto& words = stop_words();
  std::size_t seen = 0;
  for (const auto& token : tokens) {
    if (token.has(kTokenPunct)) continue;
    if (++seen > 2000) break;  // enough evidence; keeps long articles cheap
    const auto it = words.find(token.key);
    if (it != words.end()) ++hits[static_cast<std::size_t>(it->second)];
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < hits.size(); ++i)
    if (hits[i] > hits[best]) best = i;
  return static_cast<Lang>(best);
}

}  // namespace kg
