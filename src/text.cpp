#include "kgbuild/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "kgbuild/utf8.hpp"

namespace kg {

namespace {

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

// The text as UTF-16, which ICU's break iterators walk fastest (over UTF-8 they go through a
// conversion layer a chunk at a time), with the UTF-8 byte offset of every UTF-16 unit so that
// boundaries come back as byte offsets.
class Utf16Text {
 public:
  explicit Utf16Text(std::string_view utf8) {
    std::vector<UChar> units;
    units.reserve(utf8.size());
    byte_at_.reserve(utf8.size() + 1);
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
      const auto begin = static_cast<std::uint32_t>(i);
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) c = 0xFFFD;
      if (c <= 0xFFFF) {
        units.push_back(static_cast<UChar>(c));
        byte_at_.push_back(begin);
      } else {
        units.push_back(U16_LEAD(c));
        units.push_back(U16_TRAIL(c));
        byte_at_.push_back(begin);
        byte_at_.push_back(begin);
      }
    }
    byte_at_.push_back(static_cast<std::uint32_t>(utf8.size()));
    text_ = icu::UnicodeString(units.data(), static_cast<int32_t>(units.size()));
  }
  const icu::UnicodeString& get() const { return text_; }
  std::uint32_t byte(int32_t index) const { return byte_at_[static_cast<std::size_t>(index)]; }

 private:
  icu::UnicodeString text_;
  std::vector<std::uint32_t> byte_at_;  // one per UTF-16 unit, and the end
};

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

UChar32 first_code_point(std::string_view s) {
  UChar32 c = 0;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

std::uint8_t ascii_case_flags(std::string_view s) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::uint8_t flags = upper(s.front()) ? kTokenCapitalised : 0;
  int letters = 0;
  bool all_upper = true;
  for (const char c : s) {
    if (!upper(c) && !lower(c)) continue;
    ++letters;
    all_upper = all_upper && upper(c);
    if (upper(c)) flags |= kTokenHasUpper;
  }
  if (letters >= 2 && all_upper) flags |= kTokenAllCaps;
  return flags;
}

std::uint8_t case_flags(std::string_view s) {
  if (is_ascii(s)) return ascii_case_flags(s);  // most words: no ICU property look-ups
  std::uint8_t flags = 0;
  if (u_isupper(first_code_point(s))) flags |= kTokenCapitalised;
  int letters = 0;
  bool all_upper = true;
  int32_t i = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < static_cast<int32_t>(s.size())) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, static_cast<int32_t>(s.size()), c);
    if (!u_isalpha(c)) continue;
    ++letters;
    all_upper = all_upper && u_isupper(c);
    if (u_isupper(c)) flags |= kTokenHasUpper;
  }
  if (letters >= 2 && all_upper) flags |= kTokenAllCaps;
  return flags;
}

// French elisions (l', d', qu', jusqu') and possessive 's are separate words for matching:
// "d’OpenAI" is "d’" + "OpenAI", "OpenAI’s" is "OpenAI" + "’s".
constexpr std::array<std::string_view, 12> kElisions = {"l", "d", "j", "m", "n", "s", "t", "c",
                                                        "qu", "jusqu", "lorsqu", "puisqu"};

std::size_t apostrophe_at(std::string_view s, std::size_t from) {
  const std::size_t plain = s.find('\'', from);
  if (s.find('\xE2', from) == std::string_view::npos) return plain;  // no curly apostrophe possible
  const std::size_t curly = s.find("\u2019", from);
  return std::min(plain, curly);
}

std::size_t apostrophe_length(std::string_view s, std::size_t at) { return s[at] == '\'' ? 1 : 3; }

// Where to split a word token, as a byte offset inside it, or 0 for no split.
std::size_t split_point(std::string_view word) {
  const std::size_t at = apostrophe_at(word, 0);
  if (at == std::string_view::npos || at == 0) return 0;
  const std::size_t after = at + apostrophe_length(word, at);
  if (after >= word.size()) return 0;
  const std::string_view rest = word.substr(after);
  if (rest == "s" || rest == "S") return at;  // possessive
  std::string head = fold_key(word.substr(0, at));
  if (std::find(kElisions.begin(), kElisions.end(), head) != kElisions.end()) return after;
  return 0;
}

}  // namespace

namespace {

std::string ascii_lower(std::string_view token) {
  std::string key(token.size(), '\0');
  std::transform(token.begin(), token.end(), key.begin(), [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return key;
}

}  // namespace

std::string fold_key(std::string_view token) {
  if (is_ascii(token)) return ascii_lower(token);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  check(status, "NFD instance");
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(
      icu::StringPiece(token.data(), static_cast<int32_t>(token.size()))), status);
  check(status, "NFD");
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) { stripped.append(UChar32('\'')); continue; }
    if (c >= 0x2010 && c <= 0x2015) { stripped.append(UChar32('-')); continue; }
    stripped.append(c);
  }
  stripped.foldCase(U_FOLD_CASE_DEFAULT);
  std::string key;
  stripped.toUTF8String(key);
  return key;
}

struct TextAnalyzer::Impl {
  const icu::Normalizer2* nfc = nullptr;
  // Folding a non-ASCII word goes through ICU; the same words recur, so their keys are kept.
  std::unordered_map<std::string, std::string> folded;
  std::unique_ptr<icu::BreakIterator> words;
  std::array<std::unique_ptr<icu::BreakIterator>, 3> sentences;  // per Lang, made on first use

  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(status);
    check(status, "NFC instance");
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "word break iterator");
  }

  icu::BreakIterator& sentence_iterator(Lang lang) {
    auto& slot = sentences[static_cast<std::size_t>(lang)];
    if (slot) return *slot;
    // "@ss=standard" keeps abbreviations such as "Mr." and "U.S." inside their sentence.
    const std::string locale = std::string(to_string(lang)) + "@ss=standard";
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), status));
    check(status, "sentence break iterator");
    return *slot;
  }

  void push_token(std::vector<Token>& out, std::string_view text, std::uint32_t begin, std::uint32_t end,
                  int32_t rule_status) {
    const std::string_view piece = text.substr(begin, end - begin);
    Token token;
    token.begin = begin;
    token.end = end;
    if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) token.flags |= kTokenNumber;
    else if (rule_status >= UBRK_WORD_LETTER) token.flags |= kTokenWord;
    else token.flags |= kTokenPunct;
    if (token.flags & kTokenWord) {
      if (const std::size_t at = split_point(piece)) {
        push_token(out, text, begin, begin + static_cast<std::uint32_t>(at), rule_status);
        push_token(out, text, begin + static_cast<std::uint32_t>(at), end, rule_status);
        return;
      }
      token.flags |= case_flags(piece);
    } else if (token.flags & kTokenNumber) {
      token.flags |= case_flags(piece);  // "Volt8", "X2": brands and models the word breaker calls numbers
    }
    token.key = key_of(piece);
    out.push_back(std::move(token));
  }

  std::string key_of(std::string_view piece) {
    if (is_ascii(piece)) return ascii_lower(piece);
    std::string word(piece);
    if (auto it = folded.find(word); it != folded.end()) return it->second;
    std::string key = fold_key(piece);
    if (folded.size() < 200000) folded.emplace(std::move(word), key);
    return key;
  }

  std::vector<Token> tokenize(std::string_view text, const Utf16Text& utf16) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 4);
    words->setText(utf16.get());
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
      const std::uint32_t begin_byte = utf16.byte(start), end_byte = utf16.byte(end);
      const std::string_view piece = text.substr(begin_byte, end_byte - begin_byte);
      if (piece.find_first_not_of(" \t\r\n\f\v\u00a0") == std::string_view::npos) continue;
      if (u_isUWhiteSpace(first_code_point(piece))) continue;
      push_token(tokens, text, begin_byte, end_byte, words->getRuleStatus());
    }
    merge_split_apostrophes(tokens);
    merge_lowercase_compounds(tokens);
    return tokens;
  }

  // "start-up", "co-founder", "state-backed": one word, as a reader takes it, so that a gap of N
  // words in a rule is N words. Names keep their parts ("SoftBank-CEO", "Fathom-3") for matching.
  static void merge_lowercase_compounds(std::vector<Token>& tokens) {
    auto lower_word = [](const Token& t) { return (t.flags & kTokenWord) && !(t.flags & kTokenHasUpper); };
    // Compacted in place: `kept` tokens are final, the rest are still to be read.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (kept > 0 && i + 1 < tokens.size() && tokens[i].key == "-" && lower_word(tokens[kept - 1]) &&
          lower_word(tokens[i + 1]) && tokens[kept - 1].end == tokens[i].begin && tokens[i].end == tokens[i + 1].begin) {
        tokens[kept - 1].end = tokens[i + 1].end;
        tokens[kept - 1].key += "-" + tokens[i + 1].key;
        ++i;
        continue;
      }
      if (kept != i) tokens[kept] = std::move(tokens[i]);
      ++kept;
    }
    tokens.resize(kept);
  }

  // In running text ICU keeps "OpenAI's" and "d'OpenAI" whole and we split them; a phrase that
  // starts or ends at the apostrophe ("'s", "d'") is broken differently by ICU, so put it back
  // together here to give rule and gazetteer phrases the keys running text has.
  static void merge_split_apostrophes(std::vector<Token>& tokens) {
    // Compacted in place: `kept` tokens are final, the rest are still to be read.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& t = tokens[i];
      const bool apostrophe = t.key == "'";
      if (apostrophe && i + 1 < tokens.size() && tokens[i + 1].begin == t.end && tokens[i + 1].key == "s" &&
          (i + 2 == tokens.size() || tokens[i + 2].begin > tokens[i + 1].end)) {
        t.end = tokens[i + 1].end;
        t.key = "'s";
        t.flags = kTokenWord;
        if (kept != i) tokens[kept] = std::move(t);
        ++kept;
        ++i;
        continue;
      }
      if (apostrophe && kept > 0 && tokens[kept - 1].end == t.begin &&
          std::find(kElisions.begin(), kElisions.end(), tokens[kept - 1].key) != kElisions.end()) {
        tokens[kept - 1].end = t.end;
        tokens[kept - 1].key += "'";
        continue;
      }
      if (kept != i) tokens[kept] = std::move(t);
      ++kept;
    }
    tokens.resize(kept);
  }

  std::vector<Sentence> segment(std::string_view text, const Utf16Text& utf16, Lang lang) {
    std::vector<Sentence> out;
    icu::BreakIterator& it = sentence_iterator(lang);
    it.setText(utf16.get());
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
      std::size_t b = utf16.byte(start), e = utf16.byte(end);
      while (b < e && static_cast<unsigned char>(text[b]) <= ' ') ++b;
      while (e > b && static_cast<unsigned char>(text[e - 1]) <= ' ') --e;
      if (b == e) continue;
      // ICU ends a sentence at "U.S." or "Dr." when a capital follows; on the same line that is an
      // abbreviation inside the sentence, not its end.
      if (!out.empty() && ends_with_abbreviation(text.substr(out.back().begin, out.back().end - out.back().begin)) &&
          text.substr(out.back().end, b - out.back().end).find('\n') == std::string_view::npos) {
        out.back().end = static_cast<std::uint32_t>(e);
        continue;
      }
      out.push_back(Sentence{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), 0, 0, 0, 0});
    }
    return out;
  }

  static bool ends_with_abbreviation(std::string_view sentence) {
    static constexpr std::array<std::string_view, 24> abbreviations = {
        "U.S.", "U.K.", "E.U.", "Dr.", "Mr.", "Mrs.", "Ms.", "Sen.", "Gov.", "Rep.", "Prof.", "Gen.", "St.",
        "Jr.", "Sr.", "Inc.", "Corp.", "Ltd.", "Co.", "No.", "vs.", "Mme.", "dhr.", "mevr."};
    for (const auto abbreviation : abbreviations) {
      if (sentence.size() < abbreviation.size() || sentence.substr(sentence.size() - abbreviation.size()) != abbreviation) continue;
      const std::size_t before = sentence.size() - abbreviation.size();
      if (before == 0 || sentence[before - 1] == ' ' || sentence[before - 1] == '(') return true;
    }
    return false;
  }
};

TextAnalyzer::TextAnalyzer() : impl_(std::make_unique<Impl>()) {}
TextAnalyzer::~TextAnalyzer() = default;

std::string TextAnalyzer::normalize(std::string_view utf8) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  // Most text is already NFC: check first, which is much cheaper than normalising.
  if (impl_->nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  impl_->nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  check(status, "NFC");
  return out;
}

namespace {

// Fills code-point offsets for tokens and sentences in one forward pass over the text. Both come
// in text order, so their offsets are merged as they are walked, not sorted.
void assign_code_points(std::string_view text, std::vector<Token>& tokens, std::vector<Sentence>& sentences) {
  struct Mark { std::uint32_t byte; std::uint32_t* cp; };
  std::vector<Mark> token_marks, sentence_marks;
  token_marks.reserve(tokens.size() * 2);
  sentence_marks.reserve(sentences.size() * 2);
  for (auto& t : tokens) { token_marks.push_back({t.begin, &t.cp_begin}); token_marks.push_back({t.end, &t.cp_end}); }
  for (auto& s : sentences) { sentence_marks.push_back({s.begin, &s.cp_begin}); sentence_marks.push_back({s.end, &s.cp_end}); }
  std::vector<Mark> marks(token_marks.size() + sentence_marks.size());
  const auto by_byte = [](const Mark& a, const Mark& b) { return a.byte < b.byte; };
  if (std::is_sorted(token_marks.begin(), token_marks.end(), by_byte) &&
      std::is_sorted(sentence_marks.begin(), sentence_marks.end(), by_byte)) {
    std::merge(token_marks.begin(), token_marks.end(), sentence_marks.begin(), sentence_marks.end(), marks.begin(), by_byte);
  } else {
    std::copy(sentence_marks.begin(), sentence_marks.end(), std::copy(token_marks.begin(), token_marks.end(), marks.begin()));
    std::stable_sort(marks.begin(), marks.end(), by_byte);
  }
  std::uint32_t byte = 0, cp = 0;
  for (const auto& mark : marks) {
    cp += static_cast<std::uint32_t>(count_code_points(text.substr(byte, mark.byte - byte)));
    byte = mark.byte;
    *mark.cp = cp;
  }
}

void assign_tokens(std::vector<Sentence>& sentences, const std::vector<Token>& tokens) {
  std::uint32_t t = 0;
  for (auto& s : sentences) {
    while (t < tokens.size() && tokens[t].begin < s.begin) ++t;
    s.token_begin = t;
    while (t < tokens.size() && tokens[t].end <= s.end) ++t;
    s.token_end = t;
  }
}

}  // namespace

AnalyzedText TextAnalyzer::analyze(std::string_view utf8, std::optional<Lang> declared) {
  AnalyzedText out;
  out.text = normalize(utf8);
  const Utf16Text utf16(out.text);
  out.tokens = impl_->tokenize(out.text, utf16);
  out.lang_detected = !declared;
  out.lang = declared ? *declared : detect_language(out.tokens, out.text);
  out.sentences = impl_->segment(out.text, utf16, out.lang);
  assign_tokens(out.sentences, out.tokens);
  assign_code_points(out.text, out.tokens, out.sentences);
  return out;
}

std::vector<std::string> TextAnalyzer::keys(std::string_view phrase) {
  const std::string normalized = normalize(phrase);
  std::vector<std::string> out;
  for (auto& token : impl_->tokenize(normalized, Utf16Text(normalized))) out.push_back(std::move(token.key));
  return out;
}

}  // namespace kg
