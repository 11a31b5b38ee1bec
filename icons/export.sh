#!/usr/bin/env bash
# Regenerates every Coffer icon export from the hand-written SVG sources in this folder.
#
# Sources:
#   coffer.svg        full-detail icon, rendered for 48 px and up
#   coffer-small.svg  simplified, pixel-grid-aligned variant, rendered for 16, 24 and 32 px
#
# Outputs (all overwritten on every run, so the script is idempotent):
#   png/coffer-{16,24,32,48,64,128,256,512}.png
#   coffer.ico    Windows icon, 16, 24, 32, 48, 64, 128 and 256 px
#   coffer.icns   macOS icon, 16, 32, 48, 128, 256 and 512 px
#   ../src/main/resources/dev/coffer/icons/coffer-{16,32,48,64,128,256}.png   window icons used by the app
#
# Needs (Debian): rsvg-convert (librsvg2-bin), ImageMagick (imagemagick) and png2icns (icnsutils).
#   apt-get update && apt-get install -y librsvg2-bin imagemagick icnsutils
# Run `icons/export.sh --install` as root to have the script run that install itself.
#
# Usage: icons/export.sh [--install]     (from any directory)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
resources="$here/../src/main/resources/dev/coffer/icons"

if [[ "${1:-}" == "--install" ]]; then
  apt-get update && apt-get install -y librsvg2-bin imagemagick icnsutils
fi

# ImageMagick 7 calls itself `magick`; 6 calls itself `convert`. Take the first that really is ImageMagick
# (a `convert` elsewhere on PATH may be something else).
im=""
for candidate in magick convert /usr/bin/convert; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -version 2>/dev/null | grep -q ImageMagick; then
    im="$candidate"
    break
  fi
done

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=("rsvg-convert (librsvg2-bin)")
[[ -n "$im" ]] || missing+=("ImageMagick (imagemagick)")
command -v png2icns >/dev/null 2>&1 || missing+=("png2icns (icnsutils)")
if ((${#missing[@]})); then
  printf 'export.sh: missing tools: %s\n' "${missing[*]}" >&2
  echo 'Install them with: apt-get update && apt-get install -y librsvg2-bin imagemagick icnsutils' >&2
  echo '(or run this script with --install as root)' >&2
  exit 1
fi

mkdir -p "$here/png" "$resources"

# 1. PNGs: the simplified source below 48 px, the full one from 48 px up.
for size in 16 24 32 48 64 128 256 512; do
  if ((size < 48)); then src="$here/coffer-small.svg"; else src="$here/coffer.svg"; fi
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$src" --output "$here/png/coffer-$size.png"
done

# 2. Windows .ico with every size from 16 to 256.
"$im" \
  "$here/png/coffer-16.png" "$here/png/coffer-24.png" "$here/png/coffer-32.png" "$here/png/coffer-48.png" \
  "$here/png/coffer-64.png" "$here/png/coffer-128.png" "$here/png/coffer-256.png" \
  "$here/coffer.ico"

# 3. macOS .icns (png2icns takes 16, 32, 48, 128, 256, 512 and 1024 px images).
rm -f "$here/coffer.icns"
png2icns "$here/coffer.icns" \
  "$here/png/coffer-16.png" "$here/png/coffer-32.png" "$here/png/coffer-48.png" \
  "$here/png/coffer-128.png" "$here/png/coffer-256.png" "$here/png/coffer-512.png" >/dev/null

# 4. Window icons bundled with the app.
for size in 16 32 48 64 128 256; do
  cp "$here/png/coffer-$size.png" "$resources/coffer-$size.png"
done

echo "export.sh: wrote $here/png/*.png, coffer.ico, coffer.icns and $(cd "$resources" && pwd)/coffer-*.png"
