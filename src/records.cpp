#include "kgbuild/records.hpp"

#include <stdexcept>

namespace kg {

namespace {

constexpr char kEnd = '\0';
constexpr char kEscape = '\1';
constexpr char kIri = 'I';
constexpr char kLiteral = 'L';

void append_field(std::string_view value, std::string& out) {
  for (std::size_t begin = 0;;) {
    std::size_t special = begin;
    while (special < value.size() && static_cast<unsigned char>(value[special]) > 1) ++special;
    out.append(value.substr(begin, special - begin));
    if (special == value.size()) break;
    out += kEscape;
    out += static_cast<char>(value[special] + 1);  // 0 -> 1, 1 -> 2
    begin = special + 1;
  }
  out += kEnd;
}

// The next field of `record` from `pos`, unescaped into scratch only when it holds an escape.
std::string_view next_field(std::string_view record, std::size_t& pos, std::vector<std::string>& scratch) {
  const std::size_t end = record.find(kEnd, pos);
  if (end == std::string_view::npos) throw std::logic_error("a statement record without its field ends");
  const std::string_view raw = record.substr(pos, end - pos);
  pos = end + 1;
  if (raw.find(kEscape) == std::string_view::npos) return raw;
  std::string& value = scratch.emplace_back();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == kEscape && i + 1 < raw.size()) value += static_cast<char>(raw[++i] - 1);
    else value += raw[i];
  }
  return value;
}

}  // namespace

void append_record(const QuadView& q, std::string& out) {
  append_field(q.graph, out);
  append_field(q.subject.value, out);
  append_field(q.predicate.value, out);
  out += q.object.kind == Term::Kind::iri ? kIri : kLiteral;
  append_field(q.object.value, out);
  append_field(q.object.datatype, out);
}

QuadView decode_record(std::string_view record, std::vector<std::string>& scratch) {
  // Values that are unescaped are appended to scratch: reserve first so earlier views stay valid.
  scratch.clear();
  scratch.reserve(5);
  std::size_t pos = 0;
  const std::string_view graph = next_field(record, pos, scratch);
  const std::string_view subject = next_field(record, pos, scratch);
  const std::string_view predicate = next_field(record, pos, scratch);
  if (pos >= record.size()) throw std::logic_error("a statement record without its object");
  const Term::Kind kind = record[pos++] == kIri ? Term::Kind::iri : Term::Kind::literal;
  const std::string_view object = next_field(record, pos, scratch);
  const std::string_view datatype = next_field(record, pos, scratch);
  return QuadView{TermView::iri(subject), TermView::iri(predicate), TermView(kind, object, datatype), graph};
}

}  // namespace kg
