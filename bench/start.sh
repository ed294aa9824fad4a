#!/usr/bin/env bash
# Warm start to readiness and RSS of the packaged portal, with the JVM's start-up aids:
# plain, a CDS archive (Java 17), Spring AOT + CDS (Java 17), and Java 25's AOT cache with
# and without Spring AOT. "Warm": the data directory exists (database initialised, demo
# seeded) and the training run has already happened.
# Usage: bench/start.sh [runs per variant=3]
# Environment: BENCH_PORT (8198), JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64), BENCH_SKIP_BUILD=1,
# BENCH_BASELINE_DIR, BENCH_ONLY (a regular expression: only the variants whose name matches)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${BENCH_PORT:-8198}
java17=$(command -v java)
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$PWD/target/bench-start
data=$work/data
mkdir -p "$work"

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores;" \
	"memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
	./mvnw -q -DskipTests package
	rm -rf "$work/plain" "$work/aot"
	java -Djarmode=tools -jar target/customer-portal-*.jar extract --destination "$work/plain" >/dev/null
	if ./mvnw -q -DskipTests -Paot package >"$work/aot-build.log" 2>&1; then
		java -Djarmode=tools -jar target/customer-portal-*.jar extract --destination "$work/aot" >/dev/null
	else
		echo "note: the Spring AOT build failed (see $work/aot-build.log): its variants are skipped"
	fi
	# Leave the ordinary jar in target/, and no generated AOT classes in target/classes for the tests.
	rm -rf target/spring-aot
	find target/classes -name '*__*.class' -delete
	./mvnw -q -DskipTests package
fi

# CPU seconds (user + system) a process has used, with its waited-for children.
cpu_of() {
	[ -r "/proc/$1/stat" ] || { echo 0; return; }
	sed 's/^.*) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f\n", ($12 + $13 + $14 + $15) / hz }'
}

# CPU seconds of the embedded PostgreSQL: the postmaster, its live processes and the ended ones.
pg_cpu() {
	local postmaster total=0 child
	postmaster=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null) || { echo 0; return; }
	total=$(cpu_of "$postmaster")
	for child in $(ps -o pid= --ppid "$postmaster"); do
		total=$(awk -v a="$total" -v b="$(cpu_of "$child")" 'BEGIN { printf "%.2f", a + b }')
	done
	echo "$total"
}

# start <java> <dir> <jvm options...>: prints "seconds-to-ready rss-mb jvm-cpu-s postgres-cpu-s"
start() {
	local java=$1 dir=$2
	shift 2
	local begin end pid
	begin=$(date +%s%N)
	PORTAL_DATA_DIR="$data" "$java" "$@" -jar "$dir"/customer-portal-*.jar --server.port="$port" \
		--logging.level.root=WARN >"$work/last.log" 2>&1 &
	pid=$!
	until curl -sf "http://127.0.0.1:${port}/actuator/health/readiness" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { echo "failed: see $work/last.log" >&2; return 1; }
		sleep 0.05
	done
	end=$(date +%s%N)
	local rss cpu pgcpu
	cpu=$(cpu_of "$pid")
	pgcpu=$(pg_cpu)
	rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	awk -v b="$begin" -v e="$end" -v r="$rss" -v c="$cpu" -v p="$pgcpu" \
		'BEGIN { printf "%.1f %d %.1f %.1f\n", (e - b) / 1e9, r, c, p }'
}

train() {
	local java=$1 dir=$2
	shift 2
	PORTAL_DATA_DIR="$data" "$java" "$@" -Dspring.context.exit=onRefresh -jar "$dir"/customer-portal-*.jar \
		--server.port="$port" --logging.level.root=WARN >"$work/train.log" 2>&1 || true
}

# The first start creates the database and seeds the demo; it is not measured.
start "$java17" "$work/plain" >/dev/null

train "$java17" "$work/plain" -XX:ArchiveClassesAtExit="$work/plain/portal.jsa"
aot=""
[ -d "$work/aot" ] && aot=1
[ -n "$aot" ] && train "$java17" "$work/aot" -Dspring.aot.enabled=true -XX:ArchiveClassesAtExit="$work/aot/portal.jsa"
if [ -x "$java25" ]; then
	train "$java25" "$work/plain" -XX:AOTCacheOutput="$work/plain/portal.aot"
	[ -n "$aot" ] && train "$java25" "$work/aot" -Dspring.aot.enabled=true -XX:AOTCacheOutput="$work/aot/portal.aot"
fi

# A training run ends the JVM at refresh, leaving the embedded PostgreSQL running: one clean
# start and stop, not measured, so that no measured start pays for ending it and recovering.
start "$java17" "$work/plain" >/dev/null

variants=(
	"java 17, plain|$java17|$work/plain|"
	"java 17, CDS archive|$java17|$work/plain|-XX:SharedArchiveFile=$work/plain/portal.jsa"
)
[ -n "$aot" ] && variants+=("java 17, Spring AOT + CDS|$java17|$work/aot|-Dspring.aot.enabled=true -XX:SharedArchiveFile=$work/aot/portal.jsa")
# BENCH_BASELINE_DIR, BENCH_ONLY (a regular expression: only the variants whose name matches): an extracted jar of another build, e.g. before a change, measured alongside.
[ -n "${BENCH_BASELINE_DIR:-}" ] && variants+=("java 17, plain, baseline build|$java17|$BENCH_BASELINE_DIR|")
if [ -x "$java25" ]; then
	variants+=(
		"java 25, plain|$java25|$work/plain|"
		"java 25, AOT cache|$java25|$work/plain|-XX:AOTCache=$work/plain/portal.aot"
	)
	[ -n "$aot" ] && variants+=("java 25, Spring AOT + AOT cache|$java25|$work/aot|-Dspring.aot.enabled=true -XX:AOTCache=$work/aot/portal.aot")
fi

echo "per run: seconds to readiness / CPU seconds to readiness, JVM + PostgreSQL / RSS MB at readiness"
printf '%-34s %s\n' variant "$runs runs, variants alternating; then medians"
declare -A results walls cpus
for ((i = 1; i <= runs; i++)); do
	for variant in "${variants[@]}"; do
		IFS='|' read -r name java dir opts <<<"$variant"
		[[ -z "${BENCH_ONLY:-}" || $name =~ $BENCH_ONLY ]] || continue
		# shellcheck disable=SC2086
		read -r secs rss cpu pgcpu <<<"$(start "$java" "$dir" $opts)"
		results[$name]+="${secs}s/${cpu}+${pgcpu}/${rss}MB  "
		walls[$name]+="$secs "
		cpus[$name]+="$(awk -v a="$cpu" -v b="$pgcpu" 'BEGIN { print a + b }') "
	done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for variant in "${variants[@]}"; do
	name=${variant%%|*}
	[ -n "${results[$name]:-}" ] || continue
	printf '%-34s %s| median %ss, CPU %ss\n' "$name" "${results[$name]}" \
		"$(median <<<"${walls[$name]}")" "$(median <<<"${cpus[$name]}")"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
