# SPDX-License-Identifier: MIT
"""cdist peer: torch.cdist(x, x, compute_mode='donot_use_mm_for_euclid_dist') (the exact form, no GEMM expansion),
torch limited to the thread budget. Args: x (.npy), reps."""
from _peers import Answer, threads

a = Answer()
import numpy as np  # noqa: E402

x = np.load(a.args["x"])
try:
    import torch
    torch.set_num_threads(threads())
    t = torch.from_numpy(x)
    a.time("torch.cdist", lambda: torch.cdist(t, t, compute_mode="donot_use_mm_for_euclid_dist"))
    a.info["torch.cdist"] = f"torch {torch.__version__}, {torch.get_num_threads()} threads"
except ImportError as e:
    a.skip("torch.cdist", f"torch not importable: {e}")
a.emit()
