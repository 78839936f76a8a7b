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

filter_arg="${1:-}"
pdf_jobs=()
built=0
for src in "$src_dir"/*.md; do
  name="$(basename "$src")"
  [[ "$name" == README.md ]] && continue
  [[ -n "$filter_arg" && "$name" != *"$filter_arg"* ]] && continue
  format="$(python3 "$tool" field "$src" format)"
  file="$(python3 "$tool" field "$src" fil)"
  sidecar="$(python3 "$tool" field "$src" sidecar)"
  case "$format" in
    pdf|docx)
      python3 "$tool" pandoc-input "$src" "$work/$name"
      python3 "$tool" reference-docx "$src" "$work/default-reference.docx" "$work/${name%.md}.ref.docx"
      if [[ "$format" == docx ]]; then
        target="$out_dir/$file"
      else
        mkdir -p "$work/pdf/${name%.md}"
        target="$work/pdf/${name%.md}/${file%.pdf}.docx"
        pdf_jobs+=("$target")
      fi
      pandoc "$work/$name" --from markdown --to docx --lua-filter "$filter" \
        --reference-doc "$work/${name%.md}.ref.docx" -o "$target"
      ;;
    md) python3 "$tool" markdown "$src" "$out_dir/$file" ;;
    txt) python3 "$tool" text "$src" "$out_dir/$file" ;;
    *) echo "$name: okänt format '$format'" >&2; exit 1 ;;
  esac
  if [[ "$sidecar" != nej && "$format" != md ]]; then
    python3 "$tool" sidecar "$src" "$out_dir/$file.meta.yml"
  else
    rm -f "$out_dir/$file.meta.yml"
  fi
  echo "byggd: $file ($format)"
  built=$((built + 1))
done

if ((${#pdf_jobs[@]})); then
  # A private LibreOffice profile so a running office or another build does not interfere.
  for docx in "${pdf_jobs[@]}"; do
    soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
      --outdir "$out_dir" "$docx" >/dev/null 2>&1
    pdf="$out_dir/$(basename "${docx%.docx}").pdf"
    [[ -s "$pdf" ]] || { echo "LibreOffice gav ingen PDF för $docx" >&2; exit 1; }
    echo "pdf: $(basename "$pdf"), $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') sidor"
  done
fi
echo "Klart: $built dokument i $out_dir"
