#pragma once
// What a long run shows while it works and says when it ends: a progress line redrawn a few times a
// second on a terminal's standard error (never on a file or a pipe, where it would be noise), and
// one summary line.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace kg {

bool is_terminal(std::FILE* stream);

class ProgressLine {
 public:
  // Draws on `stream` only when `enabled`; `total_bytes`, when known, gives a percentage and an ETA.
  ProgressLine(std::FILE* stream, bool enabled, std::optional<std::uint64_t> total_bytes);
  ~ProgressLine();  // clears the line
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(std::size_t articles, std::uint64_t bytes);  // draws at once, then at most every 250 ms
  void say(const std::string& what);                       // a phase with no counts ("sorting ...")
  void clear();

 private:
  void draw(const std::string& line);
  std::FILE* stream_;
  bool enabled_;
  std::optional<std::uint64_t> total_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

struct RunCounts {
  std::size_t articles = 0, skipped = 0, facts = 0, statements = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
};

// "kgbuild: 120 articles read, 0 skipped, 342 facts, 9,120 statements, 1.2 s, 3.4 MB/s"
std::string summary_line(const RunCounts& counts);

// "1.2 MB"
std::string megabytes(std::uint64_t bytes);

}  // namespace kg
