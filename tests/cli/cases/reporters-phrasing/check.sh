#!/bin/sh
# What must not be read: the apposition's company does not raise the round, the buyer of a deal
# "valued at" a price is not valued at it, and a takeover runs one way.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "fact OpenAI raised" "fact Kessler-Brandt valuation" "fact Halvern Logistics acquiredBy Pakkit"; do
  if printf '%s\n' "$out" | grep -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
