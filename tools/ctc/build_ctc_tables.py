#!/usr/bin/env python3
"""Derive the Chinese telegraph code tables of shifrovka from the Unicode Unihan database.

Reads Unihan_OtherMappings.txt(.bz2) (Debian package unicode-data ships it in /usr/share/unicode)
and writes, for each of the fields kMainlandTelegraph and kTaiwanTelegraph, one table:

  ctc-mainland.txt   kMainlandTelegraph (the mainland table, simplified characters)
  ctc-taiwan.txt     kTaiwanTelegraph   (the traditional table, as used before 1949)

Each table is a header of '#' lines (source file, Unicode version, date, licence) and then one line
per code, sorted by code: the four digits, a tab, the character, and for a character's second
code a tab and "alt" (decoding reads it; encoding uses the character's first code). The output depends only on the
input file, so rerunning reproduces the committed tables exactly.

Usage: build_ctc_tables.py [UNIHAN_OTHER_MAPPINGS] [OUT_DIR]
"""
import bz2
import os
import re
import sys

FIELDS = {"kMainlandTelegraph": "ctc-mainland.txt", "kTaiwanTelegraph": "ctc-taiwan.txt"}


def main(argv):
    src = argv[1] if len(argv) > 1 else "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
    here = os.path.dirname(os.path.abspath(__file__))
    out = argv[2] if len(argv) > 2 else os.path.join(
        here, "..", "..", "core", "src", "main", "resources", "org", "shifrovka", "ctc")
    opener = bz2.open if src.endswith(".bz2") else open
    version = date = None
    tables = {f: {} for f in FIELDS}
    with opener(src, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                m = re.match(r"# Unicode version: (\S+)", line)
                if m:
                    version = m.group(1)
                m = re.match(r"# Date: (.+)$", line)
                if m:
                    date = m.group(1).strip()
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] not in FIELDS:
                continue
            char = chr(int(parts[0][2:], 16))
            table = tables[parts[1]]
            # a few characters have two codes ("1057 7775"): the first is the one encoding uses
            for rank, code in enumerate(parts[2].split(" ")):
                if not re.fullmatch(r"[0-9]{4}", code):
                    sys.exit("bad code %r for %s" % (code, parts[0]))
                if code in table:
                    sys.exit("code %s of %s names two characters" % (code, parts[1]))
                table[code] = (char, rank)
    if version is None:
        sys.exit("no Unicode version in " + src)
    os.makedirs(out, exist_ok=True)
    for field, name in FIELDS.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as w:
            w.write("# Chinese telegraph code: the Unihan field %s\n" % field)
            w.write("# Derived by tools/ctc/build_ctc_tables.py from Unihan_OtherMappings.txt\n")
            w.write("# Unicode version: %s (Unihan file date: %s)\n" % (version, date))
            w.write("# Copyright (c) 1991-2022 Unicode, Inc. Distributed under the Unicode License\n")
            w.write("# (Unicode Data Files and Software), https://www.unicode.org/license.txt\n")
            w.write("# %d codes; one line per code: four digits, a tab, the character"
                    " (and a tab and 'alt' for a character's second code)\n" % len(tables[field]))
            for code in sorted(tables[field]):
                char, rank = tables[field][code]
                w.write("%s\t%s%s\n" % (code, char, "\talt" if rank else ""))


if __name__ == "__main__":
    main(sys.argv)
