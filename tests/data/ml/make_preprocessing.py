#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes preprocessing.json: scikit-learn's scalers on iris plus a constant feature and an all-zero sample.

Run with Debian's python3-sklearn (/usr/bin/python3 make_preprocessing.py); the tests read the JSON, not Python.
"""
import json
import os

import numpy as np
import sklearn
from sklearn import preprocessing as pp

here = os.path.dirname(os.path.abspath(__file__))
iris = np.loadtxt(os.path.join(here, "..", "iris.csv"), delimiter=";")
x = np.hstack([iris, np.full((iris.shape[0], 1), 2.5)])
x = np.vstack([x, np.zeros((1, x.shape[1]))])

out = {"sklearn": sklearn.__version__, "x": x.tolist()}
s = pp.StandardScaler().fit(x)
out["standard"] = {"mean_": s.mean_.tolist(), "var_": s.var_.tolist(), "scale_": s.scale_.tolist(),
                   "transform": s.transform(x).tolist()}
m = pp.MinMaxScaler(feature_range=(-2, 3)).fit(x)
out["minmax"] = {"data_min_": m.data_min_.tolist(), "data_max_": m.data_max_.tolist(),
                 "data_range_": m.data_range_.tolist(), "scale_": m.scale_.tolist(), "min_": m.min_.tolist(),
                 "transform": m.transform(x).tolist(), "transform_clipped_of_2x": None}
mc = pp.MinMaxScaler(feature_range=(-2, 3), clip=True).fit(x)
out["minmax"]["transform_clipped_of_2x"] = mc.transform(2 * x).tolist()
a = pp.MaxAbsScaler().fit(x)
out["maxabs"] = {"max_abs_": a.max_abs_.tolist(), "scale_": a.scale_.tolist(), "transform": a.transform(x).tolist()}
out["normalizer"] = {n: pp.Normalizer(norm=n).fit(x).transform(x).tolist() for n in ("l2", "l1", "max")}
with open(os.path.join(here, "preprocessing.json"), "w") as f:
    json.dump(out, f)
