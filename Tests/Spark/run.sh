#!/usr/bin/env bash
# Integration test: Winnow inside Apache Spark equals winnow run directly.
#
# Installs pyspark from PyPI into a virtual environment under .build-spark/ (reused while it has the pinned
# version), generates a corpus of a few thousand JSONL documents from several sites with winnow-bench, runs
# Samples/spark/winnow_spark.py in local[2] mode (one `winnow learn` per partition, `winnow merge` on the
# driver, then rdd.pipe through `winnow --model`), and checks:
#   1. the model learned on Spark is byte-identical to `winnow learn` over the whole corpus;
#   2. the output cleaned on Spark is byte-identical to `winnow --format jsonl --model` over the corpus;
#   3. on that output, every site's template block is removed (at least 95%) and every article line kept.
# The last line is `spark: N passed, M failed`; the exit status is non-zero on any failure, including when
# pyspark cannot be installed or Java is missing.
#
# Environment: WINNOW_SCRATCH_PATH (swift build --scratch-path, default .build), PYSPARK_VERSION.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCRATCH=${WINNOW_SCRATCH_PATH:-.build}
PYSPARK_VERSION=${PYSPARK_VERSION:-3.5.9}
VENV=$ROOT/.build-spark/venv
WORK=$(mktemp -d "${TMPDIR:-/tmp}/winnow-spark-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

finish() {
    echo "spark: $passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
    exit $?
}
give_up() {   # a step every check needs failed: the checks count as failed
    echo "spark: $1" >&2
    failed=3
    finish
}
check() {     # check NAME COMMAND...
    local name=$1; shift
    if "$@"; then
        echo "spark: ok: $name"
        passed=$((passed + 1))
    else
        echo "spark: FAILED: $name" >&2
        failed=$((failed + 1))
    fi
}

command -v java >/dev/null 2>&1 || give_up "Java is needed by Spark and was not found (install a JDK 17)"

echo "spark: building winnow (release, scratch path $SCRATCH)"
swift build -c release --scratch-path "$SCRATCH" --product winnow >"$WORK/build.log" 2>&1 \
    && swift build -c release --scratch-path "$SCRATCH" --product winnow-bench >>"$WORK/build.log" 2>&1 \
    || { tail -20 "$WORK/build.log" >&2; give_up "swift build failed"; }
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
WINNOW=$BIN/winnow

if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "spark: installing pyspark==$PYSPARK_VERSION into $VENV"
    rm -rf "$VENV"
    if ! { python3 -m venv "$VENV" && "$VENV/bin/pip" install --disable-pip-version-check -q "pyspark==$PYSPARK_VERSION"; } >"$WORK/pip.log" 2>&1; then
        give_up "pyspark could not be installed: $(grep -v '^\s*$' "$WORK/pip.log" | tail -1)"
    fi
fi

echo "spark: generating the corpus"
"$BIN/winnow-bench" generate --size 6MB --sites 4 --seed 42 --output "$WORK/corpus.jsonl" 2>"$WORK/generate.log" \
    || { cat "$WORK/generate.log" >&2; give_up "winnow-bench generate failed"; }
echo "spark: $(wc -l < "$WORK/corpus.jsonl") documents, 4 sites"

echo "spark: winnow directly"
"$WINNOW" learn --format jsonl --model "$WORK/direct.model" "$WORK/corpus.jsonl" || give_up "winnow learn failed"
"$WINNOW" --format jsonl --model "$WORK/direct.model" "$WORK/corpus.jsonl" > "$WORK/direct.jsonl" || give_up "winnow --model failed"

echo "spark: winnow inside Spark, local[2], 4 partitions"
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
if ! "$VENV/bin/python" Samples/spark/winnow_spark.py run "$WORK/corpus.jsonl" "$WORK/spark-out" \
        --model "$WORK/spark.model" --winnow "$WINNOW" --master 'local[2]' --partitions 4 >"$WORK/spark.log" 2>&1; then
    tail -30 "$WORK/spark.log" >&2
    give_up "the Spark job failed"
fi
parts=$(ls "$WORK/spark-out"/part-* | wc -l)
echo "spark: the job wrote $parts part files"
cat "$WORK/spark-out"/part-* > "$WORK/spark.jsonl"

check "the model learned per partition and merged equals winnow learn over the whole corpus" \
    cmp "$WORK/spark.model" "$WORK/direct.model"
check "the output cleaned through rdd.pipe equals winnow over the whole corpus" \
    cmp "$WORK/spark.jsonl" "$WORK/direct.jsonl"

"$BIN/winnow-bench" score "$WORK/spark.jsonl" --sites 4 --seed 42 > "$WORK/score.txt" 2>&1
templates=$(awk '/site templates/ { for (i = 1; i <= NF; i++) if ($i ~ /%$/) { sub(/%/, "", $i); print $i; exit } }' "$WORK/score.txt")
articles=$(awk '/^  article lines/ { for (i = 1; i <= NF; i++) if ($i ~ /%$/) { sub(/%/, "", $i); print $i; exit } }' "$WORK/score.txt")
echo "spark: site templates removed ${templates:-?}%, article lines kept ${articles:-?}%"
check "site templates removed (>= 95%) and every article line kept" \
    awk -v t="${templates:-0}" -v a="${articles:-0}" 'BEGIN { exit !(t >= 95 && a == 100) }'
finish
