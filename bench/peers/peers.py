#!/usr/bin/python3
"""Peer baselines (scikit-learn) on the same grouped split as `aderencia`, for comparison only.

Not used by the product or its tests. Needs Debian's python3-sklearn. See README.md.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import scipy.sparse as sp
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC

LEVELS = ["BAIXA", "MEDIA", "ALTA"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_CSV = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "leandl-sample", "leandl_sample_dados.csv"))
csv.field_size_limit(sys.maxsize)


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r.get("modelo_nivel") in LEVELS]
    thesis = [" ".join(r.get(c, "") for c in ("nome_producao", "descricao_palavra_chave", "descricao_resumo")) for r in rows]
    theme = [" ".join(r.get(c, "") for c in ("tema", "palavras_chave")) for r in rows]
    y = np.array([LEVELS.index(r["modelo_nivel"]) for r in rows])
    return thesis, theme, y


def scores(y, p):
    return f1_score(y, p, average="macro"), accuracy_score(y, p)


def cosine_thresholds(cos_eval, y_eval):
    """Two cut points t1 <= t2 on cosine (BAIXA < t1 <= MEDIA < t2 <= ALTA) that maximise eval macro-F1."""
    grid = np.unique(np.quantile(cos_eval, np.linspace(0, 1, 101)))
    best = (-1.0, 0.0, 0.0)
    for i, t1 in enumerate(grid):
        for t2 in grid[i:]:
            f1 = f1_score(y_eval, np.digitize(cos_eval, [t1, t2]), average="macro")
            if f1 > best[0]:
                best = (f1, t1, t2)
    return best[1], best[2]


def ours(csv_path):
    """Our model on the same file and protocol, through the CLI."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "test.json")
        cmd = ["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "src", "Aderencia.Cli"), "--",
               "train", "--data", csv_path, "--model", os.path.join(tmp, "model.bin"), "--protocol", "grouped", "--json", out]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        with open(out, encoding="utf-8") as f:
            result = json.load(f)
    return result["macro_f1"], result["accuracy"], wall


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv", nargs="?", default=DEFAULT_CSV, help="the full pairs CSV (for our model's run)")
    ap.add_argument("--splits", required=True, help="folder with train.csv, eval.csv, test.csv from `aderencia data split --protocol grouped`")
    ap.add_argument("--skip-ours", action="store_true", help="do not run `aderencia train`")
    a = ap.parse_args()

    parts = {n: load(os.path.join(a.splits, n + ".csv")) for n in ("train", "eval", "test")}
    (th_tr, tm_tr, y_tr), (th_ev, tm_ev, y_ev), (th_te, tm_te, y_te) = parts["train"], parts["eval"], parts["test"]
    print(f"pairs: train {len(y_tr)} / eval {len(y_ev)} / test {len(y_te)}")

    t0 = time.perf_counter()
    vec = TfidfVectorizer(strip_accents="unicode", lowercase=True, sublinear_tf=True, min_df=2, max_features=50000, ngram_range=(1, 2))
    vec.fit(th_tr + sorted(set(tm_tr)))
    tfidf_seconds = time.perf_counter() - t0

    def features(thesis, theme):
        a, b = vec.transform(thesis), vec.transform(theme)
        prod = a.multiply(b).tocsr()
        cos = np.asarray(prod.sum(axis=1)).ravel()  # rows are L2-normalised, so the dot product is the cosine
        return sp.hstack([a, b, prod, sp.csr_matrix(cos[:, None])]).tocsr(), cos

    t0 = time.perf_counter()
    x_tr, cos_tr = features(th_tr, tm_tr)
    x_ev, cos_ev = features(th_ev, tm_ev)
    x_te, cos_te = features(th_te, tm_te)
    tfidf_seconds += time.perf_counter() - t0
    print(f"features: {x_tr.shape[1]} columns, TF-IDF fit + transform {tfidf_seconds:.2f} s")

    models = {
        "TF-IDF + LogisticRegression (balanced)": LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000),
        "TF-IDF + LinearSVC (balanced)": LinearSVC(C=0.5, class_weight="balanced"),
        "TF-IDF + RandomForest (300 trees, balanced)": RandomForestClassifier(
            n_estimators=300, class_weight="balanced_subsample", n_jobs=2, random_state=42),
    }
    rows = []
    for name, m in models.items():
        t0 = time.perf_counter()
        m.fit(x_tr, y_tr)
        fit = time.perf_counter() - t0
        rows.append((name, *scores(y_te, m.predict(x_te)), fit))

    t0 = time.perf_counter()
    t1, t2 = cosine_thresholds(cos_ev, y_ev)
    fit = time.perf_counter() - t0
    rows.append((f"cosine threshold (tuned on eval: {t1:.3f}, {t2:.3f})", *scores(y_te, np.digitize(cos_te, [t1, t2])), fit))

    if not a.skip_ours:
        rows.append(("aderencia train --protocol grouped (whole CLI run)", *ours(a.csv)))

    print()
    print("| model | test macro-F1 | test accuracy | train time |")
    print("|-------|---------------|---------------|------------|")
    for name, f1, acc, secs in rows:
        print(f"| {name} | {f1:.4f} | {acc:.4f} | {secs:.2f} s |")
    print("\nTrain time excludes TF-IDF for the peers; ours is the wall time of the whole CLI run (build check, load, split, featurize, fit, evaluate, save).")


if __name__ == "__main__":
    main()
