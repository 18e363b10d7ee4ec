#!/usr/bin/env bash
# The admission attack of issue 22, measured: the chain TEREBIN -> KUZNETSOV -> FILIPPOV on
# mutual TLS in one JVM, TEREBIN filing RATE messages a second, while CONNECTIONS hostile
# connections (no certificate, slow-loris, garbage, silent; each reopened as soon as it is closed)
# from HOSTS hostile hosts (127.0.0.2, .3, ...) hold on to KUZNETSOV. Prints, for SECONDS before,
# during and after the attack, the delivery rate at FILIPPOV, the median latency and the growth of
# the stations' log; exits 0 when the rate under attack is at least half the unattacked rate and
# the log grows by less than 1 MB a minute (org.shifrovka.sim.process.StationAttack).
#
#   tools/attack/attack.sh [CONNECTIONS] [SECONDS] [RATE] [HOSTS]   (defaults 200 15 0 1; RATE 0: as fast as the backlog allows, so that each phase measures capacity)
#   KEEP=1 keeps the work directory and its stations.log
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mktemp -d /tmp/station-attack.XXXXXX)
mvn -B -q -o -DskipTests package dependency:build-classpath -pl sim-server -am \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1 \
  || mvn -B -q -DskipTests package dependency:build-classpath -pl sim-server -am -Dmdep.outputFile="$WORK/cp.txt"
CP="$PWD/sim-server/target/classes:$(cat "$WORK/cp.txt")"
status=0
java -Xmx1g ${JAVA_OPTS:-} -cp "$CP" org.shifrovka.sim.process.StationAttack "${1:-200}" "${2:-15}" "${3:-300}" "${4:-1}" "$WORK/run" || status=$?
[ -n "${KEEP:-}" ] || rm -rf "$WORK"
exit $status
