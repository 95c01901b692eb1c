#!/bin/sh
# Benchmark of flowconsole-emulator (ctest -L bench): seeds large:100000, then drives a
# 50-flow page and a 250-run page with wrk over loopback and prints req/s, p50 and p99.
# "cached" repeats one URL (the emulator answers from its response cache until data
# changes); "uncached" adds a unique query parameter to every request, so each one runs
# the SQL query and the JSON serialisation.
# Usage: bench_emulator.sh path/to/flowconsole-emulator [seconds] [connections]
set -eu
EMU=${1:?path to flowconsole-emulator}
SECS=${2:-5}
CONNS=${3:-16}
WRK=${WRK:-/usr/bin/wrk}
RUNS=100000
ENV=5a0ad7e5-7000-4000-8000-00000000beef
TMP=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$TMP"' EXIT

"$EMU" --port 0 --seed "large:$RUNS" --no-auth --quiet >"$TMP/out" 2>"$TMP/err" &
PID=$!
i=0
while [ ! -s "$TMP/out" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
BASE=$(head -n1 "$TMP/out")
[ -n "$BASE" ] || { cat "$TMP/err"; exit 1; }
SEED_MS=$(sed -n 's/.*ready in \([0-9]*\) ms.*/\1/p' "$TMP/err")

FLOW=$(curl -s "$BASE/providers/Microsoft.ProcessSimple/environments/$ENV/flows?\$top=250" |
    python3 -c "import json,sys; print([f['name'] for f in json.load(sys.stdin)['value'] if f['properties']['displayName']=='Load test flow 001'][0])")
FLOWS_URL="$BASE/providers/Microsoft.ProcessSimple/environments/$ENV/flows?api-version=2016-11-01&\$top=50"
RUNS_URL="$BASE/providers/Microsoft.ProcessSimple/environments/$ENV/flows/$FLOW/runs?api-version=2016-11-01&\$top=250"
cat >"$TMP/unique.lua" <<'LUA'
n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. n)
end
LUA

measure() { # label url [script]
    if [ -n "${3:-}" ]; then OUT=$("$WRK" -t1 -c"$CONNS" -d"${SECS}s" --latency -s "$3" "$2"); else OUT=$("$WRK" -t1 -c"$CONNS" -d"${SECS}s" --latency "$2"); fi
    RPS=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')
    P50=$(echo "$OUT" | awk '$1=="50%" {print $2}')
    P99=$(echo "$OUT" | awk '$1=="99%" {print $2}')
    BYTES=$(curl -s "$2" | wc -c)
    printf '%-34s %10s req/s   p50 %-9s p99 %-9s (%s bytes)\n' "$1" "$RPS" "$P50" "$P99" "$BYTES"
}

echo "flowconsole-emulator benchmark: wrk -t1 -c$CONNS -d${SECS}s on $(nproc) cores"
echo "seed large:$RUNS ready in ${SEED_MS} ms (goal < 5000 ms)"
measure "flows page, 50 items (cached)" "$FLOWS_URL"
measure "runs page, 250 items (cached)" "$RUNS_URL"
measure "flows page, 50 items (uncached)" "$FLOWS_URL" "$TMP/unique.lua"
measure "runs page, 250 items (uncached)" "$RUNS_URL" "$TMP/unique.lua"
[ "${SEED_MS:-99999}" -lt 5000 ]
