#pragma once
// The extraction pipeline, wired from its components: input -> text -> mentions -> rules -> RDF.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include "kgbuild/extract.hpp"
#include "kgbuild/gazetteer.hpp"
#include "kgbuild/graph.hpp"
#include "kgbuild/input.hpp"
#include "kgbuild/mentions.hpp"
#include "kgbuild/rules.hpp"
#include "kgbuild/sorter.hpp"
#include "kgbuild/text.hpp"
#include "kgbuild/writer.hpp"

namespace kg {

// Where gazetteers and rule packs live: KGBUILD_DATA_DIR, else the source tree, else the install prefix.
std::filesystem::path default_data_dir();

// Everything loaded once per run: analyser, gazetteer, compiled rule packs.
class Resources {
 public:
  // Rule packs come from DATA/rules, then each of extra_rule_dirs (adding or replacing).
  // Warnings (a word list that is missing) go to `warnings`; nullptr keeps quiet.
  Resources(const std::filesystem::path& data_dir, const std::vector<std::filesystem::path>& extra_rule_dirs,
            std::ostream* warnings = &std::cerr);
  TextAnalyzer& analyzer() { return analyzer_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const NameData& names() const { return names_; }
  const std::map<Lang, RulePack>& packs() const { return *packs_; }
  const Extractor& extractor() const { return *extractor_; }

  // Text analysis and mentions of one article. The analyser holds state: a thread other than the
  // one that made these resources brings its own (everything else here is read only).
  ArticleAnalysis analyze(const Article& article, std::optional<Lang> forced_lang);
  ArticleAnalysis analyze(const Article& article, std::optional<Lang> forced_lang, TextAnalyzer& analyzer) const;
  // The outlet named in an article's metadata, as an entity of the analysis (-1 when none).
  std::int32_t outlet_entity(const Article& article, ArticleAnalysis& analysis) const;

 private:
  TextAnalyzer analyzer_;
  std::unique_ptr<Gazetteer> gazetteer_;
  NameData names_;
  std::unique_ptr<std::map<Lang, RulePack>> packs_;
  std::unique_ptr<Extractor> extractor_;
};

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string output;  // empty: standard output
  std::string into;    // an existing graph file to add to (merged with the new statements, rewritten)
  Syntax syntax = Syntax::turtle;
  GraphOptions graph;
  std::optional<Lang> lang;  // forced; otherwise declared or detected per article
  bool keep_going = false;
  std::size_t max_article_bytes = kDefaultMaxArticleBytes;
  std::ostream* warnings = &std::cerr;  // nullptr: quiet
  std::size_t threads = 1;              // articles analysed at once
  SortOptions sort;                     // memory and temporary folder for sorting the statements
  bool progress = false;                // a progress line on standard error (the caller checks it is a terminal)
};

struct ExtractSummary {
  std::size_t articles = 0, skipped = 0, facts = 0;
  std::size_t over_budget = 0;  // rules that gave up on a sentence
  std::size_t statements = 0;   // written
  std::uint64_t bytes = 0;      // of input read
};

// The machine's cores (at least 1): the default for --threads.
std::size_t default_threads();

// Runs extraction; messages about skipped articles go to `log`. Throws on fatal errors. The graph
// is the same, byte for byte, whatever the number of threads and the order of the articles.
ExtractSummary run_extract(Resources& resources, const ExtractOptions& options, std::ostream& log);

}  // namespace kg
