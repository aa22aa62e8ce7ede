import Foundation
import Winnow
#if canImport(Glibc)
import Glibc
#endif

/// Options of a benchmark run.
public struct HarnessOptions: Sendable {
    public var size = 100_000_000
    public var corpus = CorpusConfiguration()
    public var runs = 3
    /// An existing corpus file (made by `winnow-bench generate` with the same seed and sites) instead of generating one.
    public var corpusPath: String? = nil
    public var keep = false
    public var temporaryDirectory = NSTemporaryDirectory()
    /// The `winnow` executable; nil: build it beside this benchmark (same scratch path) and use that.
    public var winnowPath: String? = nil
    /// Jobs of the all-cores run; nil: the number of cores.
    public var jobs: Int? = nil
    /// Sizes for time against size; nil: size/100, size/10 and size.
    public var scales: [Int]? = nil
    /// Slow references (datatrove) run on the first documents up to this size.
    public var referenceSample = 5_000_000
    /// Size of the in-memory sample for the rules' marginal costs.
    public var ruleSample = 32_000_000
    public var python = "python3"
    public var jsonPath: String? = nil
    public var svgPath: String? = nil
    public var commandLine = "winnow-bench"

    public init() {}
}

/// Runs the whole benchmark: corpus, rounds of every measurement, quality, rule costs, scaling.
public final class Harness {
    let options: HarnessOptions
    let generator: CorpusGenerator
    var notes: [String] = []
    var temporaryFiles: [String] = []
    let workDirectory: String

    public init(_ options: HarnessOptions) throws {
        self.options = options
        generator = CorpusGenerator(options.corpus)
        var template = Array((options.temporaryDirectory.hasSuffix("/") ? options.temporaryDirectory : options.temporaryDirectory + "/").utf8CString.dropLast())
        template += Array("winnow-bench-XXXXXX".utf8CString)
        guard let dir = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw WriteError(message: "cannot create a temporary directory in \(options.temporaryDirectory)")
        }
        workDirectory = String(cString: dir)
    }

    func progress(_ message: String) {
        var line = "winnow-bench: " + message + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    func temporary(_ name: String) -> String {
        let path = workDirectory + "/" + name
        temporaryFiles.append(path)
        return path
    }

    func cleanUp() {
        if options.keep {
            progress("kept \(workDirectory)")
            return
        }
        for f in temporaryFiles { unlink(f) }
        rmdir(workDirectory)
    }

    /// Writes the prefix corpus of `size` bytes (the documents of the main corpus that fit).
    func corpusFile(size: Int, name: String) throws -> (path: String, summary: CorpusSummary, seconds: Double) {
        let path = temporary(name)
        let start = monotonicSeconds()
        let summary = try CorpusWriter(generator).write(targetBytes: size, toPath: path)
        return (path, summary, monotonicSeconds() - start)
    }

    // MARK: Commands

    /// The `winnow` executable: given, or built beside this benchmark with the same scratch path.
    func locateWinnow() -> String? {
        if let given = options.winnowPath { return given }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let binDir = exe.deletingLastPathComponent()
        let sibling = binDir.appendingPathComponent("winnow").path
        // <scratch>/<triple>/<configuration>/winnow-bench: build `winnow` in the same scratch path.
        let scratch = binDir.deletingLastPathComponent().deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: "Package.swift") {
            let configuration = binDir.lastPathComponent == "debug" ? "debug" : "release"
            progress("building winnow (swift build -c \(configuration) --product winnow --scratch-path \(scratch.path))")
            if let outcome = try? ProcessRunner.run(["swift", "build", "-c", configuration, "--product", "winnow",
                                                     "--scratch-path", scratch.path]), !outcome.succeeded {
                notes.append("building winnow failed (exit \(outcome.status)); using the existing binary if any")
            }
        }
        return FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
    }

    /// Runs `arguments` on a two-document probe; nil when it works, else why not.
    func probe(_ arguments: [String], probeFile: String) -> String? {
        guard let outcome = try? ProcessRunner.run(arguments, stdin: probeFile) else { return "cannot run \(arguments[0])" }
        if outcome.succeeded { return nil }
        let firstLine = outcome.stderrTail.split(separator: "\n").first.map(String.init) ?? ""
        return "exit \(outcome.status)" + (firstLine.isEmpty ? "" : ": " + firstLine)
    }

    static let pythonRoundTrip = """
        import json, sys
        out = sys.stdout.buffer
        for line in sys.stdin.buffer:
            out.write(json.dumps(json.loads(line), ensure_ascii=False).encode("utf-8"))
            out.write(b"\\n")

        """

    /// datatrove's C4QualityFilter in line mode (split_paragraph=True), one Document per JSONL line;
    /// a dropped document is written with empty text, so its output can be scored too.
    static let datatroveC4 = """
        import json, sys
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
        f = C4QualityFilter(split_paragraph=True)
        out = sys.stdout.buffer
        for line in sys.stdin.buffer:
            d = json.loads(line)
            doc = Document(text=d["text"], id=d["id"])
            kept = f.filter(doc)
            d["text"] = doc.text if kept is True else ""
            out.write(json.dumps(d, ensure_ascii=False).encode("utf-8"))
            out.write(b"\\n")

        """

    // MARK: Run

    public func run() throws -> BenchmarkResults {
        defer { cleanUp() }
        let machine = MachineInfo.current()
        let jobs = options.jobs ?? machine.cores
        progress("machine: \(machine.cores) cores, \(machine.cpuModel), \(machine.kernel), load average \(machine.loadAverage)")

        // The corpus.
        var corpusPath: String
        var summary: CorpusSummary
        var generationSeconds: Double? = nil
        if let given = options.corpusPath {
            corpusPath = given
            var s = CorpusSummary()
            s.bytes = try forEachLine(ofFile: given) { _ in s.documents += 1 }
            summary = s
        } else {
            progress("generating \(ByteSize.format(options.size)) corpus (seed \(options.corpus.seed), sites \(options.corpus.sites))")
            let made = try corpusFile(size: options.size, name: "corpus.jsonl")
            corpusPath = made.path
            summary = made.summary
            generationSeconds = made.seconds
            progress("generated \(Format.grouped(summary.bytes)) bytes, \(Format.grouped(summary.documents)) documents in "
                     + "\(Format.number(made.seconds)) s (\(Format.number(Double(summary.bytes) / 1e6 / made.seconds)) MB/s)")
        }
        let probeFile = try corpusFile(size: 6_000, name: "probe.jsonl").path
        let cleaner = try Cleaner()

        // Which commands exist.
        let winnow = locateWinnow()
        var winnowProblem: String? = winnow == nil ? "winnow executable not found" : nil
        if let winnow, winnowProblem == nil {
            winnowProblem = probe([winnow, "--format", "jsonl", "--jobs", "1"], probeFile: probeFile)
        }
        let pythonScript = temporary("roundtrip.py")
        try HarnessFiles.write(Harness.pythonRoundTrip, to: pythonScript)
        let datatroveScript = temporary("datatrove_c4.py")
        try HarnessFiles.write(Harness.datatroveC4, to: datatroveScript)
        let pythonProblem = probe([options.python, pythonScript], probeFile: probeFile)
        var datatroveProblem: String? = nil
        if pythonProblem != nil {
            datatroveProblem = "python not available"
        } else if let problem = probe([options.python, "-c", "import datatrove.pipeline.filters, spacy"], probeFile: probeFile) {
            datatroveProblem = "not installed (" + problem + ")"
        } else {
            datatroveProblem = probe([options.python, datatroveScript], probeFile: probeFile)
        }
        var sample = (path: corpusPath, summary: summary)
        if datatroveProblem == nil && options.referenceSample < summary.bytes {
            let s = try corpusFile(size: options.referenceSample, name: "reference-sample.jsonl")
            sample = (s.path, s.summary)
        }

        // The rows.
        var rows: [BenchmarkRow] = []
        func row(_ id: String, _ label: String, _ command: String, winnow: Bool, on input: (path: String, summary: CorpusSummary) = (corpusPath, summary)) -> BenchmarkRow {
            BenchmarkRow(id: id, label: label, command: command, isWinnow: winnow, bytes: input.summary.bytes, documents: input.summary.documents)
        }
        var library = row("library", "Winnow library, in process, 1 thread", "Cleaner.clean per document (JSONL decode, clean, encode)", winnow: true)
        var winnow1 = row("winnow-j1", "winnow --format jsonl --jobs 1", "winnow --format jsonl --jobs 1 < FILE > /dev/null", winnow: true)
        var winnowN = row("winnow-jN", "winnow --format jsonl --jobs \(jobs)", "winnow --format jsonl --jobs \(jobs) < FILE > /dev/null", winnow: true)
        var cat = row("cat", "cat (read and copy)", "cat FILE > /dev/null", winnow: false)
        var wc = row("wc", "wc -l (byte scan)", "wc -l FILE", winnow: false)
        var python = row("python-json", "Python json.loads + json.dumps per line", "\(options.python) roundtrip.py < FILE > /dev/null", winnow: false)
        var datatrove = row("datatrove-c4", "datatrove C4QualityFilter, line mode", "\(options.python) datatrove_c4.py < FILE > /dev/null", winnow: false, on: sample)
        if let winnowProblem {
            winnow1.status = .unavailable; winnow1.note = winnowProblem
            winnowN.status = .unavailable; winnowN.note = winnowProblem
        }
        if let pythonProblem { python.status = .notInstalled; python.note = pythonProblem }
        if let datatroveProblem {
            datatrove.status = datatroveProblem.hasPrefix("not installed") || pythonProblem != nil ? .notInstalled : .unavailable
            datatrove.note = datatroveProblem
        }
        if sample.summary.bytes < summary.bytes {
            datatrove.label += " (first \(ByteSize.format(sample.summary.bytes)))"
        }

        // Rounds: every row once per round, so ratios compare runs made side by side.
        _ = try? ProcessRunner.run(["cat", corpusPath])   // warm the page cache
        var pipeline = LibraryPipeline(cleaner: cleaner)
        var stageTotals = (decode: 0.0, clean: 0.0, encode: 0.0, total: 0.0)
        let datatroveOutput = temporary("datatrove-output.jsonl")
        for round in 0..<options.runs {
            progress("round \(round + 1) of \(options.runs)")
            measure(&cat, ["cat", corpusPath], stdin: nil)
            measure(&wc, ["wc", "-l", corpusPath], stdin: nil)
            let pass = try pipeline.pass(path: corpusPath)
            library.seconds.append(pass.seconds)
            library.cpuSeconds.append(pass.cpuSeconds)
            library.peakRSS.append(nil)
            stageTotals.decode += pass.decodeSeconds
            stageTotals.clean += pass.cleanSeconds
            stageTotals.encode += pass.encodeSeconds
            stageTotals.total += pass.seconds
            progress("  library: \(Format.number(pass.megabytesPerSecond)) MB/s")
            if let winnow {
                measure(&winnow1, [winnow, "--format", "jsonl", "--jobs", "1"], stdin: corpusPath)
                measure(&winnowN, [winnow, "--format", "jsonl", "--jobs", String(jobs)], stdin: corpusPath)
            }
            measure(&python, [options.python, pythonScript], stdin: corpusPath)
            measure(&datatrove, [options.python, datatroveScript], stdin: sample.path, stdout: round == 0 ? datatroveOutput : nil)
        }
        rows = [library, winnow1, winnowN, cat, wc, python, datatrove]

        // Ratios, pair by pair within rounds.
        var ratios: [String: Double] = [:]
        func ratio(_ a: BenchmarkRow, _ b: BenchmarkRow) {
            guard a.status == .measured, b.status == .measured,
                  let r = Statistics.pairedRatio(a.roundThroughput, b.roundThroughput) else { return }
            ratios["\(a.id)/\(b.id)"] = r
        }
        for w in [library, winnow1, winnowN, cat, wc, datatrove] {
            for ref in [python, datatrove, cat, wc] where ref.id != w.id { ratio(w, ref) }
        }
        ratio(winnowN, winnow1)

        // Quality.
        var quality: [String: QualityTally] = [:]
        let scorer = Scorer(generator: generator)
        if options.corpusPath == nil {
            progress("scoring the library's output (\(Format.grouped(summary.documents)) documents)")
            quality["library"] = scorer.scoreLibrary(cleaner, documents: summary.documents)
        }
        if let winnow, winnowProblem == nil {
            let output = temporary("winnow-output.jsonl")
            progress("scoring winnow --jobs \(jobs) output")
            if let outcome = try? ProcessRunner.run([winnow, "--format", "jsonl", "--jobs", String(jobs)], stdin: corpusPath, stdout: output),
               outcome.succeeded, let score = try? scorer.score(outputPath: output) {
                quality["winnow"] = score.tally
                if score.unmatchedLines > 0 { notes.append("winnow output: \(score.unmatchedLines) lines without a known id or text") }
            }
        }
        if datatrove.status == .measured, let score = try? scorer.score(outputPath: datatroveOutput) {
            quality["datatrove-c4"] = score.tally
        }

        // Marginal cost of each rule, on an in-memory sample.
        progress("timing each rule's marginal cost")
        let ruleSample = try DocumentSample(path: corpusPath, maxBytes: options.ruleSample)
        let ids = cleaner.ruleIDs
        var configurations: [(String, Cleaner)] = [("all rules", cleaner)]
        for id in ids { configurations.append((id, try Cleaner(CleanerConfiguration(disabledRules: [id])))) }
        configurations.append(("all rules off", try Cleaner(CleanerConfiguration(disabledRules: Set(ids)))))
        var times = [[Double]](repeating: [], count: configurations.count)
        for _ in 0..<options.runs {
            for (i, c) in configurations.enumerated() { times[i].append(ruleSample.time(c.1)) }
        }
        let all = Statistics.median(times[0]) ?? 0
        var ruleCosts: [RuleCost] = []
        for (i, c) in configurations.enumerated().dropFirst() {
            let t = Statistics.median(times[i]) ?? 0
            let share = c.0 == "all rules off" ? t / all : (all - t) / all
            ruleCosts.append(RuleCost(rule: c.0, seconds: t, share: share))
        }
        ruleCosts.insert(RuleCost(rule: "all rules", seconds: all, share: 1), at: 0)

        // Time against size.
        let scales = (options.scales ?? [options.size / 100, options.size / 10, options.size]).filter { $0 > 0 }.sorted()
        var scaling: [ScalePoint] = []
        for scale in scales {
            if scale >= summary.bytes || options.corpusPath != nil && scale >= options.size {
                let end = winnow1.status == .measured
                scaling.append(ScalePoint(bytes: summary.bytes, documents: summary.documents, librarySeconds: library.medianSeconds,
                                          winnowSeconds: end ? winnow1.medianSeconds : nil, libraryCPUSeconds: library.medianCPUSeconds,
                                          winnowCPUSeconds: end ? winnow1.medianCPUSeconds : nil))
                continue
            }
            progress("time against size: \(ByteSize.format(scale))")
            let file = try corpusFile(size: scale, name: "scale-\(scale).jsonl")
            var lib: [Double] = [], cli: [Double] = [], libCPU: [Double] = [], cliCPU: [Double] = []
            for _ in 0..<options.runs {
                let pass = try pipeline.pass(path: file.path)
                lib.append(pass.seconds)
                libCPU.append(pass.cpuSeconds)
                if let winnow, winnowProblem == nil,
                   let o = try? ProcessRunner.run([winnow, "--format", "jsonl", "--jobs", "1"], stdin: file.path), o.succeeded {
                    cli.append(o.seconds)
                    cliCPU.append(o.userSeconds + o.systemSeconds)
                }
            }
            scaling.append(ScalePoint(bytes: file.summary.bytes, documents: file.summary.documents,
                                      librarySeconds: Statistics.median(lib), winnowSeconds: Statistics.median(cli),
                                      libraryCPUSeconds: Statistics.median(libCPU), winnowCPUSeconds: Statistics.median(cliCPU)))
            unlink(file.path)
        }
        var spread: [String: Double] = [:]
        spread["library"] = Statistics.linearitySpread(scaling.compactMap { p in p.libraryCPUSeconds.map { (p.bytes, $0) } })
        spread["winnow-j1"] = Statistics.linearitySpread(scaling.compactMap { p in p.winnowCPUSeconds.map { (p.bytes, $0) } })

        var stages: [String: Double] = [:]
        if stageTotals.total > 0 {
            stages["decode"] = stageTotals.decode / stageTotals.total
            stages["clean"] = stageTotals.clean / stageTotals.total
            stages["encode"] = stageTotals.encode / stageTotals.total
            stages["read"] = max(0, 1 - (stageTotals.decode + stageTotals.clean + stageTotals.encode) / stageTotals.total)
        }

        var results = BenchmarkResults(command: options.commandLine, date: HarnessFiles.isoDate(), machine: machine,
                                       corpus: options.corpus, corpusSummary: summary, generationSeconds: generationSeconds,
                                       runs: options.runs, measurements: rows, ratios: ratios, stages: stages,
                                       ruleSampleBytes: ruleSample.bytes, ruleCosts: ruleCosts, scaling: scaling,
                                       linearitySpread: spread, quality: quality, targets: [], notes: notes)
        let endLoad = MachineInfo.loadAverageNow()
        results.notes.append("load average at the start \(machine.loadAverage), at the end \(endLoad)")
        let busiest = [machine.loadAverage, endLoad].compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }.max() ?? 0
        if busiest > 0.5 {
            results.notes.append("the machine was busy with other work (load average up to \(Format.number(busiest)) on \(machine.cores) cores): "
                                 + "figures are lower and noisier than on an idle machine; compare the ratios, measured side by side")
        }
        results.targets = Targets.check(results)
        return results
    }

    func measure(_ m: inout BenchmarkRow, _ arguments: [String], stdin: String?, stdout: String? = nil) {
        guard m.status == .measured else { return }
        do {
            let outcome = try ProcessRunner.run(arguments, stdin: stdin, stdout: stdout)
            if outcome.succeeded {
                m.seconds.append(outcome.seconds)
                m.cpuSeconds.append(outcome.userSeconds + outcome.systemSeconds)
                m.peakRSS.append(outcome.peakRSS)
                progress("  \(m.id): \(Format.number(Double(m.bytes) / 1e6 / outcome.seconds)) MB/s, peak RSS \(outcome.peakRSS.map(ByteSize.format) ?? "-")")
            } else {
                m.seconds.append(nil)
                m.cpuSeconds.append(nil)
                m.peakRSS.append(nil)
                let firstLine = outcome.stderrTail.split(separator: "\n").first.map(String.init) ?? ""
                m.note = "exit \(outcome.status)" + (firstLine.isEmpty ? "" : ": " + firstLine)
                if m.seconds.allSatisfy({ $0 == nil }) { m.status = .unavailable }
            }
        } catch {
            m.status = .unavailable
            m.note = "\(error)"
        }
    }
}

/// The speed targets, checked on a run's results.
public enum Targets {
    public static func check(_ r: BenchmarkResults) -> [TargetCheck] {
        var checks: [TargetCheck] = []
        let library = r.measurement("library")
        let one = r.measurement("winnow-j1")
        let many = r.measurement("winnow-jN")
        let endToEnd = one?.status == .measured
        let oneCore = endToEnd ? one : library
        let which = endToEnd ? "winnow --jobs 1" : "library in process; winnow --format jsonl unavailable"
        if let mbps = oneCore?.megabytesPerSecond {
            checks.append(TargetCheck(name: "one core ≥ 300 MB/s", value: "\(Format.number(mbps)) MB/s (\(which))", met: mbps >= 300))
        } else {
            checks.append(TargetCheck(name: "one core ≥ 300 MB/s", value: "unavailable", met: nil))
        }
        if let ratio = r.ratios["winnow-jN/winnow-j1"] {
            checks.append(TargetCheck(name: "all \(r.machine.cores) cores ≥ 1.8x one core", value: "\(Format.fixed(ratio, decimals: 2))x", met: ratio >= 1.8))
        } else {
            checks.append(TargetCheck(name: "all \(r.machine.cores) cores ≥ 1.8x one core", value: "unavailable (winnow --format jsonl)", met: nil))
        }
        let pythonKey = endToEnd ? "winnow-j1/python-json" : "library/python-json"
        if let ratio = r.ratios[pythonKey] {
            checks.append(TargetCheck(name: "≥ 10x the Python JSON round trip", value: "\(Format.number(ratio))x (\(which))", met: ratio >= 10))
        } else {
            checks.append(TargetCheck(name: "≥ 10x the Python JSON round trip", value: "unavailable", met: nil))
        }
        let rss = [one?.maxPeakRSS, many?.maxPeakRSS].compactMap { $0 }.max()
        let atSize = "at \(ByteSize.format(r.corpusSummary.bytes))"
        if let rss {
            checks.append(TargetCheck(name: "peak RSS < 100 MB at 1 GB", value: "\(ByteSize.format(rss)) \(atSize)",
                                      met: r.corpusSummary.bytes >= 900_000_000 ? rss < 100_000_000 : nil))
        } else {
            checks.append(TargetCheck(name: "peak RSS < 100 MB at 1 GB", value: "unavailable (winnow --format jsonl)", met: nil))
        }
        if let s = r.linearitySpread["winnow-j1"] ?? r.linearitySpread["library"] {
            checks.append(TargetCheck(name: "time linear in size (spread ≤ 1.25)", value: Format.fixed(s, decimals: 2), met: s <= 1.25))
        }
        return checks
    }
}

enum HarnessFiles {
    static func write(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw WriteError(message: "cannot write \(path)")
        }
    }

    static func isoDate() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
