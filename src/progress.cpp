#include "kgbuild/progress.hpp"

#include <unistd.h>

#include <cmath>

namespace kg {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kRedraw = std::chrono::milliseconds(250);

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

std::string fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string clock_time(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  char buffer[32];
  if (total >= 3600) std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  else std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  return buffer;
}

}  // namespace

bool is_terminal(std::FILE* stream) { return ::isatty(::fileno(stream)) == 1; }

std::string megabytes(std::uint64_t bytes) { return fixed(static_cast<double>(bytes) / 1e6, 1) + " MB"; }

ProgressLine::ProgressLine(std::FILE* stream, bool enabled, std::optional<std::uint64_t> total_bytes)
    : stream_(stream), enabled_(enabled), total_(total_bytes), start_(Clock::now()), last_draw_(start_ - kRedraw) {}

ProgressLine::~ProgressLine() { clear(); }

void ProgressLine::update(std::size_t articles, std::uint64_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - last_draw_ < kRedraw) return;
  last_draw_ = now;
  const double elapsed = seconds_since(start_);
  const double rate = elapsed > 0 ? static_cast<double>(bytes) / 1e6 / elapsed : 0;
  std::string line = "kgbuild: " + std::to_string(articles) + " articles, " + megabytes(bytes);
  if (total_ && *total_ > 0) line += " of " + megabytes(*total_) + " (" + fixed(100.0 * static_cast<double>(bytes) / static_cast<double>(*total_), 0) + "%)";
  line += ", " + fixed(rate, 1) + " MB/s";
  if (total_ && rate > 0 && *total_ > bytes)
    line += ", ETA " + clock_time(static_cast<double>(*total_ - bytes) / 1e6 / rate);
  draw(line);
}

void ProgressLine::say(const std::string& what) {
  if (!enabled_) return;
  draw("kgbuild: " + what);
}

void ProgressLine::draw(const std::string& line) {
  // Back to the line's start, the new text, and the rest of the old one erased.
  std::fprintf(stream_, "\r%s\x1b[K", line.c_str());
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressLine::clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
  drawn_ = false;
}

std::string summary_line(const RunCounts& c) {
  const double rate = c.seconds > 0 ? static_cast<double>(c.bytes) / 1e6 / c.seconds : 0;
  return "kgbuild: " + std::to_string(c.articles) + " articles read, " + std::to_string(c.skipped) + " skipped, " +
         std::to_string(c.facts) + " facts, " + std::to_string(c.statements) + " statements, " +
         fixed(c.seconds, 1) + " s, " + fixed(rate, 1) + " MB/s";
}

}  // namespace kg
