#!/usr/bin/env bash
# Runs every test of Heat for .NET on a fresh Debian/Ubuntu machine with the .NET 10 SDK:
# installs the missing Debian packages (with sudo when not root), builds, tests, runs the examples, the consumer test
# of the packages and the docs build (scripts/examples.sh, consumer-test.sh, docs.sh), and ends with the line
# "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

# Native libraries the optional backends, communicators and I/O bind (the embedded default needs none).
# Grows with each native component; each entry is a Debian package name.
PACKAGES=(libhdf5-dev hdf5-tools libnetcdf-dev netcdf-bin libtorch-dev libopenblas0-pthread liblapacke-dev libfftw3-dev cmake g++ mpich libmpich-dev ocl-icd-opencl-dev pocl-opencl-icd clinfo)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == *"install ok installed"* ]] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if [ ${#PACKAGES[@]} -gt 0 ]; then
  install_missing || { echo "Could not install the Debian packages: ${PACKAGES[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! dotnet build Heat.sln -c Release -nologo -clp:ErrorsOnly 2>&1 | tee "$log"; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

# One test assembly at a time: the suites size their thread pools to the machine, and the large-message
# tests take a few GiB each.
dotnet test Heat.sln -c Release --no-build -nologo -m:1 -- RunConfiguration.DisableParallelization=false 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a crashed or aborted test host counts as a failure
fi

# The user's view, on the build above: the examples (in process and under mpiexec.mpich), the packages in a fresh
# consumer project, and the docs site. Each script ends with "NAME: N ok, N failed"; its checks join the totals.
for step in "examples.sh" "consumer-test.sh --no-build" "docs.sh" "ilgpu-conformance.sh"; do
  bash scripts/$step 2>&1 | tee "$log"
  step_status=${PIPESTATUS[0]}
  line=$(grep -E '^[a-z]+: [0-9]+ ok, [0-9]+ failed$' "$log" | tail -1)
  ok=$(awk '{ print $2 }' <<<"$line"); bad=$(awk '{ print $4 }' <<<"$line")
  passed=$((passed + ${ok:-0})); failed=$((failed + ${bad:-0}))
  if [ "$step_status" -ne 0 ]; then
    status=$step_status
    [ "${bad:-0}" -eq 0 ] && failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
