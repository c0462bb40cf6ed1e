#!/usr/bin/env python3
"""Train the claim model (rules/claim/data/model.tsv).

A logistic regression over the features the linter computes for a sentence
(claim features, hedges, opinion, questions, words and word pairs), read
from `go run ./internal/claimfeat features`, so training sees exactly what
the linter sees. Needs scikit-learn (Debian: apt-get install python3-sklearn).

    python3 scripts/train_claims.py \
        --claimbuster CLAIMBUSTER_DIR \
        --news-dev ../shared/claims/news-dev.tsv \
        [--clef CLEF2019_DIR] [--out rules/claim/data/model.tsv]

CLAIMBUSTER_DIR is a copy of utaresearch/claimbuster-spotter: only
data/two_class/train.json is read, never test.json. CLEF2019_DIR is a copy
of telsayed/clef2019-factchecking-task1: only data/training/*.tsv is read.
news-dev.tsv has the rubric's labels (C, N, ?) of news sentences: C counts
as a claim; N sentences that are claims with a source (reasons attributed,
quote, covered-by-neighbour) are left out, since the linter reads
attribution separately; ? is left out.

The run is deterministic: same data, same model.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

SOURCED = {"attributed", "quote", "covered-by-neighbour"}
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def claimbuster(d, split):
    path = os.path.join(d, "data", "two_class", split + ".json")
    with open(path, encoding="utf-8") as f:
        return [("cb%s" % x["sentence_id"], x["text"], int(x["label"])) for x in json.load(f)]


def clef(d, split):
    out = []
    for path in sorted(glob.glob(os.path.join(d, "data", split, "*.tsv"))):
        name = os.path.basename(path)[:-4]
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\r\n").split("\t")
                if len(parts) < 4:
                    continue
                out.append(("clef:%s:%s" % (name, parts[0]), parts[2], int(parts[3].strip() == "1")))
    return out


def news_files(path):
    with open(path, encoding="utf-8") as f:
        next(f)
        return sorted({line.split("\t", 1)[0] for line in f if line.strip()})


def news_dev(path, leave_out=()):
    out = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\r\n").split("\t")
            if len(p) < 7:
                continue
            label, reason = p[4], p[5]
            if p[0] in leave_out or label == "?" or (label == "N" and reason in SOURCED):
                continue
            out.append(("news:%s:%s" % (p[0], p[2]), p[6], int(label == "C")))
    return out


def claimfeat(mode, items):
    """Runs internal/claimfeat on (id, text, label) items; returns its lines by id."""
    inp = "".join("%d\t%s\n" % (i, " ".join(t.split())) for i, (_, t, _) in enumerate(items))
    res = subprocess.run(["go", "run", "./internal/claimfeat", mode], input=inp.encode(), cwd=REPO,
                         capture_output=True, check=True)
    out = {}
    for line in res.stdout.decode().splitlines():
        i, v = line.split("\t", 1)
        out[int(i)] = v
    return [out[i] for i in range(len(items))]


def probe_digest():
    """sha256 of the features of rules/claim/testdata/sentences.tsv: TestModelMatchesFeatures
    recomputes it, so a change to the features that is not followed by training fails."""
    import hashlib
    with open(os.path.join(REPO, "rules", "claim", "testdata", "sentences.tsv"), encoding="utf-8") as f:
        probe = [("p", line.rstrip("\n").split("\t", 1)[1], 0) for line in f if line.strip() and not line.startswith("#")]
    out = "".join(v + "\n" for v in claimfeat("features", probe))
    return hashlib.sha256(out.encode()).hexdigest()


def features(items):
    return [{f: 1 for f in v.split("|") if f} for v in claimfeat("features", items)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claimbuster", required=True)
    ap.add_argument("--clef")
    ap.add_argument("--news-dev", required=True)
    ap.add_argument("--news-weight", type=float, default=3.0, help="weight of a news sentence (default 3)")
    ap.add_argument("--min-count", type=int, default=3, help="words and pairs seen in fewer sentences are dropped")
    ap.add_argument("--C", type=float, default=0, help="inverse regularisation (default: chosen by 5-fold CV)")
    ap.add_argument("--news-holdout", metavar="K/N",
                    help="leave out of training the news articles K, K+N, K+2N… (0-based, sorted by name), "
                         "to measure on them (scripts/cv_claims.py)")
    ap.add_argument("--out", default=os.path.join(REPO, "rules", "claim", "data", "model.tsv"))
    a = ap.parse_args()

    items = claimbuster(a.claimbuster, "train")
    if a.clef:
        items += clef(a.clef, "training")
    leave_out = set()
    if a.news_holdout:
        k, n = (int(x) for x in a.news_holdout.split("/"))
        leave_out = {f for i, f in enumerate(news_files(a.news_dev)) if i % n == k}
    news = news_dev(a.news_dev, leave_out)
    items += news
    X = features(items)
    y = np.array([lab for _, _, lab in items])
    w = np.array([a.news_weight if i.startswith("news:") else 1.0 for i, _, _ in items])

    # keep the claim features and flags; words and pairs seen often enough
    df = {}
    for x in X:
        for f in x:
            df[f] = df.get(f, 0) + 1
    keep = {f for f, n in df.items() if n >= a.min_count or f[0] in "fx"}
    X = [{f: 1 for f in x if f in keep} for x in X]
    vec = DictVectorizer()
    M = vec.fit_transform(X)

    def fit(C, M, y, w):
        m = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
        m.fit(M, y, sample_weight=w)
        return m

    C = a.C
    if not C:
        best = None
        for c in (0.1, 0.2, 0.5, 1.0):
            folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
            f1s = []
            for tr, te in folds.split(M, y):
                m = fit(c, M[tr], y[tr], w[tr])
                p = m.predict(M[te])
                tp = int(((p == 1) & (y[te] == 1)).sum())
                f1s.append(2 * tp / max(1, int(p.sum()) + int(y[te].sum())))
            f1 = float(np.mean(f1s))
            print("C %.2f: cross-validated F1 %.3f" % (c, f1), file=sys.stderr)
            if best is None or f1 > best[0] + 1e-9:
                best = (f1, c)
        C = best[1]
    # claim/check-worthy favours recall: its threshold is the highest (in
    # steps of 0.05) at which out-of-fold predictions on the training data
    # find 80% of the claims
    oof = np.zeros(len(y))
    for tr, te in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(M, y):
        oof[te] = fit(C, M[tr], y[tr], w[tr]).predict_proba(M[te])[:, 1]
    threshold = 0.05
    for t in np.arange(0.95, 0.0, -0.05):
        if ((oof >= t) & (y == 1)).sum() >= 0.8 * y.sum():
            threshold = round(float(t), 2)
            break
    m = fit(C, M, y, w)
    names = vec.get_feature_names_out()
    weights = {}
    for n, v in zip(names, m.coef_[0]):
        v = round(float(v), 3)
        if abs(v) >= 0.01:
            weights[str(n)] = v
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("# The claim model, written by scripts/train_claims.py (see the README): a logistic\n"
                "# regression; NAME<TAB>WEIGHT, f: claim features, x: flags, w: words, b: word pairs.\n")
        f.write("# features-sha256: %s\n" % probe_digest())
        f.write("bias\t%s\n" % round(float(m.intercept_[0]), 3))
        f.write("check_worthy_threshold\t%s\n" % threshold)
        for n in sorted(weights):
            f.write("%s\t%s\n" % (n, weights[n]))
    print("C %.2f, check-worthy threshold %.2f, %d sentences (%d claims), %d features kept of %d, written to %s"
          % (C, threshold, len(items), int(y.sum()), len(weights), len(df), a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
