#!/usr/bin/env bash
# Startup benchmark: Tusk's cold start (unpack + initdb + TLS + start + bootstrap) and warm start,
# against the peer a container entrypoint runs: initdb + pg_ctl start with the same binaries,
# measured in the same run on the same machine. Prints a Markdown table for docs/BENCHMARKS.md.
#
#   bench/startup/run.sh [ROUNDS]      (default 3; build first: ./mvnw -q package -DskipTests)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
work="$(mktemp -d /tmp/tusk-bench-startup-XXXX)"
chmod 755 "$work"
trap 'pkill -f "tusk-bench-startup" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
port=25432
admin=28008
as_pg=()
if [[ "$(id -u)" == 0 ]]; then as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups --); fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

wait_for_line() { # file text timeout
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    (( SECONDS < deadline )) || { echo "timeout waiting for '$2' in $1" >&2; cat "$1" >&2; exit 1; }
    sleep 0.02
  done
}

tusk_start() { # home cache result-var: seconds until "stop with" is printed
  local home="$1" cache="$2" t0 t1
  : >"$home/out"
  t0="$(now)"
  (cd "$home" && TUSK_CACHE_DIR="$cache" TUSK_POSTGRES_PORT=$port TUSK_ADMIN_PORT=$admin \
      setsid "$here/bin/tusk" up >"$home/out" 2>"$home/err" </dev/null &)
  wait_for_line "$home/out" "stop with" 300
  t1="$(now)"
  printf -v "$3" '%s' "$(elapsed "$t0" "$t1")"
}

tusk_stop() {
  pkill -TERM -f "dev.tusk.cli.Main up" || true
  while pgrep -f "dev.tusk.cli.Main up" >/dev/null; do sleep 0.1; done
}

peer_start() { # bin pgdata -> seconds for initdb + start until it accepts a scram TLS-less query
  local bin="$1" data="$2" pw="$work/pw" t0 t1
  echo "bench-password" >"$pw"; chmod 644 "$pw"
  t0="$(now)"
  "${as_pg[@]}" "$bin/initdb" -D "$data" -U postgres --pwfile="$pw" -E UTF8 --locale=C \
      --data-checksums --auth-local=scram-sha-256 --auth-host=scram-sha-256 >/dev/null
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -o "-p $port -k /tmp" -w -l "$data/../pg.log" start >/dev/null
  t1="$(now)"
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  elapsed "$t0" "$t1"
}

peer_restart() {
  local bin="$1" data="$2" t0 t1
  t0="$(now)"
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -o "-p $port -k /tmp" -w -l "$data/../pg.log" start >/dev/null
  t1="$(now)"
  "${as_pg[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  elapsed "$t0" "$t1"
}

echo "| round | tusk cold | tusk warm | initdb+pg_ctl start | pg_ctl start | cold ratio | warm ratio |"
echo "|---|---|---|---|---|---|---|"
for r in $(seq 1 "$rounds"); do
  home="$work/tusk-$r"; cache="$work/cache-$r"
  mkdir -p "$home" "$cache"; chmod 755 "$home" "$cache"
  tusk_start "$home" "$cache" cold; tusk_stop
  tusk_start "$home" "$cache" warm; tusk_stop
  bin="$(ls -d "$cache"/postgres/*/bin)"
  peer="$work/peer-$r"; mkdir -p "$peer"; chmod 755 "$peer"
  [[ "$(id -u)" == 0 ]] && chown postgres "$peer"
  pcold="$(peer_start "$bin" "$peer/data")"
  pwarm="$(peer_restart "$bin" "$peer/data")"
  echo "| $r | ${cold} s | ${warm} s | ${pcold} s | ${pwarm} s | $(awk -v a="$cold" -v b="$pcold" 'BEGIN{printf "%.2f", a/b}')x | $(awk -v a="$warm" -v b="$pwarm" 'BEGIN{printf "%.2f", a/b}')x |"
done
