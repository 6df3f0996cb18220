#include "kgbuild/names.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <stdexcept>

#include "kgbuild/text.hpp"

namespace kg {

namespace fs = std::filesystem;

namespace {

std::uint64_t word_hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

bool starts_upper(std::string_view word) {
  const auto c = static_cast<unsigned char>(word.front());
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  // Two-byte Latin capitals: U+00C0..U+00DE ("É", "Ö").
  if (c == 0xC3 && word.size() > 1) {
    const auto d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

}  // namespace

std::string lower_latin(std::string_view utf8) {
  std::string out(utf8);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < out.size()) {
      // Latin Extended-A pairs each capital with the small letter after it: on even code points
      // up to U+0137 and from U+014A, on odd ones in U+0139..U+0148 and U+0179..U+017E ("Ł", "Ź").
      const auto d = static_cast<unsigned char>(out[i + 1]);
      const unsigned cp = ((c & 0x1Fu) << 6) | (d & 0x3Fu);
      const bool odd_block = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
      const bool capital = cp != 0x130 && cp <= 0x17E && (odd_block ? cp % 2 == 1 : (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0);
      if (capital) {  // U+013F "Ŀ" becomes U+0140, from lead byte C4 to C5: re-encode
        out[i] = static_cast<char>(0xC0 | ((cp + 1) >> 6));
        out[i + 1] = static_cast<char>(0x80 | ((cp + 1) & 0x3F));
      }
      ++i;
    }
  }
  return out;
}

bool WordList::read(const fs::path& path) {
  // Read whole and split in place: the lists hold about a million words between them.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::string data(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  common_.reserve(data.size() / 9);  // about one word in nine bytes
  std::string_view rest(data);
  while (!rest.empty()) {
    const auto newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // "Harrow's": possessives add nothing ("aujourd'hui" is a word).
    if (line.empty() || (line.size() > 2 && line.substr(line.size() - 2) == "'s")) continue;
    (starts_upper(line) ? proper_ : common_).add(word_hash(line));
  }
  return true;
}

void HashSet::finish() {
  std::sort(hashes_.begin(), hashes_.end());
  hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
  starts_.assign((1u << 16) + 1, 0);
  std::size_t at = 0;
  for (std::uint32_t bucket = 0; bucket <= (1u << 16); ++bucket) {
    while (at < hashes_.size() && (hashes_[at] >> 48) < bucket) ++at;
    starts_[bucket] = static_cast<std::uint32_t>(at);
  }
}

bool HashSet::contains(std::uint64_t h) const {
  if (hashes_.empty()) return false;
  const auto bucket = static_cast<std::size_t>(h >> 48);
  const auto first = hashes_.begin() + starts_[bucket], last = hashes_.begin() + starts_[bucket + 1];
  return std::binary_search(first, last, h);
}

void WordList::finish() {
  common_.finish();
  proper_.finish();
}

bool WordList::is_common(std::string_view lower) const { return common_.contains(word_hash(lower)); }
bool WordList::is_proper(std::string_view surface) const { return proper_.contains(word_hash(surface)); }

NameData NameData::load(const fs::path& dir) {
  NameData data;
  for (Lang lang : {Lang::en, Lang::nl, Lang::fr}) {
    const fs::path path = dir / std::string(to_string(lang)) / "names.tsv";
    std::ifstream in(path);
    if (!in) continue;
    LanguageNames& names = data.langs_[lang];
    std::size_t line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty() || line[0] == '#') continue;
      const auto tab = line.find('\t');
      const auto fail = [&](const std::string& what) {
        throw std::runtime_error(path.string() + ":" + std::to_string(line_no) + ": " + what);
      };
      if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos || tab + 1 == line.size())
        fail("expected 2 tab-separated columns (kind, value)");
      const std::string kind = line.substr(0, tab), value = line.substr(tab + 1);
      if (kind == "wordlist") names.word_list_candidates.emplace_back(value);
      else if (kind == "connector") names.connectors.insert(fold_key(value));
      else if (kind == "conjunction") names.conjunctions.insert(fold_key(value));
      else if (kind == "head") names.heads.insert(fold_key(value));
      else if (kind == "lowercase-head") names.lowercase_heads.insert(fold_key(value));
      else if (kind == "legal-form") names.legal_forms.insert(fold_key(value));
      else if (kind == "honorific") names.honorifics.insert(fold_key(value));
      else if (kind == "staff-noun") names.staff_nouns.insert(fold_key(value));
      else if (kind == "auxiliary") names.auxiliaries.insert(fold_key(value));
      else if (kind == "no-name-after") names.no_name_after.insert(fold_key(value));
      else if (kind == "place-cue") names.place_cues.insert(fold_key(value));
      else if (kind == "headline-break") names.headline_breaks.insert(fold_key(value));
      else if (kind == "headline-verb-ending") names.headline_verb_endings.push_back(value);
      else if (kind == "adjective-ending") names.adjective_endings.push_back(value);
      else if (kind == "source-word") names.source_words.insert(fold_key(value));
      else if (kind == "option" && value == "capitalises-titles") names.capitalises_titles = true;
      else if (kind == "option" && value == "compounds") names.compounds = true;
      else if (kind == "option" && value == "nationality-opens-names") names.nationality_opens_names = true;
      else if (kind == "option" && value == "adjectives-after-nouns") names.adjectives_after_nouns = true;
      else if (kind == "option")
        fail("expected an option (capitalises-titles, compounds, nationality-opens-names or adjectives-after-nouns), got '" + value + "'");
      else if (kind == "not-name") names.not_names.insert(fold_key(value));
      else if (kind == "article") names.articles.insert(fold_key(value));
      else fail("expected a kind (wordlist, connector, conjunction, head, lowercase-head, legal-form, not-name, article, honorific, place-cue, staff-noun, auxiliary, no-name-after, headline-break, headline-verb-ending, adjective-ending, source-word or option), got '" + kind + "'");
    }
    // Every list found is read: British and American spellings both are common words.
    for (const auto& candidate : names.word_list_candidates) names.words.read(candidate);
    names.words.finish();
    for (auto [from, to] : {std::pair{&names.connectors, &data.shared_.connectors},
                            std::pair{&names.conjunctions, &data.shared_.conjunctions},
                            std::pair{&names.heads, &data.shared_.heads},
                            std::pair{&names.legal_forms, &data.shared_.legal_forms}})
      to->insert(from->begin(), from->end());
  }
  return data;
}

const LanguageNames& NameData::of(Lang lang) const {
  const auto it = langs_.find(lang);
  return it == langs_.end() ? none_ : it->second;
}

std::vector<Lang> NameData::missing_word_lists() const {
  std::vector<Lang> missing;
  for (const auto& [lang, names] : langs_)
    if (!names.word_list_candidates.empty() && names.words.empty()) missing.push_back(lang);
  return missing;
}

}  // namespace kg
