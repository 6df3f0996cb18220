// What the libraries kgbuild is built on cost by themselves, per MB of input, with no kgbuild work
// around them: ICU segmenting the articles into sentences and words, and Serd writing the graph
// kgbuild made of them. Their sum bounds how fast `kgbuild extract` can ever be on this machine.
//
// usage: kgbuild-bench-floor CORPUS GRAPH.nq
//   CORPUS    the articles (any input `kgbuild extract` reads)
//   GRAPH.nq  `kgbuild extract CORPUS -f nquads -o GRAPH.nq`
#include <serd/serd.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kgbuild/input.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The article texts, and the size of the files they came from (what bench/run.sh divides by).
struct Corpus {
  std::vector<kg::Article> articles;
  std::size_t bytes = 0;
};

std::size_t file_bytes(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return std::filesystem::file_size(path);
  std::size_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
    if (entry.is_regular_file()) total += entry.file_size();
  return total;
}

Corpus read_corpus(const std::string& path) {
  Corpus corpus;
  kg::read_articles({path}, [&](kg::Article&& article) { corpus.articles.push_back(std::move(article)); });
  corpus.bytes = file_bytes(path);
  return corpus;
}

// kgbuild's own use of ICU: an NFC check, one UTF-16 copy, a word and a sentence break iterator.
double icu_seconds(const Corpus& corpus) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  std::array<std::unique_ptr<icu::BreakIterator>, 3> sentences;
  const std::array<const char*, 3> locales = {"en@ss=standard", "nl@ss=standard", "fr@ss=standard"};
  for (std::size_t i = 0; i < sentences.size(); ++i)
    sentences[i].reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locales[i]), status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));

  std::size_t boundaries = 0;
  const auto start = Clock::now();
  for (const auto& article : corpus.articles) {
    const icu::StringPiece piece(article.text.data(), static_cast<int32_t>(article.text.size()));
    boundaries += nfc->isNormalizedUTF8(piece, status) ? 0 : 1;
    const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(piece);
    words->setText(utf16);
    for (int32_t at = words->first(); at != icu::BreakIterator::DONE; at = words->next()) ++boundaries;
    icu::BreakIterator& sentence = *sentences[static_cast<std::size_t>(article.lang.value_or(kg::Lang::en))];
    sentence.setText(utf16);
    for (int32_t at = sentence.first(); at != icu::BreakIterator::DONE; at = sentence.next()) ++boundaries;
  }
  const double elapsed = seconds_since(start);
  // Printed so that the loops above cannot be optimised away.
  std::printf("ICU boundaries   %zu\n", boundaries);
  return elapsed;
}

// One statement as read, with its nodes' text kept so that they can be written again.
struct StoredNode {
  SerdType type = SERD_NOTHING;
  std::string text;
};

struct StoredStatement {
  std::array<StoredNode, 6> nodes;  // graph, subject, predicate, object, datatype, language
};

StoredNode store(const SerdNode* node) {
  if (!node || !node->buf) return {};
  return {node->type, std::string(reinterpret_cast<const char*>(node->buf), node->n_bytes)};
}

SerdStatus keep_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
                          const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                          const SerdNode* language) {
  auto& statements = *static_cast<std::vector<StoredStatement>*>(handle);
  statements.push_back({{store(graph), store(subject), store(predicate), store(object), store(datatype), store(language)}});
  return SERD_SUCCESS;
}

struct ReaderDeleter { void operator()(SerdReader* reader) const { serd_reader_free(reader); } };
struct WriterDeleter { void operator()(SerdWriter* writer) const { serd_writer_free(writer); } };
struct EnvDeleter { void operator()(SerdEnv* env) const { serd_env_free(env); } };

std::vector<StoredStatement> read_graph(const std::string& path) {
  std::vector<StoredStatement> statements;
  std::unique_ptr<SerdReader, ReaderDeleter> reader(
      serd_reader_new(SERD_NQUADS, &statements, nullptr, nullptr, nullptr, keep_statement, nullptr));
  if (serd_reader_read_file(reader.get(), reinterpret_cast<const std::uint8_t*>(path.c_str())) != SERD_SUCCESS)
    throw std::runtime_error(path + ": not readable as N-Quads");
  return statements;
}

SerdNode view(const StoredNode& node) {
  if (node.type == SERD_NOTHING) return SERD_NODE_NULL;
  return serd_node_from_substring(node.type, reinterpret_cast<const std::uint8_t*>(node.text.data()), node.text.size());
}

// Output is counted, not kept: the kernel's share of writing a file is not Serd's.
std::size_t count_bytes(const void*, std::size_t length, void* written) {
  *static_cast<std::size_t*>(written) += length;
  return length;
}

// Serd writes the statements as kgbuild does (N-Quads, bulk style); the best of three passes.
double serd_seconds(const std::vector<StoredStatement>& statements, std::size_t& written) {
  double best = 1e9;
  for (int pass = 0; pass < 3; ++pass) {
    written = 0;
    const auto start = Clock::now();
    std::unique_ptr<SerdEnv, EnvDeleter> env(serd_env_new(nullptr));
    std::unique_ptr<SerdWriter, WriterDeleter> writer(
        serd_writer_new(SERD_NQUADS, SERD_STYLE_BULK, env.get(), nullptr, count_bytes, &written));
    for (const auto& statement : statements) {
      std::array<SerdNode, 6> nodes;
      std::transform(statement.nodes.begin(), statement.nodes.end(), nodes.begin(), view);
      const auto optional = [](const SerdNode& node) { return node.buf ? &node : nullptr; };
      serd_writer_write_statement(writer.get(), 0, optional(nodes[0]), &nodes[1], &nodes[2], &nodes[3],
                                  optional(nodes[4]), optional(nodes[5]));
    }
    serd_writer_finish(writer.get());
    best = std::min(best, seconds_since(start));
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s CORPUS GRAPH.nq\n", argv[0]);
    return 2;
  }
  try {
    const Corpus corpus = read_corpus(argv[1]);
    const double megabytes = static_cast<double>(corpus.bytes) / 1e6;
    const double icu = icu_seconds(corpus);
    const auto statements = read_graph(argv[2]);
    std::size_t written = 0;
    const double serd = serd_seconds(statements, written);
    std::printf("input            %.1f MB, %zu articles\n", megabytes, corpus.articles.size());
    std::printf("ICU segmenting   %.3f s (%.1f ms per MB)\n", icu, icu * 1e3 / megabytes);
    std::printf("Serd writing     %.3f s (%.1f ms per MB; %zu statements, %.1f MB of N-Quads)\n", serd,
                serd * 1e3 / megabytes, statements.size(), static_cast<double>(written) / 1e6);
    std::printf("ceiling          %.1f MB/s with everything else free\n", megabytes / (icu + serd));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "kgbuild-bench-floor: %s\n", error.what());
    return 1;
  }
  return 0;
}
