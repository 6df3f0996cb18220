// Date normaliser: table tests over English, Dutch and French sentences, absolute and relative.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "kgbuild/date.hpp"

namespace {

using kg::Lang;

struct DateCase {
  const char* text;
  Lang lang;
  const char* article;  // publication date, nullptr if unknown
  const char* span;     // nullptr: no date expected
  const char* lexical;
  const char* xsd_type;
  bool relative;
};

// Most cases use a Saturday article, 2025-01-18: the Monday before it is 2025-01-13.
constexpr const char* kSat = "2025-01-18";

// clang-format off
const DateCase kDateCases[] = {
    // ISO
    {"The report was filed on 2025-01-14 in Brussels.", Lang::en, kSat, "2025-01-14", "2025-01-14", "date", false},
    {"Posted 2025-01-15T10:00:00Z by the desk.", Lang::en, kSat, "2025-01-15", "2025-01-15", "date", false},
    // English written dates
    {"The deal closed on December 18th after long talks.", Lang::en, kSat, "December 18th", "2024-12-18", "date", true},
    {"It was signed on December 18, 2024 in Paris.", Lang::en, kSat, "December 18, 2024", "2024-12-18", "date", false},
    {"Trading began on 18 December 2024 in Frankfurt.", Lang::en, kSat, "18 December 2024", "2024-12-18", "date", false},
    {"Results were published Dec. 18 by the company.", Lang::en, kSat, "Dec. 18", "2024-12-18", "date", true},
    {"The board met on 18 Dec and agreed.", Lang::en, kSat, "18 Dec", "2024-12-18", "date", true},
    {"The fund opened on the 3rd of January.", Lang::en, kSat, "3rd of January", "2025-01-03", "date", true},
    {"Its 1st March launch slipped.", Lang::en, kSat, "1st March", "2024-03-01", "date", true},
    {"The vote is set for Monday, January 6, 2025.", Lang::en, kSat, "Monday, January 6, 2025", "2025-01-06", "date", false},
    {"Sales fell in October.", Lang::en, kSat, "October", "2024-10", "gYearMonth", true},
    {"The chip shipped in October 2024 to clients.", Lang::en, kSat, "October 2024", "2024-10", "gYearMonth", false},
    {"The startup was founded in 2019 by two engineers.", Lang::en, kSat, "2019", "2019", "gYear", false},
    {"Revenue doubled compared with 2021.", Lang::en, kSat, "2021", "2021", "gYear", false},
    {"Leap day trading on 29 February was calm.", Lang::en, kSat, "29 February", "2024-02-29", "date", true},
    // English relative expressions
    {"Profits rose sharply last year.", Lang::en, kSat, "last year", "2024", "gYear", true},
    {"The company expects growth this year.", Lang::en, kSat, "this year", "2025", "gYear", true},
    {"A second plant opens next year.", Lang::en, kSat, "next year", "2026", "gYear", true},
    {"Output dropped last month.", Lang::en, kSat, "last month", "2024-12", "gYearMonth", true},
    {"The chief executive resigned last week.", Lang::en, kSat, "last week", "2025-01-11", "date", true},
    {"The shares jumped yesterday.", Lang::en, kSat, "yesterday", "2025-01-17", "date", true},
    {"The firm said on Monday that it would cut jobs.", Lang::en, kSat, "Monday", "2025-01-13", "date", true},
    // A bare weekday can be the article's own day.
    {"The firm said on Saturday that it was sold.", Lang::en, kSat, "Saturday", "2025-01-18", "date", true},
    {"Monday's meeting was cancelled.", Lang::en, kSat, "Monday", "2025-01-13", "date", true},
    {"Regulators approved it earlier this week.", Lang::en, kSat, "earlier this week", "2025-01-18", "date", true},
    // Dutch
    {"Het akkoord werd op 18 december gesloten.", Lang::nl, kSat, "18 december", "2024-12-18", "date", true},
    {"De fusie werd op 18 december 2024 afgerond.", Lang::nl, kSat, "18 december 2024", "2024-12-18", "date", false},
    {"De beurs opende op 3 maart met winst.", Lang::nl, kSat, "3 maart", "2024-03-03", "date", true},
    {"De omzet daalde in oktober.", Lang::nl, kSat, "oktober", "2024-10", "gYearMonth", true},
    {"Het bedrijf werd in oktober 2024 opgericht.", Lang::nl, kSat, "oktober 2024", "2024-10", "gYearMonth", false},
    {"Sinds 2019 groeit de omzet.", Lang::nl, kSat, "2019", "2019", "gYear", false},
    {"De winst steeg vorig jaar sterk.", Lang::nl, kSat, "vorig jaar", "2024", "gYear", true},
    {"Verleden jaar verloor het bedrijf geld.", Lang::nl, kSat, "Verleden jaar", "2024", "gYear", true},
    {"Dit jaar wil het concern groeien.", Lang::nl, kSat, "Dit jaar", "2025", "gYear", true},
    {"De fabriek opent volgend jaar.", Lang::nl, kSat, "volgend jaar", "2026", "gYear", true},
    {"De productie daalde vorige maand.", Lang::nl, kSat, "vorige maand", "2024-12", "gYearMonth", true},
    {"De topman trad vorige week af.", Lang::nl, kSat, "vorige week", "2025-01-11", "date", true},
    {"Het kabinet besloot gisteren tot steun.", Lang::nl, kSat, "gisteren", "2025-01-17", "date", true},
    {"Het bedrijf maakte maandag de cijfers bekend.", Lang::nl, kSat, "maandag", "2025-01-13", "date", true},
    {"De toezichthouder keurde het eerder deze week goed.", Lang::nl, kSat, "eerder deze week", "2025-01-18", "date", true},
    // French
    {"L'accord a été signé le 18 décembre.", Lang::fr, kSat, "18 décembre", "2024-12-18", "date", true},
    {"Le rachat a été conclu le 18 décembre 2024.", Lang::fr, kSat, "18 décembre 2024", "2024-12-18", "date", false},
    {"La réforme s'applique depuis le 1er mars.", Lang::fr, kSat, "1er mars", "2024-03-01", "date", true},
    {"Le salon ouvrira le 1er mars 2025.", Lang::fr, kSat, "1er mars 2025", "2025-03-01", "date", false},
    {"Les ventes ont chuté en octobre.", Lang::fr, kSat, "octobre", "2024-10", "gYearMonth", true},
    {"Le projet a démarré en octobre 2024.", Lang::fr, kSat, "octobre 2024", "2024-10", "gYearMonth", false},
    {"Le groupe a été fondé en 2024.", Lang::fr, kSat, "2024", "2024", "gYear", false},
    {"Le chiffre d'affaires a doublé l'an dernier.", Lang::fr, kSat, "l'an dernier", "2024", "gYear", true},
    {"Les pertes se sont creusées l’année dernière.", Lang::fr, kSat, "l’année dernière", "2024", "gYear", true},
    {"Le marché a reculé l’an passé.", Lang::fr, kSat, "l’an passé", "2024", "gYear", true},
    {"Les ventes reprendront l'an prochain.", Lang::fr, kSat, "l'an prochain", "2026", "gYear", true},
    {"La production a baissé le mois dernier.", Lang::fr, kSat, "le mois dernier", "2024-12", "gYearMonth", true},
    {"Le patron a démissionné la semaine dernière.", Lang::fr, kSat, "la semaine dernière", "2025-01-11", "date", true},
    {"Le ministre l'a annoncé hier soir.", Lang::fr, kSat, "hier", "2025-01-17", "date", true},
    {"Le groupe a annoncé lundi un plan social.", Lang::fr, kSat, "lundi", "2025-01-13", "date", true},
    {"Les négociations ont repris plus tôt cette semaine.", Lang::fr, kSat, "plus tôt cette semaine", "2025-01-18", "date", true},
    {"Le cours a bondi avant-hier.", Lang::fr, kSat, "avant-hier", "2025-01-16", "date", true},
    // An article dated to the month only
    {"Its chief executive resigned last week.", Lang::en, "2025-03", "last week", "2025-03", "gYearMonth", true},
    {"In May the board met twice.", Lang::en, "2025-03", "May", "2024-05", "gYearMonth", true},
    {"The firm reported on 2 March.", Lang::en, "2025-03", "2 March", "2025-03-02", "date", true},
    {"La production a baissé le mois dernier, selon l'institut.", Lang::fr, "2025-03", "le mois dernier", "2025-02", "gYearMonth", true},
    // No article date: only self-contained dates survive
    {"It was signed on 18 December 2024 in Rome.", Lang::en, nullptr, "18 December 2024", "2024-12-18", "date", false},
    {"Profits rose last year.", Lang::en, nullptr, nullptr, "", "", false},
    {"The deal closed on 18 December.", Lang::en, nullptr, nullptr, "", "", false},
    {"Le ministre l'a annoncé hier.", Lang::fr, nullptr, nullptr, "", "", false},
    // Negatives: numbers and words that are no dates
    {"The lab has 2000 GPUs and 12 models.", Lang::en, kSat, nullptr, "", "", false},
    {"It paid $2024 million for R2019 rights.", Lang::en, kSat, nullptr, "", "", false},
    {"Music of the 1990s is back.", Lang::en, kSat, nullptr, "", "", false},
    {"You may march on.", Lang::en, kSat, nullptr, "", "", false},
    {"The 2024-25 season starts soon.", Lang::en, kSat, nullptr, "", "", false},
    {"Nobody saw 31 November coming.", Lang::en, kSat, nullptr, "", "", false},
    {"Er werken hier 2000 mensen.", Lang::nl, kSat, nullptr, "", "", false},
    {"Het kost 2025 miljoen euro.", Lang::nl, kSat, nullptr, "", "", false},
    {"Il a vendu 2000 exemplaires.", Lang::fr, kSat, nullptr, "", "", false},
};
// clang-format on

std::string span_of(std::string_view text, const kg::DateMatch& m) {
  return std::string(text.substr(m.begin, m.end - m.begin));
}

}  // namespace

TEST_CASE("find_dates: one date per sentence", "[date]") {
  std::size_t positives = 0;
  for (const auto& c : kDateCases) positives += c.span != nullptr;
  CHECK(positives >= 35);

  for (const auto& c : kDateCases) {
    DYNAMIC_SECTION(kg::to_string(c.lang) << " @" << (c.article ? c.article : "none") << ": " << c.text) {
      std::optional<kg::DateValue> article;
      if (c.article != nullptr) {
        article = kg::parse_iso_date(c.article);
        REQUIRE(article);
      }
      const auto matches = kg::find_dates(c.text, c.lang, article);
      if (c.span == nullptr) {
        CHECK(matches.empty());
      } else {
        REQUIRE(matches.size() == 1);
        const auto& m = matches[0];
        CHECK(span_of(c.text, m) == c.span);
        CHECK(m.date.lexical() == c.lexical);
        CHECK(std::string(m.date.xsd_type()) == c.xsd_type);
        CHECK(m.relative == c.relative);
      }
    }
  }
}

TEST_CASE("find_dates: several dates in one sentence, in order", "[date]") {
  const std::string_view text = "Between 3 March and 18 December 2024 the index rose, and it fell yesterday.";
  const auto matches = kg::find_dates(text, Lang::en, kg::parse_iso_date("2025-01-18"));
  REQUIRE(matches.size() == 3);
  CHECK(span_of(text, matches[0]) == "3 March");
  CHECK(matches[0].date.lexical() == "2024-03-03");
  CHECK(span_of(text, matches[1]) == "18 December 2024");
  CHECK(span_of(text, matches[2]) == "yesterday");
  CHECK(matches[2].date.lexical() == "2025-01-17");
}

TEST_CASE("find_dates: a year range gives both years", "[date]") {
  const std::string_view text = "Van 2019 tot 2024 verdubbelde de omzet.";
  const auto matches = kg::find_dates(text, Lang::nl, std::nullopt);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].date.lexical() == "2019");
  CHECK(matches[1].date.lexical() == "2024");
}

TEST_CASE("parse_iso_date", "[date]") {
  struct Case {
    const char* text;
    const char* lexical;  // nullptr: rejected
    const char* xsd_type;
  };
  const Case cases[] = {
      {"2025-01-30", "2025-01-30", "date"},
      {"2025-01", "2025-01", "gYearMonth"},
      {"2025", "2025", "gYear"},
      {"2025-01-30T10:00:00Z", "2025-01-30", "date"},
      {" 2024-02-29 ", "2024-02-29", "date"},
      {"2025-02-29", nullptr, ""},
      {"2025-13", nullptr, ""},
      {"2025-1-3", nullptr, ""},
      {"20250130", nullptr, ""},
      {"January 2025", nullptr, ""},
      {"", nullptr, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto d = kg::parse_iso_date(c.text);
    if (c.lexical == nullptr) {
      CHECK_FALSE(d);
    } else {
      REQUIRE(d);
      CHECK(d->lexical() == c.lexical);
      CHECK(std::string(d->xsd_type()) == c.xsd_type);
    }
  }
  CHECK(kg::parse_iso_date("2025-01") == kg::DateValue{2025, 1, 0, kg::DatePrecision::month});
}
