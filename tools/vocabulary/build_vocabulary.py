#!/usr/bin/env python3
"""Build the shifrovka codebook vocabularies (vocabulary-en.txt, vocabulary-ru.txt).

Called by build-vocabulary.sh, which downloads and unpacks the Debian packages first.
The output depends only on the inputs (no dates, no locale), so re-running reproduces it exactly.

Sub-commands:
  build         write both vocabulary files (see build-vocabulary.sh for the arguments)
  extract-seed  print the English seed-message word list (how seed-words-en.txt was made)
"""
import argparse
import collections
import gzip
import os
import re
import subprocess
import sys

EN_TOKEN = re.compile(r"^[A-Z0-9]+([-'][A-Z0-9]+)*$")
RU_TOKEN = re.compile(r"^[А-ЯA-Z0-9]+(-[А-ЯA-Z0-9]+)*$")

# English common words: SCOWL levels and spelling variants used.
SCOWL_VARIANTS = ("english", "american", "british")
SCOWL_ALL_LEVEL = "10"        # every word of this level
SCOWL_BASE_LEVEL = "20"       # only base forms of at most SCOWL_BASE_MAXLEN letters
SCOWL_BASE_MAXLEN = 8
# Russian common words: forms seen at least RU_CORPUS_MIN_COUNT times in BOTH of two unrelated
# corpora (fortunes-ru aphorisms; Russian man pages and Debian manuals), so that words typical
# of only one genre drop out, and accepted in lower case by hunspell-ru (drops proper nouns).
RU_CORPUS_MIN_COUNT = 2
FORTUNES_DIR = "usr/share/games/fortunes/ru"
TECH_MAN_DIR = "usr/share/man/ru"
TECH_DOCS = (
    "usr/share/doc/debian/FAQ/debian-faq.ru.txt.gz",
    "usr/share/doc/maint-guide-ru/maint-guide.ru.txt.gz",
    "usr/share/developers-reference/ru/developers-reference.txt.gz",
)
SCOWL_DIR = "usr/share/dict/scowl"
RU_DICT = "usr/share/hunspell/ru_RU"


def die(msg):
    sys.stderr.write("build_vocabulary: " + msg + "\n")
    sys.exit(1)


def read_list(path):
    """Entries of a hand-curated list: one per line, '#' comment lines and blank lines skipped."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def norm_en(entry):
    return " ".join(entry.upper().split())


def norm_ru(entry):
    return " ".join(entry.upper().replace("Ё", "Е").split())


def valid(entry, token_re):
    toks = entry.split(" ")
    return all(token_re.match(t) for t in toks) and not all(t.isdigit() for t in toks)


def drop_excluded(entries, excluded):
    return [e for e in entries if not any(t in excluded for t in e.split(" "))]


# ---------------------------------------------------------------- English

def scowl_words(scowl_dir, level):
    words = set()
    for variant in SCOWL_VARIANTS:
        path = os.path.join(scowl_dir, "%s-words.%s" % (variant, level))
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                # lower-case only (SCOWL keeps proper nouns elsewhere), no possessives, ASCII letters
                if re.fullmatch(r"[a-z]+(-[a-z]+)*", w):
                    words.add(w)
    return words


def stem_candidates(w):
    """Possible base words of which w may be an inflected form (-s, -ed, -ing, -er, -est, -ly)."""
    cands = []
    for suf in ("s", "es", "ed", "d", "ing", "er", "est", "ly", "ies", "ied", "ier", "iest", "ily"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            b = w[: -len(suf)]
            cands += [b, b + "e"]
            if suf.startswith("i"):
                cands.append(b + "y")
            if len(b) > 2 and b[-1] == b[-2]:
                cands.append(b[:-1])
    return cands


def build_en(args, here):
    scowl = os.path.join(args.root, SCOWL_DIR)
    s_all = scowl_words(scowl, SCOWL_ALL_LEVEL)
    s_next = scowl_words(scowl, SCOWL_BASE_LEVEL) - s_all
    known = s_all | s_next
    s_base = {w for w in s_next
              if len(w.replace("-", "")) <= SCOWL_BASE_MAXLEN
              and not any(c in known for c in stem_candidates(w))}
    domain = [norm_en(e) for e in read_list(os.path.join(here, "domain-en.txt"))]
    seed = [norm_en(e) for e in read_list(os.path.join(here, "seed-words-en.txt"))]
    excluded = {norm_en(e) for e in read_list(os.path.join(here, "exclude-en.txt"))}
    common = [norm_en(w) for w in (s_all | s_base)] + seed
    return assemble(domain, common, excluded, EN_TOKEN), {
        "scowl_all": len(s_all), "scowl_base": len(s_base), "seed": len(set(seed))}


# ---------------------------------------------------------------- Russian

def hunspell_accepts(hunspell, dic_base, words):
    """Subset of words (lower case) that hunspell accepts with the ru_RU dictionary.
    Hunspell keeps case: a lower-case proper noun ('москва') is rejected, so proper nouns drop out."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    parts = sorted({p for w in words for p in w.split("-")})
    res = subprocess.run([hunspell, "-d", dic_base, "-i", "utf-8", "-G"],
                         input="\n".join(parts) + "\n", capture_output=True, text=True,
                         encoding="utf-8", env=env, check=True)
    good = {line.strip() for line in res.stdout.splitlines() if line.strip()}
    return {w for w in words if all(p in good for p in w.split("-"))}


def ru_tokens(text):
    return re.findall(r"[а-я]+(?:-[а-я]+)*", text.lower().replace("ё", "е"))


def fortunes_counts(root):
    counts = collections.Counter()
    top = os.path.join(root, FORTUNES_DIR)
    for name in sorted(os.listdir(top)):
        path = os.path.join(top, name)
        if name.endswith(".dat") or os.path.islink(path) or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            counts.update(ru_tokens(f.read()))
    return counts


def tech_counts(root):
    paths = [os.path.join(root, p) for p in TECH_DOCS]
    for dirpath, dirnames, filenames in os.walk(os.path.join(root, TECH_MAN_DIR)):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if name.endswith(".gz") and not os.path.islink(path):
                paths.append(path)
    counts = collections.Counter()
    for path in paths:
        with gzip.open(path) as f:
            counts.update(ru_tokens(f.read().decode("utf-8", errors="replace")))
    return counts


def build_ru(args, here):
    domain = [norm_ru(e) for e in read_list(os.path.join(here, "domain-ru.txt"))]
    curated = [norm_ru(e) for e in read_list(os.path.join(here, "common-ru-curated.txt"))]
    excluded = {norm_ru(e) for e in read_list(os.path.join(here, "exclude-ru.txt"))}
    fc, tc = fortunes_counts(args.root), tech_counts(args.root)
    candidates = {w for w, n in fc.items()
                  if n >= RU_CORPUS_MIN_COUNT and tc[w] >= RU_CORPUS_MIN_COUNT and len(w) >= 3}
    cur_lower = {w.lower() for w in curated}
    accepted = hunspell_accepts(args.hunspell, os.path.join(args.root, RU_DICT),
                                candidates | cur_lower)
    corpus = sorted(candidates & accepted)
    unknown = sorted(w for w in curated if w.lower() not in accepted)
    if unknown:
        sys.stderr.write("note: curated Russian words unknown to hunspell-ru: %s\n" % " ".join(unknown))
    common = curated + [norm_ru(w) for w in corpus]
    return assemble(domain, common, excluded, RU_TOKEN), {
        "curated": len(set(curated)), "corpus": len(corpus),
        "fortunes_tokens": sum(fc.values()), "tech_tokens": sum(tc.values())}


# ---------------------------------------------------------------- output

def assemble(domain, common, excluded, token_re):
    for e in domain + common:
        if not valid(e, token_re):
            die("invalid entry: %r" % e)
    domain = sorted(set(drop_excluded(domain, excluded)))
    dset = set(domain)
    common = sorted(set(drop_excluded(common, excluded)) - dset)
    return domain, common


def write(path, header, domain, common):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(("# " + line).rstrip() + "\n")
        f.write("#\n# ==== DOMAIN ENTRIES (%d) ====\n" % len(domain))
        for e in domain:
            f.write(e + "\n")
        f.write("# ==== COMMON WORDS (%d), alphabetical ====\n" % len(common))
        for e in common:
            f.write(e + "\n")


def cmd_build(args):
    here = os.path.dirname(os.path.abspath(__file__))
    v = dict(kv.split("=", 1) for kv in args.versions.split(","))
    (en_dom, en_com), en_st = build_en(args, here)
    (ru_dom, ru_com), ru_st = build_ru(args, here)
    common_hdr = [
        "Format: UTF-8, one entry per line, '#' lines are comments. Entry = word or phrase in",
        "canonical telegraphese form (upper case, single spaces). Domain section first, then",
        "common words. Generated by tools/vocabulary/build-vocabulary.sh -- do not edit by hand;",
        "edit the lists in tools/vocabulary/ and re-run the script. Details and licence texts:",
        "VOCABULARY-SOURCES.md next to this file.",
    ]
    en_hdr = [
        "shifrovka codebook vocabulary, English (%d entries)" % (len(en_dom) + len(en_com)),
        "",
    ] + common_hdr + [
        "",
        "Sources:",
        "- tools/vocabulary/domain-en.txt: hand-curated domain entries (Apache-2.0, this project).",
        "- tools/vocabulary/seed-words-en.txt: words of the seed message (Mao Zedong to Filippov,",
        "  12 Jan 1949, Wilson Center English translation), minus four names spelled letter by letter.",
        "- Debian package scowl %s (SCOWL by Kevin Atkinson; permissive SCOWL licence," % v["scowl"],
        "  size-10 lists from public-domain sources): english/american/british-words.%s in full,"
        % SCOWL_ALL_LEVEL,
        "  plus base forms of at most %d letters from level %s; possessives dropped."
        % (SCOWL_BASE_MAXLEN, SCOWL_BASE_LEVEL),
        "- tools/vocabulary/exclude-en.txt: tokens removed (the four spelled names, vulgar words,",
        "  computing anachronisms).",
    ]
    ru_hdr = [
        "shifrovka codebook vocabulary, Russian (%d entries); the letter YO is always written as Е"
        % (len(ru_dom) + len(ru_com)),
        "",
    ] + common_hdr + [
        "",
        "Sources:",
        "- tools/vocabulary/domain-ru.txt: hand-curated domain entries in telegram case forms",
        "  (Apache-2.0, this project).",
        "- tools/vocabulary/common-ru-curated.txt: hand-curated frequent Russian word forms",
        "  (Apache-2.0, this project).",
        "- Word forms that occur at least %d times in each of two unrelated Russian corpora"
        % RU_CORPUS_MIN_COUNT,
        "  (used only to count word frequencies): the aphorisms of Debian package fortunes-ru",
        "  %s (GPL-2); the Russian man pages and manuals of manpages-ru %s (GPL-3+),"
        % (v["fortunes-ru"], v["manpages-ru"]),
        "  debian-faq-ru %s (SPI permission notice), maint-guide-ru %s (GPL-2.0+) and"
        % (v["debian-faq-ru"], v["maint-guide-ru"]),
        "  developers-reference-ru %s (GPL-2); and that the Russian hunspell dictionary by"
        % v["developers-reference-ru"],
        "  Alexander I. Lebedev accepts in lower case (hunspell-ru %s, licence"
        % v["hunspell-ru"],
        "  'custom-bsd-4-clauses'; checked with hunspell %s). MODIFIED VERSION: a selected,"
        % v["hunspell"],
        "  upper-cased extract of word forms accepted by hunspell-ru.",
        "- tools/vocabulary/exclude-ru.txt: tokens removed (names the demo spells, computing",
        "  anachronisms of the modern corpora).",
    ]
    os.makedirs(args.out_dir, exist_ok=True)
    write(os.path.join(args.out_dir, "vocabulary-en.txt"), en_hdr, en_dom, en_com)
    write(os.path.join(args.out_dir, "vocabulary-ru.txt"), ru_hdr, ru_dom, ru_com)
    sys.stderr.write("en: %d domain + %d common = %d  %s\n"
                     % (len(en_dom), len(en_com), len(en_dom) + len(en_com), en_st))
    sys.stderr.write("ru: %d domain + %d common = %d  %s\n"
                     % (len(ru_dom), len(ru_com), len(ru_dom) + len(ru_com), ru_st))


def seed_message(path):
    text = open(path, encoding="utf-8").read()
    start = text.index('"Comrade Filippov')
    end = text.index('1949"', start) + len('1949"')
    return text[start:end]


def seed_tokens(path):
    """Upper-cased words of the seed message: '--' is punctuation, internal '-'/''' kept,
    pure numbers dropped (the program codes numbers itself)."""
    msg = seed_message(path).replace("--", " ")
    toks = [m.group(0).upper() for m in re.finditer(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*", msg)]
    return [t for t in toks if not t.isdigit()]


def cmd_extract_seed(args):
    excluded = {norm_en(e) for e in read_list(args.exclude)} if args.exclude else set()
    print("# Words of the seed message (Mao Zedong to Filippov [Stalin], 12 January 1949,")
    print("# English translation, Wilson Center Digital Archive document 112663), one per line.")
    print("# Made by: build_vocabulary.py extract-seed SEEDFILE --exclude exclude-en.txt")
    print("# The names spelled letter by letter in the demo (exclude-en.txt) are left out.")
    for t in sorted(set(seed_tokens(args.seed)) - excluded):
        print(t)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--root", required=True, help="directory into which the .deb files were unpacked")
    b.add_argument("--hunspell", required=True, help="hunspell executable")
    b.add_argument("--versions", required=True, help="pkg=version,... for the headers")
    b.add_argument("--out-dir", required=True)
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("extract-seed")
    s.add_argument("seed")
    s.add_argument("--exclude")
    s.set_defaults(func=cmd_extract_seed)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
