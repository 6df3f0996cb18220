#!/bin/sh
# What must not be read: a company named inside a description set off by commas is no investor, and
# an investor named beside another does not invest in it.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "fact Harlowe Foods fundedBy University of Harrow" "fact Grenat Capital fundedBy" "fact Odelvia fundedBy Marseille" "fact Harlowe Foods fundedBy Seedmill" "fact Robotiq acquiredBy European Union" "fact Corvid News" "fact Lakemoor Infrastructure Partners acquiredBy" "fact Newswire" "fact Velmora ceo Ammerstein"; do
  if printf '%s\n' "$out" | grep -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
