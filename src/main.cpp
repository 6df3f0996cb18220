// kgbuild's command-line front end: parses options and wires the components, nothing more.
#include <boost/program_options.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/eval.hpp"
#include "kgbuild/explain.hpp"
#include "kgbuild/merge.hpp"
#include "kgbuild/pipeline.hpp"
#include "kgbuild/reader.hpp"
#include "kgbuild/progress.hpp"
#include "kgbuild/push.hpp"

namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "usage: kgbuild <command> [options]\n"
    "\n"
    "commands:\n"
    "  extract [INPUT...]        articles in, an RDF graph out\n"
    "  merge SHARD... -o FILE    graph files in, one sorted graph out, each statement once\n"
    "  check-rules [--rules DIR] check rule packs against the rule language and the ontology\n"
    "  explain FILE              show, sentence by sentence, the mentions, rules and facts\n"
    "  eval --gold FILE GRAPH    precision, recall and F1 of a graph against gold facts\n"
    "  push GRAPH --endpoint URL load a graph file into a SPARQL Graph Store, one request per graph\n"
    "\n"
    "Run 'kgbuild <command> --help' for a command's options.\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

#ifndef KGBUILD_VERSION
#define KGBUILD_VERSION "unknown"
#endif

std::string usage_line(const std::string& command) {
  if (command == "extract") return "kgbuild extract [INPUT...] [-o FILE | --into FILE] [options]";
  if (command == "merge") return "kgbuild merge SHARD... [-o FILE] [options]";
  if (command == "check-rules") return "kgbuild check-rules [--rules DIR] [options]";
  if (command == "explain") return "kgbuild explain FILE [options]";
  if (command == "eval") return "kgbuild eval --gold FILE GRAPH [options]";
  if (command == "push") return "kgbuild push GRAPH --endpoint URL [options]";
  return "kgbuild <command> [options]";
}

int print_version() {
  std::cout << "kgbuild " << KGBUILD_VERSION << "\n";
  return 0;
}

// Options every command takes, as serdi and riot do: help, version, quiet.
po::options_description standard_options() {
  po::options_description o;
  o.add_options()("help,h", "show this help")("version,V", "show the version and exit")(
      "quiet,q", "no warnings or summaries on standard error, only errors");
  return o;
}

bool quiet(const po::variables_map& vm) { return vm.count("quiet") != 0; }

// `hidden` holds the positional arguments' option names: parsed, never shown in --help.
po::variables_map parse(const std::vector<std::string>& args, const po::options_description& named,
                        const po::positional_options_description& positional,
                        const po::options_description& hidden = po::options_description()) {
  po::options_description all;
  all.add(named).add(hidden);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  po::notify(vm);
  return vm;
}

po::options_description inputs_option(bool many) {
  po::options_description hidden;
  if (many) hidden.add_options()("input", po::value<std::vector<std::string>>(), "inputs");
  else hidden.add_options()("input", po::value<std::string>(), "input");
  return hidden;
}

po::options_description common_options() {
  po::options_description o = standard_options();
  o.add_options()(
      "rules", po::value<std::vector<std::string>>()->composing(), "a folder of rule packs that adds to or replaces the built-in ones (repeatable)")(
      "data", po::value<std::string>(), "the folder with gazetteer/ and rules/ (default: the installed extractor/)");
  return o;
}

kg::Resources load(const po::variables_map& vm) {
  std::ostream* warnings = quiet(vm) ? nullptr : &std::cerr;
  const std::filesystem::path data = vm.count("data") ? std::filesystem::path(vm["data"].as<std::string>()) : kg::default_data_dir();
  std::vector<std::filesystem::path> extra;
  if (vm.count("rules"))
    for (const auto& dir : vm["rules"].as<std::vector<std::string>>()) extra.emplace_back(dir);
  return kg::Resources(data, extra, warnings);
}

// The syntax to write: --format when given, else what the output file's name says (as riot
// does), else Turtle. With --into the file's own syntax decides; a --format that agrees is fine.
kg::Syntax output_syntax(const po::variables_map& vm, const kg::ExtractOptions& options) {
  const bool format_given = !vm["format"].defaulted();
  const auto named = kg::syntax_from_string(vm["format"].as<std::string>());
  if (!named) throw UsageError("--format: expected turtle, ntriples, nquads or trig, got '" + vm["format"].as<std::string>() + "'");
  if (!options.into.empty()) {
    const auto own = kg::syntax_of_path(options.into);
    if (!own) throw UsageError("--into: expected a .ttl, .nt, .nq or .trig file, got '" + options.into + "'");
    if (format_given && *named != *own)
      throw UsageError("--into " + options.into + " is " + kg::syntax_name(*own) + ", but --format says " + kg::syntax_name(*named));
    return *own;
  }
  if (format_given || options.output.empty()) return *named;
  return kg::syntax_of_path(options.output).value_or(*named);
}

// Where and in how much memory statements are sorted: extract and merge share these.
po::options_description sort_options() {
  po::options_description o;
  o.add_options()(
      "sort-memory", po::value<std::size_t>()->default_value(kg::kDefaultSortMemory >> 20),
      "MiB of statements sorted in memory; beyond it, sorted runs go to temporary files")(
      "temp-dir", po::value<std::string>(), "the folder for those files (default: $TMPDIR, else /tmp)");
  return o;
}

kg::SortOptions sort_options(const po::variables_map& vm) {
  kg::SortOptions sort;
  const std::size_t mib = vm["sort-memory"].as<std::size_t>();
  if (mib == 0) throw UsageError("--sort-memory: expected a number of MiB above 0");
  sort.memory = mib << 20;
  if (vm.count("temp-dir")) {
    sort.temp_dir = vm["temp-dir"].as<std::string>();
    std::error_code ec;
    if (!std::filesystem::is_directory(sort.temp_dir, ec)) throw UsageError("--temp-dir: " + sort.temp_dir.string() + " is not a folder");
  }
  return sort;
}

// --threads, shared by extract and merge.
std::size_t threads_option(const po::variables_map& vm) {
  const std::size_t threads = vm["threads"].as<std::size_t>();
  if (threads == 0) throw UsageError("--threads: expected 1 or more");
  return threads;
}

// --base, shared by extract and merge: data IRIs, and the prefixes Turtle and TriG are written with.
std::string base_option(const po::variables_map& vm) {
  std::string base = vm["base"].as<std::string>();
  if (base.empty() || (base.back() != '/' && base.back() != '#'))
    throw UsageError("--base: expected an IRI ending in '/' or '#', got '" + base + "'");
  return base;
}

int extract(const std::vector<std::string>& args) {
  po::options_description o("kgbuild extract [INPUT...] [options]\n\nINPUT: a text file, a folder (recursive), a .jsonl file, or - for standard input\n\noptions");
  o.add(common_options());
  o.add_options()(
      "output,o", po::value<std::string>(), "write to FILE (completely or not at all); - is standard output")(
      "into", po::value<std::string>(), "add to the graph in FILE (.ttl, .nt, .nq, .trig), writing each statement once")(
      "format,f", po::value<std::string>()->default_value("turtle"), "turtle | ntriples | nquads | trig (default: from the -o file's extension, else turtle)")(
      "base", po::value<std::string>()->default_value("https://kgbuild.org/"), "base IRI of the data")(
      "lang", po::value<std::string>()->default_value("auto"), "en | nl | fr | auto")(
      "provenance", po::value<std::string>(), "none | claims | graphs (default: graphs for trig/nquads, else claims)")(
      "no-text", "leave the article text (nif:isString) out of the graph")(
      "keep-going,k", "skip bad articles, say so, and count them")(
      "max-article-bytes", po::value<std::size_t>()->default_value(kg::kDefaultMaxArticleBytes),
      "skip (with a message) an article or JSON Lines record larger than this")(
      "threads,j", po::value<std::size_t>()->default_value(kg::default_threads()),
      "articles analysed at once (default: the machine's cores); the graph is the same for any number");
  o.add(sort_options());
  po::positional_options_description p;
  p.add("input", -1);
  const auto vm = parse(args, o, p, inputs_option(true));
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
  kg::ExtractOptions options;
  options.inputs = vm.count("input") ? vm["input"].as<std::vector<std::string>>() : std::vector<std::string>{"-"};
  if (vm.count("output") && vm["output"].as<std::string>() != "-") options.output = vm["output"].as<std::string>();
  if (vm.count("into")) {
    if (vm.count("output")) throw UsageError("--into names the file to write; give no -o as well");
    options.into = vm["into"].as<std::string>();
  }
  options.syntax = output_syntax(vm, options);
  options.graph.base = base_option(vm);
  if (const std::string lang = vm["lang"].as<std::string>(); lang != "auto") {
    options.lang = kg::lang_from_string(lang);
    if (!options.lang) throw UsageError("--lang: expected en, nl, fr or auto, got '" + lang + "'");
  }
  // The syntax written decides the default provenance.
  options.graph.provenance = kg::has_graphs(options.syntax) ? kg::Provenance::graphs : kg::Provenance::claims;
  if (vm.count("provenance")) {
    const auto prov = kg::provenance_from_string(vm["provenance"].as<std::string>());
    if (!prov) throw UsageError("--provenance: expected none, claims or graphs");
    if (*prov == kg::Provenance::graphs && !kg::has_graphs(options.syntax))
      throw UsageError("--provenance graphs needs a syntax with graphs (trig or nquads), not " + kg::syntax_name(options.syntax));
    options.graph.provenance = *prov;
  }
  options.graph.text = !vm.count("no-text");
  options.keep_going = vm.count("keep-going") != 0;
  options.max_article_bytes = vm["max-article-bytes"].as<std::size_t>();
  if (quiet(vm)) options.warnings = nullptr;
  if (options.max_article_bytes == 0) throw UsageError("--max-article-bytes: expected a size above 0");
  options.threads = threads_option(vm);
  options.sort = sort_options(vm);
  options.progress = !quiet(vm) && kg::is_terminal(stderr);
  const auto start = std::chrono::steady_clock::now();
  auto resources = load(vm);
  const auto summary = kg::run_extract(resources, options, std::cerr);
  if (!quiet(vm)) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    std::cerr << kg::summary_line({summary.articles, summary.skipped, summary.facts, summary.statements, summary.bytes,
                                   elapsed.count()}) << "\n";
  }
  return summary.skipped ? 1 : 0;
}

int merge(const std::vector<std::string>& args) {
  po::options_description o("kgbuild merge SHARD... [options]\n\nSHARD: a graph file (.ttl, .nt, .nq or .trig), as extract writes them\n\noptions");
  o.add(standard_options());
  o.add_options()(
      "output,o", po::value<std::string>(), "write to FILE (completely or not at all); - is standard output")(
      "format,f", po::value<std::string>()->default_value("nquads"), "turtle | ntriples | nquads | trig (default: from the -o file's extension, else nquads)")(
      "base", po::value<std::string>()->default_value("https://kgbuild.org/"), "the base IRI the shards were made with (for Turtle's and TriG's prefixes)")(
      "threads,j", po::value<std::size_t>()->default_value(kg::default_threads()), "threads writing the output (default: the machine's cores)");
  o.add(sort_options());
  po::positional_options_description p;
  p.add("input", -1);
  const auto vm = parse(args, o, p, inputs_option(true));
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
  if (!vm.count("input")) throw UsageError("expected one or more graph files to merge");
  kg::MergeOptions options;
  options.inputs = vm["input"].as<std::vector<std::string>>();
  if (vm.count("output") && vm["output"].as<std::string>() != "-") options.output = vm["output"].as<std::string>();
  const auto named = kg::syntax_from_string(vm["format"].as<std::string>());
  if (!named) throw UsageError("--format: expected turtle, ntriples, nquads or trig, got '" + vm["format"].as<std::string>() + "'");
  options.syntax = vm["format"].defaulted() && !options.output.empty() ? kg::syntax_of_path(options.output).value_or(*named) : *named;
  kg::GraphOptions graph;
  graph.base = base_option(vm);
  options.prefixes = kg::GraphBuilder(graph).prefixes();
  options.sort = sort_options(vm);
  options.threads = threads_option(vm);
  const auto start = std::chrono::steady_clock::now();
  const std::size_t written = kg::run_merge(options);
  if (!quiet(vm)) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f", elapsed.count());
    std::cerr << "kgbuild: " << options.inputs.size() << (options.inputs.size() == 1 ? " graph" : " graphs") << " merged, "
              << written << " statements, " << seconds << " s\n";
  }
  return 0;
}

int check_rules(const std::vector<std::string>& args) {
  po::options_description o("kgbuild check-rules [options]\n\noptions");
  o.add(common_options());
  const auto vm = parse(args, o, {});
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
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
  o.add_options()(
      "why-not", po::value<std::string>(), "show how far rule RULE-ID got on each sentence")(
      "lang", po::value<std::string>()->default_value("auto"), "en | nl | fr | auto")(
      "color", po::value<std::string>()->default_value("auto"), "auto | always | never");
  po::positional_options_description p;
  p.add("input", -1);
  const auto vm = parse(args, o, p, inputs_option(true));
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
  if (!vm.count("input")) throw UsageError("expected a FILE to explain");
  kg::ExplainOptions options;
  options.why_not = vm.count("why-not") ? vm["why-not"].as<std::string>() : "";
  const std::string color = vm["color"].as<std::string>();
  options.color = color == "always" || (color == "auto" && kg::stdout_is_terminal());
  if (const std::string lang = vm["lang"].as<std::string>(); lang != "auto") options.lang = kg::lang_from_string(lang);
  auto resources = load(vm);
  return kg::explain(resources, vm["input"].as<std::vector<std::string>>(), options, std::cout);
}

int eval(const std::vector<std::string>& args) {
  po::options_description o("kgbuild eval --gold FILE GRAPH [options]\n\nGRAPH: the graph to score (.ttl, .nt, .nq, .trig)\n\noptions");
  o.add(standard_options());
  o.add_options()("gold", po::value<std::string>(), "gold facts (TSV)")(
      "aliases", po::value<std::string>(), "alias table (TSV: canonical, alternatives separated by |)")(
      "min-f1", po::value<double>(), "exit 1 when relation or amount F1 is below this")(
      "verbose,v", "list misses and extras");
  po::positional_options_description p;
  p.add("graph", 1);
  po::options_description hidden;
  hidden.add_options()("graph", po::value<std::string>(), "graph");
  const auto vm = parse(args, o, p, hidden);
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
  if (!vm.count("gold") || !vm.count("graph")) throw UsageError("expected --gold FILE and a GRAPH");
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
      "the environment\n(user:password@ in the URL works too, but is visible to other users in the process list).\n\noptions");
  o.add(standard_options());
  o.add_options()(
      "endpoint", po::value<std::string>(), "the SPARQL 1.1 Graph Store URL, e.g. http://localhost:8890/sparql-graph-crud-auth")(
      "graph", po::value<std::string>(), "the graph IRI for default-graph statements (default: the store's default graph)")(
      "graph-param", po::value<std::string>()->default_value("graph"), "the query parameter that names the graph (Virtuoso: graph-uri)")(
      "append", "add to the graphs (POST) instead of replacing them (PUT)")(
      "timeout", po::value<unsigned>()->default_value(600), "seconds one request may take, upload and answer included")(
      "stall-timeout", po::value<unsigned>()->default_value(60), "seconds without a byte moving before a request is given up");
  po::positional_options_description p;
  p.add("input", 1);
  const auto vm = parse(args, o, p, inputs_option(false));
  if (vm.count("help")) { std::cout << o; return 0; }
  if (vm.count("version")) return print_version();
  if (!vm.count("input") || !vm.count("endpoint")) throw UsageError("expected a GRAPH file and --endpoint URL");
  kg::PushOptions options;
  const auto endpoint = kg::split_endpoint(vm["endpoint"].as<std::string>());
  if (!endpoint) throw UsageError("--endpoint: expected an http:// or https:// URL, got '" + kg::redact_url(vm["endpoint"].as<std::string>()) + "'");
  options.endpoint = endpoint->url;
  if (vm.count("graph")) options.default_graph = vm["graph"].as<std::string>();
  if (vm.count("graph") && options.default_graph.find(':') == std::string::npos)
    throw UsageError("--graph: expected an absolute IRI, got '" + options.default_graph + "'");
  options.graph_param = vm["graph-param"].as<std::string>();
  options.append = vm.count("append") != 0;
  options.timeout = std::chrono::seconds(vm["timeout"].as<unsigned>());
  options.stall_timeout = std::chrono::seconds(vm["stall-timeout"].as<unsigned>());
  if (options.timeout.count() == 0 || options.stall_timeout.count() == 0) throw UsageError("--timeout, --stall-timeout: expected seconds above 0");
  options.credentials = kg::credentials_from_environment();
  if (!options.credentials) options.credentials = endpoint->credentials;
  if (options.credentials && options.endpoint.rfind("http://", 0) == 0 && !quiet(vm))
    std::cerr << "kgbuild push: warning: credentials are sent over plain http to " << options.endpoint
              << ", readable by anyone on the way; use https\n";
  const std::string file = vm["input"].as<std::string>();
  auto plan = kg::plan_push(kg::split_graph_file(file), options);
  if (plan.empty()) {
    if (!quiet(vm)) std::cerr << "kgbuild push: " << file << " has no statements; nothing was sent\n";
    return 0;
  }
  kg::CurlHttpClient http;
  std::ostringstream discarded;
  std::ostream& progress = quiet(vm) ? discarded : std::cout;
  return kg::push(std::move(plan), options, http, progress, std::cerr).ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (args[0] == "--version" || args[0] == "-V") return print_version();
  const std::string command = args[0];
  args.erase(args.begin());
  const auto usage_error = [&](const char* what) {
    std::cerr << "kgbuild " << command << ": " << what << "\n"
              << "usage: " << usage_line(command) << "\nRun 'kgbuild " << command << " --help' for its options.\n";
    return 2;
  };
  try {
    if (command == "extract") return extract(args);
    if (command == "merge") return merge(args);
    if (command == "check-rules") return check_rules(args);
    if (command == "explain") return explain(args);
    if (command == "eval") return eval(args);
    if (command == "push") return push(args);
    std::cerr << "kgbuild: unknown command '" << command << "'\n" << kUsage;
    return 2;
  } catch (const po::error& e) {
    return usage_error(e.what());
  } catch (const UsageError& e) {
    return usage_error(e.what());
  } catch (const std::exception& e) {
    std::cerr << "kgbuild: " << e.what() << "\n";
    return 1;
  }
}
