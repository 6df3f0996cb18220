#pragma once
// The rule language: rule packs read at run time from extractor/rules/*.rules (see docs/rules.md).
// A pack declares word lists, status cues, attribution patterns and rules; a rule matches a
// pattern over the tokens and mentions of a sentence and emits facts from its captures.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "kgbuild/lang.hpp"
#include "kgbuild/text.hpp"

namespace kg {

// A malformed rule file: "file:line:column: what was expected".
class RuleError : public std::runtime_error {
 public:
  RuleError(const std::string& file, std::size_t line, std::size_t column, const std::string& message)
      : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message) {}
};

// Bit set of mention types a pattern element accepts (bit = MentionType value).
using TypeMask = std::uint16_t;

struct PatternNode {
  // description: DESCRIPTION, up to four lower-case words right before a name ("cyberbeveiliger
  // Veilix", "data-pipeline startup Trellisync"); aside: ASIDE, a clause set off by commas that
  // names no organisation (", dirigé par Antoine Hubert,"); start: START, the sentence's beginning
  enum class Kind : std::uint8_t { words, type, coordination, group, gap, description, aside, start };
  Kind kind = Kind::words;
  std::vector<std::vector<std::string>> phrases;  // words: alternative key sequences
  std::vector<std::vector<std::uint32_t>> phrase_ids;  // the same as word ids, filled by CompiledPack
  std::vector<std::uint32_t> first_ids;                // sorted first ids of phrase_ids: a quick "no"
  bool single_words = false;                           // every phrase is one word: first_ids says it all
  TypeMask types = 0;                               // type, coordination
  std::vector<std::vector<PatternNode>> alternatives;  // group
  std::int16_t capture = -1;
  std::uint8_t min = 1, max = 1;  // quantifier; a gap is 0..max units
  // Gap: what the elements after it in its sequence can start with, filled by CompiledPack, so a
  // gap only stops where the rest can go on (next_any: anything, or the rest can match nothing).
  bool next_any = true;
  TypeMask next_types = 0;
  std::vector<std::uint32_t> next_words;  // sorted
  std::size_t line = 0, column = 0;
  std::string source;  // the element as written, for explanations
};

using Pattern = std::vector<PatternNode>;

struct Capture {
  std::string name;
  TypeMask types = 0;   // what it can bind (0: words only)
  bool optional = false;
};

// In an emit, TOPIC stands for the organisation the article is about at that sentence (the one it
// has named most so far): "ARCH led the round" funds the article's company.
inline constexpr std::int16_t kTopic = -2;

struct Emit {
  std::int16_t subject = -1, object = -1;  // captures, or kTopic
  std::string property;                    // local name in the ontology
  std::int16_t amount = -1, date = -1;     // optional qualifier captures
  std::string status;                      // fixed status, overrides cues when set
  std::size_t line = 0, column = 0;
};

struct Rule {
  std::string id;
  Lang lang = Lang::en;
  int priority = 50;
  double confidence = 0.8;
  // "background": the rule reads a standing fact ("X, which is owned by Y"), not the news; its facts
  // do not make their company the article's topic.
  bool background = false;
  std::vector<Pattern> patterns;  // alternatives ("match" lines)
  std::vector<Capture> captures;
  std::vector<Emit> emits;
  std::string file;
  std::size_t line = 0;
};

struct StatusCue {
  std::string status;  // local name of a kg:Status individual
  std::vector<std::vector<std::string>> phrases;
  std::size_t line = 0, column = 0;
};

struct RulePack {
  Lang lang = Lang::en;
  std::string file;
  std::vector<Rule> rules;
  std::vector<StatusCue> status_cues;  // in precedence order
  std::string default_status = "Announced";
  std::size_t default_status_line = 0, default_status_column = 0;
  // "default-status Completed for raised fundedBy": a property's own default, where its facts are
  // events that a plain statement reports as done ("X raised $5m").
  std::map<std::string, std::string> default_status_for;
  std::vector<Rule> attributions;      // patterns binding "source"
  // Patterns binding "amount": a sentence that prices the deal the sentences before it state ("Met
  // de transactie is 96 miljoen euro gemoeid").
  std::vector<Rule> deal_amounts;
  // Where a clause ends ("; which", "; die"): status cues of other clauses do not reach a fact.
  std::vector<std::vector<std::string>> clause_breaks;
  // Words after which a date dates the background ("founded in 1971"), never a fact of the sentence.
  std::vector<std::vector<std::string>> background_dates;
  // Words that tell an earlier event ("had previously", "eerder", "auparavant"): the news date of the
  // article is not given to facts of such a sentence.
  std::vector<std::vector<std::string>> earlier_cues;
  // Words after an amount that make it a price per unit ("$48 a share", "6,20 euros par action"):
  // never a deal's price, a round's size or a valuation.
  std::vector<std::vector<std::string>> per_unit;
  // Words that make a sentence's amount a total raised over the years ("since its founding",
  // "depuis sa création", "sinds de oprichting"): such a sentence states no round's size.
  std::vector<std::vector<std::string>> cumulative_totals;
  // Statuses whose cues speak for the whole sentence ("according to", "denied"), not one clause.
  std::vector<std::string> sentence_statuses;
  // How a list of names (a TYPE+ capture) is joined: the words that join its last name ("and",
  // "alongside", "aux côtés de"; a list ends with one of them), and the prepositions a list repeats
  // before a name ("auprès de A et de B", "led by A and by B").
  std::vector<std::vector<std::string>> list_joiners;
  std::vector<std::vector<std::string>> list_prepositions;
  // Adverbs a reporter puts inside a phrase that still means the same ("se frotte notamment à",
  // "stapt ook in", "has also invested"): a phrase of a rule matches with them between its words.
  std::vector<std::vector<std::string>> phrase_adverbs;
  // Words that never describe a name, though no function word: what introduces a list or a
  // comparison ("competitors like OpenAI"). A DESCRIPTION does not take them.
  std::vector<std::vector<std::string>> not_description;
};

// Reads one pack; throws RuleError on the first problem.
RulePack parse_rule_pack(const std::string& text, const std::string& file, TextAnalyzer& analyzer);

// Every pack in a folder (*.rules), one per language; later folders add to and replace earlier
// ones: a rule with the id of an earlier rule replaces it.
std::map<Lang, RulePack> load_rule_packs(const std::vector<std::filesystem::path>& dirs, TextAnalyzer& analyzer);

// The checks of `kgbuild check-rules` beyond syntax: properties exist in the ontology and suit
// their arguments, captures used are bound. Returns one message per problem.
std::vector<std::string> check_rule_pack(const RulePack& pack);

}  // namespace kg
