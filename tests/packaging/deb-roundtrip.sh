#!/usr/bin/env bash
# Builds the .deb with CPack, installs it with apt-get as a user would, runs the installed
# binary, removes the package and checks nothing is left behind. It changes the system, so it
# needs root, skips (77) without root or apt, and leaves alone an opsflow the machine already had.
set -euo pipefail

build=${1:?usage: deb-roundtrip.sh BUILD_DIR APP_ID}
id=${2:?usage: deb-roundtrip.sh BUILD_DIR APP_ID}
skip() { echo "deb-roundtrip: SKIP: $*"; exit 77; }
fail() { echo "deb-roundtrip: FAIL: $*" >&2; exit 1; }
step() { echo "deb-roundtrip: [$((SECONDS))s] $*"; }

[ "$(id -u)" -eq 0 ] || skip "needs root: it installs and removes the opsflow package"
command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null \
    || skip "apt-get is not there (not a Debian-like system)"
command -v dpkg-shlibdeps >/dev/null \
    || skip "dpkg-shlibdeps is missing: run packaging/setup-debian.sh --tests"
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake is missing (configure first)"

# One round trip at a time on a machine, even from several build trees.
exec 9>"/tmp/opsflow-deb-roundtrip.lock"
flock -w 600 9 || fail "another deb round trip held the lock for 10 minutes"

installed() { [ "$(dpkg-query -W -f='${db:Status-Status}' opsflow 2>/dev/null)" = installed ]; }
# Set while the package this test installed is on the system: a run killed half-way (a
# ctest timeout) leaves it behind, and the next run may replace that one, not a user's.
marker=/var/tmp/opsflow-deb-roundtrip.installed
if installed && [ ! -e "$marker" ] && [ "${OPSFLOW_DEB_TEST_REPLACE:-0}" != 1 ]; then
    skip "the opsflow package is already installed here; not replacing it (OPSFLOW_DEB_TEST_REPLACE=1 allows it)"
fi

tmp=$(mktemp -d)
chmod 755 "$tmp" # apt reads the local .deb as its unprivileged _apt user
we_installed=0
cleanup() {
    if [ "$we_installed" = 1 ] && installed; then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -q opsflow >/dev/null 2>&1 || true
    fi
    installed || rm -f "$marker"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
apt=(env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300)

step "building the package"
"${CPACK:-cpack}" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 \
    || { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
debs=("$tmp"/out/opsflow_*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || { cat "$tmp/cpack.log"; fail "cpack made no opsflow_*.deb"; }
deb=${debs[0]}
field() { dpkg-deb --field "$deb" "$1"; }
echo "deb-roundtrip: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
dpkg-deb --field "$deb" | sed "s/^/  /"

[ "$(field Package)" = opsflow ] || fail "the package is named '$(field Package)'"
[ "$(field Section)" = devel ] || fail "the section is '$(field Section)'"
version=$(field Version)
depends=$(field Depends)
# Versioned library dependencies only come from dpkg-shlibdeps reading the binary.
[[ $depends == *"libqt6widgets6 (>="* ]] || fail "Depends lacks the shlibdeps-computed Qt Widgets: $depends"
[[ $depends == *libqt6svg6* ]] || fail "Depends lacks libqt6svg6 (the SVG icon engine): $depends"
[[ $(field Recommends) == *fonts-noto-color-emoji* ]] || fail "Recommends lacks fonts-noto-color-emoji"
contents=$(dpkg-deb --contents "$deb" | awk '{print $6}')
for path in ./usr/bin/opsflow "./usr/share/applications/$id.desktop" \
            "./usr/share/metainfo/$id.metainfo.xml" "./usr/share/icons/hicolor/scalable/apps/$id.svg" \
            "./usr/share/icons/hicolor/48x48/apps/$id.png" ./usr/share/doc/opsflow/copyright; do
    grep -qxF "$path" <<<"$contents" || fail "the package lacks $path"
done

step "installing it with apt-get"
we_installed=1
touch "$marker"
"${apt[@]}" install "$deb" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "apt-get install failed"; }
installed || fail "dpkg does not list opsflow as installed after apt-get install"
[ "$(dpkg-query -W -f='${Version}' opsflow)" = "$version" ] || fail "the installed version is not $version"

step "running the installed binary"
[ "$(command -v opsflow)" = /usr/bin/opsflow ] || fail "opsflow on PATH is '$(command -v opsflow)', not /usr/bin/opsflow"
out=$(cd "$tmp" && /usr/bin/opsflow --version 2>&1) || fail "opsflow --version: $out"
[[ $out == *"$version"* ]] || fail "opsflow --version says '$out', not $version"
echo "  --version: $out"
mkdir -p "$tmp/home"
out=$(cd "$tmp" && HOME=$tmp/home QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/opsflow --self-test 2>&1) \
    || fail "opsflow --self-test: $out"
echo "  --self-test: $(tail -n 1 <<<"$out")"
# The self-test finds the diagram renderer where the package put it (without loading it).
if [ -f "$build/plugins/libopsflow-diagramrenderer.so" ]; then
    grep -q '^diagrams: /usr/lib/.*opsflow/libopsflow-diagramrenderer.so$' <<<"$out" \
        || fail "the installed app does not find its diagram renderer: $out"
    [[ $depends == *libqt6webenginecore6* ]] || fail "Depends lacks Qt WebEngine (the renderer plugin's): $depends"
fi

desktop=/usr/share/applications/$id.desktop
[ -f "$desktop" ] || fail "$desktop is not installed"
icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
icons=$(find /usr/share/icons/hicolor -path "*/apps/$icon.*" \( -name '*.png' -o -name '*.svg' \) | sort)
[ -n "$icons" ] || fail "the desktop file's Icon=$icon resolves to no file in /usr/share/icons/hicolor"
echo "  Icon=$icon resolves to $(wc -l <<<"$icons") files"

files=$(dpkg-query -L opsflow | while read -r f; do [ -d "$f" ] || echo "$f"; done)

step "removing it with apt-get"
"${apt[@]}" remove opsflow >"$tmp/remove.log" 2>&1 || { cat "$tmp/remove.log"; fail "apt-get remove failed"; }
installed && fail "dpkg still lists opsflow as installed after apt-get remove"
we_installed=0
rm -f "$marker"
left=$(while read -r f; do [ ! -e "$f" ] || echo "$f"; done <<<"$files")
[ -z "$left" ] || fail "left behind after removal: $left"
step "ok: built, installed, ran and removed $(basename "$deb") ($(wc -l <<<"$files") files)"
