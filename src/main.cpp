// kgbuild's command-line front end: parses options and wires the components, nothing more.
#include <boost/program_options.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "kgbuild/eval.hpp"
#include "kgbuild/explain.hpp"
#include "kgbuild/pipeline.hpp"
#include "kgbuild/reader.hpp"
#include "kgbuild/push.hpp"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: kgbuild <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract [INPUT...]        articles in, an RDF graph out\n"
    "  check-rules [--rules DIR] check rule packs against the rule language and the ontology\n"
    "  explain FILE              show, sentence by sentence, the mentions, rules and facts\n"
    "  eval --gold FILE GRAPH    precision, recall and F1 of a graph against gold facts\n"
    "  push GRAPH --endpoint URL load a graph file into a SPARQL Graph Store, one request per graph\n"
    "\n"
    "Run 'kgbuild <command> --help' for a command's options.\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& named,
                        const po::positional_options_description& positional) {
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

po::options_description common_options() {
  po::options_description o;
  o.add_options()("help,h", "show this help")(
      "rules", po::value<std::vector<std::string>>()->composing(), "a folder of rule packs that adds to or replaces the built-in ones (repeatable)")(
      "data", po::value<std::string>(), "the folder with gazetteer/ and rules/ (default: the installed extractor/)");
  return o;
}

kg::Resources load(const po::variables_map& vm) {
  const std::filesystem::path data = vm.count("data") ? std::filesystem::path(vm["data"].as<std::string>()) : kg::default_data_dir();
  std::vector<std::filesystem::path> extra;
  if (vm.count("rules"))
    for (const auto& dir : vm["rules"].as<std::vector<std::string>>()) extra.emplace_back(dir);
  return kg::Resources(data, extra);
}

int extract(const std::vector<std::string>& args) {
  po::options_description o("kgbuild extract [INPUT...] [options]\n\nINPUT: a text file, a folder (recursive), a .jsonl file, or - for standard input\n\noptions");
  o.add(common_options());
  o.add_options()("input", po::value<std::vector<std::string>>(), "inputs")(
      "output,o", po::value<std::string>(), "write to FILE (completely or not at all) instead of standard output")(
      "into", po::value<std::string>(), "add to the graph in FILE (.ttl, .nt, .nq, .trig), writing each statement once")(
      "format,f", po::value<std::string>()->default_value("turtle"), "turtle | ntriples | nquads | trig")(
      "base", po::value<std::string>()->default_value("https://kgbuild.org/"), "base IRI of the data")(
      "lang", po::value<std::string>()->default_value("auto"), "en | nl | fr | auto")(
      "provenance", po::value<std::string>(), "none | claims | graphs (default: graphs for trig/nquads, else claims)")(
      "no-text", "leave the article text (nif:isString) out of the graph")(
      "keep-going,k", "skip bad articles, say so, and count them");
  po::positional_options_description p;
  p.add("input", -1);
  const auto vm = parse(args, o, p);
  if (vm.count("help")) { std::cout << o; return 0; }
  kg::ExtractOptions options;
  options.inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{"-"};
  if (vm.count("output")) options.output = vm["output"].as<std::string>();
  if (vm.count("into")) {
    if (vm.count("output") || !vm["format"].defaulted()) throw UsageError("--into: the file's own name says where and in what syntax; give no -o or --format");
    options.into = vm["into"].as<std::string>();
  }
  const auto syntax = kg::syntax_from_string(vm["format"].as<std::string>());
  if (!syntax) throw UsageError("--format: expected turtle, ntriples, nquads or trig, got '" + vm["format"].as<std::string>() + "'");
  options.syntax = *syntax;
  options.graph.base = vm["base"].as<std::string>();
  if (options.graph.base.empty() || (options.graph.base.back() != '/' && options.graph.base.back() != '#'))
    throw UsageError("--base: expected an IRI ending in '/' or '#', got '" + options.graph.base + "'");
  if (const std::string lang = vm["lang"].as<std::string>(); lang != "auto") {
    options.lang = kg::lang_from_string(lang);
    if (!options.lang) throw UsageError("--lang: expected en, nl, fr or auto, got '" + lang + "'");
  }
  // The syntax written decides the default provenance; with --into it is the file's own.
  const kg::Syntax written = options.into.empty() ? options.syntax : kg::syntax_of_path(options.into).value_or(options.syntax);
  options.graph.provenance = kg::has_graphs(written) ? kg::Provenance::graphs : kg::Provenance::claims;
  if (vm.count("provenance")) {
    const auto prov = kg::provenance_from_string(vm["provenance"].as<std::string>());
    if (!prov) throw UsageError("--provenance: expected none, claims or graphs");
    options.graph.provenance = *prov;
  }
  options.graph.text = !vm.count("no-text");
  options.keep_going = vm.count("keep-going") != 0;
  auto resources = load(vm);
  const auto summary = kg::run_extract(resources, options, std::cerr);
  if (options.keep_going || summary.skipped)
    std::cerr << "kgbuild: " << summary.articles << " articles read, " << summary.skipped << " skipped, "
              << summary.facts << " facts\n";
  return summary.skipped ? 1 : 0;
}

int check_rules(const std::vector<std::string>& args) {
  po::options_description o("kgbuild check-rules [options]\n\noptions");
  o.add(common_options());
  const auto vm = parse(args, o, {});
  if (vm.count("help")) { std::cout << o; return 0; }
  auto resources = load(vm);  // throws the first syntax or ontology problem
  std::size_t rules = 0;
  for (const auto& [lang, pack] : resources.packs()) {
    std::cout << pack.file << ": " << pack.rules.size() << " rules, " << pack.status_cues.size() << " status cues, "
              << pack.attributions.size() << " attribution patterns\n";
    rules += pack.rules.size();
  }
  std::cout << "ok: " << rules << " rules\n";
  return 0;
}

int explain(const std::vector<std::string>& args) {
  po::options_description o("kgbuild explain FILE [options]\n\noptions");
  o.add(common_options());
  o.add_options()("input", po::value<std::vector<std::string>>(), "articles")(
      "why-not", po::value<std::string>(), "show how far rule RULE-ID got on each sentence")(
      "lang", po::value<std::string>()->default_value("auto"), "en | nl | fr | auto")(
      "color", po::value<std::string>()->default_value("auto"), "auto | always | never");
  po::positional_options_description p;
  p.add("input", -1);
  const auto vm = parse(args, o, p);
  if (vm.count("help")) { std::cout << o; return 0; }
  if (!vm.count("input")) throw UsageError("explain: expected a FILE to explain");
  kg::ExplainOptions options;
  options.why_not = vm.count("why-not") ? vm["why-not"].as<std::string>() : "";
  const std::string color = vm["color"].as<std::string>();
  options.color = color == "always" || (color == "auto" && kg::stdout_is_terminal());
  if (const std::string lang = vm["lang"].as<std::string>(); lang != "auto") options.lang = kg::lang_from_string(lang);
  auto resources = load(vm);
  return kg::explain(resources, vm["input"].as<std::vector<std::string>>(), options, std::cout);
}

int eval(const std::vector<std::string>& args) {
  po::options_description o("kgbuild eval --gold FILE GRAPH [options]\n\noptions");
  o.add_options()("help,h", "show this help")("gold", po::value<std::string>(), "gold facts (TSV)")(
      "aliases", po::value<std::string>(), "alias table (TSV: canonical, alternatives separated by |)")(
      "graph", po::value<std::string>(), "the graph to score (.ttl, .nt, .nq, .trig)")(
      "min-f1", po::value<double>(), "exit 1 when relation or amount F1 is below this")(
      "verbose,v", "list misses and extras");
  po::positional_options_description p;
  p.add("graph", 1);
  const auto vm = parse(args, o, p);
  if (vm.count("help")) { std::cout << o; return 0; }
  if (!vm.count("gold") || !vm.count("graph")) throw UsageError("eval: expected --gold FILE and a GRAPH");
  kg::EvalOptions options;
  options.gold = vm["gold"].as<std::string>();
  options.graph = vm["graph"].as<std::string>();
  if (vm.count("aliases")) options.aliases = vm["aliases"].as<std::string>();
  options.verbose = vm.count("verbose") != 0;
  const auto report = kg::evaluate(options);
  kg::print_report(report, options.verbose, std::cout);
  if (vm.count("min-f1") && (report.relations.f1 < vm["min-f1"].as<double>() || report.amounts.f1 < vm["min-f1"].as<double>()))
    return 1;
  return 0;
}

int push(const std::vector<std::string>& args) {
  po::options_description o(
      "kgbuild push GRAPH --endpoint URL [options]\n\nGRAPH: a .ttl, .nt, .nq or .trig file; each of its graphs is sent as "
      "N-Triples in one request.\nCredentials, when the store wants them: KGBUILD_PUSH_USER and KGBUILD_PUSH_PASSWORD in "
      "the environment.\n\noptions");
  o.add_options()("help,h", "show this help")("input", po::value<std::string>(), "the graph file")(
      "endpoint", po::value<std::string>(), "the SPARQL 1.1 Graph Store URL, e.g. http://localhost:8890/sparql-graph-crud-auth")(
      "graph", po::value<std::string>(), "the graph IRI for default-graph statements (default: the store's default graph)")(
      "graph-param", po::value<std::string>()->default_value("graph"), "the query parameter that names the graph (Virtuoso: graph-uri)")(
      "append", "add to the graphs (POST) instead of replacing them (PUT)");
  po::positional_options_description p;
  p.add("input", 1);
  const auto vm = parse(args, o, p);
  if (vm.count("help")) { std::cout << o; return 0; }
  if (!vm.count("input") || !vm.count("endpoint")) throw UsageError("push: expected a GRAPH file and --endpoint URL");
  kg::PushOptions options;
  options.endpoint = vm["endpoint"].as<std::string>();
  if (options.endpoint.rfind("http://", 0) != 0 && options.endpoint.rfind("https://", 0) != 0)
    throw UsageError("--endpoint: expected an http:// or https:// URL, got '" + options.endpoint + "'");
  if (vm.count("graph")) options.default_graph = vm["graph"].as<std::string>();
  if (vm.count("graph") && options.default_graph.find(':') == std::string::npos)
    throw UsageError("--graph: expected an absolute IRI, got '" + options.default_graph + "'");
  options.graph_param = vm["graph-param"].as<std::string>();
  options.append = vm.count("append") != 0;
  options.credentials = kg::credentials_from_environment();
  const std::string file = vm["input"].as<std::string>();
  auto plan = kg::plan_push(kg::split_graph_file(file), options);
  if (plan.empty()) { std::cerr << "kgbuild push: " << file << " has no statements; nothing was sent\n"; return 0; }
  kg::CurlHttpClient http;
  return kg::push(std::move(plan), options, http, std::cout, std::cerr).ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "extract") return extract(args);
    if (command == "check-rules") return check_rules(args);
    if (command == "explain") return explain(args);
    if (command == "eval") return eval(args);
    if (command == "push") return push(args);
    std::cerr << "kgbuild: unknown command '" << command << "'\n" << kUsage;
    return 2;
  } catch (const po::error& e) {
    std::cerr << "kgbuild " << command << ": " << e.what() << "\n";
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "kgbuild " << command << ": " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "kgbuild: " << e.what() << "\n";
    return 1;
  }
}
