# SPDX-License-Identifier: MIT
"""a*b + c peer: NumPy np.multiply(a, b, out=d); np.add(d, c, out=d) on float32 arrays of `n` elements (NumPy's
element-wise ufuncs run on one thread). The values do not change the time, so the arrays are made here.
Args: n, reps."""
from _peers import Answer

a = Answer()
import numpy as np  # noqa: E402

n = int(a.args["n"])
rng = np.random.default_rng(1)
x, y, z = (rng.random(n, dtype=np.float32) for _ in range(3))
d = np.empty_like(x)


def fused():
    np.multiply(x, y, out=d)
    np.add(d, z, out=d)


a.time("NumPy", fused)
a.emit()
