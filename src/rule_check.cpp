// The semantic checks of a rule pack against the ontology (kgbuild check-rules).
#include <algorithm>
#include <functional>

#include "kgbuild/mentions.hpp"
#include "kgbuild/rules.hpp"
#include "kgbuild/vocab.hpp"

namespace kg {

namespace {

const vocab::Term* find_term(std::string_view local) {
  for (const auto& t : vocab::terms)
    if (t.local == local) return &t;
  return nullptr;
}

TypeMask bit(MentionType t) { return static_cast<TypeMask>(1u << static_cast<unsigned>(t)); }

const TypeMask kEntities = static_cast<TypeMask>(bit(MentionType::organization) | bit(MentionType::person) |
                                                 bit(MentionType::product) | bit(MentionType::country) |
                                                 bit(MentionType::nationality));

std::string at(const Rule& rule, std::size_t line, std::size_t column) {
  return rule.file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

bool is_fact_property(std::string_view local) {
  static constexpr std::string_view facts[] = {"fundedBy", "partner", "competitor", "acquiredBy", "ceo", "founder", "chair",
                                               "product", "accuses", "cloudProvider", "country", "valuation", "raised"};
  return std::find(std::begin(facts), std::end(facts), local) != std::end(facts);
}

void check_status(const Rule& rule, std::size_t line, std::size_t column, const std::string& status,
                  std::vector<std::string>& out) {
  const auto* t = find_term(status);
  if (!t || t->kind != vocab::TermKind::status)
    out.push_back(at(rule, line, column) + "expected a status of the ontology (Completed, Announced, Planned, InTalks, "
                                           "Reported, Speculative, Denied), got '" + status + "'");
}

void check_emit(const Rule& rule, const Emit& e, std::vector<std::string>& out) {
  const std::string where = at(rule, e.line, e.column);
  const auto* t = find_term(e.property);
  if (!t || t->kind != vocab::TermKind::object_property || !is_fact_property(e.property)) {
    out.push_back(where + "expected a fact property of the ontology (fundedBy, partner, competitor, acquiredBy, ceo, "
                          "founder, chair, product, accuses, cloudProvider, country, valuation, raised), got '" +
                  e.property + "'");
    return;
  }
  static const Capture topic{"TOPIC", kEntities, false};
  const Capture& subject = e.subject == kTopic ? topic : rule.captures[static_cast<std::size_t>(e.subject)];
  const Capture& object = e.object == kTopic ? topic : rule.captures[static_cast<std::size_t>(e.object)];
  if (!(subject.types & kEntities))
    out.push_back(where + "expected the subject '" + subject.name + "' to capture an entity (ORG, PERSON, ...)");
  const bool amount_valued = e.property == "valuation" || e.property == "raised";
  if (amount_valued && object.types != bit(MentionType::money))
    out.push_back(where + "expected the object '" + object.name + "' of " + e.property + " to capture MONEY");
  if (!amount_valued && !(object.types & kEntities))
    out.push_back(where + "expected the object '" + object.name + "' to capture an entity (ORG, PERSON, ...)");
  if (e.amount >= 0 && rule.captures[static_cast<std::size_t>(e.amount)].types != bit(MentionType::money))
    out.push_back(where + "expected amount= to name a MONEY capture");
  if (e.date >= 0 && rule.captures[static_cast<std::size_t>(e.date)].types != bit(MentionType::date))
    out.push_back(where + "expected date= to name a DATE capture");
  if (!e.status.empty()) check_status(rule, e.line, e.column, e.status, out);
}

// A capture an emit needs must be bound by every match line, or the fact could not be built.
void check_bound_everywhere(const Rule& rule, const Emit& e, std::vector<std::string>& out) {
  for (std::int16_t needed : {e.subject, e.object}) {
    if (needed == kTopic) continue;
    for (std::size_t p = 0; p < rule.patterns.size(); ++p) {
      std::function<bool(const Pattern&)> binds = [&](const Pattern& pattern) {
        for (const auto& n : pattern) {
          if (n.capture == needed) return true;
          for (const auto& alt : n.alternatives)
            if (binds(alt)) return true;
        }
        return false;
      };
      if (!binds(rule.patterns[p]))
        out.push_back(at(rule, e.line, e.column) + "expected capture '" + rule.captures[static_cast<std::size_t>(needed)].name +
                      "' to be bound by every match line of rule '" + rule.id + "'");
    }
  }
}

}  // namespace

std::vector<std::string> check_rule_pack(const RulePack& pack) {
  std::vector<std::string> out;
  for (const auto& rule : pack.rules) {
    for (const auto& e : rule.emits) {
      check_emit(rule, e, out);
      check_bound_everywhere(rule, e, out);
    }
  }
  Rule file_scope;
  file_scope.file = pack.file;
  for (const auto& cue : pack.status_cues) check_status(file_scope, cue.line, cue.column, cue.status, out);
  check_status(file_scope, pack.default_status_line, pack.default_status_column, pack.default_status, out);
  for (const auto& [property, status] : pack.default_status_for) {
    check_status(file_scope, 0, 0, status, out);
    if (!is_fact_property(property))
      out.push_back(pack.file + ": default-status ... for: expected fact properties of the ontology, got '" + property + "'");
  }
  return out;
}

}  // namespace kg
