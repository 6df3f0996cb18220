#include "kgbuild/graph.hpp"

#include <algorithm>
#include <cstdio>

#include "kgbuild/utf8.hpp"
#include "kgbuild/vocab.hpp"

namespace kg {

std::optional<Provenance> provenance_from_string(std::string_view name) {
  if (name == "none") return Provenance::none;
  if (name == "claims") return Provenance::claims;
  if (name == "graphs") return Provenance::graphs;
  return std::nullopt;
}

namespace {

std::string term(std::string_view ns, std::string_view local) { return std::string(ns) + std::string(local); }

Term iri(std::string_view value) { return Term::iri(std::string(value)); }

Term count(std::uint32_t n) { return Term::typed(std::to_string(n), "nonNegativeInteger"); }

Term decimal(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return Term::typed(buffer, "decimal");
}

Term date_literal(const DateValue& date) { return Term::typed(date.lexical(), date.xsd_type()); }

// Collects one article's statements; `shared` ones go to the store.
class ArticleGraph {
 public:
  ArticleGraph(const GraphBuilder& builder, const Article& article, const ArticleAnalysis& a, Store& shared)
      : b_(builder), article_(article), a_(a), shared_(shared) {
    doc_ = b_.document_iri(article, a.text.text);
    graph_ = b_.options().provenance == Provenance::graphs ? doc_ : "";
  }

  void local(std::string s, std::string_view p, Term o) {
    out_.push_back(Quad{Term::iri(std::move(s)), iri(p), std::move(o), graph_});
  }
  void global(std::string s, std::string_view p, Term o) {
    shared_.add(Quad{Term::iri(std::move(s)), iri(p), std::move(o), ""});
  }

  std::string entity(std::int32_t index) {
    const ArticleEntity& e = a_.entities[static_cast<std::size_t>(index)];
    std::string id = b_.entity_iri(e.name);
    if (described_.size() <= static_cast<std::size_t>(index)) described_.resize(a_.entities.size(), false);
    if (described_[static_cast<std::size_t>(index)]) return id;
    described_[static_cast<std::size_t>(index)] = true;
    // Most entities recur across articles: describe each once, and each new alias once.
    if (shared_.first_time(id)) {
      global(id, term(ns::rdf, "type"), iri(term(vocab::ns, to_string(e.type))));
      global(id, term(ns::rdfs, "label"), Term::literal(e.name));
      if (!e.qid.empty()) global(id, term(ns::owl, "sameAs"), iri(term(ns::wikidata, e.qid)));
    }
    for (const auto& form : e.surfaces)
      if (form != e.name && shared_.first_time(id + '\t' + form)) global(id, term(ns::skos, "altLabel"), Term::literal(form));
    return id;
  }

  std::string money(std::int32_t index) {
    const MoneyAmount& m = a_.money[static_cast<std::size_t>(index)];
    std::string id = b_.money_iri(m);
    if (!shared_.first_time(id)) return id;
    global(id, term(ns::rdf, "type"), iri(vocab::MonetaryAmount));
    global(id, vocab::currency, Term::literal(m.currency));
    if (!m.value.empty()) global(id, vocab::value, Term::typed(m.value, "decimal"));
    if (!m.min_value.empty()) global(id, vocab::minValue, Term::typed(m.min_value, "decimal"));
    if (!m.max_value.empty()) global(id, vocab::maxValue, Term::typed(m.max_value, "decimal"));
    if (m.approximate) global(id, vocab::approximate, Term::typed("true", "boolean"));
    return id;
  }

  void document(std::int32_t outlet) {
    local(doc_, term(ns::rdf, "type"), iri(vocab::Document));
    local(doc_, term(ns::rdf, "type"), iri(term(ns::nif, "Context")));
    if (!article_.title.empty()) local(doc_, vocab::title, Term::literal(article_.title));
    if (article_.date) local(doc_, vocab::published, date_literal(*article_.date));
    local(doc_, vocab::language, Term::literal(std::string(to_string(a_.text.lang))));
    if (!article_.url.empty()) local(doc_, vocab::url, Term::typed(article_.url, "anyURI"));
    if (outlet >= 0) local(doc_, vocab::outlet, iri(entity(outlet)));
    if (b_.options().text) {
      local(doc_, term(ns::nif, "isString"), Term::literal(a_.text.text));
      local(doc_, term(ns::nif, "beginIndex"), count(0));
      local(doc_, term(ns::nif, "endIndex"), count(static_cast<std::uint32_t>(count_cps())));
    }
    for (std::size_t i = 0; i < a_.entities.size(); ++i)
      if (!a_.entities[i].surfaces.empty()) local(doc_, vocab::mentions, iri(entity(static_cast<std::int32_t>(i))));
  }

  std::string sentence(std::uint32_t index) {
    const Sentence& s = a_.text.sentences[index];
    std::string id = doc_ + "#char=" + std::to_string(s.cp_begin) + "," + std::to_string(s.cp_end);
    if (std::find(sentences_.begin(), sentences_.end(), index) != sentences_.end()) return id;
    sentences_.push_back(index);
    local(id, term(ns::rdf, "type"), iri(vocab::Sentence));
    local(id, term(ns::nif, "referenceContext"), iri(doc_));
    local(id, term(ns::nif, "beginIndex"), count(s.cp_begin));
    local(id, term(ns::nif, "endIndex"), count(s.cp_end));
    local(id, term(ns::nif, "anchorOf"), Term::literal(std::string(a_.text.sentence_text(s))));
    return id;
  }

  void fact(const Fact& f) {
    const std::string subject = entity(f.subject);
    const std::string property = term(vocab::ns, f.property);
    const std::string object = f.object >= 0 ? entity(f.object) : money(f.object_money);
    global(subject, property, iri(object));
    if (b_.options().provenance == Provenance::none) return;
    claim(f, subject, property, object);
  }

  void claim(const Fact& f, const std::string& subject, const std::string& property, const std::string& object) {
    const Token& first = a_.text.tokens[f.token_begin];
    const Token& last = a_.text.tokens[f.token_end - 1];
    const std::string amount = f.amount >= 0 ? money(f.amount) : "";
    const std::string sentence_id = sentence(f.sentence);  // before the claim: subjects stay grouped
    const std::string attribution = f.attribution >= 0 ? entity(f.attribution) : "";
    const std::string id = b_.options().base + "claim/" +
                           content_hash(doc_ + "\n" + subject + "\n" + property + "\n" + object + "\n" + amount + "\n" +
                                        std::to_string(first.cp_begin) + "," + std::to_string(last.cp_end));
    local(id, term(ns::rdf, "type"), iri(vocab::Claim));
    local(id, term(ns::rdf, "type"), iri(term(ns::rdf, "Statement")));
    local(id, term(ns::rdf, "subject"), iri(subject));
    local(id, term(ns::rdf, "predicate"), iri(property));
    local(id, term(ns::rdf, "object"), iri(object));
    if (!amount.empty()) local(id, vocab::amount, iri(amount));
    if (f.date >= 0) local(id, vocab::date, date_literal(a_.dates[static_cast<std::size_t>(f.date)]));
    local(id, vocab::status, iri(term(vocab::ns, f.status)));
    local(id, vocab::rule, Term::literal(f.rule->id));
    local(id, vocab::confidence, decimal(f.confidence));
    if (f.attribution >= 0) local(id, vocab::attributedTo, iri(attribution));
    local(id, vocab::sentence, iri(sentence_id));
    local(id, term(ns::prov, "wasDerivedFrom"), iri(doc_));
    local(id, term(ns::nif, "beginIndex"), count(first.cp_begin));
    local(id, term(ns::nif, "endIndex"), count(last.cp_end));
    local(id, term(ns::nif, "anchorOf"),
          Term::literal(a_.text.text.substr(first.begin, last.end - first.begin)));
  }

  // Statements come out grouped by subject (document, then each claim with its sentence) and in the
  // order of the article, which is the same on every run: no sort is needed.
  std::vector<Quad> finish() { return std::move(out_); }

 private:
  std::size_t count_cps() const {
    if (a_.text.sentences.empty()) return count_code_points(a_.text.text);
    return a_.text.sentences.back().cp_end + count_code_points(std::string_view(a_.text.text).substr(a_.text.sentences.back().end));
  }

  const GraphBuilder& b_;
  const Article& article_;
  const ArticleAnalysis& a_;
  Store& shared_;
  std::string doc_, graph_;
  std::vector<Quad> out_;
  std::vector<bool> described_;
  std::vector<std::uint32_t> sentences_;
};

}  // namespace

GraphBuilder::GraphBuilder(GraphOptions options) : options_(std::move(options)) {}

std::string GraphBuilder::entity_iri(const std::string& name) const { return options_.base + "id/" + iri_segment(name); }

std::string GraphBuilder::document_iri(const Article& article, const std::string& normalized_text) const {
  // From the article's own id or URL when it has one, else from its text: never from where it was read.
  if (!article.id.empty()) return options_.base + "doc/" + iri_segment(article.id);
  if (!article.url.empty()) return options_.base + "doc/u" + content_hash(article.url);
  return options_.base + "doc/t" + content_hash(normalized_text);
}

std::string GraphBuilder::money_iri(const MoneyAmount& m) const {
  std::string id = options_.base + "amount/" + iri_segment(m.currency);
  if (!m.value.empty()) id += "-" + m.value;
  if (!m.min_value.empty()) id += "-from-" + m.min_value;
  if (!m.max_value.empty()) id += "-upto-" + m.max_value;
  if (m.approximate) id += "-about";
  return id;
}

Prefixes GraphBuilder::prefixes() const {
  return {{"rdf", std::string(ns::rdf)},   {"rdfs", std::string(ns::rdfs)}, {"xsd", std::string(ns::xsd)},
          {"owl", std::string(ns::owl)},   {"skos", std::string(ns::skos)}, {"prov", std::string(ns::prov)},
          {"nif", std::string(ns::nif)},   {"wd", std::string(ns::wikidata)}, {"kg", std::string(vocab::ns)},
          {"kge", options_.base + "id/"},  {"kgd", options_.base + "doc/"}, {"kgc", options_.base + "claim/"},
          {"kgm", options_.base + "amount/"}};
}

std::vector<Quad> GraphBuilder::article(const Article& article, const ArticleAnalysis& analysis,
                                        const std::vector<Fact>& facts, std::int32_t outlet, Store& shared) const {
  ArticleGraph g(*this, article, analysis, shared);
  if (options_.provenance != Provenance::none) g.document(outlet);
  for (const auto& f : facts) g.fact(f);
  if (options_.provenance == Provenance::none)
    for (std::size_t i = 0; i < analysis.entities.size(); ++i)
      if (!analysis.entities[i].surfaces.empty()) g.entity(static_cast<std::int32_t>(i));
  return g.finish();
}

}  // namespace kg
