#!/usr/bin/env python3
"""Builds Kunskapsbank.Indexer/Resources/analysis/compound-lexicon.tsv.gz from hunspell-sv (sv_SE.dic, sv_SE.aff).

Usage: python3 tools/build-compound-lexicon.py <folder with sv_SE.dic and sv_SE.aff> <output .tsv.gz>

It expands every root with its suffix rules (like hunspell's unmunch, keeping which root each form came from) and keeps
what compound splitting needs, one form a line:  form<TAB>roles<TAB>lemma  (lemma empty when equal to form)
  B  may begin a compound (root flag X, or a linking suffix with flags W+X, e.g. vålds -> våld)
  M  may be a middle part (U, or linking suffix with W+U)
  E  may end a compound: the root has flag Y; all its inflected forms count (hunspell inflects the last part)
  R  a free root word (no compound flags needed): used as a weaker, penalised candidate part
Data: hunspell-sv, Copyright 2003-2014 Göran Andersson, LGPL-3; the output is the same data in another shape.
"""
import gzip
import io
import re
import sys


def parse_aff(path):
    rules = {}
    lines = open(path, encoding="utf-8").read().splitlines()
    i = 0
    while i < len(lines):
        f = lines[i].split()
        if len(f) == 4 and f[0] == "SFX" and f[3].isdigit():
            flag, count = f[1], int(f[3])
            lst = rules.setdefault(flag, [])
            for j in range(1, count + 1):
                r = lines[i + j].split()
                strip = "" if r[2] == "0" else r[2]
                add, _, cont = r[3].partition("/")
                add = "" if add == "0" else add
                cond = r[4] if len(r) > 4 else "."
                lst.append((strip, add, cont, re.compile("(" + cond + ")$") if cond != "." else None))
            i += count + 1
        else:
            i += 1
    return rules


def expand(word, flags, rules, depth=0):
    for flag in flags:
        for strip, add, cont, cond in rules.get(flag, ()):
            if strip and not word.endswith(strip):
                continue
            if cond is not None and not cond.search(word):
                continue
            form = word[: len(word) - len(strip)] + add
            yield form, cont
            if depth == 0 and any(c in rules for c in cont):
                for f2, c2 in expand(form, cont, rules, 1):
                    yield f2, c2


def link_candidates(f):
    if f.endswith("s"):
        yield f[:-1]             # läns -> län, vålds -> våld
        yield f[:-1] + "e"       # samhälls -> samhälle
    yield f[:-1] + "a"           # kvinno -> kvinna, hälso -> hälsa, utrese -> utresa
    yield f + "a"                # skol -> skola, sök -> söka
    yield f + "e"                # åklagar -> åklagare
    yield f[:-1]                 # familje -> familj, barna -> barn
    if f.endswith("ra"):
        yield f[:-2] + "er"      # föräldra -> förälder


def main(folder, out):
    rules = parse_aff(folder + "/sv_SE.aff")
    entries = {}  # form -> [roles set, lemma]
    roots = set()  # words that stand on their own

    def add(form, role, lemma):
        if not form.isalpha() or form.lower() != form:
            return
        e = entries.setdefault(form, [set(), None])
        e[0].add(role)
        if e[1] is None or (e[1] != form and lemma == form):
            e[1] = lemma

    with open(folder + "/sv_SE.dic", encoding="utf-8") as dic:
        next(dic)
        for line in dic:
            word, _, flags = line.rstrip("\n").split("\t")[0].partition("/")
            if "%" in flags:
                continue
            if "Z" not in flags and "¤" not in flags:
                roots.add(word)
            if "X" in flags:
                add(word, "B", word)
            if "U" in flags:
                add(word, "M", word)
            if "Y" in flags and "¤" not in flags:
                add(word, "E", word)
            for form, cont in expand(word, flags, rules):
                if "W" in cont and "X" in cont:
                    add(form, "B", word)
                if "W" in cont and "U" in cont:
                    add(form, "M", word)
                if "Y" in flags and "W" not in cont and "Z" not in cont:
                    add(form, "E", word)

    # Linking forms listed as roots of their own (kvinno/XZ, familje/XZ, skol/hsZ) have no lemma yet: take the first
    # candidate that is a word which can stand last in a compound (a free word), e.g. kvinno -> kvinna, skol -> skola.
    free = roots
    for form, e in entries.items():
        if e[1] == form and "E" not in e[0] and form not in roots:
            for cand in link_candidates(form):
                if cand != form and cand in free:
                    e[1] = cand
                    break

    for root in roots:
        if root.isalpha() and root.lower() == root and len(root) >= 3:
            entries.setdefault(root, [set(), root])[0].add("R")

    # mtime=0 so the same dictionary always gives the same bytes (clean diffs).
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8", newline="\n") as f:
        f.write("# form\troles\tlemma (empty = form). Generated by tools/build-compound-lexicon.py from hunspell-sv (LGPL-3).\n")
        for form in sorted(entries):
            roles, lemma = entries[form]
            f.write(f"{form}\t{''.join(r for r in 'BMER' if r in roles)}\t{'' if lemma == form else lemma}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
