#!/bin/sh
# What must not be read: the family holding is not the bidder, and a price per share prices nothing.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "fact Harwick ceo Pia Lund" "acquiredBy Velmont Participations" "amount 18 EUR" "fact Velmont Participations ceo"; do
  if printf '%s\n' "$out" | grep -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
