#pragma once
// Mentions: the spans of an article that name an entity, an amount, a date or a percentage,
// with coreference resolved, so rules see "SoftBank" where the text says "the conglomerate".
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kgbuild/article.hpp"
#include "kgbuild/gazetteer.hpp"
#include "kgbuild/money.hpp"
#include "kgbuild/names.hpp"
#include "kgbuild/text.hpp"

namespace kg {

enum class MentionType : std::uint8_t { organization, person, product, country, nationality, money, date, percent };
std::string_view to_string(MentionType type);  // "ORG", "PERSON", ...

struct Mention {
  std::uint32_t token_begin = 0, token_end = 0;  // article token range
  MentionType type = MentionType::organization;
  std::int32_t entity = -1;  // ArticleAnalysis::entities index, for entity and nationality mentions
  std::int32_t value = -1;   // index into money / dates / percents
  bool coreferent = false;   // a phrase or short name standing for an entity named elsewhere
  bool generic = false;      // "the company", "het bedrijf": resolved again once facts show who invests
  bool modifier = false;     // "Google" in "Google parent Alphabet": names another; rules do not see it
  bool person_too = false;   // an organisation only its shape typed: a person's place in a rule may take it
};

// An entity as this article knows it: canonical name, type, and the surface forms it was read as.
struct ArticleEntity {
  std::string name;
  EntityType type = EntityType::organization;
  std::string qid;
  std::vector<std::string> surfaces;  // distinct forms, in order of appearance
  bool known = false;                 // from the gazetteer
  bool outlet = false;
  // Typed by the shape of its name alone ("Quillon said"), with no list, designator or cue behind
  // it: its facts carry a lower confidence.
  bool inferred = false;
};

struct ArticleAnalysis {
  AnalyzedText text;
  std::vector<ArticleEntity> entities;
  std::vector<MoneyAmount> money;
  std::vector<DateValue> dates;
  std::vector<std::string> percents;
  std::vector<std::vector<Mention>> mentions;  // per sentence, in text order, non-overlapping
  std::optional<DateValue> article_date;     // the date the article was published, when known
  std::vector<std::int32_t> subjects;  // per sentence: its first organisation (not an outlet, not
                                       // "Equinor" in "Equinor executive Kari Holm"), or -1
  // Sentences where a rule gave up, its matching budget spent: (sentence, rule id).
  std::vector<std::pair<std::uint32_t, std::string>> over_budget;
};

class MentionFinder {
 public:
  MentionFinder(const Gazetteer& gazetteer, const NameData& names) : gazetteer_(gazetteer), names_(names) {}
  // Fills entities, values and mentions of an analysed article.
  void find(ArticleAnalysis& analysis, const std::optional<DateValue>& article_date) const;

 private:
  // One or two readings of the article: a second when a name learned late occurs earlier.
  void read(ArticleAnalysis& analysis, const std::optional<DateValue>& article_date) const;

  const Gazetteer& gazetteer_;
  const NameData& names_;
};

}  // namespace kg
