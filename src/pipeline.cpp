#include "kgbuild/pipeline.hpp"

#include <cstdlib>
#include <iostream>

#include "kgbuild/output_file.hpp"
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
  gazetteer_ = std::make_unique<Gazetteer>(Gazetteer::load(data_dir / "gazetteer", analyzer_));
  names_ = NameData::load(data_dir / "lang");
  for (Lang lang : names_.missing_word_lists())
    if (warnings)
      *warnings << "kgbuild: warning: no word list found for " << to_string(lang) << " (listed in "
              << (data_dir / "lang" / std::string(to_string(lang)) / "names.tsv").string()
              << "); names at the start of sentences are found less well\n";
  std::vector<fs::path> dirs{data_dir / "rules"};
  dirs.insert(dirs.end(), extra_rule_dirs.begin(), extra_rule_dirs.end());
  packs_ = std::make_unique<std::map<Lang, RulePack>>(load_rule_packs(dirs, analyzer_));
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
  ArticleAnalysis a;
  a.text = analyzer_.analyze(text_with_title(article), forced_lang ? forced_lang : article.lang);
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

namespace {

// --into: what the file holds already, so that articles read again add nothing twice.
void load_existing(const std::string& path, Syntax syntax, Store& store) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return;
  read_quads(path, syntax, [&](ReadQuad&& r) {
    if (!r.object_lang.empty()) throw std::runtime_error(path + ": language-tagged literals are not from kgbuild; cannot add to it");
    store.add(r.quad);
  }, false);
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
  GraphBuilder builder(o.graph);
  Store shared;
  if (!o.into.empty()) load_existing(o.into, o.syntax, shared);
  std::optional<AtomicFile> file;
  if (!o.output.empty()) file.emplace(o.output);
  std::FILE* stream = file ? file->stream() : stdout;
  QuadWriter writer(stream, o.syntax, builder.prefixes());
  ExtractSummary summary;

  auto on_article = [&](Article&& article) {
    ArticleAnalysis analysis = resources.analyze(article, o.lang);
    const std::int32_t outlet = resources.outlet_entity(article, analysis);
    const auto facts = resources.extractor().extract(analysis);
    for (const auto& [sentence, rule] : analysis.over_budget)
      if (o.warnings)
        *o.warnings << "kgbuild: warning: " << article.origin << ": sentence " << sentence + 1 << ": rule " << rule
                    << " gave up, its matching budget spent; facts it would state there may be missing\n";
    summary.over_budget += analysis.over_budget.size();
    builder.article(article, analysis, facts, outlet, shared, [&](const QuadView& quad) {
      if (o.into.empty()) writer.write(quad);
      else shared.add(quad);  // merged with what the file held, written once below
    });
    summary.facts += facts.size();
  };
  InputErrorSink on_error;
  if (o.keep_going) on_error = [&](const InputError& e) { log << "kgbuild: skipped: " << e.what() << "\n"; };
  const InputSummary input = read_articles(o.inputs, on_article, on_error, ReadLimits{o.max_article_bytes});
  shared.write(writer);
  writer.finish();
  if (file) file->commit();
  summary.articles = input.articles;
  summary.skipped = input.skipped;
  return summary;
}

}  // namespace kg
