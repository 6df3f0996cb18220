#include "discourse.hpp"

#include "kgbuild/text.hpp"

namespace kg {

void Discourse::named(std::int32_t org, std::size_t sentence) {
  const auto index = static_cast<std::size_t>(org);
  if (counts_.size() <= index) {
    counts_.resize(entities_.size(), 0);
    first_seen_.resize(entities_.size(), kNotSeen);
  }
  if (first_seen_[index] == kNotSeen) first_seen_[index] = mentioned_.size();
  const int n = ++counts_[index];
  mentioned_.push_back(Mentioned{org, sentence});
  // Kept as mentions come, so that long articles do not recount.
  if (topic_ < 0 || n > count(topic_) || (n == count(topic_) && first_seen_[index] < first_seen(topic_))) topic_ = org;
}

std::size_t Discourse::first_seen(std::int32_t org) const {
  if (org < 0 || static_cast<std::size_t>(org) >= first_seen_.size()) return kNotSeen;
  return first_seen_[static_cast<std::size_t>(org)];
}

int Discourse::count(std::int32_t org) const {
  if (org < 0 || static_cast<std::size_t>(org) >= counts_.size()) return 0;
  return counts_[static_cast<std::size_t>(org)];
}

std::int32_t Discourse::antecedent_before(std::size_t sentence) const { return antecedent_in(sentence, -1, false); }

std::int32_t Discourse::antecedent(std::size_t sentence, std::int32_t country) const {
  return antecedent_in(sentence, country, true);
}

std::int32_t Discourse::antecedent_in(std::size_t sentence, std::int32_t country, bool this_sentence_too) const {
  // "the French drugmaker" is not the organisation the article said is Norwegian.
  auto elsewhere = [&](std::int32_t org) {
    if (country < 0) return false;
    const auto found = countries_.find(org);
    return found != countries_.end() && found->second != country;
  };
  for (const bool funds_too : {false, true}) {
    std::int32_t best = -1;
    int best_count = 0;
    for (auto it = mentioned_.rbegin(); it != mentioned_.rend(); ++it) {
      if (!this_sentence_too && it->sentence >= sentence) continue;
      if (it->sentence + 3 < sentence) break;
      if (elsewhere(it->org)) continue;
      // "the company" is seldom the investment firm: "Sequoia Capital invested in Harbor, the start-up said".
      if (!funds_too && is_investment_firm(it->org)) continue;
      const int n = count(it->org);
      // On a tie the article's older subject wins over a name just mentioned in passing.
      if (n > best_count || (n == best_count && first_seen(it->org) < first_seen(best))) {
        best = it->org;
        best_count = n;
      }
    }
    if (best >= 0) return best;
  }
  return elsewhere(topic_) ? -1 : topic_;
}

std::int32_t Discourse::described_as(const std::string& noun, std::size_t sentence, const std::string& place) const {
  for (auto it = mentioned_.rbegin(); it != mentioned_.rend(); ++it) {
    if (it->sentence + 6 < sentence) break;
    const auto found = nouns_.find(it->org);
    if (found == nouns_.end() || !found->second.count(noun)) continue;
    const auto places = places_.find(it->org);
    if (!place.empty() && places != places_.end() && !places->second.count(place)) continue;
    return it->org;
  }
  return -1;
}

std::int32_t Discourse::of_country(std::int32_t country) const {
  std::int32_t best = -1;
  int best_count = 0;
  for (const auto& [org, c] : countries_) {
    if (c != country || count(org) <= best_count) continue;
    best = org;
    best_count = count(org);
  }
  return best;
}

bool Discourse::is_investment_firm(std::int32_t org) const {
  static const std::set<std::string> suffixes = {"capital", "ventures", "partners", "fund", "investments", "investors",
                                                 "equity", "vc", "invest", "participations", "beteiligungen"};
  // ... or introduced as one: "le fonds Eurazeo", "investor Tiger Global".
  static const std::set<std::string> nouns = {"fund", "investor", "fonds", "investeerder", "investisseur", "durfinvesteerder"};
  const std::string& name = entities_[static_cast<std::size_t>(org)].name;
  const auto space = name.rfind(' ');
  if (suffixes.count(fold_key(space == std::string::npos ? name : name.substr(space + 1)))) return true;
  const auto found = nouns_.find(org);
  if (found == nouns_.end()) return false;
  for (const auto& noun : found->second)
    if (nouns.count(noun)) return true;
  return false;
}

}  // namespace kg
