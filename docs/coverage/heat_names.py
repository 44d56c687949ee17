#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes HeAT's public names (heat-names.tsv) and DNDarray members (heat-dndarray-members.tsv) from HeAT's source.

Usage: python3 heat_names.py <heat git repository> [tag, default v1.8.0]

Public names are every module's ``__all__`` (assignments, ``+=``, ``.extend``/``.append``) under ``heat/``, and, for
the ML packages whose modules have no ``__all__`` (star-imported by their ``__init__``), the public classes and
functions those modules define. ``heat.array_api`` (a separate namespace) and tests are left out. Names of
``heat/core`` are ``ht.*`` (linalg's also ``ht.linalg.*``, random's ``ht.random.*``); other packages keep theirs.
Members are the public methods of ``class DNDarray`` plus every ``DNDarray.name = ...`` attached in ``heat/core``.
Run by hand when HeAT releases; the test that keeps docs/heat-coverage.md current reads the files, not HeAT.
"""
import ast
import os
import subprocess
import sys

ML_PACKAGES = {"cluster", "decomposition", "classification", "naive_bayes", "regression", "preprocessing", "graph"}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout


def namespace(path):
    parts = path.split("/")
    if parts[1] == "core":
        if parts[2] == "linalg":
            return "linalg"
        if parts[2] == "random.py":
            return "random"
        return "ht"
    return parts[1]


def all_names(tree):
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names += literal(node.value)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__":
            names += literal(node.value)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and isinstance(node.func.value, ast.Name) and node.func.value.id == "__all__" and node.args):
            value = literal(node.args[0])
            names += value if node.func.attr == "extend" else [value]
    return names


def literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return []


def main():
    repo = sys.argv[1]
    tag = sys.argv[2] if len(sys.argv) > 2 else "v1.8.0"
    here = os.path.dirname(os.path.abspath(__file__))
    files = [f for f in git(repo, "ls-tree", "-r", "--name-only", tag, "heat").split()
             if f.endswith(".py") and "/tests/" not in f and not f.startswith("heat/array_api")]
    names, members = {}, {}
    for path in files:
        tree = ast.parse(git(repo, "show", f"{tag}:{path}"))
        found = all_names(tree)
        if not found and namespace(path) in ML_PACKAGES and not path.endswith("__init__.py"):
            found = [n.name for n in tree.body
                     if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and not n.name.startswith("_")]
        for name in found:
            names.setdefault((namespace(path), name), path)
        if path.startswith("heat/core/"):
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name == "DNDarray":
                    for item in node.body:
                        if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                            members.setdefault(item.name, path)
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for t in targets:
                        if (isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "DNDarray"
                                and not t.attr.startswith("_")):
                            members.setdefault(t.attr, path)
    with open(os.path.join(here, "heat-names.tsv"), "w") as f:
        f.write(f"# HeAT {tag}: namespace, name, module (docs/coverage/heat_names.py)\n")
        for (ns, name), path in sorted(names.items()):
            f.write(f"{ns}\t{name}\t{path}\n")
    with open(os.path.join(here, "heat-dndarray-members.tsv"), "w") as f:
        f.write(f"# HeAT {tag}: DNDarray member, module (docs/coverage/heat_names.py)\n")
        for name, path in sorted(members.items()):
            f.write(f"{name}\t{path}\n")


if __name__ == "__main__":
    main()
