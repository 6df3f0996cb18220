#pragma once
// Numbers by (scope, word): the look-ups made for every token (a word's id in a rule pack, the next
// node of a phrase trie). Open addressing over one array of slots, the words end to end in one
// buffer: a look-up hashes the word once (XXH3, seeded by the scope) and touches one slot, rarely
// two, where std::unordered_map chases a node pointer and compares keys on the way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class KeyedIds {
 public:
  // The id of (scope, word); `make_id` (called once, when the pair is new) gives it otherwise.
  template <class MakeId>
  std::uint32_t intern(std::uint32_t scope, std::string_view word, MakeId&& make_id) {
    if (const auto found = find(scope, word)) return *found;
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    const std::uint32_t id = make_id();
    place(Slot{hash(scope, word), scope, static_cast<std::uint32_t>(words_.size()), static_cast<std::uint32_t>(word.size()), id, true});
    words_.append(word);
    ++count_;
    return id;
  }
  std::optional<std::uint32_t> find(std::uint32_t scope, std::string_view word) const;
  std::size_t size() const { return count_; }
  // Calls f(scope, word, id) for every entry.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.used) f(s.scope, std::string_view(words_).substr(s.word_offset, s.word_length), s.id);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t scope = 0, word_offset = 0, word_length = 0, id = 0;
    bool used = false;
  };
  static std::uint64_t hash(std::uint32_t scope, std::string_view word);
  void place(const Slot& slot);
  void grow();

  std::vector<Slot> slots_;
  std::string words_;
  std::size_t count_ = 0;
};

}  // namespace kg
