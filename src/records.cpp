#include "kgbuild/records.hpp"

#include <algorithm>
#include <stdexcept>

namespace kg {

namespace {

// Field ends are 0 bytes; bytes 0, 1 and 2 inside a value are escaped as 1 followed by 1, 2 or 3,
// which keeps the order of the values; a field that starts with a raw 2 is a namespace code.
constexpr char kEnd = '\0';
constexpr char kEscape = '\1';
constexpr char kCode = '\2';
constexpr char kIri = 'I';
constexpr char kLiteral = 'L';

void append_escaped(std::string_view value, std::string& out) {
  for (std::size_t begin = 0;;) {
    std::size_t special = begin;
    while (special < value.size() && static_cast<unsigned char>(value[special]) > 2) ++special;
    out.append(value.substr(begin, special - begin));
    if (special == value.size()) return;
    out += kEscape;
    out += static_cast<char>(value[special] + 1);
    begin = special + 1;
  }
}

void append_field(std::string_view value, std::string& out) {
  append_escaped(value, out);
  out += kEnd;
}

}  // namespace

RecordCodec::RecordCodec(const Prefixes& prefixes) {
  for (const auto& [name, iri] : prefixes)
    if (!iri.empty()) namespaces_.push_back(iri);
  // Longest first, so the first match is the longest; then by text, so codes do not depend on the
  // order the prefixes were listed in.
  std::sort(namespaces_.begin(), namespaces_.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  namespaces_.erase(std::unique(namespaces_.begin(), namespaces_.end()), namespaces_.end());
  if (namespaces_.size() > 250) namespaces_.resize(250);  // a code is one byte, never 0
}

void RecordCodec::append_iri(std::string_view iri, std::string& out) const {
  for (std::size_t i = 0; i < namespaces_.size(); ++i) {
    const std::string& ns = namespaces_[i];
    if (iri.size() < ns.size() || iri.compare(0, ns.size(), ns) != 0) continue;
    out += kCode;
    out += static_cast<char>(i + 1);
    append_field(iri.substr(ns.size()), out);
    return;
  }
  append_field(iri, out);
}

void RecordCodec::append(const QuadView& q, std::string& out) const {
  append_iri(q.graph, out);
  append_iri(q.subject.value, out);
  append_iri(q.predicate.value, out);
  if (q.object.kind == Term::Kind::iri) {
    out += kIri;
    append_iri(q.object.value, out);
  } else {
    out += kLiteral;
    append_field(q.object.value, out);
  }
  append_iri(q.object.datatype, out);
}

namespace {

// The next field of `record` from `pos`: a slice of the record when it holds no code or escape,
// else rebuilt in `buffer`.
std::string_view next_field(std::string_view record, std::size_t& pos, const std::vector<std::string>& namespaces,
                            std::string& buffer) {
  std::string_view prefix;
  if (pos + 1 < record.size() && record[pos] == kCode) {
    const auto code = static_cast<unsigned char>(record[pos + 1]);
    if (code == 0 || code > namespaces.size()) throw std::logic_error("a statement record with an unknown namespace code");
    prefix = namespaces[code - 1];
    pos += 2;
  }
  const std::size_t end = record.find(kEnd, pos);
  if (end == std::string_view::npos) throw std::logic_error("a statement record without its field ends");
  const std::string_view raw = record.substr(pos, end - pos);
  pos = end + 1;
  const bool escaped = raw.find(kEscape) != std::string_view::npos;
  if (prefix.empty() && !escaped) return raw;
  buffer.assign(prefix);
  if (!escaped) return buffer.append(raw);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == kEscape && i + 1 < raw.size()) buffer += static_cast<char>(raw[++i] - 1);
    else buffer += raw[i];
  }
  return buffer;
}

}  // namespace

QuadView RecordCodec::decode(std::string_view record, RecordScratch& scratch) const {
  std::size_t pos = 0;
  const std::string_view graph = next_field(record, pos, namespaces_, scratch.fields[0]);
  const std::string_view subject = next_field(record, pos, namespaces_, scratch.fields[1]);
  const std::string_view predicate = next_field(record, pos, namespaces_, scratch.fields[2]);
  if (pos >= record.size()) throw std::logic_error("a statement record without its object");
  const Term::Kind kind = record[pos++] == kIri ? Term::Kind::iri : Term::Kind::literal;
  const std::string_view object = next_field(record, pos, namespaces_, scratch.fields[3]);
  const std::string_view datatype = next_field(record, pos, namespaces_, scratch.fields[4]);
  return QuadView{TermView::iri(subject), TermView::iri(predicate), TermView(kind, object, datatype), graph};
}

}  // namespace kg
