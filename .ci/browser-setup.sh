#!/usr/bin/env bash
# Installs what the browser and PDF tests need, from Debian's own packages: headless Chromium and its
# WebDriver (dashboard tests), poppler-utils (pdftoppm renders the PDF pack to PNG pages) and DejaVu fonts
# (the PDF embeds DejaVu Sans for £, ≥ and –). Idempotent: installs only what is missing, so CI can call it
# on every run. No test tool ever downloads a browser of its own.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
    echo "browser-setup: chromium, chromedriver, pdftoppm and DejaVu fonts already present"
    exit 0
fi

echo "browser-setup: installing ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "browser-setup: need root (or sudo) to install ${need[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
echo "browser-setup: installed ${need[*]}"
