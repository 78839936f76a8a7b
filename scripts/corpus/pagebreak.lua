-- A line "\newpage" in a corpus source becomes a real page break in the Word file,
-- so that LibreOffice's PDF keeps every fact on the page the golden tests expect.
function RawBlock(el)
  if el.format:match('tex') and el.text:match('^\\newpage%s*$') then
    return pandoc.RawBlock('openxml', '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  end
end
