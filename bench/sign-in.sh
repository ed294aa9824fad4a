#!/usr/bin/env bash
# Sign-in throughput against the running portal vs the raw Argon2id rate, same run, same machine.
# Usage: bench/sign-in.sh [seconds=20] [clients=2*cores] [accounts=3000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
out=target/bench-classes
mkdir -p "$out"
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
javac -nowarn -d "$out" -cp "$cp" $(find bench/java -name '*.java')
java ${BENCH_JAVA_OPTS:-} -cp "$out:$cp" portal.identity.SignInBenchmark "$@"
