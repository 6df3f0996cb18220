#include "kgbuild/graph.hpp"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <stdexcept>

#include <xxhash.h>

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

// The IRIs written with every article, made once.
const std::string kRdfType = term(ns::rdf, "type");
const std::string kRdfStatement = term(ns::rdf, "Statement");
const std::string kRdfSubject = term(ns::rdf, "subject");
const std::string kRdfPredicate = term(ns::rdf, "predicate");
const std::string kRdfObject = term(ns::rdf, "object");
const std::string kRdfsLabel = term(ns::rdfs, "label");
const std::string kOwlSameAs = term(ns::owl, "sameAs");
const std::string kSkosAltLabel = term(ns::skos, "altLabel");
const std::string kProvDerived = term(ns::prov, "wasDerivedFrom");
const std::string kNifContext = term(ns::nif, "Context");
const std::string kNifIsString = term(ns::nif, "isString");
const std::string kNifBegin = term(ns::nif, "beginIndex");
const std::string kNifEnd = term(ns::nif, "endIndex");
const std::string kNifAnchor = term(ns::nif, "anchorOf");
const std::string kNifContextOf = term(ns::nif, "referenceContext");
const std::string kXsdCount = term(ns::xsd, "nonNegativeInteger");
const std::string kXsdDecimal = term(ns::xsd, "decimal");
const std::string kXsdBoolean = term(ns::xsd, "boolean");
const std::string kXsdAnyUri = term(ns::xsd, "anyURI");
const std::string kXsdDate = term(ns::xsd, "date");
const std::string kXsdYearMonth = term(ns::xsd, "gYearMonth");
const std::string kXsdYear = term(ns::xsd, "gYear");

// An ontology term by local name (properties, classes, statuses: checked against the ontology
// when rules load), without building the string.
std::string_view vocab_iri(std::string_view local) {
  const auto* end = std::end(vocab::terms);
  const auto* it = std::lower_bound(std::begin(vocab::terms), end, local,
                                    [](const vocab::Term& t, std::string_view l) { return t.local < l; });
  if (it != end && it->local == local) return it->iri;
  throw std::logic_error("not in the ontology: " + std::string(local));
}

std::string_view date_type(const DateValue& date) {
  const std::string_view type = date.xsd_type();
  if (type == "date") return kXsdDate;
  if (type == "gYearMonth") return kXsdYearMonth;
  return kXsdYear;
}

TermView iri(std::string_view value) { return TermView::iri(value); }

// Collects one article's statements: its own in its block (its graph, with graphs as provenance),
// entities, facts and amounts in the default graph. Views handed to the sink live until it returns.
class ArticleGraph {
 public:
  ArticleGraph(const GraphBuilder& builder, const Article& article, const ArticleAnalysis& a, DescribedCache* described,
               const QuadSink& sink)
      : b_(builder), article_(article), a_(a), cache_(described), sink_(sink) {
    doc_ = b_.document_iri(article, a.text.text);
    graph_ = b_.options().provenance == Provenance::graphs ? doc_ : "";
  }

  void local(std::string_view s, std::string_view p, TermView o) { sink_(QuadView{iri(s), iri(p), o, graph_}); }
  void global(std::string_view s, std::string_view p, TermView o) { sink_(QuadView{iri(s), iri(p), o, ""}); }
  bool first_time(std::string_view key) { return !cache_ || cache_->first_time(key); }

  void count(std::string_view s, std::string_view p, std::uint32_t n) {
    char buffer[16];
    const int length = std::snprintf(buffer, sizeof buffer, "%u", n);
    local(s, p, TermView::literal(std::string_view(buffer, static_cast<std::size_t>(length)), kXsdCount));
  }

  void date(std::string_view s, std::string_view p, const DateValue& date) {
    const std::string lexical = date.lexical();
    local(s, p, TermView::literal(lexical, date_type(date)));
  }

  std::string entity(std::int32_t index) {
    const ArticleEntity& e = a_.entities[static_cast<std::size_t>(index)];
    std::string id = b_.entity_iri(e.name);
    if (described_.size() <= static_cast<std::size_t>(index)) described_.resize(a_.entities.size(), false);
    if (described_[static_cast<std::size_t>(index)]) return id;
    described_[static_cast<std::size_t>(index)] = true;
    // Most entities recur across articles: describe each once, and each new alias once. The type is
    // part of the key: an article that types the entity otherwise says so (canonical.hpp settles it).
    const std::string_view type = vocab_iri(to_string(e.type));
    if (first_time(std::string(id).append(1, '\t').append(type).append(1, '\t').append(e.qid))) {
      global(id, kRdfType, iri(type));
      global(id, kRdfsLabel, TermView::literal(e.name));
      if (!e.qid.empty()) global(id, kOwlSameAs, iri(term(ns::wikidata, e.qid)));
    }
    for (const auto& form : e.surfaces)
      if (form != e.name && first_time(id + "\t\t" + form)) global(id, kSkosAltLabel, TermView::literal(form));
    return id;
  }

  std::string money(std::int32_t index) {
    const MoneyAmount& m = a_.money[static_cast<std::size_t>(index)];
    std::string id = b_.money_iri(m);
    if (!first_time(id)) return id;
    global(id, kRdfType, iri(vocab::MonetaryAmount));
    global(id, vocab::currency, TermView::literal(m.currency));
    if (!m.value.empty()) global(id, vocab::value, TermView::literal(m.value, kXsdDecimal));
    if (!m.min_value.empty()) global(id, vocab::minValue, TermView::literal(m.min_value, kXsdDecimal));
    if (!m.max_value.empty()) global(id, vocab::maxValue, TermView::literal(m.max_value, kXsdDecimal));
    if (m.approximate) global(id, vocab::approximate, TermView::literal("true", kXsdBoolean));
    return id;
  }

  void document(std::int32_t outlet) {
    local(doc_, kRdfType, iri(vocab::Document));
    local(doc_, kRdfType, iri(kNifContext));
    if (!article_.title.empty()) local(doc_, vocab::title, TermView::literal(article_.title));
    if (article_.date) date(doc_, vocab::published, *article_.date);
    local(doc_, vocab::language, TermView::literal(to_string(a_.text.lang)));
    if (!article_.url.empty()) local(doc_, vocab::url, TermView::literal(article_.url, kXsdAnyUri));
    if (outlet >= 0) local(doc_, vocab::outlet, iri(entity(outlet)));
    if (b_.options().text) {
      local(doc_, kNifIsString, TermView::literal(a_.text.text));
      count(doc_, kNifBegin, 0);
      count(doc_, kNifEnd, static_cast<std::uint32_t>(count_cps()));
    }
    for (std::size_t i = 0; i < a_.entities.size(); ++i)
      if (!a_.entities[i].surfaces.empty()) local(doc_, vocab::mentions, iri(entity(static_cast<std::int32_t>(i))));
  }

  std::string sentence(std::uint32_t index) {
    const Sentence& s = a_.text.sentences[index];
    std::string id = doc_ + "#char=" + std::to_string(s.cp_begin) + "," + std::to_string(s.cp_end);
    if (std::find(sentences_.begin(), sentences_.end(), index) != sentences_.end()) return id;
    sentences_.push_back(index);
    local(id, kRdfType, iri(vocab::Sentence));
    local(id, kNifContextOf, iri(doc_));
    count(id, kNifBegin, s.cp_begin);
    count(id, kNifEnd, s.cp_end);
    local(id, kNifAnchor, TermView::literal(a_.text.sentence_text(s)));
    return id;
  }

  void fact(const Fact& f) {
    const std::string subject = entity(f.subject);
    const std::string_view property = vocab_iri(f.property);
    const std::string object = f.object >= 0 ? entity(f.object) : money(f.object_money);
    global(subject, property, iri(object));
    if (b_.options().provenance == Provenance::none) return;
    claim(f, subject, property, object);
  }

  void claim(const Fact& f, const std::string& subject, std::string_view property, const std::string& object) {
    const Token& first = a_.text.tokens[f.token_begin];
    const Token& last = a_.text.tokens[f.token_end - 1];
    const std::string amount = f.amount >= 0 ? money(f.amount) : "";
    const std::string sentence_id = sentence(f.sentence);  // before the claim: subjects stay grouped
    const std::string attribution = f.attribution >= 0 ? entity(f.attribution) : "";
    std::string hashed = doc_;
    hashed.append("\n").append(subject).append("\n").append(property).append("\n").append(object).append("\n");
    hashed.append(amount).append("\n").append(std::to_string(first.cp_begin)).append(",").append(std::to_string(last.cp_end));
    const std::string id = b_.options().base + "claim/" + content_hash(hashed);
    local(id, kRdfType, iri(vocab::Claim));
    local(id, kRdfType, iri(kRdfStatement));
    local(id, kRdfSubject, iri(subject));
    local(id, kRdfPredicate, iri(property));
    local(id, kRdfObject, iri(object));
    if (!amount.empty()) local(id, vocab::amount, iri(amount));
    if (f.date >= 0) date(id, vocab::date, a_.dates[static_cast<std::size_t>(f.date)]);
    local(id, vocab::status, iri(vocab_iri(f.status)));
    local(id, vocab::rule, TermView::literal(f.rule->id));
    char confidence[32];
    const int length = std::snprintf(confidence, sizeof confidence, "%.2f", f.confidence);
    local(id, vocab::confidence, TermView::literal(std::string_view(confidence, static_cast<std::size_t>(length)), kXsdDecimal));
    if (f.attribution >= 0) local(id, vocab::attributedTo, iri(attribution));
    local(id, vocab::sentence, iri(sentence_id));
    local(id, kProvDerived, iri(doc_));
    count(id, kNifBegin, first.cp_begin);
    count(id, kNifEnd, last.cp_end);
    local(id, kNifAnchor, TermView::literal(std::string_view(a_.text.text).substr(first.begin, last.end - first.begin)));
  }

 private:
  std::size_t count_cps() const {
    if (a_.text.sentences.empty()) return count_code_points(a_.text.text);
    return a_.text.sentences.back().cp_end + count_code_points(std::string_view(a_.text.text).substr(a_.text.sentences.back().end));
  }

  const GraphBuilder& b_;
  const Article& article_;
  const ArticleAnalysis& a_;
  DescribedCache* cache_;
  const QuadSink& sink_;
  std::string doc_, graph_;
  std::vector<bool> described_;
  std::vector<std::uint32_t> sentences_;
};

}  // namespace

DescribedCache::DescribedCache(std::size_t slots) : slots_(slots ? slots : 1) {}

bool DescribedCache::first_time(std::string_view key) {
  const XXH128_hash_t h = XXH3_128bits(key.data(), key.size());
  Slot& slot = slots_[h.low64 % slots_.size()];
  if (slot.low == h.low64 && slot.high == h.high64) return false;
  slot = Slot{h.low64, h.high64};
  return true;
}

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

void GraphBuilder::article(const Article& article, const ArticleAnalysis& analysis, const std::vector<Fact>& facts,
                           std::int32_t outlet, DescribedCache* described, const QuadSink& sink) const {
  ArticleGraph g(*this, article, analysis, described, sink);
  if (options_.provenance != Provenance::none) g.document(outlet);
  for (const auto& f : facts) g.fact(f);
  if (options_.provenance == Provenance::none)
    for (std::size_t i = 0; i < analysis.entities.size(); ++i)
      if (!analysis.entities[i].surfaces.empty()) g.entity(static_cast<std::int32_t>(i));
}

std::vector<Quad> GraphBuilder::article(const Article& article, const ArticleAnalysis& analysis,
                                        const std::vector<Fact>& facts, std::int32_t outlet, DescribedCache* described) const {
  std::vector<Quad> out;
  this->article(article, analysis, facts, outlet, described, [&](const QuadView& q) { out.push_back(q.quad()); });
  return out;
}

}  // namespace kg
