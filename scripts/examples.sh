#!/usr/bin/env bash
# Runs every example of examples/HeatExamples (built by the solution build) on 3 in-process ranks, and k-means and the
# moments both in process and under mpiexec.mpich on 2 ranks, which must print the same line. Prints one line per
# check and ends with "examples: N ok, N failed"; exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
dll=examples/HeatExamples/bin/Release/net10.0/HeatExamples.dll
data=${HEAT_DATA:-tests/data}
passed=0; failed=0
err=$(mktemp); trap 'rm -f "$err"' EXIT   # stderr of the last run (the netCDF library's HDF5 diagnostics, ...)
check() {  # check NAME EXPECTED-REGEX OUTPUT
  if grep -qE -- "$2" <<<"$3" && ! grep -qE "DIFFERS|False" <<<"$3"; then
    passed=$((passed + 1)); echo "ok   $1: $3"
  else
    failed=$((failed + 1)); echo "FAIL $1 (expected /$2/): $3"; tail -20 "$err"
  fi
}
run() { timeout 300 dotnet "$dll" "$@" --data "$data" 2>"$err"; }

check kmeans-iris "150 samples on 3 rank\(s\): inertia 78\.(85|94)" "$(run kmeans-iris --ranks 3)"
check lasso-diabetes "442 samples x 11 features on 3 rank" "$(run lasso-diabetes --ranks 3)"
check cdist-rbf "1000 x 1000 on 3 rank.*: True" "$(run cdist-rbf --ranks 3)"
check moments "4000000 samples on 3 rank.*mean 0\.00[0-9], std 1\.00[0-9]" "$(run moments --ranks 3)"
check io-roundtrip "x.h5 ok, x.nc ok, x.npy ok, x.csv ok, iris csv == h5 ok" "$(run io-roundtrip --ranks 3)"
check porting "porting on 3 rank" "$(run porting --ranks 3)"
for example in kmeans-iris moments; do
  inproc=$(run "$example" --ranks 2)
  mpi=$(timeout 300 mpiexec.mpich -n 2 dotnet "$dll" "$example" --data "$data" 2>"$err")
  if [ "$inproc" = "$mpi" ] && grep -q "on 2 rank" <<<"$mpi"; then
    passed=$((passed + 1)); echo "ok   $example, InProcWorld and mpiexec.mpich -n 2 alike: $mpi"
  else
    failed=$((failed + 1)); echo "FAIL $example: InProcWorld printed '$inproc', mpiexec.mpich '$mpi'"; tail -20 "$err"
  fi
done
echo "examples: $passed ok, $failed failed"
[ "$failed" -eq 0 ]
