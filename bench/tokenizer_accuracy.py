#!/usr/bin/env python3
"""Tokenizer and sentence-splitter accuracy against a UD CoNLL-U file.

usage: bench/tokenizer_accuracy.py BUILD/bench/tokenizer_bench FILE.conllu...

Tokens: each sentence's `# text` is tokenized and its token spans compared with
the gold words (multiword tokens count as their parts, located in the text).
Sentences: each document's sentences are joined with single spaces (no
paragraph breaks, so only the splitter's rules decide) and the predicted
sentence ends compared with the gold ones. Prints precision, recall and F1.
"""
import subprocess
import sys


def read(paths):
    docs, sents = [], []  # docs: list of sentence texts; sents: (text, words)
    for path in paths:
        cur = None
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# newdoc") or cur is None:
                cur = []
                docs.append(cur)
            if line.startswith("# text = "):
                cur.append(line[9:])
                sents.append((line[9:], []))
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" not in cols[0] and "." not in cols[0]:
                    sents[-1][1].append(cols[1])
    return [d for d in docs if d], sents


def spans(text, toks):
    out, pos = set(), 0
    for t in toks:
        i = text.find(t, pos)
        if i >= 0:
            out.add((i, i + len(t)))
            pos = i + len(t)
    return out


def prf(tp, npred, ngold):
    p, r = tp / max(npred, 1), tp / max(ngold, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main():
    binary, paths = sys.argv[1], sys.argv[2:]
    docs, sents = read(paths)
    lines = "\n".join(t for t, _ in sents) + "\n"
    out = subprocess.run([binary, "--tokens"], input=lines, text=True,
                         capture_output=True, check=True).stdout.split("\n")
    tp = npred = ngold = exact = 0
    for (text, gold), pred in zip(sents, out):
        p = pred.split("\t") if pred else []
        g, s = spans(text, gold), spans(text, p)
        tp, npred, ngold = tp + len(g & s), npred + len(s), ngold + len(g)
        exact += p == gold
    print("tokens: sentences %d, exact %.4f, P %.4f R %.4f F1 %.4f"
          % ((len(sents), exact / len(sents)) + prf(tp, npred, ngold)))

    joined = [" ".join(d) for d in docs]
    gold_ends = set()
    for i, d in enumerate(docs):
        o = 0
        for s in d:
            o += len(s)
            gold_ends.add((i, o))
            o += 1
    out = subprocess.run([binary, "--split"], input="\n".join(joined) + "\n",
                         text=True, capture_output=True, check=True).stdout
    pred_ends, pos = set(), {}
    for line in out.split("\n"):
        if not line:
            continue
        doc, text = line.split("\t", 1)
        doc = int(doc)
        i = joined[doc].find(text, pos.get(doc, 0))
        if i >= 0:
            pos[doc] = i + len(text)
            pred_ends.add((doc, i + len(text)))
    print("sentences: documents %d, gold %d, predicted %d, P %.4f R %.4f F1 %.4f"
          % ((len(docs), len(gold_ends), len(pred_ends))
             + prf(len(gold_ends & pred_ends), len(pred_ends), len(gold_ends))))


if __name__ == "__main__":
    main()
