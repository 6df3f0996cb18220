#include "kgbuild/mentions.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "discourse.hpp"
#include "kgbuild/date.hpp"

namespace kg {

std::string_view to_string(MentionType type) {
  switch (type) {
    case MentionType::organization: return "ORG";
    case MentionType::person: return "PERSON";
    case MentionType::product: return "PRODUCT";
    case MentionType::country: return "COUNTRY";
    case MentionType::nationality: return "NATIONALITY";
    case MentionType::money: return "MONEY";
    case MentionType::date: return "DATE";
    case MentionType::percent: return "PERCENT";
  }
  return "ORG";
}

namespace {

MentionType mention_type(EntityType type) {
  switch (type) {
    case EntityType::organization: return MentionType::organization;
    case EntityType::person: return MentionType::person;
    case EntityType::product: return MentionType::product;
    case EntityType::country: return MentionType::country;
  }
  return MentionType::organization;
}

// "NKr900mn", "US$3bn": an amount the word breaker kept in one piece.
bool amount_like(const std::string& key) {
  const auto digit = std::find_if(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digit == key.end()) return false;
  auto tail = std::find_if(digit, key.end(), [](char c) { return !((c >= '0' && c <= '9') || c == '.' || c == ','); });
  const std::string unit(tail, key.end());
  return unit == "m" || unit == "mn" || unit == "bn" || unit == "b" || unit == "k" || unit == "mln" || unit == "mld" ||
         unit == "mrd" || unit == "md" || unit == "tn";
}

bool is_capitalised_word(const Token& t) {
  if (t.flags & kTokenWord)
    return ((t.flags & (kTokenCapitalised | kTokenAllCaps)) ||
            ((t.flags & kTokenHasUpper) && !t.key.empty() && t.key[0] >= '0' && t.key[0] <= '9')) &&  // "3DForge"
           !amount_like(t.key);
  // "Volt8", "MedTrak360", "X2": letters and digits that the word breaker calls a number.
  return (t.flags & kTokenNumber) && (t.flags & (kTokenCapitalised | kTokenAllCaps)) && !amount_like(t.key);
}

// Particles inside personal names: "Anneke de Vries", "Ursula von der Leyen".
bool is_name_particle(const std::string& key) {
  static constexpr std::array<std::string_view, 18> particles = {"de", "van", "der", "den", "von", "le", "la", "du", "di",
                                                                 "da", "ter", "ten", "bin", "op", "'t", "in", "del", "d'"};
  return std::find(particles.begin(), particles.end(), key) != particles.end();
}

// "$25 a share", "€3 per aandeel", "12 euros par action".
bool per_share(std::string_view after) {
  const auto first = after.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  after.remove_prefix(first);
  for (std::string_view cue : {"a share", "per share", "each share", "per aandeel", "par action", "l'action", "l\u2019action"})
    if (after.substr(0, cue.size()) == cue) return true;
  return false;
}

// Particles that open a family name and so a company named after it ("Van Dijk Beheer", "De Groot
// Bouwgroep"), unlike "La" and "Le", which are articles there.
bool is_surname_particle(const std::string& key) {
  return key == "van" || key == "von" || key == "de" || key == "ter" || key == "ten" || key == "den" || key == "der";
}

// "its accounting software", "son modèle de langage": a possessive introduces an apposition as an article does.
bool is_possessive(const std::string& key) {
  static constexpr std::array<std::string_view, 13> possessives = {"its", "their", "his", "her", "zijn", "haar", "hun",
                                                                   "son", "sa", "ses", "leur", "leurs", "our"};
  return std::find(possessives.begin(), possessives.end(), key) != possessives.end();
}

bool is_determiner(const std::string& key) {
  static constexpr std::array<std::string_view, 14> determiners = {"the", "a", "an", "het", "de", "een", "la", "le",
                                                                   "l'", "les", "un", "une", "this", "that"};
  return std::find(determiners.begin(), determiners.end(), key) != determiners.end();
}

// "Orion, a maker of models": a preposition ends the noun an apposition is about.
bool is_preposition(const std::string& key) {
  static constexpr std::array<std::string_view, 22> prepositions = {
      "of", "for", "from", "with", "by", "in", "at", "de", "d'", "du", "des", "van", "voor", "met", "door", "bij",
      "pour", "avec", "par", "à", "au", "aux"};
  return std::find(prepositions.begin(), prepositions.end(), key) != prepositions.end();
}

// "the", "het", "la": a reference to something named before ("a", "een", "une" introduce).
bool is_definite(const std::string& key) {
  static constexpr std::array<std::string_view, 9> definite = {"the", "het", "de", "la", "le", "l'", "les", "this", "that"};
  return std::find(definite.begin(), definite.end(), key) != definite.end();
}

std::string name_key(std::string_view text) { return Gazetteer::name_key(text); }

// A name learned in one reading of an article, to know from the first line on in the next.
struct LearnedName {
  std::string name;
  EntityType type;
  bool inferred;
};

class ArticleScan {
 public:
  ArticleScan(const Gazetteer& gazetteer, const NameData& names, ArticleAnalysis& a, const std::optional<DateValue>& date)
      : gaz_(gazetteer), names_(names.of(a.text.lang)), english_(names.of(Lang::en)), shared_(names.shared()), a_(a), date_(date),
        tokens_(a.text.tokens) {}

  void run() { pass(); }

  // Names found through cues, to know from the first line on when the article is read again.
  std::vector<LearnedName> learned_names() const {
    std::vector<LearnedName> learned;
    for (const auto& e : a_.entities)
      if (!e.known) learned.push_back(LearnedName{e.name, e.type, e.inferred});
    return learned;
  }

  // Would a second reading find more? Only if a learned name's first word occurs in a sentence
  // before the one it was first found in (most articles introduce names in their first lines).
  bool earlier_occurrence() const {
    std::map<std::int32_t, std::size_t> first_sentence;
    for (std::size_t s = 0; s < a_.mentions.size(); ++s)
      for (const auto& m : a_.mentions[s])
        if (m.entity >= 0 && !a_.entities[static_cast<std::size_t>(m.entity)].known) first_sentence.emplace(m.entity, s);
    for (const auto& [entity, found_in] : first_sentence) {
      const std::string first_word = fold_key(a_.entities[static_cast<std::size_t>(entity)].name.substr(
          0, a_.entities[static_cast<std::size_t>(entity)].name.find(' ')));
      for (std::size_t s = 0; s < found_in; ++s)
        for (auto t = a_.text.sentences[s].token_begin; t < a_.text.sentences[s].token_end; ++t)
          if (tokens_[t].key == first_word) return true;
    }
    return false;
  }

  void seed(const std::vector<LearnedName>& names) {
    for (const auto& [name, type, inferred] : names) {
      const std::int32_t entity = intern_unknown(name, type, inferred);
      // "NordWind" in the headline before "NordWind Energie" in the text: the short form is known
      // from the first line on too. Not for a longer name only its shape typed: "Dolvia Pay" (a
      // product the article unveils) does not swallow the company "Dolvia".
      const auto space = name.find(' ');
      if (type != EntityType::organization || inferred || space == std::string::npos) continue;
      const std::string first = name_key(name.substr(0, space));
      if (is_function_word(first) || gaz_.is_org_suffix(first)) continue;
      auto [it, inserted] = short_names_.emplace(first, entity);
      if (!inserted && it->second != entity) it->second = -1;
    }
  }

  std::vector<std::vector<Mention>> take_values() { return std::move(value_mentions_); }
  void reuse_values(std::vector<std::vector<Mention>> values) {
    value_mentions_ = std::move(values);
    reuse_values_ = true;
  }

 private:
  struct Tentative { std::size_t sentence; std::uint32_t token_begin; };

  void pass() {
    a_.mentions.resize(a_.text.sentences.size());
    a_.subjects.assign(a_.text.sentences.size(), -1);
    for (std::size_t s = 0; s < a_.text.sentences.size(); ++s) {
      sentence(s);
      mark_modifiers(a_.mentions[s]);
      a_.subjects[s] = subject(s);
    }
    drop_unanchored_descriptors();
  }

  std::int32_t intern_known(std::uint32_t index) {
    if (auto it = known_.find(index); it != known_.end()) return it->second;
    const KnownEntity& k = gaz_.entity(index);
    const auto id = static_cast<std::int32_t>(a_.entities.size());
    a_.entities.push_back(ArticleEntity{k.name, k.type, k.qid, {}, true, k.outlet});
    named_.push_back(false);
    known_.emplace(index, id);
    return id;
  }

  std::int32_t intern_unknown(const std::string& name, EntityType type, bool inferred = false) {
    // A name the gazetteer knows under another spelling is that entity.
    const std::string key = name_key(name);
    if (auto index = gaz_.find_key(key)) return intern_known(*index);
    std::optional<std::int32_t> known;
    if (const auto it = unknown_.find(key); it != unknown_.end()) known = it->second;
    // "Halvorsen Shipping" after "Halvorsen Shipping Group": the start of a longer name is that name.
    else if (key.find(' ') != std::string::npos) known = longer_name(key);
    if (known) {
      // Evidence found later ("Quillon, a payments start-up") settles a type the name's shape guessed.
      ArticleEntity& e = a_.entities[static_cast<std::size_t>(*known)];
      if (e.inferred && !inferred) {
        e.inferred = false;
        e.type = type;
      }
      return *known;
    }
    const auto id = static_cast<std::int32_t>(a_.entities.size());
    a_.entities.push_back(ArticleEntity{name, type, "", {}, false, false, inferred});
    named_.push_back(false);
    learn_name(key, id);
    name_heads_.insert(key.substr(0, key.find_first_of(" -:.'&")));
    return id;
  }

  void learn_name(const std::string& key, std::int32_t entity) {
    unknown_.emplace(key, entity);
    in_order_.emplace(key, entity);
  }

  // The one learned name that begins with `key` and more words, or none when none or several do.
  // The names that begin so are neighbours in sorted order: a look-up, not a pass over every name
  // (an article, or one run-on sentence, can name thousands).
  std::optional<std::int32_t> longer_name(const std::string& key) const {
    const std::string prefix = key + ' ';
    std::optional<std::int32_t> found;
    for (auto it = in_order_.upper_bound(prefix); it != in_order_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
      if (found && *found != it->second) return std::nullopt;
      found = it->second;
    }
    return found;
  }

  std::string surface(std::uint32_t begin, std::uint32_t end) const {
    return std::string(std::string_view(a_.text.text).substr(tokens_[begin].begin, tokens_[end - 1].end - tokens_[begin].begin));
  }

  void note_surface(std::int32_t entity, std::uint32_t begin, std::uint32_t end) {
    auto& surfaces = a_.entities[static_cast<std::size_t>(entity)].surfaces;
    std::string form = surface(begin, end);
    if (std::find(surfaces.begin(), surfaces.end(), form) == surfaces.end()) surfaces.push_back(std::move(form));
  }

  // A full name makes its short form a reference for the rest of the article:
  // "Kestrel" after "Kestrel Semiconductor", "Altman" after "Sam Altman".
  void register_short_name(std::int32_t entity, std::uint32_t begin, std::uint32_t end) {
    if (end - begin < 2) return;
    const ArticleEntity& e = a_.entities[static_cast<std::size_t>(entity)];
    std::uint32_t at = 0;
    if (e.type == EntityType::person) at = end - 1;
    else if (e.type == EntityType::organization) at = is_head(begin) ? begin + 1 : begin;
    else return;
    if (at >= end) return;
    const Token& t = tokens_[at];
    if (!is_capitalised_word(t) || is_function_word(t.key) || gaz_.is_org_suffix(t.key)) return;
    auto [it, inserted] = short_names_.emplace(t.key, entity);
    if (!inserted && it->second != entity) it->second = -1;  // two entities share it: ambiguous
  }

  // "Danish digital lender Nordhaven Bank": the article tells us where Nordhaven is from, so that
  // "the Danish lender" can later be resolved to it.
  // "Danish digital lender Nordhaven Bank", "la start-up française Helvia AI", "Kestrel, a Dutch
  // chipmaker": the nouns an article gives an organisation, so that "the lender" and "la start-up"
  // later find the organisation they describe.
  void learn_nouns(std::uint32_t begin, std::uint32_t end, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                   std::int32_t entity) {
    // The noun stands right before the name, or before a nationality and complements that do
    // ("l'éditeur français de logiciels Dataxis").
    std::uint32_t cue_end = before_complements(begin, sentence_begin);
    std::string place;  // "lyonnaise" in "la start-up lyonnaise Kernelia"
    if (cue_end > sentence_begin) {
      if (auto hit = gaz_.match(tokens_, cue_end - 1, cue_end, a_.text.lang); hit && hit->kind == PhraseKind::demonym) {
        place = tokens_[cue_end - 1].key;
        --cue_end;
      }
    }
    for (std::uint32_t length = 1; length <= 3 && length <= cue_end - sentence_begin; ++length) {
      const auto found = gaz_.org_prefix_at(tokens_, cue_end - length, cue_end);
      if (!found || *found != length) continue;
      discourse_.learn_noun(entity, tokens_[cue_end - 1].key);
      if (!place.empty()) discourse_.learn_place(entity, place);
    }
    if (end + 1 < sentence_end && tokens_[end].key == "," && is_determiner(tokens_[end + 1].key))
      for (std::uint32_t i = end + 2; i < sentence_end && i < end + 7 && tokens_[i].key != "," && tokens_[i].key != "."; ++i)
        if (gaz_.org_prefix_at(tokens_, i, sentence_end)) discourse_.learn_noun(entity, tokens_[i].key);
  }

  // What a sentence-opening "the company" continues: the previous sentence's subject, or, when
  // that subject is an investor ("Le fonds Eurazeo a mené une levée pour Vizio."), the last other
  // organisation of that sentence.
  std::int32_t previous_subject(std::size_t sentence) const {
    if (sentence == 0 || a_.subjects.size() < sentence) return -1;
    const std::int32_t subject = a_.subjects[sentence - 1];
    if (subject < 0) return -1;
    if (!discourse_.is_investment_firm(subject)) return subject;
    const auto& ms = a_.mentions[sentence - 1];
    for (auto it = ms.rbegin(); it != ms.rend(); ++it)
      if (it->type == MentionType::organization && it->entity != subject && !discourse_.is_investment_firm(it->entity))
        return it->entity;
    return -1;
  }

  void learn_country_before(std::vector<Mention>& ms, std::uint32_t begin, std::int32_t entity) {
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      if (it->token_end + 3 < begin) return;  // only the few words before the name matter
      // "Norwegian biotech Halvorsen sued Sanofi": the nationality went to the name before.
      if (it->type == MentionType::organization) return;
      if (it->type != MentionType::nationality) continue;
      bool cue = false;
      for (std::uint32_t i = it->token_end; i < begin && !cue; ++i)
        cue = gaz_.org_prefix_at(tokens_, i, begin).has_value();
      if (cue || it->token_end == begin) discourse_.learn_country(entity, it->entity);
      return;
    }
  }

  // ", a Danish online lender" right after an organisation.
  void learn_country_from_apposition(std::uint32_t pos, std::int32_t country, const std::vector<Mention>& ms) {
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
      if (it->type != MentionType::organization) return;
      const std::uint32_t gap = pos - it->token_end;
      if (gap < 2 || gap > 4 || tokens_[it->token_end].key != "," || !is_determiner(tokens_[it->token_end + 1].key)) return;
      if (!it->coreferent) discourse_.learn_country_once(it->entity, country);
      return;
    }
  }

  struct Reference { std::uint32_t token_begin, token_end; std::int32_t entity; };

  // "the Dutch bank", "het Franse concern": a determiner, a nationality and an organisation noun,
  // not followed by a name, refer to the organisation of that country the article is about.
  std::optional<Reference> nationality_reference(const Sentence& s, std::uint32_t pos, std::uint32_t end,
                                                 std::int32_t country, const std::vector<Mention>& ms) const {
    if (pos == s.token_begin || !is_definite(tokens_[pos - 1].key)) return std::nullopt;
    std::uint32_t cue_end = end;
    for (std::uint32_t i = end; i < s.token_end && i < end + 2 && cue_end == end; ++i)
      if (auto length = gaz_.org_prefix_at(tokens_, i, s.token_end)) cue_end = i + *length;
    // "het Duitse Phoenix Group": a capitalised word before the cue names the company.
    if (cue_end > end && !gaz_.org_prefix_at(tokens_, end, s.token_end) && is_capitalised_word(tokens_[end])) return std::nullopt;
    if (cue_end == end || (cue_end < s.token_end && is_capitalised_word(tokens_[cue_end]))) return std::nullopt;
    std::int32_t best = pos >= 2 ? apposition_head(ms, pos - 2) : -1;
    if (best < 0) best = discourse_.of_country(country);
    if (best < 0) best = discourse_.antecedent(current_sentence_, country);
    if (best < 0) return std::nullopt;
    return Reference{end, cue_end, best};
  }

  // The organisation the sentence opened with, when a clause lies between it and the reference at
  // `pos` ("BNP Paribas told analysts that the group ..."), and it is not an investor: "Sequoia led
  // the round, the company said" is the start-up speaking. In its own clause the reference is
  // another ("Rabobank invested in the company").
  std::int32_t subject_so_far(const Sentence& s, const std::vector<Mention>& ms, std::uint32_t pos) const {
    static const std::set<std::string> clause_words = {",", "that", "as", "while", "which", "dat", "die", "terwijl",
                                                       "waarmee", "que", "qui", "alors", "tandis"};
    for (const Mention& m : ms) {
      if (m.token_begin > s.token_begin + 3) return -1;
      if (m.type != MentionType::organization) continue;
      if (a_.entities[static_cast<std::size_t>(m.entity)].outlet || discourse_.is_investment_firm(m.entity)) return -1;
      // "Selon le journal L'Echo, ... le développeur wallon": a cited source is not the subject.
      for (std::uint32_t t = s.token_begin; t < m.token_begin; ++t)
        if (names_.source_words.count(tokens_[t].key)) return -1;
      for (std::uint32_t t = m.token_end; t < pos; ++t)
        if (clause_words.count(tokens_[t].key)) return m.entity;
      return -1;
    }
    return -1;
  }

  // "Lonza, the Swiss contract manufacturer": a reference right after an organisation and a comma
  // is in apposition to it.
  std::int32_t apposition_head(const std::vector<Mention>& ms, std::uint32_t comma) const {
    if (ms.empty() || tokens_[comma].key != ",") return -1;
    const Mention& m = ms.back();
    if (m.type != MentionType::organization || m.token_end != comma) return -1;
    return m.entity;
  }

  void add_entity_mention(std::vector<Mention>& ms, std::uint32_t begin, std::uint32_t end, std::int32_t entity,
                          bool coreferent) {
    const ArticleEntity& e = a_.entities[static_cast<std::size_t>(entity)];
    if (!coreferent && e.type == EntityType::organization) {
      learn_country_before(ms, begin, entity);
      const Sentence& s = a_.text.sentences[current_sentence_];
      learn_nouns(begin, end, s.token_begin, s.token_end, entity);
    }
    ms.push_back(Mention{begin, end, mention_type(e.type), entity, -1, coreferent});
    if (!coreferent) {
      named_[static_cast<std::size_t>(entity)] = true;
      note_surface(entity, begin, end);
      register_short_name(entity, begin, end);
    }
    if (e.type == EntityType::organization && !e.outlet) discourse_.named(entity, current_sentence_);
  }

  // The organisation a sentence opens with: its grammatical subject, as a rule of thumb. One named
  // further in ("Fathom-3 runs on AWS") is not.
  std::int32_t subject(std::size_t sentence) const {
    const auto& ms = a_.mentions[sentence];
    const std::uint32_t begin = a_.text.sentences[sentence].token_begin;
    const std::uint32_t end = a_.text.sentences[sentence].token_end;
    // "Basé à Hambourg, NordWind était détenu ...": an opening phrase up to a comma comes first.
    std::uint32_t reach = begin + 3;
    for (std::uint32_t t = begin + 1; t < end && t < begin + 7; ++t)
      if (tokens_[t].key == ",") { reach = t + 4; break; }
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (m.token_begin > reach) break;
      if (m.type != MentionType::organization || a_.entities[static_cast<std::size_t>(m.entity)].outlet) continue;
      // "Former Equinor executive Kari Holm": the organisation qualifies a person, who now speaks
      // for another. "Nvidia CEO Jensen Huang said ... its chips" still speaks for Nvidia.
      const bool before_person = (i + 1 < ms.size() && ms[i + 1].type == MentionType::person && ms[i + 1].token_begin <= m.token_end + 2) ||
                                 (m.token_end < end && gaz_.person_title_at(tokens_, m.token_end, end).has_value());
      if (!before_person || !former(m.token_begin)) return m.entity;
    }
    return -1;
  }

  // "Julien Marchand, ancien chercheur de l'Inria, ...", "Jane Roe, a former engineer at Google,":
  // an organisation a person left, named in the person's apposition, is no party to the sentence's
  // facts.
  void mark_affiliations(std::vector<Mention>& ms) const {
    static const std::set<std::string> prepositions = {"de", "d'", "du", "of", "at", "van", "bij", "chez"};
    for (std::size_t i = 1; i < ms.size(); ++i) {
      Mention& org = ms[i];
      if (org.type != MentionType::organization) continue;
      std::uint32_t at = org.token_begin;
      if (at > 0 && is_determiner(tokens_[at - 1].key)) --at;
      if (at < 2 || !prepositions.count(tokens_[at - 1].key)) continue;
      // "two former engineers at NXP", "deux chercheurs du CEA": staff, not officers, of the organisation.
      if (names_.staff_nouns.count(tokens_[at - 2].key) || english_.staff_nouns.count(tokens_[at - 2].key)) {
        org.modifier = true;
        continue;
      }
      const Mention& person = ms[i - 1];
      if (person.type != MentionType::person || person.token_end + 2 >= at || at - person.token_end > 6 ||
          tokens_[person.token_end].key != ",")
        continue;
      std::uint32_t word = person.token_end + 1;
      if (is_determiner(tokens_[word].key)) ++word;
      if (former(word + 1)) org.modifier = true;
    }
  }

  // "Google parent Alphabet", "Volkswagen's software unit Cariad": the first organisation only
  // says which the second is; the second is the one that acts.
  void mark_modifiers(std::vector<Mention>& ms) const {
    mark_affiliations(ms);
    static const std::set<std::string> relations = {"'s", "parent", "owner", "unit", "arm", "subsidiary", "division",
                                                    "software", "cloud", "investment", "venture", "moederbedrijf",
                                                    "dochter", "dochterbedrijf", "filiale", "maison-mère"};
    for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
      const Mention& a = ms[i];
      const Mention& b = ms[i + 1];
      // "Elon Musk's xAI sued OpenAI": xAI sued; its owner is named to say which xAI.
      if ((a.type == MentionType::person || a.type == MentionType::organization) && b.type == MentionType::organization &&
          b.token_begin == a.token_end + 1 && tokens_[a.token_end].key == "'s") {
        ms[i].modifier = true;
        continue;
      }
      if (a.type != MentionType::organization || b.type != MentionType::organization) continue;
      // "General Motors' autonomous vehicle unit Cruise": the owner, a description, then the unit.
      if (possessed_unit(a.token_end, b.token_begin)) {
        ms[i].modifier = true;
        continue;
      }
      const std::uint32_t gap = b.token_begin - a.token_end;
      if (gap == 0 || gap > 3) continue;
      bool relation = false, only_relations = true;
      for (auto t = a.token_end; t < b.token_begin; ++t) {
        const bool word = relations.count(tokens_[t].key) != 0;
        only_relations = only_relations && word;
        relation = relation || (word && tokens_[t].key != "'s" && tokens_[t].key != "software" && tokens_[t].key != "cloud" &&
                                tokens_[t].key != "investment" && tokens_[t].key != "venture");
      }
      if (only_relations && relation) ms[i].modifier = true;
    }
  }

  // "'s" (or "'"), up to four lower-case words, and a word of ownership ("unit", "arm") before the
  // next name.
  bool possessed_unit(std::uint32_t from, std::uint32_t to) const {
    if (to <= from + 1 || to - from > 6 || (tokens_[from].key != "'s" && tokens_[from].key != "'")) return false;
    static const std::set<std::string> owned = {"unit", "arm", "subsidiary", "division", "affiliate", "spin-off", "spinoff"};
    if (!owned.count(tokens_[to - 1].key)) return false;
    for (auto t = from + 1; t + 1 < to; ++t)
      if (!(tokens_[t].flags & kTokenWord) || (tokens_[t].flags & kTokenHasUpper)) return false;
    return true;
  }

  bool former(std::uint32_t pos) const {
    static const std::set<std::string> words = {"former", "ex", "voormalig", "voormalige", "oud", "ancien", "ancienne", "ex-"};
    if (pos > 1 && tokens_[pos - 1].key == "-" && glued(pos - 1)) --pos;  // "Oud-ASML-topman"
    return pos > 0 && words.count(tokens_[pos - 1].key) != 0;
  }

  // Maps a byte span of the sentence to the tokens it covers.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> span_tokens(const Sentence& s, std::size_t b, std::size_t e) const {
    const std::size_t begin = s.begin + b, end = s.begin + e;
    // Binary search: a long sentence can hold thousands of amounts.
    const auto from = tokens_.begin() + s.token_begin, to = tokens_.begin() + s.token_end;
    auto first = static_cast<std::uint32_t>(
        std::partition_point(from, to, [&](const Token& t) { return t.end <= begin; }) - tokens_.begin());
    std::uint32_t last = first;
    while (last < s.token_end && tokens_[last].begin < end) ++last;
    if (first == last) return std::nullopt;
    return std::make_pair(first, last);
  }

  void values(std::size_t index, const Sentence& s, std::vector<Mention>& ms, std::vector<bool>& covered) {
    // Amounts, dates and percentages do not depend on names: a second reading reuses the first's.
    if (index < value_mentions_.size()) {
      for (const auto& m : value_mentions_[index]) {
        for (auto t = m.token_begin; t < m.token_end; ++t) covered[t - s.token_begin] = true;
        ms.push_back(m);
      }
      return;
    }
    const std::string_view text = a_.text.sentence_text(s);
    const Lang lang = a_.text.lang;
    auto claim = [&](std::size_t b, std::size_t e, MentionType type, std::int32_t value) {
      const auto span = span_tokens(s, b, e);
      if (!span) return;
      for (auto t = span->first; t < span->second; ++t)
        if (covered[t - s.token_begin]) return;
      for (auto t = span->first; t < span->second; ++t) covered[t - s.token_begin] = true;
      ms.push_back(Mention{span->first, span->second, type, -1, value, false});
    };
    for (auto& m : find_money(text, lang)) {
      if (per_share(text.substr(m.end))) continue;  // a share price says nothing of a company's worth
      a_.money.push_back(std::move(m.amount));
      claim(m.begin, m.end, MentionType::money, static_cast<std::int32_t>(a_.money.size() - 1));
    }
    for (auto& p : find_percent(text, lang)) {
      a_.percents.push_back(std::move(p.value));
      claim(p.begin, p.end, MentionType::percent, static_cast<std::int32_t>(a_.percents.size() - 1));
    }
    for (auto& d : find_dates(text, lang, date_)) {
      a_.dates.push_back(d.date);
      claim(d.begin, d.end, MentionType::date, static_cast<std::int32_t>(a_.dates.size() - 1));
    }
  }

  // Does a cue phrase found by `at` end exactly at token `end`?
  template <typename Lookup>
  bool cue_ends_at(std::uint32_t end, std::uint32_t floor, Lookup at) const {
    for (std::uint32_t length = 1; length <= 6 && length <= end - floor; ++length) {
      const auto found = at(end - length, end);
      if (found && *found == length) return true;
    }
    return false;
  }

  // "l'éditeur français de logiciels Dataxis": where the words before a name start once up to two
  // complements ("de logiciels") are stepped back over, not going before `floor`.
  std::uint32_t before_complements(std::uint32_t pos, std::uint32_t floor) const {
    for (int n = 0; n < 2 && pos >= floor + 2 && (tokens_[pos - 1].flags & kTokenWord) && !(tokens_[pos - 1].flags & kTokenHasUpper); ++n) {
      const std::string& joiner = tokens_[pos - 2].key;
      if (joiner != "de" && joiner != "d'" && joiner != "du" && joiner != "des" && joiner != "of" && joiner != "van") break;
      pos -= 2;
    }
    return pos;
  }

  // Where the cue before a name would end: right before it, or before a nationality in between
  // ("la start-up allemande Brightwave").
  std::uint32_t cue_end_before(std::uint32_t pos, const std::vector<Mention>& ms) const {
    pos = before_complements(pos, 0);
    if (!ms.empty() && ms.back().token_end == pos && ms.back().type == MentionType::nationality) return ms.back().token_begin;
    // French puts adjectives after the noun: "la jeune pousse lyonnaise Vizio", "le groupe industriel X".
    if (a_.text.lang == Lang::fr && pos > 0 && (tokens_[pos - 1].flags & kTokenWord) &&
        !(tokens_[pos - 1].flags & kTokenHasUpper) && !is_function_word(tokens_[pos - 1].key))
      return pos - 1;
    return pos;
  }

  bool org_cue_before(std::uint32_t pos, std::uint32_t floor, const std::vector<Mention>& ms) const {
    const auto cue = [&](std::uint32_t b, std::uint32_t e) { return gaz_.org_prefix_at(tokens_, b, e); };
    if (cue_ends_at(pos, floor, cue)) return true;  // "la start-up Boussole"
    // "la start-up de covoiturage roulio".
    if (const std::uint32_t before = before_complements(pos, floor); before != pos && cue_ends_at(before, floor, cue)) return true;
    const std::uint32_t end = cue_end_before(pos, ms);
    if (names_.compounds && end > floor && gaz_.ends_in_org_noun(tokens_[end - 1].key)) return true;  // "windparkontwikkelaar X"
    return cue_ends_at(end, floor, [&](std::uint32_t b, std::uint32_t e) { return gaz_.org_prefix_at(tokens_, b, e); });
  }

  // "Softwarebedrijf", "betaalapp": one word that is a cue in a language that writes nouns together.
  bool compound_cue(const std::string& key) const {
    return names_.compounds && (gaz_.ends_in_org_noun(key) || gaz_.ends_in_product_noun(key));
  }

  // "het Amerikaanse Lumentum", "du chinois Leapmotor": an article and a nationality before a name.
  // "Vienna-based Prewave", "Oslo-listed Halvard": a place's hyphenated form needs none.
  bool nationality_before(std::uint32_t pos, const std::vector<Mention>& ms) const {
    if (ms.empty() || ms.back().token_end != pos || ms.back().type != MentionType::nationality) return false;
    const std::uint32_t before = ms.back().token_begin;
    if (pos - before >= 3 && tokens_[pos - 2].key == "-" && glued(pos - 1)) return true;
    return before > 0 && (is_determiner(tokens_[before - 1].key) || tokens_[before - 1].key == "du");
  }

  bool person_cue_before(std::uint32_t pos, std::uint32_t floor) const {
    return cue_ends_at(pos, floor, [&](std::uint32_t b, std::uint32_t e) { return gaz_.person_title_at(tokens_, b, e); });
  }

  // ", a Dutch chipmaker", ", een Frans bedrijf", ", une start-up": an apposition that says "organisation".
  bool org_apposition_after(std::uint32_t end, std::uint32_t limit) const {
    if (end + 1 >= limit || tokens_[end].key != "," || !is_determiner(tokens_[end + 1].key)) return false;
    for (std::uint32_t i = end + 2; i < limit && i < end + 7; ++i) {
      if (tokens_[i].key == "," || tokens_[i].key == ".") return false;
      if (auto length = gaz_.org_prefix_at(tokens_, i, limit)) return true;
      // "Nimbus7, an analytics platform for retailers": the retailers are someone else.
      if (gaz_.product_prefix_at(tokens_, i, limit) && i + 1 < limit && is_preposition(tokens_[i + 1].key)) return false;
    }
    return false;
  }

  // "Orion, un modèle de langage", "the Uno, a small electric car": an apposition whose noun, after
  // a determiner and perhaps adjectives, names a kind of product. (Checked after organisation
  // appositions: "Acme, a chip start-up" is a company.)
  bool product_apposition_after(std::uint32_t end, std::uint32_t limit) const {
    if (end + 1 >= limit || tokens_[end].key != "," || !(is_determiner(tokens_[end + 1].key) || is_possessive(tokens_[end + 1].key)))
      return false;
    for (std::uint32_t i = end + 2; i < limit && i < end + 5; ++i) {
      if (gaz_.product_prefix_at(tokens_, i, limit) || (names_.compounds && gaz_.ends_in_product_noun(tokens_[i].key))) return true;
      const Token& t = tokens_[i];
      if (!(t.flags & kTokenWord) || (t.flags & kTokenHasUpper) || is_preposition(t.key)) return false;
    }
    return false;
  }

  bool stops_run(std::uint32_t i, std::uint32_t limit) const {
    // "het Amerikaanse Medisonic Carevio": a name the article already knows starts a new name.
    if (!unknown_.empty() && article_name_at_token(i, limit)) return true;
    if (auto hit = gaz_.match(tokens_, i, limit, a_.text.lang); hit && hit->kind != PhraseKind::descriptor && hit->kind != PhraseKind::city)
      return true;
    return gaz_.person_title_at(tokens_, i, limit).has_value();
  }

  bool glued(std::uint32_t i) const { return i > 0 && tokens_[i].begin == tokens_[i - 1].end; }

  // "Fathom-3", "LTX-101", "PX-Sense": a name continued by a hyphen and a glued number or capitalised
  // word. "AI-bedrijf" is a compound noun, not a name.
  bool hyphen_continues(std::uint32_t end, std::uint32_t limit) const {
    if (end + 1 >= limit || tokens_[end].key != "-" || !glued(end) || !glued(end + 1)) return false;
    if ((tokens_[end + 1].flags & kTokenNumber) || is_capitalised_word(tokens_[end + 1])) return true;
    // "Val-de-Loire", "Saint-Rémy-de-Provence": a lower-case connector between hyphens.
    return end + 3 < limit && shared_.connectors.count(tokens_[end + 1].key) && tokens_[end + 2].key == "-" && glued(end + 2) &&
           glued(end + 3) && is_capitalised_word(tokens_[end + 3]);
  }

  // "AI-bedrijf", "Tech-Konzern": a capitalised word joined to a lower-case one is a modifier.
  bool compound_modifier(std::uint32_t pos, std::uint32_t limit) const {
    return pos + 2 < limit && tokens_[pos + 1].key == "-" && glued(pos + 1) && glued(pos + 2) &&
           (tokens_[pos + 2].flags & kTokenWord) && !(tokens_[pos + 2].flags & kTokenHasUpper);
  }

  bool has_number(std::uint32_t begin, std::uint32_t end) const {
    for (std::uint32_t i = begin; i < end; ++i)
      if (tokens_[i].flags & kTokenNumber) return true;
    return false;
  }

  // "AI", "GPU", "EV": a short all-capital word alone is a common acronym, not a product name.
  bool is_acronym(std::uint32_t begin, std::uint32_t end) const {
    return end - begin == 1 && (tokens_[begin].flags & kTokenAllCaps) && tokens_[begin].key.size() <= 4 && !has_digit(begin);
  }

  // "AI", "EV", "RSV": two or three capital letters alone.
  bool common_acronym(std::uint32_t begin, std::uint32_t end) const {
    const std::string& key = tokens_[begin].key;
    return end - begin == 1 && (tokens_[begin].flags & kTokenAllCaps) && key.size() <= 3 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }

  bool product_cue_before(std::uint32_t pos, std::uint32_t floor) const {
    std::uint32_t end = pos;
    if (end > floor && tokens_[end - 1].key == ",") --end;  // "its lead candidate, LTX-101"
    // "de Spaanse betaalapp Pagalo" is a company: products have no nationality.
    const auto cue_start = [&](std::uint32_t cue_end) -> std::optional<std::uint32_t> {
      if (names_.compounds && cue_end > floor && gaz_.ends_in_product_noun(tokens_[cue_end - 1].key)) return cue_end - 1;  // "melkrobot X"
      for (std::uint32_t length = 1; length <= 6 && length <= cue_end - floor; ++length)
        if (const auto found = gaz_.product_prefix_at(tokens_, cue_end - length, cue_end); found && *found == length)
          return cue_end - length;
      return std::nullopt;
    };
    auto start = cue_start(end);
    // "le robot de traite Lactobot 500", "le système de navigation Astrolabe NG".
    if (!start) {
      const std::uint32_t before = before_complements(end, floor);
      if (before != end) start = cue_start(before);
    }
    // "sa nouvelle citadine électrique ZV3": French puts the adjective after the noun.
    if (!start && names_.adjectives_after_nouns && end > floor + 1 && (tokens_[end - 1].flags & kTokenWord) &&
        !(tokens_[end - 1].flags & kTokenHasUpper) && !is_function_word(tokens_[end - 1].key))
      start = cue_start(end - 1);
    return start && !(*start > floor && is_demonym_at(*start - 1, *start));
  }

  // "the Fathom-3 language model", "the LightLane X2 photonic switch".
  bool product_cue_after(std::uint32_t end, std::uint32_t limit) const {
    // "de Kestra X2-sensor": the kind glued on with a hyphen.
    if (end + 1 < limit && tokens_[end].key == "-" && glued(end) && glued(end + 1)) {
      if (gaz_.is_product_noun(tokens_[end + 1].key) || (names_.compounds && gaz_.ends_in_product_noun(tokens_[end + 1].key)))
        return true;  // "de PX-Sense-sensorchip"
      ++end;
    }
    for (std::uint32_t i = end; i < limit && i < end + 2; ++i) {
      if (gaz_.is_product_suffix(tokens_[i].key) || gaz_.is_product_noun(tokens_[i].key)) return true;
      if (!(tokens_[i].flags & kTokenWord) || (tokens_[i].flags & kTokenCapitalised)) return false;
    }
    return false;
  }

  // "A Shift in AI Power Dynamics": in a headline in title case every word is capitalised, so
  // capitals and suffixes say nothing about names there.
  bool title_case(const Sentence& s) const {
    int words = 0;
    for (auto t = s.token_begin; t < s.token_end; ++t) {
      if (!(tokens_[t].flags & kTokenWord) || tokens_[t].key.size() < 4) continue;
      if (!(tokens_[t].flags & (kTokenCapitalised | kTokenAllCaps))) {
        // "Moped Raises Capital from US Investors": style guides leave prepositions in lower case.
        if (is_function_word(tokens_[t].key) || names_.headline_breaks.count(tokens_[t].key)) continue;
        return false;  // most sentences end here, at their first long lower-case word
      }
      ++words;
    }
    return words >= 3;
  }

  // "Hollis Peak Capital", "Brandle Peak Partners": unknown capitalised words before a listed name
  // that ends in an organisation suffix ("Peak Capital") are the start of a longer name, not a name
  // of their own. Not common words ("Meanwhile Peak Capital"); demonyms, titles and dates never
  // start a run. The length of the listed name at `at` that the run from pos takes in, if any.
  std::optional<std::uint32_t> absorbed_known_name(std::uint32_t pos, std::uint32_t at, std::uint32_t limit) const {
    const auto hit = gaz_.match(tokens_, at, limit, a_.text.lang);
    if (!hit || hit->kind != PhraseKind::name || hit->length < 2) return std::nullopt;
    if (gaz_.entity(hit->entity).type != EntityType::organization) return std::nullopt;
    if (!gaz_.is_org_suffix(tokens_[at + hit->length - 1].key)) return std::nullopt;
    for (auto i = pos; i < at; ++i) {
      const WordKind kind = word_kind(tokens_[i]);
      if (!is_capitalised_word(tokens_[i]) || kind == WordKind::common) return std::nullopt;
    }
    return hit->length;
  }

  // Where a capitalised run starting at pos ends: capitalised words, a short number after the
  // first ("Vireo 3"), particles after a given name ("Anneke van der Berg"), "&", and connectors
  // inside an organisation's name ("Bank of Harrow", "Groupe Arnault et Fils").
  std::uint32_t name_run_end(const Sentence& s, std::uint32_t pos, bool given, const std::vector<bool>& covered,
                             bool& hyphenated, bool surname_first = false) const {
    std::uint32_t end = pos + 1;
    bool surname_started = surname_first;  // particles join a given name to its surname, not a name to the next
    while (end < s.token_end && end - pos < 7 && !covered[end - s.token_begin]) {
      const Token& t = tokens_[end];
      if (hyphen_continues(end, s.token_end)) {
        end += is_capitalised_word(tokens_[end + 1]) || (tokens_[end + 1].flags & kTokenNumber) ? 2 : 4;
        hyphenated = true;
        continue;
      }
      // "Thomas J. Whitaker Jr.": an initial and its period inside a person's name.
      if (given && t.key == "." && glued(end) && tokens_[end - 1].key.size() == 1 && end + 1 < s.token_end &&
          is_capitalised_word(tokens_[end + 1])) { ++end; continue; }
      // A known name stops a run, except the family name after a given name ("Thierry Bolloré",
      // "Jonathan Ford") and a nationality inside a name that a head word opens.
      const bool family_name = given && end == pos + 1 && is_capitalised_word(t) && !gaz_.person_title_at(tokens_, end, s.token_end);
      const bool stops = stops_run(end, s.token_end);
      // Only a listed name stops a run, so only then can the run take it in ("Hollis Peak Capital").
      if (const auto known = stops ? absorbed_known_name(pos, end, s.token_end) : std::nullopt) {
        end += *known;
        continue;
      }
      if (!family_name && stops && !(is_head(pos) && is_demonym_at(end, s.token_end))) break;
      const bool particle = given && !surname_started && is_name_particle(t.key);  // "Marie-Claire Van den Broeck"
      if (!particle && (is_capitalised_word(t) || ((t.flags & kTokenNumber) && !given && end - pos == 1 && !t.key.empty() && t.key.size() <= 3))) {
        surname_started = surname_started || (given && !glued(end));
        ++end;
        continue;
      }
      if (particle) {
        std::uint32_t after = end + 1;  // "van der", "de la", "op den", "van 't"
        while (after < s.token_end && after < end + 4) {
          if (is_name_particle(tokens_[after].key)) ++after;
          else if (tokens_[after].key == "'" && after + 1 < s.token_end && tokens_[after + 1].key == "t" && glued(after + 1)) after += 2;
          else break;
        }
        if (after < s.token_end && is_capitalised_word(tokens_[after]) && !covered[after - s.token_begin]) {
          end = after + 1;  // the family name, even one a list knows ("de La Roche")
          surname_started = true;
          continue;
        }
        break;
      }
      if (!given && legal_form_at(end)) {  // "Kingsmoor Bank plc"
        ++end;
        break;
      }
      if (is_head(pos) && shared_.connectors.count(t.key) && end + 2 < s.token_end && is_determiner(tokens_[end + 1].key) &&
          glued(end + 2) && is_capitalised_word(tokens_[end + 2])) {
        end += 3;  // "de l'Ouest"
        continue;
      }
      // "Bill & Melinda Gates Foundation Trust": "&" joins even a name the lists know.
      const bool before_name = end + 1 < s.token_end && is_capitalised_word(tokens_[end + 1]) &&
                               !covered[end + 1 - s.token_begin] &&
                               (t.key == "&" || is_head(pos) || !stops_run(end + 1, s.token_end));
      if (!before_name) break;
      if (given && t.key != "&") break;  // "Bill & Melinda Gates Foundation Trust"
      // "Marlow & Finch", "Arnault et Fils", and after a designator "Bank of Harrow",
      // "Association of Payment Institutions"; "Shares of Harrow" is no name.
      // The designator must end the name: "LRM en Group MC" is two companies.
      const bool designator_ends = designator_at(end + 1) && !(end + 2 < s.token_end && is_capitalised_word(tokens_[end + 2]) &&
                                                                !designator_at(end + 2));
      if (t.key == "&" || (shared_.conjunctions.count(t.key) && designator_ends) ||
          (shared_.connectors.count(t.key) && (is_head(pos) || is_head(end - 1) || designator_at(end - 1)))) {
        end += 1;
        continue;
      }
      break;
    }
    return end;
  }

  bool is_demonym_at(std::uint32_t pos, std::uint32_t limit) const {
    const auto hit = gaz_.match(tokens_, pos, limit, a_.text.lang);
    return hit && hit->kind == PhraseKind::demonym;
  }

  // A designator as written: "Oberkamp SE", not the French "Se" of a headline.
  bool designator_at(std::uint32_t i) const {
    const std::string& key = tokens_[i].key;
    return is_designator_key(key) && (!is_legal_form(key) || legal_form_at(i));
  }

  // A word that ends an organisation's name: "Holdings", "N.V", and in languages that write nouns
  // together "Bouwgroep", "Zorggroep".
  bool is_designator_key(const std::string& key) const {
    return gaz_.is_org_suffix(key) || (names_.compounds && gaz_.ends_in_org_suffix(key));
  }

  bool is_head(std::uint32_t pos) const { return shared_.heads.count(tokens_[pos].key) != 0; }
  bool is_legal_form(const std::string& key) const { return shared_.legal_forms.count(key) != 0; }
  // "Oberkamp SE", "Velmar N.V.", "Kingsmoor Bank plc"; not the French "Se" of a headline.
  bool legal_form_at(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (!is_legal_form(t.key)) return false;
    return t.key.size() > 2 || t.key.find('.') != std::string::npos || (t.flags & kTokenAllCaps);
  }

  // Does a name that ends in a designator start at pos ("Kovra Pay" after "Kovra Bank", "Nordic
  // Fintech Association")? Its end, or pos when none does.
  std::uint32_t designated_name_end(const Sentence& s, std::uint32_t pos, const std::vector<bool>& covered) const {
    if (!is_capitalised_word(tokens_[pos])) return pos;
    bool hyphenated = false;
    // "Van der Meer Groep": a family name with its particles.
    const std::uint32_t end = name_run_end(s, pos, is_surname_particle(tokens_[pos].key), covered, hyphenated);
    return end - pos >= 2 && designated(pos, end) ? end : pos;
  }
  bool is_not_name(const std::string& key) const {
    return names_.not_names.count(key) != 0 || english_.not_names.count(key) != 0;
  }

  // A sentence's first word, or the first after an opening quote, bracket, colon or dash: capitalised
  // whatever it is.
  bool opens_sentence(const Sentence& s, std::uint32_t pos) const {
    if (pos == s.token_begin) return true;
    const std::string& before = tokens_[pos - 1].key;
    static const std::set<std::string> openers = {"\"", "\u201c", "\u00ab", "(", ":", "-", "\u2013", "\u2014", "'", "\u2018"};
    return openers.count(before) != 0;
  }

  // given: in no word list, but a given name ("Halvard"): a person's, or a company named after one.
  enum class WordKind : std::uint8_t { unknown, common, proper, given };

  // What the language's word lists say of a word, then English's, which business news borrows from
  // ("Gent" is a city in Dutch before it is a word in English).
  WordKind word_kind(const Token& t) const {
    // Looked up once a token: the scans ask about the same words many times.
    auto& cached = word_kinds_[static_cast<std::size_t>(&t - tokens_.data())];
    if (cached < 0) cached = static_cast<std::int8_t>(look_up_word_kind(t));
    return static_cast<WordKind>(cached);
  }

  WordKind look_up_word_kind(const Token& t) const {
    const std::string_view text = a_.text.token_text(t);
    const std::string lower = lower_latin(text);
    std::string capitalised = lower;
    if (!capitalised.empty() && capitalised[0] >= 'a' && capitalised[0] <= 'z') capitalised[0] = static_cast<char>(capitalised[0] - 32);
    for (const LanguageNames* names : {&names_, &english_}) {
      // "RNA", "Oxford", "Gent" (a city before a goose); an all-capital word is looked up as written
      // and capitalised ("GENT").
      if (names->words.is_proper(text) || ((t.flags & kTokenAllCaps) && names->words.is_proper(capitalised)))
        return WordKind::proper;
      if (names->words.is_common(lower)) return WordKind::common;
      // "Startups", "Investors": the plural of a common word.
      if (lower.size() > 3 && lower.back() == 's' && names->words.is_common(std::string_view(lower).substr(0, lower.size() - 1)))
        return WordKind::common;
    }
    return gaz_.is_given_name(t.key) ? WordKind::given : WordKind::unknown;
  }

  // A capitalised run that no list, designator or cue types is a name by its shape alone when its
  // words are not words of the language ("Quillon", "KPV", "Pellmore Finch"): not a sentence's
  // first word, which is capitalised whatever it is ("Shares", "Analysts"), nor a place or a month
  // ("London", "January"), nor, in English, a title in capitals ("Chief Executive", "Wall Street").
  bool bare_name(const Sentence& s, std::uint32_t pos, std::uint32_t end) const {
    const std::uint32_t length = end - pos;
    if (length == 1 && (is_not_name(tokens_[pos].key) || !(tokens_[pos].flags & (kTokenWord | kTokenNumber)))) return false;
    const bool opening = opens_sentence(s, pos);
    // "FRANCFORT (AFP) -", "BRUXELLES, 12 mars (Reuters)": a dateline's place.
    if (opening && (tokens_[pos].flags & kTokenAllCaps) && end < s.token_end && (tokens_[end].key == "(" || tokens_[end].key == ","))
      return false;
    if (after_place_cue(pos, s.token_begin)) return false;  // "en Bretagne"
    if (length == 1 && tokens_[pos].key.find('\'') != std::string::npos) return false;  // "Jusqu'", "We've"
    // "l'école de pari du Parit": a company's name takes no article, so none that is merged into "du".
    if (length == 1 && pos > s.token_begin && names_.no_name_after.count(tokens_[pos - 1].key)) return false;
    if (proper_then_common_subject(s, pos, end)) return true;
    int unknown = 0, common = 0, proper = 0;
    for (auto i = pos; i < end; ++i) {
      const Token& t = tokens_[i];
      if (!is_capitalised_word(t) && !(t.flags & kTokenWord)) continue;  // "&", "-"; not "MediKit360"
      if (is_not_name(t.key) || gaz_.is_org_suffix(t.key)) continue;
      const WordKind kind = word_kind(t);
      // "Shares", "Analysts", "London": the first word of a sentence is capitalised whatever it is;
      // in languages that capitalise no titles a run of capitalised words there is a name
      // ("Grand Ouest Semences a annoncé").
      if (i == pos && opening && kind != WordKind::unknown && (length == 1 || names_.capitalises_titles)) return false;
      if (i == pos && length == 1 && kind == WordKind::proper) return false;
      // "geleid door Halvard": a given name alone, no surname after it, names a company.
      unknown += kind == WordKind::unknown ||
                 (length == 1 && kind == WordKind::given && !(end < s.token_end && is_capitalised_word(tokens_[end])));
      common += kind == WordKind::common;
      proper += kind == WordKind::proper || kind == WordKind::given;
    }
    // "Prime Minister", "Nasdaq Composite": a run ending in a word that is no name is none.
    if (length >= 2 && is_not_name(tokens_[end - 1].key)) return false;
    if (unknown > 0) return true;
    // "Existing shareholders Ferrow and Lintel", "Shares of Saffron": a capitalised common word
    // inside a sentence, not after a determiner ("the Senate", "the Fed").
    if (length == 1 && common == 1 && !opening && !article_before(pos) && !(tokens_[pos - 1].flags & kTokenCapitalised))
      return true;
    if (length >= 2 && common > 0 && !opening && beside_shaped_name(s, pos, end)) return true;
    return length >= 2 && (common > 0 || (opening && proper > 0)) && !names_.capitalises_titles;
  }

  // "Harlan Provisions has completed ...", "Analysts said Carver Dairies paid ...": where titles take
  // capitals, a proper noun that no list gives as a first name, then common words, and a verb after
  // them is a company's name (a person's would start with a first name: "Grace Baker said").
  bool proper_then_common_subject(const Sentence& s, std::uint32_t pos, std::uint32_t end) const {
    const std::uint32_t length = end - pos;
    if (!names_.capitalises_titles || length < 2 || length > 4 || end >= s.token_end) return false;
    if (word_kind(tokens_[pos]) != WordKind::proper || given_name_at(pos) || is_not_name(tokens_[end - 1].key)) return false;
    for (auto i = pos + 1; i < end; ++i)
      if (!(tokens_[i].flags & kTokenWord) || word_kind(tokens_[i]) != WordKind::common || is_not_name(tokens_[i].key)) return false;
    const Token& after = tokens_[end];
    if (!(after.flags & kTokenWord) || (after.flags & kTokenCapitalised)) return false;
    return names_.auxiliaries.count(after.key) != 0 || names_.headline_breaks.count(after.key) != 0 ||
           verb_by_ending(lower_latin(a_.text.token_text(after)));
  }

  // "competes with Employment Hero and Xero", "XAnge et New Alpha": capitalised common words
  // joined to a name that no word list knows are a name too, even where titles take capitals.
  bool beside_shaped_name(const Sentence& s, std::uint32_t pos, std::uint32_t end) const {
    const auto joins = [&](std::uint32_t i) { return tokens_[i].key == "," || names_.conjunctions.count(tokens_[i].key) != 0; };
    const auto shaped = [&](std::uint32_t i) {
      return is_capitalised_word(tokens_[i]) && word_kind(tokens_[i]) == WordKind::unknown && !is_not_name(tokens_[i].key);
    };
    if (end + 1 < s.token_end && joins(end) && shaped(end + 1)) return true;
    return pos >= s.token_begin + 2 && joins(pos - 1) && shaped(pos - 2) && !opens_sentence(s, pos - 2);
  }

  // "Aandelen Stellwerk", "Maaltijdbezorger Honger": a common word opening the sentence before a
  // word no list knows says what follows; the name starts after it (not so a head: "Atelier Brunel").
  bool opening_word_before_name(const Sentence& s, std::uint32_t pos, std::uint32_t end) const {
    if (end - pos < 2 || !opens_sentence(s, pos) || is_head(pos) || given_name_at(pos) || word_kind(tokens_[pos]) != WordKind::common)
      return false;
    if (designator_at(end - 1) && end - pos >= 3) return false;  // "Harrow Lane Holdings"
    for (auto i = pos + 1; i < end; ++i)
      if ((tokens_[i].flags & kTokenWord) && word_kind(tokens_[i]) == WordKind::unknown) return true;
    return false;
  }

  bool has_digit(std::uint32_t i) const {
    return std::any_of(tokens_[i].key.begin(), tokens_[i].key.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // "3", "X2", "S7", "R1", "500": a model's number.
  bool model_number(std::uint32_t i) const {
    const std::string& key = tokens_[i].key;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto alnum = [&](char c) { return digit(c) || (c >= 'a' && c <= 'z'); };
    return !key.empty() && key.size() <= 4 && std::any_of(key.begin(), key.end(), digit) && std::all_of(key.begin(), key.end(), alnum);
  }

  bool given_name_at(std::uint32_t pos) const { return gaz_.is_given_name(tokens_[pos].key); }

  // "the Senate", "het Kabinet", "la Bourse": an article of the article's language ("de" is one in
  // Dutch, a preposition in French: "directrice générale de Pivoine").
  bool article_before(std::uint32_t pos) const {
    const std::string& key = tokens_[pos - 1].key;
    return names_.articles.count(key) != 0 || is_possessive(key);
  }

  // "en Bretagne", "l'usine de Dunkerque", "the plant in Ohio": places, not companies.
  bool after_place_cue(std::uint32_t pos, std::uint32_t floor) const {
    static const std::set<std::string> links = {"de", "d'", "of", "in", "van", "a", "au", "te", "at"};  // "basé à Hambourg"
    if (pos > floor + 1 && links.count(tokens_[pos - 1].key)) --pos;
    if (pos > floor && names_.place_cues.count(tokens_[pos - 1].key)) return true;
    const std::uint32_t before = before_complements(pos, floor);  // "le tribunal de commerce de Nanterre"
    return before != pos && before > floor && names_.place_cues.count(tokens_[before - 1].key);
  }

  // "het ministerie van Economische Zaken en Klimaat", "le ministère de l'Économie": a lower-case
  // word that opens an organisation's name before a connector and capitalised words.
  bool lower_case_head(const Sentence& s, std::uint32_t pos, std::vector<Mention>& ms, std::vector<bool>& covered,
                       std::uint32_t& next) {
    if (!names_.lowercase_heads.count(tokens_[pos].key) || pos + 2 >= s.token_end || !shared_.connectors.count(tokens_[pos + 1].key))
      return false;
    std::uint32_t start = pos + 2;
    if (is_determiner(tokens_[start].key) && start + 1 < s.token_end) ++start;  // "de l'Économie"
    if (!is_capitalised_word(tokens_[start]) || covered[start - s.token_begin]) return false;
    bool hyphenated = false;
    std::uint32_t end = name_run_end(s, start, false, covered, hyphenated);
    while (end + 1 < s.token_end && shared_.conjunctions.count(tokens_[end].key) && is_capitalised_word(tokens_[end + 1]) &&
           !covered[end + 1 - s.token_begin])
      end = name_run_end(s, end + 1, false, covered, hyphenated);
    return take_name(s, pos, end, EntityType::organization, false, ms, covered, next);
  }

  // A cheap look before the cues are matched: can one end in the three words before pos ("the
  // neobank plonk", "la start-up de covoiturage roulio")?
  bool cue_may_end_before(const Sentence& s, std::uint32_t pos) const {
    for (std::uint32_t i = pos; i > s.token_begin && i + 3 > pos; --i) {
      auto& cached = cue_ends_[i - 1];
      if (cached < 0) {
        const std::string& key = tokens_[i - 1].key;
        cached = gaz_.may_end_org_cue(key) || (names_.compounds && gaz_.ends_in_org_noun(key));
      }
      if (cached) return true;
    }
    return false;
  }

  // "de neobank plonk", "la néobanque plonk": a lower-case word that is no word of the language,
  // right after an organisation noun, is the organisation's brand.
  // "fabrikant airbaghoezen": where nouns are written together, a word ending in a plural common
  // noun of five letters or more ("hoezen") is a compound noun, not a brand ("klikmaat" may be one).
  bool common_compound(const std::string& lower) const {
    if (!names_.compounds || lower.size() < 8) return false;
    const bool plural = lower.compare(lower.size() - 2, 2, "en") == 0 || lower.back() == 's';
    if (!plural) return false;
    for (std::size_t cut = 3; cut + 5 <= lower.size(); ++cut)
      if (names_.words.is_common(std::string_view(lower).substr(cut))) return true;
    return false;
  }

  // "lavallois", "toulousaine": a word with one of the language's adjective endings describes.
  bool adjective_by_ending(const std::string& key) const {
    for (const std::string& ending : names_.adjective_endings)
      if (key.size() > ending.size() + 2 && key.compare(key.size() - ending.size(), ending.size(), ending) == 0) return true;
    return false;
  }

  bool lower_case_brand(const Sentence& s, std::uint32_t pos, std::vector<Mention>& ms, std::vector<bool>& covered,
                        std::uint32_t& next) {
    const Token& t = tokens_[pos];
    // Cheap tests first: this runs for every lower-case word.
    if (!(t.flags & kTokenWord) || (t.flags & (kTokenHasUpper | kTokenNumber)) || t.key.size() < 3 || pos == s.token_begin ||
        !cue_may_end_before(s, pos) || is_function_word(t.key) || is_legal_form(t.key) || is_not_name(t.key))  // "fournisseur cloud"
      return false;
    // A lower-case ASCII word is its own key; others are lower-cased as written ("néobanque").
    const std::string_view text = a_.text.token_text(t);
    if (text == t.key ? names_.words.is_common(text) : names_.words.is_common(lower_latin(text))) return false;
    if (!org_cue_before(pos, s.token_begin, ms) && !(names_.compounds && gaz_.ends_in_org_noun(tokens_[pos - 1].key)))
      return false;
    if (common_compound(text == t.key ? std::string(text) : lower_latin(text))) return false;
    if (compound_cue(t.key)) return false;
    if (adjective_by_ending(t.key)) return false;  // "le géant lavallois", "le groupe nantais"
    const std::int32_t entity = intern_unknown(surface(pos, pos + 1), EntityType::organization);
    covered[pos - s.token_begin] = true;
    add_entity_mention(ms, pos, pos + 1, entity, false);
    next = pos + 1;
    return true;
  }

  // A capitalised run not in the gazetteer that cues, designators or its own shape mark as an
  // organisation, a product or a person.
  bool unknown_entity(const Sentence& s, std::uint32_t pos, std::vector<Mention>& ms, std::vector<bool>& covered,
                      std::uint32_t& next) {
    if (!is_capitalised_word(tokens_[pos]))
      return lower_case_head(s, pos, ms, covered, next) || lower_case_brand(s, pos, ms, covered, next);
    // "Zenvik-topman Bas de Vries": the company of an office, glued to it.
    if (compound_modifier(pos, s.token_end)) {
      if (!gaz_.person_title_at(tokens_, pos + 2, s.token_end) || word_kind(tokens_[pos]) == WordKind::common) return false;
      return take_name(s, pos, pos + 1, EntityType::organization, false, ms, covered, next);
    }
    if (headline_) return headline_name(s, pos, ms, covered, next);
    // "Softwarebedrijf DataBrug", "Omvormerfabrikant SolarVerde": a compound cue opening the
    // sentence introduces the name after it.
    if (opens_sentence(s, pos) && compound_cue(tokens_[pos].key)) return false;
    // "Het", "The", "Selon" open no name; "Van Dijk Beheer", "De Vries Groep" do.
    if (is_function_word(tokens_[pos].key)) {
      if (!is_surname_particle(tokens_[pos].key)) return false;
      const std::uint32_t end = designated_name_end(s, pos, covered);
      if (end == pos) return false;
      return take_name(s, pos, end, EntityType::organization, false, ms, covered, next);
    }
    if (is_not_name(tokens_[pos].key)) return false;  // "Mr Hollings": the title is no part of the name
    if (former(pos + 1) && pos + 1 < s.token_end && tokens_[pos + 1].key == "-") return false;  // "Oud-ASML"
    // "M. Girardin", "Mr Hollings", "de heer Smit": a surname after an honorific is a person.
    if (after_honorific(pos, s.token_begin)) {
      bool hyphen = false;
      const bool given_name = gaz_.is_given_name(tokens_[pos].key);
      return take_name(s, pos, name_run_end(s, pos, true, covered, hyphen, !given_name), EntityType::person, false, ms, covered,
                       next);
    }
    const bool given = gaz_.is_given_name(tokens_[pos].key);
    bool hyphenated = false;
    const std::uint32_t end = name_run_end(s, pos, given, covered, hyphenated);
    if (opening_word_before_name(s, pos, end)) return false;
    // "London AI start-up Lumora": a capitalised run before an organisation noun that introduces a
    // name says what kind of organisation the name is; it is not one itself.
    if (auto cue = gaz_.org_prefix_at(tokens_, end, s.token_end);
        cue && end + *cue < s.token_end && is_capitalised_word(tokens_[end + *cue]))
      return false;
    EntityType type;
    bool inferred = false;
    const std::uint32_t length = end - pos;
    if (length >= 2 && designated(pos, end)) type = EntityType::organization;
    else if (!is_acronym(pos, end) && (product_cue_before(pos, s.token_begin) || product_cue_after(end, s.token_end) ||
                                       (product_apposition_after(end, s.token_end) && !org_apposition_after(end, s.token_end))))
      type = EntityType::product;
    else if (hyphenated && has_number(pos, end)) type = EntityType::product;  // "Wren-2", "NX-1", "LTX-204"
    // "Vireo 3", "Stroomer S7", "Kestra X2": a name and a model number (not "Stoxx 600").
    else if (length >= 2 && model_number(end - 1) && !is_not_name(tokens_[pos].key)) type = EntityType::product;
    // "Jean-Dominique Senard": a hyphenated given name, but no number ("Wren-2" is a product).
    else if (length >= 2 && given && length <= 8 && !has_number(pos, end)) type = EntityType::person;
    else if (length >= 2 && !hyphenated && person_cue_before(pos, s.token_begin)) type = EntityType::person;
    else if (org_cue_before(pos, s.token_begin, ms) || nationality_before(pos, ms))
      type = EntityType::organization;
    // "AI, the technology" is not a company: a short acronym needs a cue before it.
    else if (!common_acronym(pos, end) && org_apposition_after(end, s.token_end))
      type = EntityType::organization;
    // "Groupe Arnault", "Stichting Pellmore", "Marlow & Finch".
    else if (length >= 2 && (is_head(pos) || contains_key(pos, end, "&")) && !is_not_name(tokens_[end - 1].key))
      type = EntityType::organization;
    // "Darcy founder Adam Hollings", "Pellmore chief executive Tom Hale" (not "Oxford researcher X").
    else if (!common_acronym(pos, end) && office_after(end, s.token_end) && !(length == 1 && word_kind(tokens_[pos]) != WordKind::unknown))
      type = EntityType::organization;
    // "Geraldine Matchett, chief financial officer": a name in apposition to an office is a person.
    else if (length >= 2 && length <= 4 && !hyphenated && office_apposition_after(end, s.token_end)) type = EntityType::person;
    else if (bare_name(s, pos, end)) {
      type = EntityType::organization;
      inferred = true;
    } else {
      return false;
    }
    return take_name(s, pos, end, type, inferred, ms, covered, next);
  }

  // "Berlin's Kalvo", "a Lisbon voice-AI startup", "based in Minneapolis": a city where no name goes
  // on after it stands for its country; "Munich Re", "Toronto-Dominion" are names.
  bool city_is_place(const Sentence& s, std::uint32_t end) const {
    if (end >= s.token_end) return true;
    return !is_capitalised_word(tokens_[end]) && !(tokens_[end].flags & kTokenNumber) && !hyphen_continues(end, s.token_end);
  }

  bool take_name(const Sentence& s, std::uint32_t pos, std::uint32_t end, EntityType type, bool inferred,
                 std::vector<Mention>& ms, std::vector<bool>& covered, std::uint32_t& next) {
    const std::int32_t entity = intern_unknown(surface(pos, without_legal_form(pos, end)), type, inferred);
    for (auto t = pos; t < end; ++t) covered[t - s.token_begin] = true;
    add_entity_mention(ms, pos, end, entity, false);
    next = end;
    if (type == EntityType::organization) learn_acronym(s, end, entity, covered, next);
    return true;
  }

  // "Compagnie Minière de Tessancourt (CMT)": the letters in brackets are the company's short name
  // from there on.
  void learn_acronym(const Sentence& s, std::uint32_t end, std::int32_t entity, std::vector<bool>& covered, std::uint32_t& next) {
    if (end + 2 >= s.token_end || tokens_[end].key != "(" || tokens_[end + 2].key != ")") return;
    const Token& t = tokens_[end + 1];
    if (!(t.flags & kTokenAllCaps) || t.key.size() < 2 || t.key.size() > 6) return;
    short_names_[t.key] = entity;
    for (auto i = end; i < end + 3; ++i) covered[i - s.token_begin] = true;
    next = end + 3;
  }

  bool office_apposition_after(std::uint32_t end, std::uint32_t limit) const {
    if (end + 1 >= limit || tokens_[end].key != ",") return false;
    std::uint32_t at = end + 1;
    if (is_determiner(tokens_[at].key) || former(at + 1)) ++at;  // ", the chief executive", ", former chairman"
    if (at < limit && former(at + 1)) ++at;
    return at < limit && gaz_.person_title_at(tokens_, at, limit).has_value();
  }

  bool after_honorific(std::uint32_t pos, std::uint32_t floor) const {
    if (pos > floor && tokens_[pos - 1].key == ".") --pos;
    if (pos == floor) return false;
    if (names_.honorifics.count(tokens_[pos - 1].key)) return true;
    return pos >= floor + 2 && names_.honorifics.count(tokens_[pos - 2].key + " " + tokens_[pos - 1].key);
  }

  // An office and a person's name right after a name: the name is the organisation they serve.
  bool office_after(std::uint32_t end, std::uint32_t limit) const {
    if (end >= limit || is_capitalised_word(tokens_[end])) return false;
    const auto title = gaz_.person_title_at(tokens_, end, limit);
    return title && end + *title < limit && is_capitalised_word(tokens_[end + *title]);
  }

  // In a headline in title case every word is capitalised: a name there is a stretch between
  // function words and verbs ("Kovra Names ..."), less its leading common words ("Buy Pellmore"),
  // that ends in a designator or holds a word no list knows.
  bool headline_name(const Sentence& s, std::uint32_t pos, std::vector<Mention>& ms, std::vector<bool>& covered,
                     std::uint32_t& next) {
    if (pos > s.token_begin && is_capitalised_word(tokens_[pos - 1]) && !headline_break(pos - 1) && !covered[pos - 1 - s.token_begin])
      return false;  // inside a stretch that started earlier
    std::uint32_t end = pos;
    while (end < s.token_end && !covered[end - s.token_begin] && end - pos < 6 &&
           (is_capitalised_word(tokens_[end]) || hyphen_continues(end, s.token_end) || tokens_[end].key == "&" ||
            (end > pos && headline_model_number(end)) ||
            (end > pos && tokens_[end].key == "-" && glued(end) && end + 1 < s.token_end && glued(end + 1))) &&
           !headline_break(end) && !(end > pos && gaz_.person_title_at(tokens_, end, s.token_end)))
      ++end;
    std::uint32_t begin = pos;
    // Leading common words and cues go ("Buy Pellmore", "Former Banker Alice Penrose", "Neobank
    // Plonk"); the word after a cue stays, whatever it is ("Fintech Start-Up Harbour"), and so does
    // one before a kind of product or a model number ("Orion Model", "Orion 2").
    while (begin < end && !given_name_at(begin) && !designated_name_end_in(begin, end) && !after_cue(begin, pos, end) &&
           !(begin + 2 == end && (headline_model_number(begin + 1) || gaz_.is_product_suffix(tokens_[begin + 1].key))) &&
           (word_kind(tokens_[begin]) != WordKind::unknown || is_not_name(tokens_[begin].key) ||
            gaz_.org_prefix_at(tokens_, begin, begin + 1) || compound_cue(tokens_[begin].key)))
      ++begin;
    next = std::max(end, pos + 1);
    if (begin == end) return false;
    // A designator closes the name before common words: "Lansdale Bank Veteran" is Lansdale Bank
    // ("Staalmeester Industrie Twente" keeps its place).
    for (std::uint32_t last = end; last > begin + 1; --last) {
      if (!designator_at(last - 1)) continue;
      if (!(last + 1 == end && word_kind(tokens_[last]) == WordKind::proper)) end = last;
      break;
    }
    while (end > begin && !(tokens_[end - 1].flags & kTokenWord) && !headline_model_number(end - 1)) --end;
    // "Why Monotype Stock Surged Today": a word that is never a name ends no name.
    while (end > begin + 1 && is_not_name(tokens_[end - 1].key) && !designator_at(end - 1)) --end;
    std::uint32_t length = end - begin;
    bool unknown = false;
    for (auto i = begin; i < end; ++i) unknown = unknown || ((tokens_[i].flags & kTokenWord) && word_kind(tokens_[i]) == WordKind::unknown);
    EntityType type = EntityType::organization;
    bool inferred = false;
    if (length >= 2 && gaz_.is_given_name(tokens_[begin].key)) type = EntityType::person;
    else if (length >= 2 && designator_at(end - 1)) inferred = false;
    // "Asthma Drug Corlix", "Le Vireo 3", "Orion Model".
    else if (product_cue_before(begin, s.token_begin) || (length >= 2 && model_number(end - 1))) type = EntityType::product;
    else if (length >= 2 && gaz_.is_product_suffix(tokens_[end - 1].key)) {
      type = EntityType::product;
      --end;
      --length;
    }
    else if (after_cue(begin, pos, end)) inferred = false;  // "Neobank Plonk"
    else if (unknown && !is_not_name(tokens_[begin].key)) inferred = true;
    else return false;
    if (length == 1 && is_not_name(tokens_[begin].key)) return false;
    if (type == EntityType::person) {  // "Jeroen Dijkstra Verlaat ...": a given name and a family name
      bool hyphen = false;
      end = std::min(end, name_run_end(s, begin, true, covered, hyphen));
      end = std::min(end, begin + 2 + static_cast<std::uint32_t>(hyphen ? 2 : 0));
    }
    take_name(s, begin, end, type, inferred, ms, covered, next);
    next = std::max(next, pos + 1);
    return true;
  }

  // "Le Vireo 3,", "Orion 2 Voor": a model number ends a headline's stretch; "Cut 600 Jobs" and
  // "UPDATE 2-Greyfield" have none.
  bool headline_model_number(std::uint32_t i) const {
    if (!model_number(i) || (tokens_[i].key.size() > 2 && !(tokens_[i].flags & kTokenHasUpper))) return false;
    const std::uint32_t after = i + 1;
    if (after >= tokens_.size()) return true;
    return !(tokens_[after].key == "-" && glued(after)) &&
           (!is_capitalised_word(tokens_[after]) || ((tokens_[after].flags & kTokenWord) && headline_break(after)));
  }

  // Is the word at i right after an organisation noun of the same stretch ("Start-Up Harbour")?
  bool after_cue(std::uint32_t i, std::uint32_t stretch_begin, std::uint32_t stretch_end) const {
    if (i == stretch_begin || gaz_.org_prefix_at(tokens_, i, stretch_end) || !(tokens_[i].flags & kTokenWord)) return false;
    return cue_ends_at(i, stretch_begin, [&](std::uint32_t b, std::uint32_t e) { return gaz_.org_prefix_at(tokens_, b, e); });
  }

  // Does a designator close a name between begin and end, with at most two words before it?
  bool designated_name_end_in(std::uint32_t begin, std::uint32_t end) const {
    for (std::uint32_t i = begin + 1; i < end && i <= begin + 2; ++i)
      if (designator_at(i)) return true;
    return false;
  }

  // Words that end a stretch of a title-case headline: function words ("To", "For", "As") and
  // verbs, by the endings the language declares.
  bool headline_break(std::uint32_t i) const {
    const Token& t = tokens_[i];
    if (!(t.flags & kTokenWord)) return t.key != "&" && t.key != "-" && !headline_model_number(i);
    if (is_function_word(t.key) || names_.headline_breaks.count(t.key)) return true;
    const std::string lower = lower_latin(a_.text.token_text(t));
    if (gaz_.is_org_suffix(t.key) || is_head(i) || !(names_.words.is_common(lower) || english_.words.is_common(lower))) return false;
    return verb_by_ending(lower);
  }

  // A verb: a common word whose stem, less the language's ending, is a word too ("Buys", "Koopt").
  // "s": "Buys" is a verb when "buy" is a word; "e>er": "Quitte" when "quitter" is; "t*": any
  // common word in -t ("Verlaat").
  bool verb_by_ending(const std::string& lower) const {
    for (const std::string& rule : names_.headline_verb_endings) {
      const bool any = !rule.empty() && rule.back() == '*';
      const auto arrow = rule.find('>');
      const std::string ending = rule.substr(0, any ? rule.size() - 1 : arrow);
      const std::string replacement = arrow == std::string::npos ? "" : rule.substr(arrow + 1);
      if (lower.size() < ending.size() + 3 || lower.compare(lower.size() - ending.size(), ending.size(), ending) != 0) continue;
      if (any) return true;
      const std::string stem = lower.substr(0, lower.size() - ending.size()) + replacement;
      if (names_.words.is_common(stem) || english_.words.is_common(stem)) return true;
      if (ending == "s" && lower.size() > 4 && lower.compare(lower.size() - 2, 2, "es") == 0 &&
          names_.words.is_common(lower.substr(0, lower.size() - 2)))
        return true;  // "Approaches"
    }
    return false;
  }

  // "Harrow Lane Holdings", "First Coastal Bank of Carolina", "Sandridge Infrastructure Fund II":
  // a designator ends the name, or a head word and a connector carry it on.
  bool designated(std::uint32_t begin, std::uint32_t end) const {
    static const std::set<std::string> numerals = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
    std::uint32_t last = end;
    if (last - begin >= 3 && numerals.count(tokens_[last - 1].key)) --last;
    if (designator_at(last - 1)) return true;
    for (auto i = begin + 1; i + 1 < end; ++i)
      if ((is_head(i) || designator_at(i)) && shared_.connectors.count(tokens_[i + 1].key)) return true;
    return false;
  }

  bool contains_key(std::uint32_t begin, std::uint32_t end, std::string_view key) const {
    for (auto i = begin; i < end; ++i)
      if (tokens_[i].key == key) return true;
    return false;
  }

  // "Velmar Semiconductors N.V." is the company "Velmar Semiconductors": where the name ends once a
  // legal form is left out.
  std::uint32_t without_legal_form(std::uint32_t begin, std::uint32_t end) const {
    if (end - begin < 2 || !legal_form_at(end - 1)) return end;
    --end;
    if (end - begin >= 2 && tokens_[end - 1].key == ",") --end;
    return end;
  }

  void sentence(std::size_t index) {
    current_sentence_ = index;
    const Sentence& s = a_.text.sentences[index];
    headline_ = title_case(s);  // once a sentence: asked at every capitalised word
    std::vector<Mention> ms;
    std::vector<bool> covered(s.token_end - s.token_begin, false);
    values(index, s, ms, covered);
    if (!reuse_values_) value_mentions_.push_back(ms);
    std::vector<Mention> values_found;
    values_found.swap(ms);
    std::size_t v = 0;  // next value mention, so entity mentions interleave in text order
    std::sort(values_found.begin(), values_found.end(),
              [](const Mention& x, const Mention& y) { return x.token_begin < y.token_begin; });
    for (std::uint32_t pos = s.token_begin; pos < s.token_end;) {
      while (v < values_found.size() && values_found[v].token_begin <= pos) ms.push_back(values_found[v++]);
      if (covered[pos - s.token_begin]) { ++pos; continue; }
      std::uint32_t next = pos + 1;
      entity_at(s, index, pos, ms, covered, next);
      pos = next;
    }
    while (v < values_found.size()) ms.push_back(values_found[v++]);
    persons_in_coordination(ms);
    drop_dateline_agency(s, ms);
    a_.mentions[index] = std::move(ms);
  }

  // "founded by Amara Okafor and Tomás Reyes": a two-word name that only its shape typed as an
  // organisation, joined by "and" or a comma to a person's name, is a person's name too.
  void persons_in_coordination(std::vector<Mention>& ms) {
    const auto joined = [&](const Mention& x, const Mention& y) {
      if (y.token_begin != x.token_end + 1) return false;
      const std::string& key = tokens_[x.token_end].key;
      return key == "," || names_.conjunctions.count(key) != 0;  // the language's "and" (names.tsv)
    };
    const auto person = [](const Mention& m) { return m.type == MentionType::person && !m.coreferent; };
    // "par A, B et C, Back Market a conçu": the list ends at its "and"; a comma after it starts a clause.
    const auto closed = [&](std::size_t i) {
      return i > 0 && joined(ms[i - 1], ms[i]) && names_.conjunctions.count(tokens_[ms[i - 1].token_end].key) != 0;
    };
    for (std::size_t i = 0; i + 1 < ms.size(); ++i) {
      if (!joined(ms[i], ms[i + 1])) continue;
      if (tokens_[ms[i].token_end].key == "," && closed(i)) continue;
      if (person(ms[i])) retype_as_person(ms[i + 1]);
      else if (person(ms[i + 1])) retype_as_person(ms[i]);
    }
  }

  // Was the entity named in an earlier sentence? Its type was read there, without this sentence's list.
  bool named_before(std::int32_t entity) const {
    for (std::size_t s = 0; s < current_sentence_ && s < a_.mentions.size(); ++s)
      for (const Mention& m : a_.mentions[s])
        if (m.entity == entity) return true;
    return false;
  }

  void retype_as_person(Mention& m) {
    if (m.type != MentionType::organization || m.coreferent || m.entity < 0 || m.token_end - m.token_begin != 2) return;
    ArticleEntity& e = a_.entities[static_cast<std::size_t>(m.entity)];
    if (e.known || !e.inferred || e.type != EntityType::organization || named_before(m.entity)) return;
    for (auto t = m.token_begin; t < m.token_end; ++t)
      if (!is_capitalised_word(tokens_[t]) || designator_at(t)) return;
    e.type = EntityType::person;
    e.inferred = false;
    m.type = MentionType::person;
    register_short_name(m.entity, m.token_begin, m.token_end);  // the family name, from now on
  }

  // "JAKARTA (GNS) -", "LONDON (Meridian) -": the agency of a dateline is the article's source,
  // never a party to its facts, whether or not a list knows it as an outlet.
  void drop_dateline_agency(const Sentence& s, std::vector<Mention>& ms) const {
    const auto is_dash = [](const std::string& key) { return key == "-" || key == "\u2013" || key == "\u2014"; };
    const auto in_dateline = [&](const Mention& m) {
      if (m.type != MentionType::organization || m.token_begin > s.token_begin + 8) return false;
      // "REUTERS: Toyota will invest ...", "Reuters - Toyota ...": a news outlet opening the sentence
      // ("Financial Times-backed Sifted" is no dateline).
      if (m.token_begin == s.token_begin && m.token_end + 1 < s.token_end && m.entity >= 0 &&
          a_.entities[static_cast<std::size_t>(m.entity)].outlet &&
          (tokens_[m.token_end].key == ":" || (is_dash(tokens_[m.token_end].key) && !glued(m.token_end))))
        return true;
      if (m.token_begin == s.token_begin || m.token_end + 1 >= s.token_end) return false;
      if (tokens_[m.token_begin - 1].key != "(" || tokens_[m.token_end].key != ")") return false;
      return is_dash(tokens_[m.token_end + 1].key);
    };
    ms.erase(std::remove_if(ms.begin(), ms.end(), in_dateline), ms.end());
  }

  void entity_at(const Sentence& s, std::size_t index, std::uint32_t pos, std::vector<Mention>& ms,
                 std::vector<bool>& covered, std::uint32_t& next) {
    auto cover = [&](std::uint32_t end) {
      for (auto t = pos; t < end; ++t) covered[t - s.token_begin] = true;
      next = end;
    };
    // "the Nasdaq Composite", "Chapter 11": names of no company, person or product.
    if (is_capitalised_word(tokens_[pos])) {
      if (const auto non_name = gaz_.non_name_at(tokens_, pos, s.token_end)) {
        cover(pos + *non_name);
        return;
      }
    }
    if (auto hit = known_phrase(s, pos); hit && hit->kind == PhraseKind::city) {
      if (city_is_place(s, pos + hit->length)) {
        cover(pos + hit->length);
        // The country's mention, but "Paris" is no label of France: not add_entity_mention.
        ms.push_back(Mention{pos, pos + hit->length, MentionType::country, intern_known(hit->entity), -1, false});
        return;
      }
    } else if (hit) {
      const std::uint32_t end = pos + hit->length;
      // "Equinor Ventures", "Intel Capital": a known name with an organisation suffix is another
      // organisation, the investment arm or subsidiary.
      if (hit->kind == PhraseKind::name && gaz_.entity(hit->entity).type == EntityType::organization && end < s.token_end &&
          is_capitalised_word(tokens_[end]) && gaz_.is_org_suffix(tokens_[end].key) && !covered[end - s.token_begin]) {
        const std::int32_t arm = intern_unknown(surface(pos, end + 1), EntityType::organization);
        cover(end + 1);
        add_entity_mention(ms, pos, end + 1, arm, false);
        return;
      }
      // "Nordic Fintech Association", "British Fintech Alliance": a nationality opens a name.
      if (hit->kind == PhraseKind::demonym && hit->length == 1 && (names_.nationality_opens_names || opens_sentence(s, pos)) &&
          is_capitalised_word(tokens_[pos]) &&
          end < s.token_end && !covered[end - s.token_begin]) {
        if (const std::uint32_t name_end = designated_name_end(s, end, covered); name_end > end) {
          const std::int32_t org = intern_unknown(surface(pos, without_legal_form(pos, name_end)), EntityType::organization);
          cover(name_end);
          add_entity_mention(ms, pos, name_end, org, false);
          return;
        }
      }
      const std::int32_t entity = intern_known(hit->entity);
      cover(end);
      if (hit->kind == PhraseKind::demonym) {
        if (auto reference = nationality_reference(s, pos, end, entity, ms)) {
          cover(reference->token_end);
          ms.push_back(Mention{pos, end, MentionType::nationality, entity, -1, false});
          add_entity_mention(ms, reference->token_begin, reference->token_end, reference->entity, true);
          // "The French bank" said where BNP Paribas is from: "the Dutch bank" later is another.
          discourse_.learn_country_once(reference->entity, entity);
          return;
        }
        learn_country_from_apposition(pos, entity, ms);
        ms.push_back(Mention{pos, end, MentionType::nationality, entity, -1, false});
        return;
      }
      const bool descriptor = hit->kind == PhraseKind::descriptor;
      // "the ChatGPT maker" is one reference: the article belongs to the mention.
      std::uint32_t begin = pos;
      if (descriptor && pos > s.token_begin && !covered[pos - 1 - s.token_begin] && is_determiner(tokens_[pos - 1].key)) {
        begin = pos - 1;
        covered[begin - s.token_begin] = true;
      }
      if (descriptor) tentative_.push_back(Tentative{index, begin});
      add_entity_mention(ms, begin, end, entity, descriptor);
      return;
    }
    // "the Arvale R1": a maker's name and a model number are the product.
    const auto model_after = [&](std::uint32_t at) {
      return at < s.token_end && model_number(at) && is_capitalised_word(tokens_[at]) && !covered[at - s.token_begin];
    };
    if (auto full = article_name_at(s, pos)) {
      if (model_after(pos + full->second)) {
        take_name(s, pos, pos + full->second + 1, EntityType::product, false, ms, covered, next);
        return;
      }
      // "Sarvel", then "sa holding familiale, Sarvel Participations": the owner is another company.
      if (const std::uint32_t owner_end = owner_name_end(s, pos + full->second); owner_end > pos + full->second) {
        take_name(s, pos, owner_end, EntityType::organization, false, ms, covered, next);
        return;
      }
      std::uint32_t end = lengthen_name(s, pos, pos + full->second, full->first);
      confirm_organization(s, pos, end, full->first, ms);
      if (end < s.token_end && legal_form_at(end) && !covered[end - s.token_begin]) ++end;  // "Velmar N.V." again
      cover(end);
      add_entity_mention(ms, pos, end, full->first, false);
      return;
    }
    if (auto it = short_names_.find(tokens_[pos].key);
        it != short_names_.end() && it->second >= 0 && is_capitalised_word(tokens_[pos]) &&
        !hyphen_continues(pos + 1, s.token_end) && designated_name_end(s, pos, covered) == pos && !model_after(pos + 1)) {
      cover(pos + 1);
      add_entity_mention(ms, pos, pos + 1, it->second, true);
      return;
    }
    if (auto length = gaz_.generic_reference_at(tokens_, pos, s.token_end);
        length && !descriptor_at(s, pos + 1, *length - 1) && !introduces_name(s, pos + *length) &&
        !(pos > s.token_begin && is_capitalised_word(tokens_[pos + *length - 1]) && !headline_)) {
      // Not an apposition when a verb follows: "Fondée par X, passé par Dassault Systèmes, la jeune
      // pousse édite Triagia" opens its main clause with the reference.
      const std::uint32_t after_reference = pos + *length;
      const bool verb_follows = after_reference < s.token_end && (tokens_[after_reference].flags & kTokenWord) &&
                                !(tokens_[after_reference].flags & kTokenCapitalised) &&
                                (names_.auxiliaries.count(tokens_[after_reference].key) != 0 ||
                                 verb_by_ending(lower_latin(a_.text.token_text(tokens_[after_reference]))));
      std::int32_t resolved = -1;
      if (pos > s.token_begin && !verb_follows) resolved = apposition_head(ms, pos - 1);
      else if (pos > s.token_begin && tokens_[pos - 1].key == ",") resolved = discourse_.antecedent_before(index);
      if (resolved < 0) {
        // "la start-up parisienne": the place word after the noun must be the one the article gave.
        const std::uint32_t after = pos + *length;
        std::string place;
        if (after < s.token_end)
          if (auto hit = gaz_.match(tokens_, after, after + 1, a_.text.lang); hit && hit->kind == PhraseKind::demonym)
            place = tokens_[after].key;
        resolved = discourse_.described_as(tokens_[pos + *length - 1].key, index, place);
      }
      // A reference opening its sentence continues the previous sentence's subject.
      if (resolved < 0 && pos == s.token_begin) resolved = previous_subject(index);
      // "Siemens agreed to buy Veritas, as the German group deepens its push": further in, the
      // sentence's own subject.
      if (resolved < 0) resolved = subject_so_far(s, ms, pos);
      if (const std::int32_t antecedent_org = resolved >= 0 ? resolved : discourse_.antecedent(index); antecedent_org >= 0) {
        cover(pos + *length);
        add_entity_mention(ms, pos, pos + *length, antecedent_org, true);
        ms.back().generic = true;
        return;
      }
    }
    // "It raised $85mn", "Elle avait levé 12 millions": a pronoun opening the sentence continues
    // the previous sentence's subject.
    if (pos == s.token_begin && is_subject_pronoun(tokens_[pos].key)) {
      if (const std::int32_t antecedent_org = previous_subject(index); antecedent_org >= 0) {
        cover(pos + 1);
        add_entity_mention(ms, pos, pos + 1, antecedent_org, true);
        ms.back().generic = true;
        return;
      }
    }
    unknown_entity(s, pos, ms, covered, next);
  }

  bool is_subject_pronoun(const std::string& key) const {
    if (a_.text.lang == Lang::en) return key == "it";
    if (a_.text.lang == Lang::fr) return key == "elle" || key == "il";
    return false;
  }

  // "Paywise" in the headline, "het fintechbedrijf Paywise" further on: a cue found later settles
  // the type that the name's shape alone had given.
  void confirm_organization(const Sentence& s, std::uint32_t pos, std::uint32_t end, std::int32_t entity,
                            const std::vector<Mention>& ms) {
    ArticleEntity& e = a_.entities[static_cast<std::size_t>(entity)];
    // "Le jeu Sorare ... La start-up Sorare": a company named after its product is the company.
    if (e.type == EntityType::product && !e.known && org_cue_before(pos, s.token_begin, ms) &&
        !product_cue_before(pos, s.token_begin)) {
      e.type = EntityType::organization;
      return;
    }
    if (!e.inferred) return;
    if (org_cue_before(pos, s.token_begin, ms) || nationality_before(pos, ms) || org_apposition_after(end, s.token_end) ||
        office_after(end, s.token_end))
      e.inferred = false;
  }

  // Where a learned name ending at `end` goes on into its owner's name ("Sarvel Participations",
  // "Veldhoen Beheer"), up to three capitalised words that end in an owner suffix; else `end`.
  std::uint32_t owner_name_end(const Sentence& s, std::uint32_t end) const {
    for (std::uint32_t longer = end + 1; longer <= end + 3 && longer <= s.token_end; ++longer) {
      if (!is_capitalised_word(tokens_[longer - 1]) || stops_run(longer - 1, s.token_end)) break;
      if (gaz_.is_owner_suffix(tokens_[longer - 1].key)) return longer;
    }
    return end;
  }

  // "Norwegian biotech Halvorsen" in the headline, "Halvorsen Therapeutics" in the first line: a
  // learned name followed by capitalised words that end in an organisation suffix was its short
  // form. The entity takes the full name, and the short one stays a way to refer to it.
  std::uint32_t lengthen_name(const Sentence& s, std::uint32_t pos, std::uint32_t end, std::int32_t entity) {
    ArticleEntity& e = a_.entities[static_cast<std::size_t>(entity)];
    if (e.known || e.type != EntityType::organization) return end;
    // The longest such name: "Casteleyn Retail Groep", not "Casteleyn Retail".
    std::uint32_t best = end;
    for (std::uint32_t longer = end + 1; longer <= end + 3 && longer <= s.token_end; ++longer) {
      // "Reynolds American Inc": a nationality right before a suffix is inside the name.
      const bool inner_demonym = longer < s.token_end && is_demonym_at(longer - 1, s.token_end) && gaz_.is_org_suffix(tokens_[longer].key);
      if (!is_capitalised_word(tokens_[longer - 1]) || (stops_run(longer - 1, s.token_end) && !inner_demonym)) break;
      if (gaz_.is_org_suffix(tokens_[longer - 1].key)) best = longer;
    }
    if (best == end) return end;
    const std::string name = surface(pos, best);
    if (gaz_.find(name)) return end;
    const std::string short_key = name_key(e.name);
    e.name = name;
    learn_name(name_key(name), entity);
    // The short form now refers to the entity, where it stands alone.
    if (tokens_[pos].key == short_key) short_names_.emplace(short_key, entity);
    return best;
  }

  // Names learned in this article start with one of a few words: a cheap look before building
  // candidate names from the text.
  bool may_start_article_name(std::uint32_t pos) const { return name_heads_.count(tokens_[pos].key) != 0; }

  bool article_name_at_token(std::uint32_t pos, std::uint32_t limit) const {
    if (!may_start_article_name(pos)) return false;
    for (std::uint32_t length = std::min<std::uint32_t>(6, limit - pos); length >= 1; --length)
      if (unknown_.count(name_key(surface(pos, pos + length)))) return true;
    return false;
  }

  // A name found earlier in this article ("Kestrel Semiconductor" again): entity and length.
  std::optional<std::pair<std::int32_t, std::uint32_t>> article_name_at(const Sentence& s, std::uint32_t pos) const {
    if (!is_capitalised_word(tokens_[pos]) || !may_start_article_name(pos)) return std::nullopt;
    for (std::uint32_t length = std::min<std::uint32_t>(6, s.token_end - pos); length >= 1; --length) {
      const auto it = unknown_.find(name_key(surface(pos, pos + length)));
      if (it != unknown_.end()) return std::make_pair(it->second, length);
    }
    return std::nullopt;
  }

  // The gazetteer entry at pos, unless it is a descriptor in apposition to a name that follows
  // ("Taiwanese chipmaker Lumora" names Lumora; it does not refer back to TSMC): then a shorter entry.
  std::optional<PhraseHit> known_phrase(const Sentence& s, std::uint32_t pos) const {
    std::uint32_t end = s.token_end;
    while (auto hit = gaz_.match(tokens_, pos, end, a_.text.lang)) {
      const std::uint32_t after = pos + hit->length;
      const bool apposition = hit->kind == PhraseKind::descriptor && after < s.token_end && is_capitalised_word(tokens_[after]);
      // "Claude Arsenault": a known one-word product or given name before a surname no word list
      // knows is a person's name ("Claude Sonnet" stays the model).
      if (hit->kind == PhraseKind::name && hit->length == 1 &&
          (gaz_.is_given_name(tokens_[pos].key) || gaz_.entity(hit->entity).type == EntityType::product) && after < s.token_end &&
          is_capitalised_word(tokens_[after]) && word_kind(tokens_[after]) == WordKind::unknown &&
          !gaz_.match(tokens_, after, s.token_end, a_.text.lang))
        return std::nullopt;
      // "CMA-CGM": a known name glued by a hyphen to a capitalised word is part of a longer name,
      // not the known one; "SoftBank-CEO" keeps it (a title or a common word follows).
      if (hit->kind == PhraseKind::name && hyphen_continues(after, s.token_end) &&
          !gaz_.person_title_at(tokens_, after + 1, s.token_end) && word_kind(tokens_[after + 1]) != WordKind::common)
        return std::nullopt;
      if (!apposition) return hit;
      if (hit->length <= 1) return std::nullopt;
      end = after - 1;
    }
    return std::nullopt;
  }

  // "la fintech allemande Zahlfix", "the start-up Brightwave": what looks like a reference is an
  // introduction when a name follows, possibly after a nationality.
  bool introduces_name(const Sentence& s, std::uint32_t after) const {
    // "le développeur éolien allemand NordWind": up to two words between, each a nationality or, in
    // French, an adjective after the noun ("le groupe pharmaceutique Sanofi"); not a verb ("la jeune
    // pousse édite Triagia" names the product of the start-up the article is about).
    for (int words = 0; words < 2 && after < s.token_end; ++words) {
      if (auto hit = gaz_.match(tokens_, after, s.token_end, a_.text.lang); hit && hit->kind == PhraseKind::demonym)
        after += hit->length;
      else if (a_.text.lang == Lang::fr && after + 1 < s.token_end && (tokens_[after].flags & kTokenWord) &&
               !(tokens_[after].flags & kTokenHasUpper) && !is_function_word(tokens_[after].key) &&
               !verb_by_ending(lower_latin(a_.text.token_text(tokens_[after]))))
        after += 1;
      else
        break;
    }
    after = skip_complements(after, s.token_end);
    return after < s.token_end && is_capitalised_word(tokens_[after]);
  }

  // "de logiciels", "of chips", "de jeux mobiles": short complements between an organisation noun
  // and the name it introduces ("l'éditeur français de logiciels Dataxis"), at most two.
  std::uint32_t skip_complements(std::uint32_t at, std::uint32_t end) const {
    static const std::set<std::string> joiners = {"de", "d'", "du", "des", "of", "van", "voor", "en"};
    const auto lower_word = [&](std::uint32_t i) {
      return i < end && (tokens_[i].flags & kTokenWord) && !(tokens_[i].flags & kTokenHasUpper);
    };
    for (int n = 0; n < 2 && at + 1 < end && joiners.count(tokens_[at].key) != 0; ++n) {
      if (!lower_word(at + 1)) break;
      at += 2;
      // "de jeux mobiles": one word more, not a function word ("de jeux a annoncé" is a sentence).
      if (lower_word(at) && !is_function_word(tokens_[at].key) && at + 1 < end && is_capitalised_word(tokens_[at + 1])) ++at;
    }
    return at;
  }

  // Is there a descriptor at pos longer than `covered_by_reference` tokens? "le géant de Redmond"
  // is a descriptor, not the generic "le géant".
  bool descriptor_at(const Sentence& s, std::uint32_t pos, std::uint32_t covered_by_reference) const {
    if (pos >= s.token_end) return false;
    const auto hit = gaz_.match(tokens_, pos, s.token_end, a_.text.lang);
    return hit && hit->kind == PhraseKind::descriptor && hit->length > covered_by_reference;
  }

  // A descriptor ("the ChatGPT maker") stands for its entity only in an article that names it.
  void drop_unanchored_descriptors() {
    for (const auto& t : tentative_) {
      auto& ms = a_.mentions[t.sentence];
      ms.erase(std::remove_if(ms.begin(), ms.end(), [&](const Mention& m) {
                 return m.token_begin == t.token_begin && m.coreferent && m.entity >= 0 &&
                        !named_[static_cast<std::size_t>(m.entity)];
               }),
               ms.end());
    }
  }

  const Gazetteer& gaz_;
  const LanguageNames& names_;    // the article's language
  const LanguageNames& english_;  // English words turn up in every language's business news
  const LanguageNames& shared_;   // connectors, heads and legal forms of every language
  ArticleAnalysis& a_;
  const std::optional<DateValue>& date_;
  const std::vector<Token>& tokens_;
  std::unordered_map<std::uint32_t, std::int32_t> known_;
  std::unordered_map<std::string, std::int32_t> unknown_;
  std::map<std::string, std::int32_t> in_order_;  // the same names, sorted: for longer_name
  std::unordered_set<std::string> name_heads_;  // folded first words of unknown_
  std::unordered_map<std::string, std::int32_t> short_names_;
  std::vector<bool> named_;
  std::vector<Tentative> tentative_;
  std::vector<std::vector<Mention>> value_mentions_;  // per sentence, from the first reading
  bool reuse_values_ = false;
  mutable std::vector<std::int8_t> word_kinds_ = std::vector<std::int8_t>(tokens_.size(), -1);  // WordKind, -1 not yet known
  mutable std::vector<std::int8_t> cue_ends_ = std::vector<std::int8_t>(tokens_.size(), -1);    // may end a cue, -1 not yet known
  Discourse discourse_{a_.entities};
  std::size_t current_sentence_ = 0;
  bool headline_ = false;  // the current sentence is a headline in title case
};

}  // namespace

namespace {

// The capital initials of a name's words: "British American Tobacco" is "BAT"; with `last` false,
// without its last word ("Reynolds American Inc" is also "RA").
std::string initials(const std::string& name, bool last) {
  std::string out;
  std::size_t begin = 0;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && name[i] != ' ') continue;
    if (i > begin) spans.emplace_back(begin, i);
    begin = i + 1;
  }
  if (!last && !spans.empty()) spans.pop_back();
  for (const auto& [b, e] : spans) {
    const char c = name[b];
    if (c >= 'A' && c <= 'Z') out += c;  // "of", "de", "&" are no initials
  }
  return out.size() >= 2 ? out : "";
}

bool is_initialism(const std::string& name) {
  return name.size() >= 2 && name.size() <= 5 && std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "BAT agrees to buy Reynolds ... British American Tobacco said": letters no list knows that are the
// initials of exactly one organisation the article names in full stand for it.
void merge_initialisms(ArticleAnalysis& a) {
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    const ArticleEntity& short_form = a.entities[i];
    if (short_form.known || short_form.type != EntityType::organization || !is_initialism(short_form.name)) continue;
    std::int32_t full = -1;
    bool several = false;
    for (std::size_t j = 0; j < a.entities.size(); ++j) {
      const ArticleEntity& e = a.entities[j];
      if (j == i || e.type != EntityType::organization || e.surfaces.empty()) continue;
      if (initials(e.name, true) != short_form.name && initials(e.name, false) != short_form.name) continue;
      several = several || full >= 0;
      full = static_cast<std::int32_t>(j);
    }
    if (full < 0 || several) continue;
    for (auto& sentence_mentions : a.mentions)
      for (auto& m : sentence_mentions)
        if (m.entity == static_cast<std::int32_t>(i)) m.entity = full;
    for (auto& subject : a.subjects)
      if (subject == static_cast<std::int32_t>(i)) subject = full;
    auto& surfaces = a.entities[static_cast<std::size_t>(full)].surfaces;
    for (const auto& form : a.entities[i].surfaces)
      if (std::find(surfaces.begin(), surfaces.end(), form) == surfaces.end()) surfaces.push_back(form);
    a.entities[i].surfaces.clear();
  }
}

// Which organisation mentions a person's place in a rule may take: those only their shape typed, as
// the finished reading left their entities.
void mark_person_too(ArticleAnalysis& a) {
  for (auto& sentence_mentions : a.mentions)
    for (auto& m : sentence_mentions)
      m.person_too = m.type == MentionType::organization && m.entity >= 0 && a.entities[static_cast<std::size_t>(m.entity)].inferred;
}

// A product that a later cue showed to be a company ("la start-up Sorare") is one in every sentence.
void retype_products_found_companies(ArticleAnalysis& a) {
  for (auto& sentence_mentions : a.mentions)
    for (auto& m : sentence_mentions)
      if (m.type == MentionType::product && m.entity >= 0 && a.entities[static_cast<std::size_t>(m.entity)].type == EntityType::organization)
        m.type = MentionType::organization;
}

}  // namespace

void MentionFinder::find(ArticleAnalysis& analysis, const std::optional<DateValue>& article_date) const {
  read(analysis, article_date);
  analysis.article_date = article_date;
  merge_initialisms(analysis);
  retype_products_found_companies(analysis);
  mark_person_too(analysis);
}

void MentionFinder::read(ArticleAnalysis& analysis, const std::optional<DateValue>& article_date) const {
  std::vector<LearnedName> learned;
  std::vector<std::vector<Mention>> values;
  {
    ArticleScan first(gazetteer_, names_, analysis, article_date);
    first.run();
    if (!first.earlier_occurrence()) return;
    learned = first.learned_names();
    values = first.take_values();
  }
  if (learned.empty()) return;
  // A name the article introduces with a cue ("l'éditeur Dataxis") may come earlier without one,
  // in the headline: read the article again knowing it from the first line on.
  analysis.entities.clear();
  analysis.mentions.clear();
  ArticleScan second(gazetteer_, names_, analysis, article_date);
  second.seed(learned);
  second.reuse_values(std::move(values));
  second.run();
}

}  // namespace kg
