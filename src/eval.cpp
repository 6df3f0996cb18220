#include "kgbuild/eval.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "kgbuild/reader.hpp"
#include "kgbuild/text.hpp"

namespace kg {

namespace {

const std::set<std::string> kRelations = {"fundedBy", "partner", "competitor", "acquiredBy", "ceo", "founder",
                                          "chair", "product", "accuses", "cloudProvider", "country"};
const std::set<std::string> kSymmetric = {"partner", "competitor"};
const std::set<std::string> kAmountProps = {"valuation", "raised"};

std::string local_name(const std::string& iri) {
  const auto cut = iri.find_last_of("#/");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

std::string unquote(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '_' ? ' ' : s[i];
    }
  }
  return out;
}

// Case-folded, white space collapsed, a leading "the" and a trailing legal form ("Inc.", "N.V.")
// removed: "The Exploration Company" is "Exploration Company".
std::string normalize_name(const std::string& name) {
  std::string folded;
  for (char c : fold_key(name)) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (space && (folded.empty() || folded.back() == ' ')) continue;
    folded += space ? ' ' : c;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  if (folded.size() > 4 && folded.compare(0, 4, "the ") == 0) folded.erase(0, 4);
  static const char* suffixes[] = {"inc", "corp", "corporation", "ltd", "llc", "plc", "sa", "s.a", "nv", "n.v", "bv", "b.v", "gmbh"};
  for (const char* suffix : suffixes) {
    for (const std::string& tail : {std::string(suffix), std::string(suffix) + "."}) {
      if (folded.size() <= tail.size() + 1 || folded.compare(folded.size() - tail.size(), tail.size(), tail) != 0) continue;
      std::size_t cut = folded.size() - tail.size();
      if (folded[cut - 1] != ' ' && folded[cut - 1] != ',') continue;
      while (cut > 0 && (folded[cut - 1] == ' ' || folded[cut - 1] == ',')) --cut;
      return folded.substr(0, cut);
    }
  }
  return folded;
}

class Aliases {
 public:
  explicit Aliases(const std::string& path) {
    if (path.empty()) return;
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open");
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      const auto tab = line.find('\t');
      const std::string head = normalize_name(line.substr(0, tab));
      canon_[head] = head;
      if (tab == std::string::npos) continue;
      std::string rest = line.substr(tab + 1);
      std::size_t start = 0;
      while (start <= rest.size()) {
        const auto bar = rest.find('|', start);
        const std::string alt = rest.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!alt.empty()) canon_[normalize_name(alt)] = head;
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
  }
  std::string operator()(const std::string& name) const {
    const std::string n = normalize_name(name);
    const auto it = canon_.find(n);
    return it == canon_.end() ? n : it->second;
  }

 private:
  std::unordered_map<std::string, std::string> canon_;
};

struct Amount {
  std::optional<double> value, lo, hi;
  std::string currency;
  bool operator==(const Amount&) const = default;
};

struct GoldAlt {
  std::optional<double> lo, hi, exact;
  std::string currency;
};

struct GoldLine {
  bool required = true;
  std::set<std::string> preds;
  // Each side's accepted names ("Helix|Helix verification suite"); objects empty for amount-valued facts.
  std::set<std::string> subjects, objects;
  std::vector<GoldAlt> amounts;  // empty for relations
  // The optional qualifier columns; empty when the line does not score them.
  std::set<std::string> statuses, dates, sources;
  std::string text;  // as written, for reports
};

struct RelFact { std::string prop, a, b; auto operator<=>(const RelFact&) const = default; };

// One reified claim of the graph: its fact and its qualifiers.
struct Claim {
  std::string prop, s, o;  // o is empty when the object is an amount
  std::optional<Amount> amount;
  std::string status, date;
  std::set<std::string> sources;
};
struct AmtFact { std::string prop, s, o; Amount m; bool operator==(const AmtFact&) const = default; };

std::vector<GoldAlt> parse_amounts(const std::string& spec, const std::string& file, std::size_t line_no) {
  std::vector<GoldAlt> out;
  std::size_t start = 0;
  while (start < spec.size()) {
    const auto bar = spec.find('|', start);
    std::string alt = spec.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    start = bar == std::string::npos ? spec.size() : bar + 1;
    const auto space = alt.rfind(' ');
    if (space == std::string::npos) throw std::runtime_error(file + ":" + std::to_string(line_no) + ": expected an amount 'V CUR', got '" + alt + "'");
    GoldAlt g;
    g.currency = alt.substr(space + 1);
    std::transform(g.currency.begin(), g.currency.end(), g.currency.begin(), ::toupper);
    const std::string num = alt.substr(0, space);
    try {
      if (const auto dots = num.find(".."); dots != std::string::npos) {
        if (dots > 0) g.lo = std::stod(num.substr(0, dots));
        if (dots + 2 < num.size()) g.hi = std::stod(num.substr(dots + 2));
      } else {
        g.exact = std::stod(num);
      }
    } catch (const std::exception&) {
      throw std::runtime_error(file + ":" + std::to_string(line_no) + ": expected a number in '" + alt + "'");
    }
    out.push_back(g);
  }
  return out;
}

// "A|B": the names a gold line accepts, each normalised as the graph's are.
std::set<std::string> alternatives(const std::string& spec, const Aliases& alias) {
  std::set<std::string> out;
  for (std::size_t start = 0, bar; start <= spec.size(); start = bar + 1) {
    bar = spec.find('|', start);
    if (bar == std::string::npos) bar = spec.size();
    if (bar > start) out.insert(alias(spec.substr(start, bar - start)));
  }
  return out;
}

const std::set<std::string> kStatuses = {"Completed", "Announced", "Planned", "InTalks", "Reported", "Speculative", "Denied"};

std::set<std::string> split_bars(const std::string& spec) {
  std::set<std::string> out;
  for (std::size_t start = 0, bar; start <= spec.size(); start = bar + 1) {
    bar = spec.find('|', start);
    if (bar == std::string::npos) bar = spec.size();
    if (bar > start) out.insert(spec.substr(start, bar - start));
  }
  return out;
}

// YYYY, YYYY-MM or YYYY-MM-DD: the precisions a claim's kg:date may have.
bool is_gold_date(const std::string& d) {
  static const std::size_t lengths[] = {4, 7, 10};
  if (std::find(std::begin(lengths), std::end(lengths), d.size()) == std::end(lengths)) return false;
  for (std::size_t i = 0; i < d.size(); ++i)
    if ((i == 4 || i == 7) ? d[i] != '-' : !std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  return true;
}

void read_qualifiers(const std::vector<std::string>& cols, const Aliases& alias, const std::string& where, GoldLine& g) {
  if (cols.size() > 4) g.statuses = split_bars(cols[4]);
  for (const auto& status : g.statuses)
    if (!kStatuses.count(status))
      throw std::runtime_error(where + ": expected a status (Completed, Announced, Planned, InTalks, Reported, Speculative or Denied), got '" + status + "'");
  if (cols.size() > 5) g.dates = split_bars(cols[5]);
  for (const auto& date : g.dates)
    if (!is_gold_date(date)) throw std::runtime_error(where + ": expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '" + date + "'");
  if (cols.size() > 6) g.sources = alternatives(cols[6], alias);
  if (cols.size() > 7) throw std::runtime_error(where + ": expected at most 7 columns (subject, predicate, object, amount, status, date, source)");
}

std::vector<GoldLine> read_gold(const std::string& path, const Aliases& alias) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<GoldLine> out;
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.back() == '\r') line.pop_back();
    std::vector<std::string> cols;
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cols.size() < 3) throw std::runtime_error(path + ":" + std::to_string(line_no) + ": expected subject, predicate, object (tab-separated)");
    GoldLine g;
    g.text = line;
    g.required = cols[0].empty() || cols[0][0] != '?';
    g.subjects = alternatives(g.required ? cols[0] : cols[0].substr(1), alias);
    for (std::size_t s = 0, bar; s <= cols[1].size(); s = bar + 1) {
      bar = cols[1].find('|', s);
      if (bar == std::string::npos) bar = cols[1].size();
      g.preds.insert(cols[1].substr(s, bar - s));
    }
    if (cols[2] != "-") g.objects = alternatives(cols[2], alias);
    if (cols.size() > 3 && !cols[3].empty()) g.amounts = parse_amounts(cols[3], path, line_no);
    read_qualifiers(cols, alias, path + ":" + std::to_string(line_no), g);
    out.push_back(std::move(g));
  }
  // "Tempora acquiredBy Orbalia 25e6 GBP" also states that Orbalia bought Tempora: a line with an
  // amount and an object expects the relation too, unless the file lists it on its own line.
  const std::size_t read = out.size();
  for (std::size_t i = 0; i < read; ++i) {
    const GoldLine& g = out[i];
    if (g.amounts.empty() || g.objects.empty()) continue;
    const bool listed = std::any_of(out.begin(), out.end(), [&](const GoldLine& other) {
      return other.amounts.empty() && other.preds == g.preds && other.subjects == g.subjects && other.objects == g.objects;
    });
    if (listed) continue;
    GoldLine relation;
    relation.required = g.required;
    relation.preds = g.preds;
    relation.subjects = g.subjects;
    relation.objects = g.objects;
    relation.text = g.text.substr(0, g.text.find('\t', g.text.find('\t', g.text.find('\t') + 1) + 1)) + "\t(relation of an amount line)";
    out.push_back(std::move(relation));
  }
  return out;
}

struct Triple {
  std::string s, p, o, lang;
  bool literal = false;
};

std::vector<Triple> read_graph(const std::string& path) {
  const auto syntax = syntax_of_path(path);
  std::vector<Triple> triples;
  read_quads(path, syntax.value_or(Syntax::turtle), [&](ReadQuad&& r) {
    const bool literal = r.quad.object.kind == Term::Kind::literal;
    triples.push_back(Triple{std::move(r.quad.subject.value), std::move(r.quad.predicate.value),
                             std::move(r.quad.object.value), std::move(r.object_lang), literal});
  });
  return triples;
}

bool close(std::optional<double> a, std::optional<double> b) {
  return a && b && std::fabs(*a - *b) <= 0.005 * std::max(std::fabs(*a), std::fabs(*b));
}

bool amount_matches(const std::vector<GoldAlt>& gold, const Amount& m) {
  for (const auto& g : gold) {
    if (g.currency != m.currency) continue;
    if (g.exact && (close(m.value, g.exact) || (!m.value && (close(m.lo, g.exact) || close(m.hi, g.exact))))) return true;
    if (!g.exact && g.lo && g.hi && close(m.lo, g.lo) && close(m.hi, g.hi)) return true;
    if (!g.exact && !g.lo && g.hi && (close(m.hi, g.hi) || (!m.lo && close(m.value, g.hi)))) return true;
    if (!g.exact && g.lo && !g.hi && (close(m.lo, g.lo) || (!m.hi && close(m.value, g.lo)))) return true;
  }
  return false;
}

class Graph {
 public:
  Graph(std::vector<Triple> triples, const Aliases& alias) : triples_(std::move(triples)), alias_(alias) {
    for (std::size_t i = 0; i < triples_.size(); ++i) {
      const Triple& t = triples_[i];
      by_subject_[t.s].push_back(i);
      const std::string lp = local_name(t.p);
      if (!t.literal || (lp != "label" && lp != "prefLabel" && lp != "name")) continue;
      const int rank = (t.lang.empty() || t.lang == "en") ? 0 : 1;
      auto it = labels_.find(t.s);
      if (it == labels_.end() || rank < it->second.first) labels_[t.s] = {rank, t.o};
    }
  }

  // Every name the graph gives a node (labels and other labels), normalised as gold names are.
  std::set<std::string> all_names() const {
    std::set<std::string> names;
    for (const auto& t : triples_) {
      const std::string lp = local_name(t.p);
      if (t.literal && (lp == "label" || lp == "prefLabel" || lp == "name" || lp == "altLabel")) names.insert(alias_(t.o));
    }
    return names;
  }

  // Each other label (skos:altLabel) with the names of the nodes that carry it: a gold line that
  // names "Didi Chuxing" means the node the graph labels "Didi Global" and also calls so.
  std::map<std::string, std::set<std::string>> other_label_owners() const {
    std::map<std::string, std::set<std::string>> owners;
    for (const auto& t : triples_)
      if (t.literal && local_name(t.p) == "altLabel") owners[alias_(t.o)].insert(name(t.s));
    return owners;
  }

  std::string name(const std::string& node) const {
    if (auto it = labels_.find(node); it != labels_.end()) return alias_(it->second.second);
    return alias_(unquote(local_name(node)));
  }

  std::optional<Amount> amount_of(const std::string& node) const {
    Amount m;
    const auto it = by_subject_.find(node);
    if (it == by_subject_.end()) return std::nullopt;
    for (std::size_t i : it->second) {
      const Triple& t = triples_[i];
      const std::string lp = local_name(t.p);
      auto number = [&]() -> std::optional<double> {
        try { return std::stod(t.o); } catch (const std::exception&) { return std::nullopt; }
      };
      if (lp == "currency" || lp == "priceCurrency") {
        m.currency = t.literal ? t.o : local_name(t.o);
        std::transform(m.currency.begin(), m.currency.end(), m.currency.begin(), ::toupper);
      } else if (t.literal && lp == "value" && !m.value) m.value = number();
      else if (t.literal && lp == "minValue" && !m.lo) m.lo = number();
      else if (t.literal && lp == "maxValue" && !m.hi) m.hi = number();
    }
    if (m.currency.empty() || (!m.value && !m.lo && !m.hi)) return std::nullopt;
    return m;
  }

  std::vector<Claim> claims() const {
    const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    std::vector<Claim> out;
    for (const auto& [node, indexes] : by_subject_) {
      Claim c;
      std::string s, o;
      bool object_is_name = false;
      for (std::size_t i : indexes) {
        const Triple& t = triples_[i];
        const std::string lp = local_name(t.p);
        if (t.p == rdf + "subject") s = t.o;
        else if (t.p == rdf + "predicate") c.prop = local_name(t.o);
        else if (t.p == rdf + "object") { o = t.o; object_is_name = !t.literal; }
        else if (lp == "status") c.status = local_name(t.o);
        else if (lp == "date" && t.literal) c.date = t.o;
        else if (lp == "attributedTo") c.sources.insert(name(t.o));
        else if (lp == "amount" && !c.amount) c.amount = amount_of(t.o);
      }
      if (s.empty() || c.prop.empty()) continue;
      c.s = name(s);
      if (kAmountProps.count(c.prop)) c.amount = amount_of(o);
      else if (object_is_name) c.o = name(o);
      out.push_back(std::move(c));
    }
    return out;
  }

  void facts(std::set<RelFact>& rel, std::vector<AmtFact>& amt) const {
    const std::string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    for (const auto& t : triples_) {
      const std::string lp = local_name(t.p);
      if (kRelations.count(lp) && !t.literal) {
        std::string a = name(t.s), b = name(t.o);
        if (kSymmetric.count(lp) && b < a) std::swap(a, b);
        rel.insert(RelFact{lp, a, b});
      } else if (kAmountProps.count(lp) && !t.literal) {
        if (auto m = amount_of(t.o)) add(amt, AmtFact{lp, name(t.s), "", *m});
      }
    }
    for (const auto& [subject, indexes] : by_subject_) {
      std::string s, p, o;
      bool o_iri = false;
      for (std::size_t i : indexes) {
        const Triple& t = triples_[i];
        if (t.p == rdf + "subject") s = t.o;
        else if (t.p == rdf + "predicate") p = t.o;
        else if (t.p == rdf + "object") { o = t.o; o_iri = !t.literal; }
      }
      if (s.empty() || p.empty()) continue;
      for (std::size_t i : indexes) {
        if (local_name(triples_[i].p) != "amount") continue;
        if (auto m = amount_of(triples_[i].o)) add(amt, AmtFact{local_name(p), name(s), o_iri ? name(o) : "", *m});
      }
    }
  }

 private:
  static void add(std::vector<AmtFact>& out, AmtFact f) {
    if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
  }

  std::vector<Triple> triples_;
  const Aliases& alias_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_subject_;
  std::unordered_map<std::string, std::pair<int, std::string>> labels_;
};

bool rel_match(const GoldLine& g, const RelFact& f) {
  if (!g.amounts.empty() || g.objects.empty() || !g.preds.count(f.prop)) return false;
  if (g.subjects.count(f.a) && g.objects.count(f.b)) return true;
  return kSymmetric.count(f.prop) && g.subjects.count(f.b) && g.objects.count(f.a);
}

bool amt_match(const GoldLine& g, const AmtFact& f) {
  return !g.amounts.empty() && g.preds.count(f.prop) && g.subjects.count(f.s) && (g.objects.empty() || g.objects.count(f.o)) &&
         amount_matches(g.amounts, f.m);
}

template <typename Fact, typename Match>
Score score(const std::vector<const GoldLine*>& gold, const std::vector<Fact>& facts, Match match,
            std::vector<std::string>* missed, std::vector<std::string>* unexpected, auto describe) {
  Score s;
  s.found = facts.size();
  for (const GoldLine* g : gold) {
    if (!g->required) continue;
    ++s.expected;
    const bool hit = std::any_of(facts.begin(), facts.end(), [&](const Fact& f) { return match(*g, f); });
    if (hit) ++s.recalled;
    else if (missed) missed->push_back("missed      " + g->text);
  }
  for (const auto& f : facts) {
    const bool good = std::any_of(gold.begin(), gold.end(), [&](const GoldLine* g) { return g->required && match(*g, f); });
    const bool optional = std::any_of(gold.begin(), gold.end(), [&](const GoldLine* g) { return match(*g, f); });
    if (!good && optional) continue;  // a defensible fact is neither counted nor an error
    ++s.counted;
    if (good) ++s.correct;
    else if (unexpected) unexpected->push_back("unexpected  " + describe(f));
  }
  s.precision = s.counted ? static_cast<double>(s.correct) / static_cast<double>(s.counted) : 0.0;
  s.recall = s.expected ? static_cast<double>(s.recalled) / static_cast<double>(s.expected) : 1.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

bool claim_matches(const GoldLine& g, const Claim& c) {
  if (!g.amounts.empty()) return c.amount && amt_match(g, AmtFact{c.prop, c.s, c.o, *c.amount});
  std::string a = c.s, b = c.o;
  if (kSymmetric.count(c.prop) && b < a) std::swap(a, b);
  return !c.o.empty() && rel_match(g, RelFact{c.prop, a, b});
}

// A gold fact's status is right when every claim behind it has one of the gold's statuses; its date
// when some claim gives one of the gold's dates and none gives another. A claim that names a source
// the gold line does not give is a wrong attribution, on any fact found.
void score_qualifiers(const std::vector<GoldLine>& gold, const std::vector<Claim>& claims, EvalReport& report) {
  for (const auto& g : gold) {
    std::vector<const Claim*> behind;
    for (const auto& c : claims)
      if (claim_matches(g, c)) behind.push_back(&c);
    if (behind.empty()) continue;
    for (const Claim* c : behind) {
      if (c->sources.empty()) continue;
      ++report.source.attributed;
      for (const auto& source : c->sources)
        if (!g.sources.count(source)) {
          ++report.source.wrong;
          report.qualifier_errors.push_back("source      " + source + "  on  " + g.text);
          break;
        }
    }
    if (!g.required) continue;
    if (!g.sources.empty()) {
      ++report.source.expected;
      const bool credited = std::any_of(behind.begin(), behind.end(), [&](const Claim* c) {
        return std::any_of(c->sources.begin(), c->sources.end(), [&](const std::string& x) { return g.sources.count(x) != 0; });
      });
      if (credited) ++report.source.recalled;
    }
    if (!g.statuses.empty()) {
      ++report.status.scored;
      const auto off = std::find_if(behind.begin(), behind.end(), [&](const Claim* c) { return !g.statuses.count(c->status); });
      if (off == behind.end()) ++report.status.right;
      else report.qualifier_errors.push_back("status      " + (*off)->status + "  on  " + g.text);
    }
    if (!g.dates.empty()) {
      ++report.date.scored;
      const bool given = std::any_of(behind.begin(), behind.end(), [&](const Claim* c) { return g.dates.count(c->date) != 0; });
      const auto off = std::find_if(behind.begin(), behind.end(), [&](const Claim* c) { return !c->date.empty() && !g.dates.count(c->date); });
      if (given && off == behind.end()) ++report.date.right;
      else report.qualifier_errors.push_back("date        " + (off == behind.end() ? std::string("none") : (*off)->date) + "  on  " + g.text);
    }
  }
}

std::string describe_amount(const Amount& m) {
  std::ostringstream out;
  out << std::setprecision(12);
  if (m.value) out << *m.value;
  if (m.lo || m.hi) {
    if (m.lo) out << *m.lo;
    out << "..";
    if (m.hi) out << *m.hi;
  }
  out << " " << m.currency;
  return out.str();
}

// The companies and people the gold facts are about (subjects, and objects other than countries
// and products), each counted once: are they entities of the graph under any accepted name?
void count_entities(const std::vector<GoldLine>& gold, const std::set<std::string>& names, EvalReport& report) {
  std::set<std::set<std::string>> wanted;
  for (const auto& g : gold) {
    if (!g.required) continue;
    wanted.insert(g.subjects);
    if (!g.objects.empty() && !g.preds.count("country") && !g.preds.count("product")) wanted.insert(g.objects);
  }
  for (const auto& alternatives : wanted) {
    ++report.entities_expected;
    if (std::any_of(alternatives.begin(), alternatives.end(), [&](const std::string& n) { return names.count(n) != 0; }))
      ++report.entities_found;
    else
      report.entities_missed.push_back(*alternatives.begin());
  }
}

void widen_names(std::set<std::string>& names, const std::map<std::string, std::set<std::string>>& owners) {
  std::set<std::string> more;
  for (const auto& n : names)
    if (auto it = owners.find(n); it != owners.end()) more.insert(it->second.begin(), it->second.end());
  names.insert(more.begin(), more.end());
}

// A gold name the graph gives a node as another label stands for that node.
void widen_to_other_labels(std::vector<GoldLine>& gold, const std::map<std::string, std::set<std::string>>& owners) {
  for (auto& g : gold) {
    widen_names(g.subjects, owners);
    widen_names(g.objects, owners);
    widen_names(g.sources, owners);
  }
}

}  // namespace

EvalReport evaluate(const EvalOptions& options) {
  const Aliases alias(options.aliases);
  auto gold = read_gold(options.gold, alias);
  const Graph graph(read_graph(options.graph), alias);
  widen_to_other_labels(gold, graph.other_label_owners());
  std::set<RelFact> rel_set;
  std::vector<AmtFact> amt;
  graph.facts(rel_set, amt);
  const std::vector<RelFact> rel(rel_set.begin(), rel_set.end());
  std::vector<const GoldLine*> rel_gold, amt_gold;
  for (const auto& g : gold) (g.amounts.empty() ? rel_gold : amt_gold).push_back(&g);

  auto rel_text = [](const RelFact& f) { return f.a + "\t" + f.prop + "\t" + f.b; };
  auto amt_text = [](const AmtFact& f) { return f.s + "\t" + f.prop + "\t" + (f.o.empty() ? "-" : f.o) + "\t" + describe_amount(f.m); };
  EvalReport report;
  count_entities(gold, graph.all_names(), report);
  report.relations = score(rel_gold, rel, rel_match, &report.missed, &report.unexpected, rel_text);
  report.amounts = score(amt_gold, amt, amt_match, &report.missed, &report.unexpected, amt_text);
  score_qualifiers(gold, graph.claims(), report);

  std::set<std::string> properties(kRelations.begin(), kRelations.end());
  properties.insert(kAmountProps.begin(), kAmountProps.end());
  for (const auto& prop : properties) {
    std::vector<const GoldLine*> g;
    for (const auto* line : rel_gold)
      if (line->preds.count(prop)) g.push_back(line);
    std::vector<RelFact> f;
    for (const auto& fact : rel)
      if (fact.prop == prop) f.push_back(fact);
    Score s = score(g, f, rel_match, nullptr, nullptr, rel_text);
    std::vector<const GoldLine*> ga;
    for (const auto* line : amt_gold)
      if (line->preds.count(prop)) ga.push_back(line);
    std::vector<AmtFact> fa;
    for (const auto& fact : amt)
      if (fact.prop == prop) fa.push_back(fact);
    const Score sa = score(ga, fa, amt_match, nullptr, nullptr, amt_text);
    s.expected += sa.expected; s.recalled += sa.recalled; s.counted += sa.counted; s.correct += sa.correct; s.found += sa.found;
    if (s.expected == 0 && s.counted == 0) continue;
    s.precision = s.counted ? static_cast<double>(s.correct) / static_cast<double>(s.counted) : 0.0;
    s.recall = s.expected ? static_cast<double>(s.recalled) / static_cast<double>(s.expected) : 1.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    report.by_property[prop] = s;
  }
  return report;
}

void print_report(const EvalReport& report, bool verbose, std::ostream& out) {
  auto line = [&](const std::string& name, const Score& s) {
    out << std::left << std::setw(14) << name << std::right << std::fixed << std::setprecision(2) << " precision "
        << s.precision << "  recall " << s.recall << "  F1 " << s.f1 << "  (" << s.correct << "/" << s.counted
        << " right, " << s.recalled << "/" << s.expected << " found)\n";
  };
  for (const auto& [prop, s] : report.by_property) line(prop, s);
  out << "\n";
  line("relations", report.relations);
  line("amounts", report.amounts);
  if (report.entities_expected > 0)
    out << std::left << std::setw(14) << "entities" << std::right << " " << report.entities_found << "/"
        << report.entities_expected << " of the companies and people the facts are about are in the graph ("
        << std::setprecision(2) << static_cast<double>(report.entities_found) / static_cast<double>(report.entities_expected)
        << ")\n";
  auto share = [&](std::size_t right, std::size_t of) {
    out << right << "/" << of << " (" << std::setprecision(2) << (of ? static_cast<double>(right) / static_cast<double>(of) : 1.0) << ")";
  };
  if (report.status.scored > 0) {
    out << std::left << std::setw(14) << "status" << std::right << " right on ";
    share(report.status.right, report.status.scored);
    out << " of the facts found that the gold qualifies\n";
  }
  if (report.date.scored > 0) {
    out << std::left << std::setw(14) << "date" << std::right << " right on ";
    share(report.date.right, report.date.scored);
    out << " of the facts found that the gold dates\n";
  }
  if (report.source.attributed > 0 || report.source.expected > 0) {
    out << std::left << std::setw(14) << "source" << std::right << " " << report.source.wrong << " of "
        << report.source.attributed << " attributed claims name a source their gold does not give; credited on ";
    share(report.source.recalled, report.source.expected);
    out << " of the facts found that the gold sources\n";
  }
  if (verbose) {
    out << "\n";
    for (const auto& e : report.entities_missed) out << "  no entity   " << e << "\n";
    for (const auto& m : report.missed) out << "  " << m << "\n";
    for (const auto& u : report.unexpected) out << "  " << u << "\n";
    for (const auto& q : report.qualifier_errors) out << "  " << q << "\n";
  }
  out << "F1 relations=" << std::setprecision(2) << report.relations.f1 << " amounts=" << report.amounts.f1 << "\n";
}

}  // namespace kg
