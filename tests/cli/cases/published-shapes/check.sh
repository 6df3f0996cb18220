#!/bin/sh
# What must not be read: a dateline's outlet, a total raised over the years, the owner of a unit, a
# company taken for a founder, two companies taken for one, an amount given to the wrong deal.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "Reuters" "Keller Foods raised" "Halvard Motors fundedBy" "Miraflo PERSON" "Miraflo Market PERSON" \
             "[LRM en Group Castor" "Celdoor acquiredBy Quentar" "Grisel Industrie acquiredBy Vantorre  amount"; do
  if printf '%s\n' "$out" | grep -F -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
