# Shared by the fault and soak scripts: build once, start the portal on its own port and
# data directory, wait for readiness, sign in the demo users. Source it; it sets `cp`.
# shellcheck shell=bash
work=${work:-target/bench-faults}
port=${BENCH_PORT:-8197}
mkdir -p "$work"
portal_pid=""

build_portal() {
	./mvnw -q -DskipTests compile
	./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-pages.classpath -Dmdep.includeScope=runtime
	cp="target/classes:$(cat target/bench-pages.classpath)"
}

# start_portal <data dir> <log> [options…]: starts (or restarts) the portal and waits until ready
start_portal() {
	local data=$1 log=$2
	shift 2
	# shellcheck disable=SC2086
	PORTAL_DATA_DIR="$data" java ${BENCH_JAVA_OPTS:-} -cp "$cp" portal.PortalApplication --server.port="$port" \
		--logging.level.root=WARN --logging.level.portal.platform.database=INFO \
		--portal.identity.sign-ins-per-address-per-minute=100000 "$@" >>"$log" 2>&1 &
	portal_pid=$!
	local started=$SECONDS
	until curl -sf "http://127.0.0.1:${port}/actuator/health/readiness" >/dev/null 2>&1; do
		kill -0 "$portal_pid" 2>/dev/null || { echo "portal failed to start: see $log" >&2; return 1; }
		[ $((SECONDS - started)) -lt 600 ] || { echo "portal not ready after 600 s" >&2; return 1; }
		sleep 0.5
	done
	echo "portal ready after $((SECONDS - started)) s (pid $portal_pid)"
}

stop_portal() {
	if [ -n "$portal_pid" ] && kill -0 "$portal_pid" 2>/dev/null; then
		kill "$portal_pid"
		wait "$portal_pid" 2>/dev/null || true
	fi
	portal_pid=""
}

pg_port_of() {
	grep -o 'Embedded PostgreSQL ready on port [0-9]*' "$1" | tail -1 | grep -o '[0-9]*$'
}

# The embedded postmaster serving a data directory.
postmaster_of() {
	head -1 "$1/postgres/postmaster.pid" 2>/dev/null || true
}

sign_in_users() {
	java -cp "$cp" bench/java/portal/bench/PagesSetup.java signin "$port" "$1/demo-accounts.json" 2>/dev/null |
		grep -E '^[a-z-]+ PORTAL_SESSION='
}

machine() {
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores;" \
		"memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); $(java -version 2>&1 | head -1)"
	echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The embedded server's superuser password, kept in the data directory (it takes passwords only).
superuser_password() {
	sed -n 's/^superuser=//p' "$1/database-passwords.properties"
}
