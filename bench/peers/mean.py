# SPDX-License-Identifier: MIT
"""mean(axis 0) peers: NumPy x.mean(axis=0) and dask (the array in row chunks, the threaded scheduler with the
thread budget). Args: x (.npy), row_chunks, reps."""
from _peers import Answer, threads

a = Answer()
import numpy as np  # noqa: E402

x = np.load(a.args["x"])
a.time("NumPy", lambda: x.mean(axis=0))
try:
    import dask
    import dask.array as da
    rows = max(1, x.shape[0] // int(a.args.get("row_chunks", 8)))
    dx = da.from_array(x, chunks=(rows, x.shape[1]))
    with dask.config.set(scheduler="threads", num_workers=threads()):
        a.time("dask", lambda: dx.mean(axis=0).compute())
    a.info["dask"] = f"chunks of {rows} rows, {threads()} workers"
except ImportError as e:
    a.skip("dask", f"dask not importable: {e}")
a.emit()
