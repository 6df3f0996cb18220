// The output file: written completely or not at all, through an exclusively created temporary
// file that nothing planted can redirect; an existing file keeps its permissions, a symbolic link
// keeps its target; nothing is left behind on error or on a signal.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kgbuild/output_file.hpp"
#include "support.hpp"

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using kg::test::TempDir;
using kg::test::slurp;

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

mode_t mode_of(const fs::path& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("an atomic file appears only on commit, complete", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.nt";
  {
    kg::AtomicFile file(target);
    REQUIRE(file.stream());
    std::fputs("<a:x> <a:y> <a:z> .\n", file.stream());
    std::fflush(file.stream());
    CHECK_FALSE(fs::exists(target));
    CHECK(entries(dir.path()).size() == 1);  // only the temporary beside it
    std::fputs("<a:x> <a:y> <a:w> .\n", file.stream());
    file.commit();
    CHECK(fs::exists(target));
    CHECK(slurp(target) == "<a:x> <a:y> <a:z> .\n<a:x> <a:y> <a:w> .\n");
    CHECK(entries(dir.path()) == std::vector<std::string>{"graph.nt"});
  }
  // Destroying a committed file changes nothing.
  CHECK(entries(dir.path()) == std::vector<std::string>{"graph.nt"});
}

TEST_CASE("an atomic file destroyed without commit leaves nothing", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.ttl";
  {
    kg::AtomicFile file(target);
    std::fputs("half a graph", file.stream());
  }
  CHECK_FALSE(fs::exists(target));
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("an existing file is replaced only on commit", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.ttl";
  std::ofstream(target) << "old content\n";
  {
    kg::AtomicFile file(target);
    std::fputs("abandoned\n", file.stream());
  }
  CHECK(slurp(target) == "old content\n");
  CHECK(entries(dir.path()) == std::vector<std::string>{"graph.ttl"});
  {
    kg::AtomicFile file(target);
    std::fputs("new content\n", file.stream());
    CHECK(slurp(target) == "old content\n");
    file.commit();
  }
  CHECK(slurp(target) == "new content\n");
  CHECK(entries(dir.path()) == std::vector<std::string>{"graph.ttl"});
}

TEST_CASE("an atomic file in a folder that does not exist is an error naming it", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "missing" / "graph.ttl";
  CHECK_THROWS_WITH(kg::AtomicFile(target), Contains(target.string()));
}

TEST_CASE("a file planted under the old predictable temporary name is never followed", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.nt";
  const fs::path victim = dir.path() / "victim.txt";
  std::ofstream(victim) << "precious\n";
  // Earlier versions wrote to TARGET.tmp-PID with fopen, following a symbolic link planted there.
  fs::create_symlink(victim, dir.path() / ("graph.nt.tmp-" + std::to_string(::getpid())));
  {
    kg::AtomicFile file(target);
    std::fputs("<a:x> <a:y> <a:z> .\n", file.stream());
    file.commit();
  }
  CHECK(slurp(victim) == "precious\n");
  CHECK(slurp(target) == "<a:x> <a:y> <a:z> .\n");
}

TEST_CASE("the temporary file is exclusive to its writer and hidden beside the target", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.nt";
  kg::AtomicFile first(target);
  kg::AtomicFile second(target);
  const auto names = entries(dir.path());
  REQUIRE(names.size() == 2);
  CHECK(names[0] != names[1]);
  for (const auto& name : names) CHECK(name.rfind(".graph.nt.kgbuild-", 0) == 0);
  CHECK(mode_of(dir.path() / names[0]) == mode_of(dir.path() / names[1]));
}

TEST_CASE("an existing output keeps its permissions", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "private.nt";
  std::ofstream(target) << "old\n";
  fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
  {
    kg::AtomicFile file(target);
    std::fputs("new\n", file.stream());
    file.commit();
  }
  CHECK(slurp(target) == "new\n");
  CHECK(mode_of(target) == 0600);
}

TEST_CASE("a new output gets the permissions the umask allows", "[atomic]") {
  const TempDir dir;
  const fs::path target = dir.path() / "new.nt";
  const mode_t previous = ::umask(022);
  {
    kg::AtomicFile file(target);
    file.commit();
  }
  ::umask(previous);
  CHECK(mode_of(target) == 0644);
}

TEST_CASE("an output that is a symbolic link stays one; the file it points to is replaced", "[atomic]") {
  const TempDir dir;
  fs::create_directories(dir.path() / "real");
  const fs::path real = dir.path() / "real" / "graph.nt";
  std::ofstream(real) << "old\n";
  const fs::path link = dir.path() / "graph.nt";
  fs::create_symlink(fs::path("real") / "graph.nt", link);
  {
    kg::AtomicFile file(link);
    std::fputs("new\n", file.stream());
    file.commit();
  }
  CHECK(fs::is_symlink(link));
  CHECK(slurp(real) == "new\n");
  CHECK(entries(dir.path() / "real") == std::vector<std::string>{"graph.nt"});
}

TEST_CASE("a signal removes the temporary file and ends the program as the signal does", "[atomic][signal]") {
  const TempDir dir;
  const fs::path target = dir.path() / "graph.nt";
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      // As in a plain program: the test framework's own handlers would report the signal instead.
      for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, SIG_DFL);
      kg::AtomicFile file(target);
      std::fputs("half a graph", file.stream());
      std::fflush(file.stream());
      std::raise(signal_number);
      ::_exit(0);  // not reached: the signal ends the process
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK(entries(dir.path()).empty());
  }
}
