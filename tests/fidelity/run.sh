#!/usr/bin/env bash
# The fidelity suite: real third-party clients (@azure/msal-node, the m365 CLI) against
# flowconsole-emulator, as they would talk to Microsoft: over TLS to login.microsoftonline.com,
# api.flow.microsoft.com, graph.microsoft.com ... which a local TLS terminator (tls-proxy.js,
# 127.0.0.1 only, throw-away CA) forwards to the emulator. Clients get there through a
# `node --require preload.js` hook; no system file, DNS or trust store is touched.
#
# usage: tests/fidelity/run.sh [--emulator PATH] [--work DIR] [--only msal|m365] [--verbose]
#   --emulator  flowconsole-emulator to test (default: the first built one under build/)
#   --work      scratch folder (default: build/fidelity); npm installs into DIR/node, never
#               into the source tree
# Prints a PASS/FAIL table and "N passed, M failed"; exits 1 if anything failed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
emulator=""
work="$repo/build/fidelity"
only=""
while [ $# -gt 0 ]; do
    case "$1" in
    --emulator) emulator=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --verbose) export FC_FIDELITY_VERBOSE=1; shift ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -z "$emulator" ]; then
    for b in ci release dev debug asan; do
        if [ -x "$repo/build/$b/emulator/flowconsole-emulator" ]; then
            emulator="$repo/build/$b/emulator/flowconsole-emulator"
            break
        fi
    done
fi
if [ -z "$emulator" ] || [ ! -x "$emulator" ]; then
    echo "run.sh: no flowconsole-emulator; build one or pass --emulator PATH" >&2
    exit 2
fi
emulator=$(cd "$(dirname "$emulator")" && pwd)/$(basename "$emulator")
mkdir -p "$work" && work=$(cd "$work" && pwd)
for tool in node npm openssl; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 2; }
done
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "run.sh: Node.js 20 or later is needed (found $(node --version))" >&2
    exit 2
fi

# The clients, pinned in package.json, installed once into the work folder (again when
# package.json changes).
node_dir="$work/node"
mkdir -p "$node_dir"
if ! cmp -s "$here/package.json" "$node_dir/package.json" || [ ! -d "$node_dir/node_modules" ]; then
    echo "run.sh: installing the clients into $node_dir (npm)"
    cp "$here/package.json" "$node_dir/package.json"
    rm -f "$node_dir/package-lock.json"
    if ! (cd "$node_dir" && npm install --no-audit --no-fund --loglevel=error --cache "$work/npm-cache"); then
        rm -f "$node_dir/package.json"
        echo "run.sh: npm install failed" >&2
        exit 2
    fi
fi
# ES modules resolve packages from their own folder: the checks run from the install.
cp "$here"/*.mjs "$node_dir/"

# A scratch folder per run (logs, CA, the CLI's HOME); the last three are kept.
ls -1dt "$work"/run.* 2>/dev/null | tail -n +3 | xargs -r rm -rf
run=$(mktemp -d "$work/run.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
}
trap cleanup EXIT

wait_for_line() { # FILE REGEX SECONDS PID
    local i
    for ((i = 0; i < $3 * 10; i++)); do
        grep -Eo "$2" "$1" 2>/dev/null | head -1 && return 0
        kill -0 "$4" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

"$emulator" --port 0 --control --seed demo >"$run/emulator.log" 2>&1 &
pids+=($!)
base=$(wait_for_line "$run/emulator.log" 'http://127\.0\.0\.1:[0-9]+' 30 "${pids[0]}") || {
    echo "run.sh: the emulator did not start:" >&2; cat "$run/emulator.log" >&2; exit 2; }
tenant=$(grep -Eo 'tenant [0-9a-f-]+' "$run/emulator.log" | head -1 | cut -d' ' -f2)

node "$here/tls-proxy.js" --upstream "$base" --dir "$run/tls" >"$run/tls-proxy.log" 2>&1 &
pids+=($!)
port=$(wait_for_line "$run/tls-proxy.log" 'listening [0-9]+' 60 "${pids[1]}" | cut -d' ' -f2) || {
    echo "run.sh: the TLS terminator did not start:" >&2; cat "$run/tls-proxy.log" >&2; exit 2; }

export FC_FIDELITY_EMULATOR="$base"
export FC_FIDELITY_EMULATOR_LOG="$run/emulator.log"
export FC_FIDELITY_TENANT="$tenant"
export FC_FIDELITY_TLS_PORT="$port"
export FC_FIDELITY_RESULTS="$run/results.tsv"
export FC_FIDELITY_BLOCKED_LOG="$run/blocked.log"
export FC_FIDELITY_NODE_DIR="$node_dir"
export FC_FIDELITY_PRELOAD="$here/preload.js"
export FC_FIDELITY_HOME="$run/home"
export NODE_EXTRA_CA_CERTS="$run/tls/ca.pem"
: >"$FC_FIDELITY_RESULTS"
echo "run.sh: emulator $base (tenant $tenant), TLS terminator 127.0.0.1:$port, scratch $run"

if [ -z "$only" ] || [ "$only" = msal ]; then
    node --require "$here/preload.js" "$node_dir/msal-node.mjs" ||
        printf 'msal-node\t(the checks stopped)\tFAIL\texit status %s\n' "$?" >>"$FC_FIDELITY_RESULTS"
fi
if [ -z "$only" ] || [ "$only" = m365 ]; then
    node --require "$here/preload.js" "$node_dir/m365.mjs" ||
        printf 'm365 CLI\t(the checks stopped)\tFAIL\texit status %s\n' "$?" >>"$FC_FIDELITY_RESULTS"
fi

echo
echo "Fidelity suite: $emulator"
awk -F'\t' '
    { w = length($1 ": " $2); if (w > width) width = w; rows[NR] = $0 }
    END {
        if (width > 90) width = 90
        for (i = 1; i <= NR; i++) {
            split(rows[i], f, "\t")
            name = f[1] ": " f[2]
            if (length(name) > width) name = substr(name, 1, width - 1) "~"
            printf "%-" width "s  %s%s\n", name, f[3], (f[3] == "FAIL" ? "  " f[4] : "")
        }
    }' "$FC_FIDELITY_RESULTS"
if [ -s "$FC_FIDELITY_BLOCKED_LOG" ]; then
    echo
    echo "Hosts the clients tried to reach and were refused (not routed to the emulator):"
    cut -d' ' -f2 "$FC_FIDELITY_BLOCKED_LOG" | sort | uniq -c
fi
passed=$(grep -c $'\tPASS\t' "$FC_FIDELITY_RESULTS" || true)
failed=$(grep -c $'\tFAIL\t' "$FC_FIDELITY_RESULTS" || true)
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
