# SPDX-License-Identifier: MIT
"""LASSO peers. Args: x, y (.npy), lam, sweeps, reps, peers ("sklearn" and/or "numpy").
- sklearn Lasso: float32, Fortran order (converted before timing), fit_intercept False (column 0 of X holds the ones
  of Heat's intercept, so both fit the same columns), tol 0, max_iter = sweeps, precompute False (its default).
- NumPy: hand-written, vectorised coordinate descent on a Fortran-order copy: per coordinate one dot product with
  the residual and one axpy (the residual path, as scikit-learn's Cython loop)."""
from _peers import Answer

a = Answer()
import numpy as np  # noqa: E402

x = np.asfortranarray(np.load(a.args["x"]))
y = np.load(a.args["y"]).astype(x.dtype)
lam, sweeps = float(a.args["lam"]), int(a.args["sweeps"])
peers = a.args.get("peers", ["sklearn", "numpy"])
n, f = x.shape

if "sklearn" in peers:
    try:
        from sklearn.linear_model import Lasso
        fitted = []
        a.time("sklearn Lasso", lambda: fitted.append(
            Lasso(alpha=lam, fit_intercept=False, tol=0, max_iter=sweeps, precompute=False,
                  selection="cyclic").fit(x, y)))
        if fitted:
            a.info["sklearn Lasso"] = f"n_iter {fitted[-1].n_iter_}, nonzero {np.count_nonzero(fitted[-1].coef_)}"
    except ImportError as e:
        a.skip("sklearn Lasso", f"scikit-learn not importable: {e}")

if "numpy" in peers:
    norms = (x * x).sum(axis=0) / n

    def numpy_cd():
        w = np.zeros(f, dtype=x.dtype)
        r = y.copy()
        for _ in range(sweeps):
            for j in range(f):
                col = x[:, j]
                if norms[j] == 0:
                    continue
                rho = col @ r / n + norms[j] * w[j]
                new = np.sign(rho) * max(abs(rho) - lam, 0.0) / norms[j] if j > 0 else rho / norms[j]
                if new != w[j]:
                    r -= (new - w[j]) * col
                    w[j] = new
        return w

    a.time("NumPy CD", numpy_cd)
a.emit()
