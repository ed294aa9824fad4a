#!/usr/bin/env bash
# Usage ingestion, queries, dashboard and purge, each next to a same-run baseline.
# Usage: bench/usage.sh [instances=1000] [days=90]      (1000 x 90 = 51.8 M samples, 2 metrics)
# Reduced size on a busy machine: bench/usage.sh 100 14
# Ingestion only: BENCH_JAVA_OPTS="-Xmx1g -Dbench.only=ingestion" (add -Dbench.format=ndjson for NDJSON bodies)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -q -DskipTests test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
out=target/bench-classes
mkdir -p "$out"
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
javac -nowarn -d "$out" -cp "$cp" $(find bench/java -name '*.java')
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$out:$cp" portal.usage.UsageBenchmark "$@"
