# SPDX-License-Identifier: MIT
"""Shared by the peer scripts of `bench --only peers`: thread limits (set before NumPy loads), the arguments (one
JSON object in argv[1]), best-of-N timing and the answer (one JSON object on stdout).

The answer: {"seconds": {peer: best seconds}, "skipped": {peer: reason}, "info": {peer: text}}. A peer whose library
cannot be imported is skipped with the reason, never an error: the bench prints it and goes on.
"""
import json
import os
import sys
import time

THREADS = os.environ.get("HEAT_PEER_THREADS", "2")
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
              "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_name] = THREADS


class Answer:
    """Collects the figures of one script run and prints them as one JSON line."""

    def __init__(self):
        self.args = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
        self.reps = int(self.args.get("reps", 3))
        self.seconds, self.skipped, self.info = {}, {}, {}

    def time(self, peer, fn, setup=None):
        """Best of `reps` runs of fn() (each after setup(), untimed); an exception skips the peer."""
        best = float("inf")
        try:
            for _ in range(self.reps):
                state = setup() if setup else None
                start = time.perf_counter()
                fn(state) if setup else fn()
                best = min(best, time.perf_counter() - start)
            self.seconds[peer] = best
        except Exception as e:  # noqa: BLE001 - any failure of a peer is reported, not fatal
            self.skipped[peer] = f"{type(e).__name__}: {e}"

    def skip(self, peer, reason):
        self.skipped[peer] = reason

    def emit(self):
        print(json.dumps({"seconds": self.seconds, "skipped": self.skipped, "info": self.info}))
        sys.stdout.flush()


def threads():
    return int(THREADS)
