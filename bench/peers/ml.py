# SPDX-License-Identifier: MIT
"""Per-estimator peers of `bench --only peers.ml` (issue 20): scikit-learn with the thread budget, on the .npy files
the bench wrote. Args: cluster ({case: [x, init]}), table ({x, y}), knn ({train, y, query}), cases (names), iters,
gamma (Spectral), batch (IncrementalPCA), reps. Each case times what the Heat side times:
fit (clusterings, decompositions), fit + transform (scalers), fit + predict (GaussianNB, k nearest neighbours).
Estimators scikit-learn does not have are skipped with the reason (KMedians; KMedoids unless sklearn-extra is
installed)."""
from _peers import Answer

a = Answer()
import numpy as np  # noqa: E402

iters = int(a.args.get("iters", 30))
loaded = {}


def load(path):
    if path not in loaded:
        loaded[path] = np.load(path)
    return loaded[path]


try:
    import sklearn  # noqa: F401
    from sklearn import cluster, decomposition, naive_bayes, neighbors, preprocessing
except ImportError as e:
    for case in a.args["cases"]:
        a.skip(case, f"scikit-learn not importable: {e}")
    a.emit()
    raise SystemExit(0)


def clustering(case):
    xp, initp = a.args["cluster"][case]
    x, init = load(xp), load(initp)
    k = len(init)
    if case == "KMeans":
        return lambda: cluster.KMeans(k, init=init, n_init=1, max_iter=iters, tol=0, algorithm="lloyd").fit(x)
    if case == "BatchParallelKMeans":
        return lambda: cluster.KMeans(k, init="k-means++", n_init=1, max_iter=iters, random_state=1).fit(x)
    if case == "Spectral":
        gamma = float(a.args["gamma"])
        return lambda: cluster.SpectralClustering(k, affinity="rbf", gamma=gamma, assign_labels="kmeans",
                                                  n_init=1, random_state=1).fit(x)
    if case == "KMedoids":
        try:
            from sklearn_extra.cluster import KMedoids
        except ImportError:
            return "sklearn-extra not installed (scikit-learn has no KMedoids)"
        if len(x) > 20000:
            return "sklearn-extra's KMedoids needs all n² distances: skipped above 20,000 samples"
        return lambda: KMedoids(k, init=init, max_iter=iters).fit(x)
    return "scikit-learn has no KMedians"


def table(case):
    x = load(a.args["table"]["x"])
    makers = {
        "PCA full": lambda: decomposition.PCA(10, svd_solver="full").fit(x),
        "PCA randomized": lambda: decomposition.PCA(10, svd_solver="randomized", iterated_power=4,
                                                    random_state=1).fit(x),
        "IncrementalPCA": lambda: decomposition.IncrementalPCA(10, batch_size=int(a.args["batch"])).fit(x),
        "StandardScaler": lambda: preprocessing.StandardScaler().fit_transform(x),
        "MinMaxScaler": lambda: preprocessing.MinMaxScaler().fit_transform(x),
        "MaxAbsScaler": lambda: preprocessing.MaxAbsScaler().fit_transform(x),
        "RobustScaler": lambda: preprocessing.RobustScaler().fit_transform(x),
        "Normalizer": lambda: preprocessing.Normalizer().fit_transform(x),
    }
    if case == "GaussianNB":
        y = load(a.args["table"]["y"])
        return lambda: naive_bayes.GaussianNB().fit(x, y).predict(x)
    return makers[case]


def knn():
    p = a.args["knn"]
    train, labels, query = load(p["train"]), load(p["y"]), load(p["query"])
    return lambda: neighbors.KNeighborsClassifier(5).fit(train, labels).predict(query)


for case in a.args["cases"]:
    try:
        if case in ("KMeans", "BatchParallelKMeans", "Spectral", "KMedoids", "KMedians"):
            fn = clustering(case)
        elif case == "KNeighborsClassifier":
            fn = knn()
        else:
            fn = table(case)
    except Exception as e:  # noqa: BLE001 - reported, not fatal
        fn = f"{type(e).__name__}: {e}"
    if isinstance(fn, str):
        a.skip(case, fn)
    else:
        a.time(case, fn)
a.emit()
