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


// Words two of the languages share: half a vote to each.
const std::unordered_map<std::string_view, std::array<double, 3>>& shared_words() {
  static const std::unordered_map<std::string_view, std::array<double, 3>> words = {
      {"de", {0, 0.5, 0.5}}, {"in", {0.5, 0.5, 0}}, {"en", {0, 0.5, 0.5}}, {"is", {0.5, 0.5, 0}},
      {"a", {0.5, 0, 0.5}},  {"over", {0.5, 0.5, 0}}, {"of", {1, 0, 0}},     {"les", {0, 0, 1}}};
  return words;
}

// Spelling that marks a language even in words no list holds: Dutch "ij", French accents.
void spelling_votes(const std::string& key, const std::string_view raw, std::array<double, 3>& votes) {
  if (key.find("ij") != std::string::npos) votes[static_cast<std::size_t>(Lang::nl)] += 0.3;
  for (std::string_view accent : {"é", "è", "à", "ç", "ê"})
    if (raw.find(accent) != std::string_view::npos) {
      votes[static_cast<std::size_t>(Lang::fr)] += 0.3;
      break;
    }
}

}  // namespace

bool is_function_word(const std::string& key) {
  return stop_words().count(key) != 0 || openers().count(key) != 0;
}

Lang detect_language(const std::vector<Token>& tokens, std::string_view text) {
  std::array<double, 3> hits{};
  const auto& words = stop_words();
  const auto& shared = shared_words();
  std::size_t seen = 0;
  for (const auto& token : tokens) {
    if (token.has(kTokenPunct)) continue;
    if (++seen > 2000) break;  // enough evidence; keeps long articles cheap
    if (const auto it = words.find(token.key); it != words.end()) hits[static_cast<std::size_t>(it->second)] += 1;
    else if (const auto sh = shared.find(token.key); sh != shared.end())
      for (std::size_t i = 0; i < 3; ++i) hits[i] += sh->second[i];
    if (token.key.size() > 3 && !text.empty()) spelling_votes(token.key, text.substr(token.begin, token.end - token.begin), hits);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < hits.size(); ++i)
    if (hits[i] > hits[best]) best = i;
  return static_cast<Lang>(best);
}

}  // namespace kg
