// UTF-8 validation and code-point counting: invalid sequences are reported at the byte offset of
// their first byte, valid boundary code points are accepted, counts are in code points.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "kgbuild/utf8.hpp"

namespace {

using kg::count_code_points;
using kg::find_invalid_utf8;

std::string bytes(std::initializer_list<unsigned char> list) {
  std::string out;
  for (unsigned char c : list) out += static_cast<char>(c);
  return out;
}

struct BadCase {
  const char* what;
  std::string text;
  std::size_t offset;
  unsigned char byte;
};

}  // namespace

TEST_CASE("valid UTF-8 is accepted", "[utf8]") {
  CHECK_FALSE(find_invalid_utf8(""));
  CHECK_FALSE(find_invalid_utf8("plain ASCII text that is longer than one chunk of eight bytes"));
  CHECK_FALSE(find_invalid_utf8("Société Générale, Zürich, Ærø"));
  CHECK_FALSE(find_invalid_utf8("東京の会社 and a rocket \xF0\x9F\x9A\x80 emoji"));
  // Boundaries of each sequence length and around the surrogate block.
  CHECK_FALSE(find_invalid_utf8(bytes({0x7F})));                    // U+007F
  CHECK_FALSE(find_invalid_utf8(bytes({0xC2, 0x80})));              // U+0080
  CHECK_FALSE(find_invalid_utf8(bytes({0xDF, 0xBF})));              // U+07FF
  CHECK_FALSE(find_invalid_utf8(bytes({0xE0, 0xA0, 0x80})));        // U+0800
  CHECK_FALSE(find_invalid_utf8(bytes({0xED, 0x9F, 0xBF})));        // U+D7FF
  CHECK_FALSE(find_invalid_utf8(bytes({0xEE, 0x80, 0x80})));        // U+E000
  CHECK_FALSE(find_invalid_utf8(bytes({0xEF, 0xBF, 0xBF})));        // U+FFFF
  CHECK_FALSE(find_invalid_utf8(bytes({0xF0, 0x90, 0x80, 0x80})));  // U+10000
  CHECK_FALSE(find_invalid_utf8(bytes({0xF4, 0x8F, 0xBF, 0xBF})));  // U+10FFFF
}

TEST_CASE("invalid sequences are found at the offset of their first byte", "[utf8]") {
  const BadCase cases[] = {
      {"lone continuation byte", "ab" + bytes({0x80}) + "cd", 2, 0x80},
      {"overlong two-byte '/'", "x" + bytes({0xC0, 0xAF}), 1, 0xC0},
      {"overlong two-byte (C1)", bytes({0xC1, 0xBF}), 0, 0xC1},
      {"overlong three-byte", "ok " + bytes({0xE0, 0x80, 0xAF}), 3, 0xE0},
      {"overlong three-byte just below U+0800", bytes({0xE0, 0x9F, 0xBF}), 0, 0xE0},
      {"overlong four-byte", "abc" + bytes({0xF0, 0x80, 0x80, 0xAF}), 3, 0xF0},
      {"overlong four-byte just below U+10000", bytes({0xF0, 0x8F, 0xBF, 0xBF}), 0, 0xF0},
      {"high surrogate U+D800", "é" + bytes({0xED, 0xA0, 0x80}), 2, 0xED},
      {"low surrogate U+DFFF", bytes({0xED, 0xBF, 0xBF}) + "z", 0, 0xED},
      {"above U+10FFFF (F4 90)", "n" + bytes({0xF4, 0x90, 0x80, 0x80}), 1, 0xF4},
      {"above U+10FFFF (F5 lead)", bytes({0xF5, 0x80, 0x80, 0x80}), 0, 0xF5},
      {"FF is never UTF-8", "12345" + bytes({0xFF}), 5, 0xFF},
      {"truncated at the end of the text", "euro " + bytes({0xE2, 0x82}), 5, 0xE2},
      {"truncated four-byte at the end", bytes({0xF0, 0x9F, 0x9A}), 0, 0xF0},
      {"truncated by an ASCII byte", bytes({0xE2, 0x82}) + "A", 0, 0xE2},
      {"second byte not a continuation", bytes({0xC3}) + "(", 0, 0xC3},
      {"third byte not a continuation", "ab" + bytes({0xE2, 0x82, 0x41}), 2, 0xE2},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const auto bad = find_invalid_utf8(c.text);
    REQUIRE(bad);
    CHECK(bad->offset == c.offset);
    CHECK(static_cast<int>(bad->byte) == static_cast<int>(c.byte));
  }
}

TEST_CASE("the first of several errors is reported, after long ASCII runs", "[utf8]") {
  // The ASCII fast path reads eight bytes at a time: put errors on and around chunk boundaries.
  for (std::size_t prefix : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 17u, 63u, 64u}) {
    INFO("ASCII prefix of " << prefix << " bytes");
    const std::string text = std::string(prefix, 'a') + bytes({0xC0, 0x80}) + "tail" + bytes({0xFF});
    const auto bad = find_invalid_utf8(text);
    REQUIRE(bad);
    CHECK(bad->offset == prefix);
  }
  // Valid multi-byte text before the error shifts the offset by its bytes, not its characters.
  const std::string text = "Café Ørsted 日本 " + bytes({0xED, 0xA0, 0x80});
  const auto bad = find_invalid_utf8(text);
  REQUIRE(bad);
  CHECK(bad->offset == std::string("Café Ørsted 日本 ").size());
}

TEST_CASE("code points are counted, not bytes", "[utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("OpenAI") == 6);
  CHECK(count_code_points("é") == 1);
  CHECK(count_code_points("Société") == 7);
  CHECK(count_code_points("日本語") == 3);
  CHECK(count_code_points("\xF0\x9F\x9A\x80") == 1);                // one emoji, four bytes
  CHECK(count_code_points("e\xCC\x81") == 2);                       // e + combining acute: two code points
  CHECK(count_code_points("a\xF0\x9F\x98\x80 b\xC3\xA9") == 5);     // a, emoji, space, b, é
  CHECK(count_code_points(std::string(1000, 'x')) == 1000);
}
