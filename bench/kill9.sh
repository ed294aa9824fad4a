#!/usr/bin/env bash
# kill -9 of the portal's JVM under write load: relevant-service systems report new service
# instances (idempotent PUTs, each written with its audit entry in one transaction) from
# several clients; the JVM is killed mid-stream, the portal is started again on the same
# data directory (it stops the orphaned database server and recovers), and every report
# that was acknowledged must be there, none stored or audited twice.
# Usage: bench/kill9.sh [seconds of load before the kill=15] [clients=4]
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-15}
clients=${2:-4}
work=target/bench-kill9
# shellcheck source=bench/lib.sh
source bench/lib.sh
trap 'stop_portal; kill $(jobs -p) 2>/dev/null || true' EXIT
machine
build_portal
data=$work/data
rm -rf "$data" "$work"/*.log "$work"/acked-*
start_portal "$data" "$work/portal.log"
key=$(sed -n '/"ntt-singapore-feed"/,/apiKey/s/.*"apiKey" *: *"\([^"]*\)".*/\1/p' "$data/demo-accounts.json" | head -1)
[ -n "$key" ] || { echo "no system key in the demo accounts" >&2; exit 1; }
run=K$(date +%s)

writer() {
	local client=$1 i=0
	while :; do
		i=$((i + 1))
		local id="$run-$client-$i"
		local status
		status=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -X PUT \
			"http://127.0.0.1:${port}/api/v1/system/service-instances/$id" \
			-H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
			-d "{\"contractNo\": \"SG-UNO-2020-0388\", \"kind\": \"circuit\", \"label\": \"Load $id\",
			     \"attributes\": {\"circuitId\": \"SG-$client-$i\", \"siteName\": \"Site $i\", \"country\": \"SG\",
			                      \"accessType\": \"broadband\", \"bandwidthMbps\": 100}, \"state\": \"designed\"}" || true)
		case "$status" in
			200 | 201) echo "$id" >>"$work/acked-$client" ;;
			000) return 0 ;;
			*) echo "$status" >>"$work/refused-$client" ;;
		esac
	done
}
for ((c = 1; c <= clients; c++)); do writer "$c" & done
sleep "$before"
echo "kill -9 of the portal (pid $portal_pid) after ${before} s of writes"
kill -9 "$portal_pid"
wait "$portal_pid" 2>/dev/null || true
portal_pid=""
wait $(jobs -p) 2>/dev/null || true
cat "$work"/acked-* >"$work/acked" 2>/dev/null || true
echo "acknowledged writes: $(wc -l <"$work/acked"); refused: $(cat "$work"/refused-* 2>/dev/null | sort | uniq -c | tr '\n' ' ')"
start_portal "$data" "$work/portal.log"
pg_port=$(pg_port_of "$work/portal.log")
PGPASSWORD="$(superuser_password "$data")" java -cp "$cp" bench/java/portal/bench/PagesSetup.java check-writes "$pg_port" "$work/acked" "$run" 2>/dev/null | tail -1
curl -s -o /dev/null -w 'after restart: health %{http_code}\n' "http://127.0.0.1:${port}/actuator/health"
