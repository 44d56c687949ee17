#!/usr/bin/env bash
# Packs the libraries under src/ and the heat tool (the projects under src/; bench, tests and examples are not
# packable) into one folder: <Id>.<Version>.nupkg and .snupkg.
# Usage: bash scripts/pack.sh [OUT (default artifacts/packages)] [extra dotnet pack arguments, e.g. --no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts/packages}"); shift || true
rm -rf "$out"; mkdir -p "$out"
# One MSBuild invocation over a solution filter of src/ (bench, tests and examples are not packable anyway).
filter=.pack.slnf
trap 'rm -f "$filter"' EXIT
python3 - "$filter" src/*/*.csproj <<'PY'
import json, sys
json.dump({"solution": {"path": "Heat.sln", "projects": [p.replace("/", "\\") for p in sys.argv[2:]]}},
          open(sys.argv[1], "w"), indent=1)
PY
dotnet pack "$filter" -c Release -nologo -clp:ErrorsOnly -o "$out" "$@"
# The Torch package must carry the shim its readme documents.
torch=$(ls "$out"/Heat.Backend.Torch.*.nupkg)
# (The listing is read whole first: `unzip | grep -q` under pipefail fails when grep quits before unzip is done.)
listing=$(unzip -l "$torch")
if ! grep -q "runtimes/linux-x64/native/libheat_torch.so" <<<"$listing"; then
  echo "pack: $torch has no runtimes/linux-x64/native/libheat_torch.so (shim not built? apt-get install libtorch-dev cmake g++)" >&2
  exit 1
fi
ls "$out"
