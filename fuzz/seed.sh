#!/usr/bin/env bash
# Seeds the fuzz corpora from the fixtures and the shipped data files.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/assessment corpus/merge corpus/crosswalk corpus/catalog
cp ../fixtures/*.* ../fixtures/bad/*.* ../tests/data/fuzz/assessment/* corpus/assessment/ 2>/dev/null || true
cp ../fixtures/*.* corpus/merge/
cp ../mappings/crosswalks/*.json corpus/crosswalk/
cp ../mappings/frameworks/*.json corpus/catalog/
