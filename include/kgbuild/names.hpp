#pragma once
// What a language says about names, read from extractor/lang/<code>/names.tsv: its word list (to
// tell "Shares" opening a sentence from "Quillon"), the words that join the parts of one name
// ("Bank of Harrow", "Marlow & Finch"), the words that open an organisation's name ("Groupe",
// "Stichting") and capitalised words that are never a name alone ("Chairman", "CEO").
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kgbuild/lang.hpp"

namespace kg {

// A sorted set of 64-bit hashes with an index on their top 16 bits: a look-up searches one small
// run of neighbours (a cache line or two) instead of the whole list.
class HashSet {
 public:
  void add(std::uint64_t h) { hashes_.push_back(h); }
  void reserve(std::size_t more) { hashes_.reserve(hashes_.size() + more); }
  void finish();  // sorts and indexes after the last add
  bool contains(std::uint64_t h) const;
  bool empty() const { return hashes_.empty(); }

 private:
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint32_t> starts_;  // per top-16-bit bucket, where its hashes start
};

// A language's word list as two sets of hashes: entries written in lower case (common words) and
// entries written capitalised (proper nouns: places, given names, months).
class WordList {
 public:
  // Reads one word per line; returns false when the file cannot be opened.
  bool read(const std::filesystem::path& path);
  bool empty() const { return common_.empty() && proper_.empty(); }
  // `lower` is the word in lower case ("harrow"), `surface` as written ("Harrow").
  bool is_common(std::string_view lower) const;
  bool is_proper(std::string_view surface) const;
  void finish();  // sorts after the last read

 private:
  HashSet common_, proper_;
};

struct LanguageNames {
  WordList words;
  std::vector<std::filesystem::path> word_list_candidates;  // as listed; every one found is read
  // Folded keys.
  std::unordered_set<std::string> connectors;    // "of", "van", "de"
  std::unordered_set<std::string> conjunctions;  // "and", "en", "et": only before a designator
  std::unordered_set<std::string> heads;         // "Groupe", "Stichting"
  std::unordered_set<std::string> lowercase_heads;  // "ministerie" (van Financiën), "ministère" (de l'Économie)
  std::unordered_set<std::string> legal_forms;   // "N.V", "Inc": dropped from the entity's name
  std::unordered_set<std::string> not_names;
  std::unordered_set<std::string> articles;  // "the", "het", "la": no company's name follows one directly
  std::unordered_set<std::string> honorifics;   // "mr", "m", "de heer": a surname follows
  std::unordered_set<std::string> place_cues;     // "en", "usine": a place follows, not a company
  std::unordered_set<std::string> no_name_after;  // "du", "des": articles merged with a preposition
  std::unordered_set<std::string> staff_nouns;    // "engineers at X": an employer, no party to the facts
  std::unordered_set<std::string> auxiliaries;    // "has", "heeft", "avait": a verb follows a subject
  std::unordered_set<std::string> headline_breaks;  // "over", "na": end a stretch of a title-case headline
  std::vector<std::string> headline_verb_endings;   // "s" of "Buys", "t" of "Koopt"
  std::vector<std::string> adjective_endings;       // "ois" of "lavallois": a lower-case word so ending is no brand
  std::unordered_set<std::string> source_words;     // "according", "selon": a name after it is cited, no subject
  bool capitalises_titles = false;  // "Chief Executive", "Wall Street": capitals alone prove nothing
  bool compounds = false;           // nouns join into one word: "softwarebedrijf", "Bouwgroep"
  bool nationality_opens_names = false;  // "British Fintech Alliance" (not "het Belgische X SA")
  bool adjectives_after_nouns = false;   // "la citadine électrique ZV3"
};

class NameData {
 public:
  // Reads DIR/<code>/names.tsv for every language; throws "file:line: what was expected" on a
  // malformed row. Languages without the file, or whose word lists are all missing, have empty sets.
  static NameData load(const std::filesystem::path& dir);
  const LanguageNames& of(Lang lang) const;
  // The connectors, conjunctions, heads and legal forms of every language together: a French
  // company keeps its "Groupe ... et Fils" in English news.
  const LanguageNames& shared() const { return shared_; }
  // Languages whose word lists were listed but none could be read (for a warning).
  std::vector<Lang> missing_word_lists() const;

 private:
  std::map<Lang, LanguageNames> langs_;
  LanguageNames none_;
  LanguageNames shared_;
};

// Lower-cases ASCII and the Latin-1 and Latin Extended-A capitals of UTF-8 text ("École" -> "école").
std::string lower_latin(std::string_view utf8);

}  // namespace kg
