#include "kgbuild/sorter.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <pthread.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <new>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kg {

namespace fs = std::filesystem;

fs::path default_temp_dir() {
  if (const char* dir = std::getenv("TMPDIR"); dir && *dir) return dir;
  return "/tmp";
}

namespace {

// Runs merged at once; more are merged in rounds, so open files stay few.
constexpr std::size_t kMaxFanIn = 64;
constexpr std::size_t kFileBuffer = std::size_t{1} << 18;

bool record_less(std::string_view a, std::string_view b) { return a < b; }  // bytes, as memcmp

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// A file with no name in `dir`: O_TMPFILE where the file system has it, else one made and
// unlinked at once (with signals held off in between, so none leaves it behind).
int unnamed_file(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) return fd;
  std::string pattern = (dir / "kgbuild-sort-XXXXXX").string();
  sigset_t all, previous;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &previous);
  const int made = ::mkstemp(pattern.data());
  const int saved = errno;
  if (made >= 0) ::unlink(pattern.c_str());
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  errno = saved;
  return made;
}

// A sorted run on disk, in a file with no name, so that it goes away with the process however
// that ends.
class Run {
 public:
  explicit Run(const fs::path& dir) {
    const int fd = unnamed_file(dir);
    if (fd < 0) throw std::runtime_error(dir.string() + ": cannot make a temporary file for sorting: " + std::strerror(errno));
    file_.reset(::fdopen(fd, "w+b"));
    if (!file_) {
      ::close(fd);
      throw std::runtime_error("cannot open a temporary file for sorting: " + std::string(std::strerror(errno)));
    }
    buffer_ = std::make_unique<char[]>(kFileBuffer);
    std::setvbuf(file_.get(), buffer_.get(), _IOFBF, kFileBuffer);
    dir_ = dir.string();
  }

  void write(std::string_view record) {
    const auto length = static_cast<std::uint32_t>(record.size());
    if (std::fwrite(&length, sizeof length, 1, file_.get()) != 1 ||
        std::fwrite(record.data(), 1, record.size(), file_.get()) != record.size())
      fail("write");
  }
  void rewind() {
    if (std::fflush(file_.get()) != 0) fail("write");
    std::rewind(file_.get());
  }
  // The next record into `out`; false at the end.
  bool read(std::string& out) {
    std::uint32_t length = 0;
    if (std::fread(&length, sizeof length, 1, file_.get()) != 1) {
      if (std::ferror(file_.get())) fail("read");
      return false;
    }
    out.resize(length);
    if (std::fread(out.data(), 1, length, file_.get()) != length) fail("read");
    return true;
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(dir_ + ": cannot " + what + " a temporary file for sorting: " + std::strerror(errno));
  }
  std::unique_ptr<char[]> buffer_;  // before file_: the stream, closed first, flushes through it
  FilePtr file_;
  std::string dir_;
};

// Merges sorted sources, each a function that yields a view of its next record (valid until it is
// called again), dropping repeats.
class Merger {
 public:
  using Source = std::function<bool(std::string_view&)>;
  explicit Merger(std::vector<Source> sources) : sources_(std::move(sources)), current_(sources_.size()) {
    for (std::size_t i = 0; i < sources_.size(); ++i)
      if (sources_[i](current_[i])) heap_.push(i);
  }
  void run(const RecordSink& sink) {
    std::string last;
    bool any = false;
    while (!heap_.empty()) {
      const std::size_t i = heap_.top();
      heap_.pop();
      if (!any || current_[i] != last) {
        sink(current_[i]);
        last.assign(current_[i]);
        any = true;
      }
      if (sources_[i](current_[i])) heap_.push(i);
    }
  }

 private:
  struct Later {
    const std::vector<std::string_view>* current;
    bool operator()(std::size_t a, std::size_t b) const { return (*current)[b] < (*current)[a]; }
  };
  std::vector<Source> sources_;
  std::vector<std::string_view> current_;
  std::priority_queue<std::size_t, std::vector<std::size_t>, Later> heap_{Later{&current_}};
};

// Memory for records, in large chunks mapped once and kept from one run to the next, with
// transparent huge pages asked for: the records of a run are touched once each when written and
// many times when sorted, and 4 KiB pages made that cost a page fault per 4 KiB and a TLB miss per
// comparison (one core was 20% slower than with huge pages).
class RecordArena {
 public:
  RecordArena() = default;
  RecordArena(const RecordArena&) = delete;
  RecordArena& operator=(const RecordArena&) = delete;
  ~RecordArena() {
    for (const Chunk& c : chunks_) ::munmap(c.data, c.size);
  }

  // A copy of `bytes` that stays put until reset().
  std::string_view keep(std::string_view bytes) {
    if (current_ == chunks_.size() || chunks_[current_].size - used_ < bytes.size()) next_chunk(bytes.size());
    char* at = chunks_[current_].data + used_;
    std::memcpy(at, bytes.data(), bytes.size());
    used_ += bytes.size();
    return {at, bytes.size()};
  }
  void reset() {
    current_ = 0;
    used_ = 0;
  }

 private:
  static constexpr std::size_t kChunk = std::size_t{32} << 20;
  struct Chunk {
    char* data;
    std::size_t size;
  };

  void next_chunk(std::size_t at_least) {
    if (current_ < chunks_.size()) ++current_;
    used_ = 0;
    while (current_ < chunks_.size() && chunks_[current_].size < at_least) ++current_;
    if (current_ < chunks_.size()) return;
    const std::size_t size = std::max(kChunk, at_least);
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data == MAP_FAILED) throw std::bad_alloc();
    ::madvise(data, size, MADV_HUGEPAGE);  // advice: where huge pages are off, it changes nothing
    chunks_.push_back(Chunk{static_cast<char*>(data), size});
    current_ = chunks_.size() - 1;
  }

  std::vector<Chunk> chunks_;
  std::size_t current_ = 0, used_ = 0;
};

}  // namespace

// Records are sorted a segment at a time as they come (while the threads that make them are still
// at work), and the sorted segments merged when a run is due.
constexpr std::size_t kSegmentRecords = std::size_t{1} << 16;
// Records added one by one gather in batches of about this size.
constexpr std::size_t kPendingBytes = std::size_t{1} << 20;

struct StatementSorter::Impl {
  SortOptions options;
  // Records are copied into the arena as they come, and the index points into it.
  // index[segment_ends.back() ..] is not sorted yet; each segment before it is.
  RecordArena arena;
  RecordBatch pending;
  std::vector<std::string_view> index;
  std::vector<std::size_t> segment_ends;
  std::size_t held = 0;  // bytes of records and index
  std::vector<std::unique_ptr<Run>> runs;

  fs::path temp_dir() const { return options.temp_dir.empty() ? default_temp_dir() : options.temp_dir; }
  std::size_t sorted_upto() const { return segment_ends.empty() ? 0 : segment_ends.back(); }

  void sort_tail() {
    if (index.size() == sorted_upto()) return;
    std::sort(index.begin() + static_cast<std::ptrdiff_t>(sorted_upto()), index.end(), record_less);
    segment_ends.push_back(index.size());
  }

  // Sorted and without repeats, to `sink`; memory is given back for the next records.
  void drain(const RecordSink& sink) {
    if (pending.size() > 0) keep_pending();
    sort_tail();
    std::vector<Merger::Source> sources;
    for (std::size_t i = 0, begin = 0; i < segment_ends.size(); begin = segment_ends[i++])
      sources.emplace_back([this, at = begin, end = segment_ends[i]](std::string_view& out) mutable {
        if (at == end) return false;
        out = index[at++];
        return true;
      });
    if (sources.size() == 1) {
      std::string_view last;
      for (std::size_t i = 0; i < index.size(); ++i) {
        if (i > 0 && index[i] == last) continue;
        sink(index[i]);
        last = index[i];
      }
    } else {
      Merger(std::move(sources)).run(sink);
    }
    index.clear();
    segment_ends.clear();
    arena.reset();
    held = 0;
  }

  void spill() {
    auto run = std::make_unique<Run>(temp_dir());
    drain([&](std::string_view record) { run->write(record); });
    run->rewind();
    runs.push_back(std::move(run));
  }

  void keep(const RecordBatch& batch) {
    const std::size_t bytes = batch.bytes.size() + batch.size() * sizeof(std::string_view);
    if (held > 0 && held + bytes > options.memory) spill();
    held += bytes;
    const std::string_view kept = arena.keep(batch.bytes);
    for (std::size_t i = 0, begin = 0; i < batch.size(); begin = batch.ends[i++])
      index.push_back(kept.substr(begin, batch.ends[i] - begin));
    if (index.size() - sorted_upto() >= kSegmentRecords) sort_tail();
  }

  void add(std::string_view record) {
    pending.add_record(record);
    if (pending.bytes.size() >= std::min(kPendingBytes, options.memory / 4 + 1)) keep_pending();
  }

  void keep_pending() {
    // Emptied before keep(), whose spill drains what is pending; its memory is used again after.
    RecordBatch batch = std::exchange(pending, RecordBatch{});
    keep(batch);
    batch.bytes.clear();
    batch.ends.clear();
    pending = std::move(batch);
  }

  // Merges runs in rounds until few enough remain to merge at once.
  void reduce_runs() {
    while (runs.size() > kMaxFanIn) {
      std::vector<std::unique_ptr<Run>> group;
      for (std::size_t i = 0; i < kMaxFanIn; ++i) group.push_back(std::move(runs[i]));
      runs.erase(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(kMaxFanIn));
      auto merged = std::make_unique<Run>(temp_dir());
      Merger(sources_of(group)).run([&](std::string_view record) { merged->write(record); });
      merged->rewind();
      runs.push_back(std::move(merged));
    }
  }

  static std::vector<Merger::Source> sources_of(std::vector<std::unique_ptr<Run>>& group) {
    std::vector<Merger::Source> sources;
    for (auto& run : group)
      sources.emplace_back([r = run.get(), buffer = std::string()](std::string_view& out) mutable {
        if (!r->read(buffer)) return false;
        out = buffer;
        return true;
      });
    return sources;
  }
};

StatementSorter::StatementSorter(SortOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }
StatementSorter::~StatementSorter() = default;

void StatementSorter::add(std::string_view record) { impl_->add(record); }

void StatementSorter::add(const RecordBatch& batch) { impl_->keep(batch); }

std::size_t StatementSorter::runs() const { return impl_->runs.size(); }

void StatementSorter::finish(const RecordSink& sink) {
  Impl& s = *impl_;
  if (s.runs.empty()) {  // everything fitted in memory: no file at all
    s.drain(sink);
    return;
  }
  if (s.held > 0 || s.pending.size() > 0) s.spill();
  s.reduce_runs();
  Merger(Impl::sources_of(s.runs)).run(sink);
  s.runs.clear();
}

}  // namespace kg
