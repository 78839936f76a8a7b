#!/usr/bin/env python3
"""Checks the built corpus against its promises (standard library only; run by build-corpus.sh):
every golden fact in tests/data/golden/corpus-facts.tsv is on the named PDF page or under the
named heading, and every facet value and document type occurs in some source header."""
import os
import re
import subprocess
import sys
import zipfile
from xml.etree import ElementTree

sys.path.insert(0, os.path.dirname(__file__))
import corpus_tool  # noqa: E402

# The promise of the demo corpus: each of these ids is used at least once (taxonomy-proposal.md).
EXPECTED = {
    "malgrupp": "valdsutsatta-kvinnor valdsutsatta-man barn-som-upplever-vald valdsutsatta-barn valdsutovare "
                "kvinnor-med-funktionsnedsattning kvinnor-med-missbruk aldre unga hbtqi utlandsk-bakgrund "
                "hederskontext prostitution-manniskohandel gravida hemloshet",
    "amne": "vald-i-nara-relationer hedersrelaterat-vald barnaktenskap tvangsaktenskap bortforande-utland "
            "konsstympning riskbedomning fraga-om-vald orosanmalan sekretess skydd-och-boende sexuellt-vald "
            "psykiskt-vald ekonomiskt-vald digitalt-vald lagstiftning trauma samverkan stod-och-behandling forebyggande",
    "yrkesgrupp": "socialtjanst halso-och-sjukvard tandvard skola polis rattsvasende omsorg ideell-sektor "
                  "ovriga-myndigheter kommunledning utbildning-forskning",
    "dokumenttyp": "foreskrift handbok vagledning kunskapsstod utbildningsmaterial rapport bedomningsinstrument "
                   "checklista faktablad rutin lagtext",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text):
    # pdftotext breaks lines and drops the hyphen of a word split at a line end.
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def pdf_page(path, page):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), path, "-"],
                         capture_output=True, text=True, check=True).stdout
    return squash(out)


def docx_sections(path):
    """(heading, text) for every paragraph run under a Heading N style."""
    root = ElementTree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    sections, heading, buf = [], None, []
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if style is not None and re.match(r"(Heading|Rubrik)\d", style.get(W + "val", "")):
            sections.append((heading, " ".join(buf)))
            heading, buf = text.strip(), []
        else:
            buf.append(text)
    sections.append((heading, " ".join(buf)))
    return sections


def text_sections(path, markdown):
    sections, heading, buf = [], None, []
    lines = open(path, encoding="utf-8").read().splitlines()
    for i, line in enumerate(lines):
        is_heading = (re.match(r"^#{1,6} ", line) is not None) if markdown else (
            line.strip() and i >= 2 and not lines[i - 1].strip() and not lines[i - 2].strip())
        if is_heading:
            sections.append((heading, " ".join(buf)))
            heading, buf = re.sub(r"^#{1,6} ", "", line).strip(), []
        else:
            buf.append(line)
    sections.append((heading, " ".join(buf)))
    return sections


def check_fact(corpus, doc, page, heading, evidence):
    path = os.path.join(corpus, doc)
    if not os.path.exists(path):
        return f"filen finns inte: {doc}"
    if doc.endswith(".pdf"):
        if squash(evidence) not in pdf_page(path, int(page)):
            return f"{doc} sida {page}: hittar inte '{evidence}'"
        return None
    if doc.endswith(".docx"):
        sections = docx_sections(path)
    else:
        sections = text_sections(path, doc.endswith(".md"))
    bodies = [squash(body.replace("*", "")) for h, body in sections if h == heading]
    if not bodies:
        return f"{doc}: ingen rubrik '{heading}'"
    if not any(squash(evidence) in b for b in bodies):
        return f"{doc} under '{heading}': hittar inte '{evidence}'"
    return None


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    corpus, src = os.path.join(root, "corpus"), os.path.join(root, "corpus-src")
    problems, facts = [], 0
    for line in open(os.path.join(root, "tests/data/golden/corpus-facts.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("query\t") or not line.strip():
            continue
        query, doc, page, heading, evidence = line.rstrip("\n").split("\t")[:5]
        facts += 1
        problem = check_fact(corpus, doc, page, heading, evidence)
        if problem:
            problems.append(f"fakta '{query}': {problem}")
    seen = {k: set() for k in EXPECTED}
    for name in sorted(os.listdir(src)):
        if name.endswith(".md") and name != "README.md":
            meta, _ = corpus_tool.parse(os.path.join(src, name))
            for facet in EXPECTED:
                values = meta.get(facet, [])
                values = values if isinstance(values, list) else [values]
                for v in values:
                    if v not in EXPECTED[facet].split():
                        problems.append(f"{name}: okänt värde '{v}' för {facet}")
                seen[facet].update(values)
    for facet, ids in EXPECTED.items():
        for missing in sorted(set(ids.split()) - seen[facet]):
            problems.append(f"värdet '{missing}' för {facet} används inte i något dokument")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"Kontroll: {facts} fakta, {sum(len(v) for v in seen.values())} fasettvärden, {len(problems)} fel")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
