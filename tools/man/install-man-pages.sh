#!/usr/bin/env bash
# Installs a man page for shifrovka and for each of its subcommands (shifrovka(1),
# shifrovka-encode(1), ...): picocli's ManPageGenerator writes them as AsciiDoc
# (`shifrovka gen-manpage`), asciidoctor turns them into troff.
#
# Usage: tools/man/install-man-pages.sh [MANDIR]
#   MANDIR defaults to ~/.local/share/man (then `man shifrovka-encode` finds them on most systems).
# Needs: the built jar (mvn -q -DskipTests package) and asciidoctor (Debian: apt-get install
# asciidoctor).
set -euo pipefail
cd "$(dirname "$0")/../.."
mandir=${1:-$HOME/.local/share/man}
jar=cli/target/shifrovka.jar
[[ -f $jar ]] || { echo "error: $jar is missing; build it with: mvn -q -DskipTests package" >&2; exit 2; }
command -v asciidoctor >/dev/null || { echo "error: asciidoctor is missing; install it with: apt-get install asciidoctor" >&2; exit 2; }
adoc=$(mktemp -d)
trap 'rm -rf "$adoc"' EXIT
java -jar "$jar" gen-manpage -d "$adoc"
mkdir -p "$mandir/man1"
asciidoctor -b manpage -D "$mandir/man1" "$adoc"/*.adoc
echo "installed $(ls "$adoc"/*.adoc | wc -l) man pages in $mandir/man1"
