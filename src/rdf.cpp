#include "kgbuild/rdf.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cctype>

namespace kg {

namespace {

bool is_scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Characters a URI (or, beyond ASCII, an IRI) may hold outside escapes: RFC 3986's unreserved,
// reserved and '%', and every non-ASCII byte; never controls, spaces or <>"{}|\^`.
bool is_uri_char(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= 0x80) return true;
  if (b <= 0x20 || b == 0x7F) return false;
  return std::string_view("<>\"{}|\\^`").find(c) == std::string_view::npos;
}

// "[::1]", "[::1]:8080": a bracketed host must close, and only a port may follow it.
bool valid_authority(std::string_view authority) {
  const auto at = authority.rfind('@');
  if (at != std::string_view::npos && authority.substr(0, at).find_first_of("[]") != std::string_view::npos) return false;
  const std::string_view host_port = at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view port;
  if (!host_port.empty() && host_port.front() == '[') {
    const auto close = host_port.find(']');
    if (close == std::string_view::npos) return false;
    // An IPv6 address: hex digits, colons and (for an embedded IPv4 part) dots.
    const std::string_view address = host_port.substr(1, close - 1);
    if (address.find(':') == std::string_view::npos ||
        address.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos)
      return false;
    const std::string_view after = host_port.substr(close + 1);
    if (!after.empty() && after.front() != ':') return false;
    port = after.empty() ? after : after.substr(1);
  } else {
    if (host_port.find_first_of("[]") != std::string_view::npos) return false;
    const auto colon = host_port.find(':');
    if (colon != std::string_view::npos) port = host_port.substr(colon + 1);  // "h:80:90" has no port "80:90"
  }
  return std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_absolute_uri(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  if (!std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), is_scheme_char)) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!is_uri_char(text[i])) return false;
    // C1 controls (U+0080 to U+009F) are no IRI characters either.
    if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0)
      return false;
    if (text[i] == '%' && (i + 2 >= text.size() || !is_hex(text[i + 1]) || !is_hex(text[i + 2]))) return false;
  }
  const std::string_view rest = text.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return rest.find_first_of("[]") == std::string_view::npos;
  const std::string_view after_slashes = rest.substr(2);
  const auto authority_end = after_slashes.find_first_of("/?#");
  if (!valid_authority(after_slashes.substr(0, authority_end))) return false;
  const std::string_view tail = authority_end == std::string_view::npos ? std::string_view() : after_slashes.substr(authority_end);
  // Brackets belong to the host alone; a fragment is the last part.
  const auto hash = tail.find('#');
  return tail.substr(0, hash).find_first_of("[]") == std::string_view::npos &&
         (hash == std::string_view::npos || tail.find('#', hash + 1) == std::string_view::npos);
}

std::string iri_segment(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '~';
    if (unreserved) { out += ch; continue; }
    if (c == ' ') { out += '_'; continue; }
    out += '%';
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  // "." and ".." are dot segments: a reader resolves ".../doc/.." to the base itself.
  if (out == ".") return "%2E";
  if (out == "..") return "%2E%2E";
  return out;
}

std::string content_hash(std::string_view text) {
  const XXH128_hash_t h = XXH3_128bits(text.data(), text.size());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out(32, '0');
  std::uint64_t high = h.high64, low = h.low64;
  for (int i = 31; i >= 16; --i, low >>= 4) out[static_cast<std::size_t>(i)] = hex[low & 15];
  for (int i = 15; i >= 0; --i, high >>= 4) out[static_cast<std::size_t>(i)] = hex[high & 15];
  return out;
}

}  // namespace kg
