#!/usr/bin/env bash
# Tusk's HTTP/1.1 server against the JDK's built-in com.sun.net.httpserver (both on virtual
# threads, same 100-byte JSON, each in its own JVM), with wrk on loopback, alternating runs.
# Prints req/s and CPU microseconds per request for each.
#
#   bench/http/run.sh [ROUNDS] [CONNECTIONS]     (build first: ./mvnw -q test-compile -pl tusk-core)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"; conns="${2:-64}"
source "$here/.ci/find-java"
command -v wrk >/dev/null || { echo "install wrk first (apt-get install -y wrk)" >&2; exit 2; }
cp="$here/tusk-core/target/classes:$here/tusk-core/target/test-classes:$(ls "$HOME"/.m2/repository/com/fasterxml/jackson/core/jackson-*/2.18.2/*.jar | tr '\n' ':')"

run_one() { # kind -> "req/s cpu_us_per_req"
  local fifo port pid reqs before after
  fifo="$(mktemp -u)"; mkfifo "$fifo"
  "$JAVA" -cp "$cp" dev.tusk.core.http.BenchMain "$1" <"$fifo" >"$fifo.out" 2>&1 &
  pid=$!; exec 9>"$fifo"
  for _ in $(seq 100); do port="$(grep -o '[0-9]\{4,5\}' "$fifo.out" | head -1 || true)"; [[ -n "$port" ]] && break; sleep 0.1; done
  wrk -t2 -c"$conns" -d3s "http://127.0.0.1:$port/" >/dev/null   # warm-up
  before="$(awk '{print $14+$15}' "/proc/$pid/stat")"
  reqs="$(wrk -t2 -c"$conns" -d10s "http://127.0.0.1:$port/" | awk '/Requests\/sec/ {print $2}')"
  after="$(awk '{print $14+$15}' "/proc/$pid/stat")"
  exec 9>&-; wait "$pid" 2>/dev/null || true; rm -f "$fifo" "$fifo.out"
  awk -v r="$reqs" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f %.1f", r, (t / hz) * 1e6 / (r * 10) }'
}

echo "| round | tusk req/s | tusk µs CPU/req | jdk req/s | jdk µs CPU/req | req/s ratio |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  read -r tr tc <<<"$(run_one tusk)"
  read -r jr jc <<<"$(run_one jdk)"
  echo "| $r | $tr | $tc | $jr | $jc | $(awk -v a="$tr" -v b="$jr" 'BEGIN{printf "%.2f", a/b}')x |"
done
