#pragma once
// A statement as one byte string whose byte order is the order kgbuild writes graphs in: graph
// (the default graph first), subject, predicate, then the object (IRIs before literals), each
// field compared as a whole. Sorting, de-duplicating and merging graphs then need nothing but
// memcmp, and the records can be spilled to disk and read back as they are.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgbuild/rdf.hpp"

namespace kg {

// Where decoded values that are not plain slices of the record are kept, reused record to record.
struct RecordScratch {
  std::array<std::string, 5> fields;
};

// Writes statements as records and reads them back. An IRI that starts with one of the codec's
// namespaces is written as a two-byte code and the rest: records are about half as long, so more
// fit in memory and they compare faster. The order is then by code, not by the namespace's text:
// still one fixed order, the same wherever the same namespaces are used (extract and merge take
// them from the same --base).
class RecordCodec {
 public:
  RecordCodec() = default;  // no namespaces: plain byte order of the values
  explicit RecordCodec(const Prefixes& prefixes);

  void append(const QuadView& quad, std::string& out) const;
  // The statement a record holds; views point into the record or into `scratch`.
  QuadView decode(std::string_view record, RecordScratch& scratch) const;

 private:
  void append_iri(std::string_view iri, std::string& out) const;
  std::vector<std::string> namespaces_;  // a code is an index here, longest namespaces first
};

// Records of one article (or any batch), laid end to end: what a worker hands the sorter.
struct RecordBatch {
  std::string bytes;
  std::vector<std::uint32_t> ends;  // the end offset of each record in `bytes`

  void add(const QuadView& quad, const RecordCodec& codec) {
    codec.append(quad, bytes);
    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
  }
  void add_record(std::string_view record) {
    bytes.append(record);
    ends.push_back(static_cast<std::uint32_t>(bytes.size()));
  }
  std::size_t size() const { return ends.size(); }
  std::string_view record(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(bytes).substr(begin, ends[i] - begin);
  }
};

}  // namespace kg
