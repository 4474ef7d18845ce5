#!/usr/bin/env bash
# Starts the packaged local stack (what ./run starts; it uploads the bundled sample) on its own ports and data folder,
# waits until the sample is searchable, runs the browser test against it, and stops the stack.
# Needs: local-stack/target/local-stack.jar (./mvnw -B verify or package), /usr/bin/chromium, npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
data="$(mktemp -d)"
export KAMERQA_DATA_DIR="$data" QUERY_PORT=${QUERY_PORT:-18083} INGEST_PORT=${INGEST_PORT:-18081} \
       PARSER_PORT=${PARSER_PORT:-18082} KAFKA_PORT=${KAFKA_PORT:-19092} MONGODB_PORT=${MONGODB_PORT:-27117}
java -jar "$root/local-stack/target/local-stack.jar" >"$data/stack.log" 2>&1 &
stack=$!
stop() { kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 180); do
  if curl -sf "http://localhost:$QUERY_PORT/api/questions?q=gemeentefonds&limit=1" | grep -q '"total":[1-9]'; then
    break
  fi
  if ! kill -0 $stack 2>/dev/null; then cat "$data/stack.log"; exit 1; fi
  sleep 1
done
cd "$here"
npm ci --no-audit --no-fund --silent
status=0
QUERY_URL="http://localhost:$QUERY_PORT" node search-page.test.mjs || status=$?
exit $status
