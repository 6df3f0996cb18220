#pragma once
// Sorting and de-duplicating statement records (records.hpp) in bounded memory: records gather in
// memory; when they reach the budget they are sorted and written to an unnamed temporary file (a
// run), and the runs are merged at the end, as sort(1) does. Memory stays near the budget whatever
// the input.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "kgbuild/records.hpp"

namespace kg {

inline constexpr std::size_t kDefaultSortMemory = std::size_t{128} << 20;

struct SortOptions {
  std::size_t memory = kDefaultSortMemory;  // bytes of records (and their index) held at once
  std::filesystem::path temp_dir;           // where runs go; empty: $TMPDIR, else /tmp
};

using RecordSink = std::function<void(std::string_view record)>;

class StatementSorter {
 public:
  explicit StatementSorter(SortOptions options = {});
  ~StatementSorter();
  StatementSorter(const StatementSorter&) = delete;
  StatementSorter& operator=(const StatementSorter&) = delete;

  void add(std::string_view record);
  void add(const RecordBatch& batch);
  // Hands every distinct record to `sink` once, in byte order. Call once; throws on a write or
  // read error of a temporary file (the files are unnamed: nothing is left behind either way).
  void finish(const RecordSink& sink);
  std::size_t runs() const;  // buffers written to disk so far

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where temporary files go when no folder is given: $TMPDIR, else /tmp.
std::filesystem::path default_temp_dir();

}  // namespace kg
