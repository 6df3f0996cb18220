#!/bin/sh
# What must not be read: a city that goes on into a name is no place, a country is not a rival, and a
# title in apposition to one person is not the next person's.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "fact Brellow country Germany" "fact Ravelle ceo Léa Vasseur" "fact Brellow fundedBy Ulrik Havsted" "competitor Durnham  (Announced, confidence 0.64)" "fact Termova fundedBy Leiestroom Capital  date 1994"; do
  if printf '%s\n' "$out" | grep -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
