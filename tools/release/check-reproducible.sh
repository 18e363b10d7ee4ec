#!/usr/bin/env bash
# Proves that the build is reproducible: builds the project twice from the same commit in two
# fresh clones and compares every jar byte for byte. Exit 0 if they are identical.
#
# Usage: tools/release/check-reproducible.sh        (from anywhere inside the repository)
# It builds without tests (mvn -B -q -DskipTests package), so it takes about two builds' time.
set -euo pipefail
top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in 1 2; do
  git clone -q --no-hardlinks "$top" "$work/build$n"
  # the working tree's uncommitted changes are not part of a release: build the commit
  (cd "$work/build$n" && mvn -B -q -DskipTests package)
done
status=0
count=0
while IFS= read -r jar; do
  rel=${jar#"$work/build1/"}
  count=$((count + 1))
  if ! cmp -s "$jar" "$work/build2/$rel"; then
    echo "DIFFERENT: $rel" >&2
    status=1
  fi
done < <(find "$work/build1" -path '*/target/*.jar' -type f | sort)
if [[ $count -eq 0 ]]; then
  echo "no jars were built" >&2
  exit 1
fi
if [[ $status -eq 0 ]]; then
  echo "reproducible: $count jars byte-identical in two builds of $(git -C "$top" rev-parse --short HEAD)"
fi
exit $status
