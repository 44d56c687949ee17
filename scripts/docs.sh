#!/usr/bin/env bash
# Checks the docs and builds the site (docs/_site) with docfx, warnings as errors:
#  1. every configuration key the code reads (string literals "Heat:..." under src/, and the keys HeatSettings reads
#     from the Heat section) has a row in docs/articles/configuration.md, and every row names a key the code reads;
#  2. docfx (the local tool of .config/dotnet-tools.json) builds the API reference from the XML docs of the built
#     assemblies (src/Heat.Cli/bin/Release, so build first) and the articles, whose code is included from
#     examples/HeatExamples (compiled and run by scripts/examples.sh).
# Ends with "docs: N ok, N failed"; exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
passed=0; failed=0

if python3 - <<'PY'
import pathlib, re, sys
code = set()
for f in pathlib.Path("src").rglob("*.cs"):
    text = f.read_text(encoding="utf-8")
    code |= set(re.findall(r'"(Heat(?::[A-Za-z]+)+)"', text))
    if f.name == "HeatSettings.cs":
        code |= {"Heat:" + k for k in re.findall(r'Value\(section, "([A-Za-z]+)"\)', text)}
doc = pathlib.Path("docs/articles/configuration.md").read_text(encoding="utf-8")
rows = set(re.findall(r'^\| `(Heat(?::[A-Za-z]+)+)` \|', doc, re.M))
missing, stale = sorted(code - rows), sorted(rows - code)
for k in missing: print(f"docs: {k} is read by the code but has no row in docs/articles/configuration.md")
for k in stale: print(f"docs: docs/articles/configuration.md documents {k}, which no code reads")
print(f"docs: {len(code)} configuration keys, {len(rows)} documented")
sys.exit(1 if missing or stale else 0)
PY
then passed=$((passed + 1)); echo "ok   configuration reference matches the keys in the code"
else failed=$((failed + 1)); echo "FAIL configuration reference"; fi

rm -rf docs/_site docs/api/*.yml docs/api/.manifest
if dotnet tool restore >/dev/null && dotnet docfx docs/docfx.json --warningsAsErrors; then
  passed=$((passed + 1)); echo "ok   docfx built docs/_site without warnings"
else failed=$((failed + 1)); echo "FAIL docfx"; fi
echo "docs: $passed ok, $failed failed"
[ "$failed" -eq 0 ]
