#pragma once
// Scores a graph against gold facts (the TSV format of shared/acceptance/seeds.gold.tsv):
// precision, recall and F1 for relations and for amounts, per property and overall. Gold lines may
// carry three more columns, status, date and source, which score the qualifiers of the claims
// behind each fact found.
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace kg {

struct EvalOptions {
  std::string gold, graph, aliases;
  bool verbose = false;
};

struct Score {
  std::size_t found = 0, expected = 0, correct = 0, counted = 0, recalled = 0;
  double precision = 0, recall = 0, f1 = 0;
};

// How the qualifiers of the claims behind the facts found agree with the gold's columns.
struct QualifierScore {
  std::size_t scored = 0, right = 0;  // gold facts found that the column qualifies; those the graph gets right
};

struct SourceScore {
  std::size_t attributed = 0;  // claims of facts found that name a source
  std::size_t wrong = 0;       // ... a source their gold line does not give
  std::size_t expected = 0, recalled = 0;  // gold facts found with a source; those with a claim crediting it
};

struct EvalReport {
  Score relations, amounts;
  QualifierScore status, date;
  SourceScore source;
  std::map<std::string, Score> by_property;
  std::vector<std::string> missed, unexpected;  // human-readable lines
  std::vector<std::string> qualifier_errors;    // "status ...", "date ...", "source ..." lines
  // The companies and people the gold facts are about, and how many of them are entities of the graph.
  std::size_t entities_expected = 0, entities_found = 0;
  std::vector<std::string> entities_missed;  // normalised names
};

EvalReport evaluate(const EvalOptions& options);  // throws std::runtime_error "file:line: ..." on bad gold
void print_report(const EvalReport& report, bool verbose, std::ostream& out);

}  // namespace kg
