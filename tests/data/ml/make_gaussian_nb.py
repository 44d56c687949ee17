#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes gaussian_nb.json: scikit-learn's GaussianNB on HeAT's iris train/test split (../../../../shared/datasets
iris_X_train.csv etc., copied into the JSON), labels relabelled 0,1,2 -> 7,-3,12 to exercise the class mapping; fit,
and partial_fit over two batches (the second with the class list given on the first call).

Run with Debian's python3-sklearn: /usr/bin/python3 make_gaussian_nb.py <folder of the iris_*.csv files>
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.naive_bayes import GaussianNB

folder = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
load = lambda name: np.loadtxt(os.path.join(folder, name), delimiter=";")
x_train, x_test = load("iris_X_train.csv"), load("iris_X_test.csv")
relabel = np.array([7, -3, 12])
y_train = relabel[load("iris_y_train.csv").astype(int)]


def describe(model):
    return {"classes_": model.classes_.tolist(), "theta_": model.theta_.tolist(), "var_": model.var_.tolist(),
            "class_prior_": model.class_prior_.tolist(), "class_count_": model.class_count_.tolist(),
            "epsilon_": float(model.epsilon_), "predict": model.predict(x_test).tolist(),
            "predict_proba": model.predict_proba(x_test).tolist(),
            "predict_log_proba": model.predict_log_proba(x_test).tolist()}


fitted = GaussianNB().fit(x_train, y_train)
partial = GaussianNB()
partial.partial_fit(x_train[:40], y_train[:40], classes=[-3, 7, 12])
partial.partial_fit(x_train[40:], y_train[40:])
smoothed = GaussianNB(var_smoothing=1e-2, priors=[0.5, 0.25, 0.25]).fit(x_train, y_train)
out = {"sklearn": sklearn.__version__, "x_train": x_train.tolist(), "y_train": y_train.tolist(),
       "x_test": x_test.tolist(), "fit": describe(fitted), "partial_fit": describe(partial),
       "smoothed_with_priors": describe(smoothed)}
with open(os.path.join(here, "gaussian_nb.json"), "w") as f:
    json.dump(out, f)
