#include "kgbuild/rules.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>

#include "kgbuild/mentions.hpp"

namespace kg {

namespace {

struct Lexeme {
  enum class Kind { word, string, list_ref, lparen, rparen, bar, quant, colon, gap, equals, end };
  Kind kind = Kind::end;
  std::string text;
  std::size_t column = 0;  // 1-based
};

bool is_special(char c) { return c == '(' || c == ')' || c == '|' || c == '"' || c == '=' || c == '#'; }

// Splits one line into lexemes; a '#' outside quotes starts a comment.
std::vector<Lexeme> lex(const std::string& line, const std::string& file, std::size_t line_no) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  auto push = [&](Lexeme::Kind kind, std::string text, std::size_t col) { out.push_back({kind, std::move(text), col + 1}); };
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') { ++i; continue; }
    if (c == '#') break;
    const std::size_t start = i;
    if (c == '"') {
      const std::size_t close = line.find('"', i + 1);
      if (close == std::string::npos) throw RuleError(file, line_no, start + 1, "expected a closing '\"'");
      if (close == i + 1) throw RuleError(file, line_no, start + 1, "expected text between the quotes");
      push(Lexeme::Kind::string, line.substr(i + 1, close - i - 1), start);
      i = close + 1;
      continue;
    }
    if (c == '(') { push(Lexeme::Kind::lparen, "(", start); ++i; continue; }
    if (c == ')') { push(Lexeme::Kind::rparen, ")", start); ++i; continue; }
    if (c == '|') { push(Lexeme::Kind::bar, "|", start); ++i; continue; }
    if (c == '=') { push(Lexeme::Kind::equals, "=", start); ++i; continue; }
    if (line.compare(i, 3, "...") == 0) {
      i += 3;
      while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
      push(Lexeme::Kind::gap, line.substr(start, i - start), start);
      continue;
    }
    if ((c == '?' || c == '*' || c == '+') && !out.empty()) { push(Lexeme::Kind::quant, std::string(1, c), start); ++i; continue; }
    const bool list_ref = c == '@';
    if (list_ref) ++i;
    const std::size_t word_start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && !is_special(line[i])) {
      if (line[i] == ':' && i > word_start) break;
      if ((line[i] == '?' || line[i] == '*' || line[i] == '+') && i > word_start) break;
      ++i;
    }
    if (i == word_start) {
      if (list_ref) throw RuleError(file, line_no, start + 1, "expected a list name after '@'");
      if (line[i] == ':') { push(Lexeme::Kind::colon, ":", start); ++i; continue; }
      throw RuleError(file, line_no, start + 1, std::string("unexpected '") + line[i] + "'");
    }
    push(list_ref ? Lexeme::Kind::list_ref : Lexeme::Kind::word, line.substr(word_start, i - word_start), start);
    if (i < line.size() && line[i] == ':' ) { push(Lexeme::Kind::colon, ":", i); ++i; }
  }
  push(Lexeme::Kind::end, "", line.size());
  return out;
}

const std::map<std::string, TypeMask>& type_names() {
  auto bit = [](MentionType t) { return static_cast<TypeMask>(1u << static_cast<unsigned>(t)); };
  static const std::map<std::string, TypeMask> names = {
      {"ORG", bit(MentionType::organization)},
      {"PERSON", bit(MentionType::person)},
      {"PRODUCT", bit(MentionType::product)},
      {"COUNTRY", bit(MentionType::country)},
      {"NATIONALITY", bit(MentionType::nationality)},
      {"MONEY", bit(MentionType::money)},
      {"DATE", bit(MentionType::date)},
      {"PERCENT", bit(MentionType::percent)},
      {"ENTITY", static_cast<TypeMask>(bit(MentionType::organization) | bit(MentionType::person) |
                                       bit(MentionType::product) | bit(MentionType::country))},
      {"AGENT", static_cast<TypeMask>(bit(MentionType::organization) | bit(MentionType::person))},
  };
  return names;
}

class PackParser {
 public:
  PackParser(const std::string& file, TextAnalyzer& analyzer) : file_(file), analyzer_(analyzer) {}

  RulePack parse(const std::string& text) {
    pack_.file = file_;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      ++line_no_;
      statement(line);
    }
    if (!language_seen_) throw RuleError(file_, 1, 1, "expected a 'language en|nl|fr' line");
    finish_rule();
    return std::move(pack_);
  }

 private:
  [[noreturn]] void fail(const Lexeme& at, const std::string& what) const {
    throw RuleError(file_, line_no_, at.column, what);
  }

  void statement(const std::string& line) {
    lexemes_ = lex(line, file_, line_no_);
    pos_ = 0;
    if (peek().kind == Lexeme::Kind::end) return;
    const bool indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
    const Lexeme head = next();
    if (head.kind != Lexeme::Kind::word) fail(head, "expected a keyword (language, list, status, default-status, attribution, rule, match, emit)");
    if (indented) return rule_body(head);
    if (head.text == "match" || head.text == "emit") fail(head, "expected '" + head.text + "' to be indented under a 'rule' line");
    finish_rule();
    if (head.text == "language") return language();
    if (!language_seen_) fail(head, "expected 'language en|nl|fr' before anything else");
    if (head.text == "list") return list();
    if (head.text == "status") return status();
    if (head.text == "default-status") return default_status();
    if (head.text == "attribution") return attribution(head);
    if (head.text == "deal-amount") return deal_amount(head);
    if (head.text == "clause-break") return cue_line(pack_.clause_breaks, "clause-break");
    if (head.text == "background-date") return cue_line(pack_.background_dates, "background-date");
    if (head.text == "earlier-event") return cue_line(pack_.earlier_cues, "earlier-event");
    if (head.text == "per-unit") return cue_line(pack_.per_unit, "per-unit");
    if (head.text == "cumulative-total") return cue_line(pack_.cumulative_totals, "cumulative-total");
    if (head.text == "list-joiner") return cue_line(pack_.list_joiners, "list-joiner");
    if (head.text == "list-preposition") return cue_line(pack_.list_prepositions, "list-preposition");
    if (head.text == "phrase-adverb") return cue_line(pack_.phrase_adverbs, "phrase-adverb");
    if (head.text == "not-description") return cue_line(pack_.not_description, "not-description");
    if (head.text == "sentence-status") return sentence_status();
    if (head.text == "rule") return rule(head);
    if (head.text == "match" || head.text == "emit") fail(head, "expected '" + head.text + "' to be indented under a 'rule' line");
    fail(head, "expected a keyword (language, list, status, default-status, sentence-status, clause-break, background-date, earlier-event, per-unit, list-joiner, list-preposition, phrase-adverb, not-description, attribution, deal-amount, rule), got '" + head.text + "'");
  }

  const Lexeme& peek() const { return lexemes_[pos_]; }
  Lexeme next() { return lexemes_[pos_ == lexemes_.size() - 1 ? pos_ : pos_++]; }

  Lexeme expect(Lexeme::Kind kind, const std::string& what) {
    if (peek().kind != kind) fail(peek(), "expected " + what);
    return next();
  }

  void expect_end() {
    if (peek().kind != Lexeme::Kind::end) fail(peek(), "expected the end of the line, got '" + peek().text + "'");
  }

  void language() {
    const Lexeme code = expect(Lexeme::Kind::word, "a language code (en, nl or fr)");
    const auto lang = lang_from_string(code.text);
    if (!lang) fail(code, "expected a language code (en, nl or fr), got '" + code.text + "'");
    if (language_seen_) fail(code, "expected one 'language' line per file");
    pack_.lang = *lang;
    language_seen_ = true;
    expect_end();
  }

  // Items of a list or status line: words, "phrases" and @lists, to the end of the line.
  std::vector<std::vector<std::string>> items() {
    std::vector<std::vector<std::string>> out;
    while (peek().kind != Lexeme::Kind::end) {
      const Lexeme item = next();
      if (item.kind == Lexeme::Kind::word || item.kind == Lexeme::Kind::string) {
        auto keys = analyzer_.keys(item.text);
        if (keys.empty()) fail(item, "expected a word, got '" + item.text + "'");
        out.push_back(std::move(keys));
      } else if (item.kind == Lexeme::Kind::list_ref) {
        const auto& list = lookup_list(item);
        out.insert(out.end(), list.begin(), list.end());
      } else {
        fail(item, "expected a word, a \"phrase\" or an @list, got '" + item.text + "'");
      }
    }
    return out;
  }

  const std::vector<std::vector<std::string>>& lookup_list(const Lexeme& ref) const {
    const auto it = lists_.find(ref.text);
    if (it == lists_.end()) fail(ref, "expected a list defined above, '@" + ref.text + "' is not");
    return it->second;
  }

  void list() {
    const Lexeme name = expect(Lexeme::Kind::word, "a list name");
    if (lists_.count(name.text)) fail(name, "expected a new list name, '" + name.text + "' is defined already");
    expect(Lexeme::Kind::equals, "'=' after the list name");
    auto entries = items();
    if (entries.empty()) fail(peek(), "expected at least one word in the list");
    lists_.emplace(name.text, std::move(entries));
  }

  void status() {
    const Lexeme name = expect(Lexeme::Kind::word, "a status name (Completed, Announced, Planned, InTalks, Reported, Speculative, Denied)");
    expect(Lexeme::Kind::equals, "'=' after the status name");
    auto cues = items();
    if (cues.empty()) fail(peek(), "expected at least one cue");
    pack_.status_cues.push_back(StatusCue{name.text, std::move(cues), line_no_, name.column});
  }

  // "clause-break = ; which who": phrases added to the pack's list of that kind.
  void cue_line(std::vector<std::vector<std::string>>& into, const std::string& keyword) {
    expect(Lexeme::Kind::equals, "'=' after " + keyword);
    auto cues = items();
    if (cues.empty()) fail(peek(), "expected at least one word or \"phrase\" after '" + keyword + " ='");
    into.insert(into.end(), cues.begin(), cues.end());
  }

  // "sentence-status Denied Reported"
  void sentence_status() {
    if (peek().kind == Lexeme::Kind::end) fail(peek(), "expected at least one status name");
    while (peek().kind != Lexeme::Kind::end) {
      const Lexeme name = expect(Lexeme::Kind::word, "a status name");
      const bool declared = std::any_of(pack_.status_cues.begin(), pack_.status_cues.end(),
                                        [&](const StatusCue& cue) { return cue.status == name.text; });
      if (!declared) fail(name, "expected a status with cues on a 'status' line above, got '" + name.text + "'");
      pack_.sentence_statuses.push_back(name.text);
    }
  }

  void default_status() {
    const Lexeme name = expect(Lexeme::Kind::word, "a status name");
    if (peek().kind == Lexeme::Kind::word && peek().text == "for") {
      next();
      if (peek().kind == Lexeme::Kind::end) fail(peek(), "expected at least one property after 'for'");
      while (peek().kind != Lexeme::Kind::end) pack_.default_status_for[expect(Lexeme::Kind::word, "a property name").text] = name.text;
      return;
    }
    pack_.default_status = name.text;
    pack_.default_status_line = line_no_;
    pack_.default_status_column = name.column;
    expect_end();
  }

  // A one-line pattern statement ("attribution ...", "deal-amount ..."): a rule of its own, named
  // after its keyword and line.
  Rule pattern_statement(const Lexeme& head) {
    Rule rule;
    rule.id = head.text + "@" + std::to_string(line_no_);
    rule.lang = pack_.lang;
    rule.file = file_;
    rule.line = line_no_;
    current_ = &rule;
    rule.patterns.push_back(pattern_line(head));
    current_ = nullptr;
    return rule;
  }

  static const Capture* capture_named(const Rule& rule, const std::string& name) {
    const auto it = std::find_if(rule.captures.begin(), rule.captures.end(), [&](const Capture& c) { return c.name == name; });
    return it == rule.captures.end() ? nullptr : &*it;
  }

  void deal_amount(const Lexeme& head) {
    Rule rule = pattern_statement(head);
    const Capture* amount = capture_named(rule, "amount");
    if (!amount || amount->types != static_cast<TypeMask>(1u << static_cast<unsigned>(MentionType::money)))
      fail(head, "expected the deal-amount pattern to bind a MONEY capture named 'amount'");
    pack_.deal_amounts.push_back(std::move(rule));
  }

  void attribution(const Lexeme& head) {
    Rule rule = pattern_statement(head);
    if (!capture_named(rule, "source")) fail(head, "expected the attribution pattern to bind a capture named 'source'");
    pack_.attributions.push_back(std::move(rule));
  }

  void rule(const Lexeme& head) {
    const Lexeme id = expect(Lexeme::Kind::word, "a rule id after 'rule'");
    Rule rule;
    rule.id = id.text;
    rule.lang = pack_.lang;
    rule.file = file_;
    rule.line = line_no_;
    while (peek().kind != Lexeme::Kind::end) {
      const Lexeme key = expect(Lexeme::Kind::word, "'priority N', 'confidence X' or 'background'");
      if (key.text == "background") {
        rule.background = true;
        continue;
      }
      const Lexeme value = expect(Lexeme::Kind::word, "a number after '" + key.text + "'");
      if (key.text == "priority") rule.priority = number<int>(value, 0, 1000);
      else if (key.text == "confidence") rule.confidence = number<double>(value, 0.0, 1.0);
      else fail(key, "expected 'priority', 'confidence' or 'background', got '" + key.text + "'");
    }
    for (const auto& r : pack_.rules)
      if (r.id == rule.id) fail(id, "expected a unique rule id, '" + rule.id + "' is used at line " + std::to_string(r.line));
    open_rule_ = std::move(rule);
    rule_head_ = head;
    current_ = &*open_rule_;
  }

  template <typename T>
  T number(const Lexeme& at, T lo, T hi) {
    T value{};
    const auto [end, ec] = std::from_chars(at.text.data(), at.text.data() + at.text.size(), value);
    if (ec != std::errc() || end != at.text.data() + at.text.size() || value < lo || value > hi)
      fail(at, "expected a number from " + format(lo) + " to " + format(hi) + ", got '" + at.text + "'");
    return value;
  }

  template <typename T>
  static std::string format(T v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }

  void rule_body(const Lexeme& head) {
    if (!open_rule_) fail(head, "expected an indented '" + head.text + "' to follow a 'rule' line");
    if (head.text == "match") return open_rule_->patterns.push_back(pattern_line(head));
    if (head.text == "emit") return emit(head);
    fail(head, "expected 'match' or 'emit', got '" + head.text + "'");
  }

  void finish_rule() {
    if (!open_rule_) return;
    Rule& r = *open_rule_;
    if (r.patterns.empty()) throw RuleError(file_, r.line, rule_head_.column, "expected rule '" + r.id + "' to have a 'match' line");
    if (r.emits.empty()) throw RuleError(file_, r.line, rule_head_.column, "expected rule '" + r.id + "' to have an 'emit' line");
    pack_.rules.push_back(std::move(r));
    open_rule_.reset();
    current_ = nullptr;
  }

  Pattern pattern_line(const Lexeme& head) {
    if (peek().kind == Lexeme::Kind::end) fail(peek(), "expected a pattern after '" + head.text + "'");
    Pattern p = sequence(false);
    if (peek().kind != Lexeme::Kind::end) fail(peek(), "expected the end of the pattern, got '" + peek().text + "'");
    if (std::all_of(p.begin(), p.end(), [](const PatternNode& n) { return n.kind == PatternNode::Kind::gap || n.min == 0; }))
      fail(head, "expected the pattern to require at least one element (everything in it is optional)");
    return p;
  }

  Pattern sequence(bool optional) {
    Pattern seq;
    while (peek().kind != Lexeme::Kind::end && peek().kind != Lexeme::Kind::rparen && peek().kind != Lexeme::Kind::bar)
      seq.push_back(element(optional));
    return seq;
  }

  // What a capture of the node can hold: its type, or for a group every type inside it.
  static TypeMask types_of(const PatternNode& node) {
    if (node.kind == PatternNode::Kind::type || node.kind == PatternNode::Kind::coordination) return node.types;
    TypeMask mask = 0;
    for (const auto& alt : node.alternatives)
      for (const auto& n : alt) mask = static_cast<TypeMask>(mask | types_of(n));
    return mask;
  }

  std::int16_t declare_capture(const Lexeme& name, TypeMask types, bool optional) {
    auto& caps = current_->captures;
    for (std::size_t i = 0; i < caps.size(); ++i) {
      if (caps[i].name != name.text) continue;
      if (caps[i].types != types) fail(name, "expected capture '" + name.text + "' to bind the same type in every match");
      caps[i].optional = caps[i].optional || optional;
      return static_cast<std::int16_t>(i);
    }
    caps.push_back(Capture{name.text, types, optional});
    return static_cast<std::int16_t>(caps.size() - 1);
  }

  PatternNode element(bool optional) {
    std::optional<Lexeme> capture;
    if (peek().kind == Lexeme::Kind::word && lexemes_[pos_ + 1].kind == Lexeme::Kind::colon) {
      capture = next();
      next();
    }
    // Peek at the quantifier first: an optional element's capture is optional.
    PatternNode node = atom();
    if (peek().kind == Lexeme::Kind::quant) {
      const Lexeme q = next();
      if (node.kind == PatternNode::Kind::gap) fail(q, "expected no quantifier after a gap");
      if (node.kind == PatternNode::Kind::type && q.text == "+") {
        node.kind = PatternNode::Kind::coordination;  // ORG+ : "A, B and C"
      } else if (node.kind == PatternNode::Kind::type && q.text == "*") {
        fail(q, "expected TYPE+ for a list of names, or (TYPE)* to repeat");
      } else {
        node.min = q.text == "+" ? 1 : 0;
        node.max = q.text == "?" ? 1 : 255;
      }
    }
    if (capture) {
      if (node.kind == PatternNode::Kind::gap) fail(*capture, "expected a capture to name a word, a type or a group, not a gap");
      const TypeMask types = types_of(node);
      node.capture = declare_capture(*capture, types, optional || node.min == 0);
      node.source = capture->text + ":" + node.source;
    }
    return node;
  }

  PatternNode atom() {
    const Lexeme at = next();
    PatternNode node;
    node.line = line_no_;
    node.column = at.column;
    node.source = at.text;
    switch (at.kind) {
      case Lexeme::Kind::word: {
        if (at.text == "DESCRIPTION") {
          node.kind = PatternNode::Kind::description;
          return node;
        }
        if (at.text == "ASIDE") {
          node.kind = PatternNode::Kind::aside;
          return node;
        }
        if (at.text == "START") {
          node.kind = PatternNode::Kind::start;
          return node;
        }
        const auto& types = type_names();
        if (auto it = types.find(at.text); it != types.end()) {
          node.kind = PatternNode::Kind::type;
          node.types = it->second;
          return node;
        }
        node.phrases.push_back(analyzer_.keys(at.text));
        if (node.phrases.back().empty()) fail(at, "expected a word, got '" + at.text + "'");
        return node;
      }
      case Lexeme::Kind::string:
        node.phrases.push_back(analyzer_.keys(at.text));
        if (node.phrases.back().empty()) fail(at, "expected text inside the quotes");
        node.source = "\"" + at.text + "\"";
        return node;
      case Lexeme::Kind::list_ref:
        node.phrases = lookup_list(at);
        node.source = "@" + at.text;
        return node;
      case Lexeme::Kind::gap: {
        node.kind = PatternNode::Kind::gap;
        node.min = 0;
        node.max = 8;
        if (at.text.size() > 3) node.max = static_cast<std::uint8_t>(std::min(number<int>(Lexeme{at.kind, at.text.substr(3), at.column + 3}, 0, 50), 50));
        return node;
      }
      case Lexeme::Kind::lparen: {
        node.kind = PatternNode::Kind::group;
        node.source = "(...)";
        // Anything inside an alternative may not match, so its captures are optional.
        node.alternatives.push_back(sequence(true));
        while (peek().kind == Lexeme::Kind::bar) {
          next();
          node.alternatives.push_back(sequence(true));
        }
        expect(Lexeme::Kind::rparen, "')' to close the group");
        for (const auto& alt : node.alternatives)
          if (alt.empty()) fail(at, "expected something in every alternative of the group");
        return node;
      }
      case Lexeme::Kind::end: fail(at, "expected a pattern element, got the end of the line");
      default: fail(at, "expected a word, a \"phrase\", an @list, a TYPE, a gap (...N) or a group, got '" + at.text + "'");
    }
  }

  void emit(const Lexeme& head) {
    Emit e;
    e.line = line_no_;
    e.column = head.column;
    const Lexeme subject = expect(Lexeme::Kind::word, "a capture name (the subject) after 'emit'");
    const Lexeme property = expect(Lexeme::Kind::word, "a property of the ontology (fundedBy, partner, ...)");
    const Lexeme object = expect(Lexeme::Kind::word, "a capture name (the object)");
    e.subject = subject.text == "TOPIC" ? kTopic : bound(subject);
    e.property = property.text;
    e.object = object.text == "TOPIC" ? kTopic : bound(object);
    if (e.subject == kTopic && e.object == kTopic) fail(object, "expected at most one side of the fact to be TOPIC");
    while (peek().kind != Lexeme::Kind::end) {
      const Lexeme key = expect(Lexeme::Kind::word, "a qualifier (amount=, date= or status=)");
      expect(Lexeme::Kind::equals, "'=' after '" + key.text + "'");
      const Lexeme value = expect(Lexeme::Kind::word, "a value after '" + key.text + "='");
      if (key.text == "amount") e.amount = bound(value);
      else if (key.text == "date") e.date = bound(value);
      else if (key.text == "status") e.status = value.text;
      else fail(key, "expected amount=, date= or status=, got '" + key.text + "='");
    }
    open_rule_->emits.push_back(std::move(e));
  }

  std::int16_t bound(const Lexeme& name) {
    const auto& caps = open_rule_->captures;
    for (std::size_t i = 0; i < caps.size(); ++i)
      if (caps[i].name == name.text) return static_cast<std::int16_t>(i);
    fail(name, "expected a capture bound by a 'match' line above, '" + name.text + "' is not");
  }

  const std::string& file_;
  TextAnalyzer& analyzer_;
  RulePack pack_;
  std::map<std::string, std::vector<std::vector<std::string>>> lists_;
  std::vector<Lexeme> lexemes_;
  std::size_t pos_ = 0, line_no_ = 0;
  bool language_seen_ = false;
  std::optional<Rule> open_rule_;
  Lexeme rule_head_;
  Rule* current_ = nullptr;
};

}  // namespace

RulePack parse_rule_pack(const std::string& text, const std::string& file, TextAnalyzer& analyzer) {
  return PackParser(file, analyzer).parse(text);
}

std::map<Lang, RulePack> load_rule_packs(const std::vector<std::filesystem::path>& dirs, TextAnalyzer& analyzer) {
  std::map<Lang, RulePack> packs;
  for (const auto& dir : dirs) {
    if (!std::filesystem::is_directory(dir)) throw std::runtime_error(dir.string() + ": not a folder of rule packs");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.path().extension() == ".rules") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error(path.string() + ": cannot open");
      std::ostringstream content;
      content << in.rdbuf();
      RulePack pack = parse_rule_pack(content.str(), path.string(), analyzer);
      auto [it, fresh] = packs.try_emplace(pack.lang, std::move(pack));
      if (fresh) continue;
      // A later pack for the same language extends it; a rule with a known id replaces the old one.
      RulePack& base = it->second;
      RulePack& extra = pack;
      for (auto& rule : extra.rules) {
        auto same = std::find_if(base.rules.begin(), base.rules.end(), [&](const Rule& r) { return r.id == rule.id; });
        if (same != base.rules.end()) *same = std::move(rule);
        else base.rules.push_back(std::move(rule));
      }
      base.status_cues.insert(base.status_cues.begin(), extra.status_cues.begin(), extra.status_cues.end());
      const auto append = [](auto& into, const auto& more) { into.insert(into.end(), more.begin(), more.end()); };
      append(base.attributions, extra.attributions);
      append(base.deal_amounts, extra.deal_amounts);
      append(base.clause_breaks, extra.clause_breaks);
      append(base.background_dates, extra.background_dates);
      append(base.earlier_cues, extra.earlier_cues);
      append(base.per_unit, extra.per_unit);
      append(base.cumulative_totals, extra.cumulative_totals);
      append(base.list_joiners, extra.list_joiners);
      append(base.list_prepositions, extra.list_prepositions);
      append(base.phrase_adverbs, extra.phrase_adverbs);
      append(base.not_description, extra.not_description);
      append(base.sentence_statuses, extra.sentence_statuses);
      for (const auto& [property, status] : extra.default_status_for) base.default_status_for[property] = status;
    }
  }
  return packs;
}

}  // namespace kg
