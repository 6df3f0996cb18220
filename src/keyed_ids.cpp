#include "kgbuild/keyed_ids.hpp"

#include <xxhash.h>

namespace kg {

std::uint64_t KeyedIds::hash(std::uint32_t scope, std::string_view word) {
  return XXH3_64bits_withSeed(word.data(), word.size(), scope);
}

std::optional<std::uint32_t> KeyedIds::find(std::uint32_t scope, std::string_view word) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t h = hash(scope, word);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.used) return std::nullopt;
    if (s.hash == h && s.scope == scope && std::string_view(words_).substr(s.word_offset, s.word_length) == word) return s.id;
  }
}

void KeyedIds::place(const Slot& slot) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = slot.hash & mask;
  while (slots_[i].used) i = (i + 1) & mask;
  slots_[i] = slot;
}

void KeyedIds::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});  // a power of two: the mask is size - 1
  for (const Slot& s : old)
    if (s.used) place(s);
}

}  // namespace kg
