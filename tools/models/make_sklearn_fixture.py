#!/usr/bin/python3
"""Reference answers for LogisticRegression tests: scikit-learn's multinomial L-BFGS fit on a small, noisy
2-feature, 3-class problem (unbalanced, so class_weight='balanced' matters).
Run: /usr/bin/python3 tools/models/make_sklearn_fixture.py > tests/fixtures/models/sklearn_logistic.json"""
import json
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(7)
centers = np.array([[-1.0, 0.0], [0.5, 0.8], [1.2, -0.6]])
counts = [40, 25, 15]
x = np.vstack([rng.normal(c, 1.0, size=(n, 2)) for c, n in zip(centers, counts)]).astype(np.float32)
y = np.concatenate([np.full(n, k) for k, n in enumerate(counts)])

cases = []
for c, cw in [(0.5, None), (2.0, "balanced")]:
    m = LogisticRegression(C=c, class_weight=cw, multi_class="multinomial", solver="lbfgs", tol=1e-12, max_iter=100000)
    m.fit(x.astype(np.float64), y)
    cases.append({
        "C": c,
        "class_weight": cw or "none",
        "coef": m.coef_.tolist(),            # [class][feature]
        "intercept": m.intercept_.tolist(),  # [class]
        "proba": m.predict_proba(x.astype(np.float64)).tolist(),
    })

json.dump({"sklearn": sklearn.__version__, "x": x.tolist(), "y": y.tolist(), "cases": cases}, sys.stdout, indent=1)
