#include "kgbuild/output_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "temporary_files.hpp"

namespace kg {

namespace fs = std::filesystem;

namespace {

std::runtime_error failure(const fs::path& path, const std::string& what, int error) {
  return std::runtime_error(path.string() + ": " + what + ": " + std::strerror(error));
}

// The file a path names once symbolic links are followed, even when the last one dangles (then
// the file it points to is created, as the shell's '>' would).
fs::path end_of_links(fs::path path) {
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
    const fs::path link = fs::read_symlink(path, ec);
    if (ec) return path;
    path = link.is_absolute() ? link : path.parent_path() / link;
  }
  return path;
}

// The mode a new output gets: what the umask allows of 0666, as for any file a program creates.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);  // the rename is durable too; a failure here loses nothing already renamed
  ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(const fs::path& target) : target_(target) {
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  // A device or pipe ("-o /dev/null", a FIFO, "-o /dev/stdout" on a pipe) cannot be replaced by
  // renaming: it is written directly, by the name given (its links may lead nowhere real).
  if (exists && !S_ISREG(existing.st_mode)) {
    stream_ = std::fopen(target.c_str(), "wb");
    if (!stream_) throw failure(target, "cannot write", errno);
    buffer();
    return;
  }
  target_ = end_of_links(target);
  open_temporary(target);
  if (::fchmod(descriptor_, exists ? existing.st_mode & 07777 : new_file_mode()) != 0) {
    const int error = errno;
    discard();
    throw failure(target, "cannot set the permissions of the output", error);
  }
}

// O_EXCL with a random name: nothing planted beside the target can be followed or overwritten.
void AtomicFile::open_temporary(const fs::path& target) {
  const fs::path folder = target_.parent_path();
  std::string name = (folder / ("." + target_.filename().string() + ".kgbuild-XXXXXX")).string();
  // No signal may come between creating the file and registering it for removal.
  sigset_t blocked, previous;
  sigemptyset(&blocked);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&blocked, signal_number);
  pthread_sigmask(SIG_BLOCK, &blocked, &previous);
  descriptor_ = ::mkstemp(name.data());
  const int create_error = errno;
  if (descriptor_ >= 0) {
    temporary_ = name;
    signal_slot_ = register_temporary(name.c_str());
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (descriptor_ < 0) throw failure(target, "cannot write", create_error);
  stream_ = ::fdopen(descriptor_, "wb");
  if (!stream_) {
    const int error = errno;
    discard();
    throw failure(target, "cannot write", error);
  }
  buffer();
}

// A graph is written at ~15 bytes per byte read: one system call per MB, not per 4 KB. (glibc
// ignores the size unless it is given the buffer.)
void AtomicFile::buffer() {
  constexpr std::size_t kSize = std::size_t{1} << 20;
  buffer_ = std::make_unique<char[]>(kSize);
  std::setvbuf(stream_, buffer_.get(), _IOFBF, kSize);
}

// Closes and removes the temporary file: the target is left as it was.
void AtomicFile::discard() {
  if (stream_) std::fclose(stream_);
  else if (descriptor_ >= 0) ::close(descriptor_);
  stream_ = nullptr;
  descriptor_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  if (signal_slot_) unregister_temporary(*signal_slot_);
  signal_slot_.reset();
}

AtomicFile::~AtomicFile() {
  if (stream_ || descriptor_ >= 0) discard();
}

void AtomicFile::commit() {
  bool written = std::fflush(stream_) == 0 && !std::ferror(stream_);
  int error = errno;
  if (written && descriptor_ >= 0 && ::fsync(descriptor_) != 0) {
    written = false;
    error = errno;
  }
  if (!written) {
    discard();
    throw failure(target_, "write failed", error);
  }
  const bool closed = std::fclose(stream_) == 0;
  error = errno;
  stream_ = nullptr;
  descriptor_ = -1;
  if (!closed) {
    discard();
    throw failure(target_, "write failed", error);
  }
  if (temporary_.empty()) return;
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) {
    error = errno;
    discard();
    throw failure(target_, "cannot replace", error);
  }
  if (signal_slot_) unregister_temporary(*signal_slot_);
  signal_slot_.reset();
  temporary_.clear();
  sync_folder(target_.parent_path());
}

}  // namespace kg
