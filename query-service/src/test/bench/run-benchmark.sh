#!/usr/bin/env bash
# Benchmark of the search read model (not a test). Usage: run-benchmark.sh [QUESTIONS] [OUTPUT]
#   QUESTIONS  questions to put on the parsed topic (default 1000000), generated from the shared samples' real texts
#   OUTPUT     where the raw figures go (default query-service/target/benchmark.txt)
# Starts the packaged local stack (build it first: ./mvnw -B -DskipTests install), fills the parsed topic straight,
# waits for the index, times a full rebuild from the topic, then loads each request at a fixed rate (FixedRateLoad,
# BENCH_RATE requests/s, default 200: the latency at the target's rate) and with wrk (Debian package 'wrk': the
# most a closed loop of 16 connections gets).
set -euo pipefail
questions=${1:-1000000}
root="$(cd "$(dirname "$0")/../../../.." && pwd)"
out=${2:-$root/query-service/target/benchmark.txt}
samples=${KAMERQA_SAMPLES:-$root/../shared/samples}
data="$(mktemp -d)"
export KAMERQA_DATA_DIR="$data" QUERY_PORT=${QUERY_PORT:-28083} INGEST_PORT=${INGEST_PORT:-28081} \
       PARSER_PORT=${PARSER_PORT:-28082} KAFKA_PORT=${KAFKA_PORT:-29092} MONGODB_PORT=${MONGODB_PORT:-28017} \
       KAMERQA_API_KEY=bench-key
q="http://localhost:$QUERY_PORT"
mkdir -p "$(dirname "$out")"; : > "$out"
say() { echo "$*" | tee -a "$out"; }

# the load generators' class path (query-service's tests) and the data generator's (local-stack's tests: it parses the
# samples with qa-parser, which query-service does not depend on)
for module in query-service local-stack; do
  (cd "$root" && ./mvnw -B -q -o -pl "$module" test-compile dependency:build-classpath \
     -Dmdep.includeScope=test -Dmdep.outputFile="$data/cp-$module.txt" >/dev/null)
done
cp="$root/query-service/target/test-classes:$root/query-service/target/classes:$(cat "$data/cp-query-service.txt")"
fill_cp="$root/local-stack/target/test-classes:$root/local-stack/target/classes:$(cat "$data/cp-local-stack.txt")"

java ${BENCH_JAVA_OPTS:--Xmx2g} -jar "$root/local-stack/target/local-stack.jar" >"$data/stack.log" 2>&1 &
stack=$!
stop() { kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
until curl -sf "$q/actuator/health/liveness" >/dev/null; do kill -0 $stack; sleep 1; done
total() { curl -sf "$q/api/questions?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
until [ "$(total)" -ge 46 ] 2>/dev/null; do sleep 1; done   # the bundled sample is in

say "== fill: $questions questions on parliament.documents.parsed"
java -cp "$fill_cp" nl.kamerqa.localstack.bench.FillParsedTopic "localhost:$KAFKA_PORT" parliament.documents.parsed "$questions" "$samples" | tee -a "$out"
expected=$(( $(total) ))
until [ "$(total)" -ge "$questions" ]; do sleep 2; done
expected=$(total)
say "indexed: $expected questions"

say "== rebuild from the topic (POST /api/admin/index/rebuild)"
start=$(date +%s.%N)
curl -sf -X POST -H 'X-API-Key: bench-key' "$q/api/admin/index/rebuild" >/dev/null
sleep 1
until [ "$(total)" -ge "$expected" ]; do sleep 1; done
end=$(date +%s.%N)
say "rebuild: $expected questions in $(echo "$end - $start" | bc) s = $(echo "$expected / ($end - $start)" | bc) questions/s"
sleep 3   # the last commit
say "index: $(curl -sf -H 'X-API-Key: bench-key' "$q/api/admin/index")"

doc=$(curl -sf "$q/api/questions?limit=1&sort=date" | sed -E 's/.*"documentId":"([^"]+)".*/\1/')
declare -a names=(search search-facets party date-range stats answer-times question-by-id)
declare -a paths=(
  "/api/questions?q=gemeentefonds&limit=20"
  "/api/questions?q=gemeentefonds&limit=20&facets=party,genre,year,answeredBy"
  "/api/questions?party=VVD&limit=20"
  "/api/questions?from=2015-01-01&to=2015-12-31&limit=20"
  "/api/stats/questions?by=party"
  "/api/stats/answer-times"
  "/api/questions/${doc}%231")
for i in "${!names[@]}"; do
  curl -sf -o /dev/null "$q${paths[$i]}"   # warm
  say "== ${names[$i]}: GET ${paths[$i]}"
  # the most a closed loop of 16 connections gets (wrk): throughput, with latency under saturation; warms the JIT ...
  wrk -t2 -c16 -d${BENCH_SECONDS:-20}s --latency "$q${paths[$i]}" > "$data/wrk.txt" 2>&1 || true
  cat "$data/wrk.txt" | tee -a "$out"
  # ... then the latency at the target's rate (open loop: requests start on schedule, latency counted from then)
  java -cp "$cp" nl.kamerqa.query.bench.FixedRateLoad "$q${paths[$i]}" "${BENCH_RATE:-200}" "${BENCH_SECONDS:-20}" | tee -a "$out"
done
say "== heap (whole local-stack JVM: broker, MongoDB-wire server and the three services)"
curl -sf "$q/actuator/prometheus" | grep -E '^jvm_memory_used_bytes\{.*area="heap"' | tee -a "$out"
