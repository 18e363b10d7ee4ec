#!/usr/bin/env python3
"""Check shifrovka vocabulary files: format, character rules, duplicates, size, required and
forbidden entries, and (with --seed SEEDFILE) that every word of the English seed message is present.

Usage: check_vocabulary.py [--seed SEEDFILE] vocabulary-en.txt vocabulary-ru.txt
Exit status 1 on any failure.
"""
import argparse
import os
import re
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_vocabulary import seed_tokens  # noqa: E402

RULES = {
    "en": re.compile(r"^[A-Z0-9]+([-'][A-Z0-9]+)*$"),
    "ru": re.compile(r"^[А-ЯA-Z0-9]+(-[А-ЯA-Z0-9]+)*$"),
}
MIN_ENTRIES, MAX_ENTRIES = 3000, 8000
FORBIDDEN = {
    "en": {"ZHANG", "ZHIZHONG", "SHAO", "LIZI"},
    "ru": {"ЧЖАН", "ЧЖИЧЖУН", "ШАО", "ЛИЦЗЫ"},
}
REQUIRED = {
    "en": """MAO ZEDONG|CHIANG KAI-SHEK|JIANG JIESHI|NANJING GOVERNMENT|COALITION GOVERNMENT|
WAR CRIMINALS|PEACE NEGOTIATIONS|CIVIL WAR|PEOPLE'S LIBERATION ARMY|UNITED STATES|SOVIET UNION|
DEMOCRATIC PARTIES|POPULAR ORGANIZATIONS|INTERNATIONAL OPINION|FILIPPOV|KUZNETSOV|TEREBIN|STALIN|
MOLOTOV|USSR|USA|PLA|CCP|GUOMINDANG|KUOMINTANG|NANJING|NANKING|YANGZI|YANGTZE|XIBAIPO|MOSCOW|
PEKING|BEIPING|MANCHURIA|MEDIATION|TELEGRAM|CIPHER|COMRADE|REPEAT|PARA|JANUARY|DECEMBER|MONDAY""",
    "ru": """ФИЛИППОВ|ФИЛИППОВУ|ФИЛИППОВА|КУЗНЕЦОВ|КУЗНЕЦОВУ|ТЕРЕБИН|ТЕРЕБИНА|МАО ЦЗЭДУН|МАО ЦЗЭДУНА|
СТАЛИН|СССР|США|АНГЛИЯ|ФРАНЦИЯ|НАНКИН|НАНКИНСКОЕ ПРАВИТЕЛЬСТВО|НАНКИНСКОГО ПРАВИТЕЛЬСТВА|
ГОМИНЬДАН|ГОМИНЬДАНА|НОАК|КПК|ЯНЦЗЫ|СИБАЙПО|МОСКВА|ПОСРЕДНИЧЕСТВО|ВОЕННЫЕ ПРЕСТУПНИКИ|
КОАЛИЦИОННОЕ ПРАВИТЕЛЬСТВО|МИРНЫЕ ПЕРЕГОВОРЫ|ГРАЖДАНСКАЯ ВОЙНА|ТОВАРИЩ|ТОВАРИЩУ|ТЕЛЕГРАММА|
ТЕЛЕГРАММУ|ЯНВАРЯ|ДЕКАБРЯ|ПВТ""",
}


def check(path, lang, seed):
    errors = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["not UTF-8: %s" % e], 0
    if "\r" in text or not text.endswith("\n"):
        errors.append("line endings: must be LF and end with a newline")
    lines = text.split("\n")[:-1]
    entries, sections = [], []
    for no, line in enumerate(lines, 1):
        if line.startswith("#"):
            if "====" in line:
                sections.append(len(entries))
            continue
        if line == "":
            errors.append("line %d: empty line" % no)
            continue
        if "Ё" in line or "ё" in line:
            errors.append("line %d: contains Ё: %r" % (no, line))
        toks = line.split(" ")
        bad = [t for t in toks if not RULES[lang].match(t)]
        if bad:
            errors.append("line %d: bad token(s) %r in %r" % (no, bad, line))
        if all(t.isdigit() for t in toks):
            errors.append("line %d: number-only entry %r" % (no, line))
        if set(toks) & FORBIDDEN[lang]:
            errors.append("line %d: forbidden name in %r" % (no, line))
        entries.append(line)
    seen, dups = set(), set()
    for e in entries:
        (dups if e in seen else seen).add(e)
    if dups:
        errors.append("duplicates: %s" % sorted(dups)[:20])
    if not MIN_ENTRIES <= len(entries) <= MAX_ENTRIES:
        errors.append("entry count %d outside %d..%d" % (len(entries), MIN_ENTRIES, MAX_ENTRIES))
    if len(sections) != 2:
        errors.append("expected a DOMAIN and a COMMON section marker, found %d" % len(sections))
    else:
        dom, com = entries[sections[0]:sections[1]], entries[sections[1]:]
        if dom != sorted(dom) or com != sorted(com):
            errors.append("sections not sorted")
    required = {r.strip() for r in REQUIRED[lang].replace("\n", "").split("|")}
    missing = sorted(required - seen)
    if missing:
        errors.append("required entries missing: %s" % missing)
    if seed and lang == "en":
        words = set(seed_tokens(seed)) - FORBIDDEN["en"]
        absent = sorted(words - seen)
        if absent:
            errors.append("seed-message words missing: %s" % absent)
        print("%s: all %d distinct seed-message words present%s"
              % (os.path.basename(path), len(words), "" if not absent else " -- NO"))
    return errors, len(entries)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seed", help="seed document (English translation of Mao's 12 Jan 1949 message)")
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    failed = False
    for path in args.files:
        lang = "ru" if path.endswith("-ru.txt") else "en"
        errors, n = check(path, lang, args.seed)
        print("%s: %d entries, %s" % (os.path.basename(path), n, "OK" if not errors else "FAILED"))
        for e in errors:
            print("  " + e)
        failed |= bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
