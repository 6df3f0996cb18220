// Money and percent normalisers: table tests over English, Dutch and French sentences.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "kgbuild/money.hpp"

namespace {

using kg::Lang;

struct MoneyCase {
  const char* text;
  Lang lang;
  const char* span;  // nullptr: the text holds no money
  const char* value;
  const char* min;
  const char* max;
  const char* currency;
  bool approximate;
};

// clang-format off
const MoneyCase kMoneyCases[] = {
    // English: symbols, codes and scale words
    {"The fund raised $25 billion from pensions.", Lang::en, "$25 billion", "25000000000", "", "", "USD", false},
    {"Analysts expect $25bn in sales.", Lang::en, "$25bn", "25000000000", "", "", "USD", false},
    {"It spent $25 bn on chips.", Lang::en, "$25 bn", "25000000000", "", "", "USD", false},
    {"A $25B valuation was floated.", Lang::en, "$25B", "25000000000", "", "", "USD", false},
    {"Shares fell after the £32bn bid.", Lang::en, "£32bn", "32000000000", "", "", "GBP", false},
    {"Brussels set aside €40 million for the scheme.", Lang::en, "€40 million", "40000000", "", "", "EUR", false},
    {"The lab won a €40m grant.", Lang::en, "€40m", "40000000", "", "", "EUR", false},
    {"The state lent it US$ 6 billion in 2023.", Lang::en, "US$ 6 billion", "6000000000", "", "", "USD", false},
    {"It sold a US$6bn bond.", Lang::en, "US$6bn", "6000000000", "", "", "USD", false},
    {"The group raised USD 6 billion from investors.", Lang::en, "USD 6 billion", "6000000000", "", "", "USD", false},
    {"It owes 6 billion dollars to banks.", Lang::en, "6 billion dollars", "6000000000", "", "", "USD", false},
    {"Tokyo pledged ¥1 trillion in subsidies.", Lang::en, "¥1 trillion", "1000000000000", "", "", "JPY", false},
    {"The bank announced a CHF 2 billion buyback.", Lang::en, "CHF 2 billion", "2000000000", "", "", "CHF", false},
    {"Capital spending could reach $589 billion by 2030.", Lang::en, "$589 billion", "589000000000", "", "", "USD", false},
    {"The winner takes home $100,000 and a trophy.", Lang::en, "$100,000", "100000", "", "", "USD", false},
    {"Lawmakers passed a $1.2 trillion package.", Lang::en, "$1.2 trillion", "1200000000000", "", "", "USD", false},
    {"The startup closed a $300 million round.", Lang::en, "$300 million", "300000000", "", "", "USD", false},
    {"They are launching a $500bn fund for data centres.", Lang::en, "$500bn", "500000000000", "", "", "USD", false},
    {"Quarterly revenue came to $6.6bn.", Lang::en, "$6.6bn", "6600000000", "", "", "USD", false},
    {"The chipmaker earned $18,5 miljard last quarter.", Lang::en, "$18,5 miljard", "18500000000", "", "", "USD", false},
    {"Sales in Sydney hit A$3.5bn.", Lang::en, "A$3.5bn", "3500000000", "", "", "AUD", false},
    {"Engineers there earn $100k a year.", Lang::en, "$100k", "100000", "", "", "USD", false},
    {"Provisions grew to $1,234.5 million.", Lang::en, "$1,234.5 million", "1234500000", "", "", "USD", false},
    {"A $5-billion deal was struck.", Lang::en, "$5-billion", "5000000000", "", "", "USD", false},
    // English: qualifiers
    {"The plan could cost up to $5bn over ten years.", Lang::en, "up to $5bn", "", "", "5000000000", "USD", false},
    {"It may pay as much as $2.5 billion.", Lang::en, "as much as $2.5 billion", "", "", "2500000000", "USD", false},
    {"They have invested more than $300m so far.", Lang::en, "more than $300m", "", "300000000", "", "USD", false},
    {"The fine will be at least $1bn.", Lang::en, "at least $1bn", "", "1000000000", "", "USD", false},
    {"The merger is worth about $40 billion.", Lang::en, "about $40 billion", "40000000000", "", "", "USD", true},
    {"Losses reached nearly $3bn.", Lang::en, "nearly $3bn", "", "", "3000000000", "USD", false},
    {"Investors want $5bn or more.", Lang::en, "$5bn or more", "", "5000000000", "", "USD", false},
    // English: ranges and a second currency
    {"The IPO could raise $15 billion to $25 billion next spring.", Lang::en, "$15 billion to $25 billion", "", "15000000000", "25000000000", "USD", false},
    {"Bankers see a $15bn-$25bn valuation.", Lang::en, "$15bn-$25bn", "", "15000000000", "25000000000", "USD", false},
    {"It is valued at $15-25 billion.", Lang::en, "$15-25 billion", "", "15000000000", "25000000000", "USD", false},
    {"The tender is worth between $15 billion and $25 billion.", Lang::en, "between $15 billion and $25 billion", "", "15000000000", "25000000000", "USD", false},
    {"They pledged $40bn (£32bn) to the plan.", Lang::en, "$40bn (£32bn)", "40000000000", "", "", "USD", false},
    // Dutch
    {"De overname kost 1,3 miljard euro.", Lang::nl, "1,3 miljard euro", "1300000000", "", "", "EUR", false},
    {"Het contract is 1,3 miljard dollar waard.", Lang::nl, "1,3 miljard dollar", "1300000000", "", "", "USD", false},
    {"De chipmaker haalde $1,5 miljard op.", Lang::nl, "$1,5 miljard", "1500000000", "", "", "USD", false},
    {"De gemeente trekt 15 miljoen euro uit.", Lang::nl, "15 miljoen euro", "15000000", "", "", "EUR", false},
    {"Het kabinet reserveert € 2,4 miljard voor de zorg.", Lang::nl, "€ 2,4 miljard", "2400000000", "", "", "EUR", false},
    {"Het fonds is tussen 15 en 25 miljard dollar waard.", Lang::nl, "tussen 15 en 25 miljard dollar", "", "15000000000", "25000000000", "USD", false},
    {"Beleggers schatten het op $15 miljard tot $25 miljard.", Lang::nl, "$15 miljard tot $25 miljard", "", "15000000000", "25000000000", "USD", false},
    {"De schade loopt van 15 tot 25 miljard euro.", Lang::nl, "van 15 tot 25 miljard euro", "", "15000000000", "25000000000", "EUR", false},
    {"Het bedrijf wil tot wel 5 miljard euro lenen.", Lang::nl, "tot wel 5 miljard euro", "", "", "5000000000", "EUR", false},
    {"De bank verdiende meer dan 2 miljard euro.", Lang::nl, "meer dan 2 miljard euro", "", "2000000000", "", "EUR", false},
    {"Er gaat zo'n 700 miljoen euro naartoe.", Lang::nl, "zo'n 700 miljoen euro", "700000000", "", "", "EUR", true},
    {"De bouw kost ongeveer €1,2 miljard.", Lang::nl, "ongeveer €1,2 miljard", "1200000000", "", "", "EUR", true},
    {"De verliezen liepen op tot bijna 3 miljard euro.", Lang::nl, "bijna 3 miljard euro", "", "", "3000000000", "EUR", false},
    {"De villa ging weg voor 1.250.000 euro.", Lang::nl, "1.250.000 euro", "1250000", "", "", "EUR", false},
    {"De staatsschuld nadert 2 biljoen euro.", Lang::nl, "2 biljoen euro", "2000000000000", "", "", "EUR", false},
    {"Het tekort bedraagt 4,5 mld. euro dit jaar.", Lang::nl, "4,5 mld. euro", "4500000000", "", "", "EUR", false},
    {"De omzet steeg naar ruim €500 miljoen.", Lang::nl, "ruim €500 miljoen", "", "500000000", "", "EUR", false},
    // French
    {"Le groupe a levé 25 milliards de dollars.", Lang::fr, "25 milliards de dollars", "25000000000", "", "", "USD", false},
    {"La commune investit 600 millions d'euros.", Lang::fr, "600 millions d'euros", "600000000", "", "", "EUR", false},
    {"L'État prête 600 millions d’euros à la filière.", Lang::fr, "600 millions d’euros", "600000000", "", "", "EUR", false},
    {"Le plan coûte 2,4 milliards d’euros.", Lang::fr, "2,4 milliards d’euros", "2400000000", "", "", "EUR", false},
    {"La dette atteint 10 milliards € cette année.", Lang::fr, "10 milliards €", "10000000000", "", "", "EUR", false},
    {"Le groupe déboursera 19 milliards $ CA pour la cible.", Lang::fr, "19 milliards $ CA", "19000000000", "", "", "CAD", false},
    {"Le fonds a versé 2 millions $ US, dit-il.", Lang::fr, "2 millions $ US", "2000000", "", "", "USD", false},
    {"Mistral AI envisage de lever un milliard de dollars.", Lang::fr, "un milliard de dollars", "1000000000", "", "", "USD", false},
    {"Elle a levé plus d'un milliard d'euros.", Lang::fr, "plus d'un milliard d'euros", "", "1000000000", "", "EUR", false},
    {"The company raised a billion dollars.", Lang::en, "a billion dollars", "1000000000", "", "", "USD", false},
    {"Het bedrijf haalt één miljard euro op.", Lang::nl, "één miljard euro", "1000000000", "", "", "EUR", false},
    {"La société vaut 3 milliards $ de plus.", Lang::fr, "3 milliards $", "3000000000", "", "", "USD", false},
    {"Une levée de 5 M€ pour la jeune pousse.", Lang::fr, "5 M€", "5000000", "", "", "EUR", false},
    {"Un chantier à 3 Md€ a démarré.", Lang::fr, "3 Md€", "3000000000", "", "", "EUR", false},
    {"Un budget de 3 Mds € est prévu.", Lang::fr, "3 Mds €", "3000000000", "", "", "EUR", false},
    {"La valorisation irait de 15 à 25 milliards de dollars.", Lang::fr, "de 15 à 25 milliards de dollars", "", "15000000000", "25000000000", "USD", false},
    {"Elle vaut 15 milliards de dollars à 25 milliards de dollars selon les banques.", Lang::fr, "15 milliards de dollars à 25 milliards de dollars", "", "15000000000", "25000000000", "USD", false},
    {"Le coût se situe entre 15 et 25 milliards d'euros.", Lang::fr, "entre 15 et 25 milliards d'euros", "", "15000000000", "25000000000", "EUR", false},
    {"La banque prêtera jusqu'à 500 millions d'euros.", Lang::fr, "jusqu'à 500 millions d'euros", "", "", "500000000", "EUR", false},
    {"Le fonds pourra investir jusqu’à 2 milliards de dollars.", Lang::fr, "jusqu’à 2 milliards de dollars", "", "", "2000000000", "USD", false},
    {"Le groupe a dépensé plus de 2 milliards d'euros.", Lang::fr, "plus de 2 milliards d'euros", "", "2000000000", "", "EUR", false},
    {"La facture s'élève à environ 1,5 milliard d'euros.", Lang::fr, "environ 1,5 milliard d'euros", "1500000000", "", "", "EUR", true},
    {"Il a perdu près de 800 millions de dollars.", Lang::fr, "près de 800 millions de dollars", "800000000", "", "", "USD", true},
    {"Les pertes atteignent presque 3 milliards d'euros.", Lang::fr, "presque 3 milliards d'euros", "", "", "3000000000", "EUR", false},
    {"Un marché évalué au-delà de 10 milliards d'euros.", Lang::fr, "au-delà de 10 milliards d'euros", "", "10000000000", "", "EUR", false},
    {"Le prix atteint 1\u00A0234\u00A0567 euros.", Lang::fr, "1\u00A0234\u00A0567 euros", "1234567", "", "", "EUR", false},
    {"Un loyer de 12\u202F500 euros par mois.", Lang::fr, "12\u202F500 euros", "12500", "", "", "EUR", false},
    {"Une amende de 1 234,5 euros.", Lang::fr, "1 234,5 euros", "1234.5", "", "", "EUR", false},
    {"La dette mondiale dépasse 2 billions d'euros.", Lang::fr, "2 billions d'euros", "2000000000000", "", "", "EUR", false},
    {"Helvion lève 62 millions de francs.", Lang::fr, "62 millions de francs", "62000000", "", "", "CHF", false},
    {"Shiftara haalde 30 miljoen pond op.", Lang::nl, "30 miljoen pond", "30000000", "", "", "GBP", false},
    {"Unit 4 betaalde 380 miljoen gulden.", Lang::nl, "380 miljoen gulden", "380000000", "", "", "NLG", false},
    {"Railvana kost 410 miljoen frank.", Lang::nl, "410 miljoen frank", "410000000", "", "", "CHF", false},
    {"Takemura pays 52 billion yen.", Lang::en, "52 billion yen", "52000000000", "", "", "JPY", false},
    // Negatives: numbers that are no money
    {"Het pakket weegt 5 pond.", Lang::nl, nullptr, "", "", "", "", false},
    {"The lab released 12 models in 2019.", Lang::en, nullptr, "", "", "", "", false},
    {"Its R1 model beat the rival by 12%.", Lang::en, nullptr, "", "", "", "", false},
    {"Recalls covered 5 million pounds of beef.", Lang::en, nullptr, "", "", "", "", false},
    {"The 2024 plan has 3 phases and 40 million users.", Lang::en, nullptr, "", "", "", "", false},
    {"Het bedrijf groeide met 12 procent in 2024.", Lang::nl, nullptr, "", "", "", "", false},
    {"Er werken 1.200 mensen, 3 miljoen klanten.", Lang::nl, nullptr, "", "", "", "", false},
    {"En 2024, 300 salariés ont rejoint le groupe.", Lang::fr, nullptr, "", "", "", "", false},
    {"L'éditeur a vendu 5 millions de livres.", Lang::fr, nullptr, "", "", "", "", false},
    {"No digits at all, just dollars and euros.", Lang::en, nullptr, "", "", "", "", false},
};
// clang-format on

std::string span_of(std::string_view text, std::size_t begin, std::size_t end) {
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

TEST_CASE("find_money: one amount per sentence", "[money]") {
  std::size_t positives = 0;
  for (const auto& c : kMoneyCases) positives += c.span != nullptr;
  CHECK(positives >= 45);

  for (const auto& c : kMoneyCases) {
    DYNAMIC_SECTION(kg::to_string(c.lang) << ": " << c.text) {
      const auto matches = kg::find_money(c.text, c.lang);
      if (c.span == nullptr) {
        CHECK(matches.empty());
      } else {
        REQUIRE(matches.size() == 1);
        const auto& m = matches[0];
        CHECK(span_of(c.text, m.begin, m.end) == c.span);
        CHECK(m.amount.value == c.value);
        CHECK(m.amount.min_value == c.min);
        CHECK(m.amount.max_value == c.max);
        CHECK(m.amount.currency == c.currency);
        CHECK(m.amount.approximate == c.approximate);
      }
    }
  }
}

TEST_CASE("find_money: several amounts in one sentence, in order", "[money]") {
  const std::string_view text = "Microsoft put in $10bn, Google added €2 billion and Amazon about £500m.";
  const auto matches = kg::find_money(text, Lang::en);
  REQUIRE(matches.size() == 3);
  CHECK(span_of(text, matches[0].begin, matches[0].end) == "$10bn");
  CHECK(span_of(text, matches[1].begin, matches[1].end) == "€2 billion");
  CHECK(span_of(text, matches[2].begin, matches[2].end) == "about £500m");
  CHECK(matches[2].amount.value == "500000000");
  CHECK(matches[2].amount.approximate);
}

TEST_CASE("find_money: a falling figure is two amounts, not a range", "[money]") {
  const std::string_view text = "Its value fell from $25bn to $15bn.";
  const auto matches = kg::find_money(text, Lang::en);
  REQUIRE(matches.size() == 2);
  CHECK(matches[0].amount.value == "25000000000");
  CHECK(matches[1].amount.value == "15000000000");
}

namespace {

struct PercentCase {
  const char* text;
  Lang lang;
  const char* span;  // nullptr: no percentage
  const char* value;
};

// clang-format off
const PercentCase kPercentCases[] = {
    {"Revenue grew 12% in the quarter.", Lang::en, "12%", "12"},
    {"Margins slipped to 12 % after the war.", Lang::en, "12 %", "12"},
    {"Turnout was 12 percent lower.", Lang::en, "12 percent", "12"},
    {"Prices rose 12 per cent in London.", Lang::en, "12 per cent", "12"},
    {"Rates stand at 0.75% for now.", Lang::en, "0.75%", "0.75"},
    {"De omzet steeg met 12 procent.", Lang::nl, "12 procent", "12"},
    {"De inflatie kwam uit op 2,5%.", Lang::nl, "2,5%", "2.5"},
    {"Le chômage recule de 12 pour cent.", Lang::fr, "12 pour cent", "12"},
    {"La croissance atteint 2,5\u00A0% cette année.", Lang::fr, "2,5\u00A0%", "2.5"},
    {"A $12bn deal in 2024.", Lang::en, nullptr, ""},
    {"Het kost 12 miljoen euro.", Lang::nl, nullptr, ""},
};
// clang-format on

}  // namespace

TEST_CASE("find_percent", "[money][percent]") {
  for (const auto& c : kPercentCases) {
    DYNAMIC_SECTION(kg::to_string(c.lang) << ": " << c.text) {
      const auto matches = kg::find_percent(c.text, c.lang);
      if (c.span == nullptr) {
        CHECK(matches.empty());
      } else {
        REQUIRE(matches.size() == 1);
        CHECK(span_of(c.text, matches[0].begin, matches[0].end) == c.span);
        CHECK(matches[0].value == c.value);
      }
    }
  }
}

TEST_CASE("exact decimal arithmetic", "[money][decimal]") {
  struct Case {
    const char* decimal;
    int exponent;
    const char* expected;
  };
  const Case cases[] = {
      {"6.6", 9, "6600000000"}, {"1.3", 9, "1300000000"}, {"18.5", 9, "18500000000"},
      {"1500000.5", 0, "1500000.5"}, {"0025", 0, "25"},  {"2.50", 0, "2.5"},
      {"1.5", -1, "0.15"},       {"0.0", 3, "0"},        {"1.2x", 3, ""},
      {"", 3, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.decimal, c.exponent);
    CHECK(kg::decimal_times_power_of_ten(c.decimal, c.exponent) == c.expected);
  }
  CHECK(kg::compare_decimals("15000000000", "25000000000") < 0);
  CHECK(kg::compare_decimals("2.5", "2.50") == 0);
  CHECK(kg::compare_decimals("10", "9.99") > 0);
  CHECK(kg::compare_decimals("0.5", "0.45") > 0);
}

TEST_CASE("malformed UTF-8 through the library API ends the scan: an overlong digit is no digit", "[money][utf8]") {
  // "\xC0\xB1" is an overlong '1': the finders are called by library users on text that was never
  // checked, and used to loop forever on it.
  for (const std::string& text : {std::string("Raised $\xC0\xB1 million"), std::string("\xC0\xB1\xC0\xB2 %"),
                                 std::string("\xE0\x80\xB5 euros"), std::string("\xED\xA0\x80 5 \xF8\x88")}) {
    for (kg::Lang lang : {kg::Lang::en, kg::Lang::nl, kg::Lang::fr}) {
      CHECK(kg::find_money(text, lang).empty());
      CHECK(kg::find_percent(text, lang).empty());
    }
  }
  const auto found = kg::find_money("\xC0\xB1 then $5 million", kg::Lang::en);
  REQUIRE(found.size() == 1);
}
