// The extraction engine with the real gazetteer and small rule packs written here: which facts
// sentences give, with their amounts, statuses, attributions, evidence, deduplication and priority.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kgbuild/extract.hpp"
#include "kgbuild/gazetteer.hpp"

namespace {

using kg::Lang;

kg::TextAnalyzer& analyzer() {
  static kg::TextAnalyzer instance;
  return instance;
}

const kg::Gazetteer& gazetteer() {
  static const kg::Gazetteer g =
      kg::Gazetteer::load(std::filesystem::path(KGBUILD_SOURCE_DIR) / "extractor" / "gazetteer", analyzer());
  return g;
}

const kg::NameData& names() {
  static const kg::NameData n = kg::NameData::load(std::filesystem::path(KGBUILD_SOURCE_DIR) / "extractor" / "lang");
  return n;
}

const char* const kPack = R"(language en
list-joiner = and "as well as"
list invest_verb = invests invested "put"
status Denied = denied "ruled out"
status InTalks = "in talks" talks
status Planned = "plans to" will
status Reported = reportedly "according to"
default-status Announced
default-status Completed for raised
sentence-status Denied Reported
clause-break = ";" while which
background-date = founded since
earlier-event = previously
per-unit = "a share"
deal-amount (the|this) deal ...3 (worth|valued) ...2 amount:MONEY
attribution "according to" ...3 source:ORG

rule t.buys
  match buyer:ORG (buys|bought) target:ORG (for amount:MONEY)?
  emit target acquiredBy buyer amount=amount

rule t.invest priority 60 confidence 0.9
  match investor:ORG+ ...4 @invest_verb (...3 amount:MONEY)? ...3 (in|into) target:ORG
  emit target fundedBy investor amount=amount

rule t.partner
  match firms:ORG+ (signed|agreed|formed) ...2 (partnership|alliance)
  emit firms partner firms

rule t.raise
  match org:ORG ...4 raised amount:MONEY
  emit org raised amount

rule t.sues
  match plaintiff:ORG ...2 sued defendant:ORG
  emit plaintiff accuses defendant

rule t.buys-closed
  match buyer:ORG "closed its purchase of" target:ORG
  emit target acquiredBy buyer status=Completed
)";

struct Run {
  std::unique_ptr<std::map<Lang, kg::RulePack>> packs;
  std::unique_ptr<kg::Extractor> extractor;
  kg::ArticleAnalysis analysis;
  std::vector<kg::Fact> facts;

  std::string name(std::int32_t entity) const {
    return entity >= 0 ? analysis.entities[static_cast<std::size_t>(entity)].name : "-";
  }
  std::string money(std::int32_t index) const {
    const kg::MoneyAmount& m = analysis.money[static_cast<std::size_t>(index)];
    std::string out = m.value;
    if (!m.min_value.empty() || !m.max_value.empty()) out += m.min_value + ".." + m.max_value;
    return out + " " + m.currency;
  }
  // "Subject property Object", "Subject raised 6 EUR", "... amount=5 USD".
  std::string describe(const kg::Fact& f) const {
    std::string out = name(f.subject) + " " + f.property + " ";
    out += f.object_money >= 0 ? money(f.object_money) : name(f.object);
    if (f.amount >= 0) out += " amount=" + money(f.amount);
    return out;
  }
  std::vector<std::string> described() const {
    std::vector<std::string> out;
    for (const auto& f : facts) out.push_back(describe(f));
    return out;
  }
  std::string evidence(const kg::Fact& f) const {
    const auto& tokens = analysis.text.tokens;
    return analysis.text.text.substr(tokens[f.token_begin].begin, tokens[f.token_end - 1].end - tokens[f.token_begin].begin);
  }
};

Run run_in(Lang lang, const std::string& text, const std::string& rules) {
  Run r;
  r.packs = std::make_unique<std::map<Lang, kg::RulePack>>();
  r.packs->emplace(lang, kg::parse_rule_pack(rules, "test.rules", analyzer()));
  r.extractor = std::make_unique<kg::Extractor>(*r.packs);
  r.analysis.text = analyzer().analyze(text, lang);
  kg::MentionFinder(gazetteer(), names()).find(r.analysis, kg::DateValue{2025, 3, 1, kg::DatePrecision::day});
  r.facts = r.extractor->extract(r.analysis);
  return r;
}

Run run(const std::string& text, const std::string& rules = kPack) { return run_in(Lang::en, text, rules); }

using Facts = std::vector<std::string>;

}  // namespace

TEST_CASE("a sentence gives its fact with subject, property, object and amount", "[extract]") {
  const Run r = run("Microsoft invested $2 billion in Mistral AI.");
  REQUIRE(r.facts.size() == 1);
  const kg::Fact& f = r.facts[0];
  CHECK(r.describe(f) == "Mistral AI fundedBy Microsoft amount=2000000000 USD");
  CHECK(f.rule->id == "t.invest");
  CHECK(f.sentence == 0);
  CHECK(f.status == "Announced");
  CHECK(f.attribution == -1);
  CHECK(f.object_money == -1);
  CHECK(f.confidence == Approx(0.9));
  CHECK(r.evidence(f) == "Microsoft invested $2 billion in Mistral AI");
}

TEST_CASE("amount-valued facts carry the money as their object", "[extract]") {
  const Run r = run("Mistral AI raised \xE2\x82\xAC" "600 million in January.");
  REQUIRE(r.facts.size() == 1);
  const kg::Fact& f = r.facts[0];
  CHECK(r.describe(f) == "Mistral AI raised 600000000 EUR");
  CHECK(f.object == -1);
  REQUIRE(f.date >= 0);  // the sentence's date qualifies the fact
  CHECK(r.analysis.dates[static_cast<std::size_t>(f.date)].lexical() == "2025-01");

  const Run range = run("Cohere raised between $400 million and $500 million.");
  CHECK(range.described() == Facts{"Cohere raised 400000000..500000000 USD"});
}

TEST_CASE("no rule, no fact; a rule needs all its required parts", "[extract]") {
  CHECK(run("Microsoft praised Mistral AI.").facts.empty());
  CHECK(run("Microsoft invested $2 billion last year.").facts.empty());  // no target
  CHECK(run("Someone invested in Mistral AI.").facts.empty());          // no investor
}

TEST_CASE("a coordinated list gives one fact per name", "[extract]") {
  const Run r = run("Nvidia, SoftBank and Amazon invested in Anthropic.");
  CHECK(r.described() ==
        Facts{"Anthropic fundedBy Nvidia", "Anthropic fundedBy SoftBank", "Anthropic fundedBy Amazon"});
  for (const auto& f : r.facts) CHECK(r.evidence(f) == "Nvidia, SoftBank and Amazon invested in Anthropic");
}

TEST_CASE("a list takes the pack's joiners, a repeated preposition, descriptions and set-off clauses", "[extract][list]") {
  const std::string pack = "language en\nlist-joiner = and alongside\nlist-preposition = from\n"
                           "rule t.from\n  match target:ORG raised money from investor:ORG+\n  emit target fundedBy investor\n";
  // "and from": the list repeats its preposition; "the Dutch fund": words describing the next name.
  CHECK(run("Fjord Analytics raised money from Sequoia Capital and from the Dutch fund Volta Ventures.", pack).described() ==
        Facts{"Fjord Analytics fundedBy Sequoia Capital", "Fjord Analytics fundedBy Volta Ventures"});
  // A clause set off by commas describes the name before it; its own names are not the list's.
  CHECK(run("Fjord Analytics raised money from Sequoia Capital, which also backs Harbor Robotics, alongside Accel.", pack)
            .described() == Facts{"Fjord Analytics fundedBy Sequoia Capital", "Fjord Analytics fundedBy Accel"});
  // Without a joiner after it, the clause ends the list.
  CHECK(run("Fjord Analytics raised money from Sequoia Capital, which also backs Harbor Robotics, Accel said.", pack)
            .described() == Facts{"Fjord Analytics fundedBy Sequoia Capital"});
  // A pack that declares no joiner has no lists.
  const std::string bare = "language en\nrule t.from\n  match target:ORG raised money from investor:ORG+\n  emit target fundedBy investor\n";
  CHECK(run("Fjord Analytics raised money from Sequoia Capital and Accel.", bare).described() ==
        Facts{"Fjord Analytics fundedBy Sequoia Capital"});
}

TEST_CASE("DESCRIPTION takes up to four lower-case words right before a name", "[extract][description]") {
  const std::string pack = "language en\nrule t.buy\n  match buyer:ORG (buys|bought) DESCRIPTION? target:ORG\n  emit target acquiredBy buyer\n";
  CHECK(run("Salesforce bought data-pipeline startup Trellisync.", pack).described() == Facts{"Trellisync acquiredBy Salesforce"});
  CHECK(run("Salesforce bought Trellisync.", pack).described() == Facts{"Trellisync acquiredBy Salesforce"});
  // Function words may join its words, not end it: "maker of mobile games Zynga", not "shares in".
  CHECK(run("Salesforce bought maker of mobile games Trellisync.", pack).described() == Facts{"Trellisync acquiredBy Salesforce"});
  CHECK(run("Salesforce bought shares in Trellisync.", pack).facts.empty());
  // Not five words, not capitals.
  CHECK(run("Salesforce bought very small fast data-pipeline startup Trellisync.", pack).facts.empty());
}

TEST_CASE("emit p partner p gives every pair of the list once", "[extract]") {
  const Run r = run("Oracle, Nvidia and SoftBank formed an alliance.");
  CHECK(r.described() == Facts{"Oracle partner Nvidia", "Oracle partner SoftBank", "Nvidia partner SoftBank"});
  const Run two = run("Oracle and Nvidia signed a partnership.");
  CHECK(two.described() == Facts{"Oracle partner Nvidia"});
}

TEST_CASE("status comes from cues, the first listed taking precedence", "[extract][status]") {
  CHECK(run("Google invested in Cohere.").facts.at(0).status == "Announced");
  CHECK(run("Google plans to put money into Cohere.").facts.at(0).status == "Planned");
  CHECK(run("Google invested in Cohere after months of talks.").facts.at(0).status == "InTalks");
  // Both cues are present; Denied is listed first, whatever the order in the sentence.
  CHECK(run("After talks, Google denied it invested in Cohere.").facts.at(0).status == "Denied");
  CHECK(run("Google invested in Cohere, and will talk more.").facts.at(0).status == "Planned");
  // A status fixed by the rule overrides cues.
  const Run fixed = run("Nvidia closed its purchase of Arm, though some talks continue.");
  REQUIRE(fixed.facts.size() == 1);
  CHECK(fixed.describe(fixed.facts[0]) == "Arm acquiredBy Nvidia");
  CHECK(fixed.facts[0].status == "Completed");
}

TEST_CASE("status cues are per sentence", "[extract][status]") {
  const Run r = run("Google denied any plan last week. Google invested in Cohere.");
  REQUIRE(r.facts.size() == 1);
  CHECK(r.facts[0].status == "Announced");
}

TEST_CASE("attribution to the source the sentence, or its paragraph, cites", "[extract][attribution]") {
  const Run r = run("Microsoft invested in Mistral AI, according to Reuters.");
  REQUIRE(r.facts.size() == 1);
  CHECK(r.name(r.facts[0].attribution) == "Reuters");
  CHECK(r.facts[0].attribution_reason == "cited in this sentence");
  CHECK(r.describe(r.facts[0]) == "Mistral AI fundedBy Microsoft");  // the source is not a party

  // A source cited once is not stamped on the article's other claims ...
  const Run article = run("According to Bloomberg, the talks were long. Nvidia invested in Cohere.");
  REQUIRE(article.facts.size() == 1);
  CHECK(article.facts[0].attribution == -1);
  // ... only on a later sentence of its paragraph that relays it.
  const Run relayed = run("Nvidia invested in Cohere, according to Bloomberg. Intel reportedly invested in Cohere.");
  REQUIRE(relayed.facts.size() == 2);
  CHECK(relayed.name(relayed.facts[1].attribution) == "Bloomberg");
  CHECK(relayed.facts[1].attribution_reason == "cited in sentence 1 of the paragraph, relayed here");
  const Run next_paragraph = run("Nvidia invested in Cohere, according to Bloomberg.\n\nIntel reportedly invested in Cohere.");
  REQUIRE(next_paragraph.facts.size() == 2);
  CHECK(next_paragraph.facts[1].attribution == -1);

  CHECK(run("Nvidia invested in Cohere.").facts.at(0).attribution == -1);
}

TEST_CASE("status comes from the fact's clause; a date from the event, never the background", "[extract][status][date]") {
  // "will" belongs to the clause after "while", not to the round.
  const Run clause = run("Nvidia invested in Cohere, while Google will open an office.");
  REQUIRE(clause.facts.size() == 1);
  CHECK(clause.facts[0].status == "Announced");
  CHECK(clause.facts[0].status_cue.empty());
  CHECK(run("Nvidia will put money in Cohere.").facts.at(0).status_cue == "will");
  // "according to" speaks for the whole sentence; "talks" only for its own clause.
  CHECK(run("Nvidia invested in Cohere, while the talks went on, according to Reuters.").facts.at(0).status == "Reported");
  CHECK(run("Nvidia invested in Cohere while the talks went on.").facts.at(0).status == "Announced");
  // The pack's default for a plain statement may depend on the property: a round is done.
  const Run raised = run("Cohere raised $500 million.");
  REQUIRE(raised.facts.size() == 1);
  CHECK(raised.facts[0].status == "Completed");
  const Run founded = run("Founded in 1971, Kestrel raised $5 million on 3 March 2025.");
  REQUIRE(founded.facts.size() == 1);
  REQUIRE(founded.facts[0].date >= 0);
  CHECK(founded.analysis.dates.at(static_cast<std::size_t>(founded.facts[0].date)).lexical() == "2025-03-03");
  CHECK(founded.facts[0].date_reason == "in the fact's clause");
  const Run only_background = run("Founded in 1971, Kestrel raised $5 million.");
  CHECK(only_background.facts.at(0).date == -1);
}

TEST_CASE("an outlet a sentence cites is not a party to its facts; a company it cites can be", "[extract][attribution]") {
  // Without the rule, "Reuters , Microsoft invested in Cohere" would make Reuters an investor.
  CHECK(run("According to Reuters, Microsoft invested in Cohere.").described() == Facts{"Cohere fundedBy Microsoft"});
  const Run company = run("Cohere raised $500 million, according to Cohere.");
  CHECK(company.described() == Facts{"Cohere raised 500000000 USD"});
  // A party's own word is no third-party source: the claim is credited to nobody.
  CHECK(company.facts.at(0).attribution == -1);
  const Run other = run("Cohere raised $500 million, according to Nvidia.");
  CHECK(other.name(other.facts.at(0).attribution) == "Nvidia");
}

TEST_CASE("an apposition naming a kind of product makes an unknown name a product", "[extract][mentions]") {
  const std::string rules = "language en\nrule t.product\n  match maker:ORG develops product:PRODUCT\n  emit maker product product\n";
  CHECK(run("Kestrel Labs develops Orion, a new language model for lawyers.", rules).described() ==
        Facts{"Kestrel Labs product Orion"});
  CHECK(run("Kestrel Labs develops Orion, un modèle de langage.", rules).described() == Facts{"Kestrel Labs product Orion"});
  // A company apposition wins: "Orion, a chip start-up" is an organisation, and no product.
  CHECK(run("Kestrel Labs develops Orion, a chip start-up in Lyon.", rules).facts.empty());
  // Only the noun right after the determiner and adjectives counts, not one further on.
  CHECK(run("Kestrel Labs develops Orion, a maker of language models.", rules).facts.empty());
}

TEST_CASE("the same fact in several sentences is kept once, from the first", "[extract][dedup]") {
  const Run r = run("Microsoft invested in Mistral AI. Analysts were surprised. Microsoft also invested in Mistral AI.");
  REQUIRE(r.facts.size() == 1);
  CHECK(r.facts[0].sentence == 0);

  // Symmetric properties are the same fact in either direction.
  const Run sym = run("Oracle and Nvidia formed an alliance. Nvidia and Oracle signed a partnership.");
  REQUIRE(sym.facts.size() == 1);
  CHECK(sym.facts[0].sentence == 0);

  // A different amount is a different claim.
  const Run amounts = run("Microsoft invested $1 billion in Mistral AI. Microsoft invested $2 billion in Mistral AI.");
  CHECK(amounts.described() == Facts{"Mistral AI fundedBy Microsoft amount=1000000000 USD",
                                     "Mistral AI fundedBy Microsoft amount=2000000000 USD"});
}

TEST_CASE("gaps and optional groups bind amounts correctly", "[extract][pattern]") {
  CHECK(run("SoftBank invested up to $3 billion in OpenAI.").described() ==
        Facts{"OpenAI fundedBy SoftBank amount=..3000000000 USD"});
  // The optional amount is absent: the fact has no amount.
  const Run none = run("SoftBank invested heavily in OpenAI.");
  REQUIRE(none.facts.size() == 1);
  CHECK(none.facts[0].amount == -1);
  // Money before the verb is not the investment.
  const Run before = run("SoftBank, worth $90 billion, invested in OpenAI.");
  REQUIRE(before.facts.size() == 1);
  CHECK(before.facts[0].amount == -1);
  CHECK(before.describe(before.facts[0]) == "OpenAI fundedBy SoftBank");

  // A gap of at most two units.
  CHECK(run("Apple sued Oracle.").described() == Facts{"Apple accuses Oracle"});
  CHECK(run("Apple quietly sued Oracle.").described() == Facts{"Apple accuses Oracle"});
  CHECK(run("Apple quietly and unexpectedly sued Oracle.").facts.empty());
}

TEST_CASE("a rule whose words are all in groups is found by them, as far as its pattern reaches", "[extract][pattern]") {
  // No bare word: the group is what indexes the rule, and the only place its match can be anchored.
  const std::string rules = R"(language en
rule t.sues
  match a:ORG (openly|quietly)? ...2 (sued|sues|"filed suit against") b:ORG
  emit a accuses b
)";
  CHECK(run("Apple sues Oracle.", rules).described() == Facts{"Apple accuses Oracle"});
  CHECK(run("Apple filed suit against Oracle.", rules).described() == Facts{"Apple accuses Oracle"});
  // The words before the verb can take four units at most: an adverb and a gap of two.
  CHECK(run("Apple openly and quietly sued Oracle.", rules).described() == Facts{"Apple accuses Oracle"});
  CHECK(run("Apple openly, and quietly sued Oracle.", rules).facts.empty());
  CHECK(run("Apple praised Oracle.", rules).facts.empty());
}

TEST_CASE("a capture bound in a branch that failed is not kept", "[extract][pattern]") {
  const std::string rules = R"(language en
rule t.cash
  match a:ORG invested (amount:MONEY "in cash")? ...3 in b:ORG
  emit b fundedBy a amount=amount
)";
  // The group binds the money, then fails on "in cash": the gap skips the money instead.
  const Run without = run("Nvidia invested $5 billion in Arm.", rules);
  REQUIRE(without.facts.size() == 1);
  CHECK(without.facts[0].amount == -1);
  CHECK(run("Nvidia invested $6 billion in cash in Arm.", rules).described() ==
        Facts{"Arm fundedBy Nvidia amount=6000000000 USD"});
}

TEST_CASE("rules run in priority order and the higher priority wins a shared fact", "[extract][priority]") {
  const std::string rules = R"(language en
rule t.low priority 10 confidence 0.3
  match buyer:ORG acquired target:ORG
  emit target acquiredBy buyer
rule t.rival priority 20
  match buyer:ORG acquired target:ORG
  emit buyer competitor target
rule t.high priority 90 confidence 0.95
  match buyer:ORG ...1 acquired target:ORG
  emit target acquiredBy buyer
)";
  const Run r = run("Nvidia acquired Arm.", rules);
  REQUIRE(r.facts.size() == 2);
  CHECK(r.describe(r.facts[0]) == "Arm acquiredBy Nvidia");
  CHECK(r.facts[0].rule->id == "t.high");
  CHECK(r.facts[0].confidence == Approx(0.95));
  CHECK(r.describe(r.facts[1]) == "Nvidia competitor Arm");
  CHECK(r.facts[1].rule->id == "t.rival");
}

TEST_CASE("articles in a language without a pack give no facts", "[extract]") {
  std::map<Lang, kg::RulePack> packs;
  packs.emplace(Lang::en, kg::parse_rule_pack(kPack, "test.rules", analyzer()));
  const kg::Extractor extractor(packs);
  CHECK(extractor.pack(Lang::en) != nullptr);
  CHECK(extractor.pack(Lang::fr) == nullptr);
  kg::ArticleAnalysis a;
  a.text = analyzer().analyze("Microsoft a investi dans Mistral AI.", Lang::fr);
  kg::MentionFinder(gazetteer(), names()).find(a, std::nullopt);
  CHECK(extractor.extract(a).empty());
}

TEST_CASE("explain support: units and how far a rule got", "[extract]") {
  const Run r = run("Apple quietly and unexpectedly sued Oracle.");
  const kg::CompiledPack* pack = r.extractor->pack(Lang::en);
  REQUIRE(pack);
  const auto units = pack->units(r.analysis, 0);
  // Apple | quietly | and | unexpectedly | sued | Oracle | .
  REQUIRE(units.size() == 7);
  CHECK(units[0].mention >= 0);
  CHECK(units[1].mention == -1);
  CHECK(units[5].mention >= 0);
  const kg::Rule* sues = nullptr;
  for (const auto& rule : pack->pack().rules)
    if (rule.id == "t.sues") sues = &rule;
  REQUIRE(sues);
  CHECK(pack->match_rule(*sues, r.analysis, 0, units).empty());
  const kg::RuleProgress progress = pack->progress(*sues, r.analysis, 0, units);
  CHECK(progress.pattern == 0);
  CHECK(progress.elements == 2);  // plaintiff:ORG and the gap; "sued" is out of reach
}

namespace {

const char* const kTopicPack = R"(language en
list-joiner = and
list round = round "funding round"
rule t.raise priority 50
  match org:ORG ...6 raised amount:MONEY
  emit org raised amount
rule t.round-led-by priority 50
  match target:ORG ...8 round ...2 "led by" investor:ORG+
  emit target fundedBy investor
rule t.topic-led priority 40
  match investor:ORG+ led the @round
  emit TOPIC fundedBy investor
rule t.topic-ceo priority 40
  match person:PERSON "," who ...3 its ("chief executive"|ceo)
  emit TOPIC ceo person
)";

}  // namespace

TEST_CASE("TOPIC is the organisation the article is about, not an investor", "[extract][topic]") {
  const Run r = run("Harbor Robotics raised $40 million in a round led by Sequoia Capital. "
                    "Accel led the round. Accel also backs many other start-ups.", kTopicPack);
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Sequoia Capital") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Accel") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Sequoia Capital fundedBy Accel") == 0);
}

TEST_CASE("a fact about the topic stays beside an explicit one about another party", "[extract][topic]") {
  // "the round was led by A, joined by B, which also backed the company": B's explicit fact does
  // not take A's round from the topic.
  const Run r = run("Harbor Robotics raised $40 million. Sequoia Capital led the round, and Accel backed Harbor Robotics too.",
                    std::string(kTopicPack) + "rule t.backed priority 60\n  match investor:ORG backed target:ORG\n  emit target fundedBy investor\n");
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Sequoia Capital") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Accel") == 1);
}

TEST_CASE("an investor named beside another does not invest in it", "[extract][topic]") {
  // "led by A, accompanied by B": a rule reading "A, accompanied by B" as B backing A loses to the
  // round both invest in.
  const Run r = run("Harbor Robotics raised $40 million. Sequoia Capital, accompanied by Accel, led the round.",
                    std::string(kTopicPack) +
                        "rule t.accompanied priority 60\n  match target:ORG \",\" accompanied by investor:ORG\n  emit target fundedBy investor\n"
                        "rule t.led-with priority 40\n  match investor:ORG \",\" accompanied by investor2:ORG \",\" led the round\n"
                        "  emit TOPIC fundedBy investor\n  emit TOPIC fundedBy investor2\n");
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Accel") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Sequoia Capital fundedBy Accel") == 0);
}

TEST_CASE("TOPIC after 'its' is the sentence's own subject", "[extract][topic]") {
  const Run r = run("Harbor Robotics raised $40 million. "
                    "Nordlicht Energy was set up by Anna Jansen, who is still its chief executive.", kTopicPack);
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Nordlicht Energy ceo Anna Jansen") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics ceo Anna Jansen") == 0);
}

TEST_CASE("a fact a sentence states with names beats the same fact about the topic", "[extract][topic]") {
  const Run r = run("Harbor Robotics raised $40 million. Index Ventures led the round in Fjord Analytics.",
                    std::string(kTopicPack) + "rule t.led-in priority 60\n  match investor:ORG led the round in target:ORG\n  emit target fundedBy investor\n");
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Fjord Analytics fundedBy Index Ventures") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Harbor Robotics fundedBy Index Ventures") == 0);
}

TEST_CASE("a price per share is not an amount of the company", "[extract]") {
  const std::string pack = "language en\nrule t.values priority 50\n  match values org:ORG at amount:MONEY\n  emit org valuation amount\n";
  CHECK(run("The deal values Microsoft at $25 a share.", pack).facts.empty());
  CHECK(run("The deal values Microsoft at $8 billion.", pack).described() == Facts{"Microsoft valuation 8000000000 USD"});
}

TEST_CASE("a short name learned first takes the full name that follows it", "[extract][mentions]") {
  const std::string rules = "language en\nrule t.sues\n  match plaintiff:ORG ...3 (sues|sued) defendant:ORG\n  emit plaintiff accuses defendant\n"
                            "rule t.raise\n  match org:ORG ...4 raised amount:MONEY\n  emit org raised amount\n";
  const Run r = run("Norwegian biotech Halvorsen sues Sanofi over patents. "
                    "Halvorsen Therapeutics, an Oslo biotech company, sued Sanofi in Delaware. Halvorsen raised $85 million.", rules);
  CHECK(r.described() == Facts{"Halvorsen Therapeutics accuses Sanofi", "Halvorsen Therapeutics raised 85000000 USD"});
  // Capitals before an organisation noun that introduces a name describe it: "London AI" is no company.
  const Run london = run("London AI start-up Lumora raised $450 million.", rules);
  CHECK(london.described() == Facts{"Lumora raised 450000000 USD"});
}

TEST_CASE("a reference in apposition, or with a nationality, finds the organisation it describes", "[extract][mentions]") {
  const std::string rules = "language en\nrule t.country\n  match nationality:NATIONALITY org:ORG\n  emit org country nationality\n"
                            "rule t.bid\n  match bidder:ORG ...4 bid for target:ORG\n  emit target acquiredBy bidder\n";
  // "the Swiss contract manufacturer" right after "Lonza," is Lonza, not the article's subject.
  const Run apposition = run("Halvorsen Therapeutics sued Sanofi. Halvorsen is weighing a sale. "
                             "Lonza, the Swiss contract manufacturer, made a bid for Halvorsen.", rules);
  const auto& ms = apposition.analysis.mentions[2];
  const auto reference = std::find_if(ms.begin(), ms.end(), [](const kg::Mention& m) { return m.coreferent; });
  REQUIRE(reference != ms.end());
  CHECK(apposition.name(reference->entity) == "Lonza");
  // The Norwegian company is not "the French drugmaker".
  const Run nationality = run("Norwegian biotech Halvorsen sued Sanofi, accusing the French drugmaker of copying its process.", rules);
  const auto& ns = nationality.analysis.mentions[0];
  const auto drugmaker = std::find_if(ns.begin(), ns.end(), [](const kg::Mention& m) { return m.coreferent; });
  REQUIRE(drugmaker != ns.end());
  CHECK(nationality.name(drugmaker->entity) == "Sanofi");
}

TEST_CASE("a reference that opens the main clause after a fronted one is no apposition", "[extract][mentions]") {
  const std::string rules = "language en\nrule t.raise\n  match org:ORG ...4 raised amount:MONEY\n  emit org raised amount\n";
  // "Backed by Sofinnova and Bpifrance, the company had raised ...": the company is the article's,
  // not Bpifrance, the name before the comma.
  const Run r = run("Immunoveris develops lupus drugs. Backed since its creation by Sofinnova Partners and Bpifrance, "
                    "the company has raised $85 million.", rules);
  CHECK(r.described() == Facts{"Immunoveris raised 85000000 USD"});
  // An apposition stays one: "Lonza, the Swiss contract manufacturer, made a bid" (above).
}

TEST_CASE("an office about the topic goes to the organisation a stated fact tied the person to", "[extract][topic]") {
  const std::string rules = std::string(kTopicPack) +
                            "rule t.founded-by priority 55\n  match org:ORG ...4 founded ...3 by person:PERSON+\n  emit org founder person\n"
                            "rule t.remains priority 40\n  match person:PERSON \",\" who remains (its)? (\"chief executive\"|ceo)\n  emit TOPIC ceo person\n";
  const Run r = run("Siemens has agreed to buy Veritas Labs. Siemens said the deal was good. "
                    "Veritas Labs was founded in 2014 by Marieke de Jong. De Jong, who remains chief executive, will join Siemens.", rules);
  const Facts facts = r.described();
  CHECK(std::count(facts.begin(), facts.end(), "Veritas Labs ceo Marieke de Jong") == 1);
  CHECK(std::count(facts.begin(), facts.end(), "Siemens ceo Marieke de Jong") == 0);
}

TEST_CASE("names no list holds are found from the text, with their facts", "[extract][names]") {
  const std::string rules = "language en\nrule t.buy\n  match buyer:ORG ...4 (buy|acquire) ...2 target:ORG\n  emit target acquiredBy buyer\n"
                            "rule t.ceo\n  match org:ORG ...4 appointed person:PERSON as (\"chief executive\"|ceo)\n  emit org ceo person\n";
  // A multi-word name opening the sentence, with a designator; a bare name after "its rival".
  const Run deal = run("Harrow Lane Holdings has agreed to buy its rival Pellmore in a $4.1 billion all-cash deal.", rules);
  CHECK(deal.described() == Facts{"Pellmore acquiredBy Harrow Lane Holdings"});
  // The designator settles the buyer's type; only its shape types Pellmore, so the fact is less certain.
  REQUIRE(deal.facts.size() == 1);
  CHECK(deal.facts[0].confidence < 0.99);
  // "Shares" opening a sentence is a word of the language, no company.
  const Run shares = run("Shares of Harrow Lane Holdings rose 4% in London.", rules);
  std::vector<std::string> names;
  for (const auto& e : shares.analysis.entities) names.push_back(e.name);
  CHECK(std::find(names.begin(), names.end(), "Shares") == names.end());
  CHECK(std::find(names.begin(), names.end(), "Harrow Lane Holdings") != names.end());
  // A person's place in a rule makes a person of a name whose given name no list holds.
  const Run office = run("Kovra Pay appointed Omid Kordestani as chief executive.", rules);
  REQUIRE(office.described() == Facts{"Kovra Pay ceo Omid Kordestani"});
  CHECK(office.analysis.entities[static_cast<std::size_t>(office.facts[0].object)].type == kg::EntityType::person);
}

TEST_CASE("one company, one entity: short forms and legal forms join the full name", "[extract][names]") {
  const Run r = run("Velmar Semiconductors N.V. sued Ostrin. Velmar raised $20 million. Velmar Semiconductors said more.");
  std::vector<std::string> names;
  for (const auto& e : r.analysis.entities)
    if (!e.surfaces.empty()) names.push_back(e.name);
  CHECK(std::count(names.begin(), names.end(), "Velmar Semiconductors") == 1);
  CHECK(std::find(names.begin(), names.end(), "Velmar") == names.end());
  // Two companies that share a first word stay two.
  const Run two = run("Arden Capital sued Arden Robotics over its name.");
  CHECK(two.described() == Facts{"Arden Capital accuses Arden Robotics"});
}

TEST_CASE("a price sentence that names who pays reaches that party's deal further back", "[extract][deal-amount]") {
  const std::string pack = std::string(kPack) + "deal-amount party:ORG pays amount:MONEY\n";
  const std::string text = "Orsted bought Kestrel. Kestrel makes turbines. It employs 400 people. Analysts were surprised. "
                           "Orsted pays $210 million.";
  const Run r = run(text, pack);
  REQUIRE(r.facts.size() == 1);
  CHECK(r.facts[0].amount >= 0);
  // Without the party, the price reaches two sentences back only.
  const Run bare = run("Orsted bought Kestrel. Kestrel makes turbines. It employs 400 people. Analysts were surprised. "
                       "The deal is worth $210 million.");
  REQUIRE(bare.facts.size() == 1);
  CHECK(bare.facts[0].amount < 0);
  // A party that made no deal prices nothing.
  const Run other = run("Orsted bought Kestrel. Kestrel makes turbines. Vattenfall pays $210 million.", pack);
  REQUIRE(other.facts.size() == 1);
  CHECK(other.facts[0].amount < 0);
}

TEST_CASE("a later sentence prices the deal; a price per share prices nothing", "[extract][amount]") {
  const Run later = run("Google buys Cohere. The deal is worth $2 billion.");
  REQUIRE(later.facts.size() == 1);
  CHECK(later.describe(later.facts[0]) == "Cohere acquiredBy Google amount=2000000000 USD");
  CHECK(later.facts[0].amount_reason == "from sentence 2 (deal-amount@15)");
  // Not a deal three sentences back, and not one the pricing sentence states itself.
  CHECK(run("Google buys Cohere. It rained. It rained again. The deal is worth $2 billion.").facts.at(0).amount == -1);
  const Run own = run("Google buys Cohere. Nvidia bought Mistral AI for $1 billion, and the deal is worth $1 billion.");
  REQUIRE(own.facts.size() == 2);
  CHECK(own.facts[0].amount == -1);
  CHECK(run("Google buys Cohere for $48 a share.").facts.at(0).amount == -1);
  CHECK(run("Google buys Cohere for $5 billion.").facts.at(0).amount >= 0);
}

TEST_CASE("the undated facts of the article's news take its news date", "[extract][date]") {
  // The article is dated 1 March 2025 (a Saturday): "on Tuesday" is 25 February.
  const Run news = run("Cohere raised $500 million.\n\nThe company said on Tuesday that the money would fund hiring.");
  REQUIRE(news.facts.size() == 1);
  REQUIRE(news.facts[0].date >= 0);
  CHECK(news.analysis.dates.at(static_cast<std::size_t>(news.facts[0].date)).lexical() == "2025-02-25");
  CHECK(news.facts[0].date_reason == "the article's news date, read in sentence 2");
  // An earlier event keeps no news date.
  CHECK(run("Cohere previously raised $500 million. The company said on Tuesday that it was hiring.").facts.at(0).date == -1);
  // No day in the first sentences: the news is the publication day's.
  const Run today = run("Cohere raised $500 million. The company is hiring.");
  REQUIRE(today.facts.size() == 1);
  REQUIRE(today.facts[0].date >= 0);
  CHECK(today.analysis.dates.at(static_cast<std::size_t>(today.facts[0].date)).lexical() == "2025-03-01");
  CHECK(today.facts[0].date_reason == "the article's publication date (no news date in its first sentences)");
  CHECK(run("Cohere previously raised $500 million.").facts.at(0).date == -1);
  // A standing fact ("X, which is owned by Y") is no news of the day.
  const Run owned = run("Cohere, which is owned by Tessel Partners, sells tools.",
                        std::string(kPack) + "rule t.owned background\n  match a:ORG \",\" which is owned by b:ORG\n  emit a fundedBy b\n");
  REQUIRE(owned.facts.size() == 1);
  CHECK(owned.facts[0].date == -1);
}

TEST_CASE("a phrase matches with the pack's phrase adverbs between its words, two units at most", "[extract][adverb]") {
  const std::string pack = std::string(kPack) + "phrase-adverb = also mainly \"above all\"\n"
                                                "rule t.compete\n  match a:ORG \"competes with\" b:ORG\n  emit a competitor b\n";
  CHECK(run("Cohere competes with Mistral AI.", pack).facts.size() == 1);
  CHECK(run("Cohere competes mainly with Mistral AI.", pack).facts.size() == 1);
  CHECK(run("Cohere competes above all with Mistral AI.", pack).facts.size() == 1);
  CHECK(run("Cohere competes also mainly with Mistral AI.", pack).facts.size() == 1);
  // Not three units, not words the pack does not declare, not before the phrase's first word.
  CHECK(run("Cohere competes also mainly above all with Mistral AI.", pack).facts.empty());
  CHECK(run("Cohere competes fiercely with Mistral AI.", pack).facts.empty());
  CHECK(run("Cohere competes with Mistral AI.", std::string(kPack) + "rule t.compete\n  match a:ORG \"competes with\" b:ORG\n"
                                                                   "  emit a competitor b\n").facts.size() == 1);
}

TEST_CASE("a DESCRIPTION takes no not-description word", "[extract][description]") {
  const std::string rule = "rule t.maker\n  match a:ORG named DESCRIPTION b:ORG\n  emit a competitor b\n";
  CHECK(run("Cohere named chip maker Mistral AI.", std::string(kPack) + rule).facts.size() == 1);
  CHECK(run("Cohere named rivals like Mistral AI.", std::string(kPack) + rule).facts.size() == 1);
  CHECK(run("Cohere named rivals like Mistral AI.", std::string(kPack) + "not-description = like\n" + rule).facts.empty());
}

TEST_CASE("a city where no name goes on stands for its country; a place's hyphenated form types the name after it",
          "[extract][places]") {
  const std::string pack = std::string(kPack) + "rule t.possessive\n  match country:COUNTRY \"'s\" org:ORG\n  emit org country country\n"
                                                "rule t.based\n  match country:NATIONALITY org:ORG\n  emit org country country\n";
  const Run berlin = run("Analysts liked Berlin's Kalvo.", pack);
  REQUIRE(berlin.facts.size() == 1);
  CHECK(berlin.describe(berlin.facts[0]) == "Kalvo country Germany");
  // The city's name is no label of the country.
  for (const auto& e : berlin.analysis.entities)
    if (e.name == "Germany") CHECK(std::find(e.surfaces.begin(), e.surfaces.end(), "Berlin") == e.surfaces.end());
  // A name that goes on after the city is a name, not a place.
  const Run munich = run("Analysts liked Munich Re and Berlin Brands Group.", pack);
  CHECK(munich.facts.empty());
  std::vector<std::string> names;
  for (const auto& m : munich.analysis.mentions[0]) names.push_back(munich.name(m.entity));
  CHECK(std::find(names.begin(), names.end(), "Berlin Brands Group") != names.end());
  // "Vienna-based Prewave": a word no list knows after the place's hyphenated form is an organisation.
  const Run vienna = run("Analysts liked Vienna-based Prewave.", pack);
  REQUIRE(vienna.facts.size() == 1);
  CHECK(vienna.describe(vienna.facts[0]) == "Prewave country Austria");
}

TEST_CASE("a standing owner's company is not made the article's topic; a background rule's facts still count",
          "[extract][topic]") {
  const std::string rules = "rule t.owned%s\n  match a:ORG \",\" which is owned by b:ORG\n  emit a fundedBy b\n"
                            "rule t.rivals\n  match \"Its rivals include\" rival:ORG\n  emit TOPIC competitor rival\n";
  const auto pack = [&](const char* flag) {
    std::string text = rules;
    text.replace(text.find("%s"), 2, flag);
    return std::string(kPack) + text;
  };
  const std::string text = "Kalvo makes tiles. Mendo, which is owned by Tessel Partners, sells glue. Its rivals include Orvik.";
  const Run background = run(text, pack(" background"));
  CHECK(background.described() == std::vector<std::string>{"Mendo fundedBy Tessel Partners", "Kalvo competitor Orvik"});
  // Without the flag the owned company weighs as a stated deal would, and takes the topic.
  const Run news = run(text, pack(""));
  CHECK(news.described() == std::vector<std::string>{"Mendo fundedBy Tessel Partners", "Mendo competitor Orvik"});
}

TEST_CASE("an investor with no company in its sentence funds the round stated up to two sentences before",
          "[extract][topic]") {
  const std::string pack = std::string(kPack) + "rule t.took-part\n  match investor:ORG also took part\n  emit TOPIC fundedBy investor\n";
  const std::string article = "Kalvo makes tiles. Kalvo sells glue. Kalvo hired staff. Kalvo grew. Mendo raised $4 million. ";
  const Run digest = run(article + "Tessel Partners also took part.", pack);
  CHECK(digest.described() == std::vector<std::string>{"Mendo raised 4000000 USD", "Mendo fundedBy Tessel Partners"});
  // Three sentences on, the round is no longer the sentence's: the article's company is.
  const Run later = run(article + "Kalvo said little. Kalvo hired more. Tessel Partners also took part.", pack);
  CHECK(later.described() == std::vector<std::string>{"Mendo raised 4000000 USD", "Kalvo fundedBy Tessel Partners"});
}

TEST_CASE("unknown capitalised words before a listed name that ends in a suffix are one longer name", "[extract][names]") {
  const std::string pack = std::string(kPack) + "rule t.led\n  match \"led by\" investor:ORG\n  emit TOPIC fundedBy investor\n";
  // The list knows "Peak Capital" on its own.
  const Run alone = run("Kalvo raised $4 million in a round led by Peak Capital.", pack);
  REQUIRE(alone.facts.size() == 2);
  CHECK(alone.describe(alone.facts[1]) == "Kalvo fundedBy Peak Capital");
  const Run longer = run("Kalvo raised $4 million in a round led by Hollis Peak Capital.", pack);
  REQUIRE(longer.facts.size() == 2);
  CHECK(longer.describe(longer.facts[1]) == "Kalvo fundedBy Hollis Peak Capital");
  // A common word before it is no part of the name.
  const Run common = run("Kalvo raised $4 million. Investor Peak Capital led the round.",
                         std::string(kPack) + "rule t.lead\n  match investor:ORG led the round\n  emit TOPIC fundedBy investor\n");
  REQUIRE(common.facts.size() == 2);
  CHECK(common.describe(common.facts[1]) == "Kalvo fundedBy Peak Capital");
}

TEST_CASE("a learned name followed by an owner suffix is its owner, another organisation", "[extract][names]") {
  const std::string pack = std::string(kPack) + "rule t.controlled\n  match a:ORG is controlled by b:ORG\n  emit a fundedBy b\n";
  const Run owner = run("Kalvo raised $4 million. Kalvo is controlled by Kalvo Holding, the family vehicle.", pack);
  CHECK(owner.described() == std::vector<std::string>{"Kalvo raised 4000000 USD", "Kalvo fundedBy Kalvo Holding"});
  // A plain suffix still gives the short name its long form.
  const Run longer = run("Kalvo raised $4 million. Kalvo Robotics is controlled by Tessel Partners.", pack);
  CHECK(longer.described() == std::vector<std::string>{"Kalvo Robotics raised 4000000 USD", "Kalvo Robotics fundedBy Tessel Partners"});
}

TEST_CASE("a name only its shape typed, joined to a person's name, is a person's; its family name refers to it later",
          "[extract][names]") {
  const Run r = run("Kalvo was founded by Tomas Reyes and Amara Okafor. Okafor said little.");
  std::int32_t amara = -1;
  for (std::size_t e = 0; e < r.analysis.entities.size(); ++e)
    if (r.analysis.entities[e].name == "Amara Okafor") amara = static_cast<std::int32_t>(e);
  REQUIRE(amara >= 0);
  CHECK(r.analysis.entities[static_cast<std::size_t>(amara)].type == kg::EntityType::person);
  REQUIRE(r.analysis.mentions[1].size() == 1);
  CHECK(r.analysis.mentions[1][0].entity == amara);
  // A name with a designator stays an organisation: "Tessel Partners and Tomas Reyes".
  const Run firm = run("Kalvo is backed by Tessel Partners and Tomas Reyes.");
  for (const auto& e : firm.analysis.entities)
    if (e.name == "Tessel Partners") CHECK(e.type == kg::EntityType::organization);
}

TEST_CASE("a proper noun no list gives as a first name, then common words and a verb, is a company", "[extract][names]") {
  const Run r = run("Truman Provisions bought Keller Foods for $640 million. Analysts said Truman paid too much.");
  CHECK(r.described() == Facts{"Keller Foods acquiredBy Truman Provisions amount=640000000 USD"});
  REQUIRE(r.analysis.mentions[1].size() == 1);
  CHECK(r.name(r.analysis.mentions[1][0].entity) == "Truman Provisions");
  // A first name opens a person's name, whatever its family name means: no company buys here.
  const Run person = run("Grace Baker bought Keller Foods.");
  CHECK(person.facts.empty());
}

TEST_CASE("the language's 'and' joins a designator into a name only where the designator ends it", "[extract][names]") {
  const std::string pack = "language nl\nlist-joiner = en\nrule t.invest\n  match investor:ORG+ investeerden in target:ORG\n  emit target fundedBy investor\n";
  const Run two = run_in(Lang::nl, "LRM en Group Tessel investeerden in Kalvo.", pack);
  CHECK(two.described() == Facts{"Kalvo fundedBy LRM", "Kalvo fundedBy Tessel"});
  const Run one = run_in(Lang::nl, "Arnault en Zonen investeerden in Kalvo.", pack);
  CHECK(one.described() == Facts{"Kalvo fundedBy Arnault en Zonen"});
}

TEST_CASE("a name a product cue typed is a company once an organisation cue introduces it", "[extract][names]") {
  const Run r = run("The app Zorvo is popular with students. The startup Zorvo raised $5 million.");
  CHECK(r.described() == Facts{"Zorvo raised 5000000 USD"});
  REQUIRE(!r.analysis.mentions[0].empty());
  CHECK(r.analysis.mentions[0][0].type == kg::MentionType::organization);
}

TEST_CASE("a list of founders ends at its 'and': the name after the comma stays a company", "[extract][names]") {
  const Run r = run("Kalvo Market is new. Founded by Tomas Reyes, Amara Okafor and Lina Berg, Kalvo Market raised $4 million.");
  CHECK(r.described() == Facts{"Kalvo Market raised 4000000 USD"});
}

TEST_CASE("a total raised over the years is no round", "[extract][cumulative]") {
  const std::string pack = std::string(kPack) + "cumulative-total = \"since its founding\"\n";
  CHECK(run("Kalvo has raised $40 million since its founding.", pack).facts.empty());
  CHECK(run("Since its founding, Kalvo raised $40 million.", pack).facts.empty());
  // The cue of another clause leaves the round alone.
  CHECK(run("Backed since its founding by Tessel, Kalvo raised $40 million in 2023.", pack).described() ==
        Facts{"Kalvo raised 40000000 USD"});
  CHECK(run("Kalvo raised $40 million.", pack).described() == Facts{"Kalvo raised 40000000 USD"});
}

TEST_CASE("a news outlet opening the sentence before a colon is a dateline, never a party", "[extract][names]") {
  const Run r = run("REUTERS: Toyota invested $500 million in Uber.");
  CHECK(r.described() == Facts{"Uber fundedBy Toyota amount=500000000 USD"});
  // A hyphen glued to the name makes a compound, not a dateline.
  const Run backed = run("Financial Times-backed Sifted raised $5 million.");
  CHECK(backed.described() == Facts{"Sifted raised 5000000 USD"});
}

TEST_CASE("an owner named with \"'s ... unit\" modifies the unit's name", "[extract][names]") {
  const std::string pack = std::string(kPack) +
                           "rule t.invest-unit priority 61\n  match investor:ORG ...4 @invest_verb (...4 amount:MONEY)? ...3 in ...7 unit target:ORG\n"
                           "  emit target fundedBy investor amount=amount\n";
  const Run r = run("SoftBank invested $2 billion in General Motors' autonomous vehicle unit Cruise.", pack);
  CHECK(r.described() == Facts{"Cruise fundedBy SoftBank amount=2000000000 USD"});
}

TEST_CASE("a headline in title case may keep its prepositions in lower case", "[extract][names]") {
  const Run r = run("Kalvo Raises Funding from US Investors");
  REQUIRE(!r.analysis.mentions[0].empty());
  CHECK(r.name(r.analysis.mentions[0][0].entity) == "Kalvo");
}

TEST_CASE("letters no list knows stand for the one organisation whose initials they are", "[extract][names]") {
  const Run r = run("KSH bought Pellmore. Kestrel Steel Holdings said the deal closed.");
  CHECK(r.described() == Facts{"Pellmore acquiredBy Kestrel Steel Holdings"});
  // Two candidates: the letters stay a name of their own.
  const Run two = run("KSH bought Pellmore. Kestrel Steel Holdings and Kander Shipping Hub said little.");
  CHECK(two.described() == Facts{"Pellmore acquiredBy KSH"});
}

TEST_CASE("a nationality before a suffix is inside a learned name", "[extract][names]") {
  const Run r = run("The firm Brenwick agreed to a sale. Tessel bought Brenwick American Inc.");
  CHECK(r.described() == Facts{"Brenwick American Inc acquiredBy Tessel"});
}

TEST_CASE("ASIDE is a comma clause that names no organisation", "[extract][aside]") {
  const std::string pack = "language en\nrule t.raised\n  match org:ORG ASIDE raised amount:MONEY\n  emit org raised amount\n";
  CHECK(run("Kalvo, which makes drones, raised $5 million.", pack).described() == Facts{"Kalvo raised 5000000 USD"});
  // A reference in the clause is the company itself.
  CHECK(run("Kalvo, the company said, raised $5 million.", pack).described() == Facts{"Kalvo raised 5000000 USD"});
  // A clause that names another company may be where that company's facts are: no match.
  CHECK(run("Kalvo, which Tessel backs, raised $5 million.", pack).described().empty());
  CHECK(run("Kalvo, raised $5 million.", pack).described().empty());  // a clause has words
}

TEST_CASE("START matches only at the beginning of the sentence", "[extract][start]") {
  const std::string pack = std::string(kPack) +
                           "rule t.founded-before priority 70\n  match START founded by person:PERSON \",\" org:ORG\n"
                           "  emit org founder person\n";
  CHECK(run("Founded by Maria Lenz, Kalvo makes drones.", pack).described() == Facts{"Kalvo founder Maria Lenz"});
  CHECK(run("Its backers include Tessel, founded by Maria Lenz, Kalvo and Orvane.", pack).described().empty());
}

TEST_CASE("a list goes on past a described name when the next name is followed by a comma or a joiner",
          "[extract][lists]") {
  const std::string pack = std::string(kPack) +
                           "rule t.backers\n  match target:ORG counts investor:AGENT+ among its backers\n"
                           "  emit target fundedBy investor\n";
  CHECK(run("Kalvo counts Tessel, a fund of the Lenz family, Orvane and Marlow among its backers.", pack).described() ==
        Facts{"Kalvo fundedBy Tessel", "Kalvo fundedBy Orvane", "Kalvo fundedBy Marlow"});
}

TEST_CASE("a lower-case word with an adjective ending after an organisation noun is no brand", "[extract][names]") {
  const auto organisations = [](const Run& r) {
    std::vector<std::string> out;
    const auto& tokens = r.analysis.text.tokens;
    for (const auto& sentence : r.analysis.mentions)
      for (const auto& m : sentence)
        if (m.type == kg::MentionType::organization && !m.generic)
          out.push_back(r.analysis.text.text.substr(tokens[m.token_begin].begin,
                                                    tokens[m.token_end - 1].end - tokens[m.token_begin].begin));
    return out;
  };
  CHECK(organisations(run_in(Lang::fr, "Le géant lavallois a confirmé la vente.", "language fr\n")).empty());
  // A word of no such ending after the noun is the brand ("la néobanque plonk").
  CHECK(organisations(run_in(Lang::fr, "La néobanque plonk a confirmé la vente.", "language fr\n")) ==
        std::vector<std::string>{"plonk"});
}

TEST_CASE("a cited source is not the subject a reference continues", "[extract][names]") {
  const Run r = run_in(Lang::fr,
                       "Odoo a levé 10 millions d'euros. Selon le journal Gazette Namuroise, la société vaut "
                       "désormais 2 milliards d'euros.",
                       "language fr\n");
  REQUIRE(r.analysis.mentions.size() == 2);
  std::vector<std::string> references;
  for (const auto& m : r.analysis.mentions[1])
    if (m.generic) references.push_back(r.name(m.entity));
  CHECK(references == std::vector<std::string>{"Odoo"});
}
