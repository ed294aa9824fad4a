#!/usr/bin/env bash
# Throughput and latency of the signed-in pages and the token API against the bare liveness
# endpoint and the public Portal Page, same run, same machine, on a fresh demo database.
# Usage: bench/pages.sh [seconds per measurement=10] [connections="10 50"] [users thinking=50]
# Connections send their next request as soon as the last is answered (the load a machine can
# take); "users thinking" are as many connections that each wait about BENCH_THINK_MS (1000)
# between requests, as people clicking through pages do, and measure latency at that load.
# The abuse limits on sign-ins per address and API requests per token are raised for the run:
# a handful of users and tokens send thousands of requests a second, which is what the limits
# are there to refuse. The budget is still checked on every API request.
# Environment:
#   BENCH_PORT (8199)            the portal's port during the run
#   BENCH_VARIANTS ("current=")  space-separated name=options; each variant starts its own portal
#                                (fresh database) with those extra options, comma-separated, e.g.
#                                "before=--portal.session.touch-interval=0s,--server.compression.enabled=false after="
#   BENCH_JAVA_OPTS              JVM options of the portal (e.g. -XX:StartFlightRecording=…)
#   BENCH_ACCEPT_ENCODING (gzip) what the load generator says it accepts, as a browser would
#   BENCH_OPTIONAL               extra signed-in pages to probe, space-separated paths
#   BENCH_PROFILE (0)            1: after the measurements, each request again at 10 connections
#                                under a JFR recording, printing the portal's CPU per request and
#                                where the request threads' samples fall (ProfileShares.java)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-"10 50"}
users=${3:-50}
think=${BENCH_THINK_MS:-1000}
port=${BENCH_PORT:-8199}
variants=${BENCH_VARIANTS:-"current="}
export BENCH_ACCEPT_ENCODING=${BENCH_ACCEPT_ENCODING:-gzip}
optional=${BENCH_OPTIONAL:-"/app/notices /app/usage /app/orders"}
work=target/bench-pages
mkdir -p "$work"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "jdk: $(java -version 2>&1 | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk: 2 threads, ${seconds} s per measurement, connections: ${connections}, Accept-Encoding: ${BENCH_ACCEPT_ENCODING}"

./mvnw -q -DskipTests compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-pages.classpath -Dmdep.includeScope=runtime
cp="target/classes:$(cat target/bench-pages.classpath)"

portal_pid=""
stop_portal() {
	if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
		kill "$portal_pid"
		wait "$portal_pid" 2>/dev/null || true
	fi
	portal_pid=""
}
trap stop_portal EXIT

# wrk one target: prints "req/s p50ms p99ms errors"
measure() {
	local path=$1 conns=$2 headers=$3
	local out
	out=$(BENCH_HEADERS="$headers" wrk -t2 -c"$conns" -d"${seconds}s" --latency -s bench/lua/rotate.lua \
		"http://127.0.0.1:${port}${path}" 2>&1)
	awk -v out="$out" 'function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000;
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0;
			if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000;
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000;
			return v }
		BEGIN { n = split(out, lines, "\n"); errors = 0
			for (i = 1; i <= n; i++) { split(lines[i], f, " ")
				if (f[1] == "50%") p50 = ms(f[2]); if (f[1] == "99%") p99 = ms(f[2])
				if (lines[i] ~ /Requests\/sec/) rps = f[2]
				if (lines[i] ~ /Non-2xx/) errors += f[5]
				if (lines[i] ~ /Socket errors/) { gsub(/,/, "", lines[i]); split(lines[i], s, " ")
					errors += s[4] + s[6] + s[8] + s[10] } }
			printf "%s %s %s %d\n", rps, p50, p99, errors }'
}

probe() {
	curl -s -o /dev/null -w '%{http_code}' -H "$2" "http://127.0.0.1:${port}$1"
}

# Of the given "Cookie: …|" headers, those for which the path answers 200: a page is measured
# only with the people who may open it (another customer's instance answers 404, and a role
# without the page 403), so that refusals are not timed as if they were the page.
allowed() {
	local path=$1 headers=$2 kept="" header
	IFS='|' read -ra list <<<"$headers"
	for header in "${list[@]}"; do
		[ -n "$header" ] && [ "$(probe "$path" "$header")" = 200 ] && kept+="$header|"
	done
	printf '%s' "$kept"
}

# The embedded server's superuser password, kept in the data directory (it takes passwords only).
superuser_password() {
	sed -n 's/^superuser=//p' "$1/database-passwords.properties"
}

# CPU seconds (user + system) the process has used so far.
cpu_seconds() {
	awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"
}

# For each target: the portal's CPU per request while only it is requested, and where the
# request threads' samples fall, from one JFR recording kept running through all targets (so
# that starting a recording is not in any target's figures; its steady cost, a few per cent,
# is in all of them).
profile_targets() {
	echo
	echo "-- where the time goes: each request alone at 10 connections for ${seconds} s, under one JFR recording (profile settings)"
	jcmd "$portal_pid" JFR.start name=pages settings=profile >/dev/null
	local target label path before after rps begin
	measure /actuator/health/liveness 10 "" >/dev/null
	for target in "$@"; do
		IFS='|' read -r label path _ <<<"$target"
		local jfr
		jfr="$(realpath -m "$work/profile-$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-').jfr")"
		begin=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
		before=$(cpu_seconds "$portal_pid")
		read -r rps _ _ _ <<<"$(measure "$path" 10 "${target#*|*|}")"
		after=$(cpu_seconds "$portal_pid")
		jcmd "$portal_pid" JFR.dump name=pages begin="$begin" filename="$jfr" >/dev/null
		printf '%s: %s req/s, portal JVM CPU %s ms per request\n' "$label" "$rps" \
			"$(awk -v a="$before" -v b="$after" -v r="$rps" -v s="$seconds" 'BEGIN { printf "%.2f", 1000 * (b - a) / (r * s) }')"
		java bench/java/portal/bench/ProfileShares.java "$jfr" | head -20
	done
	jcmd "$portal_pid" JFR.stop name=pages >/dev/null
}

run_variant() {
	local name=$1 options=$2
	local data="$work/data-$name"
	rm -rf "$data"
	mkdir -p "$data"
	echo
	echo "== variant '$name' (${options:-no extra options})"
	# shellcheck disable=SC2086
	local deep=""
	[ "${BENCH_PROFILE:-0}" = 1 ] && deep="-XX:FlightRecorderOptions=stackdepth=256"
	PORTAL_DATA_DIR="$data" java ${BENCH_JAVA_OPTS:-} $deep -cp "$cp" portal.PortalApplication --server.port="$port" \
		--logging.level.root=WARN --logging.level.portal.platform.database=INFO --logging.level.portal.usage.UsageDemo=INFO \
		--portal.identity.sign-ins-per-address-per-minute=100000 --portal.api.requests-per-minute=100000000 \
		${options//,/ } >"$work/portal-$name.log" 2>&1 &
	portal_pid=$!
	local started=$SECONDS
	until curl -sf "http://127.0.0.1:${port}/actuator/health/readiness" >/dev/null 2>&1; do
		kill -0 "$portal_pid" 2>/dev/null || { echo "portal failed to start: see $work/portal-$name.log" >&2; exit 1; }
		[ $((SECONDS - started)) -lt 300 ] || { echo "portal not ready after 300 s" >&2; exit 1; }
		sleep 1
	done
	echo "ready after $((SECONDS - started)) s (cold start, fresh database with the demo)"
	# The demo's 90 days of usage are generated in the background after readiness; measuring
	# while they load would time the pages against the ingestion's use of the same two cores.
	until grep -q "Demo usage generated\|Demo usage could not be generated" "$work/portal-$name.log"; do
		[ $((SECONDS - started)) -lt 900 ] || { echo "demo usage still loading after 900 s" >&2; exit 1; }
		sleep 2
	done
	echo "demo usage loaded after $((SECONDS - started)) s"
	[ -s "$data/demo-accounts.json" ] || { echo "no demo accounts" >&2; exit 1; }
	local pg_port
	pg_port=$(grep -o 'Embedded PostgreSQL ready on port [0-9]*' "$work/portal-$name.log" | grep -o '[0-9]*$' | head -1)

	java -cp "$cp" bench/java/portal/bench/PagesSetup.java signin "$port" "$data/demo-accounts.json" 2>"$work/signin-$name.log" |
		grep -E '^[a-z-]+ PORTAL_SESSION=' >"$work/users-$name"
	local all_cookies="" admin_cookies="" tokens=""
	while read -r role cookie token; do
		all_cookies+="Cookie: $cookie|"
		[ "$role" = administrator ] && admin_cookies+="Cookie: $cookie|"
		[ -n "$token" ] && tokens+="Authorization: Bearer $token|"
	done <"$work/users-$name"
	echo "signed in: $(wc -l <"$work/users-$name") users ($(grep -c '^administrator' "$work/users-$name") administrators)"

	local instance
	instance=$(curl -s -H "${tokens%%|*}" "http://127.0.0.1:${port}/api/v1/service-instances?size=1" |
		grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 || true)

	# target lines: label|path|headers
	local targets=()
	targets+=("liveness (bare)|/actuator/health/liveness|")
	targets+=("/ public page|/|")
	targets+=("/app/services|/app/services|$all_cookies")
	targets+=("/app/users|/app/users|$admin_cookies")
	for path in $optional; do
		local may
		may=$(allowed "$path" "$all_cookies")
		if [ -n "$may" ]; then
			targets+=("$path|$path|$may")
		else
			echo "note: $path answers nobody signed in with 200: not measured"
		fi
	done
	if [ -n "$instance" ]; then
		local chart="/app/usage/instances/$instance" may
		may=$(allowed "$chart" "$all_cookies")
		if [ -n "$may" ]; then
			targets+=("instance chart|$chart|$may")
		else
			echo "note: no instance usage chart at $chart: not measured"
		fi
	fi
	targets+=("/api/v1/me (token)|/api/v1/me|$tokens")
	targets+=("/api/v1/service-instances (token)|/api/v1/service-instances|$tokens")

	# Warm up: every target for a few seconds, not counted.
	local saved=$seconds
	seconds=3
	for target in "${targets[@]}"; do
		IFS='|' read -r _ path _ <<<"$target"
		measure "$path" 10 "${target#*|*|}" >/dev/null
	done
	seconds=$saved

	for conns in $connections; do
		echo
		echo "-- $conns connections, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
		printf '%-36s %9s %9s %9s %8s %9s\n' request 'req/s' 'p50 ms' 'p99 ms' errors 'ratio'
		local live="" public=""
		for target in "${targets[@]}"; do
			IFS='|' read -r label path _ <<<"$target"
			local result rps p50 p99 errors ratio
			result=$(measure "$path" "$conns" "${target#*|*|}")
			read -r rps p50 p99 errors <<<"$result"
			case "$label" in
				liveness*) live=$rps; ratio="1.00 L" ;;
				/\ public*) public=$rps; ratio="1.00 P" ;;
				*token*) ratio=$(awk -v a="$rps" -v b="$live" 'BEGIN { printf "%.2f L", a / b }') ;;
				*) ratio=$(awk -v a="$rps" -v b="$public" 'BEGIN { printf "%.2f P", a / b }') ;;
			esac
			printf '%-36s %9s %9s %9s %8s %9s\n' "$label" "$rps" "$p50" "$p99" "$errors" "$ratio"
		done
	done
	echo "(ratio L: to the liveness endpoint; P: to the public page)"
	if [ "$users" -gt 0 ]; then
		echo
		echo "-- $users users, each waiting ${think} ms (0.5-1.5x) between requests, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
		printf '%-36s %9s %9s %9s %8s\n' request 'req/s' 'p50 ms' 'p99 ms' errors
		for target in "${targets[@]}"; do
			IFS='|' read -r label path _ <<<"$target"
			local rps p50 p99 errors
			read -r rps p50 p99 errors <<<"$(BENCH_THINK_MS=$think measure "$path" "$users" "${target#*|*|}")"
			printf '%-36s %9s %9s %9s %8s\n' "$label" "$rps" "$p50" "$p99" "$errors"
		done
	fi
	if [ "${BENCH_PROFILE:-0}" = 1 ]; then
		profile_targets "${targets[@]}"
	fi
	read -r sessions bytes attrs <<<"$(PGPASSWORD="$(superuser_password "$data")" java -cp "$cp" bench/java/portal/bench/PagesSetup.java session-bytes "$pg_port" 2>/dev/null | tail -1)"
	echo "session state: $sessions signed-in sessions, mean $bytes bytes each in the database (at most $attrs attributes)"
	echo "portal RSS after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$portal_pid/status")"
	stop_portal
}

for variant in $variants; do
	run_variant "${variant%%=*}" "${variant#*=}"
done
