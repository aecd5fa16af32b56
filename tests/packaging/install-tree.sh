#!/usr/bin/env bash
# Installs the build into a DESTDIR as a distribution would (prefix /usr) and checks the tree:
# the binary, desktop file, AppStream metadata and icons in their standard places, the names
# agreeing with each other, and nothing that should not ship (headers, static libraries).
set -euo pipefail

build=${1:?usage: install-tree.sh BUILD_DIR APP_ID}
id=${2:?usage: install-tree.sh BUILD_DIR APP_ID}
fail() { echo "install-tree: FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
DESTDIR=$root "${CMAKE:-cmake}" --install "$build" --prefix /usr >"$tmp/install.log" \
    || { cat "$tmp/install.log"; fail "cmake --install failed"; }

share=$root/usr/share
expected=(
    usr/bin/opsflow
    "usr/share/applications/$id.desktop"
    "usr/share/metainfo/$id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$id.svg"
    usr/share/doc/opsflow/copyright
)
for size in 16 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
done
# The diagram renderer plugin, where this build made one, under lib/opsflow (beside no other
# library: it is loaded by path, never linked).
if [ -f "$build/plugins/libopsflow-diagramrenderer.so" ]; then
    plugin=$(cd "$root" && find . -path '*/opsflow/libopsflow-diagramrenderer.so' | sed 's|^\./||')
    [ -n "$plugin" ] || fail "the diagram renderer plugin is not installed"
    expected+=("$plugin")
fi
for path in "${expected[@]}"; do
    [ -f "$root/$path" ] || fail "$path is not installed"
done
[ -x "$root/usr/bin/opsflow" ] || fail "usr/bin/opsflow is not executable"

# Everything lands in bin/, share/ or the plugin's folder: no headers, static libraries or
# CMake packages leak.
unexpected=$(cd "$root" && find . -type f ! -path './usr/bin/*' ! -path './usr/share/*' \
    ! -path './usr/lib/*opsflow/libopsflow-diagramrenderer.so')
[ -z "$unexpected" ] || fail "installed outside usr/bin and usr/share: $unexpected"

desktop=$share/applications/$id.desktop
key() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
icon=$(key Icon)
[ "$icon" = "$id" ] || fail "the desktop file's Icon is '$icon', not the application id '$id'"
exec_binary=$(key Exec | cut -d' ' -f1)
[ -x "$root/usr/bin/$exec_binary" ] || fail "the desktop file's Exec '$exec_binary' is not in usr/bin"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$share/metainfo/$id.metainfo.xml" \
    || fail "the metainfo does not launch $id.desktop"
grep -q "<id>$id</id>" "$share/metainfo/$id.metainfo.xml" || fail "the metainfo's id is not $id"

# The installed files validate as installed, and AppStream finds the desktop file and icons
# of the component (what a software centre does with the tree).
if command -v desktop-file-validate >/dev/null; then
    out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
    [ -z "$out" ] || fail "desktop-file-validate: $out"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate-tree --no-net "$root/usr" >"$tmp/tree.log" 2>&1 \
        || { cat "$tmp/tree.log"; fail "appstreamcli validate-tree"; }
fi
echo "install-tree: ok (${#expected[@]} files checked under $(find "$root" -type f | wc -l) installed)"
