#!/usr/bin/env bash
# Regenerate core/src/main/resources/org/shifrovka/ctc/ctc-{mainland,taiwan}.txt from Unihan.
# Needs Debian's unicode-data package (15.0.0-1 in bookworm), which installs Unihan in
# /usr/share/unicode; installs it with apt-get if it is missing and we are root.
# Not run by the build: the derived tables are committed, so the build needs no Debian package.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src=/usr/share/unicode/Unihan_OtherMappings.txt.bz2
if [[ ! -f "$src" ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unicode-data
fi
python3 "$here/build_ctc_tables.py" "$src" "${1:-$here/../../core/src/main/resources/org/shifrovka/ctc}"
