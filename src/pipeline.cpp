#include "kgbuild/pipeline.hpp"

#include <cstdlib>
#include <future>
#include <iostream>
#include <thread>

#include "kgbuild/canonical.hpp"
#include "kgbuild/ordered_pool.hpp"
#include "kgbuild/output_file.hpp"
#include "kgbuild/progress.hpp"
#include "kgbuild/reader.hpp"

namespace kg {

namespace fs = std::filesystem;

#ifndef KGBUILD_SOURCE_DATA_DIR
#define KGBUILD_SOURCE_DATA_DIR ""
#endif
#ifndef KGBUILD_INSTALL_DATA_DIR
#define KGBUILD_INSTALL_DATA_DIR ""
#endif

fs::path default_data_dir() {
  if (const char* env = std::getenv("KGBUILD_DATA_DIR"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory(KGBUILD_SOURCE_DATA_DIR, ec)) return KGBUILD_SOURCE_DATA_DIR;
  return KGBUILD_INSTALL_DATA_DIR;
}

Resources::Resources(const fs::path& data_dir, const std::vector<fs::path>& extra_rule_dirs, std::ostream* warnings) {
  // The word lists are the slowest part to load and need nothing else here: read on a thread of
  // their own while the gazetteer and the rule packs are (a run's start-up, paid by every shard).
  auto names = std::async(std::launch::async, [dir = data_dir / "lang"] { return NameData::load(dir); });
  gazetteer_ = std::make_unique<Gazetteer>(Gazetteer::load(data_dir / "gazetteer", analyzer_));
  std::vector<fs::path> dirs{data_dir / "rules"};
  dirs.insert(dirs.end(), extra_rule_dirs.begin(), extra_rule_dirs.end());
  packs_ = std::make_unique<std::map<Lang, RulePack>>(load_rule_packs(dirs, analyzer_));
  names_ = names.get();
  for (Lang lang : names_.missing_word_lists())
    if (warnings)
      *warnings << "kgbuild: warning: no word list found for " << to_string(lang) << " (listed in "
              << (data_dir / "lang" / std::string(to_string(lang)) / "names.tsv").string()
              << "); names at the start of sentences are found less well\n";
  for (const auto& [lang, pack] : *packs_) {
    const auto problems = check_rule_pack(pack);
    if (!problems.empty()) throw std::runtime_error(problems.front());
  }
  extractor_ = std::make_unique<Extractor>(*packs_);
}

namespace {

// The text read: the title, when the body does not open with it already, then the body. Headlines
// state facts ("Adyen takes over Klikpay for €350m") that the body may only allude to.
std::string text_with_title(const Article& article) {
  if (article.title.empty()) return article.text;
  const auto first = article.text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && article.text.compare(first, article.title.size(), article.title) == 0) return article.text;
  return article.title + "\n\n" + article.text;
}

}  // namespace

ArticleAnalysis Resources::analyze(const Article& article, std::optional<Lang> forced_lang) {
  return analyze(article, forced_lang, analyzer_);
}

ArticleAnalysis Resources::analyze(const Article& article, std::optional<Lang> forced_lang, TextAnalyzer& analyzer) const {
  ArticleAnalysis a;
  a.text = analyzer.analyze(text_with_title(article), forced_lang ? forced_lang : article.lang);
  MentionFinder(*gazetteer_, names_).find(a, article.date);
  return a;
}

std::int32_t Resources::outlet_entity(const Article& article, ArticleAnalysis& analysis) const {
  if (article.outlet.empty()) return -1;
  ArticleEntity outlet{article.outlet, EntityType::organization, "", {article.outlet}, false, true};
  if (auto known = gazetteer_->find(article.outlet)) {
    const KnownEntity& k = gazetteer_->entity(*known);
    outlet = ArticleEntity{k.name, k.type, k.qid, {article.outlet}, true, true};
  }
  for (std::size_t i = 0; i < analysis.entities.size(); ++i)
    if (analysis.entities[i].name == outlet.name) return static_cast<std::int32_t>(i);
  analysis.entities.push_back(std::move(outlet));
  return static_cast<std::int32_t>(analysis.entities.size() - 1);
}

std::size_t default_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores ? cores : 1;
}

namespace {

// --into: what the file holds already goes in with the new statements, so that articles read again
// add nothing twice.
void add_existing(const std::string& path, Syntax syntax, CanonicalWriter& out) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return;
  read_quads(path, syntax, [&](ReadQuad&& r) {
    if (!r.object_lang.empty()) throw std::runtime_error(path + ": language-tagged literals are not from kgbuild; cannot add to it");
    out.add(r.quad);
  }, false);
}

// What a worker keeps between articles: an analyser of its own, and the entities it described lately.
struct Worker {
  TextAnalyzer analyzer;
  DescribedCache described;
};

// One article's share of the graph, handed back in input order.
struct ArticleOutcome {
  RecordBatch records;
  std::string warnings;
  std::size_t facts = 0, over_budget = 0, bytes = 0;
};

ArticleOutcome process(const Resources& resources, const GraphBuilder& builder, const RecordCodec& codec,
                       const ExtractOptions& o, Worker& worker, const Article& article) {
  ArticleOutcome out;
  ArticleAnalysis analysis = resources.analyze(article, o.lang, worker.analyzer);
  const std::int32_t outlet = resources.outlet_entity(article, analysis);
  const auto facts = resources.extractor().extract(analysis);
  for (const auto& [sentence, rule] : analysis.over_budget)
    out.warnings += "kgbuild: warning: " + article.origin + ": sentence " + std::to_string(sentence + 1) + ": rule " + rule +
                    " gave up, its matching budget spent; facts it would state there may be missing\n";
  out.over_budget = analysis.over_budget.size();
  builder.article(article, analysis, facts, outlet, &worker.described, [&](const QuadView& quad) { out.records.add(quad, codec); });
  out.facts = facts.size();
  out.bytes = article.input_bytes;
  return out;
}

// The bytes the inputs hold, for the progress line's ETA; nullopt when one is standard input.
std::optional<std::uint64_t> input_size(const std::vector<std::string>& inputs) {
  std::uint64_t total = 0;
  for (const auto& input : inputs) {
    if (input == "-") return std::nullopt;
    std::error_code ec;
    if (std::filesystem::is_regular_file(input, ec)) {
      total += std::filesystem::file_size(input, ec);
      continue;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(input, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

}  // namespace

ExtractSummary run_extract(Resources& resources, const ExtractOptions& options, std::ostream& log) {
  ExtractOptions o = options;
  if (!o.into.empty()) {
    // The file's own syntax decides; its statements and the new ones are written back sorted.
    const auto syntax = syntax_of_path(o.into);
    if (!syntax) throw std::runtime_error(o.into + ": expected a .ttl, .nt, .nq or .trig file for --into");
    o.syntax = *syntax;
    o.output = o.into;
    if (!has_graphs(o.syntax) && o.graph.provenance == Provenance::graphs) o.graph.provenance = Provenance::claims;
  }
  if (o.graph.provenance == Provenance::graphs && !has_graphs(o.syntax))
    throw std::runtime_error("--provenance graphs needs --format trig or nquads");
  const GraphBuilder builder(o.graph);
  std::optional<AtomicFile> file;
  if (!o.output.empty()) file.emplace(o.output);
  CanonicalWriter out(file ? file->stream() : stdout, o.syntax, builder.prefixes(), o.sort, o.threads);
  if (!o.into.empty()) add_existing(o.into, o.syntax, out);

  ExtractSummary summary;
  ProgressLine progress(stderr, o.progress, o.progress ? input_size(o.inputs) : std::nullopt);
  const auto consume = [&](ArticleOutcome&& outcome) {
    out.add(outcome.records);
    if (o.warnings && !outcome.warnings.empty()) {
      progress.clear();
      *o.warnings << outcome.warnings;
    }
    summary.facts += outcome.facts;
    summary.over_budget += outcome.over_budget;
    summary.bytes += outcome.bytes;
    progress.update(summary.articles + 1, summary.bytes);
    ++summary.articles;
  };
  // A few articles per thread in flight keeps every thread busy and memory bounded.
  OrderedPool<Worker, ArticleOutcome> pool(o.threads, o.threads * 4, consume);
  const auto on_article = [&](Article&& article) {
    pool.submit([&resources, &builder, &out, &o, article = std::move(article)](Worker& worker) {
      return process(resources, builder, out.codec(), o, worker, article);
    });
  };
  InputErrorSink on_error;
  if (o.keep_going)
    on_error = [&](const InputError& e) {
      progress.clear();
      log << "kgbuild: skipped: " << e.what() << "\n";
    };
  const InputSummary input = read_articles(o.inputs, on_article, on_error, ReadLimits{o.max_article_bytes});
  pool.finish();
  progress.say("sorting and writing " + std::to_string(summary.articles) + " articles' statements");
  summary.statements = out.finish();
  progress.clear();
  if (file) file->commit();
  summary.skipped = input.skipped;
  return summary;
}

}  // namespace kg
