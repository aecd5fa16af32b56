#!/usr/bin/env bash
# Re-renders the committed hicolor PNGs from the SVG icon (needs rsvg-convert: librsvg2-bin).
# Run it after changing the SVG, look at the PNGs, and commit them with it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
id=io.github.opsflow.OpsFlow
for size in 16 32 48 64 128 256; do
    mkdir -p "$here/hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        "$here/$id.svg" --output "$here/hicolor/${size}x${size}/apps/$id.png"
done
echo "render-icons.sh: rendered $id.png at 16 32 48 64 128 256 px"
