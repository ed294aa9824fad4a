#!/usr/bin/env bash
# Soak: the page benchmark's mix, plus sign-ins and writes, for a while. Every minute: the live
# heap after a full GC (the class histogram's total), pool connections active and 5xx responses
# so far (from the portal's own metrics). At the end, at rest: the pool's active connections.
# Goals: 0 responses 5xx; heap after full GC flat (within 10 % from minute 5 to the end);
# active connections back to 0 at rest.
# Usage: bench/soak.sh [minutes=5] [connections per target=4]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
conns=${2:-4}
work=target/bench-soak
# shellcheck source=bench/lib.sh
source bench/lib.sh
trap 'stop_portal; kill $(jobs -p) 2>/dev/null || true' EXIT
machine
build_portal
data=$work/data
rm -rf "$data" "$work"/*.log "$work"/wrk-*
# The per-token API budget is raised as in pages.sh: the soak looks for 5xx and leaks, and a
# handful of tokens at full speed would otherwise be answered 429 by design.
start_portal "$data" "$work/portal.log" --portal.api.requests-per-minute=100000000
sign_in_users "$data" >"$work/users"
cookies="" admins="" tokens=""
while read -r role cookie token; do
	cookies+="Cookie: $cookie|"
	[ "$role" = administrator ] && admins+="Cookie: $cookie|"
	[ -n "$token" ] && tokens+="Authorization: Bearer $token|"
done <"$work/users"
key=$(sed -n '/"ntt-singapore-feed"/,/apiKey/s/.*"apiKey" *: *"\([^"]*\)".*/\1/p' "$data/demo-accounts.json" | head -1)
seconds=$((minutes * 60))

metric5xx() {
	curl -s "http://127.0.0.1:${port}/actuator/prometheus" |
		awk 'index($0, "http_server_requests_seconds_count") == 1 && $0 ~ /status="5/ { s += $NF } END { printf "%.0f", s }'
}

metric() {
	curl -s "http://127.0.0.1:${port}/actuator/prometheus" | awk -v m="$1" -v f="$2" \
		'index($0, m) == 1 && $0 ~ f { s += $NF } END { printf "%.0f", s }'
}
# The readiness polls before start answer 503 by design: count only what comes after.
before=$(metric5xx)

load() {
	local name=$1 path=$2 headers=$3
	BENCH_HEADERS="$headers" wrk -t1 -c"$conns" -d"${seconds}s" --latency -s bench/lua/rotate.lua \
		"http://127.0.0.1:${port}${path}" >"$work/wrk-$name.txt" 2>&1
}
pids=()
load public / "" &
pids+=($!)
load services /app/services "$cookies" &
pids+=($!)
load users /app/users "$admins" &
pids+=($!)
load me /api/v1/me "$tokens" &
pids+=($!)
load instances /api/v1/service-instances "$tokens" &
pids+=($!)
# Sign-ins: every demo user again every 35 s (a one-time code works once per 30 s step).
( end=$((SECONDS + seconds)); while [ $SECONDS -lt $end ]; do sign_in_users "$data" >>"$work/signins"; sleep 35; done ) &
pids+=($!)
# Writes: a relevant-service system reports instances, one every 200 ms.
( end=$((SECONDS + seconds)); i=0; while [ $SECONDS -lt $end ]; do i=$((i + 1))
	curl -s -o /dev/null -w '%{http_code}\n' -X PUT "http://127.0.0.1:${port}/api/v1/system/service-instances/SOAK-$i" \
		-H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
		-d "{\"contractNo\": \"SG-UNO-2020-0388\", \"kind\": \"circuit\", \"label\": \"Soak $i\",
		     \"attributes\": {\"circuitId\": \"SG-S$i\", \"siteName\": \"Site $i\", \"country\": \"SG\",
		                      \"accessType\": \"broadband\", \"bandwidthMbps\": 100}, \"state\": \"designed\"}" >>"$work/writes"
	sleep 0.2; done ) &
pids+=($!)

printf '%6s %14s %10s %8s %s\n' minute 'live heap MB' 'active db' '5xx' 'load average'
for ((m = 1; m <= minutes; m++)); do
	sleep 60
	# What a full GC leaves: the class histogram collects first and sums the live objects. (The
	# old generation's size after the last collection is no measure: under load a young
	# collection follows within the second and promotes what has not died yet.)
	# A sign-in hashing meanwhile holds Argon2id's 19 MiB of blocks, live but not leaked: the lower
	# of two readings three seconds apart (a leak raises both).
	heap=$( (jcmd "$portal_pid" GC.class_histogram; sleep 3; jcmd "$portal_pid" GC.class_histogram) 2>/dev/null |
		awk '$1 == "Total" && (min == "" || $3 < min) { min = $3 } END { print min }')
	printf '%6d %14.1f %10s %8s %s\n' "$m" "$(awk -v h="$heap" 'BEGIN { print h / 1048576 }')" \
		"$(metric hikaricp_connections_active 'pool="portal"')" \
		"$(($(metric5xx) - before))" "$(cut -d' ' -f1-3 /proc/loadavg)"
done | tee "$work/minutes.txt"
# Only the load: the portal is a job of this shell too, and keeps running.
wait "${pids[@]}" 2>/dev/null || true
sleep 5
echo
for f in "$work"/wrk-*.txt; do
	printf '%-12s %s req/s, p99 %s, %s\n' "$(basename "$f" .txt | cut -d- -f2)" "$(awk '/Requests\/sec/ {print $2}' "$f")" \
		"$(awk '$1 == "99%" {print $2}' "$f")" "$(grep -E 'Non-2xx|Socket' "$f" | tr -s ' ' | tr '\n' ' ')"
done
echo "sign-ins: $(wc -l <"$work/signins") completed; writes: $(sort "$work/writes" | uniq -c | tr '\n' ' ')"
echo "at rest: active db connections $(metric hikaricp_connections_active 'pool="portal"'), 5xx in all $(($(metric5xx) - before))"
awk 'NR == 1 { next } { heap[$1] = $2 } END { first = (5 in heap) ? 5 : 1; last = NR - 1
	printf "live heap after full GC: minute %d %.1f MB, minute %d %.1f MB (%+.1f %%)\n", first, heap[first], last, heap[last],
		100 * (heap[last] - heap[first]) / heap[first] }' "$work/minutes.txt"
