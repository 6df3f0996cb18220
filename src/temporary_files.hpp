#pragma once
// Internal: temporary files that a signal must not leave behind. SIGINT, SIGTERM and SIGHUP
// remove every registered file, then end the program as the signal would have.
#include <cstddef>
#include <optional>

namespace kg {

// Registers a path (copied); returns its slot, or nullopt when every slot is taken (the file is
// then still removed on error and on exit, only not on a signal).
std::optional<std::size_t> register_temporary(const char* path);
void unregister_temporary(std::size_t slot);

}  // namespace kg
