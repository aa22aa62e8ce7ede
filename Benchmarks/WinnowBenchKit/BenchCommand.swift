import Foundation
import Winnow
#if canImport(Glibc)
import Glibc
#endif

/// The `winnow-bench` command. Options are declared once in `options`, which drives parsing and `--help`.
public enum BenchCommand {
    struct Option {
        var name: String
        var value: String?
        var help: String
        var commands: Set<String>
    }

    static let all: Set<String> = ["run", "generate", "clean", "score"]
    static let options: [Option] = [
        Option(name: "--size", value: "SIZE", help: "corpus size: 100MB (default), 1GB, 2GB, 512MiB", commands: ["run", "generate"]),
        Option(name: "--seed", value: "N", help: "corpus seed (default 42)", commands: all),
        Option(name: "--sites", value: "N", help: "N sites, each with a fixed template block in most of its documents (default 0)", commands: all),
        Option(name: "--output", value: "FILE", help: "generate: where to write the corpus (default stdout)", commands: ["generate"]),
        Option(name: "--truth", value: "FILE", help: "generate: also write the kind of every line of every document", commands: ["generate"]),
        Option(name: "--runs", value: "N", help: "runs of each measurement; medians are reported (default 3)", commands: ["run", "clean"]),
        Option(name: "--corpus", value: "FILE", help: "run: use this corpus (from `generate` with the same seed and sites)", commands: ["run"]),
        Option(name: "--keep", value: nil, help: "run: keep the temporary corpus and outputs", commands: ["run"]),
        Option(name: "--tmp", value: "DIR", help: "run: directory for the temporary corpus (default $TMPDIR or /tmp)", commands: ["run"]),
        Option(name: "--winnow", value: "PATH", help: "run: the winnow executable (default: build it beside winnow-bench)", commands: ["run"]),
        Option(name: "--jobs", value: "N", help: "run: jobs of the all-cores run (default: the number of cores)", commands: ["run"]),
        Option(name: "--scales", value: "SIZES", help: "run: sizes for time against size (default SIZE/100,SIZE/10,SIZE)", commands: ["run"]),
        Option(name: "--reference-sample", value: "SIZE", help: "run: datatrove runs on the first SIZE of the corpus (default 5MB)", commands: ["run"]),
        Option(name: "--rule-sample", value: "SIZE", help: "run: in-memory sample for each rule's cost (default 32MB)", commands: ["run"]),
        Option(name: "--python", value: "PATH", help: "run: the Python interpreter (default python3)", commands: ["run"]),
        Option(name: "--json", value: "FILE", help: "run: results as JSON (default Benchmarks/Results/latest.json)", commands: ["run"]),
        Option(name: "--svg", value: "FILE", help: "run: chart as SVG (default Benchmarks/Results/latest.svg)", commands: ["run"]),
        Option(name: "--disable", value: "IDS", help: "clean: rules to switch off", commands: ["clean"]),
        Option(name: "--help", value: nil, help: "show this help", commands: all),
    ]

    static var usage: String {
        var s = """
            usage: winnow-bench [run] [OPTIONS]             measure Winnow and the references, print the table
                   winnow-bench generate [OPTIONS]          write the synthetic JSONL corpus
                   winnow-bench clean FILE [OPTIONS]        run the library in process over FILE (for profiling)
                   winnow-bench score OUTPUT [OPTIONS]      score a cleaner's JSONL output against the corpus

            options:

            """
        for o in options {
            let left = o.value.map { "\(o.name) \($0)" } ?? o.name
            s += "  " + TableReport.pad(left, 26) + o.help + "\n"
        }
        return s
    }

    struct Parsed {
        var command = "run"
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var positional: [String] = []
    }

    static func parse(_ args: [String]) -> Result<Parsed, BenchUsageError> {
        var p = Parsed()
        var rest = args[...]
        if let first = rest.first, all.contains(first) { p.command = first; rest = rest.dropFirst() }
        while let arg = rest.first {
            rest = rest.dropFirst()
            guard arg.hasPrefix("--") else { p.positional.append(arg); continue }
            var name = arg
            var inline: String? = nil
            if let eq = arg.firstIndex(of: "=") { name = String(arg[..<eq]); inline = String(arg[arg.index(after: eq)...]) }
            guard let option = options.first(where: { $0.name == name }), option.commands.contains(p.command) else {
                return .failure(BenchUsageError(message: "unknown option '\(arg)' for \(p.command)"))
            }
            if option.value != nil {
                if let inline { p.values[name] = inline } else if let v = rest.first { p.values[name] = v; rest = rest.dropFirst() } else {
                    return .failure(BenchUsageError(message: "\(name) needs a value"))
                }
            } else {
                p.flags.insert(name)
            }
        }
        return .success(p)
    }

    public static func run(_ args: [String]) -> Int32 {
        let parsed: Parsed
        switch parse(args) {
        case .failure(let e):
            printError("winnow-bench: \(e.message)\n\(usage)")
            return 64
        case .success(let p): parsed = p
        }
        if parsed.flags.contains("--help") { printOut(usage); return 0 }
        do {
            var corpus = CorpusConfiguration()
            if let v = parsed.values["--seed"] { corpus.seed = try number(v, "--seed") }
            if let v = parsed.values["--sites"] { corpus.sites = try number(v, "--sites") }
            switch parsed.command {
            case "generate": return try generate(parsed, corpus)
            case "clean": return try clean(parsed)
            case "score": return try score(parsed, corpus)
            default: return try benchmark(parsed, corpus, args)
            }
        } catch let e as BenchUsageError {
            printError("winnow-bench: \(e.message)")
            return 64
        } catch {
            printError("winnow-bench: \(error)")
            return 1
        }
    }

    static func size(_ parsed: Parsed, _ name: String, default value: Int) throws -> Int {
        guard let text = parsed.values[name] else { return value }
        guard let n = ByteSize.parse(text), n > 0 else { throw BenchUsageError(message: "\(name): not a size: \(text)") }
        return n
    }

    static func number<T: FixedWidthInteger>(_ text: String, _ name: String) throws -> T {
        guard let n = T(text), n >= 0 else { throw BenchUsageError(message: "\(name): not a number: \(text)") }
        return n
    }

    static func generate(_ parsed: Parsed, _ corpus: CorpusConfiguration) throws -> Int32 {
        let target = try size(parsed, "--size", default: 100_000_000)
        let writer = CorpusWriter(CorpusGenerator(corpus))
        let start = monotonicSeconds()
        let summary: CorpusSummary
        if let output = parsed.values["--output"], output != "-" {
            summary = try writer.write(targetBytes: target, toPath: output, truthPath: parsed.values["--truth"])
        } else {
            var truthFD: Int32? = nil
            if let t = parsed.values["--truth"] {
                let fd = open(t, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard fd >= 0 else { throw WriteError(message: "cannot create \(t)") }
                truthFD = fd
            }
            defer { if let truthFD { close(truthFD) } }
            summary = try writer.write(targetBytes: target, to: 1, truth: truthFD)
        }
        let seconds = monotonicSeconds() - start
        printError("winnow-bench: wrote \(Format.grouped(summary.bytes)) bytes, \(Format.grouped(summary.documents)) documents "
                   + "in \(Format.number(seconds)) s (\(Format.number(Double(summary.bytes) / 1e6 / seconds)) MB/s)")
        return 0
    }

    static func clean(_ parsed: Parsed) throws -> Int32 {
        guard let path = parsed.positional.first else { throw BenchUsageError(message: "clean: which FILE?") }
        let disabled = Set((parsed.values["--disable"] ?? "").split(separator: ",").map(String.init))
        var pipeline = LibraryPipeline(cleaner: try Cleaner(CleanerConfiguration(disabledRules: disabled)))
        let runs: Int = try parsed.values["--runs"].map { try number($0, "--runs") } ?? 1
        for _ in 0..<max(1, runs) {
            let p = try pipeline.pass(path: path)
            printOut("\(Format.grouped(p.bytes)) bytes, \(Format.grouped(p.documents)) documents in \(Format.number(p.seconds)) s: "
                     + "\(Format.number(p.megabytesPerSecond)) MB/s, \(Format.grouped(Int(p.documentsPerSecond))) docs/s "
                     + "(decode \(Format.percent(p.decodeSeconds / p.seconds)), clean \(Format.percent(p.cleanSeconds / p.seconds)), "
                     + "encode \(Format.percent(p.encodeSeconds / p.seconds)))\n")
        }
        return 0
    }

    static func score(_ parsed: Parsed, _ corpus: CorpusConfiguration) throws -> Int32 {
        guard let path = parsed.positional.first else { throw BenchUsageError(message: "score: which OUTPUT file?") }
        let result = try Scorer(generator: CorpusGenerator(corpus)).score(outputPath: path)
        printOut(TableReport.quality(result.tally))
        if result.unmatchedLines > 0 {
            printOut("\(result.unmatchedLines) lines had no id of this corpus (\(CorpusGenerator(corpus).idPrefix)N) or no text"
                     + (result.tally.documents == 0 ? "; was the corpus generated with another --seed or --sites?" : "") + "\n")
        }
        return 0
    }

    static func benchmark(_ parsed: Parsed, _ corpus: CorpusConfiguration, _ args: [String]) throws -> Int32 {
        var o = HarnessOptions()
        o.corpus = corpus
        o.size = try size(parsed, "--size", default: 100_000_000)
        if let v = parsed.values["--runs"] { o.runs = max(1, try number(v, "--runs")) }
        o.corpusPath = parsed.values["--corpus"]
        o.keep = parsed.flags.contains("--keep")
        if let v = parsed.values["--tmp"] { o.temporaryDirectory = v }
        o.winnowPath = parsed.values["--winnow"]
        if let v = parsed.values["--jobs"] { o.jobs = max(1, try number(v, "--jobs")) }
        if let v = parsed.values["--scales"] {
            o.scales = try v.split(separator: ",").map { s in
                guard let n = ByteSize.parse(String(s)), n > 0 else { throw BenchUsageError(message: "--scales: not a size: \(s)") }
                return n
            }
        }
        o.referenceSample = try size(parsed, "--reference-sample", default: o.referenceSample)
        o.ruleSample = try size(parsed, "--rule-sample", default: o.ruleSample)
        if let v = parsed.values["--python"] { o.python = v }
        o.commandLine = (["winnow-bench"] + args).joined(separator: " ")
        let defaultDir = FileManager.default.fileExists(atPath: "Benchmarks/Results") ? "Benchmarks/Results/" : ""
        let jsonPath = parsed.values["--json"] ?? defaultDir + "latest.json"
        let svgPath = parsed.values["--svg"] ?? defaultDir + "latest.svg"

        let results = try Harness(o).run()
        printOut(TableReport.render(results))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: URL(fileURLWithPath: jsonPath))
        try Data(SVGChart.render(results).utf8).write(to: URL(fileURLWithPath: svgPath))
        printOut("\nresults: \(jsonPath), chart: \(svgPath)\n")
        return 0
    }

    static func printOut(_ s: String) {
        var s = s
        s.withUTF8 { p in _ = try? writeAll(1, Array(p)) }
    }

    static func printError(_ s: String) {
        var s = s + "\n"
        s.withUTF8 { p in _ = try? writeAll(2, Array(p)) }
    }
}

public struct BenchUsageError: Error {
    public var message: String
}
