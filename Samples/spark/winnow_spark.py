#!/usr/bin/env python3
"""Winnow inside Apache Spark: learn each site's template per partition and merge, clean with rdd.pipe.

    winnow_spark.py learn INPUT --model OUT                  one `winnow learn` per partition, one `winnow merge`
    winnow_spark.py clean INPUT OUTPUT --model MODEL         `rdd.pipe("winnow --format jsonl --model MODEL")`
    winnow_spark.py run INPUT OUTPUT --model OUT             learn, then clean with the model just learned

INPUT is JSONL (one object per line, the text in a string field, the page's URL in another), anything
`SparkContext.textFile` reads (a file, a folder, a glob; local, HDFS, S3). OUTPUT is a folder of part files
written by `saveAsTextFile`: one line out for every line in, in order.

Run it with `spark-submit winnow_spark.py ...`, or with `python3` where `pyspark` is installed (then
`--master`, default local[*]). The `winnow` binary must be on every executor: on PATH, at the path given
with `--winnow`, or shipped with `spark-submit --files` (build it with
`swift build -c release --static-swift-stdlib`: it then needs only glibc and libstdc++). The model must be
readable at `--model` on every executor when cleaning: a shared file system, or `--files site.model` and
`--model ./site.model` on YARN. The merge runs on the driver (`--driver-winnow`, default `--winnow`).

Learning is exact: merged per-partition models are the model of the whole input, byte for byte, as long as
no partition and no merge reaches `--max-entries` (the file's `dropped-below` stays 0).
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile


def winnow_args(args, *extra):
    """The options shared by learn and clean: the text field and how a line names its site."""
    out = list(extra)
    if args.field:
        out += ["--field", args.field]
    if args.site_field:
        out += ["--site-field", args.site_field]
    return out


def learn(sc, args, model_out):
    """One `winnow learn` per partition (through rdd.pipe), the models merged on the driver."""
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    bound = ["--max-entries", str(args.max_entries)] if args.max_entries else []
    command = shlex.join([args.winnow, "learn", "--format", "jsonl", "--jobs", "1", "--model", "-"]
                         + winnow_args(args) + bound)
    # Each partition's output lines are one model file; glom() keeps them together.
    models = lines.pipe(command, checkCode=True).glom()
    with tempfile.TemporaryDirectory(prefix="winnow-models-") as folder:
        paths = []
        for index, model_lines in enumerate(models.toLocalIterator()):
            path = os.path.join(folder, "part-%05d.model" % index)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(model_lines) + "\n")
            paths.append(path)
        merge = [args.driver_winnow or args.winnow, "merge", "--model", model_out] + bound + paths
        done = subprocess.run(merge, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise SystemExit("winnow merge failed (exit %d): %s" % (done.returncode, done.stderr.strip()))
    return len(paths)


def clean(sc, args, model):
    """Every partition through `winnow --format jsonl --model MODEL`: one line out per line in, in order."""
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    command = shlex.join([args.winnow, "--format", "jsonl", "--jobs", "1", "--model", model] + winnow_args(args))
    lines.pipe(command, checkCode=True).saveAsTextFile(args.output)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=["learn", "clean", "run"])
    parser.add_argument("input", help="JSONL input: a file, folder or glob that SparkContext.textFile reads")
    parser.add_argument("output", nargs="?", help="clean, run: the output folder (saveAsTextFile)")
    parser.add_argument("--model", required=True, help="learn, run: the model to write; clean: the model to use")
    parser.add_argument("--winnow", default="winnow", help="the winnow binary on the executors (default: winnow on PATH)")
    parser.add_argument("--driver-winnow", help="the winnow binary on the driver, for the merge (default: --winnow)")
    parser.add_argument("--field", help="the JSONL field to clean (winnow's default: text)")
    parser.add_argument("--site-field", help="the JSONL field whose URL or host names the site (winnow's default: url)")
    parser.add_argument("--max-entries", type=int, help="winnow learn/merge --max-entries (default: winnow's, 1000000)")
    parser.add_argument("--partitions", type=int, help="minimum partitions of the input (textFile's minPartitions)")
    parser.add_argument("--master", help="Spark master when not set by spark-submit (default local[*])")
    args = parser.parse_args(argv)
    if args.step in ("clean", "run") and not args.output:
        parser.error("%s needs an OUTPUT folder" % args.step)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("winnow-" + args.step)
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:   # plain python, not spark-submit (which sets the master)
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    try:
        if args.step in ("learn", "run"):
            parts = learn(sc, args, args.model)
            print("winnow_spark: learned %s from %d partitions" % (args.model, parts), file=sys.stderr)
        if args.step in ("clean", "run"):
            model = os.path.abspath(args.model) if args.step == "run" else args.model
            clean(sc, args, model)
            print("winnow_spark: cleaned %s into %s" % (args.input, args.output), file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
