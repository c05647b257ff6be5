#!/usr/bin/env python3
"""Cross-validated main-text figure: which of several versions of the page reader to ship is
decided on four fifths of the pages and measured on the fifth left out, five times over.

Usage: scripts/cv_html.py GOLD.jsonl PRED_A.jsonl PRED_B.jsonl [...]

Each PRED is `archive extract --json --body` of the same pages by one version of the reader
(e.g. before and after a change: `scripts/eval-html` leaves each in $TMPDIR/archive-eval-html,
to be copied aside). Pages go to folds by a hash of their file name. For each fold the version
with the best F1 on the other four folds is chosen; its counts on the held-out fold are pooled.
The figure is snippet F1 where the gold has snippets (html-trafilatura) and body bag-of-words
micro F1 where it has bodies (html-scrapinghub), counted as `../shared/eval/score_html.py` counts them.
"""
import hashlib
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
from score_html import TOKEN, bag_counts, norm  # noqa: E402

FOLDS = 5


def load(path):
    with open(path, encoding="utf-8") as f:
        return {d["doc"]: d for d in map(json.loads, filter(str.strip, f))}


def counts(g, p):
    """(tp, fp, fn) of one page, as score_html.py counts them."""
    body = norm((p or {}).get("body"))
    if g.get("with") or g.get("without"):
        tp = sum(1 for w in g.get("with", []) if norm(w) in body)
        fn = len(g.get("with", [])) - tp
        fp = sum(1 for w in g.get("without", []) if norm(w) in body)
        return tp, fp, fn
    if g.get("body"):
        return bag_counts(Counter(TOKEN.findall(norm(g["body"]))), Counter(TOKEN.findall(body)))
    return 0, 0, 0


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold = load(sys.argv[1])
    versions = [load(p) for p in sys.argv[2:]]
    fold = {d: int(hashlib.sha256(d.encode()).hexdigest(), 16) % FOLDS for d in gold}
    per = [{d: counts(gold[d], v.get(d)) for d in gold} for v in versions]

    def total(i, docs):
        return tuple(map(sum, zip(*(per[i][d] for d in docs)))) if docs else (0, 0, 0)

    pooled = (0, 0, 0)
    for k in range(FOLDS):
        train = [d for d in gold if fold[d] != k]
        test = [d for d in gold if fold[d] == k]
        chosen = max(range(len(versions)), key=lambda i: (f1(*total(i, train)), -i))
        pooled = tuple(a + b for a, b in zip(pooled, total(chosen, test)))
        print(f"fold {k + 1}: {len(test)} pages, chose {sys.argv[2 + chosen]} "
              f"(train F1 {f1(*total(chosen, train)):.3f}), held-out F1 {f1(*total(chosen, test)):.3f}")
    for i, path in enumerate(sys.argv[2:]):
        print(f"whole set, {path}: F1 {f1(*total(i, list(gold))):.3f}")
    tp, fp, fn = pooled
    print(f"cross-validated F1 {f1(tp, fp, fn):.3f} (P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f})")


if __name__ == "__main__":
    main()
