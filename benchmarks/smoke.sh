#!/usr/bin/env bash
# CI smoke run of the JMH benchmarks: runs every benchmark once, briefly, so that none can rot
# (a setup check that fails, an API change, an exception in a benchmark method). It judges no
# numbers: on shared two-core machines they mean nothing at these settings.
#
# Usage: benchmarks/smoke.sh        (from anywhere; builds benchmarks/target/benchmarks.jar if missing)
# Exit status: non-zero if the build or any benchmark fails (-foe true).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=benchmarks/target/benchmarks.jar
if [[ ! -f "$jar" ]]; then
  mvn -B -q -DskipTests package -pl benchmarks -am
fi

# Everything measured for a time: one fork, no warm-up, one 100 ms iteration, smallest sizes.
java -jar "$jar" -foe true -f 1 -wi 0 -i 1 -r 100ms -w 100ms \
  -p digits=300 \
  -e 'MessageBenchmark\.encode$' -e 'SimulationBenchmark' \
  '.*'

# encode runs in fixed batches (single-shot mode): one batch of ten messages per ledger and pad book.
java -jar "$jar" -foe true -f 1 -wi 0 -i 1 -bs 10 -wbs 10 \
  'MessageBenchmark\.encode$'

# The whole simulator (single shot): one warm-up-free run of 100 messages, 1,000 pad sheets per link;
# then the README's configurations (60-group telegrams, offices that split at 60 or in 3 parts,
# all filed at once) with 20 messages, and the printout of what they put on the air.
java -jar "$jar" -foe true -f 1 -wi 0 -i 1 -p messages=100 -p sheets=1000 \
  'SimulationBenchmark'
java -jar "$jar" -foe true -f 1 -wi 0 -i 1 -p messages=20 -p sheets=400 -p size=sixty,quarter \
  -p split=60,3 -p spacing=0s 'SimulationBenchmark'
java -cp "$jar" org.shifrovka.benchmarks.SimulationBenchmark 60 sixty > /dev/null
# The A/B harness of two builds in one JVM (here the same jar twice): one pair of 20-message runs.
java -cp "$jar" org.shifrovka.benchmarks.PairedSimulationRuns "$jar" "$jar" 0s 1 20 0 > /dev/null
java -cp "$jar" org.shifrovka.benchmarks.HostProbe registers 1 > /dev/null

# The paced latency main (not JMH): 1,000 telegrams/s for one second on each of the four paths;
# it fails if a telegram does not arrive.
java -Dio.netty.leakDetection.level=disabled -Dio.netty.allocator.type=pooled \
  -cp "$jar" org.shifrovka.benchmarks.RelayLatency 1000 0 1 > /dev/null
