# SPDX-License-Identifier: MIT
"""k-means peer: scikit-learn KMeans (lloyd, n_init 1, the same fixed initial centroids, tol 0, the same iterations).
Args: x, init (.npy paths), iters, reps."""
from _peers import Answer

a = Answer()
import numpy as np  # noqa: E402

try:
    from sklearn.cluster import KMeans
except ImportError as e:
    a.skip("sklearn KMeans", f"scikit-learn not importable: {e}")
    a.emit()
    raise SystemExit(0)

x = np.load(a.args["x"])
init = np.load(a.args["init"])
iters = int(a.args["iters"])
fitted = []


def fit():
    fitted.append(KMeans(n_clusters=len(init), init=init, n_init=1, max_iter=iters, tol=0,
                         algorithm="lloyd").fit(x))


a.time("sklearn KMeans", fit)
if fitted:
    a.info["sklearn KMeans"] = f"n_iter {fitted[-1].n_iter_}, inertia {fitted[-1].inertia_:.6g}"
a.emit()
