#pragma once
// A statement as one byte string whose plain byte order is the order kgbuild writes graphs in:
// graph (the default graph first), subject, predicate, then the object (IRIs before literals),
// each field compared as a whole. Sorting, de-duplicating and merging graphs then need nothing but
// memcmp, and the records can be spilled to disk and read back as they are.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kgbuild/rdf.hpp"

namespace kg {

// Appends the record of `quad` to `out`. Fields end with a 0 byte; a 0 or 1 byte inside a value is
// escaped as 1,1 or 1,2, which keeps the byte order of the values.
void append_record(const QuadView& quad, std::string& out);

// The statement a record holds. Its views point into the record, or into `scratch` for a value
// that had to be unescaped; both must outlive the view.
QuadView decode_record(std::string_view record, std::vector<std::string>& scratch);

// Records of one article (or any batch), laid end to end: what a worker hands the sorter.
struct RecordBatch {
  std::string bytes;
  std::vector<std::uint32_t> ends;  // the end offset of each record in `bytes`

  void add(const QuadView& quad) {
    append_record(quad, bytes);
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
