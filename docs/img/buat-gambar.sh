#!/usr/bin/env bash
# Recreates the pictures of docs/panduan.md with headless Chromium and
# poppler-utils (Debian packages chromium, poppler-utils).
# Run from the repository root: bash docs/img/buat-gambar.sh
set -euo pipefail
B="cargo run --quiet --"
T=$(mktemp -d)
$B gaps fixtures/kabupaten-contoh-spbe-2024.csv --date 2026-12-04 -o "$T/laporan.html"
$B batch fixtures/aceh-tengah-spbe-2025.json fixtures/kabupaten-contoh-spbe-2024.csv fixtures/kota-contoh-spbe-2019.csv -o "$T/ringkasan" --quiet || true
C="chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$T/profil"
$C --window-size=390,1100 --screenshot=docs/img/laporan-ponsel.png "file://$T/laporan.html"
$C --window-size=390,900 --screenshot=docs/img/ringkasan-ponsel.png "file://$T/ringkasan/summary.html"
$C --no-pdf-header-footer --print-to-pdf="$T/laporan.pdf" "file://$T/laporan.html"
pdftoppm -r 45 -png -f 1 -l 1 -singlefile "$T/laporan.pdf" docs/img/laporan-a4-halaman-1
rm -rf "$T"
