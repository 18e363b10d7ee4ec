#!/usr/bin/env bash
# Simulator scale benchmark (issue 19): generates topologies with `shifrovka topology generate`,
# runs `shifrovka simulate` on each under /usr/bin/time -v and prints one markdown table row per
# run: shape, stations, messages, pad sheets per link, wall time, CPU time, peak RSS, exactly once,
# and the host's load average when the run started (the machine is shared: wall time follows it).
#
#   benchmarks/scale/run.sh            # the table of benchmarks/README.md
#   benchmarks/scale/run.sh star:1000:100:20000   # one run: shape:...:messages-per-origin:sheets
#   benchmarks/scale/run.sh tree:1000,4:100:       # sheets left out: enough for the busiest link
#   SCALE_SIM_OPTS="--transport tcp" benchmarks/scale/run.sh star:3000:10:   # simulate options
#
# SCALE_JAVA_OPTS=-Xmx1g benchmarks/scale/run.sh passes JVM options to the simulating JVM.
# Needs the CLI jar (mvn -B -q -DskipTests package) and GNU time (/usr/bin/time, Debian "time").
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/cli/target/shifrovka.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
runs=("$@")
if [ ${#runs[@]} -eq 0 ]; then
  runs=(star:1000:100:20000 star:1000:200:20000 star:1000:100:40000 tree:1000,4:100:
        tree:1000,4:200: star:10000:10:)
fi
echo "| shape | stations | messages | sheets/link | wall | CPU (user+sys) | peak RSS | exactly once | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---|---:|"
for r in "${runs[@]}"; do
  IFS=: read -r kind args per sheets <<<"$r"
  shape="$kind:$args"
  yaml="$work/t.yaml"
  java -jar "$jar" topology generate "$shape" --seed 1 --messages "$per" \
    ${sheets:+--sheets "$sheets"} -o "$yaml" --force
  sheets=$(sed -n 's/^pads: {sheets: \([0-9]*\),.*/\1/p' "$yaml")
  load=$(cut -d' ' -f1 /proc/loadavg)
  stations=$(grep -c '^  - {name:' "$yaml")
  set +e
  # shellcheck disable=SC2086 # SCALE_JAVA_OPTS is a list of JVM options, e.g. -Xmx1g
  # shellcheck disable=SC2086 # SCALE_SIM_OPTS likewise, e.g. --transport tcp
  /usr/bin/time -v java ${SCALE_JAVA_OPTS:-} -jar "$jar" simulate --real-timeout 0 \
    --topology "$yaml" --seed 1 ${SCALE_SIM_OPTS:-} >"$work/out" 2>"$work/time"
  rc=$?
  set -e
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
  cpu=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.1f s", u+s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident/{printf "%.0f MB", $2/1024}' "$work/time")
  msgs=$(( (stations - 1) * per ))
  if [ $rc -eq 0 ]; then once=yes; else
    why=$(grep -m1 -hiE 'error|exception|not finished|timed out|warning' "$work/time" "$work/out" | cut -c1-80 || true)
    once="no (exit $rc${why:+: $why})"
  fi
  echo "| $shape | $stations | $msgs | $sheets | $wall | $cpu | $rss | $once | $load |"
done
