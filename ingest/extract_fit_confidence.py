#!/usr/bin/env python3
"""Fits the extractor's confidence model (ingest/extract_confidence.cc).

Input: `kg extract --sentences SENTENCES --format features` output (features,
then a CaRB line) and the CaRB gold file of the same sentences. Each
extraction is labelled with the CaRB precision of its best-matching gold tuple
of the same sentence (a soft label in [0, 1]); a logistic model with L2
regularisation is fitted by gradient descent on those labels. Only features
of the extraction are used: no sentence is looked up.

  kg extract --sentences ../shared/carb/dev/sentences.txt --format features \\
      > /tmp/features.tsv
  python3 ingest/extract_fit_confidence.py /tmp/features.tsv \\
      ../shared/carb/dev/gold.tsv

Prints the weights as a C++ initialiser.
"""
import math
import string
import sys

PUNCT = set(string.punctuation)
ESCAPES = [("(", "-LRB-"), (")", "-RRB-"), ("[", "-LSB-"), ("]", "-RSB-"),
           ("{", "-LCB-"), ("}", "-RCB-")]
BE = ["be", "is", "am", "are", "was", "were", "been", "being"]
SAID = ["said", "told", "added", "adds", "says"]


def key(sentence):
    s = sentence.replace(" ", "")
    for plain, escaped in ESCAPES:
        s = s.replace(escaped, plain)
    return "".join(c for c in s if c not in PUNCT)


def overlap(gold, pred):
    pred = list(pred)
    n = 0
    for w in gold:
        if w in pred:
            n += 1
            pred.remove(w)
    return n, pred


def lenient(g_rel, g_args, p_rel, p_args):
    pw, gw = p_rel.split(), g_rel.split()
    p_num = r_num = 0
    p_den, r_den = len(pw), len(gw)
    m, rest = overlap(gw, pw)
    if "be" in rest and any(f in gw for f in BE):
        m += 1
    if m == 0:
        return 0.0, 0.0
    p_num += m
    r_num += m
    for i, ga in enumerate(g_args):
        g = ga.split()
        r_den += len(g)
        if len(p_args) <= i:
            if i < 2:
                return 0.0, 0.0
            continue
        p = p_args[i].split()
        p_den += len(p)
        k, _ = overlap(g, p)
        p_num += k
        r_num += k
    return (p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def two(args):
    return args if len(args) < 2 else [args[0], " ".join(args[1:])]


def match(gold, pred):
    g_rel, g_args = gold[0], two(gold[1])
    p_rel, p_args = pred[0], two(pred[1])
    best = lenient(g_rel, g_args, p_rel, p_args)
    if any(v in g_rel for v in SAID) and len(p_args) >= 2:
        best = max(best, lenient(g_rel, g_args, p_rel, [p_args[1], p_args[0]]))
    return best


def main():
    feats_path, gold_path = sys.argv[1], sys.argv[2]
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        f = line.strip().split("\t")
        if len(f) < 2:
            continue
        args = [a.strip() for a in f[2:] if "C: " not in a]
        gold.setdefault(key(f[0].strip()), []).append((f[1].strip(), args))
    xs, ys = [], []
    for line in open(feats_path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 5:
            continue
        x = [float(v) for v in f[0].split()]
        pred = (f[3], f[4:])
        golds = gold.get(key(f[1]), [])
        y = max((match(g, pred)[0] for g in golds), default=0.0)
        xs.append(x)
        ys.append(y)
    n, d = len(xs), len(xs[0])
    w = [0.0] * d
    lam, rate = 1e-3, 0.5
    for _ in range(3000):
        grad = [0.0] * d
        for x, y in zip(xs, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(d):
                grad[i] += (p - y) * x[i]
        for i in range(d):
            w[i] -= rate * (grad[i] / n + (lam * w[i] if i else 0.0))
    print("// fitted on %d extractions, mean label %.3f" % (n, sum(ys) / n))
    print("{" + ", ".join("%.4ff" % v for v in w) + "}")


if __name__ == "__main__":
    main()
