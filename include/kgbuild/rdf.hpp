#pragma once
// RDF terms and statements as the program builds them, plus the IRI rules that keep every name
// safe to write: any text becomes an IRI that no parser can misread.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

namespace ns {
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view wikidata = "http://www.wikidata.org/entity/";
}  // namespace ns

// Prefix names and their namespaces, for Turtle and TriG and for compact sort records.
using Prefixes = std::vector<std::pair<std::string, std::string>>;

struct Term {
  enum class Kind : std::uint8_t { iri, literal };
  Kind kind = Kind::iri;
  std::string value;
  std::string datatype;  // literals only; empty for xsd:string

  static Term iri(std::string v) { return Term{Kind::iri, std::move(v), {}}; }
  static Term literal(std::string v, std::string datatype = {}) { return Term{Kind::literal, std::move(v), std::move(datatype)}; }
  static Term typed(std::string v, std::string_view xsd_local) { return literal(std::move(v), std::string(ns::xsd) + std::string(xsd_local)); }
  bool operator==(const Term&) const = default;
  auto operator<=>(const Term&) const = default;
};

struct Quad {
  Term subject, predicate, object;
  std::string graph;  // empty: the default graph
  bool operator==(const Quad&) const = default;
  auto operator<=>(const Quad&) const = default;
};

// A statement over strings someone else keeps: how statements travel from the graph builder to the
// writer without a copy. Valid only while the strings it views are.
struct TermView {
  Term::Kind kind = Term::Kind::iri;
  std::string_view value;
  std::string_view datatype;

  TermView() = default;
  TermView(const Term& t) : kind(t.kind), value(t.value), datatype(t.datatype) {}  // NOLINT: a view of it
  TermView(Term::Kind k, std::string_view v, std::string_view dt) : kind(k), value(v), datatype(dt) {}
  static TermView iri(std::string_view v) { return {Term::Kind::iri, v, {}}; }
  static TermView literal(std::string_view v, std::string_view datatype = {}) { return {Term::Kind::literal, v, datatype}; }
  Term term() const { return Term{kind, std::string(value), std::string(datatype)}; }
};

struct QuadView {
  TermView subject, predicate, object;
  std::string_view graph;

  QuadView(TermView s, TermView p, TermView o, std::string_view g) : subject(s), predicate(p), object(o), graph(g) {}
  QuadView(const Quad& q) : subject(q.subject), predicate(q.predicate), object(q.object), graph(q.graph) {}  // NOLINT
  Quad quad() const { return Quad{subject.term(), predicate.term(), object.term(), std::string(graph)}; }
};

// "Société Générale" -> "Soci%C3%A9t%C3%A9_G%C3%A9n%C3%A9rale": spaces become '_', and everything
// but unreserved ASCII is percent-encoded, so names with '<', '>', quotes or spaces stay one IRI.
// A whole segment "." or ".." is encoded too ("%2E", "%2E%2E"): unencoded, it is a dot segment.
std::string iri_segment(std::string_view text);

// An absolute URI (RFC 3986; IRI characters beyond ASCII allowed): a scheme, no spaces or
// characters URIs never hold, valid %-escapes, a bracketed host that closes. What is written as an
// xsd:anyURI must be one, or RDF readers (Jena's riot) refuse the graph.
bool is_absolute_uri(std::string_view text);

// XXH3-128 (xxHash) as 32 hex digits: stable content ids for documents and claims, wide enough that
// two claims of a million-article graph never share one by chance (a 64-bit hash made that a
// real risk at a few billion claims, and a collision silently merged two claims).
std::string content_hash(std::string_view text);

}  // namespace kg
