#!/usr/bin/env python3
"""Builds the seed corpora in fuzz/corpus/ from the project's own inputs (samples/, tests/data/,
tests/cli/cases/, extractor/rules/). Run from the repository root after those change; the result
is committed so that CI and every developer start from the same seeds.
"""
import hashlib
import json
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
MAX_SEED = 16 * 1024  # larger seeds slow every execution; articles are cut at a paragraph


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def cut(text):
    if len(text.encode("utf-8")) <= MAX_SEED:
        return text
    kept = []
    for paragraph in text.split("\n\n"):
        if len("\n\n".join(kept + [paragraph]).encode("utf-8")) > MAX_SEED:
            break
        kept.append(paragraph)
    return "\n\n".join(kept)


def text_articles():
    for base in ("samples", "tests/data/articles", "tests/cli/cases", "tests/heldout/en", "tests/heldout/nl", "tests/heldout/fr"):
        for path in sorted((ROOT / base).rglob("*.txt")):
            yield path.read_bytes()


def jsonl_records():
    for base in ("samples", "tests/data", "tests/cli/cases"):
        for path in sorted((ROOT / base).rglob("*.jsonl")):
            for line in path.read_bytes().splitlines():
                if line.strip():
                    yield line


def sentences_with_figures(texts):
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text.decode("utf-8", "replace")):
            if re.search(r"\d", sentence) and len(sentence) < 400:
                yield sentence


def rule_chunks():
    for path in sorted((ROOT / "extractor" / "rules").glob("*.rules")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        header = [l for l in lines if l.startswith("language ")]
        chunk = []
        for line in lines:
            chunk.append(line)
            if sum(len(l) for l in chunk) > 3000 and not line.startswith((" ", "\t")):
                yield "".join(header + chunk)
                chunk = []
        if chunk:
            yield "".join(header + chunk)
    for path in sorted((ROOT / "tests" / "data" / "bad-rules").glob("*.rules")):
        yield path.read_text(encoding="utf-8")


def main():
    shutil.rmtree(CORPUS, ignore_errors=True)
    texts = list(text_articles())
    for text in texts:
        put("fuzz_article_text", text[:MAX_SEED])
        put("fuzz_roundtrip", cut(text.decode("utf-8", "replace")))
    # Shapes that once broke a round trip: quotes at the end of a sentence, a lone metadata key.
    put("fuzz_roundtrip", 'id q\n\nAcme Corp said: "It works.""\n')
    put("fuzz_article_text", "id x\ndate \ntitle \n\nBody.\n")
    for record in jsonl_records():
        put("fuzz_article_jsonl", record)
    for text in texts:
        body = json.dumps({"id": "t", "date": "2025-01-02", "lang": "en", "text": text.decode("utf-8", "replace")[:2000]})
        put("fuzz_article_jsonl", body)
        break
    put("fuzz_article_jsonl", '{"text": "Body.", "score": 1e999}')
    for i, sentence in enumerate(sentences_with_figures(texts)):
        if i >= 400:
            break
        put("fuzz_finders", sentence)
    for chunk in rule_chunks():
        put("fuzz_rules", chunk)


if __name__ == "__main__":
    main()
