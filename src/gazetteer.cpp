#include "kgbuild/gazetteer.hpp"

#include <fstream>
#include <stdexcept>

namespace kg {

namespace fs = std::filesystem;

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::organization: return "Organization";
    case EntityType::person: return "Person";
    case EntityType::product: return "Product";
    case EntityType::country: return "Country";
  }
  return "Organization";
}

std::optional<EntityType> entity_type_from_string(std::string_view s) {
  if (s == "Organization") return EntityType::organization;
  if (s == "Person") return EntityType::person;
  if (s == "Product") return EntityType::product;
  if (s == "Country") return EntityType::country;
  return std::nullopt;
}

void PhraseTrie::add(const std::vector<std::string>& keys, std::uint32_t value) {
  if (keys.empty()) return;
  std::uint32_t node = 0;
  for (const auto& key : keys)
    node = children_.intern(node, key, [&] {
      values_.emplace_back();
      return static_cast<std::uint32_t>(values_.size() - 1);
    });
  if (!values_[node]) values_[node] = value;  // the first entry for a phrase wins
}

std::optional<std::uint32_t> PhraseTrie::find(const std::vector<std::string>& keys) const {
  std::uint32_t node = 0;
  for (const auto& key : keys) {
    const auto child = children_.find(node, key);
    if (!child) return std::nullopt;
    node = *child;
  }
  return values_[node];
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> PhraseTrie::longest(const std::vector<Token>& tokens,
                                                                           std::size_t pos, std::size_t end) const {
  std::optional<std::pair<std::uint32_t, std::uint32_t>> best;
  std::uint32_t node = 0;
  for (std::size_t i = pos; i < end; ++i) {
    const auto child = children_.find(node, tokens[i].key);
    if (!child) break;
    node = *child;
    if (values_[node]) best = std::make_pair(static_cast<std::uint32_t>(i + 1 - pos), *values_[node]);
  }
  return best;
}

namespace {

// Phrases hold in the languages whose bits they carry.
std::uint8_t language_bit(Lang lang) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(lang)); }
constexpr std::uint8_t kAllLanguages = 0xFF;  // as PhraseHit::langs has it by default

struct TsvFile {
  fs::path path;
  std::ifstream in;
  std::size_t line_no = 0;

  explicit TsvFile(fs::path p) : path(std::move(p)), in(path) {}

  // Next non-comment, non-blank row split on tabs; false at the end.
  bool next(std::vector<std::string>& cols) {
    std::string line;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      cols.clear();
      std::size_t start = 0;
      while (true) {
        const std::size_t tab = line.find('\t', start);
        cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      return true;
    }
    return false;
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": " + what);
  }
};

std::vector<std::string> split_bar(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t bar = s.find('|', start);
    std::string piece = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    const auto first = piece.find_first_not_of(' ');
    if (first != std::string::npos) out.push_back(piece.substr(first, piece.find_last_not_of(' ') - first + 1));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

// Names are looked up by their folded text with white space collapsed.
std::string Gazetteer::name_key(std::string_view name) {
  std::string out;
  for (char c : fold_key(name)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// "start-up" -> "Start-Up": each part after a space or hyphen capitalised (ASCII letters).
std::string title_case_parts(std::string phrase) {
  bool start = true;
  for (char& c : phrase) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    start = c == '-' || c == ' ';
  }
  return phrase;
}

}  // namespace

void Gazetteer::add_phrase(TextAnalyzer& analyzer, std::string_view phrase, std::uint32_t entity, PhraseKind kind,
                           std::uint8_t langs) {
  const auto keys = analyzer.keys(phrase);
  if (keys.empty()) return;
  // The same adjective in several languages ("Chinese" in en and nl) is one entry for all of them.
  if (const auto existing = phrases_.find(keys)) {
    PhraseHit& hit = hits_[*existing];
    if (hit.entity == entity && hit.kind == kind) hit.langs |= langs;
    return;
  }
  hits_.push_back(PhraseHit{static_cast<std::uint32_t>(keys.size()), entity, kind, langs});
  phrases_.add(keys, static_cast<std::uint32_t>(hits_.size() - 1));
  if (kind == PhraseKind::name) by_name_.emplace(name_key(phrase), entity);
}

void Gazetteer::add_place_forms(TextAnalyzer& analyzer, const std::string& place, std::uint32_t country) {
  for (const char* suffix : {"-based", "-headquartered", "-listed"})
    add_phrase(analyzer, place + suffix, country, PhraseKind::demonym, language_bit(Lang::en));
}

Gazetteer Gazetteer::load(const fs::path& dir, TextAnalyzer& analyzer) {
  Gazetteer g;
  std::vector<std::string> cols;
  {
    TsvFile file(dir / "entities.tsv");
    if (!file.in) throw std::runtime_error((dir / "entities.tsv").string() + ": cannot open the gazetteer");
    while (file.next(cols)) {
      if (cols.size() < 2 || cols.size() > 5)
        file.fail("expected 2 to 5 tab-separated columns (name, type, qid, aliases, descriptors), got " +
                  std::to_string(cols.size()));
      const auto type = entity_type_from_string(cols[1]);
      if (!type) file.fail("expected a type (Organization, Person, Product, Country), got '" + cols[1] + "'");
      const auto index = static_cast<std::uint32_t>(g.entities_.size());
      g.entities_.push_back(KnownEntity{cols[0], *type, cols.size() > 2 ? cols[2] : "", false});
      g.add_phrase(analyzer, cols[0], index, PhraseKind::name);
      if (cols.size() > 3)
        for (const auto& alias : split_bar(cols[3])) g.add_phrase(analyzer, alias, index, PhraseKind::name);
      // "U.S.-based Skydio", "Germany-based": a country's names make English adjectives as cities do.
      if (*type == EntityType::country) {
        g.add_place_forms(analyzer, cols[0], index);
        if (cols.size() > 3)
          for (const auto& alias : split_bar(cols[3])) g.add_place_forms(analyzer, alias, index);
      }
      if (cols.size() > 4)
        for (const auto& d : split_bar(cols[4])) g.add_phrase(analyzer, d, index, PhraseKind::descriptor);
    }
  }
  // Demonyms and places share their first two columns: a country of entities.tsv and a language.
  auto country_of = [&g](TsvFile& file, const std::string& name) {
    const auto country = g.find(name);
    if (!country || g.entity(*country).type != EntityType::country)
      file.fail("unknown country '" + name + "' (add it to entities.tsv)");
    return *country;
  };
  auto language_bits = [](TsvFile& file, const std::string& code, bool any_allowed) -> std::uint8_t {
    if (any_allowed && code == "any") return kAllLanguages;
    if (const auto lang = lang_from_string(code)) return language_bit(*lang);
    file.fail(std::string("expected a language (en, nl") + (any_allowed ? ", fr or any" : " or fr") + "), got '" + code + "'");
  };
  if (TsvFile file(dir / "demonyms.tsv"); file.in) {
    while (file.next(cols)) {
      if (cols.size() != 3) file.fail("expected 3 columns (country, lang, adjectives)");
      const auto country = country_of(file, cols[0]);
      const auto bits = language_bits(file, cols[1], false);
      for (const auto& form : split_bar(cols[2])) g.add_phrase(analyzer, form, country, PhraseKind::demonym, bits);
    }
  }
  // Places say where an organisation is from as a nationality does: "het Amsterdamse Adyen",
  // "la start-up lyonnaise Kernelia", "Paris-based Mistral AI".
  if (TsvFile file(dir / "places.tsv"); file.in) {
    while (file.next(cols)) {
      if (cols.size() != 4) file.fail("expected 4 columns (country, lang, forms, kind)");
      const auto country = country_of(file, cols[0]);
      const auto bits = language_bits(file, cols[1], true);
      if (cols[3] == "adjective") {
        for (const auto& form : split_bar(cols[2])) g.add_phrase(analyzer, form, country, PhraseKind::demonym, bits);
      } else if (cols[3] == "city") {
        for (const auto& form : split_bar(cols[2])) g.add_phrase(analyzer, form, country, PhraseKind::city, bits);
        // Only English makes adjectives of city names this way.
        const auto english = language_bit(Lang::en);
        if (!(bits & english)) continue;
        for (const auto& form : split_bar(cols[2])) g.add_place_forms(analyzer, form, country);
      } else {
        file.fail("expected a kind (city or adjective), got '" + cols[3] + "'");
      }
    }
  }
  if (std::ifstream in(dir / "first-names.txt"); in) {
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') g.given_names_.insert(fold_key(line));
  }
  if (TsvFile file(dir / "org-cues.tsv"); file.in) {
    std::uint32_t n = 0;
    while (file.next(cols)) {
      if (cols.size() != 3) file.fail("expected 3 columns (lang, position, cue)");
      const auto one_word = [&](WordSet& words) {
        const auto keys = analyzer.keys(cols[2]);
        if (keys.size() == 1 && keys[0].size() >= 3) words.insert(keys[0]);
      };
      // "start-up" is one word to the word breaker, "Start-Up" (a headline's) three: both are cues.
      const auto add_cue = [&](PhraseTrie& trie) {
        const auto keys = analyzer.keys(cols[2]);
        if (&trie == &g.org_prefixes_ && !keys.empty()) g.org_cue_ends_.insert(keys.back());
        trie.add(keys, n++);
        if (cols[2].find('-') == std::string::npos) return;
        const auto title_keys = analyzer.keys(title_case_parts(cols[2]));
        if (&trie == &g.org_prefixes_ && !title_keys.empty()) g.org_cue_ends_.insert(title_keys.back());
        trie.add(title_keys, n++);
      };
      if (cols[1] == "suffix") { g.org_suffixes_.insert(fold_key(cols[2])); g.compound_suffixes_.insert(fold_key(cols[2])); }
      else if (cols[1] == "owner-suffix") {  // a suffix too
        g.org_suffixes_.insert(fold_key(cols[2]));
        g.compound_suffixes_.insert(fold_key(cols[2]));
        g.owner_suffixes_.insert(fold_key(cols[2]));
      }
      else if (cols[1] == "prefix") { add_cue(g.org_prefixes_); one_word(g.org_nouns_); }
      else if (cols[1] == "person-title") add_cue(g.person_titles_);
      else if (cols[1] == "product-prefix") { add_cue(g.product_prefixes_); one_word(g.product_nouns_); }
      else if (cols[1] == "product-suffix") { g.product_suffixes_.insert(fold_key(cols[2])); one_word(g.product_nouns_); }
      else file.fail("expected suffix, owner-suffix, prefix, person-title, product-prefix or product-suffix, got '" + cols[1] + "'");
    }
  }
  if (TsvFile file(dir / "references.tsv"); file.in) {
    std::uint32_t n = 0;
    while (file.next(cols)) {
      if (cols.size() != 2) file.fail("expected 2 columns (lang, phrase)");
      g.generic_references_.add(analyzer.keys(cols[1]), n++);
    }
  }
  if (std::ifstream in(dir / "not-names.tsv"); in) {
    std::uint32_t n = 0;
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') g.non_names_.add(analyzer.keys(line), n++);
  }
  // Outlets are credited for facts ("according to Reuters") and never stand for "the company".
  if (std::ifstream in(dir / "outlets.txt"); in) {
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      auto index = g.find(line);
      if (!index) {
        index = static_cast<std::uint32_t>(g.entities_.size());
        g.entities_.push_back(KnownEntity{line, EntityType::organization, "", false});
        g.add_phrase(analyzer, line, *index, PhraseKind::name);
      }
      g.entities_[*index].outlet = true;
    }
  }
  return g;
}

std::optional<std::uint32_t> Gazetteer::find(std::string_view name) const { return find_key(name_key(name)); }

std::optional<std::uint32_t> Gazetteer::find_key(const std::string& key) const {
  const auto it = by_name_.find(key);
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<PhraseHit> Gazetteer::match(const std::vector<Token>& tokens, std::size_t pos, std::size_t end, Lang lang) const {
  const auto found = phrases_.longest(tokens, pos, end);
  if (!found) return std::nullopt;
  PhraseHit hit = hits_[found->second];
  hit.length = found->first;
  if (!(hit.langs & (1u << static_cast<unsigned>(lang)))) {
    // A demonym of another language ("Fins" in English text): try a shorter entry.
    if (found->first <= 1) return std::nullopt;
    return match(tokens, pos, pos + found->first - 1, lang);
  }
  if (hit.kind != PhraseKind::name && hit.kind != PhraseKind::city) return hit;
  // A name written all in lower case is a common word ("arm", "orange", "windows"), not the company.
  for (std::size_t i = pos; i < pos + hit.length; ++i)
    if (tokens[i].flags & (kTokenCapitalised | kTokenAllCaps | kTokenHasUpper | kTokenNumber)) return hit;
  return std::nullopt;
}

namespace {

std::uint32_t tail_of(std::string_view word) {
  std::uint32_t tail = 0;
  for (std::size_t i = word.size() - 3; i < word.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(word[i]);
  return tail;
}

}  // namespace

void Gazetteer::WordSet::insert(const std::string& word) {
  if (word.size() < 3) return;
  words.insert(word);
  tails.insert(tail_of(word));
}

bool Gazetteer::ends_in(const WordSet& set, std::string_view key) {
  if (key.size() < 6 || !set.tails.count(tail_of(key))) return false;
  // The head of the compound is at least three letters, and so is what comes before it.
  for (std::size_t start = 3; start + 3 <= key.size(); ++start) {
    if (key[start - 1] == '-') continue;  // "Drone-ontwikkelaar": the hyphen splits it into tokens anyway
    if (set.words.find(key.substr(start)) != set.words.end()) return true;
  }
  return false;
}

std::optional<std::uint32_t> Gazetteer::org_prefix_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const {
  if (auto found = org_prefixes_.longest(t, pos, end)) return found->first;
  return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::product_prefix_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const {
  if (auto found = product_prefixes_.longest(t, pos, end)) return found->first;
  return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::person_title_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const {
  if (auto found = person_titles_.longest(t, pos, end)) return found->first;
  return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::non_name_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const {
  if (auto found = non_names_.longest(t, pos, end)) return found->first;
  return std::nullopt;
}

std::optional<std::uint32_t> Gazetteer::generic_reference_at(const std::vector<Token>& t, std::size_t pos,
                                                              std::size_t end) const {
  if (auto found = generic_references_.longest(t, pos, end)) return found->first;
  return std::nullopt;
}

}  // namespace kg
