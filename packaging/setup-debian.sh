#!/usr/bin/env bash
# Installs everything OpsFlow needs on Debian 12 or 13, idempotently: the build tool chain and
# Qt 6 from Debian's archive, Qt WebEngine and the mermaid library (npm, pinned in
# ui/diagramrenderer/package-lock.json) for the diagram renderer, and with --tests the tools
# the test suite checks documents with (npm packages pinned in tests/tools/package-lock.json,
# chromium for mermaid, the command-line clients whose help check-commands.py checks the
# documents' commands against).
# Works as root; uses sudo otherwise. Nothing else is downloaded at build or run time.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(dirname "$here")
with_tests=0
for arg in "$@"; do
    case "$arg" in
        --tests) with_tests=1 ;;
        -h|--help) echo "usage: $0 [--tests]"; exit 0 ;;
        *) echo "setup-debian.sh: unknown option '$arg'" >&2; exit 2 ;;
    esac
done

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

# The release decides a few names. Debian 12 (bookworm): Qt 6.4, clang 14, no Qt 6 build of
# KSyntaxHighlighting (OpsFlow uses its own highlighter). Debian 13 (trixie): Qt 6.8, clang 19,
# KF6 SyntaxHighlighting, and Qt's SVG plugins (the icon engine that draws the window icon)
# in a package of their own.
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
case "$codename" in
    bookworm)
        release_build_packages=()
        release_test_packages=(libclang-rt-14-dev) ;;
    trixie)
        release_build_packages=(libkf6syntaxhighlighting-dev qt6-svg-plugins)
        release_test_packages=(libclang-rt-19-dev) ;;
    *)
        echo "setup-debian.sh: this is '$(. /etc/os-release && echo "${PRETTY_NAME:-an unknown system}")';" \
             "OpsFlow's set-up knows Debian 12 (bookworm) and 13 (trixie)" >&2
        exit 2 ;;
esac

build_packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libqt6svg6 qt6-qpa-plugins libgl-dev
    qt6-webengine-dev qt6-webchannel-dev
    fonts-noto-color-emoji fonts-dejavu-core
    "${release_build_packages[@]}"
)
test_packages=(
    xvfb xauth imagemagick poppler-utils desktop-file-utils appstream
    python3 python3-dotenv python3-jsonschema python3-yaml docker-compose
    awscli postgresql-client default-mysql-client redis-tools curl
    chromium dpkg-dev file
    clang clang-format clang-tidy
    debootstrap libxml2-utils
    "${release_test_packages[@]}"
)

wanted=("${build_packages[@]}")
[ "$with_tests" = 1 ] && wanted+=("${test_packages[@]}")
# Some images ship Node.js from elsewhere (with its own npm, which conflicts with Debian's
# npm package): take Debian's only when there is no node at all.
if ! command -v npm >/dev/null 2>&1; then
    wanted+=(nodejs npm)
fi
# The same for kubectl (check-commands.py reads its help): an image may carry another
# package's /usr/bin/kubectl (Google Cloud's), which Debian's kubernetes-client would overwrite.
if [ "$with_tests" = 1 ] && [ ! -x /usr/bin/kubectl ]; then
    wanted+=(kubernetes-client)
fi

missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup-debian.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# An npm ci where the lock file is newer than what is installed (or nothing is).
npm_ci() {
    if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
        (cd "$1" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
    fi
}
# mermaid for the diagram renderer, exactly as locked; the build compiles it into the plugin.
npm_ci "$top/ui/diagramrenderer"

if [ "$with_tests" = 1 ] && [ -f "$top/tests/tools/package-lock.json" ]; then
    # The document checkers (mermaid, markdownlint-cli2, dotenv), exactly as locked.
    npm_ci "$top/tests/tools"
fi
echo "setup-debian.sh: all set"
