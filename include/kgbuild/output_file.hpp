#pragma once
// An output file that is written completely or not at all: the data goes to an exclusively
// created temporary file beside the target, which is synced and renamed over the target on
// commit, and removed on error, on destruction without commit, and on SIGINT, SIGTERM or SIGHUP.
// An existing target keeps its permissions; a symbolic link keeps pointing where it did, and
// the file it points to is the one replaced.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace kg {

class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& target);  // throws std::runtime_error naming it
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  std::FILE* stream() const { return stream_; }
  void commit();  // flushes, syncs, closes and renames; throws std::runtime_error on failure

 private:
  void open_temporary(const std::filesystem::path& target);
  void buffer();
  void discard();
  std::filesystem::path target_;     // the file replaced: the end of any symbolic links
  std::filesystem::path temporary_;  // empty when writing a device or pipe directly
  // Declared before the stream: it must outlive fclose, which flushes it.
  std::unique_ptr<char[]> buffer_;
  std::FILE* stream_ = nullptr;
  int descriptor_ = -1;
  std::optional<std::size_t> signal_slot_;  // where the temporary is registered for signals
};

}  // namespace kg
