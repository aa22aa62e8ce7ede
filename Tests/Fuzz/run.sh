#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the Winnow library.
#
#   Tests/Fuzz/run.sh TARGET [SECONDS] [LIBFUZZER-OPTION...]   fuzz for SECONDS (default 60)
#   Tests/Fuzz/run.sh TARGET replay FILE...                     run the fuzzer on saved inputs (crashes, findings)
#   Tests/Fuzz/run.sh TARGET minimize FILE                      shrink a crashing input to FILE.min
#   Tests/Fuzz/run.sh TARGET build                              only build
#
# TARGET is cleaner, jsonl, sitemodel or args (see the Fuzz*.swift file of each for what it checks).
# The fuzzer is the library's sources and the target compiled in one module with
# `swiftc -sanitize=fuzzer,address` (args: the library as a module of its own, then the command's sources
# but main.swift with the target); it is rebuilt when a source is newer than it. Everything made
# lives under .build-fuzz/ (ignored by git):
#   bin/fuzz-TARGET        the fuzzer
#   seeds/TARGET/          seeds, remade each run from Samples/ and the library's own rule examples
#   corpus/TARGET/         the corpus libFuzzer grows; kept, so successive runs continue from it
#   artifacts/TARGET/      crash-*, timeout-*, oom-*, leak-* inputs
#   findings/TARGET/       inputs that broke a property that is not a crash (the run goes on)
#   logs/TARGET-TIME.log   each run's output; the last lines are the figures (#runs, cov, ft, exec/s)
# Runs itself under nice -n 19 (the machine is shared). Exit status: libFuzzer's (0: nothing found).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/.build-fuzz

usage() { echo "usage: Tests/Fuzz/run.sh cleaner|jsonl|sitemodel|args [SECONDS|replay FILE...|minimize FILE|build] [LIBFUZZER-OPTION...]" >&2; exit 64; }
[ $# -ge 1 ] || usage
target=$1; shift
case $target in
    cleaner)   source=Tests/Fuzz/FuzzCleaner.swift;   maxlen=8192 ;;
    jsonl)     source=Tests/Fuzz/FuzzJSONL.swift;     maxlen=4096 ;;
    sitemodel) source=Tests/Fuzz/FuzzSiteModel.swift; maxlen=4096 ;;
    args)      source=Tests/Fuzz/FuzzArgs.swift;      maxlen=512 ;;
    *) usage ;;
esac
mode=${1:-60}; [ $# -ge 1 ] && shift

bin=$out/bin/fuzz-$target
mkdir -p "$out/bin" "$out/seeds/$target" "$out/corpus/$target" "$out/artifacts/$target" "$out/findings/$target" "$out/logs"

# Build when the fuzzer is missing or older than any of its sources.
sources=$(find Sources/Winnow -name '*.swift' | LC_ALL=C sort)
command_sources=$(find Sources/winnow -name '*.swift' ! -name main.swift | LC_ALL=C sort)
if [ "$target" = args ]; then deps=(Sources/winnow Tests/Fuzz/FuzzSupport.swift "$source"); else deps=(Tests/Fuzz/FuzzSupport.swift Tests/Fuzz/FuzzExamples.swift "$source"); fi
if [ ! -x "$bin" ] || [ -n "$(find Sources/Winnow "${deps[@]}" -name '*.swift' -newer "$bin" | head -1)" ]; then
    echo "run.sh: building $bin" >&2
    # Built in a folder of its own: with -g, swiftc leaves module files in the current directory.
    # ld.gold warns about every ASan register helper it cannot export; those lines are noise.
    obj=$out/obj/$target
    rm -rf "$obj"; mkdir -p "$obj"
    flags=(-sanitize=fuzzer,address -parse-as-library -O -g -wmo)
    if [ "$target" = args ]; then
        (cd "$obj" && nice -n 19 swiftc "${flags[@]}" -module-name Winnow -emit-module -emit-module-path "$obj/Winnow.swiftmodule" \
            -c -o "$obj/Winnow.o" $(printf "$root/%s " $sources) 2>&1 \
         && nice -n 19 swiftc "${flags[@]}" -module-name WinnowCommand -I "$obj" $(printf "$root/%s " $command_sources) \
            "$root/Tests/Fuzz/FuzzSupport.swift" "$root/$source" "$obj/Winnow.o" -o "$bin.tmp" 2>&1) \
            | grep -v "Cannot export local symbol" >&2 || true
    else
        (cd "$obj" && nice -n 19 swiftc "${flags[@]}" -module-name Winnow $(printf "$root/%s " $sources) \
            "$root/Tests/Fuzz/FuzzSupport.swift" "$root/Tests/Fuzz/FuzzExamples.swift" "$root/$source" -o "$bin.tmp" 2>&1) \
            | grep -v "Cannot export local symbol" >&2 || true
    fi
    [ -x "$bin.tmp" ] || { echo "run.sh: build failed" >&2; exit 1; }
    mv "$bin.tmp" "$bin"
    git rev-parse --short HEAD > "$bin.commit" 2>/dev/null || true
    git status --porcelain Sources | grep -q . && echo "(with uncommitted changes in Sources)" >> "$bin.commit" || true
fi

# libFuzzer and ASan report crashes; Swift's own backtracer would get in their way.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:handle_abort=1}
export WINNOW_FUZZ_FINDINGS=$out/findings/$target

case $mode in
    build) exit 0 ;;
    replay) [ $# -ge 1 ] || usage; exec nice -n 19 "$bin" "$@" ;;
    minimize)
        [ $# -eq 1 ] || usage
        exec nice -n 19 "$bin" -minimize_crash=1 -max_total_time=300 -exact_artifact_path="$1.min" "$1" ;;
esac
[[ $mode =~ ^[0-9]+$ ]] || usage
seconds=$mode

# Seeds: the samples, then what the target writes itself from the library's rule examples.
seeds=$out/seeds/$target
rm -rf "$seeds"; mkdir -p "$seeds"
case $target in
    cleaner)
        cp Samples/*.txt "$seeds/"
        if command -v jq >/dev/null; then
            i=0; while IFS= read -r line; do
                printf '%s' "$line" | jq -j .text > "$seeds/labelled-$i.txt" 2>/dev/null || true; i=$((i + 1))
            done < Samples/eval/labelled.jsonl
        fi ;;
    jsonl)
        i=0; while IFS= read -r line; do printf '%s' "$line" > "$seeds/labelled-$i.jsonl"; i=$((i + 1)); done < Samples/eval/labelled.jsonl ;;
esac
WINNOW_FUZZ_SEEDS=$seeds nice -n 19 "$bin" -runs=0 >/dev/null 2>&1 || true

dict=()
[ -f "Tests/Fuzz/$target.dict" ] && dict=(-dict="Tests/Fuzz/$target.dict")
log=$out/logs/$target-$(date +%Y%m%d-%H%M%S).log
echo "run.sh: fuzzing $target for $seconds s; log $log" >&2
echo "run.sh: $target built from commit $(tr '\n' ' ' < "$bin.commit" 2>/dev/null || echo unknown), started $(date -u '+%Y-%m-%d %H:%M:%S UTC')" > "$log"
status=0
nice -n 19 "$bin" "$out/corpus/$target" "$seeds" -max_total_time="$seconds" -max_len="$maxlen" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$target/" "${dict[@]}" "$@" >> "$log" 2>&1 || status=$?
# The figures: the commit, the last status line and the final stats.
head -1 "$log"
grep -E '^#[0-9]+' "$log" | tail -1
grep -E '^stat::|^FUZZ FINDINGS:' "$log" || true
echo "corpus: $(ls "$out/corpus/$target" | wc -l) inputs; crashes: $(ls "$out/artifacts/$target" | wc -l); findings: $(ls "$out/findings/$target" | wc -l)"
[ $status -eq 0 ] || echo "run.sh: the fuzzer stopped with status $status; see $log" >&2
exit $status
