#!/usr/bin/env bash
# The consumer's view: packs the libraries and the heat tool into a fresh folder, creates a new console project in a
# temporary directory that takes Heat.* only from that folder (NuGet package source mapping; everything else from the
# usual feed), compiles the examples' sources against the packages, and runs k-means on iris on 4 in-process ranks, on
# 4 MPI ranks (the same line), and on the Torch backend from the package's prebuilt shim; then installs the heat tool
# from the folder and runs it. Ends with "consumer: N ok, N failed"; exits non-zero on a failure.
# Usage: bash scripts/consumer-test.sh [extra dotnet pack arguments, e.g. --no-build after a solution build]
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
tmp=$(mktemp -d)
# A version of its own, so that no package of an earlier run in the NuGet cache can stand in for this one.
version="0.1.0-consumer.$(date +%s)"
cleanup() { rm -rf "$tmp" ~/.nuget/packages/heat*/"$version" ~/.nuget/packages/heat.*/"$version"; }
trap cleanup EXIT
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
finish() { echo "consumer: $passed ok, $failed failed"; [ "$failed" -eq 0 ]; exit; }

feed="$tmp/feed"
if bash scripts/pack.sh "$feed" -p:Version="$version" "$@" >"$tmp/pack.log" 2>&1; then ok "pack into $feed"
else cat "$tmp/pack.log"; fail "pack"; finish; fi

app="$tmp/app"
mkdir -p "$app"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="heat-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="heat-local"><package pattern="Heat.*" /><package pattern="heat" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
( cd "$app" && dotnet new console -n Consumer -o . --force >/dev/null ) || { fail "dotnet new console"; finish; }
cp examples/HeatExamples/*.cs "$app/"       # Program.cs replaces the template's
(
  cd "$app" &&
  dotnet add package Heat.Core --version "$version" &&
  dotnet add package Heat.ML --version "$version" &&
  dotnet add package Heat.Comm.Mpi --version "$version" &&
  dotnet add package Heat.Backend.Torch --version "$version" &&
  dotnet build -c Release -nologo -clp:ErrorsOnly
) >"$tmp/app.log" 2>&1 && ok "new console project restores Heat.* $version from the folder and builds" \
  || { cat "$tmp/app.log"; fail "consumer project build"; finish; }
if grep -rq "heat-local" "$app/obj/project.assets.json" 2>/dev/null || grep -q "$feed" "$app/obj/project.assets.json"; then
  ok "Heat.* resolved from the folder"
else fail "Heat.* not resolved from $feed"; fi

dll="$app/bin/Release/net10.0/Consumer.dll"
data="$repo/${HEAT_DATA:-tests/data}"
expect="kmeans-iris: 150 samples on 4 rank\(s\): inertia 78\.(85|94)"
inproc=$(timeout 300 dotnet "$dll" kmeans-iris --ranks 4 --data "$data" 2>&1)
grep -qE "$expect" <<<"$inproc" && ok "4 in-process ranks: $inproc" || fail "4 in-process ranks: $inproc"
mpi=$(timeout 300 mpiexec.mpich -n 4 dotnet "$dll" kmeans-iris --data "$data" 2>&1)
[ "$mpi" = "$inproc" ] && ok "mpiexec.mpich -n 4 prints the same: $mpi" || fail "mpiexec.mpich -n 4: $mpi"
torch=$(Heat__Backend=torch HEAT_TORCH_SHIM_PATH= timeout 300 dotnet "$dll" kmeans-iris --ranks 2 --data "$data" 2>&1)
grep -qE "150 samples on 2 rank\(s\): inertia 78\.(85|94)" <<<"$torch" && ok "torch backend from the package's shim: $torch" \
  || fail "torch backend: $torch"

if dotnet tool install --tool-path "$tmp/tools" --add-source "$feed" --version "$version" heat >"$tmp/tool.log" 2>&1 \
  && info=$("$tmp/tools/heat" info --ranks 2 2>&1) && grep -q "rank 0/2" <<<"$info"; then
  ok "dotnet tool install heat from the folder; heat info --ranks 2: $(head -1 <<<"$info")"
else cat "$tmp/tool.log"; fail "heat tool: ${info:-}"; fi
finish
