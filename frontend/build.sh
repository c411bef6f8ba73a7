#!/usr/bin/env bash
# Build the static files the app serves into src/cpconf/static: compiled CSS, the design
# systems' scripts, fonts and images. They sit inside the package, so a built wheel carries them
# and `cpconf collectstatic` finds them wherever it is installed. Everything comes from the
# pinned npm packages; no CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/cpconf/static
rm -rf "$out"
mkdir -p "$out/cpconf" "$out/govuk" "$out/moj"
npx --no-install sass --load-path=. --quiet-deps --no-source-map --style=compressed \
  frontend/application.scss "$out/cpconf/application.css"
cp frontend/*.mjs "$out/cpconf/"
cp -R node_modules/govuk-frontend/dist/govuk/assets "$out/govuk/assets"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk/"
cp -R node_modules/@ministryofjustice/frontend/moj/assets "$out/moj/assets"
cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js "$out/moj/"
# MOJ's header styles ask for the GOV.UK crest beside MOJ's own images; without it production's
# collectstatic (hashed file names) stops at the missing file.
cp node_modules/govuk-frontend/dist/govuk/assets/images/govuk-crest.svg "$out/moj/assets/images/"
echo "Built static files in $out"
