#include "kgbuild/canonical.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "kgbuild/ordered_pool.hpp"
#include "kgbuild/vocab.hpp"

namespace kg {

std::optional<int> entity_type_rank(std::string_view class_iri) {
  if (class_iri == vocab::Country) return 3;
  if (class_iri == vocab::Person) return 2;
  if (class_iri == vocab::Product) return 1;
  if (class_iri == vocab::Organization) return 0;
  return std::nullopt;
}

namespace {

const std::string kRdfType = std::string(ns::rdf) + "type";

// Passes sorted statements on, keeping of a subject's entity types only the highest ranked. A
// subject's types arrive together (same graph, subject and predicate), so one is held at a time.
class TypeSettler {
 public:
  explicit TypeSettler(QuadWriter& writer) : writer_(writer) {}

  void write(const QuadView& q) {
    if (held_ && !same_run(q)) release();
    const auto rank = q.predicate.value == kRdfType && q.object.kind == Term::Kind::iri
                          ? entity_type_rank(q.object.value) : std::nullopt;
    if (!rank) {
      writer_.write(q);
      ++written_;
      return;
    }
    if (held_ && *rank <= held_rank_) return;
    held_ = q.quad();
    held_rank_ = *rank;
  }

  void finish() {
    if (held_) release();
  }
  std::size_t written() const { return written_; }

 private:
  bool same_run(const QuadView& q) const {
    return q.graph == held_->graph && q.subject.value == held_->subject.value && q.predicate.value == held_->predicate.value;
  }
  void release() {
    writer_.write(*held_);
    ++written_;
    held_.reset();
  }

  QuadWriter& writer_;
  std::optional<Quad> held_;
  int held_rank_ = 0;
  std::size_t written_ = 0;
};

// The sorted statements are written in blocks of whole subjects, each by a writer of its own (only
// the first declares the prefixes), so that blocks can be written on several threads. Where blocks
// end depends on the statements alone: the bytes are the same for any number of threads.
constexpr std::size_t kBlockRecords = 16384;

// graph and subject: the part of a record that a block never splits.
std::string_view subject_key(std::string_view record) {
  const std::size_t graph_end = record.find('\0');
  return record.substr(0, record.find('\0', graph_end + 1));
}

struct WrittenBlock {
  std::string text;
  std::size_t statements = 0;
};

struct NoState {};

WrittenBlock write_block(const RecordBatch& block, bool first, Syntax syntax, const Prefixes& prefixes,
                         const RecordCodec& codec) {
  WrittenBlock out;
  QuadWriter writer(out.text, syntax, prefixes, first);
  TypeSettler settler(writer);
  RecordScratch scratch;
  for (std::size_t i = 0; i < block.size(); ++i) settler.write(codec.decode(block.record(i), scratch));
  settler.finish();
  writer.finish();
  out.statements = settler.written();
  return out;
}

}  // namespace

struct CanonicalWriter::Impl {
  Impl(std::FILE* s, Syntax x, Prefixes p, SortOptions sort, std::size_t t)
      : stream(s), syntax(x), prefixes(std::move(p)), codec(prefixes), sorter(std::move(sort)), threads(t ? t : 1) {}
  std::FILE* stream;
  Syntax syntax;
  Prefixes prefixes;
  RecordCodec codec;
  StatementSorter sorter;
  std::size_t threads;
  std::string record;
};

CanonicalWriter::CanonicalWriter(std::FILE* stream, Syntax syntax, const Prefixes& prefixes, SortOptions sort, std::size_t threads)
    : impl_(std::make_unique<Impl>(stream, syntax, prefixes, std::move(sort), threads)) {}
CanonicalWriter::~CanonicalWriter() = default;

void CanonicalWriter::add(const QuadView& quad) {
  impl_->record.clear();
  if (has_graphs(impl_->syntax) || quad.graph.empty()) {
    impl_->codec.append(quad, impl_->record);
  } else {  // a syntax without graphs: the statement is in the one graph written
    QuadView flat = quad;
    flat.graph = {};
    impl_->codec.append(flat, impl_->record);
  }
  impl_->sorter.add(impl_->record);
}

const RecordCodec& CanonicalWriter::codec() const { return impl_->codec; }

void CanonicalWriter::add(const RecordBatch& batch) { impl_->sorter.add(batch); }

std::size_t CanonicalWriter::finish() {
  Impl& w = *impl_;
  std::size_t statements = 0;
  OrderedPool<NoState, WrittenBlock> pool(w.threads, w.threads * 2, [&](WrittenBlock&& block) {
    if (std::fwrite(block.text.data(), 1, block.text.size(), w.stream) != block.text.size())
      throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
    statements += block.statements;
  });
  RecordBatch block;
  bool first = true;
  const auto submit = [&] {
    pool.submit([&w, first, block = std::move(block)](NoState&) { return write_block(block, first, w.syntax, w.prefixes, w.codec); });
    block = RecordBatch{};
    first = false;
  };
  w.sorter.finish([&](std::string_view record) {
    if (block.size() >= kBlockRecords && subject_key(record) != subject_key(block.record(block.size() - 1))) submit();
    block.add_record(record);
  });
  if (block.size() > 0 || first) submit();  // an empty graph still declares its prefixes
  pool.finish();
  if (std::fflush(w.stream) != 0 || std::ferror(w.stream))
    throw std::runtime_error(std::string("write failed: ") + std::strerror(errno));
  return statements;
}

}  // namespace kg
