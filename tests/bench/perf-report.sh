#!/usr/bin/env bash
# OpsFlow's performance as ratios to bare Qt programs doing the same job, measured in one run
# so that both sides share the machine's state (load, caches, CPU frequency):
#   1. start-up until the first page and the preview show: `opsflow --self-test` vs bare_wizard  aim ≤ 1.5×
#   2. `opsflow generate --defaults --scope enterprise` into a fresh folder vs
#      bare_writer writing three files of the same sizes                        aim ≤ 1.3×
#   3. one preview update (generate + render + highlight) vs setMarkdown of the same
#      text alone, each way bench_preview measures it (its own summary)         aim ≤ 2×
#   4. peak RSS of a walk through every Enterprise page to the summary
#      (bench_walkthrough: the real main window, preview included)              aim ≤ 90 MB
#   5. callgrind instructions of generate() with the retry and masking tables 1×, 10× and
#      100× as long: the cost per added row must stay the same (linear)
#
#   tests/bench/perf-report.sh [BUILD_DIR]     default: build (the default preset's tree)
#
# Timings alternate between the two sides run by run and report medians (hyperfine when it
# is installed, else bash's clock). Instruction counts do not depend on load. Needs valgrind
# and GNU time (apt-get install valgrind time hyperfine); without them those lines are skipped.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${PERF_RUNS:-30}

echo "perf-report: building the probes in $build"
cmake --build "$build" --target opsflow bare_wizard bare_writer bench_walkthrough bench_preview table_scaling \
    >/dev/null
opsflow="$build/opsflow"
bench="$build/tests/bench"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Milliseconds of one run of "$@" (bash's clock: no process of its own in the way).
run_ms() {
    local start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || { echo "perf-report: failed: $*" >&2; return 1; }
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", (b - a) * 1000 }'
}

# time_pair NAME PREPARE_A COMMAND_A… -- PREPARE_B COMMAND_B…: medians of $runs runs of
# each side, alternated, into $NAME_a and $NAME_b (ms). PREPARE is a shell snippet or ":".
time_pair() {
    local name=$1 prep_a=$2; shift 2
    local -a cmd_a=() cmd_b=()
    while [ "$1" != "--" ]; do cmd_a+=("$1"); shift; done
    shift
    local prep_b=$1; shift
    cmd_b=("$@")
    : >"$work/$name.a"; : >"$work/$name.b"
    if command -v hyperfine >/dev/null; then
        # Rounds of a few runs each, alternating sides; the median of every run's mean.
        local rounds=$(( (runs + 4) / 5 )) r
        for ((r = 0; r < rounds; ++r)); do
            hyperfine -N --runs 5 --warmup 1 --style none --export-csv "$work/$name.csv" \
                --prepare "bash -c '$prep_a'" "$(printf '%q ' "${cmd_a[@]}")" \
                --prepare "bash -c '$prep_b'" "$(printf '%q ' "${cmd_b[@]}")" >"$work/$name.hyperfine" 2>&1 \
                || { cat "$work/$name.hyperfine" >&2; return 1; }
            awk -F, 'NR == 2 { print $4 * 1000 }' "$work/$name.csv" >>"$work/$name.a"
            awk -F, 'NR == 3 { print $4 * 1000 }' "$work/$name.csv" >>"$work/$name.b"
        done
    else
        local i
        for ((i = 0; i < 2; ++i)); do bash -c "$prep_a"; "${cmd_a[@]}" >/dev/null 2>&1; bash -c "$prep_b"; "${cmd_b[@]}" >/dev/null 2>&1; done
        for ((i = 0; i < runs; ++i)); do
            bash -c "$prep_a"; run_ms "${cmd_a[@]}" >>"$work/$name.a"
            bash -c "$prep_b"; run_ms "${cmd_b[@]}" >>"$work/$name.b"
        done
    fi
    printf -v "${name}_a" '%.1f' "$(median <"$work/$name.a")"
    printf -v "${name}_b" '%.1f' "$(median <"$work/$name.b")"
}

timer=$(command -v hyperfine >/dev/null && echo "hyperfine, alternating rounds of 5" || echo "bash clock, alternating")
echo "perf-report: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs a side ($timer)"

# 1. Start-up to the first page shown.
time_pair startup ":" "$opsflow" --self-test -- ":" "$bench/bare_wizard"

# 2. Generate the Enterprise case into a fresh folder, against writing files of its sizes.
"$opsflow" generate "$work/sizes" --defaults --scope enterprise >/dev/null 2>&1 || {
    mkdir -p "$work/sizes"; "$opsflow" generate "$work/sizes" --defaults --scope enterprise >/dev/null; }
sizes=()
for f in docs/operations.md specs/configuration.md .env.example; do sizes+=("$(stat -c %s "$work/sizes/$f")"); done
time_pair generate "rm -rf $work/g && mkdir $work/g" "$opsflow" generate "$work/g" --defaults --scope enterprise \
    -- "rm -rf $work/w && mkdir $work/w" "$bench/bare_writer" "$work/w" "${sizes[@]}"

# 3. The preview: bench_preview's own medians of the same edit.
preview_log="$work/preview.log"
"$bench/bench_preview" summary >"$preview_log" 2>&1 || { cat "$preview_log"; exit 1; }
preview_edit=$(sed -n 's/.*one edit.*median *\([0-9.]*\) ms.*/\1/p' "$preview_log" | head -n 1)
preview_gen=$(sed -n 's/.*generation alone.*median *\([0-9.]*\) ms.*/\1/p' "$preview_log" | head -n 1)
# Each baseline bench_preview prints: "setMarkdown <how>: median N ms".
preview_rows=()
while IFS= read -r line; do
    label=$(sed -n 's/.*summary() *\(setMarkdown[^:]*\):.*/\1/p' <<<"$line" | sed 's/ *$//')
    value=$(sed -n 's/.*median *\([0-9.]*\) ms.*/\1/p' <<<"$line")
    [ -n "$label" ] && [ -n "$value" ] && preview_rows+=("$label|$value")
done < <(grep 'setMarkdown' "$preview_log")

# 4. Peak RSS of the walkthrough (and of the bare wizard, for scale).
rss_kb() {  # max RSS in kB of "$@": GNU time, else the VmHWM the walkthrough prints
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p'
    else
        "$@" 2>&1 | sed -n 's/.*peak RSS \([0-9]*\) kB.*/\1/p'
    fi
}
walk_kb=$(rss_kb "$bench/bench_walkthrough")
bare_kb=$(rss_kb "$bench/bare_wizard")
mb() { awk -v k="$1" 'BEGIN { if (k == "") print "n/a"; else printf "%.1f", k / 1024 }'; }

# 5. Instructions of generate() as the tables grow.
declare -A instructions
if command -v valgrind >/dev/null; then
    for n in 1 10 100; do
        instructions[$n]=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$n" \
                               --toggle-collect='opsflow::generate(*' "$bench/table_scaling" "$n" 2>&1 >/dev/null \
                           | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    done
fi
rows=$(( $("$bench/table_scaling" 1 >/dev/null && echo 12) ))  # 6 retry + 6 masking rows at 1×
# ... and of one whole preview update (generate, render, highlight) with 20 and 200 rows a table.
declare -A preview_instructions
if command -v valgrind >/dev/null; then
    for n in 20 200; do
        preview_instructions[$n]=$(OPSFLOW_BENCH_TABLE_ROWS=$n "$bench/bench_preview" -callgrind editToRendered 2>&1 \
                                   | sed -n 's/^ *\([0-9][0-9,]*\) instruction reads per iteration.*/\1/p' \
                                   | head -n 1 | tr -d ,)
    done
fi
# The same two comparisons as 1 and 2 in instructions (whole processes), which the machine's
# load cannot skew: where the time goes, when the timings above are noisy.
whole() { valgrind --tool=callgrind --callgrind-out-file="$work/whole.$1" "${@:2}" 2>&1 >/dev/null \
              | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
# The UI thread alone: what freezes the window. The self-test waits for the preview's
# first documents, so this includes putting them into the views (the generating runs on a
# worker), not only the first page.
uithread() { valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/ui.$1" "${@:2}" >/dev/null 2>&1
             sed -n 's/^summary: \([0-9]*\)$/\1/p' "$work/ui.$1-01"; }
if command -v valgrind >/dev/null; then
    startup_ua=$(uithread a "$opsflow" --self-test)
    startup_ub=$(uithread b "$bench/bare_wizard")
    startup_ia=$(whole a "$opsflow" --self-test)
    startup_ib=$(whole b "$bench/bare_wizard")
    rm -rf "$work/ig" "$work/iw"; mkdir "$work/ig" "$work/iw"
    generate_ia=$(whole c "$opsflow" generate "$work/ig" --defaults --scope enterprise)
    generate_ib=$(whole d "$bench/bare_writer" "$work/iw" "${sizes[@]}")
fi

mi() { awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'; }
row() { printf '%-66s %10s %10s %7s  %s\n' "$@"; }
echo
row "measure" "opsflow" "bare Qt" "ratio" "aim"
row "start-up, first page and preview shown (ms, median)" "$startup_a" "$startup_b" "$(ratio "$startup_a" "$startup_b")" "≤ 1.5"
[ -z "${startup_ia:-}" ] || row "  the same in instructions (millions, callgrind)" "$(mi "$startup_ia")" "$(mi "$startup_ib")" \
                                "$(ratio "$startup_ia" "$startup_ib")" ""
[ -z "${startup_ua:-}" ] || row "  on the UI thread alone (millions, callgrind)" "$(mi "$startup_ua")" "$(mi "$startup_ub")" \
                                "$(ratio "$startup_ua" "$startup_ub")" "≤ 2"
row "generate Enterprise, fresh folder (ms, median)" "$generate_a" "$generate_b" "$(ratio "$generate_a" "$generate_b")" "≤ 1.3"
[ -z "${generate_ia:-}" ] || row "  the same in instructions (millions, callgrind)" "$(mi "$generate_ia")" "$(mi "$generate_ib")" \
                                 "$(ratio "$generate_ia" "$generate_ib")" ""
for baseline in "${preview_rows[@]}"; do
    row "preview update vs ${baseline%%|*} (ms)" "$preview_edit" "${baseline#*|}" \
        "$(ratio "$preview_edit" "${baseline#*|}")" "≤ 2"
done
[ "${#preview_rows[@]}" -gt 0 ] || { echo "perf-report: bench_preview printed no setMarkdown line:" >&2; cat "$preview_log" >&2; }
row "peak RSS, Enterprise walkthrough (MB)" "$(mb "$walk_kb")" "$(mb "$bare_kb")" "-" "≤ 90 MB"
if [ -n "${instructions[1]:-}" ]; then
    per10=$(awk -v a="${instructions[1]}" -v b="${instructions[10]}" -v r="$rows" 'BEGIN { printf "%.0f", (b - a) / (9 * r) }')
    per100=$(awk -v a="${instructions[10]}" -v b="${instructions[100]}" -v r="$rows" 'BEGIN { printf "%.0f", (b - a) / (90 * r) }')
    echo
    row "generate() as the tables grow (callgrind)" "1×" "10×" "10×/1×" "aim"
    row "  instructions (millions)" "$(mi "${instructions[1]}")" "$(mi "${instructions[10]}")" \
        "$(ratio "${instructions[10]}" "${instructions[1]}")" "linear"
    row "  instructions per added row (1×→10×, 10×→100×)" "$per10" "$per100" "$(ratio "$per100" "$per10")" "≈ 1"
    echo "  (1× = the seed's 6 retry and 6 masking rows; 100×: $(mi "${instructions[100]}") million)"
    if [ -n "${preview_instructions[20]:-}" ] && [ -n "${preview_instructions[200]:-}" ]; then
        row "one preview update, 20 → 200 rows a table (callgrind)" "$(mi "${preview_instructions[20]}")" \
            "$(mi "${preview_instructions[200]}")" "$(ratio "${preview_instructions[200]}" "${preview_instructions[20]}")" \
            "≤ 10 (linear)"
    fi
else
    echo "generate() instructions: valgrind is not installed (apt-get install valgrind)"
fi
echo
echo "sizes written: ${sizes[*]} bytes; generation alone in the preview worker: median ${preview_gen} ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
