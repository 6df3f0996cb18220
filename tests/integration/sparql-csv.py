#!/usr/bin/env python3
"""Prints a SPARQL CSV result (RFC 4180) in one canonical form, so that the answers of two stores
compare by content only: the header, then the rows sorted, each cell quoted only where CSV needs it.

Stores write the same answer differently. Jena quotes a cell only when it must; Virtuoso quotes every
string and leaves numbers bare. A numeric literal may come back as "2000000000", "2000000000.0" or
"2.0E9", so a cell that reads as a number is written as its exact decimal value ("0.770" -> "0.77").
Nothing else is changed: text, IRIs and empty (unbound) cells must match exactly.

usage: sparql-csv.py FILE
"""
import csv
import re
import sys
from decimal import Decimal, InvalidOperation

NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def canonical(cell):
    if not NUMBER.match(cell):
        return cell
    try:
        value = Decimal(cell)
    except InvalidOperation:
        return cell
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def main(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        return
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(rows[0])
    for row in sorted(tuple(canonical(c) for c in r) for r in rows[1:]):
        out.writerow(row)


if __name__ == "__main__":
    main(sys.argv[1])
