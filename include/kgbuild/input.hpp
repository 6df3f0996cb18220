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

// Reads every input in order (directories recursively, in sorted order; "-" is standard input).
// Without on_error the first bad article throws; with it, the article is reported and skipped.
InputSummary read_articles(const std::vector<std::string>& inputs, const ArticleSink& sink,
                           const InputErrorSink& on_error = nullptr);

}  // namespace kg
