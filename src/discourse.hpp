#pragma once
// Internal to the mention finder: what an article has said about its organisations so far — how
// often and where each was named, the nouns and countries it gave them — from which references
// ("the company", "the lender", "the Dutch bank") and the article's topic are resolved.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kgbuild/mentions.hpp"

namespace kg {

class Discourse {
 public:
  explicit Discourse(const std::vector<ArticleEntity>& entities) : entities_(entities) {}

  // An organisation was named or referred to in `sentence` (outlets are not counted).
  void named(std::int32_t org, std::size_t sentence);
  void learn_noun(std::int32_t org, const std::string& noun) { nouns_[org].insert(noun); }
  // The place word the article described it with ("la start-up lyonnaise"): "la start-up parisienne"
  // is another company.
  void learn_place(std::int32_t org, const std::string& place) { places_[org].insert(place); }
  void learn_country(std::int32_t org, std::int32_t country) { countries_[org] = country; }
  void learn_country_once(std::int32_t org, std::int32_t country) { countries_.emplace(org, country); }

  // The organisation named most so far, the first named on a tie.
  std::int32_t topic() const { return topic_; }
  // "the company": among organisations named in this or the three previous sentences, the one named
  // most (investment firms only when nothing else is), the first named on a tie; else the topic.
  // `country`, when not -1, rules out organisations the article places in another country.
  std::int32_t antecedent(std::size_t sentence, std::int32_t country = -1) const;
  // The same, from the sentences before this one only: "Fondée par A, passé par B, la jeune pousse
  // édite ..." opens its main clause after names that are no antecedent.
  std::int32_t antecedent_before(std::size_t sentence) const;
  // The most recent organisation introduced with `noun` ("lender"), within six sentences, or -1;
  // with `place` ("parisienne"), not one the article described with another place word.
  std::int32_t described_as(const std::string& noun, std::size_t sentence, const std::string& place = {}) const;
  // The most named organisation the article placed in `country`, or -1.
  std::int32_t of_country(std::int32_t country) const;
  // "Veldhuis Capital", "Index Ventures": names that say the organisation invests.
  bool is_investment_firm(std::int32_t org) const;

 private:
  std::int32_t antecedent_in(std::size_t sentence, std::int32_t country, bool this_sentence_too) const;
  static constexpr std::size_t kNotSeen = static_cast<std::size_t>(-1);
  struct Mentioned { std::int32_t org; std::size_t sentence; };

  std::size_t first_seen(std::int32_t org) const;
  int count(std::int32_t org) const;

  const std::vector<ArticleEntity>& entities_;
  std::vector<Mentioned> mentioned_;        // every organisation mention, in order
  std::vector<int> counts_;                 // per entity
  std::vector<std::size_t> first_seen_;     // per entity: index in mentioned_ of its first mention
  std::int32_t topic_ = -1;
  std::map<std::int32_t, std::set<std::string>> nouns_;  // organisation -> nouns the article gave it
  std::map<std::int32_t, std::set<std::string>> places_;  // organisation -> place words it was described with
  std::map<std::int32_t, std::int32_t> countries_;       // organisation -> country, as the article says
};

}  // namespace kg
