// Generates vocab.hpp from ontology/kgbuild.ttl: every class, property and status individual of
// the kg: namespace becomes a named constant, so the program cannot use a term the ontology lacks.
#include <serd/serd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

namespace {

const std::string rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string owl = "http://www.w3.org/2002/07/owl#";

struct Collected {
  SerdEnv* env = nullptr;
  std::string ns;                                 // the IRI bound to the "kg" prefix
  std::map<std::string, std::set<std::string>> types;  // subject IRI -> its rdf:types
};

std::string expanded(SerdEnv* env, const SerdNode* node) {
  if (node->type != SERD_CURIE) return reinterpret_cast<const char*>(node->buf);
  SerdNode full = serd_env_expand_node(env, node);
  std::string result = full.buf ? reinterpret_cast<const char*>(full.buf) : "";
  serd_node_free(&full);
  return result;
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* c = static_cast<Collected*>(handle);
  if (std::string(reinterpret_cast<const char*>(name->buf)) == "kg")
    c->ns = reinterpret_cast<const char*>(uri->buf);
  return serd_env_set_prefix(c->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode*, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode*,
                        const SerdNode*) {
  auto* c = static_cast<Collected*>(handle);
  if (expanded(c->env, predicate) != rdf_type) return SERD_SUCCESS;
  c->types[expanded(c->env, subject)].insert(expanded(c->env, object));
  return SERD_SUCCESS;
}

const char* kind_of(const std::set<std::string>& types, const std::string& ns) {
  if (types.count(owl + "Class")) return "TermKind::class_";
  if (types.count(owl + "ObjectProperty")) return "TermKind::object_property";
  if (types.count(owl + "DatatypeProperty")) return "TermKind::datatype_property";
  if (types.count(ns + "Status")) return "TermKind::status";
  return nullptr;
}

std::string identifier(const std::string& local) {
  static const std::set<std::string> keywords = {"class", "default", "delete", "new", "this"};
  return keywords.count(local) ? local + "_" : local;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: kgbuild-vocabgen ONTOLOGY.ttl OUTPUT.hpp\n";
    return 2;
  }
  Collected c;
  c.env = serd_env_new(nullptr);
  SerdReader* reader = serd_reader_new(SERD_TURTLE, &c, nullptr, nullptr, on_prefix, on_statement, nullptr);
  SerdStatus status = serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(argv[1]));
  serd_reader_free(reader);
  serd_env_free(c.env);
  if (status != SERD_SUCCESS || c.ns.empty()) {
    std::cerr << argv[1] << ": cannot read the ontology (or it binds no kg: prefix)\n";
    return 1;
  }
  std::ofstream out(argv[2]);
  out << "// Generated from ontology/kgbuild.ttl by kgbuild-vocabgen. Do not edit.\n"
      << "#pragma once\n#include <string_view>\n\nnamespace kg::vocab {\n\n"
      << "enum class TermKind { class_, object_property, datatype_property, status };\n"
      << "struct Term { std::string_view local; std::string_view iri; TermKind kind; };\n\n"
      << "inline constexpr std::string_view ns = \"" << c.ns << "\";\n\n";
  std::string table;
  for (const auto& [iri, types] : c.types) {
    if (iri.rfind(c.ns, 0) != 0) continue;
    const char* kind = kind_of(types, c.ns);
    if (!kind) continue;
    const std::string local = iri.substr(c.ns.size());
    out << "inline constexpr std::string_view " << identifier(local) << " = \"" << iri << "\";\n";
    table += "  {\"" + local + "\", " + identifier(local) + ", " + kind + "},\n";
  }
  out << "\ninline constexpr Term terms[] = {\n" << table << "};\n\n}  // namespace kg::vocab\n";
  return out ? 0 : 1;
}
