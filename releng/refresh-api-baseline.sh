#!/usr/bin/env bash
# Replaces the kept API baseline (releng/api-baseline) with the API bundles of the current tree.
# Run it when a release is cut, after the release's last change, never to silence a failing check:
# the baseline is what later builds are compared with (docs/architecture.md, "Versioning and API policy").
#   JAVA_HOME=<JDK 21+> releng/refresh-api-baseline.sh [extra Maven options, e.g. -o]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KEPT="$ROOT/releng/api-baseline"
BUILT="$ROOT/releng/org.openionm.api.baseline/target/repository"
B=bundles/org.openionm
MODULES="target-platform,$B.core,$B.dsp,$B.acquisition,$B.alarm,$B.processing,$B.io.edf,$B.ui.widgets,$B.testkit"

cd "$ROOT"
# the bundles are compared with the old baseline on the way (a release must pass it; while a release
# is still being assembled at the baseline's own version, pass -Dtycho.baseline.skip=true); tests ran
# in the release build
./mvnw -B "$@" clean verify -Papi-baseline -DskipTests -pl "$MODULES,releng/org.openionm.api.baseline"
rm -rf "$KEPT"
mkdir -p "$KEPT"
cp -r "$BUILT"/. "$KEPT"/
echo "API baseline refreshed: $(ls "$KEPT"/plugins | tr '\n' ' ')"
du -sh "$KEPT"
