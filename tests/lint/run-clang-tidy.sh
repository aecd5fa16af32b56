#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the top) over app/core, app/cli and ui, using the compile
# commands of a configured tree. Exit 1 when there are findings; 77 (skip) without
# clang-tidy or compile_commands.json.
#
#   tests/lint/run-clang-tidy.sh [BUILD_DIR] [PATH_REGEX]
#       BUILD_DIR   default: build (any preset's tree; CMAKE_EXPORT_COMPILE_COMMANDS is on)
#       PATH_REGEX  default: ^TOP/(app/core|app/cli|ui/[^/]+)/[^/]+\.cpp$ (TOP: this checkout; anchored
#                   so that tests/ui/*.cpp, whose moc files the autogen targets below do not
#                   make, is not taken for ui/)
#
#   tests/lint/run-clang-tidy.sh --changed [BUILD_DIR]
#       only the files changed since the last full clean pass (the commit named in
#       tests/lint/tidy-baseline), and the files that include a changed header; the whole
#       tree when that commit is not in this clone's history. CI runs this; the full pass is
#       the label lint-full (a whole pass takes over five minutes on two cores). After a
#       clean full pass, write its commit into tidy-baseline.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
changed_only=0
if [ "${1:-}" = "--changed" ]; then
    changed_only=1
    shift
fi
build=${1:-$top/build}
top_re=$(printf '%s' "$top" | sed 's/[][\\.*^$+?(){}|]/\\&/g')
filter=${2:-"^$top_re/(app/core|app/cli|ui/[^/]+)/[^/]+\\.cpp\$"}
if [ "$changed_only" = 1 ]; then
    baseline=$(grep -m1 -E '^[0-9a-f]{40}$' "$top/tests/lint/tidy-baseline" 2>/dev/null || true)
    if [ -n "$baseline" ] && git -C "$top" cat-file -e "$baseline^{commit}" 2>/dev/null; then
        changed=$(git -C "$top" diff --name-only "$baseline" -- app ui | grep -E '\.(cpp|h)$' || true)
        files=()
        for f in $changed; do
            [ -e "$top/$f" ] || continue
            case "$f" in
                *.cpp) files+=("$f") ;;
                *.h)
                    # A header is checked through the files that include it.
                    while IFS= read -r user; do files+=("${user#$top/}"); done < <(
                        grep -rlE "#include [\"<]$(basename "$f")[\">]" "$top/app" "$top/ui" --include='*.cpp' || true)
                    ;;
            esac
        done
        files=($(printf '%s\n' "${files[@]}" | grep -E '^(app/core|app/cli|ui/[^/]+)/[^/]+\.cpp$' | sort -u || true))
        if [ "${#files[@]}" -eq 0 ]; then
            echo "run-clang-tidy.sh: nothing changed since the full clean pass at ${baseline:0:12}"
            exit 0
        fi
        echo "run-clang-tidy.sh: ${#files[@]} files changed since the full clean pass at ${baseline:0:12}"
        alternatives=$(printf '%s\n' "${files[@]}" | sed 's/[][\\.*^$+?(){}|]/\\&/g' | paste -sd'|')
        filter="^$top_re/($alternatives)\$"
    else
        echo "run-clang-tidy.sh: the full clean pass named in tests/lint/tidy-baseline is not in this history: checking everything"
    fi
fi
runner=$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
if [ -z "$tidy" ] || [ -z "$runner" ]; then
    echo "run-clang-tidy.sh: clang-tidy is missing (apt-get install clang-tidy)"
    exit 77
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "run-clang-tidy.sh: $build/compile_commands.json is missing: configure first (cmake --preset default)"
    exit 77
fi

# Generated sources (moc, qrc) must exist for the files that include them.
cmake --build "$build" --target opsflow_core_autogen opsflow_ui_autogen >/dev/null 2>&1 || true

log=$(mktemp)
trap 'rm -f "$log"' EXIT
jobs=$(nproc) # ctest runs the tests one at a time (the presets set no parallel level)
"$runner" -clang-tidy-binary "$tidy" -p "$build" -j "$jobs" -quiet "$filter" 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' >"$log" || true
# Only our own findings: warnings in our files, not in Qt's headers.
findings=$(grep -E "^$top/(app|ui|tests)/.*: (warning|error):" "$log" | sort -u || true)
if [ -n "$findings" ]; then
    echo "$findings"
    echo "run-clang-tidy.sh: $(echo "$findings" | wc -l) findings" >&2
    exit 1
fi
if grep -q "error:" "$log"; then
    grep -B2 -A4 "error:" "$log" | head -40
    echo "run-clang-tidy.sh: clang-tidy could not run on some files" >&2
    exit 1
fi
echo "run-clang-tidy.sh: no findings"
