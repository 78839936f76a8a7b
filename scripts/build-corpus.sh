#!/usr/bin/env bash
# Regenerates the shipped demo corpus (corpus/) from its sources (corpus-src/*.md).
#
#   scripts/build-corpus.sh            build every document
#   scripts/build-corpus.sh freda      build only sources whose file name contains "freda"
#
# Each source starts with a header naming the target format (pdf, docx, md, txt) and file name.
# pdf:  Markdown -> .docx (pandoc) -> .pdf (LibreOffice); "\newpage" lines are real page breaks.
# docx: Markdown -> .docx (pandoc), real Heading 1/2 styles and core properties.
# md:   copied with the benchmark-style front matter; txt: the body as plain text.
# A sidecar X.meta.yml is written next to X unless the header says "sidecar: nej".
# The built files are committed, so the service runs from a fresh clone without these tools.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src_dir="$root/corpus-src"
out_dir="$root/corpus"
tool="$root/scripts/corpus/corpus_tool.py"
filter="$root/scripts/corpus/pagebreak.lua"

missing=()
command -v pandoc >/dev/null || missing+=("pandoc (Debian-paket: pandoc)")
command -v soffice >/dev/null || missing+=("soffice (Debian-paket: libreoffice-writer-nogui)")
command -v python3 >/dev/null || missing+=("python3 (Debian-paket: python3)")
command -v pdfinfo >/dev/null || missing+=("pdfinfo (Debian-paket: poppler-utils)")
fc-list 2>/dev/null | grep -q "DejaVu Serif" || missing+=("typsnittet DejaVu (Debian-paket: fonts-dejavu-core)")
if ((${#missing[@]})); then
  echo "Verktyg saknas för att bygga korpusen:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "Installera med: sudo apt-get install -y pandoc libreoffice-writer-nogui python3 poppler-utils fonts-dejavu-core" >&2
  exit 1
fi

# Fixed timestamps inside the .docx zips and core properties; LibreOffice still stamps the
# PDF creation date, so PDFs differ byte-wise between builds but not in text or pages.
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01T00:00:00Z
export TZ=UTC LC_ALL=C.UTF-8

work="$(mktemp -d "${TMPDIR:-/tmp}/build-corpus.XXXXXX")"
trap 'rm -rf "$work"' EXIT
pandoc -o "$work/default-reference.docx" --print-default-data-file reference.docx

# Text, page breaks and properties of a PDF, without the timestamps LibreOffice adds.
pdf_fingerprint() {
  pdfinfo "$1" | grep -Ev '^(CreationDate|ModDate|File size):'
  pdftotext -enc UTF-8 "$1" -
}

filter_arg="${1:-}"
pdf_jobs=()
declare -A expected_pages
built=0
for src in "$src_dir"/*.md; do
  name="$(basename "$src")"
  [[ "$name" == README.md ]] && continue
  [[ -n "$filter_arg" && "$name" != *"$filter_arg"* ]] && continue
  IFS=$'\t' read -r format file pages wordmall < <(python3 "$tool" prepare "$src" "$work" "$out_dir" "$work/default-reference.docx")
  [[ -n "${file:-}" ]] || { echo "$name: kunde inte läsa huvudet" >&2; exit 1; }
  stem="${name%.md}"
  case "$format" in
    docx)
      pandoc "$work/$stem.md" --from markdown --to docx --lua-filter "$filter" \
        --reference-doc "$work/$stem.ref.docx" -o "$out_dir/$file"
      # "wordmall: svensk": heading styles named as Swedish Word names them (Rubrik1, "Rubrik 1").
      if [[ "$wordmall" == svensk ]]; then python3 "$tool" swedish-styles "$out_dir/$file"; fi
      ;;
    pdf)
      mkdir -p "$work/pdf/$stem"
      target="$work/pdf/$stem/${file%.pdf}.docx"
      pandoc "$work/$stem.md" --from markdown --to docx --lua-filter "$filter" \
        --reference-doc "$work/$stem.ref.docx" -o "$target"
      pdf_jobs+=("$target")
      expected_pages["$target"]="$pages"
      ;;
  esac
  echo "byggd: $file ($format)"
  built=$((built + 1))
done

if ((${#pdf_jobs[@]})); then
  # One LibreOffice start for all PDFs (starting it is the slow part), with a private
  # profile so a running office or another build does not interfere.
  mkdir -p "$work/pdfout"
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work/pdfout" "${pdf_jobs[@]}" >"$work/soffice.log" 2>&1 || true
  for docx in "${pdf_jobs[@]}"; do
    name="$(basename "${docx%.docx}").pdf"
    new="$work/pdfout/$name"
    if [[ ! -s "$new" ]]; then
      echo "LibreOffice gav ingen PDF för $name:" >&2; cat "$work/soffice.log" >&2; exit 1
    fi
    actual="$(pdfinfo "$new" | awk '/^Pages:/ {print $2}')"
    if [[ "$actual" != "${expected_pages[$docx]}" ]]; then
      echo "$name: $actual sidor men ${expected_pages[$docx]} väntade – en sida rymmer inte sin text; korta den eller flytta \\newpage" >&2
      exit 1
    fi
    # LibreOffice stamps every PDF with the current time, so keep the committed file when
    # the text and properties are unchanged: rebuilding then leaves git clean.
    if [[ -f "$out_dir/$name" ]] && cmp -s <(pdf_fingerprint "$new") <(pdf_fingerprint "$out_dir/$name"); then
      echo "pdf: $name oförändrad"
    else
      cp "$new" "$out_dir/$name"
      echo "pdf: $name, $(pdfinfo "$new" | awk '/^Pages:/ {print $2}') sidor"
    fi
  done
fi
echo "Klart: $built dokument i $out_dir"
# Golden facts on their pages and headings, every facet value used somewhere.
python3 "$root/scripts/corpus/check_corpus.py"
