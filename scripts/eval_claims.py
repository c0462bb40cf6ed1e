#!/usr/bin/env python3
"""Measure claim/check-worthy on the public test sets.

    python3 scripts/eval_claims.py [--claimbuster CLAIMBUSTER_DIR] [--clef CLEF2019_DIR]

Scores every test sentence with `go run ./internal/claimfeat score`, the
score claim/check-worthy reports, and prints:
- ClaimBuster (utaresearch/claimbuster-spotter, data/two_class/test.json):
  precision, recall and F1 of score >= the rule's default threshold;
- CLEF CheckThat! 2019 task 1 (telsayed/clef2019-factchecking-task1,
  data/test_annotated/*.tsv): mean average precision over the debates,
  each debate's sentences ranked by score (the task's official measure).
"""
import argparse
import glob
import os

from train_claims import REPO, claimbuster, claimfeat, clef


def scores(items):
    return [float(s) for s in claimfeat("score", items)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimbuster")
    ap.add_argument("--clef")
    ap.add_argument("--clef-split", default="test_annotated",
                    help="test_annotated (default), or training to validate a model not trained on it")
    a = ap.parse_args()
    with open(os.path.join(REPO, "rules", "claim", "data", "model.tsv"), encoding="utf-8") as f:
        threshold = next(float(l.split("\t")[1]) for l in f if l.startswith("check_worthy_threshold\t"))
    if a.claimbuster:
        items = claimbuster(a.claimbuster, "test")
        s = scores(items)
        tp = sum(1 for (_, _, y), v in zip(items, s) if y and v >= threshold)
        fp = sum(1 for (_, _, y), v in zip(items, s) if not y and v >= threshold)
        fn = sum(1 for (_, _, y), v in zip(items, s) if y and v < threshold)
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print("ClaimBuster test: %d sentences, threshold %.2f: precision %.3f recall %.3f F1 %.3f"
              % (len(items), threshold, p, r, 2 * p * r / max(1e-9, p + r)))
    if a.clef:
        aps = []
        for path in sorted(glob.glob(os.path.join(a.clef, "data", a.clef_split, "*.tsv"))):
            name = os.path.basename(path)[:-4]
            items = [x for x in clef(a.clef, a.clef_split) if x[0].startswith("clef:%s:" % name)]
            s = scores(items)
            # rank by score, ties in line order (as the task's scorer sorts)
            order = sorted(range(len(items)), key=lambda i: -s[i])
            hits, total = 0, 0.0
            for rank, i in enumerate(order, 1):
                if items[i][2]:
                    hits += 1
                    total += hits / rank
            npos = sum(1 for x in items if x[2])
            ap_ = total / npos if npos else 0.0
            aps.append(ap_)
            print("  %s: %d sentences, %d check-worthy, AP %.4f" % (name, len(items), npos, ap_))
        print("CLEF 2019 task 1 %s: MAP %.4f over %d debates" % (a.clef_split, sum(aps) / len(aps), len(aps)))


if __name__ == "__main__":
    main()
