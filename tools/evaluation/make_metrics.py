#!/usr/bin/python3
"""Writes tests/fixtures/evaluation/*.json with scikit-learn's answers for the evaluation module.

Run from the repository root:  /usr/bin/python3 tools/evaluation/make_metrics.py
Labels are 0=BAIXA, 1=MÉDIA, 2=ALTA; every multiclass metric is asked with labels=[0, 1, 2].
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, classification_report, cohen_kappa_score, confusion_matrix,
                             f1_score, log_loss, precision_recall_fscore_support, precision_score, recall_score)

OUT = os.path.join("tests", "fixtures", "evaluation")
LABELS = [0, 1, 2]
NAMES = ["BAIXA", "MÉDIA", "ALTA"]


def binary(y_true, y_pred, positive):
    t = np.isin(y_true, positive).astype(int)
    p = np.isin(y_pred, positive).astype(int)
    return {
        "confusion": confusion_matrix(t, p, labels=[0, 1]).tolist(),
        "precision": precision_score(t, p, labels=[0, 1], pos_label=1, zero_division=0),
        "recall": recall_score(t, p, labels=[0, 1], pos_label=1, zero_division=0),
        "f1": f1_score(t, p, labels=[0, 1], pos_label=1, zero_division=0),
        "macro_f1": f1_score(t, p, labels=[0, 1], average="macro", zero_division=0),
        "accuracy": accuracy_score(t, p),
    }


def groups(keys, y_true, y_pred):
    out = []
    for k in sorted(set(keys)):
        m = np.array([x == k for x in keys])
        out.append({"key": k, "support": int(m.sum()), "accuracy": accuracy_score(y_true[m], y_pred[m]),
                    "macro_f1": f1_score(y_true[m], y_pred[m], average="macro", zero_division=0)})
    return out


def case(name, y_true, y_pred, probs=None, uf=None, theme=None, report_digits=None):
    y_true = np.asarray(y_true, dtype=int)
    y_pred = np.asarray(y_pred, dtype=int)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=LABELS, zero_division=0)
    avg = {}
    for a in ("macro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(y_true, y_pred, labels=LABELS, average=a, zero_division=0)
        avg[a] = {"precision": ap, "recall": ar, "f1": af}
    kappa = cohen_kappa_score(y_true, y_pred, labels=LABELS, weights="quadratic")
    doc = {
        "name": name,
        "y_true": y_true.tolist(),
        "y_pred": y_pred.tolist(),
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(), "support": s.tolist(),
        "macro": avg["macro"], "weighted": avg["weighted"],
        "confusion": confusion_matrix(y_true, y_pred, labels=LABELS).tolist(),
        "qwk": None if np.isnan(kappa) else kappa,
        "binary_alta_vs_rest": binary(y_true, y_pred, [2]),
        "binary_media_alta_vs_baixa": binary(y_true, y_pred, [1, 2]),
    }
    if probs is not None:
        # float32 values, written as the float64 numbers they equal; the loss is asked in float64.
        doc["probabilities"] = [float(v) for v in probs.reshape(-1)]
        doc["log_loss"] = log_loss(y_true, probs.astype(np.float64), labels=LABELS)
    if uf is not None:
        doc["uf"] = list(uf)
        doc["per_uf"] = groups(uf, y_true, y_pred)
    if theme is not None:
        doc["theme"] = list(theme)
        doc["per_theme"] = groups(theme, y_true, y_pred)
    if report_digits is not None:
        doc["report_digits"] = report_digits
        doc["report"] = classification_report(y_true, y_pred, labels=LABELS, target_names=NAMES,
                                              digits=report_digits, zero_division=0)
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh, ensure_ascii=False)
        fh.write("\n")


def noisy(rng, y_true, keep):
    y_pred = y_true.copy()
    flip = rng.random(len(y_true)) > keep
    y_pred[flip] = rng.integers(0, 3, flip.sum())
    return y_pred


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20250)

    y = rng.integers(0, 3, 50)
    case("random_50", y, rng.integers(0, 3, 50), report_digits=4)

    # 5,000 rows shaped like the challenge (many BAIXA, few ALTA) with float32 probabilities, predictions = argmax.
    n = 5000
    y = rng.choice(3, n, p=[0.55, 0.30, 0.15])
    logits = rng.normal(0, 1, (n, 3))
    logits[np.arange(n), y] += 1.4
    probs = np.exp(logits)
    probs = (probs / probs.sum(axis=1, keepdims=True)).astype(np.float32)
    ufs = rng.choice(["SÃO PAULO", "MINAS GERAIS", "BAHIA", "PARÁ", "RORAIMA"], n, p=[0.4, 0.3, 0.2, 0.09, 0.01])
    themes = [str(t) for t in rng.integers(1, 40, n)]
    case("challenge_5000", y, probs.argmax(axis=1), probs=probs, uf=ufs, theme=themes, report_digits=4)

    y = rng.choice(3, n, p=[0.2, 0.5, 0.3])
    case("noisy_5000", y, noisy(rng, y, 0.7))

    y = rng.integers(0, 3, 200)
    pred = noisy(rng, y, 0.6)
    pred[pred == 2] = 1
    case("never_predicted_alta", y, pred)

    y = rng.integers(1, 3, 200)
    case("absent_true_baixa", y, noisy(rng, y, 0.5))

    y = rng.integers(0, 3, 300)
    case("perfect", y, y.copy(), report_digits=4)

    case("all_baixa", np.zeros(20, dtype=int), np.zeros(20, dtype=int))

    # MÉDIA scores 1/8 and the macro average 3/8: exact halves at 2 digits round half to even (0.12, 0.38).
    y_true = [0] * 7 + [1] * 3 + [1] * 5 + [2] * 5
    y_pred = [1] * 7 + [1] * 1 + [0] * 2 + [0] * 5 + [2] * 5
    case("ties_digits2", y_true, y_pred, report_digits=2)

    sample = rng.random(1000)
    with open(os.path.join(OUT, "percentile.json"), "w", encoding="utf-8") as fh:
        json.dump({"values": sample.tolist(), "q": [2.5, 97.5, 50.0, 0.0, 100.0],
                   "percentiles": np.percentile(sample, [2.5, 97.5, 50.0, 0.0, 100.0]).tolist()}, fh)
        fh.write("\n")
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}: fixtures written to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
