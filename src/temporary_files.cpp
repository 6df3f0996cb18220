#include "temporary_files.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <mutex>

namespace kg {

namespace {

// A signal handler may only call async-signal-safe functions: the paths live in fixed buffers
// and a slot is published by an atomic flag after its path is written.
struct Slot {
  std::atomic<bool> used{false};
  char path[PATH_MAX] = {};
};

constexpr std::size_t kSlots = 16;
std::array<Slot, kSlots> slots;
std::mutex registering;

constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};
std::array<struct sigaction, kSignals.size()> previous_actions{};

extern "C" void remove_temporaries_and_reraise(int signal_number) {
  const int saved_errno = errno;  // a previous handler that returns resumes the program as it was
  for (auto& slot : slots)
    if (slot.used.load()) ::unlink(slot.path);
  // Then whatever was there before runs (the default action ends the program by the signal).
  for (std::size_t i = 0; i < kSignals.size(); ++i)
    if (kSignals[i] == signal_number) sigaction(signal_number, &previous_actions[i], nullptr);
  std::raise(signal_number);
  errno = saved_errno;
}

// Checked at every registration, not once: a host program (or a test framework) may have set its
// own handler since; it is kept and called after the files are removed.
void install_handlers() {
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    struct sigaction current {};
    sigaction(kSignals[i], nullptr, &current);
    if (current.sa_handler == SIG_IGN) continue;  // a run under nohup stays immune to SIGHUP
    if (current.sa_handler == remove_temporaries_and_reraise) continue;
    previous_actions[i] = current;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_reraise;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(kSignals[i], &action, nullptr);
  }
}

}  // namespace

std::optional<std::size_t> register_temporary(const char* path) {
  if (std::strlen(path) >= PATH_MAX) return std::nullopt;
  const std::lock_guard lock(registering);
  install_handlers();
  for (std::size_t i = 0; i < kSlots; ++i) {
    if (slots[i].used.load()) continue;
    std::strcpy(slots[i].path, path);
    slots[i].used.store(true);
    return i;
  }
  return std::nullopt;
}

void unregister_temporary(std::size_t slot) {
  if (slot < kSlots) slots[slot].used.store(false);
}

}  // namespace kg
