#!/usr/bin/env bash
# What one signed-in request costs in the database, page by page: the statements it runs,
# calls per request, time per call, rows and WAL per call, and commits per request, from
# PostgreSQL's pg_stat_statements and pg_stat_database.
# Usage: bench/statements.sh [seconds per page=10] [connections=4]
# Environment:
#   BENCH_PORT (8196)        the portal's port during the run
#   BENCH_DATA               a data directory to reuse (demo seeded, usage history loaded);
#                            default: a fresh one under target/, seeded and loaded first (minutes)
#   BENCH_PAGES              the paths to measure, space-separated
#   BENCH_MIN_CALLS (0.05)   statements run fewer times per request than this are left out
#                            (background jobs, another user's first request)
#   BENCH_JAVA_OPTS          JVM options of the portal
# The embedded server gets pg_stat_statements preloaded (ALTER SYSTEM, in the data directory's
# postgresql.auto.conf) and is restarted once for it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-4}
export BENCH_PORT=${BENCH_PORT:-8196}
work=target/bench-statements
pages=${BENCH_PAGES:-"/app /app/services /app/users /app/notices /api/v1/me /api/v1/service-instances"}
min_calls=${BENCH_MIN_CALLS:-0.05}
# shellcheck source=lib.sh
source bench/lib.sh
trap stop_portal EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }

machine
./mvnw -o -q -DskipTests compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-pages.classpath -Dmdep.includeScope=runtime
cp="target/classes:$(cat target/bench-pages.classpath)"
data=${BENCH_DATA:-$work/data}
log=$work/portal.log
: >"$log"

if [ ! -s "$data/demo-accounts.json" ]; then
	echo "fresh data directory $data: seeding the demo and loading its usage history"
	rm -rf "$data"
	mkdir -p "$data"
	start_portal "$data" "$log" --logging.level.portal.usage.UsageDemo=INFO
	until grep -q "Demo usage generated\|Demo usage could not be generated" "$log"; do sleep 2; done
	stop_portal
fi

sql() {
	PGPASSWORD="$(superuser_password "$data")" psql -X -q -At -h localhost -p "$pg_port" -U postgres -d portal "$@"
}

start_portal "$data" "$log" --portal.api.requests-per-minute=100000000
pg_port=$(pg_port_of "$log")
if [ "$(sql -c 'SHOW shared_preload_libraries')" != pg_stat_statements ]; then
	sql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
	stop_portal
	start_portal "$data" "$log" --portal.api.requests-per-minute=100000000
	pg_port=$(pg_port_of "$log")
fi
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
sql -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null

users=$(sign_in_users "$data")
echo "signed in: $(wc -l <<<"$users") users"

# The credentials that may open a path: pages with each user's session, the API with tokens.
headers_for() {
	local path=$1 kept="" header
	while read -r _ cookie token; do
		if [[ $path == /api/* ]]; then header="Authorization: Bearer $token"; else header="Cookie: $cookie"; fi
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "http://127.0.0.1:${port}${path}")" = 200 ] &&
			kept+="$header|"
	done <<<"$users"
	printf '%s' "$kept"
}

for path in $pages; do
	headers=$(headers_for "$path")
	echo
	if [ -z "$headers" ]; then
		echo "== $path: answers nobody with 200, not measured"
		continue
	fi
	# Warm up, then measure from zeroed counters.
	BENCH_HEADERS="$headers" wrk -t1 -c"$connections" -d3s -s bench/lua/rotate.lua "http://127.0.0.1:${port}${path}" >/dev/null
	sql -c "SELECT pg_stat_statements_reset()" >/dev/null
	before=$(sql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'portal'")
	out=$(BENCH_HEADERS="$headers" wrk -t1 -c"$connections" -d"${seconds}s" -s bench/lua/rotate.lua \
		"http://127.0.0.1:${port}${path}")
	requests=$(awk '/requests in/ {print $1}' <<<"$out")
	non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
	sleep 0.6 # statistics reach the shared counters at the end of each statement
	after=$(sql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'portal'")
	echo "== $path: $requests requests in ${seconds} s (${non2xx:-0} non-2xx), $(awk -v a="$before" -v b="$after" -v r="$requests" 'BEGIN { printf "%.2f", (b - a) / r }') commits per request"
	sql -F $'\t' -c "
		SELECT round(s.calls::numeric / $requests, 2), round((s.total_exec_time / s.calls)::numeric, 3),
			round((s.total_plan_time / s.calls)::numeric, 3),
			round(s.rows::numeric / s.calls, 1), round(s.wal_bytes / s.calls, 0),
			regexp_replace(left(s.query, 110), '\s+', ' ', 'g')
		FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
		WHERE r.rolname <> 'postgres' AND s.calls::numeric / $requests >= $min_calls
		ORDER BY s.calls DESC, s.total_exec_time DESC" |
		awk -F'\t' 'BEGIN { printf "%8s %9s %9s %7s %7s  %s\n", "calls/rq", "ms/call", "plan ms", "rows", "WAL B", "statement" }
			{ printf "%8s %9s %9s %7s %7s  %s\n", $1, $2, $3, $4, $5, $6; calls += $1; ms += $1 * $2; plan += $1 * $3; wal += $1 * $5 }
			END { printf "%8.2f %9.3f %9.3f %7s %7.0f  (per request: statements, ms executing, ms planning, WAL bytes)\n", calls, ms, plan, "", wal }'
done
