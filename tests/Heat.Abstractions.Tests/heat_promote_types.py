# SPDX-License-Identifier: MIT
"""Prints HeAT's promote_types table (float16 included) by HeAT's own rule, from its heat/core/types.py.

HeAT's promote_types takes, for each type, its _can_be_cast_safely_to + _can_be_cast_intuitively_to lists, keeps the
names both types list (in the first type's order) and returns the first one of the smallest bit width. This script
reads those lists from a HeAT checkout (no torch needed) and applies the rule. Used for DTypePromotionTests
(HeAT 1.8.0: `python3 heat_promote_types.py heat/core/types.py`). Not a build or test dependency.
"""
import re
import sys

NAMES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64", "complex64",
         "complex128"]


def options(src, name):
    body = re.search(r"\nclass " + name + r"\(\w+\):(.*?)(?=\nclass |\Z)", src, re.S).group(1)
    safe = re.search(r"_can_be_cast_safely_to = \[(.*?)\]", body, re.S)
    intuitive = re.search(r"_can_be_cast_intuitively_to = \[(.*?)\]", body, re.S)
    listed = lambda m: re.findall(r'"(\w+)"', m.group(1)) if m else []
    return listed(safe) + listed(intuitive)


def bits(name):
    return 1 if name == "bool" else int(name[len(name.rstrip("0123456789")):])


def main(path):
    src = open(path, encoding="utf-8").read()
    opts = {n: options(src, n) for n in NAMES}
    for a in NAMES:
        row = []
        for b in NAMES:
            shared = [m for m in opts[a] if m in opts[b]]
            sizes = [bits(m) for m in shared]
            row.append(shared[sizes.index(min(sizes))])
        print(" ".join(f"{x:<10}" for x in [a] + row).rstrip())


if __name__ == "__main__":
    main(sys.argv[1])
