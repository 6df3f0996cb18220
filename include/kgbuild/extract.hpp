#pragma once
// The extraction engine: runs a language's compiled rule pack over the sentences of an analysed
// article and returns the facts its rules emit, each with its evidence.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kgbuild/keyed_ids.hpp"
#include "kgbuild/mentions.hpp"
#include "kgbuild/rules.hpp"

namespace kg {

struct Fact {
  std::int32_t subject = -1;        // ArticleAnalysis::entities
  std::string property;             // ontology local name
  std::int32_t object = -1;         // entity, or -1 for amount-valued facts
  std::int32_t object_money = -1;   // ArticleAnalysis::money, for valuation / raised
  std::int32_t amount = -1;         // money qualifier of the claim
  std::int32_t date = -1;           // ArticleAnalysis::dates
  std::string status;               // kg:Status local name
  std::int32_t attribution = -1;    // entity credited ("according to Reuters")
  // Why the claim got its qualifiers, for `explain`: the status cue ("" for the default), where the
  // date was read, where the source was cited.
  std::string status_cue, date_reason, attribution_reason;
  std::string amount_reason;  // "" when the matched words gave the amount
  const Rule* rule = nullptr;
  std::uint32_t sentence = 0;
  std::uint32_t restated = 0;  // the last sentence that stated the same fact (the claim keeps the first)
  std::uint32_t token_begin = 0, token_end = 0;  // the evidence: what the rule matched
  double confidence = 0;
  bool implicit = false;  // one side is the article's topic, not a name in the sentence
  bool topic_is_subject = false;  // for an implicit fact: the topic is its subject, not its object
};

// One unit of a sentence as rules see it: a plain token, or a whole mention.
inline constexpr std::uint32_t kNoWord = 0xFFFFFFFF;

struct Unit {
  std::uint32_t token_begin = 0, token_end = 0;
  std::int32_t mention = -1;     // index into the sentence's mentions
  std::uint32_t word = kNoWord;  // the token's id in the pack's word table; kNoWord for mentions and words no rule uses
};

// The word ids a sentence holds: what the rule index and the required-word checks ask about.
// A bit per word of the pack, so a check is one load.
class WordSet {
 public:
  WordSet(std::size_t words, const std::vector<Unit>& units) : bits_((words + 63) / 64, 0) {
    for (const auto& u : units)
      if (u.word != kNoWord) bits_[u.word / 64] |= std::uint64_t{1} << (u.word % 64);
  }
  bool has(std::uint32_t word) const { return word / 64 < bits_.size() && (bits_[word / 64] >> (word % 64) & 1u) != 0; }

 private:
  std::vector<std::uint64_t> bits_;
};

struct CaptureSpan {
  std::uint32_t unit_begin = 0, unit_end = 0;
  bool bound = false;
  bool list = false;  // a list of names (TYPE+): its names are the list's, not every name in the span
};

// A list of names: the unit of each name, in order; names [0, closed] form the list a rule may take
// ("A, B and C" ends with a joiner; "Selon Bloomberg, Microsoft" is not a list).
struct NameList {
  std::vector<std::uint32_t> names;
  std::size_t closed = 0;
};

struct RuleMatch {
  const Rule* rule = nullptr;
  std::uint32_t unit_begin = 0, unit_end = 0;
  std::vector<CaptureSpan> captures;
};

// How far a rule got on a sentence, for `explain --why-not`.
struct RuleProgress {
  std::size_t pattern = 0;        // which match line
  std::size_t elements = 0;       // elements of it matched in a row
  std::uint32_t unit = 0;         // where the next element failed
};

// A span of units with no upper bound (a list, a long repetition).
inline constexpr std::uint32_t kUnbounded = 1u << 20;

// What can begin a pattern: these words, mentions of these types, or anything.
struct StartSet {
  bool any = false;
  TypeMask types = 0;
  std::vector<std::uint32_t> words;  // sorted
  void merge(const StartSet& other);
};

// What emitting a match asks of its sentence, worked out once per sentence: scanning the sentence
// for every match made a sentence of thousands of clauses (a table without full stops) cost
// quadratic time.
struct SentenceIndex {
  std::vector<std::uint32_t> clause_begin;  // per unit: the first unit of its clause
  std::vector<std::uint32_t> next_break;    // per unit: the first clause break at or after it; units.size() for none
  struct Cue {
    std::uint32_t unit, cue, phrase;  // a status cue's phrase found at the unit
  };
  std::vector<Cue> status_cues;       // in unit order, then in the order the pack lists the cues
  std::vector<std::uint32_t> dates;   // units holding a date mention, in order
  // Range minimum over status_cues (the strongest cue, then the first): level k holds, for each i,
  // the best of [i, i + 2^k). Built only for sentences with many cues.
  std::vector<std::vector<std::uint32_t>> strongest_cue;
  std::optional<std::uint32_t> strongest_sentence_wide;  // position in status_cues
};

// A rule pack made ready to run: words interned as integer ids, rules indexed by the words and
// mention types they need.
class CompiledPack {
 public:
  explicit CompiledPack(RulePack pack);
  CompiledPack(const CompiledPack&) = delete;
  CompiledPack& operator=(const CompiledPack&) = delete;
  const RulePack& pack() const { return pack_; }
  std::vector<Unit> units(const ArticleAnalysis& a, std::uint32_t sentence) const;
  // The matches of every rule, in priority order; a rule that spends its matching budget on the
  // sentence (a pathological pattern, a sentence of thousands of clauses) is added to over_budget.
  std::vector<RuleMatch> match(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                               std::vector<const Rule*>* over_budget = nullptr) const;
  std::vector<RuleMatch> match_rule(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence,
                                    const std::vector<Unit>& units) const;
  std::vector<RuleMatch> match_rule(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence,
                                    const std::vector<Unit>& units, const WordSet& present) const;
  RuleProgress progress(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units) const;
  // The status of a fact a match states: the strongest cue in the match's clause, or a cue that
  // speaks for the whole sentence; `cue` gets the cue's words ("" for the pack's default).
  std::string status_of(const SentenceIndex& index, const RuleMatch& match, std::string& cue) const;
  // The units [begin, end) of the clause around a match: up to the clause breaks on either side.
  std::pair<std::uint32_t, std::uint32_t> clause_of(const SentenceIndex& index, const RuleMatch& match) const;
  SentenceIndex index_sentence(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units) const;
  // Does a background cue ("founded", "since") end just before unit u?
  bool background_date_at(const std::vector<Unit>& units, std::uint32_t u) const;
  const std::string& default_status(const std::string& property) const {
    const auto it = pack_.default_status_for.find(property);
    return it == pack_.default_status_for.end() ? pack_.default_status : it->second;
  }
  bool has_cue_of(const std::vector<Unit>& units, const std::string& status) const;  // anywhere in the sentence
  bool tells_earlier_event(const std::vector<Unit>& units) const;  // an earlier-event cue anywhere in the sentence
  bool tells_cumulative_total(const std::vector<Unit>& units, const RuleMatch& match) const;  // "since its founding" by the match
  bool per_unit_after(const std::vector<Unit>& units, std::uint32_t u) const;  // "a share" right after unit u
  // The units a phrase adverb ("notamment", "onder meer") takes at unit u; 0 when none starts there.
  std::uint32_t adverb_at(const std::vector<Unit>& units, std::uint32_t u) const;
  bool never_describes(std::uint32_t word) const { return word < not_description_.size() && not_description_[word]; }
  bool is_comma(std::uint32_t word) const { return word == comma_id_; }
  bool breaks_clause_at(const std::vector<Unit>& units, std::size_t u) const;
  // The first name of a list that opens at unit `begin`, behind the words describing it ("the IVP
  // Fund", "de farmareus UCB"), if any.
  std::optional<std::uint32_t> first_name(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                                          std::uint32_t begin, TypeMask types) const;
  // The list of names of `types` that starts at unit `begin` (see NameList).
  NameList name_list(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, std::uint32_t begin,
                     TypeMask types) const;
  std::int32_t attribution_of(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units) const;
  // The amount a sentence gives the deal before it (a deal-amount pattern's MONEY), or -1; `rule` its
  // pattern; `party`, when given, the organisation its `party` capture names (-1 for none).
  std::int32_t deal_amount_of(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                              const Rule** rule, std::int32_t* party = nullptr) const;

 private:
  std::uint32_t intern(const std::string& key);
  void intern_pattern(Pattern& pattern);
  std::vector<std::vector<std::uint32_t>> required_sets(const Pattern& pattern) const;
  WordSet words_of(const std::vector<Unit>& units) const { return WordSet(word_ids_.size(), units); }

  // A match line made ready: what it can start with, and for each word element it cannot do
  // without, the ids that element starts with (a sentence lacking all of one set cannot match).
  struct Line {
    const Pattern* pattern = nullptr;
    StartSet start;
    std::vector<std::vector<std::uint32_t>> required;  // in pattern order
    // The first required set is the line's anchor: a match starting at unit s has one of its words
    // at a unit in [s + anchor_min, s + anchor_max] (anchor_max is kUnbounded after a list).
    std::uint32_t anchor_min = 0, anchor_max = 0;
    bool possible(const WordSet& present) const;
  };
  static void set_anchor(Line& line);

  // A rule made ready: its match lines.
  struct Entry {
    const Rule* rule = nullptr;
    std::vector<Line> lines;
  };

  // Which of a run of entries a sentence can match: each is listed under one required word of
  // each of its lines, or under the mention types it needs when a line requires no word.
  struct Index {
    std::uint32_t first = 0, count = 0;  // entries_[first, first + count)
    std::vector<std::vector<std::uint32_t>> by_word;           // word id -> entries, ascending
    std::vector<std::pair<TypeMask, std::uint32_t>> by_type;   // entries that need a mention type
  };
  void build_index(Index& index, std::uint32_t first, std::uint32_t count) const;
  std::uint32_t index_cost(const std::vector<std::uint32_t>& words) const;
  std::vector<std::uint64_t> candidates(const Index& index, const ArticleAnalysis& a, std::uint32_t sentence,
                                        const std::vector<Unit>& units) const;
  // What a pattern's capture gives (an entity, an amount), or -1 to try the next pattern.
  using CaptureReader = std::function<std::int32_t(const CaptureSpan&, const Capture&)>;
  // The value the first pattern of `index` (in file order) that matches gives through its capture
  // `name`, or -1; `rule`, when given, gets that pattern.
  std::int32_t first_capture(const Index& index, const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                             const std::string& name, const CaptureReader& read, const Rule** rule = nullptr) const;
  void match_entry(const Entry& entry, const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                   const WordSet& present, std::vector<RuleMatch>& out,
                   std::vector<const Rule*>* over_budget = nullptr) const;

  RulePack pack_;
  KeyedIds word_ids_;  // scope 0
  std::vector<std::string> word_keys_;                        // word id -> key
  // The rules, highest priority first (then file order: the order facts are kept in when they
  // collide), then the attributions in file order.
  std::vector<Entry> entries_;
  std::unordered_map<const Rule*, std::uint32_t> entry_of_;
  Index rules_, attributions_, deal_amounts_;
  std::vector<std::vector<std::size_t>> status_by_word_;     // word id -> status cues starting with it
  std::vector<std::vector<std::vector<std::uint32_t>>> status_ids_;  // cue -> phrases as ids
  std::vector<bool> status_sentence_wide_;                   // cue -> its status speaks for the sentence
  std::vector<std::vector<std::uint32_t>> clause_break_ids_, background_date_ids_, earlier_cue_ids_, per_unit_ids_,
      cumulative_ids_;
  std::vector<std::vector<std::uint32_t>> list_joiner_ids_, list_preposition_ids_, phrase_adverb_ids_;
  std::vector<bool> opens_adverb_;  // word id -> some phrase adverb starts with it: a quick "no"
  std::vector<bool> not_description_;  // word id -> a not-description word
  std::uint32_t comma_id_ = kNoWord;
};

// The organisation TOPIC stands for in a match (see docs/rules.md), or -1: the sentence's own
// subject when the match says "its", else `article_topic`.
std::int32_t topic_of(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, const RuleMatch& match,
                      std::int32_t article_topic);

class Extractor {
 public:
  explicit Extractor(const std::map<Lang, RulePack>& packs);
  // Facts of one article, deduplicated: one per (subject, property, object, amount), the first
  // sentence and the highest-priority rule winning. Generic references ("the company") that point
  // at an organisation the article has shown investing are moved to the article's topic.
  std::vector<Fact> extract(ArticleAnalysis& a) const;
  const CompiledPack* pack(Lang lang) const;
  // The facts one match emits (before deduplication).
  // `citation` is the source the claims are credited to (-1 for none) and why.
  void emit(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, const SentenceIndex& index,
            const RuleMatch& match, const std::pair<std::int32_t, std::string>& citation, std::int32_t topic,
            std::vector<Fact>& out) const;

 private:
  std::map<Lang, std::unique_ptr<CompiledPack>> compiled_;
};

}  // namespace kg
