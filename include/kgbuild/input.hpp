#pragma once
// Reads articles from text files, directories, JSON Lines files and standard input.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kgbuild/article.hpp"

namespace kg {

// A problem with the input, located at a file and (when known) a line.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::size_t line, const std::string& message);
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

struct InputSummary {
  std::size_t articles = 0;  // handed to the sink
  std::size_t skipped = 0;   // bad articles passed over with keep_going
};

using ArticleSink = std::function<void(Article&&)>;
using InputErrorSink = std::function<void(const InputError&)>;

// Parses a text article: optional metadata lines ("date 2025-01", "title ...") then the body.
// Throws InputError (with file and line) on bad metadata or invalid UTF-8.
Article parse_text_article(std::string content, const std::string& origin);

// Parses one JSON Lines record; line is used in messages.
Article parse_jsonl_record(std::string_view record, const std::string& file, std::size_t line);

// Larger articles and JSON Lines records are bad input: a run that meets a 200 MB record by
// mistake skips it (under keep-going) instead of holding gigabytes while it is parsed.
constexpr std::size_t kDefaultMaxArticleBytes = std::size_t{4} << 20;

struct ReadLimits {
  std::size_t max_article_bytes = kDefaultMaxArticleBytes;
};

// Reads every input in order (directories recursively, in sorted order; "-" is standard input).
// Without on_error the first bad article throws; with it, the article is reported and skipped.
// JSON Lines files are read a line at a time: memory is bounded by the largest record allowed.
InputSummary read_articles(const std::vector<std::string>& inputs, const ArticleSink& sink,
                           const InputErrorSink& on_error = nullptr, const ReadLimits& limits = {});

}  // namespace kg
