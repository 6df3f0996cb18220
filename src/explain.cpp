#include "kgbuild/explain.hpp"

#include <unistd.h>

#include <iostream>

namespace kg {

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) != 0; }

namespace {

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(const std::string& text, const char* code) const {
    return color_ ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }

 private:
  bool color_;
};

constexpr const char* kBold = "1";
constexpr const char* kDim = "2";
constexpr const char* kGreen = "32";
constexpr const char* kYellow = "33";
constexpr const char* kCyan = "36";
constexpr const char* kRed = "31";

std::string money_text(const MoneyAmount& m) {
  std::string out;
  if (!m.value.empty()) out += (m.approximate ? "~" : "") + m.value;
  if (!m.min_value.empty()) out += ">=" + m.min_value;
  if (!m.min_value.empty() && !m.max_value.empty()) out += " ";
  if (!m.max_value.empty()) out += "<=" + m.max_value;
  return out + " " + m.currency;
}

class Explainer {
 public:
  Explainer(Resources& r, const ExplainOptions& o, std::ostream& out) : r_(r), o_(o), out_(out), paint_(o.color) {}

  void article(const Article& article) {
    ArticleAnalysis a = r_.analyze(article, o_.lang);
    const CompiledPack* pack = r_.extractor().pack(a.text.lang);
    out_ << paint_("== " + article.origin, kBold) << "  (" << to_string(a.text.lang)
         << (a.text.lang_detected ? ", detected" : ", declared") << ", " << a.text.sentences.size() << " sentences)\n";
    if (!pack) {
      out_ << "   no rule pack for this language\n";
      return;
    }
    const Rule* why_not = find_rule(*pack);
    if (!o_.why_not.empty() && !why_not) {
      out_ << paint_("   no rule '" + o_.why_not + "' in the " + std::string(to_string(a.text.lang)) + " pack\n", kRed);
      return;
    }
    const auto facts = r_.extractor().extract(a);  // may resolve references again: show them after
    for (std::uint32_t s = 0; s < a.text.sentences.size(); ++s) sentence(a, *pack, s, facts, why_not);
  }

 private:
  const Rule* find_rule(const CompiledPack& pack) const {
    for (const auto& rule : pack.pack().rules)
      if (rule.id == o_.why_not) return &rule;
    return nullptr;
  }

  std::string mention_text(const ArticleAnalysis& a, const Mention& m) const {
    const std::string surface(std::string_view(a.text.text).substr(a.text.tokens[m.token_begin].begin,
                                                                   a.text.tokens[m.token_end - 1].end - a.text.tokens[m.token_begin].begin));
    std::string detail;
    if (m.entity >= 0) {
      const auto& e = a.entities[static_cast<std::size_t>(m.entity)];
      if (e.name != surface) detail = " -> " + e.name;
      if (m.coreferent) detail += " (coreference)";
      if (e.inferred) detail += " (typed by its shape alone)";
    } else if (m.type == MentionType::money) {
      detail = " = " + money_text(a.money[static_cast<std::size_t>(m.value)]);
    } else if (m.type == MentionType::date) {
      detail = " = " + a.dates[static_cast<std::size_t>(m.value)].lexical();
    } else if (m.type == MentionType::percent) {
      detail = " = " + a.percents[static_cast<std::size_t>(m.value)] + "%";
    }
    return "[" + surface + " " + paint_(std::string(to_string(m.type)), kCyan) + detail + "]";
  }

  std::string units_text(const ArticleAnalysis& a, const std::vector<Unit>& units, std::uint32_t b, std::uint32_t e) const {
    if (b >= e) return "";
    const auto begin = a.text.tokens[units[b].token_begin].begin;
    const auto end = a.text.tokens[units[e - 1].token_end - 1].end;
    return a.text.text.substr(begin, end - begin);
  }

  std::string fact_text(const ArticleAnalysis& a, const Fact& f) const {
    std::string out = a.entities[static_cast<std::size_t>(f.subject)].name + " " + paint_(f.property, kGreen) + " ";
    out += f.object >= 0 ? a.entities[static_cast<std::size_t>(f.object)].name
                         : money_text(a.money[static_cast<std::size_t>(f.object_money)]);
    if (f.amount >= 0) out += "  amount " + money_text(a.money[static_cast<std::size_t>(f.amount)]);
    if (f.date >= 0) out += "  date " + a.dates[static_cast<std::size_t>(f.date)].lexical();
    out += "  (" + f.status;
    if (f.attribution >= 0) out += ", according to " + a.entities[static_cast<std::size_t>(f.attribution)].name;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", f.confidence);
    return out + ", confidence " + confidence + ")";
  }

  // Why the claim got its status, date and source.
  std::string qualifier_reasons(const ArticleAnalysis& a, const Fact& f) const {
    std::string out = "status " + f.status + (f.status_cue.empty() ? " (no cue in its clause: the default)" : " (cue \"" + f.status_cue + "\")");
    if (f.date >= 0) out += "; date " + a.dates[static_cast<std::size_t>(f.date)].lexical() + " (" + f.date_reason + ")";
    else out += "; no date (none in the sentence outside background phrases)";
    if (f.attribution >= 0)
      out += "; source " + a.entities[static_cast<std::size_t>(f.attribution)].name + " (" + f.attribution_reason + ")";
    if (!f.amount_reason.empty()) out += "; amount " + f.amount_reason;
    return out;
  }

  void sentence(const ArticleAnalysis& a, const CompiledPack& pack, std::uint32_t s, const std::vector<Fact>& facts,
                const Rule* why_not) {
    const auto& mentions = a.mentions[s];
    const auto units = pack.units(a, s);
    const auto matches = pack.match(a, s, units);
    if (mentions.empty() && matches.empty() && !why_not) return;
    out_ << "\n" << paint_("[" + std::to_string(s + 1) + "]", kBold) << " " << a.text.sentence_text(a.text.sentences[s]) << "\n";
    if (!mentions.empty()) {
      out_ << "    " << paint_("mentions", kDim) << " ";
      for (const auto& m : mentions) out_ << mention_text(a, m) << " ";
      out_ << "\n";
    }
    for (const auto& m : matches) {
      out_ << "    " << paint_("rule", kDim) << " " << paint_(m.rule->id, kYellow) << " (" << m.rule->file << ":"
           << m.rule->line << ") matched \"" << units_text(a, units, m.unit_begin, m.unit_end) << "\"\n";
      for (std::size_t c = 0; c < m.captures.size(); ++c) {
        if (!m.captures[c].bound) continue;
        out_ << "        " << m.rule->captures[c].name << " = "
             << units_text(a, units, m.captures[c].unit_begin, m.captures[c].unit_end) << "\n";
      }
    }
    for (const auto& f : facts)
      if (f.sentence == s) {
        out_ << "    " << paint_("fact", kDim) << " " << fact_text(a, f) << "  by " << f.rule->id << "\n";
        out_ << "         " << paint_("why", kDim) << " " << qualifier_reasons(a, f) << "\n";
      }
    if (why_not) progress(a, pack, s, units, *why_not);
  }

  void progress(const ArticleAnalysis& a, const CompiledPack& pack, std::uint32_t s, const std::vector<Unit>& units,
                const Rule& rule) {
    const RuleProgress p = pack.progress(rule, a, s, units);
    const Pattern& pattern = rule.patterns[p.pattern];
    out_ << "    " << paint_("why not " + rule.id, kRed) << ": ";
    if (p.elements >= pattern.size()) {
      out_ << "it matches this sentence\n";
      return;
    }
    out_ << "match line " << p.pattern + 1 << " got through " << p.elements << " of " << pattern.size() << " elements";
    out_ << "; next needed " << paint_(pattern[p.elements].source, kYellow);
    if (p.unit < units.size()) out_ << " at \"" << units_text(a, units, p.unit, p.unit + 1) << "\"";
    else out_ << " after the end of the sentence";
    out_ << "\n";
  }

  Resources& r_;
  const ExplainOptions& o_;
  std::ostream& out_;
  Painter paint_;
};

}  // namespace

int explain(Resources& resources, const std::vector<std::string>& inputs, const ExplainOptions& options, std::ostream& out) {
  Explainer explainer(resources, options, out);
  read_articles(inputs, [&](Article&& article) { explainer.article(article); });
  return 0;
}

}  // namespace kg
