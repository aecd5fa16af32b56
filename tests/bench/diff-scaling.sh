#!/usr/bin/env bash
# How planning and diffing grow with the hand-written text in a project: a docs/operations.md
# of 64 KiB to 16 MiB (lines of prose, written by hand, no OpsFlow markers), regenerated with
# `opsflow generate --defaults --dry-run`: once as a plan alone, once with --force --diff (the
# whole file replaced, its diff printed). Prints seconds and peak memory (GNU time) per size;
# both should grow in proportion to the size.
#
# Usage: tests/bench/diff-scaling.sh [OPSFLOW_BINARY]   (default: build/opsflow)
set -euo pipefail
binary=${1:-build/opsflow}
[ -x "$binary" ] || { echo "diff-scaling: $binary is not built" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "diff-scaling: needs GNU time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Deterministic prose: numbered lines of varied words, blank lines between paragraphs.
prose() {
    awk -v bytes="$1" 'BEGIN {
        split("deploy rollback alert backup restore replica queue cache latency budget owner pager", w, " ");
        n = 0; i = 0;
        while (n < bytes) {
            line = sprintf("Line %d: the %s of the %s depends on the %s (%d).", i, w[i%12+1], w[(i*7)%12+1], w[(i*5)%12+1], i*31%1000);
            if (i % 6 == 5) line = "";
            print line; n += length(line) + 1; i++;
        }
    }'
}

printf '%-8s  %-22s  %-22s\n' "size" "plan: s, peak MiB" "plan + diff: s, peak MiB"
for kib in 64 256 1024 4096 16383; do
    project="$work/p$kib"
    mkdir -p "$project/docs"
    prose $((kib * 1024)) > "$project/docs/operations.md"
    plan=$(/usr/bin/time -f '%e %M' "$binary" generate "$project" --defaults --dry-run 2>&1 >/dev/null | tail -n 1)
    diff=$(/usr/bin/time -f '%e %M' "$binary" generate "$project" --defaults --dry-run --force --diff 2>&1 >/dev/null | tail -n 1)
    read -r plan_s plan_kb <<<"$plan"
    read -r diff_s diff_kb <<<"$diff"
    printf '%-8s  %-22s  %-22s\n' "${kib}K" "$plan_s s, $((plan_kb / 1024)) MiB" "$diff_s s, $((diff_kb / 1024)) MiB"
done
