#pragma once
// Known names, read from plain data files under extractor/gazetteer/: entities with their aliases,
// descriptors ("the ChatGPT maker") and Wikidata ids; demonyms; given names; organisation cues.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kgbuild/keyed_ids.hpp"
#include "kgbuild/text.hpp"

namespace kg {

enum class EntityType : std::uint8_t { organization, person, product, country };
std::string_view to_string(EntityType type);                  // "Organization", ...
std::optional<EntityType> entity_type_from_string(std::string_view);

struct KnownEntity {
  std::string name;  // canonical
  EntityType type;
  std::string qid;   // Wikidata id, may be empty
  bool outlet = false;  // a news outlet: credited for facts, never a coreference antecedent
};

// A phrase names an entity, describes one ("the ChatGPT maker"), is a nationality ("Dutch",
// "Paris-based") or a city, which says where an organisation is from only where no name goes on
// ("Berlin's Kalvo", not "Berlin Brands Group").
enum class PhraseKind : std::uint8_t { name, descriptor, demonym, city };

struct PhraseHit {
  std::uint32_t length = 0;  // tokens
  std::uint32_t entity = 0;  // index of the KnownEntity
  PhraseKind kind = PhraseKind::name;
  std::uint8_t langs = 0xFF;  // languages it holds in (bit per Lang): demonyms are per language
};

// Maps sequences of token keys to values; lookups find the longest sequence at a position.
class PhraseTrie {
 public:
  void add(const std::vector<std::string>& keys, std::uint32_t value);
  // Longest entry starting at tokens[pos] (not passing end): its length in tokens and value.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> longest(const std::vector<Token>& tokens,
                                                                 std::size_t pos, std::size_t end) const;
  std::optional<std::uint32_t> find(const std::vector<std::string>& keys) const;  // exact entry
  bool empty() const { return values_.size() <= 1; }

 private:
  KeyedIds children_;  // (node, word) -> child node; node 0 is the root
  std::vector<std::optional<std::uint32_t>> values_{std::nullopt};  // per node
};

class Gazetteer {
 public:
  // Reads every file of the folder; throws std::runtime_error "file:line: ..." on a malformed row.
  static Gazetteer load(const std::filesystem::path& dir, TextAnalyzer& analyzer);

  const KnownEntity& entity(std::uint32_t index) const { return entities_[index]; }
  std::size_t size() const { return entities_.size(); }
  std::optional<std::uint32_t> find(std::string_view name) const;  // by canonical name or alias (folded)
  // The same, by a key already made with name_key(): a name is folded once.
  std::optional<std::uint32_t> find_key(const std::string& key) const;
  // How names are compared: folded, white space collapsed ("OPENAI  Inc" -> "openai inc").
  static std::string name_key(std::string_view name);

  std::optional<PhraseHit> match(const std::vector<Token>& tokens, std::size_t pos, std::size_t end, Lang lang) const;
  bool is_given_name(const std::string& key) const { return given_names_.count(key) != 0; }
  bool is_org_suffix(const std::string& key) const { return org_suffixes_.count(key) != 0; }
  std::optional<std::uint32_t> org_prefix_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const;
  std::optional<std::uint32_t> product_prefix_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const;
  bool is_product_suffix(const std::string& key) const { return product_suffixes_.count(key) != 0; }
  // "Holding", "Participations", "Beheer": a suffix that names the vehicle owning a company of the
  // same name ("Sarvel" and its holding "Sarvel Participations" are two organisations).
  bool is_owner_suffix(const std::string& key) const { return owner_suffixes_.count(key) != 0; }
  // A compound ending in a one-word cue or designator ("softwarebedrijf", "betaalapp", "Bouwgroep"),
  // for languages that write nouns together.
  bool is_product_noun(const std::string& key) const { return product_nouns_.count(key) != 0; }
  bool ends_in_org_noun(std::string_view key) const { return ends_in(org_nouns_, key); }
  bool ends_in_product_noun(std::string_view key) const { return ends_in(product_nouns_, key); }
  bool ends_in_org_suffix(std::string_view key) const { return ends_in(compound_suffixes_, key); }
  // Can an organisation cue end with this word ("chipmaker", the "up" of "start-up")?
  bool may_end_org_cue(const std::string& key) const { return org_cue_ends_.count(key) != 0; }
  std::optional<std::uint32_t> person_title_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const;
  // "Nasdaq Composite", "S&P 500", "Chapter 11": capitalised phrases that name no company, person
  // or product (indices, events, procedures), from not-names.tsv; their length in tokens.
  std::optional<std::uint32_t> non_name_at(const std::vector<Token>& t, std::size_t pos, std::size_t end) const;
  // "the company", "het bedrijf", "la société": references to the most recent organisation.
  std::optional<std::uint32_t> generic_reference_at(const std::vector<Token>& t, std::size_t pos,
                                                    std::size_t end) const;

 private:
  // "Paris-based", "Paris-headquartered", "Paris-listed": the English adjectives of a place.
  void add_place_forms(TextAnalyzer& analyzer, const std::string& place, std::uint32_t country);
  void add_phrase(TextAnalyzer& analyzer, std::string_view phrase, std::uint32_t entity, PhraseKind kind,
                  std::uint8_t langs = 0xFF);

  std::vector<KnownEntity> entities_;
  std::vector<PhraseHit> hits_;  // trie values index this
  PhraseTrie phrases_;
  std::unordered_map<std::string, std::uint32_t> by_name_;
  std::unordered_set<std::string> given_names_;
  std::unordered_set<std::string> org_suffixes_;
  std::unordered_set<std::string> product_suffixes_;
  std::unordered_set<std::string> owner_suffixes_;
  // Looked up by string_view without building a string: compounds are checked suffix by suffix.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Words, and the last three bytes of each: most words end otherwise, and are turned down with
  // one look-up before their suffixes are tried.
  struct WordSet {
    std::unordered_set<std::string, ViewHash, std::equal_to<>> words;
    std::unordered_set<std::uint32_t> tails;
    void insert(const std::string& word);
    std::size_t count(const std::string& word) const { return words.count(word); }
  };
  WordSet org_nouns_, product_nouns_, compound_suffixes_;  // one-word cues; designators, for compounds
  std::unordered_set<std::string> org_cue_ends_;             // the last word of every organisation cue
  static bool ends_in(const WordSet& words, std::string_view key);
  PhraseTrie org_prefixes_, person_titles_, generic_references_, product_prefixes_, non_names_;
};

}  // namespace kg
