#include "kgbuild/input.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <sstream>

#include "kgbuild/rdf.hpp"
#include "kgbuild/utf8.hpp"

namespace kg {

namespace fs = std::filesystem;

InputError::InputError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(file + (line ? ":" + std::to_string(line) : std::string()) + ": " + message),
      file_(std::move(file)),
      line_(line) {}

namespace {

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

void check_utf8(std::string_view text, const std::string& file, std::size_t first_line) {
  const auto bad = find_invalid_utf8(text);
  if (!bad) return;
  const std::size_t line_start = text.rfind('\n', bad->offset == 0 ? 0 : bad->offset - 1);
  const std::size_t column = bad->offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", bad->byte);
  throw InputError(file, first_line + line_of(text, bad->offset) - 1,
                   "invalid UTF-8 (byte " + std::string(hex) + " at column " + std::to_string(column) +
                       "); expected UTF-8 text");
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

enum class MetaKey { none, id, title, date, lang, url, outlet };

MetaKey meta_key(std::string_view word) {
  if (word == "id") return MetaKey::id;
  if (word == "title") return MetaKey::title;
  if (word == "date") return MetaKey::date;
  if (word == "lang") return MetaKey::lang;
  if (word == "url") return MetaKey::url;
  if (word == "outlet") return MetaKey::outlet;
  return MetaKey::none;
}

DateValue parse_date_or_throw(std::string_view value, const std::string& file, std::size_t line) {
  if (auto date = parse_iso_date(value)) return *date;
  throw InputError(file, line, "expected a date (YYYY-MM-DD, YYYY-MM or YYYY) after 'date', got '" +
                                   std::string(value) + "'");
}

std::string parse_url_or_throw(std::string_view value, const std::string& file, std::size_t line) {
  if (is_absolute_uri(value)) return std::string(value);
  throw InputError(file, line, "expected an absolute URL (as http://host/path) after 'url', got '" + std::string(value) + "'");
}

Lang parse_lang_or_throw(std::string_view value, const std::string& file, std::size_t line) {
  if (auto lang = lang_from_string(value)) return *lang;
  throw InputError(file, line, "expected en, nl or fr after 'lang', got '" + std::string(value) + "'");
}

// Applies one "key value" metadata line; returns the offset (within line) where the body begins
// when the line carries body text after a date, as some feeds put "date 2025-01 Text..." on one line.
std::optional<std::size_t> apply_meta(Article& article, MetaKey key, std::string_view line,
                                      std::size_t value_start, const std::string& file, std::size_t line_no) {
  const std::string_view value = trim(line.substr(value_start));
  if (value.empty()) return std::nullopt;  // "date " with nothing after it: as if absent, like a JSON null
  switch (key) {
    case MetaKey::id: article.id = value; break;
    case MetaKey::title: article.title = value; break;
    case MetaKey::url: article.url = parse_url_or_throw(value, file, line_no); break;
    case MetaKey::outlet: article.outlet = value; break;
    case MetaKey::lang: article.lang = parse_lang_or_throw(value, file, line_no); break;
    case MetaKey::date: {
      const std::size_t end = value.find_first_of(" \t");
      article.date = parse_date_or_throw(value.substr(0, end), file, line_no);
      if (end == std::string_view::npos) break;
      const std::string_view rest = trim(value.substr(end));
      if (!rest.empty()) return static_cast<std::size_t>(rest.data() - line.data());
      break;
    }
    case MetaKey::none: break;
  }
  return std::nullopt;
}

bool is_jsonl_path(const fs::path& path) { return path.extension() == ".jsonl"; }
bool is_article_path(const fs::path& path) {
  return path.extension() == ".txt" || is_jsonl_path(path);
}
bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

class Reader {
 public:
  Reader(const ArticleSink& sink, const InputErrorSink& on_error, const ReadLimits& limits)
      : sink_(sink), on_error_(on_error), limits_(limits) {}

  void input(const std::string& name) {
    if (name == "-") return guarded(name, [&] { stdin_input(); });
    const fs::path path(name);
    std::error_code ec;
    if (fs::is_directory(path, ec)) return guarded(name, [&] { directory(path); });
    guarded(name, [&] { file(path); });
  }

  InputSummary summary() const { return summary_; }

 private:
  template <typename F>
  void guarded(const std::string& name, F&& body) {
    try {
      body();
    } catch (const InputError& error) {
      if (!on_error_) throw;
      ++summary_.skipped;
      on_error_(error);
    } catch (const fs::filesystem_error& error) {
      InputError wrapped(name, 0, error.code().message());
      if (!on_error_) throw wrapped;
      ++summary_.skipped;
      on_error_(wrapped);
    }
  }

  void emit(Article&& article) {
    ++summary_.articles;
    sink_(std::move(article));
  }

  void directory(const fs::path& root) {
    std::vector<fs::path> files;
    walk(root, files);
    std::sort(files.begin(), files.end());
    for (const auto& path : files) guarded(path.string(), [&] { file(path); });
  }

  // The article files under dir, recursively. A folder that cannot be listed or an entry that
  // cannot be examined (a symbolic link to itself, say) is one problem, reported alone: the rest
  // of the folder is still read. Symbolic links to folders are not followed, so a link to a
  // parent cannot make the walk endless.
  void walk(const fs::path& dir, std::vector<fs::path>& files) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) return problem(dir, "cannot list the folder: " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) return problem(dir, "cannot list the folder: " + ec.message());
      const fs::path& path = it->path();
      if (is_hidden(path)) continue;
      const auto link = it->symlink_status(ec);
      if (!ec && fs::is_symlink(link)) {
        const auto target = it->status(ec);
        if (ec) {
          // A dangling link is a problem only where an article was expected; a loop always is (it
          // may stand for a folder).
          if (ec != std::errc::no_such_file_or_directory || is_article_path(path))
            problem(path, "cannot follow the symbolic link: " + ec.message());
          ec.clear();
          continue;
        }
        if (fs::is_regular_file(target) && is_article_path(path)) files.push_back(path);
        continue;
      }
      if (ec) {
        problem(path, "cannot examine: " + ec.message());
        ec.clear();
        continue;
      }
      if (fs::is_directory(link)) walk(path, files);
      else if (fs::is_regular_file(link) && is_article_path(path)) files.push_back(path);
    }
  }

  void problem(const fs::path& path, const std::string& message) {
    InputError error(path.string(), 0, message);
    if (!on_error_) throw error;
    ++summary_.skipped;
    on_error_(error);
  }

  void file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path.string(), 0, "no such file or directory");
    if (is_jsonl_path(path)) return jsonl_file(path);
    const auto size = fs::file_size(path, ec);
    if (!ec && size > limits_.max_article_bytes) throw too_large(path.string(), 0, size);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), 0, std::string("cannot open: ") + std::strerror(errno));
    emit(parse_text_article(read_bounded(in, path.string()), path.string()));
  }

  // JSON Lines when the first thing on it is '{', read a line at a time; else one text article,
  // read no further than the limit.
  void stdin_input() {
    std::string head;
    for (int c; (c = std::cin.peek()) != EOF && (c == ' ' || c == '\t' || c == '\r' || c == '\n');)
      head += static_cast<char>(std::cin.get());
    if (std::cin.peek() == '{') return jsonl_stream(std::cin, "<stdin>", static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n')));
    std::string content = head + read_bounded(std::cin, "<stdin>");
    emit(parse_text_article(std::move(content), "<stdin>"));
  }

  // At most the limit and one byte more: a larger article is an error, whatever its source (a
  // FIFO has no size to ask for first).
  std::string read_bounded(std::istream& in, const std::string& name) const {
    std::string content;
    std::array<char, 1 << 16> block;
    while (content.size() <= limits_.max_article_bytes && (in.read(block.data(), block.size()) || in.gcount() > 0))
      content.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw InputError(name, 0, "read error");
    if (content.size() > limits_.max_article_bytes) throw too_large(name, 0, content.size());
    return content;
  }

  InputError too_large(const std::string& file, std::size_t line, std::size_t bytes) const {
    return InputError(file, line, (line ? "the record is " : "the article is ") + std::to_string(bytes) +
                                      " bytes, more than the " + std::to_string(limits_.max_article_bytes) +
                                      " allowed (--max-article-bytes)");
  }

  // One record, skipped alone under keep-going when it is bad or too large.
  void record(std::string_view text, std::size_t bytes, const std::string& file, std::size_t line_no) {
    if (bytes > limits_.max_article_bytes) return guarded(file, [&] { throw too_large(file, line_no, bytes); });
    if (trim(text).empty()) return;
    guarded(file, [&] { emit(parse_jsonl_record(text, file, line_no)); });
  }

  void jsonl_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), 0, std::string("cannot open: ") + std::strerror(errno));
    jsonl_stream(in, path.string(), 0);
  }

  // A line at a time: a line longer than the limit is counted, not kept. `lines_before` were
  // already read (blank lines before the first record on standard input).
  void jsonl_stream(std::istream& in, const std::string& name, std::size_t lines_before) {
    std::string line;
    std::size_t line_bytes = 0, line_no = lines_before;
    std::array<char, 1 << 16> block;
    while (in.read(block.data(), block.size()) || in.gcount() > 0) {
      const std::string_view chunk(block.data(), static_cast<std::size_t>(in.gcount()));
      std::size_t start = 0;
      for (std::size_t nl; (nl = chunk.find('\n', start)) != std::string_view::npos; start = nl + 1) {
        keep(line, line_bytes, chunk.substr(start, nl - start));
        record(line, line_bytes, name, ++line_no);
        line.clear();
        line_bytes = 0;
      }
      keep(line, line_bytes, chunk.substr(start));
    }
    if (in.bad()) throw InputError(name, line_no + 1, "read error");
    if (line_bytes > 0) record(line, line_bytes, name, ++line_no);
  }

  void keep(std::string& line, std::size_t& line_bytes, std::string_view part) const {
    line_bytes += part.size();
    if (line_bytes <= limits_.max_article_bytes) line.append(part);
  }

  const ArticleSink& sink_;
  const InputErrorSink& on_error_;
  const ReadLimits limits_;
  InputSummary summary_;
};

}  // namespace

namespace {

// Some editors start UTF-8 files with a byte order mark; it is not text.
void strip_bom(std::string& content) {
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);
}

// Past the blank lines at `pos`: where the body starts after a metadata header.
std::size_t skip_blank_lines(std::string_view content, std::size_t pos) {
  while (pos < content.size()) {
    const std::size_t end = std::min(content.find('\n', pos), content.size());
    if (!trim(content.substr(pos, end - pos)).empty()) return pos;
    pos = end + 1;
  }
  return content.size();
}

// Applies the metadata lines at the top of a text article; returns where the body starts.
std::size_t read_metadata(std::string_view content, Article& article, const std::string& origin) {
  std::size_t pos = 0, line_no = 1;
  bool had_metadata = false;
  while (pos < content.size()) {
    const std::size_t end = std::min(content.find('\n', pos), content.size());
    const std::string_view line = content.substr(pos, end - pos);
    const std::size_t word_start = line.find_first_not_of(" \t");
    if (word_start == std::string_view::npos) break;
    const std::size_t word_end = line.find_first_of(" \t", word_start);
    if (word_end == std::string_view::npos) break;
    const MetaKey key = meta_key(line.substr(word_start, word_end - word_start));
    if (key == MetaKey::none) break;
    had_metadata = true;
    if (auto inline_body = apply_meta(article, key, line, word_end, origin, line_no)) return pos + *inline_body;
    pos = end + 1;
    ++line_no;
  }
  return had_metadata ? skip_blank_lines(content, pos) : std::min(pos, content.size());
}

}  // namespace

Article parse_text_article(std::string content, const std::string& origin) {
  const std::size_t bytes = content.size();
  strip_bom(content);
  check_utf8(content, origin, 1);
  Article article;
  article.origin = origin;
  article.input_bytes = bytes;
  article.text = content.substr(read_metadata(content, article, origin));
  return article;
}

namespace {

const char* const kNoText = "expected a string field \"text\" (the article body)";

std::string not_a_string(const char* key) { return std::string("expected a string for \"") + key + "\""; }

// An article from a record's fields, whichever parser read it: `text` is the body, `field(key)`
// gives a string field or "" when it is absent or null.
template <typename Field>
Article article_of(std::string_view text, Field field, const std::string& file, std::size_t line) {
  Article article;
  article.origin = file + ":" + std::to_string(line);
  article.text = std::string(text);
  article.id = field("id");
  if (const std::string url = field("url"); !url.empty()) article.url = parse_url_or_throw(url, file, line);
  article.title = field("title");
  article.outlet = field("outlet");
  if (const std::string date = field("date"); !date.empty()) article.date = parse_date_or_throw(date, file, line);
  if (const std::string lang = field("lang"); !lang.empty()) article.lang = parse_lang_or_throw(lang, file, line);
  return article;
}

// The slow path, for the records simdjson turns down: nlohmann's parser takes what JSON allows
// beyond simdjson (integers past 64 bits, say) and, for a malformed record, says at which column
// and what it expected.
Article parse_with_nlohmann(std::string_view record, const std::string& file, std::size_t line) {
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(record);
  } catch (const nlohmann::json::parse_error& error) {
    std::string what = error.what();
    const auto detail = what.find(": ", what.find("column"));
    throw InputError(file, line, "malformed JSON at column " + std::to_string(error.byte) + ": " +
                                     (detail == std::string::npos ? what : what.substr(detail + 2)));
  } catch (const nlohmann::json::exception& error) {
    // Well-formed JSON that cannot be held, as a number beyond a double's range (1e999).
    const std::string what = error.what();
    const auto detail = what.find("] ");
    throw InputError(file, line, "unreadable JSON: " + (detail == std::string::npos ? what : what.substr(detail + 2)));
  }
  if (!parsed.is_object()) throw InputError(file, line, "expected a JSON object with a \"text\" field");
  const auto text = parsed.find("text");
  if (text == parsed.end() || !text->is_string()) throw InputError(file, line, kNoText);
  return article_of(text->get_ref<const std::string&>(), [&](const char* key) -> std::string {
    const auto it = parsed.find(key);
    if (it == parsed.end() || it->is_null()) return {};
    if (!it->is_string()) throw InputError(file, line, not_a_string(key));
    return it->get<std::string>();
  }, file, line);
}

Article parse_jsonl_fields(std::string_view record, const std::string& file, std::size_t line);

}  // namespace

Article parse_jsonl_record(std::string_view record, const std::string& file, std::size_t line) {
  Article article = parse_jsonl_fields(record, file, line);
  article.input_bytes = record.size() + 1;  // and its line end
  return article;
}

namespace {

Article parse_jsonl_fields(std::string_view record, const std::string& file, std::size_t line) {
  if (record.substr(0, 3) == "\xEF\xBB\xBF") record.remove_prefix(3);
  check_utf8(record, file, line);
  // simdjson reads past the end of its input: the record is copied into a padded buffer, kept
  // with the parser from one record to the next.
  thread_local simdjson::dom::parser parser;
  thread_local std::string padded;
  padded.assign(record);
  padded.resize(record.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (parser.parse(padded.data(), record.size(), false).get(root)) return parse_with_nlohmann(record, file, line);
  simdjson::dom::object object;
  if (root.get(object)) throw InputError(file, line, "expected a JSON object with a \"text\" field");
  std::string_view text;
  if (object["text"].get(text)) throw InputError(file, line, kNoText);
  return article_of(text, [&](const char* key) -> std::string {
    simdjson::dom::element value;
    if (object[key].get(value) || value.is_null()) return {};
    std::string_view field;
    if (value.get(field)) throw InputError(file, line, not_a_string(key));
    return std::string(field);
  }, file, line);
}

}  // namespace

InputSummary read_articles(const std::vector<std::string>& inputs, const ArticleSink& sink,
                           const InputErrorSink& on_error, const ReadLimits& limits) {
  Reader reader(sink, on_error, limits);
  for (const auto& input : inputs) reader.input(input);
  return reader.summary();
}

}  // namespace kg
