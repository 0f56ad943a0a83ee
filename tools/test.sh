#!/usr/bin/env bash
# Installs what the tests need outside NuGet, builds the solution once and runs every test
# assembly. The last line printed is always "N passed, N failed, N skipped", totalled over
# all test assemblies; the exit code is non-zero when the build or any test failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Debian packages the tests run against (docs/interop.md, docs/storage.md, docs/telemetry-bus.md,
# docs/telemetry.md; shared/DEPENDENCIES.md says why).
apt_packages=(
  python3-grpcio
  python3-protobuf
  protobuf-compiler
  protobuf-compiler-grpc
  postgresql
  postgresql-15-postgis-3
  redis-server
  proj-data
)

install_missing_packages() {
  local missing=() package status
  for package in "${apt_packages[@]}"; do
    # sed reads all of dpkg's output: grep -q could quit early and fail the pipe with SIGPIPE.
    status=$(dpkg -s "$package" 2>/dev/null | sed -n 's/^Status: //p') || true
    [ "$status" = "install ok installed" ] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Prints "passed failed skipped" over all TRX files in $1, counting each test result by its
# outcome (a skipped xunit test is NotExecuted; the Counters element leaves it out). Every
# expected test assembly ($2, whitespace-separated) that reported no result counts as one
# failure: a test host that crashes leaves a TRX without any.
count_results() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

results_dir, expected = sys.argv[1], set(sys.argv[2].split())
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
reported = set()
for path in glob.glob(os.path.join(results_dir, "**", "*.trx"), recursive=True):
    run = ET.parse(path).getroot()
    for result in run.iterfind("t:Results/t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome == "NotExecuted":
            skipped += 1
        else:
            failed += 1
    for method in run.iterfind("t:TestDefinitions/t:UnitTest/t:TestMethod", ns):
        reported.add(os.path.splitext(os.path.basename(method.get("codeBase", "")))[0])
for assembly in sorted(expected - reported):
    print(f"{assembly}: no test results", file=sys.stderr)
    failed += 1
print(passed, failed, skipped)
PY
}

install_missing_packages

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
solution=RangeScheduler.sln

if ! dotnet build "$solution" -c Release; then
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

results_dir=$(mktemp -d)
trap 'rm -rf "$results_dir"' EXIT

# Test projects are named *.Tests (STYLE.md); each must leave a TRX behind.
if ! expected_assemblies=$(dotnet sln "$solution" list | sed -n 's#.*[/\\]\([^/\\]*\.Tests\)\.csproj$#\1#p'); then
  echo "could not list the projects of $solution"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One test assembly at a time: on two cores, parallel assemblies starve each other's
# servers and child processes and turn deadline assertions flaky. xunit still runs test
# classes in parallel inside each assembly. A hung test ends the run instead of CI.
test_status=0
dotnet test "$solution" -c Release --no-build -m:1 \
  --results-directory "$results_dir" --logger trx --logger "console;verbosity=minimal" \
  --blame-hang-timeout 10min --blame-hang-dump-type none || test_status=$?

if ! counts=$(count_results "$results_dir" "$expected_assemblies"); then
  echo "could not read the test results in $results_dir"
  counts="0 1 0"
fi
read -r passed failed skipped <<<"$counts"
if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $test_status although no test failed: counting one failure"
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
