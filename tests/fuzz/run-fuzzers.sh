#!/usr/bin/env bash
# Runs each libFuzzer target for a fixed time over its committed seeds (corpus/<name>/) and
# reproducers (regressions/<name>/). New interesting inputs go to a work corpus in the build
# tree, crashes to <build>/tests/fuzz/artifacts/. Exit 1 when any target found a crash.
#
#   tests/fuzz/run-fuzzers.sh [--build-dir DIR] [--only NAME] [--seed N] [SECONDS]
#
# --seed N makes the mutations repeatable (ctest's short pass uses 1); default: random.
# DIR: a tree configured with OPSFLOW_FUZZ=ON (the fuzz preset: build-fuzz; default), built
# with `cmake --build --preset fuzz`. SECONDS per target: 60 by default.
# To replay one crash:  build-fuzz/tests/fuzz/fuzz_NAME path/to/crash-file
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
build="$top/build-fuzz"
only=""
seconds=60
seed=0
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build=$(cd "$2" && pwd); shift 2 ;;
        --only) only=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        [0-9]*) seconds=$1; shift ;;
        *) echo "run-fuzzers.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

bin="$build/tests/fuzz"
if ! ls "$bin"/fuzz_* >/dev/null 2>&1; then
    echo "run-fuzzers.sh: no fuzzers in $bin; build them: cmake --preset fuzz && cmake --build --preset fuzz" >&2
    exit 2
fi

# The seeds a target starts from (generation reads answers files too).
seeds_of() {
    case "$1" in
        generation) echo answersfile ;;
        *) echo "$1" ;;
    esac
}

# Leaks are bugs; Qt and fontconfig's own are suppressed (tests/sanitizers).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$top/tests/sanitizers/ubsan.supp}"

failed=()
for exe in "$bin"/fuzz_*; do
    [ -x "$exe" ] && [ -f "$exe" ] || continue
    name=${exe##*/fuzz_}
    [ -z "$only" ] || [ "$only" = "$name" ] || continue
    seeds="$here/corpus/$(seeds_of "$name")"
    work="$bin/corpus-work/$name"
    artifacts="$bin/artifacts"
    mkdir -p "$work" "$artifacts"
    corpora=("$work" "$seeds")
    [ -d "$here/regressions/$name" ] && corpora+=("$here/regressions/$name")
    options=(-max_total_time="$seconds" -seed="$seed" -timeout=20 -rss_limit_mb=2560 -max_len=65536
             -print_final_stats=1 -artifact_prefix="$artifacts/$name-")
    [ -f "$here/dict/$name.dict" ] && options+=(-dict="$here/dict/$name.dict")
    echo "== fuzz_$name: ${seconds}s from $(ls "$seeds" | wc -l) seeds"
    log="$bin/fuzz_$name.log"
    if "$exe" "${options[@]}" "${corpora[@]}" >"$log" 2>&1; then
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE)' "$log" | tr '\n' ' '
        echo
    else
        echo "fuzz_$name FAILED (log: $log):"
        grep -E -A40 'ERROR: |property broken|Test unit written|SUMMARY' "$log" | head -80
        failed+=("$name")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "run-fuzzers.sh: crashes in ${failed[*]}; reproducers are in $bin/artifacts" >&2
    exit 1
fi
echo "run-fuzzers.sh: no crashes"
