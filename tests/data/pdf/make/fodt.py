"""Writes LibreOffice flat ODT documents for the PDF test corpus (see make.sh): running headers that alternate between
odd and even pages, page-number footers, a table of contents with dot leaders, a side-by-side "nuvarande / föreslagen
lydelse" table, a two-column section, rotated margin text, letter-spaced text and forced line-end hyphenation."""
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><meta:creation-date>{created}</meta:creation-date></office:meta>
<office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/><style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-align="justify"/><style:text-properties style:font-name="DejaVu Serif" fo:font-size="10.5pt" fo:language="sv" fo:country="SE"/></style:style>
 <style:style style:name="Indented" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="0.6cm" fo:margin-bottom="0cm"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="20pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:text-align="start" fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/><style:text-properties style:font-name="DejaVu Sans" fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Toc" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="9pt"/></style:style>
 <style:style style:name="Spaced" style:family="text"><style:text-properties fo:letter-spacing="0.12cm"/></style:style>
 <style:style style:name="Rotated" style:family="text"><style:text-properties style:text-rotation-angle="90" fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
 <style:style style:name="Tab" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding-right="0.4cm" fo:border="none"/></style:style>
 <style:style style:name="Margin" style:family="graphic"><style:graphic-properties style:vertical-pos="from-top" style:vertical-rel="page" style:horizontal-pos="from-left" style:horizontal-rel="page" fo:border="none" style:wrap="none"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{odd_header}</text:p></style:header>
  <style:header-left><text:p text:style-name="Header">{even_header}</text:p></style:header-left>
  <style:footer><text:p text:style-name="Header">{footer}<text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""

TAIL = "</office:text></office:body></office:document>\n"


def inline(text):
    """Escapes text; '|' forces a line break (to put a hyphen at a line end), '{~x~}' letter-spaces x, '\\t' a tab."""
    out = escape(text).replace("|", "<text:line-break/>").replace("\t", "<text:tab/>")
    return out.replace("{~", '<text:span text:style-name="Spaced">').replace("~}", "</text:span>")


def p(text, style="Standard"):
    return f'<text:p text:style-name="{style}">{inline(text)}</text:p>\n'


def h(text, level=1, new_page=False):
    style = "Break" if new_page else f"Heading_20_{level}"
    return f'<text:h text:style-name="{style}" text:outline-level="{level}">{inline(text)}</text:h>\n'


def side_by_side(left_head, right_head, rows):
    cells = lambda a, b: f'<table:table-row><table:table-cell table:style-name="Cell">{p(a)}</table:table-cell><table:table-cell table:style-name="Cell">{p(b)}</table:table-cell></table:table-row>\n'
    body = cells(left_head, right_head) + "".join(cells(a, b) for a, b in rows)
    return f'<table:table table:style-name="Tab"><table:table-column table:number-columns-repeated="2"/>\n{body}</table:table>\n'


def columns(content):
    return f'<text:section text:style-name="Cols" text:name="Spalter">{content}</text:section>\n'


def margin_note(text, page, y_cm=9):
    frame = (f'<draw:frame draw:style-name="Margin" text:anchor-type="page" text:anchor-page-number="{page}" svg:x="0.7cm" '
             f'svg:y="{y_cm}cm" svg:width="1cm" svg:height="12cm"><draw:text-box><text:p><text:span text:style-name="Rotated">'
             f'{escape(text)}</text:span></text:p></draw:text-box></draw:frame>')
    return f'<text:p>{frame}</text:p>\n'


def document(title, created, odd_header, even_header, footer, body):
    return HEAD.format(title=escape(title), created=created, odd_header=inline(odd_header), even_header=inline(even_header), footer=escape(footer)) + body + TAIL
