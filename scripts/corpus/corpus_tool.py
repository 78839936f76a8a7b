#!/usr/bin/env python3
"""Helper for scripts/build-corpus.sh (standard library only).

Reads one corpus source (corpus-src/*.md: a front-matter header, then Markdown or plain text),
and writes what the shell script needs: the pandoc input without build-only keys, a reference
.docx with the publisher's running footer, the sidecar, or the finished .md/.txt document.
"""
import os
import re
import sys
import zipfile

# Keys pandoc sees (title block and document properties); everything else is build/sidecar data.
PANDOC_KEYS = ("title", "subtitle", "author", "date", "subject", "keywords", "lang", "description")
STATUS_LABELS = {"gallande": "gällande", "ersatt": "ersatt", "upphavd": "upphävd"}


def parse(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if not m:
        sys.exit(f"{path}: saknar huvud (---) överst")
    meta = {}
    for line in m.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key.strip()] = [v.strip().strip('"') for v in value[1:-1].split(",") if v.strip()]
        else:
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('\\"', '"')
            meta[key.strip()] = value
    for required in ("format", "fil", "title", "utgivare", "ar", "dokumenttyp"):
        if required not in meta:
            sys.exit(f"{path}: huvudet saknar {required}")
    return meta, text[m.end():]


def q(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lst(values):
    return "[" + ", ".join(values) + "]"


def pandoc_input(meta, body, out):
    lines = ["---"]
    for key in PANDOC_KEYS:
        if key in meta:
            v = meta[key]
            lines.append(f"{key}: {lst(q(x) for x in v) if isinstance(v, list) else q(v)}")
    lines.append("---")
    open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n" + body)


def sidecar(meta, out):
    lines = [
        f"titel: {meta['title']}",
        f"utgivare: {meta['utgivare']}",
        f"år: {meta['ar']}",
        f"dokumenttyp: {meta['dokumenttyp']}",
        f"målgrupp: {', '.join(meta.get('malgrupp', []))}",
        f"ämne: {', '.join(meta.get('amne', []))}",
        f"yrkesgrupp: {', '.join(meta.get('yrkesgrupp', []))}",
        f"status: {STATUS_LABELS[meta.get('status', 'gallande')]}",
    ]
    if meta.get("ersatt-av"):
        lines.append(f"ersatt av: {meta['ersatt-av']}")
    if meta.get("ersatter"):
        lines.append(f"ersätter: {meta['ersatter']}")
    open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")


def markdown_document(meta, body, out):
    lines = [
        "---",
        f"title: {q(meta['title'])}",
        f"publisher: {q(meta['utgivare'])}",
        f"year: {meta['ar']}",
        f"dokumenttyp: {meta['dokumenttyp']}",
        f"malgrupp: {lst(meta.get('malgrupp', []))}",
        f"amne: {lst(meta.get('amne', []))}",
        f"yrkesgrupp: {lst(meta.get('yrkesgrupp', []))}",
        f"status: {meta.get('status', 'gallande')}",
    ]
    if meta.get("ersatt-av"):
        lines.append(f"ersatt-av: {q(meta['ersatt-av'])}")
    if meta.get("ersatter"):
        lines.append(f"ersatter: {q(meta['ersatter'])}")
    lines.append("---")
    open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n\n" + body.lstrip("\n"))


def text_document(body, out):
    open(out, "w", encoding="utf-8").write(body.lstrip("\n"))


FOOTER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:sz w:val="17"/></w:rPr></w:pPr>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:t xml:space="preserve">{text} · Sida </w:t></w:r>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:t>1</w:t></w:r>'
    '<w:r><w:rPr><w:sz w:val="17"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
)
SECTPR = (
    '<w:sectPr><w:footerReference w:type="default" r:id="rIdKbFooter"/>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" '
    'w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>'
)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def reference_docx(meta, default_ref, out):
    """pandoc's default reference.docx with DejaVu fonts (installed everywhere LibreOffice is),
    A4 pages and the publisher's running footer with a page number, as real reports have."""
    footer_text = xml_escape(meta.get("sidfot") or f"{meta['utgivare']} · {meta['title']}")
    with zipfile.ZipFile(default_ref) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/styles.xml":
                s = data.decode("utf-8")
                s = re.sub(r'<w:rFonts w:asciiTheme="major[^>]*>',
                           '<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans" />', s)
                s = re.sub(r'<w:rFonts w:asciiTheme="minor[^>]*>',
                           '<w:rFonts w:ascii="DejaVu Serif" w:hAnsi="DejaVu Serif" w:eastAsia="DejaVu Serif" w:cs="DejaVu Serif" />', s)
                # 10 pt body text, Swedish proofing language, tighter spacing: closer to a printed report.
                s = s.replace('<w:sz w:val="24" />\n        <w:szCs w:val="24" />', '<w:sz w:val="20" />\n        <w:szCs w:val="20" />', 1)
                s = s.replace('w:lang w:val="en-US" w:eastAsia="en-US"', 'w:lang w:val="sv-SE" w:eastAsia="sv-SE"')
                s = s.replace('w:before="180" w:after="180"', 'w:before="80" w:after="100"')
                for style, size in (("Title", "32"), ("Subtitle", "24"), ("Heading1", "28"), ("Heading2", "23"), ("Heading3", "21")):
                    s = re.sub(r'(w:styleId="%s".*?<w:sz w:val=")\d+(")' % style, r"\g<1>%s\g<2>" % size, s, count=1, flags=re.S)
                    s = re.sub(r'(w:styleId="%s".*?<w:szCs w:val=")\d+(")' % style, r"\g<1>%s\g<2>" % size, s, count=1, flags=re.S)
                data = s.encode("utf-8")
            elif info.filename == "word/document.xml":
                data = data.decode("utf-8").replace("<w:sectPr />", SECTPR).encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.decode("utf-8").replace(
                    "</Relationships>",
                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
                    'Id="rIdKbFooter" Target="footer1.xml" /></Relationships>').encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                data = data.decode("utf-8").replace(
                    "</Types>",
                    '<Override PartName="/word/footer1.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>').encode("utf-8")
            dst.writestr(info, data)
        footer_info = zipfile.ZipInfo("word/footer1.xml", date_time=(2026, 1, 1, 0, 0, 0))
        dst.writestr(footer_info, FOOTER.format(text=footer_text), zipfile.ZIP_DEFLATED)


def prepare(src, meta, body, work, out_dir, default_ref):
    """Everything for one source in one process (starting Python is slow on a busy machine):
    writes the .md/.txt document or the pandoc input and reference .docx, and the sidecar;
    prints "format<TAB>file name<TAB>expected pages" for the shell script."""

    stem = os.path.splitext(os.path.basename(src))[0]
    fmt, name = meta["format"], meta["fil"]
    if fmt in ("pdf", "docx"):
        pandoc_input(meta, body, os.path.join(work, stem + ".md"))
        reference_docx(meta, default_ref, os.path.join(work, stem + ".ref.docx"))
    elif fmt == "md":
        markdown_document(meta, body, os.path.join(out_dir, name))
    elif fmt == "txt":
        text_document(body, os.path.join(out_dir, name))
    else:
        sys.exit(f"{src}: okänt format '{fmt}'")
    side = os.path.join(out_dir, name + ".meta.yml")
    if meta.get("sidecar") != "nej" and fmt != "md":
        sidecar(meta, side)
    elif os.path.exists(side):
        os.remove(side)
    # Every page ends at a \newpage, so a PDF with more pages than breaks + 1 has a page that overflowed.
    pages = sum(1 for line in body.splitlines() if line.strip() == "\\newpage") + 1
    print(f"{fmt}\t{name}\t{pages}\t{meta.get('wordmall', 'standard')}")


def swedish_styles(docx):
    """Rename the heading styles as Swedish Word names them (Rubrik, Rubrik1, "Rubrik 1"…), so the
    corpus also has a document that is only recognisable by Swedish style names and outline levels."""
    renames = [(r'(w:(?:styleId|val)=)"Heading(\d)"', r'\g<1>"Rubrik\2"'),
               (r'(w:val=)"Heading (\d)"', r'\g<1>"Rubrik \2"'),
               (r'(w:(?:styleId|val)=)"Title"', r'\g<1>"Rubrik"'),
               (r'(w:(?:styleId|val)=)"Subtitle"', r'\g<1>"Underrubrik"')]
    tmp = docx + ".tmp"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("word/styles.xml", "word/document.xml"):
                text = data.decode("utf-8")
                for pattern, replacement in renames:
                    text = re.sub(pattern, replacement, text)
                data = text.encode("utf-8")
            dst.writestr(info, data)
    os.replace(tmp, docx)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "swedish-styles":
        swedish_styles(sys.argv[2])
        return
    if len(sys.argv) != 6 or sys.argv[1] != "prepare":
        sys.exit("användning: corpus_tool.py prepare KÄLLA ARBETSMAPP KORPUSMAPP STANDARD-REFERENS.docx")
    src = sys.argv[2]
    meta, body = parse(src)
    prepare(src, meta, body, sys.argv[3], sys.argv[4], sys.argv[5])


if __name__ == "__main__":
    main()
