#!/usr/bin/env bash
# Regenerates the public API baseline of every library under src/ (PublicAPI.Unshipped.txt beside each csproj; the
# tool src/Heat.Cli has none) from the code as it is: run it after a merge or any change of the public surface, then
# review the diff of src/*/PublicAPI.*.txt. One build of src/ with the compiler's SARIF log; the analyzer's own
# "APIName" of every RS0016 (symbol not in the baseline) becomes a line. Entries of PublicAPI.Shipped.txt are kept (a
# shipped API that disappears stays an RS0017 error: a breaking change, not something to regenerate away).
# Usage: bash scripts/public-api.sh [--verify]   (--verify: rebuilds src/ afterwards with warnings as errors)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

libs=()
for proj in src/*/*.csproj; do
  grep -q '<PackAsTool>true</PackAsTool>' "$proj" && continue
  libs+=("$proj")
  dir=$(dirname "$proj")
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"   # also makes the compiler run again
  rm -f "$dir/obj/publicapi.sarif"
done

# One MSBuild invocation over a solution filter of the libraries (projects missing from Heat.sln are built alone).
filter=.public-api.slnf
trap 'rm -f "$filter"' EXIT
python3 - "$filter" "${libs[@]}" <<'PY'
import json, sys
sln = open("Heat.sln", encoding="utf-8").read().replace("\\", "/")
projects = [p.replace("/", "\\") for p in sys.argv[2:] if p in sln]
json.dump({"solution": {"path": "Heat.sln", "projects": projects}}, open(sys.argv[1], "w"), indent=1)
PY
build() {
  dotnet build "$1" -c Release -nologo -clp:ErrorsOnly -p:SkipNative=true -p:TreatWarningsAsErrors=false \
    -p:HeatPublicApiLog=true
}
build "$filter" >/dev/null || { build "$filter"; exit 1; }
for proj in "${libs[@]}"; do
  grep -q "${proj//\//\\\\}" Heat.sln || build "$proj" >/dev/null || { build "$proj"; exit 1; }
done

python3 - "${libs[@]}" <<'PY'
import json, os, sys
for proj in sys.argv[1:]:
    d = os.path.dirname(proj)
    log = os.path.join(d, "obj", "publicapi.sarif")
    if not os.path.exists(log):
        sys.exit(f"public-api: {log} was not written (did the compiler run?)")
    names = set()
    for run in json.load(open(log, encoding="utf-8"))["runs"]:
        for r in run.get("results", []):
            if r.get("ruleId") == "RS0016":
                names.add(r["properties"]["customProperties"]["APIName"])
    with open(os.path.join(d, "PublicAPI.Unshipped.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("#nullable enable\n")
        for n in sorted(names, key=lambda s: (s.lower(), s)):
            f.write(n + "\n")
    print(f"{d}: {len(names)} unshipped API lines")
PY

if [ "${1:-}" = "--verify" ]; then
  for proj in "${libs[@]}"; do dotnet build "$proj" -c Release -nologo -clp:ErrorsOnly -p:SkipNative=true; done
fi
