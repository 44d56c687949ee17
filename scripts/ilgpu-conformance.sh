#!/usr/bin/env bash
# The ILGPU conformance runner (tests/Heat.Backend.ILGPU.Conformance) on ILGPU's CPU accelerator, a small subset:
# proves the runner that GPU nodes get as a self-contained publish runs the suites without xunit's runner. Expects
# the Release build of Heat.sln; ends with "conformance: N ok, N failed" (scripts/test.sh adds it to its totals).
set -uo pipefail
cd "$(dirname "$0")/.."
dll=tests/Heat.Backend.ILGPU.Conformance/bin/Release/net10.0/Heat.Backend.ILGPU.Conformance.dll
if [ ! -f "$dll" ]; then
  echo "conformance: 0 ok, 1 failed ($dll not built)"
  exit 1
fi
timeout 120 dotnet "$dll" --accelerator cpu --suites all --filter BackendCopy --filter BackendConformance \
  --filter "Factories.Arange" | grep -v "^ok "
exit "${PIPESTATUS[0]}"
