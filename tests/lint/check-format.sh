#!/usr/bin/env bash
# Checks that every C++ file under app/, ui/ and tests/ is formatted as .clang-format says.
# Prints the files that are not (with clang-format's warnings) and exits 1; 77 (skip) when
# clang-format is missing. To fix a file: clang-format -i FILE.
#
#   tests/lint/check-format.sh [FILE…]      (default: the whole tree)
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$top"
format=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$format" ]; then
    echo "check-format.sh: clang-format is missing (apt-get install clang-format)"
    exit 77
fi

if [ $# -gt 0 ]; then
    files=("$@")
else
    mapfile -t files < <(find app ui tests -type f \( -name '*.cpp' -o -name '*.h' \) \
                              -not -path '*/node_modules/*' -not -path '*/corpus/*' | sort)
fi

bad=()
for file in "${files[@]}"; do
    if ! "$format" --dry-run -Werror --style=file "$file" >/dev/null 2>&1; then
        bad+=("$file")
    fi
done
if [ "${#bad[@]}" -gt 0 ]; then
    for file in "${bad[@]}"; do
        "$format" --dry-run --style=file "$file" 2>&1 | head -n 6 || true
    done
    echo "check-format.sh: ${#bad[@]} of ${#files[@]} files are not formatted: ${bad[*]}" >&2
    exit 1
fi
echo "check-format.sh: ${#files[@]} files formatted"
