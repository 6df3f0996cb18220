#pragma once
// Shared by the unit tests: a temporary folder, and what a QuadWriter writes, as text.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "kgbuild/writer.hpp"

namespace kg::test {

// A fresh folder, removed with everything in it when the test is done.
class TempDir {
 public:
  TempDir() {
    static int serial = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("kgbuild-test-" + std::to_string(::getpid()) + "-" + std::to_string(++serial));
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return dir_; }
  // Writes a file in the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name) << content;
    return dir_ / name;
  }

 private:
  std::filesystem::path dir_;
};

// A file's whole content.
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `fill` on a temporary file and returns what it wrote there.
inline std::string written_to_file(const std::function<void(std::FILE*)>& fill) {
  std::FILE* f = std::tmpfile();
  if (!f) return {};
  fill(f);
  std::rewind(f);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, f)) > 0;) text.append(buffer, n);
  std::fclose(f);
  return text;
}

// Runs `fill` on a writer of `syntax` over a temporary file and returns what was written.
inline std::string written(Syntax syntax, const std::function<void(QuadWriter&)>& fill, const Prefixes& prefixes = {}) {
  return written_to_file([&](std::FILE* f) {
    QuadWriter writer(f, syntax, prefixes);
    fill(writer);
    writer.finish();
  });
}

}  // namespace kg::test
