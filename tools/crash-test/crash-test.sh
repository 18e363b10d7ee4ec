#!/usr/bin/env bash
# Crash test of the station core's process driver: three station processes TEREBIN -> KUZNETSOV ->
# FILIPPOV on loopback, each with its SQLite journal; TEREBIN files MESSAGES messages at once;
# KUZNETSOV is killed with SIGKILL KUZNETSOV_KILLS times and FILIPPOV FILIPPOV_KILLS times at
# random moments and restarted each time. Passes when the journals show every message delivered
# exactly once at FILIPPOV and no serial, pad indicator or registry number used twice, and
# FILIPPOV's output of deliveries (FILIPPOV.deliveries) holds each message exactly once.
# TEREBIN files at RATE messages a second, so that the kills fall while traffic flows.
#
#   tools/crash-test/crash-test.sh [MESSAGES] [KUZNETSOV_KILLS] [FILIPPOV_KILLS] [SEED] [RATE]
#   (RATE 0: all at once; KEEP=1 keeps the work directory and its logs, where FILIPPOV prints
#   delivered, rate and latency percentiles every second; defaults 10000 5 1 1 500; run from anywhere after `mvn -B -q -DskipTests package -pl sim-server -am`
#   or a build that compiled sim-server)
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES=${1:-10000}
KKILLS=${2:-5}
FKILLS=${3:-1}
SEED=${4:-1}
RATE=${5:-500}
RANDOM=$SEED
WORK=$(mktemp -d /tmp/crash-test.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

mvn -B -q -o -DskipTests package dependency:build-classpath -pl sim-server -am \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null 2>&1 \
  || mvn -B -q -DskipTests package dependency:build-classpath -pl sim-server -am -Dmdep.outputFile="$WORK/cp.txt"
CP="$PWD/sim-server/target/classes:$(cat "$WORK/cp.txt")"

read -r P1 P2 P3 <<<"$(java -cp "$CP" org.shifrovka.sim.process.ProcessStationMain ports 3 | tr '\n' ' ')"
SHEETS=$(( MESSAGES * 2 + 200 ))
cat > "$WORK/chain.yaml" <<YAML
start: 1949-01-13T21:40:00+08:00
forward: reencipher
retransmit: {timeout: 2s, backoff: 1.5, maxAttempts: 255}
pads: {sheets: $SHEETS, groupsPerSheet: 60}
stations:
  - {name: TEREBIN, place: Xibaipo, zone: Asia/Shanghai, role: origin, listen: 127.0.0.1:$P1, office: {firstSerial: 15, maxGroups: 120}}
  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:$P2, register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}
  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:$P3, register: {base: 100, step: 1, width: 4}}
links:
  - {between: [TEREBIN, KUZNETSOV], wpm: 20}
  - {between: [KUZNETSOV, FILIPPOV], wpm: 30}
YAML

declare -A PID
start_named() { local n=$1; shift; java -Xmx512m ${JAVA_OPTS:-} -cp "$CP" org.shifrovka.sim.process.ProcessStationMain \
    run "$WORK/chain.yaml" "$n" "$WORK" "$@" >>"$WORK/$n.log" 2>&1 & PID[$n]=$!; }
count() {
  java -cp "$CP" org.shifrovka.sim.process.ProcessStationMain count "$WORK" TEREBIN KUZNETSOV FILIPPOV
}
delivered() { count 2>/dev/null | sed -n 's/^delivered=\([0-9]*\).*/\1/p' | head -1; }

listening() { until grep -q "listening on" "$WORK/$1.log" 2>/dev/null; do sleep 0.5; done; }
start_named FILIPPOV
start_named KUZNETSOV
listening FILIPPOV; listening KUZNETSOV   # their pad books are made before TEREBIN files
start_named TEREBIN "$MESSAGES" FILIPPOV "$RATE"
echo "crash test: $MESSAGES messages at $RATE/s, KUZNETSOV killed $KKILLS times, FILIPPOV $FKILLS times, work dir $WORK"

kills=()
for _ in $(seq "$KKILLS"); do kills+=(KUZNETSOV); done
for _ in $(seq "$FKILLS"); do kills+=(FILIPPOV); done
# shuffle the kills by the seed
for ((i=${#kills[@]}-1; i>0; i--)); do j=$((RANDOM % (i+1))); t=${kills[i]}; kills[i]=${kills[j]}; kills[j]=$t; done

# the kills fall while traffic flows: wait for the first delivery
until [ "$(delivered)" -gt 0 ] 2>/dev/null; do sleep 1; done
for victim in "${kills[@]}"; do
  sleep "$(( 1 + RANDOM % 4 )).$(( RANDOM % 10 ))"
  kill -9 "${PID[$victim]}" 2>/dev/null || true
  wait "${PID[$victim]}" 2>/dev/null || true
  echo "  $(date +%T) SIGKILL $victim (delivered so far: $(delivered))"
  sleep "0.$(( RANDOM % 10 ))"
  start_named "$victim"
done

deadline=$(( $(date +%s) + 600 ))
while :; do
  d=$(delivered)
  [ "${d:-0}" -ge "$MESSAGES" ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "  gave up waiting: delivered ${d:-0} of $MESSAGES"; break; fi
  sleep 2
done
sleep 2 # a duplicate would show now
# CPU each station spent (user + system, its last incarnation), to compare runs on a loaded machine
tick=$(getconf CLK_TCK)
for n in TEREBIN KUZNETSOV FILIPPOV; do
  if [ -r "/proc/${PID[$n]}/stat" ]; then
    awk -v n="$n" -v t="$tick" '{printf "  %s cpu %.1f s\n", n, ($14 + $15) / t}' "/proc/${PID[$n]}/stat"
  fi
done
for n in TEREBIN KUZNETSOV FILIPPOV; do kill "${PID[$n]}" 2>/dev/null || true; wait "${PID[$n]}" 2>/dev/null || true; done
result=$(count) || true
echo "  $result" | head -5
d=$(echo "$result" | sed -n 's/^delivered=\([0-9]*\).*/\1/p')
# FILIPPOV's output of deliveries: each message once, across its kills
OUT="$WORK/FILIPPOV/FILIPPOV.deliveries"
lines=$(wc -l <"$OUT" 2>/dev/null || echo 0)
distinct=$(sed -n 's/^{"reference":"\([^"]*\)".*/\1/p' "$OUT" 2>/dev/null | sort -u | wc -l)
recovered=$(grep -c '"recovered":true' "$OUT" 2>/dev/null || true)
echo "  FILIPPOV.deliveries: $lines lines, $distinct messages, ${recovered:-0} written at a restart from the journal"
if [ "$d" = "$MESSAGES" ] && echo "$result" | grep -q "duplicates=0 reused=0" \
    && [ "$lines" = "$MESSAGES" ] && [ "$distinct" = "$MESSAGES" ]; then
  echo "crash test passed: $MESSAGES delivered exactly once, nothing reused (counted from the journals), each once in FILIPPOV.deliveries"
  echo "  FILIPPOV's last report: $(grep 'delivered=' "$WORK/FILIPPOV.log" | tail -1)"
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
else
  echo "crash test FAILED (logs and journals kept in $WORK)"; exit 1
fi
