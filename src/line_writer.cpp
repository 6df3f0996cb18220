#include "line_writer.hpp"

#include <cstdint>
#include <algorithm>
#include <cstdio>

namespace kg {

namespace {

// How many bytes a character starting with `lead` has, as Serd counts them (0: not a start).
std::size_t utf8_length(std::uint8_t lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xC0) return 0;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 0;
}

void append_u_escape(std::uint8_t byte, std::string& out) {
  char escape[8];
  std::snprintf(escape, sizeof escape, "\\u%04X", byte);
  out.append(escape, 6);
}

// Bytes that end a run written as it is, one table per context: a look-up per byte, where the
// writer spends most of its time on long runs of plain text.
struct SpecialBytes {
  bool iri[256] = {};
  bool text[256] = {};
  constexpr SpecialBytes() {
    for (int c = 0; c < 256; ++c) {
      const bool outside = c < 0x20 || c > 0x7E;
      iri[c] = outside || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
               c == '{' || c == '|' || c == '}';
      text[c] = outside || c == '\\' || c == '"';
    }
  }
};
constexpr SpecialBytes kSpecial;

void append_iri(std::string_view iri, std::string& out) {
  out += '<';
  const auto* utf8 = reinterpret_cast<const std::uint8_t*>(iri.data());
  const std::size_t n = iri.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && !kSpecial.iri[utf8[j]]) ++j;
    out.append(iri.substr(i, j - i));
    if ((i = j) == n) break;
    const std::size_t size = utf8_length(utf8[i]);
    if (size == 1) {
      append_u_escape(utf8[i++], out);
    } else if (size > 1) {  // a character beyond ASCII, written as it is
      const std::size_t end = std::min(n, i + size);
      out.append(iri.substr(i, end - i));
      i = end;
    } else {  // not UTF-8: the bytes percent-encoded, as Serd does
      for (; i < n && (utf8[i] & 0x80); ++i) {
        char escape[4];
        std::snprintf(escape, sizeof escape, "%%%02X", utf8[i]);
        out.append(escape, 3);
      }
    }
  }
  out += '>';
}

void append_text(std::string_view text, std::string& out) {
  out += '"';
  const auto* utf8 = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && !kSpecial.text[utf8[j]]) ++j;
    out.append(text.substr(i, j - i));
    if ((i = j) == n) break;
    const std::uint8_t in = utf8[i++];
    switch (in) {
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '"': out += "\\\""; continue;
      default: break;
    }
    const std::size_t size = utf8_length(in);
    if (size == 1) {
      append_u_escape(in, out);
    } else if (size > 1) {
      const std::size_t begin = i - 1, end = std::min(n, begin + size);
      out.append(text.substr(begin, end - begin));
      i = end;
    } else {  // not UTF-8: a replacement character, and on to the next start
      out += "\xEF\xBF\xBD";
      while (i < n && (utf8[i] & 0x80)) ++i;
    }
  }
  out += '"';
}

}  // namespace

void append_line(const QuadView& q, bool with_graph, std::string& out) {
  append_iri(q.subject.value, out);
  out += ' ';
  append_iri(q.predicate.value, out);
  out += ' ';
  if (q.object.kind == Term::Kind::iri) {
    append_iri(q.object.value, out);
  } else {
    append_text(q.object.value, out);
    if (!q.object.datatype.empty()) {
      out += "^^";
      append_iri(q.object.datatype, out);
    }
  }
  if (with_graph && !q.graph.empty()) {
    out += ' ';
    append_iri(q.graph, out);
  }
  out += " .\n";
}

}  // namespace kg
