#!/usr/bin/env bash
# escape::mermaidLabel against the real mermaid parser: fuzz_mermaidlabel mutates its seeds
# for a few seconds, every few inputs' labels are written as diagrams (a node, an edge label,
# a store and a subgraph title), and tests/tools/check-mermaid.mjs parses and renders them
# all in chromium. Exit 1 when one does not parse; 77 (skip) without node_modules or chromium.
#
#   tests/fuzz/check-mermaid-labels.sh [--build-dir DIR] [N]     (N diagrams, default 200)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/build-fuzz"
count=200
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$(cd "$2" && pwd); shift 2 ;;
        [0-9]*) count=$1; shift ;;
        *) echo "check-mermaid-labels.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

fuzzer="$build/tests/fuzz/fuzz_mermaidlabel"
checker="$top/tests/tools/check-mermaid.mjs"
if [ ! -x "$fuzzer" ]; then
    echo "check-mermaid-labels.sh: $fuzzer is not built" >&2
    exit 2
fi
if [ ! -d "$top/tests/tools/node_modules/mermaid" ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "check-mermaid-labels.sh: mermaid or chromium is missing: run packaging/setup-debian.sh --tests"
    exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples="$work/labels.md"
: >"$samples"
mkdir -p "$work/corpus"
# Roughly `count` labels from fresh mutations, one every `every` inputs (seeds included).
runs=$((count * 20))
OPSFLOW_MERMAID_SAMPLES="$samples" OPSFLOW_MERMAID_SAMPLE_EVERY=20 \
    "$fuzzer" -runs="$runs" -seed="${OPSFLOW_FUZZ_SEED:-0}" -max_len=256 \
              -dict="$here/dict/mermaidlabel.dict" "$work/corpus" "$here/corpus/mermaidlabel" \
              >"$work/fuzz.log" 2>&1 || { cat "$work/fuzz.log"; exit 1; }
diagrams=$(grep -c '^```mermaid' "$samples" || true)
echo "check-mermaid-labels.sh: $diagrams diagrams from $runs fuzzed labels"
if ! node "$checker" "$samples" >"$work/check.log" 2>&1; then
    grep -v ': OK$' "$work/check.log" | head -40
    # Show the failing diagrams' labels, so they can become seeds and test rows.
    grep -o '^[^:]*:[0-9]*: error' "$work/check.log" | head -10 | while IFS=: read -r _ line _; do
        sed -n "$((line + 1))p" "$samples"
    done
    exit 1
fi
echo "check-mermaid-labels.sh: all parsed and rendered"
