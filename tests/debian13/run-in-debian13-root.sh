#!/usr/bin/env bash
# Builds OpsFlow in a Debian 13 (trixie) root and runs its unit, gui and cli tests there: the
# Qt 6.8 + KSyntaxHighlighting (KF6) build that a Debian 12 host cannot make. CI runs this after
# the host's own run (.ci/run).
#
# The root is made once with `debootstrap --variant=minbase trixie` from the Debian mirror this
# machine's apt is configured with, and reused by later runs (OPSFLOW_DEBIAN13_ROOT, default
# /var/cache/opsflow/debian13). Inside it, `packaging/setup-debian.sh --tests` installs what the
# build and the tests need, exactly as on a user's Debian 13 machine. The source tree is copied
# in (tracked and untracked files, not ignored ones); the build directory and a ccache stay in
# the root, so a second run rebuilds only what changed.
#
# Needs root (debootstrap, chroot, mounts). Usage: run-in-debian13-root.sh [CTEST-LABEL-REGEX]
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
root=${OPSFLOW_DEBIAN13_ROOT:-/var/cache/opsflow/debian13}
labels=${1:-unit|gui|cli}
say() { echo "debian13: $*"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "run-in-debian13-root.sh: needs root (debootstrap, chroot and mounts); CI runs it as root" >&2
    exit 2
fi
command -v debootstrap >/dev/null || {
    echo "run-in-debian13-root.sh: debootstrap is missing: run packaging/setup-debian.sh --tests" >&2
    exit 2
}

# The Debian mirror apt uses here: the URI of the first source that serves this release's
# main suite (one-line .list or deb822 .sources). Nothing else is reachable from CI.
debian_mirror() {
    local codename files
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    shopt -s nullglob
    files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
    shopt -u nullglob
    [ -e "${files[0]}" ] || files=("${files[@]:1}")
    [ "${#files[@]}" -gt 0 ] || return 0
    awk -v suite="$codename" '
        # one-line format: deb [options] URI SUITE COMPONENTS…
        $1 == "deb" {
            i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == suite) { print $i; exit }
        }
        # deb822: a stanza with URIs: and Suites: naming the release
        /^URIs:/   { uris = $2 }
        /^Suites:/ { for (j = 2; j <= NF; j++) if ($j == suite) found = 1 }
        /^$/       { if (found && uris) { print uris; exit } uris = ""; found = 0 }
        END        { if (found && uris) print uris }
    ' "${files[@]}" | head -n 1
}

# --- The root: made once, complete or not at all (a half-made one is redone). ---
if [ ! -e "$root/.opsflow-root-complete" ]; then
    mirror=$(debian_mirror)
    if [ -z "$mirror" ]; then
        echo "run-in-debian13-root.sh: found no Debian mirror in /etc/apt/sources.list*" >&2
        exit 2
    fi
    say "making a Debian 13 root in $root from $mirror"
    rm -rf "$root.partial"
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase trixie "$root.partial" "$mirror"
    # A throw-away root: dpkg need not sync every file it unpacks (halves the set-up time).
    echo force-unsafe-io > "$root.partial/etc/dpkg/dpkg.cfg.d/opsflow-unsafe-io"
    touch "$root.partial/.opsflow-root-complete"
    rm -rf "$root"
    mv "$root.partial" "$root"
else
    say "reusing the Debian 13 root in $root"
fi

# --- Mounts for the chroot, always undone on the way out. ---
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
    done
}
trap cleanup EXIT
# dev/shm: Chromium (the diagram renderer's WebEngine) keeps its shared memory there.
for fs in proc sys dev dev/pts dev/shm; do
    mountpoint -q "/$fs" || continue
    mkdir -p "$root/$fs"
    mount --bind "/$fs" "$root/$fs"
    mounted+=("$root/$fs")
done
# apt and npm inside need the host's name resolution, and the certificate authorities this
# machine trusts beyond Debian's (a proxy's, say): ca-certificates adds them when it is
# installed, or now if it is there already.
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    if [ -x "$root/usr/sbin/update-ca-certificates" ]; then
        chroot "$root" /usr/sbin/update-ca-certificates >/dev/null
    fi
fi

# --- The sources: a fresh copy, keeping the build directory from the last run. ---
src="$root/opsflow/src"
mkdir -p "$src"
find "$src" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$top" && git ls-files -z --cached --others --exclude-standard |
        while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
        tar --null -T - -cf -) | tar -xf - -C "$src"
else
    tar -C "$top" --exclude='./build*' --exclude=node_modules -cf - . | tar -xf - -C "$src"
fi

# --- Inside: set-up as a user would run it, then build and test. ---
say "set-up, build and tests ($labels) inside"
chroot "$root" /usr/bin/env -i \
    HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb CI="${CI:-}" \
    CCACHE_DIR=/var/cache/ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    LABELS="$labels" \
    /bin/bash -euo pipefail -c '
        cd /opsflow/src
        packaging/setup-debian.sh --tests
        # ccache only speeds up the next run of this script; OpsFlow does not need it.
        dpkg-query -W -f="\${Status}" ccache 2>/dev/null | grep -q "install ok installed" ||
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ccache
        . /etc/os-release && echo "debian13: inside $PRETTY_NAME"
        cmake --preset default
        # Only what these labels run: the app and their test programs (not the benchmarks,
        # the reliability suite or the fuzzers, which the host run covers).
        targets=$(ctest --preset default -N -L "$LABELS" | sed -n "s/^ *Test *#[0-9]*: \(tst_[A-Za-z0-9_]*\)$/\1/p")
        cmake --build --preset default --target opsflow $targets
        ctest --preset default -L "$LABELS"
    '
