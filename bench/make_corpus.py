#!/usr/bin/env python3
"""Generates a multilingual (en, nl, fr) news-like corpus for benchmarking kgbuild.

Articles mix fact-bearing sentences (investments, rounds, valuations, acquisitions, leadership,
partnerships, rivals) with ordinary news prose, from templates filled with invented company and
person names, amounts and dates. Deterministic for a given --seed.

    bench/make_corpus.py --megabytes 100 --out bench/corpus
"""
import argparse
import json
import os
import random

SYLLABLES = ["kes", "trel", "bright", "wave", "lu", "men", "nord", "licht", "vel", "dra", "ori", "ane",
             "zah", "fix", "pho", "tonix", "hal", "den", "vin", "syn", "cor", "vid", "fa", "thom", "qua",
             "ra", "mi", "sol", "ter", "ax", "on", "el", "var", "is", "tan", "gor", "pel", "ix"]
SUFFIXES = ["Labs", "Robotics", "Capital", "Therapeutics", "Systems", "AI", "Energy", "Ventures",
            "Semiconductor", "Networks", "Analytics", "Partners", "Holdings", "Technologies", "Bank"]
FIRST = ["Anna", "Pieter", "Sophie", "Julien", "Priya", "David", "Elena", "Marc", "Ingrid", "Tomas",
         "Lotte", "Camille", "Sam", "Marie", "Jan", "Claire", "Omar", "Lena", "Hugo", "Nina"]
LAST = ["Jansen", "Dubois", "Raman", "Okafor", "Vasquez", "Solberg", "Martin", "de Vries", "Bakker",
        "Lefebvre", "Moreau", "Visser", "Laurent", "Hale", "Nygaard", "Ferreira", "Smit", "Bernard"]
KNOWN = ["Nvidia", "Microsoft", "Sequoia Capital", "SoftBank", "Google", "Amazon", "ASML", "Philips",
         "BNP Paribas", "Accel", "Index Ventures", "Mistral AI", "Oracle", "Intel", "Samsung"]
NATIONALITY = {"en": ["Dutch", "French", "German", "Japanese", "Chinese", "British", "Swedish"],
               "nl": ["Nederlandse", "Franse", "Duitse", "Japanse", "Chinese", "Britse", "Zweedse"],
               "fr": ["néerlandaise", "française", "allemande", "japonaise", "chinoise", "britannique", "suédoise"]}
MONTHS = {"en": ["January", "February", "March", "April", "June", "July", "October", "November"],
          "nl": ["januari", "februari", "maart", "april", "juni", "juli", "oktober", "november"],
          "fr": ["janvier", "février", "mars", "avril", "juin", "juillet", "octobre", "novembre"]}

FACTS = {
    "en": [
        "{inv} invested {amt} in {org}, the {nat} start-up said on {day} {month}.",
        "{org} raised {amt} in a funding round led by {inv}, according to Reuters.",
        "The round values {org} at {val}, people familiar with the matter said.",
        "{buyer} agreed to acquire {org} for {amt} in a deal announced in {month}.",
        "{org} chief executive {person} said the company would hire 200 engineers.",
        "{org} was founded in 2019 by {person} and {person2}.",
        "{org} is reportedly in talks to raise up to {amt} from {inv} and {inv2}.",
        "{nat2} chipmaker {org} competes with {buyer} and {inv2} in data-centre networking.",
        "{org} signed a cloud contract worth up to {amt} with {inv}.",
        "{buyer} and {inv} formed a joint venture called {org2} to build AI infrastructure.",
    ],
    "nl": [
        "{inv} investeert {amt} in {org}, meldt het bedrijf op {day} {month}.",
        "{org} haalde {amt} op in een financieringsronde onder leiding van {inv}.",
        "Het bedrijf wordt daarmee gewaardeerd op {val}, aldus ingewijden.",
        "{buyer} neemt {org} over voor {amt}, zo werd in {month} bekend.",
        "{org}-topman {person} zegt dat het bedrijf 200 ingenieurs wil aannemen.",
        "{org} werd in 2019 opgericht door {person} en {person2}.",
        "{org} is volgens bronnen in gesprek om tot {amt} op te halen bij {inv}.",
        "De {nat} chipfabrikant {org} concurreert met {buyer}.",
    ],
    "fr": [
        "{inv} a investi {amt} dans {org}, a annoncé la start-up le {day} {month}.",
        "{org} a levé {amt} lors d'un tour de table mené par {inv}, selon Les Echos.",
        "L'opération valorise {org} à {val}, selon des sources proches du dossier.",
        "{buyer} va racheter {org} pour {amt}, a-t-on appris en {month}.",
        "Le PDG de {org}, {person}, a indiqué que la société recruterait 200 ingénieurs.",
        "{org} a été fondée en 2019 par {person} et {person2}.",
        "{org} est en pourparlers pour lever jusqu'à {amt} auprès de {inv}.",
        "La start-up {nat} {org} est en concurrence avec {buyer}.",
    ],
}
FILLER = {
    "en": ["Analysts said demand for the technology had grown sharply over the past year.",
           "The company did not disclose its revenue, but said it was growing quickly.",
           "Competition for engineers in the sector remains fierce, executives say.",
           "Regulators in Brussels and Washington are watching the market closely.",
           "Shares of listed rivals moved little on the news in early trading."],
    "nl": ["Analisten zeggen dat de vraag naar de technologie het afgelopen jaar sterk is gegroeid.",
           "Het bedrijf maakte geen omzetcijfers bekend, maar zegt snel te groeien.",
           "De concurrentie om technisch personeel blijft groot, zeggen bestuurders.",
           "Toezichthouders in Brussel en Washington volgen de markt nauwlettend."],
    "fr": ["Les analystes estiment que la demande pour cette technologie a fortement augmenté.",
           "La société n'a pas communiqué son chiffre d'affaires mais affirme croître rapidement.",
           "La concurrence pour recruter des ingénieurs reste vive dans le secteur, selon des dirigeants.",
           "Les régulateurs à Bruxelles et à Washington surveillent le marché de près."],
}
AMOUNT = {"en": ["${n} million", "${n}m", "€{n} million", "${d} billion", "£{n}m"],
          "nl": ["{n} miljoen euro", "${n} miljoen", "{d} miljard dollar", "€{n} miljoen"],
          "fr": ["{n} millions d'euros", "{n} millions de dollars", "{d} milliards d'euros"]}


def name(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word} {rng.choice(SUFFIXES)}"


def amount(rng, lang):
    d = f"{rng.randint(1, 9)}{',' if lang != 'en' else '.'}{rng.randint(1, 9)}"
    return rng.choice(AMOUNT[lang]).format(n=rng.randint(5, 900), d=d)


def article(rng, lang, index):
    sentences = []
    for _ in range(rng.randint(14, 22)):
        if rng.random() < 0.2:  # about the density of facts in the seed articles
            template = rng.choice(FACTS[lang])
            sentences.append(template.format(
                inv=rng.choice(KNOWN + [name(rng)]), inv2=rng.choice(KNOWN), org=name(rng), org2=name(rng),
                buyer=rng.choice(KNOWN), amt=amount(rng, lang), val=amount(rng, lang),
                nat=rng.choice(NATIONALITY[lang]), nat2=rng.choice(NATIONALITY[lang]),
                person=f"{rng.choice(FIRST)} {rng.choice(LAST)}", person2=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                day=rng.randint(1, 28), month=rng.choice(MONTHS[lang])))
        else:
            sentences.append(rng.choice(FILLER[lang]))
    paragraphs = [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4)]
    return {"id": f"bench-{lang}-{index:07d}", "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "lang": lang, "title": sentences[0][:80], "text": "\n\n".join(paragraphs)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--megabytes", type=float, default=100)
    ap.add_argument("--out", default="bench/corpus")
    ap.add_argument("--files", type=int, default=10)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    target = int(a.megabytes * 1_000_000)
    per_file = target // a.files
    index = 0
    for f in range(a.files):
        with open(os.path.join(a.out, f"corpus-{f:02d}.jsonl"), "w", encoding="utf-8") as out:
            written = 0
            while written < per_file:
                lang = ("en", "nl", "fr")[index % 3]
                line = json.dumps(article(rng, lang, index), ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                index += 1
    print(f"{index} articles, about {target / 1e6:.0f} MB, in {a.out}")


if __name__ == "__main__":
    main()
