#!/usr/bin/env bash
# Regenerate the shifrovka codebook vocabularies:
#   core/src/main/resources/org/shifrovka/codebook/vocabulary-en.txt
#   core/src/main/resources/org/shifrovka/codebook/vocabulary-ru.txt
# from pinned Debian packages plus the hand-curated lists in this directory.
#
# Not run by CI; it is the record of how the data was made. Needs a Debian (bookworm) machine
# with apt-get, dpkg-deb and python3. Running it reproduces the committed files exactly.
#
# Usage: tools/vocabulary/build-vocabulary.sh [OUT_DIR]
#   OUT_DIR        default: core/src/main/resources/org/shifrovka/codebook
#   VOCAB_DEB_DIR  optional: directory that already holds the .deb files listed below (no download)
#
# To refresh seed-words-en.txt from the seed document (only if the seed message changes):
#   python3 tools/vocabulary/build_vocabulary.py extract-seed SEEDFILE \
#       --exclude tools/vocabulary/exclude-en.txt > tools/vocabulary/seed-words-en.txt
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out_dir="${1:-$repo/core/src/main/resources/org/shifrovka/codebook}"

# Pinned package versions (Debian 12 "bookworm"). Changing one changes the output.
packages=(
  "scowl=2020.12.07-2"                # English word lists
  "hunspell-ru=1:7.5.0-1"             # Russian dictionary (word-form check)
  "hunspell=1.7.1-1"                  # spell checker used for that check
  "libhunspell-1.7-0=1.7.1-1"
  "fortunes-ru=1.52-3.1"              # Russian corpus 1 (frequency counts only)
  "manpages-ru=4.18.1-1"              # Russian corpus 2 (frequency counts only) ...
  "debian-faq-ru=11.1"
  "maint-guide-ru=1.2.53"
  "developers-reference-ru=12.18"
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"   # apt-get download drops privileges to _apt

deb_dir="${VOCAB_DEB_DIR:-$work/debs}"
if [[ -z "${VOCAB_DEB_DIR:-}" ]]; then
  mkdir -p "$deb_dir"
  chmod 777 "$deb_dir"
  (cd "$deb_dir" && apt-get download -q "${packages[@]}")
fi

versions=""
for spec in "${packages[@]}"; do
  name="${spec%%=*}"
  want="${spec#*=}"
  deb="$(find "$deb_dir" -maxdepth 1 -name "${name}_*.deb" | sort | head -n 1)"
  [[ -n "$deb" ]] || { echo "missing .deb for $name in $deb_dir" >&2; exit 1; }
  got="$(dpkg-deb -f "$deb" Version)"
  if [[ "$got" != "$want" ]]; then
    echo "$name: found version $got, pinned $want (output would differ)" >&2
    exit 1
  fi
  dpkg-deb -x "$deb" "$work/root"
  versions+="${versions:+,}$name=$got"
done

export LC_ALL=C.UTF-8 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1
libdir="$(dirname "$(find "$work/root/usr/lib" -name 'libhunspell-1.7.so.0' | head -n 1)")"
export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
python3 "$here/build_vocabulary.py" build \
  --root "$work/root" \
  --hunspell "$work/root/usr/bin/hunspell" \
  --versions "$versions" \
  --out-dir "$out_dir"

python3 "$here/check_vocabulary.py" "$out_dir/vocabulary-en.txt" "$out_dir/vocabulary-ru.txt"
