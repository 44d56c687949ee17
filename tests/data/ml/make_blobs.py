#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes blobs.json: 300 samples of 4 well-separated Gaussian blobs in 5 dimensions (shuffled, so that every
rank's chunk holds samples of every blob) and scikit-learn's KMeans labels and centres on them, the reference of
BatchParallelKMeans / BatchParallelKMedians and KMeans(init="batchparallel").

Run with Debian's python3-sklearn: /usr/bin/python3 make_blobs.py
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

here = os.path.dirname(os.path.abspath(__file__))
centers = 10.0 * np.array([[0, 0, 0, 0, 0], [10, 0, 0, 10, 0], [0, 10, 0, 0, -10], [10, 10, 10, -10, 10]])
x, truth = make_blobs(n_samples=300, centers=centers, cluster_std=0.8, shuffle=True, random_state=7)
km = KMeans(n_clusters=4, n_init=10, random_state=0).fit(x)
with open(os.path.join(here, "blobs.json"), "w") as f:
    json.dump({"x": x.tolist(), "truth": truth.tolist(), "kmeans": {"labels_": km.labels_.tolist(),
               "cluster_centers_": km.cluster_centers_.tolist()}, "sklearn": sklearn.__version__}, f)
