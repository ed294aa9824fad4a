#!/usr/bin/env bash
# The database stopped under load: PostgreSQL is shut down (fast) for a while and started
# again, while wrk keeps calling the token API and the services page. Shows, second by
# second: the health status, how a probe request ends and how long it takes, the portal's
# thread count; then whether the portal recovered by itself.
# Usage: bench/db-outage.sh [outage seconds=20] [load seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
outage=${1:-20}
load=${2:-60}
work=target/bench-outage
# shellcheck source=bench/lib.sh
source bench/lib.sh
trap stop_portal EXIT
machine
build_portal
data=$work/data
rm -rf "$data" "$work"/*.log
start_portal "$data" "$work/portal.log"
sign_in_users "$data" >"$work/users"
cookies="" tokens=""
while read -r _ cookie token; do
	cookies+="Cookie: $cookie|"
	[ -n "$token" ] && tokens+="Authorization: Bearer $token|"
done <"$work/users"
probe_token=${tokens%%|*}

BENCH_HEADERS="$tokens" wrk -t1 -c5 -d"${load}s" --latency -s bench/lua/rotate.lua \
	"http://127.0.0.1:${port}/api/v1/me" >"$work/wrk-api.txt" 2>&1 &
wrk_api=$!
BENCH_HEADERS="$cookies" wrk -t1 -c5 -d"${load}s" --latency -s bench/lua/rotate.lua \
	"http://127.0.0.1:${port}/app/services" >"$work/wrk-pages.txt" 2>&1 &
wrk_pages=$!

postmaster=$(postmaster_of "$data")
cmdline=()
while IFS= read -r -d '' arg; do cmdline+=("$arg"); done <"/proc/$postmaster/cmdline"
stop_at=10
start_at=$((stop_at + outage))
printf '%4s %-11s %-8s %-14s %s\n' s db health 'probe (status s)' threads
for ((t = 0; t < load + 15; t++)); do
	if [ "$t" -eq "$stop_at" ]; then
		kill -INT "$postmaster"
		while kill -0 "$postmaster" 2>/dev/null; do sleep 0.1; done
		db=stopped
	elif [ "$t" -eq "$start_at" ]; then
		# Started as the portal started it: in a user namespace of its own.
		setsid unshare -U "${cmdline[@]}" >>"$work/postgres.log" 2>&1 </dev/null &
		db=started
	elif [ "$t" -lt "$stop_at" ]; then
		db=up
	elif [ "$t" -lt "$start_at" ]; then
		db=down
	else
		db=up
	fi
	health=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:${port}/actuator/health" || true)
	probe=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -H "$probe_token" "http://127.0.0.1:${port}/api/v1/me" || true)
	threads=$(awk '/Threads/ {print $2}' "/proc/$portal_pid/status")
	printf '%4d %-11s %-8s %-14s %s\n' "$t" "$db" "$health" "$probe" "$threads"
	sleep 1
done | tee "$work/timeline.txt"
wait "$wrk_api" "$wrk_pages" || true
echo
echo "wrk /api/v1/me (token):"; grep -E "Requests/sec|Non-2xx|Socket errors|    99%" "$work/wrk-api.txt" || true
echo "wrk /app/services:"; grep -E "Requests/sec|Non-2xx|Socket errors|    99%" "$work/wrk-pages.txt" || true
echo
awk '$2 == "down" || $2 == "stopped" { n++; if ($3 == "503") h++; if ($4 == "503") p++; if ($5 > max) max = $5 }
	$2 == "up" && seen { if ($3 == "200" && $4 == "200" && !rec) rec = $1 }
	$2 == "started" { seen = 1; started = $1 }
	END { printf "during the outage: health 503 in %d of %d s, probe 503 in %d of %d s, slowest probe %.2f s\n", h, n, p, n, max
		if (rec) printf "recovered by itself %d s after PostgreSQL was started again\n", rec - started
		else print "NOT recovered" }' "$work/timeline.txt"
grep -c "ERROR" "$work/portal.log" | xargs echo "ERROR lines in the portal log:"
