#!/usr/bin/env python3
"""Claim findings on a corpus of published articles, with default settings.

usage: claim_rate.py BINARY CORPUS_DIR [--sample N] [--seed S]

Lints every .txt and .md file under CORPUS_DIR with BINARY (JSON output;
default settings as long as no .draftlint.yml lies above the corpus) and prints the claim findings per 1,000 words
(words split on white space), the share of articles with a claim error, and
the count per rule. --sample N prints N findings drawn at random (seed S) with
their text, to read by hand. Nothing is written.
"""
import argparse, collections, json, os, random, subprocess, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(a.corpus) for f in fs if f.endswith((".txt", ".md")))
    if not files:
        sys.exit(f"claim_rate: no .txt or .md files under {a.corpus}")
    words = 0
    for f in files:
        with open(f, encoding="utf-8", errors="replace") as fh:
            words += len(fh.read().split())
    p = subprocess.run([a.binary, "--format", "json", "--color", "never", "--fail-on", "never"] + files,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"claim_rate: {a.binary} exited {p.returncode}: {p.stderr[:500]}")
    found = [f for f in json.loads(p.stdout)["findings"] if f["category"] == "claim"]
    errors = {f["file"] for f in found if f["severity"] == "error"}
    rules = collections.Counter(f["rule"] for f in found)
    print(f"{len(files)} files, {words} words: {len(found)} claim findings, {1000 * len(found) / words:.2f} per 1,000 words; "
          f"{len(errors)} files ({100 * len(errors) / len(files):.1f}%) with a claim error; " +
          ", ".join(f"{r} {n}" for r, n in sorted(rules.items())))
    random.seed(a.seed)
    for f in random.sample(found, min(a.sample, len(found))):
        with open(f["file"], "rb") as fh:
            text = fh.read()[f["offset"]:f["end_offset"]].decode("utf-8", "replace")
        print(f"{f['file']}:{f['line']} {f['rule']} {f['severity']}: {' '.join(text.split())[:200]}")


if __name__ == "__main__":
    main()
