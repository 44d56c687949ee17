#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes decomposition.json: scikit-learn's PCA (full and randomized solvers) and IncrementalPCA on iris
(../iris.csv) and on a generated low-rank data set (120 x 9 of rank 4 plus a mean offset, NumPy seed 0), the
references of the hierarchical/randomized PCA and IncrementalPCA suites.

Run with Debian's python3-sklearn: /usr/bin/python3 make_decomposition.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA, IncrementalPCA

here = os.path.dirname(os.path.abspath(__file__))
iris = np.loadtxt(os.path.join(here, "..", "iris.csv"), delimiter=";")
rng = np.random.default_rng(0)
lowrank = rng.standard_normal((120, 4)) @ (rng.standard_normal((4, 9)) * [[3.0], [2.0], [1.0], [0.5]])
lowrank += np.arange(9) * 0.25


def pca(p, x):
    return {"n_components_": int(p.n_components_), "components_": p.components_.tolist(),
            "explained_variance_": p.explained_variance_.tolist(),
            "explained_variance_ratio_": p.explained_variance_ratio_.tolist(),
            "singular_values_": p.singular_values_.tolist(), "mean_": p.mean_.tolist(),
            "noise_variance_": float(p.noise_variance_), "transform": p.transform(x).tolist()}


out = {"iris": iris.tolist(), "lowrank": lowrank.tolist()}
for name, data, k in [("iris_4", iris, 4), ("iris_2", iris, 2), ("lowrank_4", lowrank, 4),
                      ("lowrank_2", lowrank, 2)]:
    out["pca_" + name] = pca(PCA(n_components=k, svd_solver="full").fit(data), data)
for name, data, k, batch in [("iris_2_30", iris, 2, 30), ("iris_3_40", iris, 3, 40), ("iris_4_50", iris, 4, 50),
                             ("lowrank_4_25", lowrank, 4, 25)]:
    p = IncrementalPCA(n_components=k, batch_size=batch).fit(data)
    entry = pca(p, data)
    entry["var_"] = p.var_.tolist()
    entry["n_samples_seen_"] = int(p.n_samples_seen_)
    entry["inverse_transform"] = p.inverse_transform(p.transform(data)).tolist()
    out["ipca_" + name] = entry
out["sklearn"] = sklearn.__version__
with open(os.path.join(here, "decomposition.json"), "w") as f:
    json.dump(out, f)
