#!/bin/sh
# What must not be read: the round of a company in talks given to its counterparty, the sentence's
# other company as a rival's rival, a backer taken from another clause, the next name of a list
# taken for a founder's company, an adjective taken for a brand, one investor made the backer of
# the next, the company of an aside taken past a name.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "Harrowgate Capital raised" "Harrowgate Capital competitor" "Dralla fundedBy Korvia" "fundedBy Korvia" \
             "Nerio Capital founder" "[lavallois ORG" "Borvane fundedBy Pixen" "Tallow Ventures fundedBy" \
             "Velda fundedBy" "Durandal fundedBy Verlaine" "Ferrosul acquiredBy" "Harrow Brands acquiredBy"; do
  if printf '%s\n' "$out" | grep -F -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
