#!/bin/sh
# What must not be read: a standing owner's company is not what the article is about, an investor
# after a digest's round does not fund the article's company, and a listed name ("Peak Capital")
# inside a longer one is not the investor.
out=$("$KGBUILD" explain --color never "$CASE/articles")
for wrong in "fact Dunmore Haulage competitor" "fact Corlent Freight fundedBy Severn Growth Fund" "fundedBy Peak Capital"; do
  if printf '%s\n' "$out" | grep -q "$wrong"; then echo "unexpected: $wrong"; exit 1; fi
done
