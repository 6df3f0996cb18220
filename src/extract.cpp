#include "kgbuild/extract.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <memory>
#include <optional>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_set>

namespace kg {

namespace {

// A non-owning reference to a callable: continuations in the matcher without std::function's allocations.
template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F>
  FunctionRef(F&& f)  // NOLINT(google-explicit-constructor): used like a lambda parameter
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* o, Args... args) -> R { return (*static_cast<std::remove_reference_t<F>*>(o))(args...); }) {}
  R operator()(Args... args) const { return call_(object_, args...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

TypeMask bit(MentionType t) { return static_cast<TypeMask>(1u << static_cast<unsigned>(t)); }

// The types a mention can fill in a rule. A name typed by its shape alone ("Omid Kordestani", whose
// given name no list holds) is an organisation that a person's place in a rule may also take:
// "appointed X as chief executive" makes X a person.
TypeMask mention_types(const Mention& m) {
  return m.person_too ? static_cast<TypeMask>(bit(m.type) | bit(MentionType::person)) : bit(m.type);
}

// "de" is Dutch's article and French's preposition ("la coentreprise de Thales").
bool is_article(const std::string& key, Lang lang) {
  if (key == "de") return lang == Lang::nl;
  return key == "the" || key == "het" || key == "la" || key == "le" || key == "l'" || key == "les" ||
         key == "a" || key == "an" || key == "een" || key == "un" || key == "une";
}

// "and entrepreneur David Okafor": a word naming a role, not "selon", "of" or "de".
bool is_role_word(const Token& t) {
  return (t.flags & kTokenWord) && t.key.size() > 1 && !is_function_word(t.key);
}

// What a sentence's unit u holds: its mention (nullptr for a word or past the end), or its word's key
// ("" for a mention or past the end). The matcher and the list reader read units the same way.
const Mention* unit_mention(const std::vector<Mention>& mentions, const std::vector<Unit>& units, std::uint32_t u) {
  if (u >= units.size() || units[u].mention < 0) return nullptr;
  return &mentions[static_cast<std::size_t>(units[u].mention)];
}

const std::string& unit_key(const ArticleAnalysis& a, const std::vector<Unit>& units, std::uint32_t u) {
  static const std::string none;
  if (u >= units.size() || units[u].mention >= 0) return none;
  return a.text.tokens[units[u].token_begin].key;
}

// A mention a TYPE element takes: one of `types`, not a modifier ("the Nvidia-backed start-up").
bool takes(const Mention* m, TypeMask types) { return m && !m->modifier && (types & mention_types(*m)); }

// The matching budget of one rule on one sentence: a pathological pattern (nested gaps that
// backtrack at every start) gives up rather than hang, and the budget grows with the sentence, so
// time stays linear in its length. No built-in rule comes near it on news text.
constexpr std::size_t kBaseSteps = 100000;
constexpr std::size_t kStepsPerUnit = 2000;
constexpr std::size_t kScannedCues = 32;  // more status cues in a sentence than this are indexed for range queries
constexpr std::uint32_t kDescriptionUnits = 6;  // the most units a DESCRIPTION takes
constexpr std::uint32_t kAsideUnits = 22;       // the most units an ASIDE takes, its commas included
constexpr std::uint32_t kInsertedUnits = 2;     // the most units of phrase adverbs inside one phrase

class Matcher {
 public:
  Matcher(const CompiledPack& pack, const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
          std::size_t captures)
      : pack_(pack), a_(a), sentence_(sentence), mentions_(a.mentions[sentence]), units_(units), caps_(captures),
        budget_(kBaseSteps + kStepsPerUnit * units.size()) {}

  // One budget for every start position of the sentence: once spent, nothing more matches.
  bool at(const Pattern& pattern, std::uint32_t start, std::uint32_t& end) {
    if (!prune_) steps_ = 0;  // explain's trace tries every start in full: a budget for each
    if (exhausted()) return false;
    std::fill(caps_.begin(), caps_.end(), CaptureSpan{});
    return seq(pattern, 0, start, [&](std::uint32_t p) { end = p; return true; }, true);
  }
  bool exhausted() const { return steps_ >= budget_; }

  void trace_progress() { prune_ = false; }
  const std::vector<CaptureSpan>& captures() const { return caps_; }
  std::size_t furthest_element() const { return furthest_element_; }
  std::uint32_t furthest_unit() const { return furthest_unit_; }

 private:
  using K = FunctionRef<bool(std::uint32_t)>;

  bool seq(const Pattern& s, std::size_t i, std::uint32_t pos, K k, bool top) {
    if (top && (i > furthest_element_ || (i == furthest_element_ && pos > furthest_unit_))) {
      furthest_element_ = i;
      furthest_unit_ = pos;
    }
    if (i == s.size()) return k(pos);
    return quant(s[i], pos, 0, [&](std::uint32_t p) { return seq(s, i + 1, p, k, top); });
  }

  bool quant(const PatternNode& n, std::uint32_t pos, int count, K k) {
    if (n.kind == PatternNode::Kind::gap || n.kind == PatternNode::Kind::start) return one(n, pos, k);
    // Most elements occur once, or once at most: no counting continuation for those.
    if (count == 0 && n.max == 1) {
      if (one(n, pos, [&](std::uint32_t p) { return p != pos && k(p); })) return true;
      return n.min == 0 && k(pos);
    }
    if (count < n.max && one(n, pos, [&](std::uint32_t p) { return p != pos && quant(n, p, count + 1, k); }))
      return true;
    return count >= n.min && k(pos);
  }

  // Binds the node's capture to [begin, end) for the continuation, and undoes it on failure.
  bool bind(const PatternNode& n, std::uint32_t begin, std::uint32_t end, K k, bool list = false) {
    if (n.capture < 0) return k(end);
    CaptureSpan& slot = caps_[static_cast<std::size_t>(n.capture)];
    const CaptureSpan saved = slot;
    slot = CaptureSpan{begin, end, true, list};
    if (k(end)) return true;
    slot = saved;
    return false;
  }

  bool type_at(TypeMask types, std::uint32_t pos) const { return takes(unit_mention(mentions_, units_, pos), types); }

  // The units `phrase` takes at `pos`, 0 when it does not match. Between its words it lets through
  // phrase adverbs, kInsertedUnits units at most: "se frotte notamment à", "stapt ook in".
  std::uint32_t words_at(const std::vector<std::uint32_t>& phrase, std::uint32_t pos) const {
    if (pos + phrase.size() > units_.size()) return 0;
    std::uint32_t u = pos, inserted = 0;
    for (std::size_t j = 0; j < phrase.size(); ++j, ++u) {
      while (j > 0 && u < units_.size() && units_[u].word != phrase[j]) {
        const std::uint32_t adverb = pack_.adverb_at(units_, u);
        if (adverb == 0 || inserted + adverb > kInsertedUnits) return 0;
        inserted += adverb;
        u += adverb;
      }
      if (u >= units_.size() || units_[u].word != phrase[j]) return 0;
    }
    return u - pos;
  }

  // Whether what follows gap `n` can start at `pos`. Off when tracing progress, which reports
  // the element that failed rather than the gap before it.
  bool may_follow(const PatternNode& n, std::uint32_t pos) const {
    if (n.next_any || !prune_) return true;
    if (pos >= units_.size()) return false;
    const Unit& u = units_[pos];
    if (u.mention >= 0) return (n.next_types & mention_types(mentions_[static_cast<std::size_t>(u.mention)])) != 0;
    return u.word != kNoWord && std::binary_search(n.next_words.begin(), n.next_words.end(), u.word);
  }

  bool one(const PatternNode& n, std::uint32_t pos, K k) {
    if (++steps_ > budget_) return false;
    switch (n.kind) {
      case PatternNode::Kind::words:
        if (pos >= units_.size() || !std::binary_search(n.first_ids.begin(), n.first_ids.end(), units_[pos].word)) return false;
        if (n.single_words) return bind(n, pos, pos + 1, k);
        for (const auto& phrase : n.phrase_ids)
          if (const std::uint32_t length = words_at(phrase, pos); length && bind(n, pos, pos + length, k)) return true;
        return false;
      case PatternNode::Kind::type:
        return type_at(n.types, pos) && bind(n, pos, pos + 1, k);
      case PatternNode::Kind::coordination: return coordination(n, pos, k);
      case PatternNode::Kind::description: return description(n, pos, k);
      case PatternNode::Kind::aside: return aside(n, pos, k);
      case PatternNode::Kind::start: return pos == 0 && k(pos);  // takes no unit
      case PatternNode::Kind::group:
        for (const auto& alt : n.alternatives)
          if (seq(alt, 0, pos, [&](std::uint32_t p) { return bind(n, pos, p, k); }, false)) return true;
        return false;
      case PatternNode::Kind::gap:
        for (std::uint32_t skip = 0; skip <= n.max && pos + skip <= units_.size(); ++skip)
          if (may_follow(n, pos + skip) && k(pos + skip)) return true;
        return false;
    }
    return false;
  }

  // DESCRIPTION: "het Haarlemse cybersecuritybedrijf Veilix", "data-pipeline startup Trellisync": one
  // to four lower-case words that are not function words, ending right before a name (not a
  // reference). Inside it, up to two function words may join words ("le fabricant de jeux mobiles
  // Zynga", "le groupe français de transport et de logistique Ferlanne"): at most six units.
  bool description(const PatternNode& n, std::uint32_t pos, K k) {
    std::uint32_t end = pos, words = 0, joins = 0;
    std::vector<std::uint32_t> ends;  // where a description may end: after a word, before a name
    while (end < units_.size() && end < pos + kDescriptionUnits) {
      if (describes(end) && words < 4) ++words;
      else if (words > 0 && joins < 2 && joins_description(end)) ++joins;
      else if (words > 0 && units_[end].mention >= 0 && mentions_[units_[end].mention].type == MentionType::nationality) {}
      else break;
      ++end;
      // Before a name, not a reference ("joint venture between the AI company" describes nothing).
      if (describes(end - 1) && end < units_.size() && units_[end].mention >= 0 &&
          !mentions_[static_cast<std::size_t>(units_[end].mention)].generic)
        ends.push_back(end);
    }
    for (auto it = ends.rbegin(); it != ends.rend(); ++it)
      if (bind(n, pos, *it, k)) return true;
    return false;
  }

  // ASIDE: ", dirigé par Antoine Hubert,", ", which has 14 million subscribers,": a comma, at least
  // one unit, a comma, and no organisation named between them (a reference may be there). An aside
  // that names one may be where the sentence's facts are ("Ÿnsect, dirigé par X, compte parmi ses
  // investisseurs Y, fondé par Z"), so a rule that must not reach past such a name takes an ASIDE
  // rather than a gap.
  bool aside(const PatternNode& n, std::uint32_t pos, K k) {
    if (pos >= units_.size() || !pack_.is_comma(units_[pos].word)) return false;
    for (std::uint32_t end = pos + 1; end < units_.size() && end < pos + kAsideUnits; ++end) {
      const Unit& u = units_[end];
      if (u.mention >= 0) {
        const Mention& m = mentions_[static_cast<std::size_t>(u.mention)];
        if (m.type == MentionType::organization && !m.generic) return false;  // "la start-up française" is the head
      }
      if (pack_.is_comma(u.word)) return end > pos + 1 && bind(n, pos, end + 1, k);
    }
    return false;
  }

  bool joins_description(std::uint32_t u) const {
    if (units_[u].mention >= 0) return false;
    const Token& t = a_.text.tokens[units_[u].token_begin];
    return (t.flags & kTokenWord) && !(t.flags & kTokenCapitalised) && is_function_word(t.key);
  }

  bool describes(std::uint32_t u) const {
    if (units_[u].mention >= 0 || pack_.never_describes(units_[u].word)) return false;
    const Token& t = a_.text.tokens[units_[u].token_begin];
    // "AI-start-up", "voice-AI" describe too: capitals on one side of a hyphen, a lower-case word
    // on the other.
    const std::size_t hyphen = t.key.rfind('-');
    const std::string_view text = a_.text.token_text(t);
    const bool lower_side = hyphen != std::string::npos && hyphen + 1 < t.key.size() &&
                            (std::islower(static_cast<unsigned char>(text.back())) || std::islower(static_cast<unsigned char>(text.front())));
    return (t.flags & kTokenWord) && (lower_side || !(t.flags & (kTokenCapitalised | kTokenHasUpper))) && is_role_word(t);
  }

  // "A, B and C": the longest list first, then shorter ones.
  // The list may open with words describing its first name ("such as the IVP Fund, Khosla and
  // Maven", "Ook de farmareus UCB en V-Bio Ventures"); the capture starts at the name.
  bool coordination(const PatternNode& n, std::uint32_t pos, K k) {
    const std::optional<std::uint32_t> first = pack_.first_name(a_, sentence_, units_, pos, n.types);
    if (!first) return false;
    const NameList list = pack_.name_list(a_, sentence_, units_, *first, n.types);
    for (std::size_t i = list.closed + 1; i-- > 0;)
      if (bind(n, *first, list.names[i] + 1, k, true)) return true;
    return false;
  }

  const CompiledPack& pack_;
  const ArticleAnalysis& a_;
  std::uint32_t sentence_;
  const std::vector<Mention>& mentions_;
  const std::vector<Unit>& units_;
  std::vector<CaptureSpan> caps_;
  std::size_t steps_ = 0;
  std::size_t budget_;
  bool prune_ = true;
  std::size_t furthest_element_ = 0;
  std::uint32_t furthest_unit_ = 0;
};

TypeMask required_types(const Pattern& p) {
  for (const auto& n : p)
    if (n.min > 0 && (n.kind == PatternNode::Kind::type || n.kind == PatternNode::Kind::coordination)) return n.types;
  return 0;
}

bool is_amount_property(const std::string& property) { return property == "valuation" || property == "raised"; }

bool is_symmetric(const std::string& property) { return property == "partner" || property == "competitor"; }

}  // namespace

namespace {

// What the sequence from `i` on can start with; `nullable` says whether it can match nothing.
StartSet first_of(const Pattern& seq, std::size_t i, bool& nullable);

StartSet first_of_node(const PatternNode& n, bool& nullable) {
  StartSet set;
  nullable = n.min == 0;
  switch (n.kind) {
    case PatternNode::Kind::words: set.words = n.first_ids; break;
    case PatternNode::Kind::type:
    case PatternNode::Kind::coordination: set.types = n.types; break;
    case PatternNode::Kind::gap: set.any = true; nullable = true; break;
    case PatternNode::Kind::description: set.any = true; break;
    case PatternNode::Kind::aside: set.any = true; break;
    case PatternNode::Kind::start: nullable = true; break;
    case PatternNode::Kind::group:
      for (const auto& alt : n.alternatives) {
        bool alt_nullable = false;
        set.merge(first_of(alt, 0, alt_nullable));
        nullable = nullable || alt_nullable;
      }
      break;
  }
  return set;
}

StartSet first_of(const Pattern& seq, std::size_t i, bool& nullable) {
  StartSet set;
  for (; i < seq.size(); ++i) {
    bool node_nullable = false;
    set.merge(first_of_node(seq[i], node_nullable));
    if (!node_nullable) {
      nullable = false;
      return set;
    }
  }
  nullable = true;
  return set;
}

std::uint32_t saturating(std::uint64_t n) { return n >= kUnbounded ? kUnbounded : static_cast<std::uint32_t>(n); }

// The fewest and most units an element can take (kUnbounded for lists and long repetitions).
std::pair<std::uint32_t, std::uint32_t> span_of_node(const PatternNode& n);

std::pair<std::uint32_t, std::uint32_t> span_of(const Pattern& seq) {
  std::uint64_t low = 0, high = 0;
  for (const auto& n : seq) {
    const auto [l, h] = span_of_node(n);
    low += l;
    high += h;
  }
  return {saturating(low), saturating(high)};
}

std::pair<std::uint32_t, std::uint32_t> span_of_node(const PatternNode& n) {
  std::uint32_t low = 0, high = 0;
  switch (n.kind) {
    case PatternNode::Kind::gap: return {0, n.max};
    case PatternNode::Kind::coordination: return {n.min, kUnbounded};
    case PatternNode::Kind::description: low = 1; high = kDescriptionUnits; break;
    case PatternNode::Kind::aside: low = 3; high = kAsideUnits; break;
    case PatternNode::Kind::start: break;
    case PatternNode::Kind::type: low = high = 1; break;
    case PatternNode::Kind::words:
      low = kUnbounded;
      for (const auto& phrase : n.phrase_ids) {
        low = std::min(low, static_cast<std::uint32_t>(phrase.size()));
        // Phrase adverbs may sit between the words of a phrase.
        high = std::max(high, static_cast<std::uint32_t>(phrase.size() + (phrase.size() > 1 ? kInsertedUnits : 0)));
      }
      break;
    case PatternNode::Kind::group:
      low = kUnbounded;
      for (const auto& alt : n.alternatives) {
        const auto [l, h] = span_of(alt);
        low = std::min(low, l);
        high = std::max(high, h);
      }
      break;
  }
  return {saturating(std::uint64_t{low} * n.min), saturating(std::uint64_t{high} * n.max)};
}

// The words an element cannot do without, sorted; empty when it has none: it must match, and
// every way of matching it starts with one of them (a word element, or a group such as
// "(runs|run|hosts)").
std::vector<std::uint32_t> required_words(const PatternNode& n) {
  if (n.min == 0) return {};
  bool nullable = false;
  StartSet start = first_of_node(n, nullable);
  if (nullable || start.any || start.types != 0) return {};
  return std::move(start.words);
}

}  // namespace

void StartSet::merge(const StartSet& other) {
  any = any || other.any;
  types = static_cast<TypeMask>(types | other.types);
  words.insert(words.end(), other.words.begin(), other.words.end());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

CompiledPack::CompiledPack(RulePack pack) : pack_(std::move(pack)) {
  for (auto& rule : pack_.rules)
    for (auto& pattern : rule.patterns) intern_pattern(pattern);
  for (auto& rule : pack_.attributions)
    for (auto& pattern : rule.patterns) intern_pattern(pattern);
  for (auto& rule : pack_.deal_amounts)
    for (auto& pattern : rule.patterns) intern_pattern(pattern);
  for (const auto& cue : pack_.status_cues) {
    std::vector<std::vector<std::uint32_t>> phrases;
    for (const auto& phrase : cue.phrases) {
      std::vector<std::uint32_t> ids;
      for (const auto& key : phrase) ids.push_back(intern(key));
      phrases.push_back(std::move(ids));
    }
    status_ids_.push_back(std::move(phrases));
    const auto& wide = pack_.sentence_statuses;
    status_sentence_wide_.push_back(std::find(wide.begin(), wide.end(), cue.status) != wide.end());
  }
  const auto intern_phrases = [&](const std::vector<std::vector<std::string>>& phrases, std::vector<std::vector<std::uint32_t>>& into) {
    for (const auto& phrase : phrases) {
      std::vector<std::uint32_t> ids;
      for (const auto& key : phrase) ids.push_back(intern(key));
      into.push_back(std::move(ids));
    }
  };
  intern_phrases(pack_.clause_breaks, clause_break_ids_);
  intern_phrases(pack_.background_dates, background_date_ids_);
  intern_phrases(pack_.earlier_cues, earlier_cue_ids_);
  intern_phrases(pack_.cumulative_totals, cumulative_ids_);
  intern_phrases(pack_.per_unit, per_unit_ids_);
  intern_phrases(pack_.list_joiners, list_joiner_ids_);
  intern_phrases(pack_.list_prepositions, list_preposition_ids_);
  intern_phrases(pack_.phrase_adverbs, phrase_adverb_ids_);
  std::vector<std::vector<std::uint32_t>> not_description_ids;
  intern_phrases(pack_.not_description, not_description_ids);
  comma_id_ = intern(",");
  word_keys_.resize(word_ids_.size());
  word_ids_.for_each([&](std::uint32_t, std::string_view key, std::uint32_t id) { word_keys_[id] = std::string(key); });
  opens_adverb_.assign(word_ids_.size(), false);
  for (const auto& phrase : phrase_adverb_ids_) opens_adverb_[phrase.front()] = true;
  not_description_.assign(word_ids_.size(), false);
  for (const auto& phrase : not_description_ids) not_description_[phrase.front()] = true;
  status_by_word_.resize(word_ids_.size());
  auto add_entry = [&](const Rule& rule) {
    Entry entry{&rule, {}};
    for (const auto& pattern : rule.patterns) {
      bool nullable = false;
      Line line{&pattern, first_of(pattern, 0, nullable), required_sets(pattern), 0, 0};
      line.start.any = line.start.any || nullable;
      set_anchor(line);
      entry.lines.push_back(std::move(line));
    }
    entry_of_.emplace(&rule, static_cast<std::uint32_t>(entries_.size()));
    entries_.push_back(std::move(entry));
  };
  std::vector<const Rule*> ranked;
  for (const auto& rule : pack_.rules) ranked.push_back(&rule);
  std::stable_sort(ranked.begin(), ranked.end(), [](const Rule* x, const Rule* y) { return x->priority > y->priority; });
  for (const Rule* rule : ranked) add_entry(*rule);
  for (const auto& rule : pack_.attributions) add_entry(rule);
  for (const auto& rule : pack_.deal_amounts) add_entry(rule);
  build_index(rules_, 0, static_cast<std::uint32_t>(pack_.rules.size()));
  build_index(attributions_, static_cast<std::uint32_t>(pack_.rules.size()), static_cast<std::uint32_t>(pack_.attributions.size()));
  build_index(deal_amounts_, static_cast<std::uint32_t>(pack_.rules.size() + pack_.attributions.size()),
              static_cast<std::uint32_t>(pack_.deal_amounts.size()));
  for (std::size_t i = 0; i < status_ids_.size(); ++i)
    for (const auto& phrase : status_ids_[i]) status_by_word_[phrase.front()].push_back(i);
}

std::uint32_t CompiledPack::intern(const std::string& key) {
  return word_ids_.intern(0, key, [&] { return static_cast<std::uint32_t>(word_ids_.size()); });
}

void CompiledPack::intern_pattern(Pattern& pattern) {
  for (auto& node : pattern) {
    node.phrase_ids.clear();
    for (const auto& phrase : node.phrases) {
      std::vector<std::uint32_t> ids;
      for (const auto& key : phrase) ids.push_back(intern(key));
      node.phrase_ids.push_back(std::move(ids));
    }
    node.first_ids.clear();
    node.single_words = true;
    for (const auto& ids : node.phrase_ids) {
      node.first_ids.push_back(ids.front());
      node.single_words = node.single_words && ids.size() == 1;
    }
    std::sort(node.first_ids.begin(), node.first_ids.end());
    node.first_ids.erase(std::unique(node.first_ids.begin(), node.first_ids.end()), node.first_ids.end());
    for (auto& alt : node.alternatives) intern_pattern(alt);
  }
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i].kind != PatternNode::Kind::gap) continue;
    bool nullable = false;
    StartSet next = first_of(pattern, i + 1, nullable);
    pattern[i].next_any = next.any || nullable;
    pattern[i].next_types = next.types;
    pattern[i].next_words = std::move(next.words);
  }
}

// For each required word element of a pattern, the ids its phrases start with: a sentence that
// lacks all of one element's ids cannot match.
std::vector<std::vector<std::uint32_t>> CompiledPack::required_sets(const Pattern& pattern) const {
  std::vector<std::vector<std::uint32_t>> sets;
  for (const auto& n : pattern)
    if (auto words = required_words(n); !words.empty()) sets.push_back(std::move(words));
  return sets;
}

// What a word costs as an index entry, roughly how often it occurs: punctuation and function words
// are in nearly every sentence, and a rule listed under "." or "dans" would be tried on all of them.
std::uint32_t CompiledPack::index_cost(const std::vector<std::uint32_t>& words) const {
  std::uint32_t cost = 0;
  for (const auto id : words) {
    const std::string& key = word_keys_[id];
    const bool letters = std::any_of(key.begin(), key.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 0x80 || std::isalnum(u);
    });
    if (!letters) cost += 64;
    else if (key.size() <= 3 || is_function_word(key)) cost += 16;
    else cost += 1;
  }
  return cost;
}

// Each entry is listed under the cheapest required word set of each of its lines (any required set
// would do: a sentence without it cannot match the line), or under the mention types it needs when
// a line requires no word.
void CompiledPack::build_index(Index& index, std::uint32_t first, std::uint32_t count) const {
  index.first = first;
  index.count = count;
  index.by_word.assign(word_ids_.size(), {});
  for (std::uint32_t e = first; e < first + count; ++e) {
    std::set<std::uint32_t> triggers;
    TypeMask types = 0;
    bool always = false;
    for (const auto& line : entries_[e].lines) {
      if (!line.required.empty()) {
        const auto& cheapest = *std::min_element(line.required.begin(), line.required.end(), [&](const auto& x, const auto& y) {
          return index_cost(x) < index_cost(y);
        });
        triggers.insert(cheapest.begin(), cheapest.end());
      } else if (TypeMask t = required_types(*line.pattern)) {
        types |= t;
      } else {
        always = true;
      }
    }
    for (auto id : triggers) index.by_word[id].push_back(e - first);
    if (types || always) index.by_type.emplace_back(always ? static_cast<TypeMask>(0xFFFF) : types, e - first);
  }
}

// The anchor is the first required word element: a match must reach it within the span the
// elements before it can take.
void CompiledPack::set_anchor(Line& line) {
  std::uint64_t low = 0, high = 0;
  for (const auto& n : *line.pattern) {
    if (!required_words(n).empty()) {
      line.anchor_min = saturating(low);
      line.anchor_max = saturating(high);
      return;
    }
    const auto [l, h] = span_of_node(n);
    low += l;
    high += h;
  }
}

bool CompiledPack::Line::possible(const WordSet& present) const {
  for (const auto& ids : required)
    if (std::none_of(ids.begin(), ids.end(), [&](std::uint32_t id) { return present.has(id); })) return false;
  return true;
}

namespace {

// The point after a name that ends in an abbreviation ("Inc.", "Corp.", "N.V.") inside a sentence:
// it belongs to the name, so rules see "Take-Two Inc. va acquérir" as a name and a verb.
bool abbreviation_point_at(const ArticleAnalysis& a, const Sentence& s, std::uint32_t t) {
  if (t == 0 || t + 1 >= s.token_end || a.text.tokens[t].key != ".") return false;
  const Token& last = a.text.tokens[t - 1];
  const Token& next = a.text.tokens[t + 1];
  return (last.flags & kTokenWord) && (last.flags & kTokenCapitalised) && last.key.size() <= 4 &&
         !(next.flags & kTokenCapitalised);
}

}  // namespace

std::vector<Unit> CompiledPack::units(const ArticleAnalysis& a, std::uint32_t sentence) const {
  const Sentence& s = a.text.sentences[sentence];
  const auto& mentions = a.mentions[sentence];
  std::vector<Unit> out;
  out.reserve(s.token_end - s.token_begin);
  std::size_t m = 0;
  for (std::uint32_t t = s.token_begin; t < s.token_end;) {
    while (m < mentions.size() && mentions[m].token_end <= t) ++m;
    if (m < mentions.size() && mentions[m].token_begin == t) {
      std::uint32_t end = mentions[m].token_end;
      if (abbreviation_point_at(a, s, end)) ++end;  // "Zynga Inc. dans le cadre de": the name's point
      out.push_back(Unit{t, end, static_cast<std::int32_t>(m), kNoWord});
      t = end;
      continue;
    }
    const auto id = word_ids_.find(0, a.text.tokens[t].key);
    out.push_back(Unit{t, t + 1, -1, id.value_or(kNoWord)});
    ++t;
  }
  return out;
}

namespace {

bool may_start(const StartSet& start, const ArticleAnalysis& a, std::uint32_t sentence, const Unit& unit) {
  if (start.any) return true;
  if (unit.mention >= 0) return (start.types & mention_types(a.mentions[sentence][static_cast<std::size_t>(unit.mention)])) != 0;
  return unit.word != kNoWord && std::binary_search(start.words.begin(), start.words.end(), unit.word);
}

}  // namespace

std::vector<RuleMatch> CompiledPack::match_rule(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence,
                                                const std::vector<Unit>& units) const {
  return match_rule(rule, a, sentence, units, words_of(units));
}

std::vector<RuleMatch> CompiledPack::match_rule(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence,
                                                const std::vector<Unit>& units, const WordSet& present) const {
  std::vector<RuleMatch> out;
  match_entry(entries_[entry_of_.at(&rule)], a, sentence, units, present, out);
  return out;
}

void CompiledPack::match_entry(const Entry& entry, const ArticleAnalysis& a, std::uint32_t sentence,
                               const std::vector<Unit>& units, const WordSet& present, std::vector<RuleMatch>& out,
                               std::vector<const Rule*>* over_budget) const {
  // A line whose required words are not all in the sentence cannot match anywhere in it.
  // On the stack for the usual handful of lines; a rule with more gets them on the heap.
  constexpr std::size_t kInline = 16;
  std::array<const Line*, kInline> inline_open;
  std::array<std::int64_t, kInline> inline_anchor;
  std::vector<const Line*> heap_open;
  std::vector<std::int64_t> heap_anchor;
  const Line** open = inline_open.data();
  std::int64_t* last_anchor = inline_anchor.data();  // per open line, the last unit holding an anchor word
  if (entry.lines.size() > kInline) {
    heap_open.resize(entry.lines.size());
    heap_anchor.resize(entry.lines.size());
    open = heap_open.data();
    last_anchor = heap_anchor.data();
  }
  std::size_t opened = 0;
  for (const auto& line : entry.lines)
    if (line.possible(present)) {
      last_anchor[opened] = -2;  // not looked for yet
      open[opened++] = &line;
    }
  if (opened == 0) return;
  const auto n = static_cast<std::uint32_t>(units.size());
  auto holds_anchor = [&](const Line& line, std::uint32_t u) {
    const auto& anchor = line.required.front();
    return units[u].word != kNoWord && std::binary_search(anchor.begin(), anchor.end(), units[u].word);
  };
  auto anchored = [&](std::size_t l, std::uint32_t start) {
    const Line& line = *open[l];
    if (line.required.empty()) return true;
    const std::uint64_t from = std::uint64_t{start} + line.anchor_min;
    if (from >= n) return false;
    if (line.anchor_max == kUnbounded) {
      if (last_anchor[l] == -2) {
        last_anchor[l] = -1;
        for (std::uint32_t u = n; u-- > 0;)
          if (holds_anchor(line, u)) { last_anchor[l] = u; break; }
      }
      return last_anchor[l] >= static_cast<std::int64_t>(from);
    }
    const std::uint64_t to = std::min<std::uint64_t>(n - 1, std::uint64_t{start} + line.anchor_max);
    for (std::uint64_t u = from; u <= to; ++u)
      if (holds_anchor(line, static_cast<std::uint32_t>(u))) return true;
    return false;
  };
  const Rule& rule = *entry.rule;
  Matcher matcher(*this, a, sentence, units, rule.captures.size());
  for (std::uint32_t start = 0; start < units.size(); ++start) {
    for (std::size_t l = 0; l < opened; ++l) {
      const Line* line = open[l];
      if (!may_start(line->start, a, sentence, units[start]) || !anchored(l, start)) continue;
      std::uint32_t end = 0;
      if (!matcher.at(*line->pattern, start, end) || end == start) continue;
      out.push_back(RuleMatch{&rule, start, end, matcher.captures()});
      break;
    }
  }
  if (matcher.exhausted() && over_budget) over_budget->push_back(&rule);
}

namespace {

bool no_bits(const std::vector<std::uint64_t>& bits) {
  return std::all_of(bits.begin(), bits.end(), [](std::uint64_t b) { return b == 0; });
}

// Calls `f` with the index of each set bit, in ascending order; stops when it returns true.
template <typename F>
void for_each_bit(const std::vector<std::uint64_t>& bits, F f) {
  for (std::size_t w = 0; w < bits.size(); ++w)
    for (std::uint64_t b = bits[w]; b != 0; b &= b - 1)
      if (f(w * 64 + static_cast<std::size_t>(__builtin_ctzll(b)))) return;
}

}  // namespace

// The entries of `index` the sentence can match, as bits in entry order.
std::vector<std::uint64_t> CompiledPack::candidates(const Index& index, const ArticleAnalysis& a, std::uint32_t sentence,
                                                    const std::vector<Unit>& units) const {
  std::vector<std::uint64_t> bits((index.count + 63) / 64, 0);
  TypeMask present = 0;
  for (const auto& u : units) {
    if (u.mention >= 0) {
      present |= bit(a.mentions[sentence][static_cast<std::size_t>(u.mention)].type);
      continue;
    }
    if (u.word == kNoWord) continue;
    for (const auto e : index.by_word[u.word]) bits[e / 64] |= std::uint64_t{1} << (e % 64);
  }
  for (const auto& [types, e] : index.by_type)
    if (types & present) bits[e / 64] |= std::uint64_t{1} << (e % 64);
  return bits;
}

std::vector<RuleMatch> CompiledPack::match(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                                           std::vector<const Rule*>* over_budget) const {
  std::vector<RuleMatch> out;
  const auto bits = candidates(rules_, a, sentence, units);
  if (no_bits(bits)) return out;
  const WordSet words = words_of(units);
  // Entries are in priority order, so the matches come out in it.
  for_each_bit(bits, [&](std::size_t e) {
    match_entry(entries_[rules_.first + e], a, sentence, units, words, out, over_budget);
    return false;
  });
  return out;
}

RuleProgress CompiledPack::progress(const Rule& rule, const ArticleAnalysis& a, std::uint32_t sentence,
                                    const std::vector<Unit>& units) const {
  RuleProgress best;
  for (std::size_t p = 0; p < rule.patterns.size(); ++p) {
    Matcher matcher(*this, a, sentence, units, rule.captures.size());
    matcher.trace_progress();
    for (std::uint32_t start = 0; start < units.size(); ++start) {
      std::uint32_t end = 0;
      matcher.at(rule.patterns[p], start, end);
    }
    if (matcher.furthest_element() > best.elements || (p == 0 && best.elements == 0))
      best = RuleProgress{p, matcher.furthest_element(), matcher.furthest_unit()};
  }
  return best;
}

namespace {

bool phrase_at(const std::vector<Unit>& units, std::size_t u, const std::vector<std::uint32_t>& phrase) {
  if (u + phrase.size() > units.size()) return false;
  for (std::size_t j = 0; j < phrase.size(); ++j)
    if (units[u + j].word != phrase[j]) return false;
  return true;
}

// Does any of the phrases start at unit u?
bool any_phrase_at(const std::vector<Unit>& units, std::size_t u, const std::vector<std::vector<std::uint32_t>>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const auto& phrase) { return phrase_at(units, u, phrase); });
}

}  // namespace

bool CompiledPack::breaks_clause_at(const std::vector<Unit>& units, std::size_t u) const {
  return units[u].word != kNoWord && any_phrase_at(units, u, clause_break_ids_);
}

std::pair<std::uint32_t, std::uint32_t> CompiledPack::clause_of(const SentenceIndex& index, const RuleMatch& match) const {
  const auto size = static_cast<std::uint32_t>(index.next_break.size());
  return {index.clause_begin[match.unit_begin], match.unit_end < size ? index.next_break[match.unit_end] : size};
}

namespace {

// Is status_cues[i] stronger than status_cues[j]? The pack's earlier cue is; on the same cue, the
// one earlier in the sentence.
bool stronger_cue(const std::vector<SentenceIndex::Cue>& cues, std::uint32_t i, std::uint32_t j) {
  return cues[i].cue < cues[j].cue || (cues[i].cue == cues[j].cue && i < j);
}

}  // namespace

SentenceIndex CompiledPack::index_sentence(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units) const {
  SentenceIndex index;
  const auto size = static_cast<std::uint32_t>(units.size());
  index.clause_begin.resize(size);
  index.next_break.resize(size);
  std::vector<bool> breaks(size);
  for (std::uint32_t u = 0; u < size; ++u) breaks[u] = breaks_clause_at(units, u);
  for (std::uint32_t u = 0, begin = 0; u < size; ++u) {
    index.clause_begin[u] = begin;
    if (breaks[u]) begin = u + 1;
  }
  for (std::uint32_t u = size, next = size; u-- > 0;) {
    if (breaks[u]) next = u;
    index.next_break[u] = next;
  }
  for (std::uint32_t u = 0; u < size; ++u) {
    if (units[u].mention >= 0 && a.mentions[sentence][static_cast<std::size_t>(units[u].mention)].type == MentionType::date)
      index.dates.push_back(u);
    if (units[u].word == kNoWord) continue;
    for (std::size_t c : status_by_word_[units[u].word])
      for (std::size_t p = 0; p < status_ids_[c].size(); ++p)
        if (phrase_at(units, u, status_ids_[c][p])) {
          index.status_cues.push_back({u, static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(p)});
          break;
        }
  }
  const auto& cues = index.status_cues;
  const auto stronger = [&](std::uint32_t i, std::uint32_t j) { return stronger_cue(cues, i, j); };
  for (std::uint32_t i = 0; i < cues.size(); ++i)
    if (status_sentence_wide_[cues[i].cue] && (!index.strongest_sentence_wide || stronger(i, *index.strongest_sentence_wide)))
      index.strongest_sentence_wide = i;
  if (cues.size() > kScannedCues) {
    auto& levels = index.strongest_cue;
    levels.emplace_back(cues.size());
    for (std::uint32_t i = 0; i < cues.size(); ++i) levels[0][i] = i;
    for (std::size_t width = 1; 2 * width <= cues.size(); width *= 2) {
      const auto& below = levels.back();
      std::vector<std::uint32_t> level(cues.size() - 2 * width + 1);
      for (std::size_t i = 0; i < level.size(); ++i)
        level[i] = stronger(below[i + width], below[i]) ? below[i + width] : below[i];
      levels.push_back(std::move(level));
    }
  }
  return index;
}

namespace {

// The strongest of status_cues[first, last), or nullopt for an empty range.
std::optional<std::uint32_t> strongest_in(const SentenceIndex& index, std::uint32_t first, std::uint32_t last) {
  if (first >= last) return std::nullopt;
  const auto& cues = index.status_cues;
  const auto stronger = [&](std::uint32_t i, std::uint32_t j) { return stronger_cue(cues, i, j); };
  if (index.strongest_cue.empty()) {
    std::uint32_t best = first;
    for (std::uint32_t i = first + 1; i < last; ++i)
      if (stronger(i, best)) best = i;
    return best;
  }
  const auto level = static_cast<std::size_t>(std::bit_width(last - first) - 1);
  const std::uint32_t a = index.strongest_cue[level][first], b = index.strongest_cue[level][last - (1u << level)];
  return stronger(b, a) ? b : a;
}

}  // namespace

bool CompiledPack::tells_earlier_event(const std::vector<Unit>& units) const {
  for (std::size_t u = 0; u < units.size(); ++u)
    if (any_phrase_at(units, u, earlier_cue_ids_)) return true;
  return false;
}

// A cumulative-total cue opening the sentence ("Depuis sa création, X a réuni ..."), inside the
// match or just after it ("a levé 1 milliard depuis sa création"); not one of another clause
// ("Soutenue depuis sa création par Y, la société avait levé 85 millions en 2023").
bool CompiledPack::tells_cumulative_total(const std::vector<Unit>& units, const RuleMatch& match) const {
  if (any_phrase_at(units, 0, cumulative_ids_)) return true;
  const std::uint32_t end = std::min<std::uint32_t>(static_cast<std::uint32_t>(units.size()), match.unit_end + 4);
  for (std::uint32_t u = match.unit_begin; u < end; ++u)
    if (any_phrase_at(units, u, cumulative_ids_)) return true;
  return false;
}

bool CompiledPack::per_unit_after(const std::vector<Unit>& units, std::uint32_t u) const {
  return any_phrase_at(units, u + 1, per_unit_ids_);
}

namespace {

// The length of the longest of `phrases` at unit u, 0 for none.
std::uint32_t phrase_length(const std::vector<std::vector<std::uint32_t>>& phrases, const std::vector<Unit>& units,
                            std::uint32_t u) {
  std::uint32_t longest = 0;
  if (u >= units.size() || units[u].word == kNoWord) return 0;
  for (const auto& phrase : phrases)
    if (phrase.size() > longest && phrase_at(units, u, phrase)) longest = static_cast<std::uint32_t>(phrase.size());
  return longest;
}

// Reads a list of names unit by unit: what joins one name to the next, the words that describe
// the next ("het Vlaamse participatiefonds PMV", "le fonds américain Harbor Lane Ventures"), and a
// description of a name set off by commas ("Bpifrance, via son fonds Large Venture, et Cassiopée").
class NameListReader {
 public:
  using Phrases = std::vector<std::vector<std::uint32_t>>;
  NameListReader(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, TypeMask types,
                 const Phrases& joiners, const Phrases& prepositions, std::uint32_t comma, const std::vector<bool>& not_description)
      : a_(a), mentions_(a.mentions[sentence]), units_(units), types_(types), joiners_(joiners), prepositions_(prepositions),
        comma_(comma), not_description_(not_description) {}

  NameList read(std::uint32_t begin) const {
    NameList list;
    list.names.push_back(begin);
    std::uint32_t p = begin + 1;
    while (true) {
      // "Google (Gemini), Anthropic": a name in brackets belongs to the name before.
      if (p + 2 < units_.size() && key(p) == "(" && units_[p + 1].mention >= 0 && key(p + 2) == ")") p += 3;
      Step step = next(p, false);
      if (!step.name)
        if (const auto close = description_end(p)) {
          const Step after = next(*close, true);
          if (after.name) step = after;
        }
      // "Google (Gemini), Anthropic (Claude), and well-resourced giants": the joiner closes the names.
      if (step.joined) list.closed = list.names.size() - (step.name ? 0 : 1);
      if (!step.name) break;
      list.names.push_back(*step.name);
      p = *step.name + 1;
    }
    return list;
  }

 private:
  struct Step {
    std::optional<std::uint32_t> name;
    bool joined = false;  // a joiner ("and", "alongside") came before it
  };

  const std::string& key(std::uint32_t u) const { return unit_key(a_, units_, u); }
  const Mention* mention(std::uint32_t u) const { return unit_mention(mentions_, units_, u); }
  bool is_name(std::uint32_t u) const { return takes(mention(u), types_); }
  bool is_comma(std::uint32_t u) const { return u < units_.size() && units_[u].word == comma_; }

  // The next name after unit p: commas and joiners, a repeated preposition, then words describing
  // the name. After a description, only a joiner or a preposition continues the list.
  Step next(std::uint32_t p, bool after_description) const {
    Step step;
    std::uint32_t q = p;
    bool preposition = false;
    for (int i = 0; i < 3 && q < units_.size(); ++i) {
      if (is_comma(q)) { ++q; continue; }
      if (const auto n = phrase_length(joiners_, units_, q)) { q += n; step.joined = true; continue; }
      break;
    }
    if (q == p) return step;
    if (const auto n = phrase_length(prepositions_, units_, q)) { q += n; preposition = true; }
    step.name = described_name(q, 3);
    // After a description, a joiner or a preposition continues the list, or a name that is itself
    // followed by a comma or a joiner ("A, fondée par X, B, C et D"; not "A, the X fund, B said").
    if (after_description && !step.joined && !preposition &&
        !(step.name && (is_comma(*step.name + 1) || phrase_length(joiners_, units_, *step.name + 1))))
      return Step{};
    return step;
  }

 public:
  // The name at or after unit q behind the words that describe it: "en het Duitse Lichtwerk
  // Photonics", "and entrepreneur David Okafor", "Lisbon fund Indico"; at most `roles` words.
  std::optional<std::uint32_t> described_name(std::uint32_t q, int roles) const {
    for (std::uint32_t r = q; r < units_.size() && r < q + 6; ++r) {
      if (is_name(r)) return r;
      const Mention* m = mention(r);
      if (m && (m->type == MentionType::nationality || m->type == MentionType::country)) continue;
      if (!m && r == q && is_article(key(r), a_.text.lang)) continue;  // not "la holding de la famille Agnelli"
      if (!m && roles > 0 && is_role_word(a_.text.tokens[units_[r].token_begin]) && !never_describes(units_[r].word)) {
        --roles;
        continue;
      }
      break;
    }
    return std::nullopt;
  }

 private:
  // The comma that closes a description after a name (", the University of Edinburgh's fund,",
  // ", qui apporte à lui seul 150 millions d'euros,"), if unit p opens one.
  std::optional<std::uint32_t> description_end(std::uint32_t p) const {
    if (!is_comma(p) || is_name(p + 1)) return std::nullopt;
    for (std::uint32_t u = p + 1; u < units_.size() && u <= p + 16; ++u) {
      if (is_comma(u)) return u;
      const std::string& k = key(u);
      if (k == ";" || k == ":" || k == "." || k == "(" || k == ")" || k == "\"") return std::nullopt;
    }
    return std::nullopt;
  }

  const ArticleAnalysis& a_;
  const std::vector<Mention>& mentions_;
  const std::vector<Unit>& units_;
  TypeMask types_;
  const Phrases& joiners_;
  const Phrases& prepositions_;
  std::uint32_t comma_;
  const std::vector<bool>& not_description_;  // word id -> describes no name ("include", "like")
  bool never_describes(std::uint32_t word) const { return word < not_description_.size() && not_description_[word]; }
};

}  // namespace

std::optional<std::uint32_t> CompiledPack::first_name(const ArticleAnalysis& a, std::uint32_t sentence,
                                                      const std::vector<Unit>& units, std::uint32_t begin, TypeMask types) const {
  const NameListReader reader(a, sentence, units, types, list_joiner_ids_, list_preposition_ids_, comma_id_, not_description_);
  return reader.described_name(begin, 2);
}

NameList CompiledPack::name_list(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                                 std::uint32_t begin, TypeMask types) const {
  const NameListReader reader(a, sentence, units, types, list_joiner_ids_, list_preposition_ids_, comma_id_, not_description_);
  return reader.read(begin);
}

std::uint32_t CompiledPack::adverb_at(const std::vector<Unit>& units, std::uint32_t u) const {
  if (u >= units.size() || units[u].word == kNoWord || !opens_adverb_[units[u].word]) return 0;
  return phrase_length(phrase_adverb_ids_, units, u);
}

bool CompiledPack::has_cue_of(const std::vector<Unit>& units, const std::string& status) const {
  for (std::size_t u = 0; u < units.size(); ++u) {
    if (units[u].word == kNoWord) continue;
    for (std::size_t c : status_by_word_[units[u].word]) {
      if (pack_.status_cues[c].status != status) continue;
      for (const auto& phrase : status_ids_[c])
        if (phrase_at(units, u, phrase)) return true;
    }
  }
  return false;
}

std::string CompiledPack::status_of(const SentenceIndex& index, const RuleMatch& match, std::string& cue) const {
  const auto [clause_begin, clause_end] = clause_of(index, match);
  // The strongest cue (the pack's first) of the clause or of those that speak for the whole
  // sentence; among equals, the first in the sentence.
  const auto& cues = index.status_cues;
  const auto by_unit = [](const SentenceIndex::Cue& c, std::uint32_t u) { return c.unit < u; };
  const auto first = static_cast<std::uint32_t>(std::lower_bound(cues.begin(), cues.end(), clause_begin, by_unit) - cues.begin());
  const auto last = static_cast<std::uint32_t>(std::lower_bound(cues.begin(), cues.end(), clause_end, by_unit) - cues.begin());
  std::optional<std::uint32_t> best = strongest_in(index, first, last);
  if (const auto wide = index.strongest_sentence_wide; wide && (!best || stronger_cue(cues, *wide, *best))) best = wide;
  cue.clear();
  if (!best) return pack_.default_status;
  const auto& found = cues[*best];
  for (const auto& key : pack_.status_cues[found.cue].phrases[found.phrase]) cue += (cue.empty() ? "" : " ") + key;
  return pack_.status_cues[found.cue].status;
}

bool CompiledPack::background_date_at(const std::vector<Unit>& units, std::uint32_t u) const {
  // "founded in 1971", "opgericht in 1971", "since 2019": the cue and at most one word between.
  for (std::uint32_t back = 1; back <= 3 && back <= u; ++back)
    for (const auto& phrase : background_date_ids_)
      if (phrase.size() <= u - (back - 1) && phrase_at(units, u - back - phrase.size() + 1, phrase)) return true;
  return false;
}

namespace {

// Entities a capture holds: one mention, or every name of a coordinated list.
std::vector<std::int32_t> captured_entities(const CompiledPack& pack, const ArticleAnalysis& a, std::uint32_t sentence,
                                            const std::vector<Unit>& units, const CaptureSpan& span, TypeMask types,
                                            bool* coreferent) {
  std::vector<std::int32_t> out;
  if (!span.bound) return out;
  // A list's names, not the names of its descriptions ("A, the University of Edinburgh's fund, and B").
  std::vector<std::uint32_t> names;
  if (span.list) names = pack.name_list(a, sentence, units, span.unit_begin, types).names;
  for (std::uint32_t u = span.unit_begin; u < span.unit_end; ++u) {
    if (units[u].mention < 0) continue;
    if (span.list && std::find(names.begin(), names.end(), u) == names.end()) continue;
    const Mention& m = a.mentions[sentence][static_cast<std::size_t>(units[u].mention)];
    // Only the capture's own types: "Google (Gemini), Anthropic" lists organisations, not Gemini.
    if (m.entity < 0 || !(types & mention_types(m))) continue;
    if (std::find(out.begin(), out.end(), m.entity) != out.end()) continue;
    out.push_back(m.entity);
    if (coreferent && m.coreferent) *coreferent = true;
  }
  return out;
}

std::int32_t captured_value(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                            const CaptureSpan& span, MentionType type, const CompiledPack* pack = nullptr) {
  if (!span.bound) return -1;
  for (std::uint32_t u = span.unit_begin; u < span.unit_end; ++u) {
    if (units[u].mention < 0) continue;
    const Mention& m = a.mentions[sentence][static_cast<std::size_t>(units[u].mention)];
    if (m.type != type) continue;
    // "$48 a share" is a price per share, never the amount of a deal, round or valuation.
    if (pack && type == MentionType::money && pack->per_unit_after(units, u)) return -1;
    return m.value;
  }
  return -1;
}

bool is_office(const std::string& property) { return property == "ceo" || property == "founder" || property == "chair"; }

std::int32_t date_at(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, std::uint32_t u) {
  if (units[u].mention < 0) return -1;
  const Mention& m = a.mentions[sentence][static_cast<std::size_t>(units[u].mention)];
  return m.type == MentionType::date ? m.value : -1;
}

// The date of the event a match states, and where it was read: in the matched words (outside a
// clause they enclose: "X, which was founded in 2019, bought Y"), else nearest in the match's
// clause, else anywhere in the sentence; never a date a background cue owns ("founded in 1971").
std::pair<std::int32_t, std::string> event_date(const CompiledPack& pack, const ArticleAnalysis& a, std::uint32_t sentence,
                                                const std::vector<Unit>& units, const SentenceIndex& index,
                                                const RuleMatch& match, bool founding) {
  if (index.dates.empty()) return {-1, ""};
  // A founding date is background to a round, but it is the founder fact's own date.
  const auto usable = [&](std::uint32_t u) {
    return date_at(a, sentence, units, u) >= 0 && (founding || !pack.background_date_at(units, u));
  };
  bool nested = false;
  for (std::uint32_t u = match.unit_begin; u < match.unit_end; ++u) {
    if (pack.breaks_clause_at(units, u)) nested = true;
    else if (nested && units[u].mention < 0 && a.text.tokens[units[u].token_begin].key == ",") nested = false;
    else if (!nested && usable(u)) return {date_at(a, sentence, units, u), "in the matched words"};
  }
  // The fact may be the enclosed clause's own ("Nvidia, which completed its purchase of Run:ai last
  // December"): its dates come next.
  for (std::uint32_t u = match.unit_begin; u < match.unit_end; ++u)
    if (usable(u)) return {date_at(a, sentence, units, u), "in the matched words"};
  // The nearest usable date of the clause, counted in units from the match; after it on a tie.
  const auto [clause_begin, clause_end] = pack.clause_of(index, match);
  std::optional<std::uint32_t> nearest;
  std::uint32_t nearest_step = 0;
  const auto first = std::lower_bound(index.dates.begin(), index.dates.end(), clause_begin);
  for (auto it = first; it != index.dates.end() && *it < clause_end; ++it) {
    const std::uint32_t u = *it;
    if (u >= match.unit_begin && u < match.unit_end) continue;
    const std::uint32_t step = u >= match.unit_end ? u - (match.unit_end - 1) : match.unit_begin - u;
    const bool closer = !nearest || step < nearest_step || (step == nearest_step && u > *nearest);
    if (closer && usable(u)) {
      nearest = u;
      nearest_step = step;
    }
  }
  if (nearest) return {date_at(a, sentence, units, *nearest), "in the fact's clause"};
  for (const std::uint32_t u : index.dates)
    if ((u < clause_begin || u >= clause_end) && usable(u)) return {date_at(a, sentence, units, u), "elsewhere in the sentence"};
  return {-1, ""};
}

}  // namespace

namespace {

bool is_possessive(const std::string& key) {
  static const std::set<std::string> words = {"its", "their", "zijn", "haar", "hun", "son", "sa", "ses", "leur", "leurs"};
  return words.count(key) != 0;
}

}  // namespace

// What TOPIC stands for in a match. "X, who is still its chief executive": "its" is the sentence's
// own subject, named before the match. "Sequoia led the round": the company the article is about.
std::int32_t topic_of(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units, const RuleMatch& match,
                      std::int32_t article_topic) {
  bool possessive = false;
  for (std::uint32_t u = match.unit_begin; u < match.unit_end && !possessive; ++u)
    possessive = units[u].mention < 0 && is_possessive(a.text.tokens[units[u].token_begin].key);
  if (possessive && !a.subjects.empty()) {
    const std::int32_t own = a.subjects[sentence];
    const auto& ms = a.mentions[sentence];
    const bool before_match = std::any_of(ms.begin(), ms.end(), [&](const Mention& m) {
      return m.entity == own && m.token_end <= units[match.unit_begin].token_begin;
    });
    if (own >= 0 && before_match) return own;
  }
  return article_topic;
}

std::int32_t CompiledPack::first_capture(const Index& index, const ArticleAnalysis& a, std::uint32_t sentence,
                                         const std::vector<Unit>& units, const std::string& name, const CaptureReader& read,
                                         const Rule** rule) const {
  if (index.count == 0) return -1;
  const auto bits = candidates(index, a, sentence, units);
  if (no_bits(bits)) return -1;
  const WordSet words = words_of(units);
  std::vector<RuleMatch> matches;
  std::int32_t found = -1;
  // File order: the first pattern whose capture gives a value wins.
  for_each_bit(bits, [&](std::size_t e) {
    const Entry& entry = entries_[index.first + e];
    matches.clear();
    match_entry(entry, a, sentence, units, words, matches);
    if (matches.empty()) return false;
    const Rule& r = *entry.rule;
    const auto capture = std::find_if(r.captures.begin(), r.captures.end(), [&](const Capture& c) { return c.name == name; });
    found = read(matches.front().captures[static_cast<std::size_t>(capture - r.captures.begin())], *capture);
    if (found < 0) return false;
    if (rule) *rule = &r;
    return true;
  });
  return found;
}

std::int32_t CompiledPack::attribution_of(const ArticleAnalysis& a, std::uint32_t sentence,
                                          const std::vector<Unit>& units) const {
  // The first attribution that names an organisation wins.
  return first_capture(attributions_, a, sentence, units, "source", [&](const CaptureSpan& span, const Capture& c) {
    const auto entities = captured_entities(*this, a, sentence, units, span, c.types, nullptr);
    return entities.empty() ? std::int32_t{-1} : entities.front();
  });
}

std::int32_t CompiledPack::deal_amount_of(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                                          const Rule** rule, std::int32_t* party) const {
  const std::int32_t amount = first_capture(
      deal_amounts_, a, sentence, units, "amount",
      [&](const CaptureSpan& span, const Capture&) { return captured_value(a, sentence, units, span, MentionType::money, this); }, rule);
  if (party) *party = -1;
  if (amount < 0 || !party || !*rule) return amount;
  // "Koenigsfeld betaalt ongeveer 210 miljoen euro": the party who pays, when the pattern names one.
  const auto capture = std::find_if((*rule)->captures.begin(), (*rule)->captures.end(), [](const Capture& c) { return c.name == "party"; });
  if (capture == (*rule)->captures.end()) return amount;
  const auto index = static_cast<std::size_t>(capture - (*rule)->captures.begin());
  for (const auto& m : match_rule(**rule, a, sentence, units)) {
    const auto entities = captured_entities(*this, a, sentence, units, m.captures[index], capture->types, nullptr);
    if (!entities.empty()) { *party = entities.front(); break; }
  }
  return amount;
}

namespace {

// "Zomato was valued at $3.4 billion, Zomato said": a party to the claim is not its source.
void drop_self_citation(Fact& f) {
  f.attribution = -1;
  f.attribution_reason.clear();
}

// A fact about a name typed by its shape alone ("Quillon said") is less certain than one about a
// name a list, a designator or a cue typed.
double shape_factor(const ArticleAnalysis& a, std::int32_t subject, std::int32_t object) {
  const auto inferred = [&](std::int32_t e) { return e >= 0 && a.entities[static_cast<std::size_t>(e)].inferred; };
  return inferred(subject) || inferred(object) ? 0.85 : 1.0;
}

}  // namespace

Extractor::Extractor(const std::map<Lang, RulePack>& packs) {
  for (const auto& [lang, pack] : packs) compiled_.emplace(lang, std::make_unique<CompiledPack>(pack));
}

const CompiledPack* Extractor::pack(Lang lang) const {
  const auto it = compiled_.find(lang);
  return it == compiled_.end() ? nullptr : it->second.get();
}

void Extractor::emit(const ArticleAnalysis& a, std::uint32_t sentence, const std::vector<Unit>& units,
                     const SentenceIndex& index, const RuleMatch& match,
                     const std::pair<std::int32_t, std::string>& citation, std::int32_t article_topic,
                     std::vector<Fact>& out) const {
  const Rule& rule = *match.rule;
  const CompiledPack& compiled = *pack(a.text.lang);
  std::string status_cue;
  const std::string status = compiled.status_of(index, match, status_cue);
  // "founded in 2019 by X", "chief executive since 2023": for an office the background date is its own.
  const bool founding = std::any_of(rule.emits.begin(), rule.emits.end(), [](const Emit& e) { return is_office(e.property); });
  const auto [date, date_reason] = event_date(compiled, a, sentence, units, index, match, founding);
  const std::uint32_t token_begin = units[match.unit_begin].token_begin;
  const std::uint32_t token_end = units[match.unit_end - 1].token_end;
  for (const auto& e : rule.emits) {
    bool coreferent = false;
    const auto side = [&](std::int16_t capture) {
      if (capture != kTopic)
        return captured_entities(compiled, a, sentence, units, match.captures[static_cast<std::size_t>(capture)],
                                 rule.captures[static_cast<std::size_t>(capture)].types, &coreferent);
      coreferent = true;
      const std::int32_t topic = topic_of(a, sentence, units, match, article_topic);
      return topic >= 0 ? std::vector<std::int32_t>{topic} : std::vector<std::int32_t>{};
    };
    const auto subjects = side(e.subject);
    if (subjects.empty()) continue;
    Fact base;
    base.property = e.property;
    base.status = e.status.empty() ? status : e.status;
    base.status_cue = e.status.empty() ? status_cue : "the rule's own status";
    if (e.status.empty() && status_cue.empty()) base.status = compiled.default_status(e.property);
    // Where a company is based is the article's description ("the Dublin-based group"), not what
    // the outlet the sentence cites reports.
    if (e.property != "country") {
      base.attribution = citation.first;
      base.attribution_reason = citation.second;
    }
    base.rule = &rule;
    base.sentence = sentence;
    base.restated = sentence;
    base.token_begin = token_begin;
    base.token_end = token_end;
    base.implicit = e.subject == kTopic || e.object == kTopic;
    base.topic_is_subject = e.subject == kTopic;
    if (e.amount >= 0)
      base.amount = captured_value(a, sentence, units, match.captures[static_cast<std::size_t>(e.amount)], MentionType::money, &compiled);
    base.date = e.date >= 0 ? captured_value(a, sentence, units, match.captures[static_cast<std::size_t>(e.date)], MentionType::date)
                            : date;
    base.date_reason = e.date >= 0 ? "the rule's date" : date_reason;
    // "X has raised $1bn since its founding": a total over the years is no round.
    if (e.property == "raised" && compiled.tells_cumulative_total(units, match)) continue;
    if (is_amount_property(e.property)) {
      base.object_money =
          captured_value(a, sentence, units, match.captures[static_cast<std::size_t>(e.object)], MentionType::money, &compiled);
      if (base.object_money < 0) continue;
      for (auto s : subjects) {
        Fact f = base;
        f.subject = s;
        if (f.attribution == s) drop_self_citation(f);
        f.confidence = rule.confidence * (coreferent ? 0.9 : 1.0) * shape_factor(a, s, -1);
        out.push_back(std::move(f));
      }
      continue;
    }
    const auto objects = side(e.object);
    // "Bpifrance et Partech participent également": when the article's company TOPIC stands for is
    // itself one of the names the sentence lists, TOPIC was not what the sentence is about.
    if (e.subject == kTopic && std::find(objects.begin(), objects.end(), subjects.front()) != objects.end()) continue;
    const bool pairs = e.subject == e.object;  // "A, B and C partner": every pair of the list
    for (std::size_t i = 0; i < subjects.size(); ++i) {
      for (std::size_t j = pairs ? i + 1 : 0; j < objects.size(); ++j) {
        if (subjects[i] == objects[j]) continue;
        Fact f = base;
        f.subject = subjects[i];
        f.object = objects[j];
        if (f.attribution == f.subject || f.attribution == f.object) drop_self_citation(f);
        f.confidence = rule.confidence * (coreferent ? 0.9 : 1.0) * shape_factor(a, subjects[i], objects[j]);
        out.push_back(std::move(f));
      }
    }
  }
}

namespace {

// Does reference `m`, opening sentence s, stand for the organisation that opened the sentence before?
bool continues_subject(const ArticleAnalysis& a, std::uint32_t s, const Mention& m) {
  if (s == 0 || m.token_begin != a.text.sentences[s].token_begin) return false;
  const std::uint32_t before = a.text.sentences[s - 1].token_begin;
  for (const Mention& earlier : a.mentions[s - 1]) {
    if (earlier.token_begin > before + 2) break;
    if (earlier.type == MentionType::organization) return earlier.entity == m.entity;
  }
  return false;
}

// The organisation the article is about, as the sentences are read: the one named most so far,
// not counting outlets and organisations the article has set aside as investors or rivals
// (investors are named often in funding news, but the round is someone else's; "Uber-rivaal Bolt"
// is about Bolt); the first named on a tie.
class ArticleTopic {
 public:
  explicit ArticleTopic(const ArticleAnalysis& a) : a_(a), counts_(a.entities.size(), 0), first_(a.entities.size(), 0) {}

  void read(std::uint32_t sentence) {
    current_.reset();
    for (const auto& m : a_.mentions[sentence]) {
      if (m.type != MentionType::organization || a_.entities[static_cast<std::size_t>(m.entity)].outlet) continue;
      const auto e = static_cast<std::size_t>(m.entity);
      if (counts_[e]++ == 0) first_[e] = ++order_;
    }
  }

  // The company a stated round, valuation or deal is about weighs as much as two more mentions:
  // "Nordaxa haalt 12 miljoen dollar op" makes Nordaxa the article's company, however often its
  // partner Microsoft is named.
  void about(std::int32_t entity) {
    current_.reset();
    if (entity >= 0 && static_cast<std::size_t>(entity) < counts_.size() && counts_[static_cast<std::size_t>(entity)] > 0)
      counts_[static_cast<std::size_t>(entity)] += 2;
  }

  // An investor (a fundedBy object) or a rival (a competitor object) the article names.
  void set_aside(std::int32_t entity, bool investor) {
    current_.reset();
    if (aside_.size() <= static_cast<std::size_t>(entity)) {
      aside_.resize(a_.entities.size(), false);
      investor_.resize(a_.entities.size(), false);
    }
    aside_[static_cast<std::size_t>(entity)] = true;
    if (investor) investor_[static_cast<std::size_t>(entity)] = true;
  }

  bool is_aside(std::int32_t entity) const {
    return entity >= 0 && static_cast<std::size_t>(entity) < aside_.size() && aside_[static_cast<std::size_t>(entity)];
  }
  bool is_investor(std::int32_t entity) const {
    return entity >= 0 && static_cast<std::size_t>(entity) < investor_.size() && investor_[static_cast<std::size_t>(entity)];
  }

  // Asked for every fact and reference: worked out once per change of the counts, as an article
  // (or one run-on sentence) can name thousands of organisations.
  std::int32_t current() const {
    if (!current_) {
      const std::int32_t best = most_named(false);
      current_ = best >= 0 ? best : most_named(true);
    }
    return *current_;
  }

 private:
  std::int32_t most_named(bool with_aside) const {
    std::int32_t best = -1;
    for (std::size_t e = 0; e < counts_.size(); ++e) {
      if (counts_[e] == 0 || (!with_aside && e < aside_.size() && aside_[e])) continue;
      if (best < 0 || counts_[e] > counts_[static_cast<std::size_t>(best)] ||
          (counts_[e] == counts_[static_cast<std::size_t>(best)] && first_[e] < first_[static_cast<std::size_t>(best)]))
        best = static_cast<std::int32_t>(e);
    }
    return best;
  }


 private:
  const ArticleAnalysis& a_;
  std::vector<int> counts_;
  std::vector<std::size_t> first_;
  std::vector<bool> aside_, investor_;
  std::size_t order_ = 0;
  mutable std::optional<std::int32_t> current_;  // cleared by every change below
};

std::string money_key(const ArticleAnalysis& a, std::int32_t money) {
  if (money < 0) return {};
  const MoneyAmount& m = a.money[static_cast<std::size_t>(money)];
  return m.currency + "/" + m.value + "/" + m.min_value + "/" + m.max_value;
}

std::string fact_key(const ArticleAnalysis& a, const Fact& f, bool with_amount = true) {
  std::int32_t s = f.subject, o = f.object;
  if (is_symmetric(f.property) && o >= 0 && o < s) std::swap(s, o);
  return std::to_string(s) + "|" + f.property + "|" + std::to_string(o) + "|" + money_key(a, f.object_money) + "|" +
         (with_amount ? money_key(a, f.amount) : std::string());
}

// One sentence rarely says two of these things about the same pair: "took a stake in X" is not a
// takeover of X. The higher-priority rule's reading wins.
bool exclusive(const std::string& a, const std::string& b) {
  return (a == "acquiredBy" && b == "fundedBy") || (a == "fundedBy" && b == "acquiredBy");
}

// "Pakkit agreed to be acquired by Halvern": one takeover between a pair, in one direction.
bool reversed_takeover(const Fact& f, const Fact& g) {
  return f.property == "acquiredBy" && g.property == "acquiredBy" && g.subject == f.object && g.object == f.subject;
}

// Drops the facts `drops` picks, each judged against all the facts as found: the indexes the
// predicates consult view the facts' own strings, which must not move while they are consulted.
template <typename Predicate>
void drop_where(std::vector<Fact>& found, Predicate drops) {
  std::vector<bool> dropped(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) dropped[i] = drops(found[i]);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < found.size(); ++i)
    if (!dropped[i]) {
      if (kept != i) found[kept] = std::move(found[i]);
      ++kept;
    }
  found.resize(kept);
}

void drop_conflicts(std::vector<Fact>& found) {
  // Indexes over the facts as found, before any is dropped.
  std::map<std::pair<std::int32_t, std::int32_t>, std::vector<const Fact*>> by_pair;  // unordered pair of parties
  std::set<std::int32_t> investors;                                                   // objects of fundedBy
  std::map<std::pair<std::string_view, std::int32_t>, std::vector<const Fact*>> by_amount;  // (property, object_money)
  std::set<std::pair<std::int32_t, std::int32_t>> valuations;                        // (subject, object_money)
  std::map<std::int32_t, std::vector<std::int32_t>> deal_targets;                    // acquiredBy amount -> subjects
  for (const auto& g : found) {
    by_pair[{std::min(g.subject, g.object), std::max(g.subject, g.object)}].push_back(&g);
    if (g.property == "fundedBy") investors.insert(g.object);
    if (g.object_money >= 0) by_amount[{g.property, g.object_money}].push_back(&g);
    if (g.property == "valuation") valuations.emplace(g.subject, g.object_money);
    if (g.property == "acquiredBy" && g.amount >= 0) deal_targets[g.amount].push_back(g.subject);
  }
  auto loses = [&](const Fact& f) {
    const auto pair = by_pair.find({std::min(f.subject, f.object), std::max(f.subject, f.object)});
    return std::any_of(pair->second.begin(), pair->second.end(), [&](const Fact* g) {
      if (g->rule->priority <= f.rule->priority) return false;
      return reversed_takeover(f, *g) || exclusive(f.property, g->property);
    });
  };
  // An organisation that a sentence says invested does not raise that money itself:
  // "Nvidia leads $60 million round in Halden" is Halden's round.
  auto investor_raising = [&](const Fact& f) { return f.property == "raised" && investors.count(f.subject); };
  // One amount in a sentence is one organisation's valuation or round: "a round led by Veldhuis
  // Capital that valued the company at €1.1 billion" values the company, as the stronger rule says.
  auto amount_taken = [&](const Fact& f) {
    // On equal priority the closer reading wins: the shorter evidence names the nearer organisation.
    auto stronger = [](const Fact& x, const Fact& y) {
      if (x.rule->priority != y.rule->priority) return x.rule->priority > y.rule->priority;
      return x.token_end - x.token_begin < y.token_end - y.token_begin;
    };
    if (f.object_money < 0) return false;
    const auto& same = by_amount.find({f.property, f.object_money})->second;
    return std::any_of(same.begin(), same.end(), [&](const Fact* g) { return g->subject != f.subject && stronger(*g, f); });
  };
  // "raised £60m in a round that values it at £800m": an amount the sentence makes a valuation is not
  // also the round's size.
  auto valuation_not_round = [&](const Fact& f) {
    return f.property == "raised" && valuations.count({f.subject, f.object_money});
  };
  // "X was acquired by Y in a deal valued at $7 billion": the deal's price, not Y's valuation (a
  // deal "that values the target at" it is the target's, too).
  auto deal_price = [&](const Fact& f) {
    if (f.property != "valuation") return false;
    const auto targets = deal_targets.find(f.object_money);
    return targets != deal_targets.end() &&
           std::any_of(targets->second.begin(), targets->second.end(), [&](std::int32_t subject) { return subject != f.subject; });
  };
  drop_where(found, [&](const Fact& f) {
    return loses(f) || investor_raising(f) || amount_taken(f) || deal_price(f) || valuation_not_round(f);
  });
}

// Does sentence s open a paragraph (a blank line before it)?
bool opens_paragraph(const ArticleAnalysis& a, std::uint32_t s) {
  if (s == 0) return true;
  const std::string_view gap =
      std::string_view(a.text.text).substr(a.text.sentences[s - 1].end, a.text.sentences[s].begin - a.text.sentences[s - 1].end);
  const auto first = gap.find('\n');
  return first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos;
}

// The source each sentence's claims are credited to, and why. A sentence's own citation ("according
// to Reuters") is its claims'; a news outlet cited earlier in the paragraph also stands for a later
// sentence there that relays ("the agency reported", "reportedly"); nothing reaches further.
std::vector<std::pair<std::int32_t, std::string>> cite(const CompiledPack& pack, const ArticleAnalysis& a,
                                                       const std::vector<std::vector<Unit>>& units,
                                                       const std::vector<std::int32_t>& attributions) {
  std::vector<std::pair<std::int32_t, std::string>> out(attributions.size(), {-1, ""});
  std::int32_t paragraph_outlet = -1;
  std::uint32_t cited_in = 0;
  for (std::uint32_t s = 0; s < attributions.size(); ++s) {
    if (opens_paragraph(a, s)) paragraph_outlet = -1;
    if (attributions[s] >= 0) {
      out[s] = {attributions[s], "cited in this sentence"};
      if (a.entities[static_cast<std::size_t>(attributions[s])].outlet) {
        paragraph_outlet = attributions[s];
        cited_in = s;
      }
    } else if (paragraph_outlet >= 0 && pack.has_cue_of(units[s], "Reported")) {
      out[s] = {paragraph_outlet, "cited in sentence " + std::to_string(cited_in + 1) + " of the paragraph, relayed here"};
    }
  }
  return out;
}

// "Verhaegen neemt Tessaplast over. Met de transactie is 340 miljoen euro gemoeid.": a sentence that
// prices a deal gives its amount to the takeover or investment the two sentences before stated
// without one, the latest first.
void price_earlier_deal(const CompiledPack& pack, const ArticleAnalysis& a, std::uint32_t s, const std::vector<Unit>& units,
                        std::vector<Fact>& facts) {
  const Rule* rule = nullptr;
  std::int32_t party = -1;
  const std::int32_t amount = pack.deal_amount_of(a, s, units, &rule, &party);
  if (amount < 0) return;
  for (auto f = facts.rbegin(); f != facts.rend(); ++f) {
    // A sentence that names who pays reaches further back, to a deal of that party.
    if (party >= 0 ? f->restated + 6 < s : f->restated + 2 < s) continue;
    if ((f->property != "acquiredBy" && f->property != "fundedBy") || f->implicit || f->amount >= 0) continue;
    if (party >= 0 && f->subject != party && f->object != party) continue;
    f->amount = amount;
    f->amount_reason = "from sentence " + std::to_string(s + 1) + " (" + rule->id + ")";
    return;
  }
}

long days_since_epoch(const DateValue& d) {
  // Howard Hinnant's days_from_civil.
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

// The day the article's news happened: the first day-precise date of its first sentences that lies
// in the week up to its publication ("said on Tuesday", "a annoncé mardi"), or -1.
std::pair<std::int32_t, std::uint32_t> news_date(const ArticleAnalysis& a, const CompiledPack& pack,
                                                 const std::vector<std::vector<Unit>>& units) {
  if (!a.article_date || a.article_date->precision != DatePrecision::day) return {-1, 0};
  const long published = days_since_epoch(*a.article_date);
  const std::uint32_t lead = std::min<std::uint32_t>(static_cast<std::uint32_t>(a.text.sentences.size()), 5);
  for (std::uint32_t s = 0; s < lead; ++s)
    for (std::uint32_t u = 0; u < units[s].size(); ++u) {
      const std::int32_t d = date_at(a, s, units[s], u);
      if (d < 0 || pack.background_date_at(units[s], u)) continue;
      const DateValue& date = a.dates[static_cast<std::size_t>(d)];
      if (date.precision != DatePrecision::day) continue;
      const long age = published - days_since_epoch(date);
      if (age >= 0 && age <= 7) return {d, s};
    }
  return {-1, 0};
}

// The facts of the article's news that no sentence dates ("Lumora has raised $450mn ..." before "...,
// the company said on Tuesday") happened on its news date: a round, a deal or a partnership of the
// company the article is about, reported as done or announced, in a sentence without a date of its
// own that does not tell of an earlier event ("had previously raised").
void date_the_news(ArticleAnalysis& a, const CompiledPack& pack, const std::vector<std::vector<Unit>>& units,
                   const std::vector<std::int32_t>& topics, std::vector<Fact>& facts) {
  auto [date, where] = news_date(a, pack, units);
  std::string reason = "the article's news date, read in sentence " + std::to_string(where + 1);
  // No day in the first sentences ("Korvalo haalt 120 miljoen dollar op"): the news is the day's,
  // as wire and business copy tell it on the day they publish it.
  if (date < 0 && a.article_date && a.article_date->precision == DatePrecision::day) {
    date = static_cast<std::int32_t>(a.dates.size());
    a.dates.push_back(*a.article_date);
    reason = "the article's publication date (no news date in its first sentences)";
  }
  if (date < 0) return;
  static const std::set<std::string> events = {"fundedBy", "raised", "valuation", "acquiredBy", "partner"};
  const auto has_date = [&](std::uint32_t s) {
    return std::any_of(a.mentions[s].begin(), a.mentions[s].end(), [](const Mention& m) { return m.type == MentionType::date; });
  };
  for (auto& f : facts) {
    if (f.date >= 0 || !events.count(f.property) || (f.status != "Completed" && f.status != "Announced")) continue;
    if (f.rule && f.rule->background) continue;  // "X, which is owned by Y" is no news of the day
    // A sentence with a date of its own that did not date the fact ("valued at €350m in 2022, ...")
    // is not telling today's news.
    if (has_date(f.sentence)) continue;
    const std::int32_t topic = topics[f.sentence];
    if (topic < 0 || (f.subject != topic && f.object != topic) || pack.tells_earlier_event(units[f.sentence])) continue;
    f.date = date;
    f.date_reason = reason;
  }
}


// Two rules reading the same deal in one sentence, one with its price and one without: the claim
// with the price says all the other does.
// The facts of a sentence are checked against each other through indexes built once: a run-on
// sentence (a table without full stops) can state thousands, and comparing every pair was
// quadratic in them.
using FactTriple = std::tuple<std::string_view, std::int32_t, std::int32_t>;

void drop_amountless_twins(std::vector<Fact>& found) {
  std::set<FactTriple> priced;
  for (const auto& g : found)
    if (g.amount >= 0) priced.emplace(g.property, g.subject, g.object);
  const auto priced_twin = [&](const Fact& f) {
    return f.amount < 0 && f.object >= 0 && priced.count({f.property, f.subject, f.object});
  };
  drop_where(found, priced_twin);
}

// "Le tour de table a été mené par A, accompagné par B": B invests beside A, not in A. When a
// sentence has A and B investing in the same company, "A fundedBy B" read from it is dropped.
void drop_co_investors(std::vector<Fact>& found) {
  std::set<std::pair<std::int32_t, std::int32_t>> funded;        // (company, investor)
  std::map<std::int32_t, std::vector<std::int32_t>> invests_in;  // investor -> companies
  for (const auto& g : found)
    if (g.property == "fundedBy") {
      funded.emplace(g.subject, g.object);
      invests_in[g.object].push_back(g.subject);
    }
  const auto beside = [&](const Fact& f) {
    if (f.property != "fundedBy" || f.object < 0) return false;
    const auto companies = invests_in.find(f.subject);
    if (companies == invests_in.end()) return false;
    return std::any_of(companies->second.begin(), companies->second.end(), [&](std::int32_t company) {
      return company != f.object && funded.count({company, f.object});
    });
  };
  drop_where(found, beside);
}

// The company whose round a sentence stated, and where.
struct StatedRound {
  std::int32_t company = -1;
  std::uint32_t sentence = 0;
};

// "Tallypot closed a £6.5m round led by Octopus. The Northern Powerhouse Fund contributed £1m.":
// an investor with no company in its sentence funds the round stated in that sentence or the two
// before it, whatever company the article as a whole is mostly about (a digest of deals, a report
// on a rival's round).
void give_round_to_its_company(std::uint32_t sentence, std::vector<Fact>& found, std::optional<StatedRound>& last_round) {
  for (const auto& f : found)
    if (!f.implicit && f.property == "raised")
      last_round = StatedRound{f.subject, sentence};
  if (!last_round || sentence - last_round->sentence > 2) return;
  for (auto& f : found)
    if (f.implicit && f.topic_is_subject && f.property == "fundedBy" && f.object != last_round->company)
      f.subject = last_round->company;
}

// A fact about the article's topic gives way to one the sentence states explicitly about the same
// other party: "Sequoia led the round in Kestrel" is about Kestrel, whatever the topic. Another
// party of the same topic stays: in "The round was led by A, joined by B, which also backed the
// company", B's explicit fact leaves A's round to the topic.
void drop_implicit_duplicates(std::vector<Fact>& found) {
  std::set<std::pair<std::string_view, std::int32_t>> by_subject, by_object;  // explicit facts' (property, side)
  for (const auto& g : found)
    if (!g.implicit) {
      by_subject.emplace(g.property, g.subject);
      by_object.emplace(g.property, g.object);
    }
  auto explicit_twin = [&](const Fact& f) {
    if (f.object < 0) return by_subject.count({f.property, f.subject}) != 0;  // an amount: one round a sentence
    return f.topic_is_subject ? by_object.count({f.property, f.object}) != 0 : by_subject.count({f.property, f.subject}) != 0;
  };
  drop_where(found, [&](const Fact& f) { return f.implicit && explicit_twin(f); });
}

}  // namespace

std::vector<Fact> Extractor::extract(ArticleAnalysis& a) const {
  std::vector<Fact> facts;
  const CompiledPack* compiled = pack(a.text.lang);
  if (!compiled) return facts;
  std::vector<std::vector<Unit>> units(a.text.sentences.size());
  std::vector<std::int32_t> attributions(a.text.sentences.size(), -1);
  for (std::uint32_t s = 0; s < a.text.sentences.size(); ++s) {
    units[s] = compiled->units(a, s);
    attributions[s] = compiled->attribution_of(a, s, units[s]);
  }
  const auto citations = cite(*compiled, a, units, attributions);
  std::unordered_map<std::string, std::size_t> seen;  // fact key -> index in facts
  std::map<std::int32_t, std::int32_t> affiliation;  // person -> the organisation a stated fact ties them to
  ArticleTopic topic(a);
  std::optional<StatedRound> last_round;
  std::vector<std::int32_t> topics(a.text.sentences.size(), -1);
  for (std::uint32_t s = 0; s < a.text.sentences.size(); ++s) {
    topic.read(s);
    topics[s] = topic.current();
    // "Halden raised $60m in a round led by Nvidia, the company said": the company is not the investor.
    // A rival, though, may be the subject of a paragraph: "Geldstroom, backed by Balderton, grew
    // fast. The company plans ...": a reference opening its sentence continues the sentence before.
    for (auto& m : a.mentions[s])
      if (m.generic && topic.is_aside(m.entity) && topic.current() >= 0 && (topic.is_investor(m.entity) || !continues_subject(a, s, m)))
        m.entity = topic.current();
    std::vector<const Rule*> over_budget;
    const auto matches = compiled->match(a, s, units[s], &over_budget);
    for (const Rule* rule : over_budget) a.over_budget.push_back({s, rule->id});
    // A sentence that states a deal of its own prices that one, not an earlier one.
    // So does a sentence that states a valuation ("declined to disclose its valuation, but a person
    // familiar with the matter put it at €250 million").
    const bool states_deal = std::any_of(matches.begin(), matches.end(), [](const RuleMatch& m) {
      return std::any_of(m.rule->emits.begin(), m.rule->emits.end(), [](const Emit& e) {
        return e.property == "acquiredBy" || e.property == "fundedBy" || e.property == "valuation";
      });
    });
    if (!states_deal) price_earlier_deal(*compiled, a, s, units[s], facts);
    if (matches.empty()) continue;
    std::vector<Fact> found;
    const SentenceIndex index = compiled->index_sentence(a, s, units[s]);
    for (const auto& m : matches) emit(a, s, units[s], index, m, citations[s], topic.current(), found);
    // "Veritas was founded by Marieke de Jong. De Jong, who remains chief executive, ...": a person
    // the article has tied to an organisation holds the office there, whatever the topic.
    for (auto& f : found)
      if (f.implicit && is_office(f.property) && f.object >= 0)
        if (const auto tied = affiliation.find(f.object); tied != affiliation.end()) f.subject = tied->second;
    // The same fact matched many times (a long list, a run-on sentence) is weighed once below.
    std::unordered_set<std::string> in_sentence;
    found.erase(std::remove_if(found.begin(), found.end(), [&](const Fact& f) { return !in_sentence.insert(fact_key(a, f)).second; }),
                found.end());
    drop_amountless_twins(found);
    drop_co_investors(found);
    drop_implicit_duplicates(found);
    drop_conflicts(found);
    give_round_to_its_company(s, found, last_round);
    // "Volgens Reuters koopt X Y": the outlet the sentence cites is not a party to its facts. A
    // company cited ("de NX-1 is volgens Nordlicht goedkoper") can be.
    if (attributions[s] >= 0 && a.entities[static_cast<std::size_t>(attributions[s])].outlet)
      found.erase(std::remove_if(found.begin(), found.end(),
                                 [&](const Fact& f) { return f.subject == attributions[s] || f.object == attributions[s]; }),
                  found.end());
    for (auto& f : found) {
      // The holder of an office is a person, and what a company makes a product, even one only its
      // shape had typed (an organisation).
      if ((is_office(f.property) || f.property == "product") && f.object >= 0) {
        ArticleEntity& named = a.entities[static_cast<std::size_t>(f.object)];
        if (named.inferred && named.type == EntityType::organization)
          named.type = f.property == "product" ? EntityType::product : EntityType::person;
      }
      // An investor or a rival the article names is not what it is about ("Uber-rivaal Bolt").
      if ((f.property == "fundedBy" || f.property == "competitor") && f.object >= 0) topic.set_aside(f.object, f.property == "fundedBy");
      if (!f.implicit && !(f.rule && f.rule->background) &&
          (f.property == "raised" || f.property == "valuation" || f.property == "fundedBy" || f.property == "acquiredBy"))
        topic.about(f.subject);
      if (!f.implicit && is_office(f.property) && f.object >= 0) affiliation.emplace(f.object, f.subject);
      const auto [kept, fresh] = seen.emplace(fact_key(a, f), facts.size());
      // The same deal stated with its price ("X in talks to buy Y", then "X is in talks to buy Y
      // for €5bn, it said on Tuesday") restates the claim without one.
      std::optional<std::size_t> restates;
      if (!fresh) restates = kept->second;
      else if (f.amount >= 0)
        if (const auto bare = seen.find(fact_key(a, f, false)); bare != seen.end()) restates = bare->second;
      if (restates) {
        Fact& first = facts[*restates];
        first.restated = f.sentence;
        if (first.date < 0 && f.date >= 0) {
          // "Génovia lève 85 millions" (a headline), then "Génovia a annoncé jeudi une levée de 85
          // millions": the claim kept is the first, dated by the sentence that dates the same fact.
          first.date = f.date;
          first.date_reason = "from sentence " + std::to_string(f.sentence + 1) + ", which states the same fact";
        }
      }
      if (fresh) facts.push_back(std::move(f));
    }
  }
  date_the_news(a, *compiled, units, topics, facts);
  return facts;
}

}  // namespace kg
