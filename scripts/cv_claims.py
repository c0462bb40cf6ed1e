#!/usr/bin/env python3
"""Cross-validate claim/unsupported on the news dev set, article by article.

    python3 scripts/cv_claims.py --claimbuster CLAIMBUSTER_DIR \\
        --news-dev ../shared/claims/news-dev.tsv --corpus ../shared/corpora/news \\
        --score ../shared/tools/score_sentences.py [--folds 5]

For each fold, trains the model (scripts/train_claims.py) without that
fold's articles, builds the linter with it and scores the fold's sentences
with score_sentences.py; prints the pooled precision and recall, figures
for articles the model never saw. rules/claim/data/model.tsv is put back
as it was at the end.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from train_claims import REPO, news_files

MODEL = os.path.join(REPO, "rules", "claim", "data", "model.tsv")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimbuster", required=True)
    ap.add_argument("--news-dev", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--score", required=True, help="score_sentences.py")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    files = news_files(a.news_dev)
    tmp = tempfile.mkdtemp()
    saved = os.path.join(tmp, "model.tsv")
    shutil.copy(MODEL, saved)
    tp = fp = fn = 0
    try:
        with open(a.news_dev, encoding="utf-8") as f:
            head, rows = f.readline(), f.readlines()
        for k in range(a.folds):
            fold = {f for i, f in enumerate(files) if i % a.folds == k}
            subprocess.run([sys.executable, os.path.join(REPO, "scripts", "train_claims.py"), "--claimbuster", a.claimbuster,
                            "--news-dev", a.news_dev, "--news-holdout", "%d/%d" % (k, a.folds)],
                           check=True, capture_output=True)
            binary = os.path.join(tmp, "draftlint")
            subprocess.run(["go", "build", "-o", binary, "./cmd/draftlint"], cwd=REPO, check=True)
            labels = os.path.join(tmp, "fold.tsv")
            with open(labels, "w", encoding="utf-8") as f:
                f.write(head)
                f.writelines(r for r in rows if r.split("\t", 1)[0] in fold)
            out = subprocess.run([sys.executable, a.score, binary, labels, a.corpus], capture_output=True, text=True).stdout
            m = re.search(r"tp=(\d+) fp=(\d+) fn=(\d+)", out)
            tp, fp, fn = tp + int(m[1]), fp + int(m[2]), fn + int(m[3])
            print("fold %d: %s" % (k, m[0]))
    finally:
        shutil.copy(saved, MODEL)
        shutil.rmtree(tmp)
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print("news dev, %d-fold by article: tp=%d fp=%d fn=%d precision %.2f recall %.2f" % (a.folds, tp, fp, fn, p, r))


if __name__ == "__main__":
    main()
