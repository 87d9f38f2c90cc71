#!/bin/sh
# Writes tests/fixtures/pdf/: generated reports (tests/fixtures/generated/*.html) printed by
# Chromium the ways offices' PDFs differ from render.js's plain print (scripts/pdf-variants.js:
# running heads, footers and page numbers in the margins, tables without rulings, header rows
# repeated on each page), and their gold (seeds.gold.json: the gold of the report's .pdf, which
# the variants print the same figures of), and .docx fixtures printed by LibreOffice with page
# furniture (scripts/lo-variants.py). The files are committed; tests/files.rs reads them.
# usage: scripts/make-pdf-fixtures.sh   (needs npm ci, Debian chromium, python-docx, soffice)
set -e
cd "$(dirname "$0")/.."
GEN=tests/fixtures/generated
OUT=tests/fixtures/pdf
mkdir -p "$OUT"
# report variant (the variant's '+' is '-' in the file's name)
while read -r report variant; do
  [ -n "$report" ] || continue
  node scripts/pdf-variants.js "$variant" "$OUT/$report.$(echo "$variant" | tr + -).pdf" "$GEN/$report.html"
done <<EOF
s1_16_2019 marginbox
s1_14_2021 dash+tight
s1_26_2021 dash+tight
s1_12_national bare
s1_08_2021 slash
s1_10_2019 of+thead
s1_22_2019 frame
s1_02_2021 frame
s1_06_national frame
s1_22_2019 hrules
s1_12_national hrules
EOF
python3 - "$GEN" "$OUT" <<'EOF'
import glob, json, os, sys
gen, out = sys.argv[1:]
gold = json.load(open(os.path.join(gen, "seeds.gold.json")))
mine = {}
for path in sorted(glob.glob(os.path.join(out, "s*.pdf"))):
    name = os.path.basename(path)
    mine[name] = gold[name.split(".")[0] + ".pdf"]
with open(os.path.join(out, "seeds.gold.json"), "w") as f:
    json.dump(mine, f, ensure_ascii=False, indent=1)
    f.write("\n")
EOF
# the .docx fixtures printed by LibreOffice with a running head and a page number field
python3 scripts/lo-variants.py "$OUT" bare 2020_pingtan_zonghe_shiyanqu 2024_pingtan_zonghe_shiyanqu
python3 scripts/lo-variants.py "$OUT" dash+narrow 2023_pingtan_zonghe_shiyanqu
ls -l "$OUT"
