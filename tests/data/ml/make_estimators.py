#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes knn.json, robust_scaler.json, pca.json and kclusters.json: scikit-learn's KNeighborsClassifier,
RobustScaler, PCA and silhouette scores, and HeAT's k-medians / k-medoids iterations (scikit-learn has none; written
out below in NumPy from HeAT's description: Manhattan assignment, per-cluster medians, medoids snapped to the nearest
sample) on iris (../iris.csv). Distance-based fixtures add a small deterministic jitter (1e-3 sin(i j)) so that no
two distances tie, which would make neighbours and labels depend on tie-breaking.

Run with Debian's python3-sklearn: /usr/bin/python3 make_estimators.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_samples, silhouette_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import RobustScaler

here = os.path.dirname(os.path.abspath(__file__))
iris = np.loadtxt(os.path.join(here, "..", "iris.csv"), delimiter=";")
labels = np.repeat([0, 1, 2], 50)
i, j = np.meshgrid(np.arange(iris.shape[0]), np.arange(iris.shape[1]), indexing="ij")
jittered = iris + 1e-3 * np.sin((i + 1.0) * (j + 1.0))


def dump(name, content):
    content["sklearn"] = sklearn.__version__
    with open(os.path.join(here, name), "w") as f:
        json.dump(content, f)


# kNN: every third sample is a test sample; labels relabelled 0,1,2 -> 7,-3,12.
relabel = np.array([7, -3, 12])
test = np.arange(150) % 3 == 0
x_train, x_test = jittered[~test], jittered[test]
y_train, y_test = relabel[labels[~test]], relabel[labels[test]]
knn = {"x_train": x_train.tolist(), "y_train": y_train.tolist(), "x_test": x_test.tolist(),
       "y_test": y_test.tolist()}
for k, weights in [(5, "uniform"), (7, "distance"), (1, "uniform")]:
    d = np.sort(np.linalg.norm(x_test[:, None, :] - x_train[None, :, :], axis=2), axis=1)
    assert np.all(d[:, k] - d[:, k - 1] > 1e-9), "distance tie at the k-th neighbour"
    m = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute").fit(x_train, y_train)
    knn[f"{k}_{weights}"] = {"classes_": m.classes_.tolist(), "predict": m.predict(x_test).tolist(),
                             "predict_proba": m.predict_proba(x_test).tolist(), "score": m.score(x_test, y_test)}
dump("knn.json", knn)

# RobustScaler on the preprocessing data (iris + a constant feature + an all-zero sample).
x = np.hstack([iris, np.full((iris.shape[0], 1), 2.5)])
x = np.vstack([x, np.zeros((1, x.shape[1]))])
robust = {"x": x.tolist()}
for name, kwargs in [("default", {}), ("range_10_90_unit_variance", {"quantile_range": (10, 90),
                                                                    "unit_variance": True}),
                     ("scaling_only", {"with_centering": False})]:
    s = RobustScaler(**kwargs).fit(x)
    robust[name] = {"center_": None if s.center_ is None else s.center_.tolist(),
                    "scale_": None if s.scale_ is None else s.scale_.tolist(), "transform": s.transform(x).tolist()}
dump("robust_scaler.json", robust)

# PCA on iris.
pca = {"x": iris.tolist()}
for name, kwargs in [("two", {"n_components": 2}), ("share_95", {"n_components": 0.95}), ("all", {}),
                     ("two_whiten", {"n_components": 2, "whiten": True})]:
    p = PCA(svd_solver="full", **kwargs).fit(iris)
    pca[name] = {"n_components_": int(p.n_components_), "components_": p.components_.tolist(),
                 "explained_variance_": p.explained_variance_.tolist(),
                 "explained_variance_ratio_": p.explained_variance_ratio_.tolist(),
                 "singular_values_": p.singular_values_.tolist(), "mean_": p.mean_.tolist(),
                 "noise_variance_": float(p.noise_variance_), "transform": p.transform(iris).tolist(),
                 "inverse_transform": p.inverse_transform(p.transform(iris)).tolist()}
dump("pca.json", pca)


# k-medians / k-medoids (HeAT's iterations) from the samples 0, 50, 100 as initial centres.
def manhattan(a, b):
    return np.abs(a[:, None, :] - b[None, :, :]).sum(axis=2)


def kcluster(x, centres, medoids, max_iter=300, tol=1e-4):
    for it in range(1, max_iter + 1):
        dist = manhattan(x, centres)
        srt = np.sort(dist, axis=1)
        assert np.all(srt[:, 1] - srt[:, 0] > 1e-9), "assignment tie"
        assigned = dist.argmin(axis=1)
        new = centres.copy()
        for c in range(len(centres)):
            if np.any(assigned == c):
                new[c] = np.median(x[assigned == c], axis=0)
                if medoids:
                    new[c] = x[manhattan(x, new[c:c + 1])[:, 0].argmin()]
        shift = ((centres - new) ** 2).sum()
        centres = new
        if (medoids and shift == 0) or (not medoids and shift <= tol):
            break
    return centres, assigned, it


out = {"x": jittered.tolist(), "init": [0, 50, 100]}
for name, medoids in [("kmedians", False), ("kmedoids", True)]:
    centres, assigned, it = kcluster(jittered, jittered[[0, 50, 100]], medoids)
    out[name] = {"cluster_centers_": centres.tolist(), "labels_": assigned.tolist(), "n_iter_": it}
out["silhouette"] = {"labels": labels.tolist(), "samples": silhouette_samples(jittered, labels).tolist(),
                     "score": float(silhouette_score(jittered, labels)),
                     "samples_manhattan": silhouette_samples(jittered, labels, metric="manhattan").tolist()}
dump("kclusters.json", out)

# Spectral clustering of three separated blobs (rbf affinity, gamma 1).
from sklearn.cluster import SpectralClustering
from sklearn.datasets import make_blobs

blobs, truth = make_blobs(n_samples=60, centers=3, cluster_std=0.4, random_state=0)
spectral = SpectralClustering(n_clusters=3, affinity="rbf", gamma=1.0, random_state=0).fit(blobs)
assert len(set(zip(spectral.labels_, truth))) == 3, "spectral clustering does not recover the blobs"
dump("spectral.json", {"x": blobs.tolist(), "labels_": spectral.labels_.tolist()})
