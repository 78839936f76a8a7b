#!/usr/bin/env bash
# Rebuilds the self-made PDFs in tests/data/pdf from the sources in this folder. Needs LibreOffice (libreoffice-writer-
# nogui), poppler-utils, ImageMagick, libtiff-tools and qpdf; the tests themselves need none of them except poppler (and tesseract).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/make-documents.py" "$work"
(cd "$work" && soffice --headless --convert-to pdf proposition-skydd-for-barn.fodt kallelse-skannad.fodt >/dev/null 2>&1)
cp "$work/proposition-skydd-for-barn.pdf" "$out/"

# A scan: the pages rendered at 200 dpi, tilted a little, with noise, as bilevel images (CCITT G4 like a copier's).
pdftoppm -r 200 -gray -png "$work/kallelse-skannad.pdf" "$work/page"
for page in "$work"/page-*.png; do
  convert "$page" -rotate 0.6 -background white -flatten -attenuate 0.2 +noise Gaussian -threshold 55% -type bilevel "${page%.png}.tif"
done
# Debian's ImageMagick policy forbids writing PDF, so libtiff's tiff2pdf (libtiff-tools) wraps the G4 pages.
convert "$work"/page-*.tif -compress Group4 -density 200 -units PixelsPerInch "$work/scan.tif"
tiff2pdf -o "$out/kallelse-skannad.pdf" -t "Kallelse till samverkansmöte" "$work/scan.tif"

# A mixed PDF: two text pages of the bill, then the first scanned page.
qpdf --empty --pages "$out/proposition-skydd-for-barn.pdf" 3-4 "$out/kallelse-skannad.pdf" 1 -- "$out/blandad-text-och-skanning.pdf"
ls -l "$out"/*.pdf
