#!/usr/bin/env bash
# REST API benchmark: Tusk's PostgREST-compatible API (wrk on loopback, with a JWT) against pgbench
# running the same work as SQL on the same server at the same concurrency, alternating runs:
#   txn  the transaction the API runs per request (BEGIN [READ ONLY], the settings statement, the
#        query, COMMIT), captured from PostgreSQL's log and replayed with the same parameters;
#   bare the query alone (autocommit, as api_user through the role startup option).
# Endpoints: a) GET one row by key, b) GET 100 rows by a filter, c) GET one row with a to-many
# embed, d) POST one row (commits), e) RPC (GET /rpc/add). Prints Markdown tables for
# docs/BENCHMARKS.md: throughput and latency, then CPU per request by process.
#
#   bench/rest/run.sh [ROUNDS] [CONNECTIONS] [SECONDS]   (default 2 16 15; build first:
#                                                          ./mvnw -q package -DskipTests)
#   REST_JFR=/tmp/rest.jfr bench/rest/run.sh 1           also records a JFR profile of the API
#                                                        (summarise it: bench/rest/profile.py FILE)
#   REST_ENDPOINTS=ae bench/rest/run.sh                  only some endpoints
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-2}"; conns="${2:-16}"; secs="${3:-15}"
bench="$here/bench/rest"
tusk="$here/bin/tusk"

pg_bin="$(pg_config --bindir 2>/dev/null || true)"
[[ -x "$pg_bin/pgbench" ]] || pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
missing=()
command -v wrk >/dev/null || missing+=("wrk (apt-get install -y wrk)")
[[ -x "$pg_bin/pgbench" ]] || missing+=("pgbench (apt-get install -y postgresql-client)")
command -v python3 >/dev/null || missing+=("python3")
command -v curl >/dev/null || missing+=("curl")
[[ -d "$here/tusk-cli/target/lib" ]] || missing+=("Tusk's build (./mvnw -q package -DskipTests)")
if ((${#missing[@]})); then printf 'bench/rest: missing %s\n' "${missing[@]}" >&2; exit 2; fi
pgbench="$pg_bin/pgbench"

work="$(mktemp -d /tmp/tusk-bench-rest-XXXX)"
chmod 755 "$work"
tusk_pid=""; api_pid=""
stop_pid() { # pid: SIGTERM, then wait at most 30 s, then SIGKILL
  [[ -n "$1" ]] || return 0
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 300); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() { stop_pid "$api_pid"; stop_pid "$tusk_pid"; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # seconds description command...: retry the command until it succeeds
  local deadline=$((SECONDS + $1)) what="$2"; shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { echo "bench/rest: timed out waiting for $what" >&2; return 1; }
    sleep 0.2
  done
}
pg_port="$(free_port)"; admin_port="$(free_port)"; api_port="$(free_port)"
secret="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | head -c 35)"

# --- PostgreSQL through tusk up, with the schema and 100k rows ----------------------------------
proj="$work/project"; mkdir -p "$proj/sql"; cp "$bench/init.sql" "$proj/sql/init.sql"
cat >"$proj/tusk.yaml" <<EOF
postgres:
  port: $pg_port
  parameters: { max_connections: $((conns * 2 + 20)) }
admin:
  port: $admin_port
databases:
  - name: bench
    owner: bench_owner
    schemas: [content]
    init_sql: [sql/init.sql]
roles:
  - { name: bench_owner, login: false }
  - { name: api_user, login: false }
  - { name: authenticator, login: true, inherit: false, member_of: [api_user] }
api:
  enabled: false
  schemas: [content]
  anon_role: api_user
  jwt: { secret: "$secret" }
EOF
chmod -R a+rX "$work"
(cd "$proj" && exec "$tusk" up >"$work/up.out" 2>"$work/up.err" </dev/null) &
tusk_pid=$!
wait_for 300 "tusk up (see $work/up.err)" grep -q "stop with" "$work/up.out" \
  || { cat "$work/up.out" "$work/up.err" >&2; exit 1; }
auth_pw="$(cat "$proj/tusk-data/secrets/authenticator.password")"
token="$(cd "$proj" && "$tusk" token --role api_user --sub bench --ttl 7d)"
sql() { (cd "$proj" && "$tusk" sql -d bench "$1" >/dev/null); }
postmaster="$(head -1 "$proj/tusk-data/pgdata/postmaster.pid")"

# --- the API: tusk serve rest, alone, from PGRST_* variables ------------------------------------
start_api() { # extra JVM options
  local dir="$work/api"; mkdir -p "$dir"
  (cd "$dir" && TUSK_JAVA_OPTS="${1:-}" \
    PGRST_DB_URI="postgres://authenticator:$auth_pw@127.0.0.1:$pg_port/bench?sslmode=require" \
    PGRST_DB_SCHEMAS=content PGRST_DB_ANON_ROLE=api_user PGRST_JWT_SECRET="$secret" \
    PGRST_SERVER_HOST=127.0.0.1 PGRST_SERVER_PORT="$api_port" PGRST_DB_POOL="$conns" \
    exec "$tusk" serve rest >"$dir/out" 2>"$dir/err" </dev/null) &
  api_pid=$!
  wait_for 60 "tusk serve rest (see $dir/err)" curl -sf "http://127.0.0.1:$api_port/" \
    || { cat "$dir/err" >&2; exit 1; }
}

# endpoint: name method path body lo hi (a "{k}" in the path is a random key in [lo, hi])
endpoints=(
  "a GET /items?id=eq.{k} - 1 100000"
  "b GET /items?grp=eq.{k} - 0 999"
  "c GET /items?select=id,name,tags(tag)&id=eq.{k} - 1 100000"
  'd POST /items {"name":"bench","grp":5000} 1 1'
  "e GET /rpc/add?a={k}&b=2 - 1 100000"
)
only="${REST_ENDPOINTS:-abcde}"  # e.g. REST_ENDPOINTS=a for the key lookup alone
selected=()
for e in "${endpoints[@]}"; do [[ "$only" == *"${e:0:1}"* ]] && selected+=("$e"); done
endpoints=("${selected[@]}")
((${#endpoints[@]})) || { echo "bench/rest: REST_ENDPOINTS=$only selects no endpoint (a-e)" >&2; exit 2; }
label() { case "$1" in a) echo "a) GET by key";; b) echo "b) GET 100 rows";; c) echo "c) GET + to-many embed";;
  d) echo "d) POST one row";; e) echo "e) RPC";; esac; }

# --- capture the SQL each endpoint runs: log_statement for the authenticator, one request each --
sql "ALTER ROLE authenticator SET log_statement = 'all'"
start_api ""
logfile="$(ls -t "$proj"/tusk-data/pgdata/log/*.json | head -1)"
logged_since() { tail -c +"$(($1 + 1))" "$logfile" | grep -q "$2"; }
for e in "${endpoints[@]}"; do
  read -r name method path body lo hi <<<"$e"
  key=77777; [[ "$name" == b ]] && key=777
  [[ "$body" == - ]] && body=""
  offset="$(stat -c %s "$logfile")"
  args=(-sf -o /dev/null -X "$method" -H "Authorization: Bearer $token" -H "User-Agent:" -H "Accept:")
  [[ -n "$body" ]] && args+=(-H "Content-Type: application/json" --data "${body//\{k\}/$key}")
  curl "${args[@]}" "http://127.0.0.1:$api_port${path//\{k\}/$key}" \
    || { echo "bench/rest: $method $path failed" >&2; exit 1; }
  wait_for 10 "the log of $path" logged_since "$offset" "COMMIT"
  python3 "$bench/capture.py" "$logfile" "$offset" "$key" "$lo" "$hi" "$work/$name"
done
stop_pid "$api_pid"; api_pid=""
sql "ALTER ROLE authenticator RESET log_statement"
start_api "${REST_JFR:+-XX:StartFlightRecording=settings=profile,filename=$REST_JFR}"

# --- measuring ----------------------------------------------------------------------------------
ticks() { # pids... -> user+system ticks, with reaped children
  local t=0 p
  for p in "$@"; do
    [[ -r "/proc/$p/stat" ]] && t=$((t + $(awk '{print $14+$15+$16+$17}' "/proc/$p/stat")))
  done
  echo "$t"
}
pg_ticks() { ticks "$postmaster" $(pgrep -P "$postmaster" || true); }
us_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }'; }
to_ms() { awk -v v="$1" 'BEGIN { u = v; sub(/[0-9.]+/, "", u); x = v + 0;
  printf "%.2f", u == "us" ? x / 1000 : u == "s" ? x * 1000 : u == "m" ? x * 60000 : x }'; }

run_wrk() { # name method path body lo hi secs -> "req/s p50 p99 api_us pg_us client_us errors"
  local out a0 p0 c0 a1 p1 c1 n
  [[ "$4" == - ]] && set -- "$1" "$2" "$3" "" "$5" "$6" "$7"
  a0="$(ticks "$api_pid")"; p0="$(pg_ticks)"
  out="$(BENCH_METHOD="$2" BENCH_PATH="$3" BENCH_BODY="$4" BENCH_LO="$5" BENCH_HI="$6" \
    BENCH_TOKEN="$token" bash -c 'wrk -t2 -c"$1" -d"$2"s --latency -s "$3" "$4"; times' _ \
    "$conns" "$7" "$bench/wrk.lua" "http://127.0.0.1:$api_port")"
  a1="$(ticks "$api_pid")"; p1="$(pg_ticks)"
  n="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  c1="$(tail -1 <<<"$out" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1]*60 + u[2] + s[1]*60 + s[2]) * 100 }')"
  local total; total="$(awk '/requests in/ {print $1}' <<<"$out")"
  printf '%s %s %s %s %s %s %s\n' "$(printf %.0f "$n")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" \
    "$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")" \
    "$(us_per $((a1 - a0)) "$total")" "$(us_per $((p1 - p0)) "$total")" \
    "$(awk -v c="$c1" -v n="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", c / 100 * 1e6 / n }')" \
    "$(awk '/Non-2xx/ {n += $5} /Socket errors/ {n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")"
}

run_pgbench() { # script-file defs-file secs PGOPTIONS -> "tps p50 p99 pg_us client_us failed"
  local defs=() out p0 p1 dir="$work/pgb" n
  mapfile -d '' defs <"$2"
  rm -rf "$dir"; mkdir -p "$dir"
  p0="$(pg_ticks)"
  out="$(cd "$dir" && PGPASSWORD="$auth_pw" PGOPTIONS="$4" PGSSLMODE=require \
    bash -c '"$@"; times' _ "$pgbench" -n -M prepared -c "$conns" -j 2 -T "$3" -l --log-prefix=tx \
    -h 127.0.0.1 -p "$pg_port" -U authenticator "${defs[@]}" -f "$1" bench 2>&1)"
  sleep 0.5  # the postmaster reaps the exited backends, and counts their CPU
  p1="$(pg_ticks)"
  n="$(awk '/number of transactions actually processed/ {split($NF, a, "/"); print a[1]}' <<<"$out")"
  [[ -n "$n" ]] || { echo "bench/rest: pgbench failed on $1:" >&2; echo "$out" >&2; exit 1; }
  local c1; c1="$(tail -1 <<<"$out" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1]*60 + u[2] + s[1]*60 + s[2]) * 100 }')"
  printf '%s %s %s %s %s %s\n' \
    "$(awk '/^tps = / {printf "%.0f", $3}' <<<"$out")" \
    "$(cat "$dir"/tx.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END {printf "%.2f %.2f", v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000}')" \
    "$(us_per $((p1 - p0)) "$n")" \
    "$(awk -v c="$c1" -v n="$n" 'BEGIN { printf "%.0f", c / 100 * 1e6 / n }')" \
    "$(awk '/number of failed transactions/ {print $5}' <<<"$out")"
}

echo "warming up (${#endpoints[@]} endpoints, 5 s each)..." >&2
for e in "${endpoints[@]}"; do read -r name method path body lo hi <<<"$e"; run_wrk "$name" "$method" "$path" "$body" "$lo" "$hi" 5 >/dev/null; done

results="$work/results"; : >"$results"
for r in $(seq 1 "$rounds"); do
  for e in "${endpoints[@]}"; do
    read -r name method path body lo hi <<<"$e"
    echo "round $r: $(label "$name")..." >&2
    read -r ar ap50 ap99 aapi apg acl aerr <<<"$(run_wrk "$name" "$method" "$path" "$body" "$lo" "$hi" "$secs")"
    read -r tr tp50 tp99 tpg tcl tfail <<<"$(run_pgbench "$work/$name.txn.sql" "$work/$name.defs" "$secs" "")"
    read -r br bp50 bp99 bpg bcl bfail <<<"$(run_pgbench "$work/$name.bare.sql" "$work/$name.defs" "$secs" "-c role=api_user")"
    echo "$r $name $ar $ap50 $ap99 $aapi $apg $acl ${aerr:-0} $tr $tp50 $tp99 $tpg $tcl ${tfail:-0} $br $bp50 $bp99 $bpg $bcl ${bfail:-0}" >>"$results"
  done
done

echo "Throughput and latency (c=$conns, ${secs} s per run; API: wrk -t2 -c$conns; pgbench: -M prepared -c$conns -j2):"
echo
echo "| round | endpoint | API req/s | p50 ms | p99 ms | txn TPS | p50 ms | p99 ms | bare TPS | p50 ms | p99 ms | API / txn | API / bare |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
while read -r r name ar ap50 ap99 _ _ _ _ tr tp50 tp99 _ _ _ br bp50 bp99 _ _ _; do
  echo "| $r | $(label "$name") | $ar | $ap50 | $ap99 | $tr | $tp50 | $tp99 | $br | $bp50 | $bp99 |" \
    "$(awk -v a="$ar" -v b="$tr" 'BEGIN{printf "%.2fx", a/b}') | $(awk -v a="$ar" -v b="$br" 'BEGIN{printf "%.2fx", a/b}') |"
done <"$results"
echo
echo "CPU per request or transaction, µs (user+system, from /proc; API = the JVM of tusk serve rest,"
echo "PostgreSQL = the postmaster and its backends, client = wrk or pgbench):"
echo
echo "| round | endpoint | API: JVM | API: PostgreSQL | API: wrk | txn: PostgreSQL | txn: pgbench | bare: PostgreSQL | bare: pgbench | errors (API non-2xx / txn / bare failed) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
while read -r r name _ _ _ aapi apg acl aerr _ _ _ tpg tcl tfail _ _ _ bpg bcl bfail; do
  echo "| $r | $(label "$name") | $aapi | $apg | $acl | $tpg | $tcl | $bpg | $bcl | $aerr / $tfail / $bfail |"
done <"$results"
if [[ -n "${REST_JFR:-}" ]]; then
  stop_pid "$api_pid"; api_pid=""
  echo; echo "JFR recording of the API: $REST_JFR"
fi
