#!/usr/bin/env bash
# Compares the parse cost of two qa-parser CLI jars (target/qa-parser.jar of two builds), each in its own JVM,
# alternating runs so drift in machine load hits both alike. Prints ParseCost's lines per run.
#   qa-parser/src/bench/parse-cost/run.sh BEFORE.jar AFTER.jar [runs] -- FILE...
# Env: WARMUP (parses per file before measuring, default 300), ROUNDS (default 9), PER_ROUND (default 50).
set -euo pipefail
before=$1 after=$2 runs=${3:-2}
shift 3 || true
[ "${1:-}" = "--" ] && shift
here=$(cd "$(dirname "$0")" && pwd)
for run in $(seq 1 "$runs"); do
  for side in before after; do
    jar=$before; [ "$side" = after ] && jar=$after
    echo "== run $run $side ($(basename "$jar"))"
    java -XX:+UseSerialGC -Xmx1g -cp "$jar" "$here/ParseCost.java" \
      "${WARMUP:-300}" "${ROUNDS:-9}" "${PER_ROUND:-50}" "$@"
  done
done
