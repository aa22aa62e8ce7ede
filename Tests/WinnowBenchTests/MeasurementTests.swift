import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Winnow
@testable import WinnowBenchKit

/// The measurement code: statistics, child processes, line reading, the library pass, reports.
/// No test asserts a duration.
struct MeasurementTests {
    @Test("medians", arguments: [([3.0], 3.0), ([5, 1, 3], 3), ([4, 1, 3, 2], 2.5), ([2, 2, 9, 1, 2], 2)] as [([Double], Double)])
    func median(values: [Double], expected: Double) {
        #expect(Statistics.median(values) == expected)
    }

    @Test("no median of nothing")
    func emptyMedian() { #expect(Statistics.median([]) == nil) }

    @Test("ratios are taken pair by pair, skipping failed rounds")
    func pairedRatios() {
        // Round 2 of b failed; rounds 1 and 3 give 2 and 4.
        #expect(Statistics.pairedRatio([10, 50, 40], [5, nil, 10]) == 3)
        #expect(Statistics.pairedRatio([nil], [1]) == nil)
        // Not the ratio of medians: medians would give 20/10 = 2 here.
        #expect(Statistics.pairedRatio([10, 20, 30], [10, 10, 1]) == 2)
    }

    @Test("linearity spread")
    func linearity() {
        #expect(Statistics.linearitySpread([(1_000, 1), (10_000, 10), (100_000, 100)]) == 1)
        // A fixed start-up cost of 5 s does not make growth non-linear.
        #expect(Statistics.linearitySpread([(1_000, 6), (10_000, 15), (100_000, 105)]) == 1)
        // 9 s for the first 9,000 bytes, 180 s for the next 90,000: twice as slow per byte.
        #expect(Statistics.linearitySpread([(100_000, 190), (1_000, 1), (10_000, 10)]) == 2)
        #expect(Statistics.linearitySpread([(1_000, 1), (10_000, 20)]) == 2)
        #expect(Statistics.linearitySpread([(1_000, 1)]) == nil)
    }

    static func temporaryFile(_ contents: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "winnow-bench-test-\(UUID().uuidString)"
        try Data(contents).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a child's exit status, stdin and stdout")
    func child() throws {
        let input = try Self.temporaryFile(Array("one\ntwo\n".utf8))
        let output = input + ".out"
        defer { unlink(input); unlink(output) }
        let ok = try ProcessRunner.run(["cat"], stdin: input, stdout: output)
        #expect(ok.succeeded)
        #expect(FileManager.default.contents(atPath: output) == Data("one\ntwo\n".utf8))
        let failed = try ProcessRunner.run(["sh", "-c", "echo 'bad option' >&2; exit 3"])
        #expect(failed.status == 3 && !failed.succeeded)
        #expect(failed.stderrTail == "bad option\n")
        let killed = try ProcessRunner.run(["sh", "-c", "kill -9 $$"])
        #expect(killed.signaled && killed.status == 137)
    }

    @Test("a missing command throws")
    func missing() {
        #expect(throws: ProcessRunner.SpawnError.self) { try ProcessRunner.run(["winnow-bench-no-such-command"]) }
    }

    @Test("a child's peak RSS is its own, not the parent's")
    func peakRSS() throws {
        // Hold 64 MB in this process: a child's ru_maxrss would include it, its sampled VmHWM must not.
        let ballast = [UInt8](repeating: 1, count: 64 << 20)
        let outcome = try ProcessRunner.run(["sh", "-c", "sleep 0.2"])
        #expect(outcome.succeeded)
        let peak = try #require(outcome.peakRSS)
        #expect(peak > 0 && peak < 32 << 20)
        #expect(ballast.count == 64 << 20)
    }

    @Test("VmHWM is read from /proc/PID/status")
    func parseStatus() {
        let status = Array("Name:\tcat\nVmPeak:\t  9000 kB\nVmHWM:\t    1234 kB\nVmRSS:\t 1000 kB\n".utf8)
        #expect(status.withUnsafeBufferPointer { RSSPoller.parseHighWaterMark($0) } == 1234 * 1024)
        #expect(Array("VmRSS: 5 kB\n".utf8).withUnsafeBufferPointer { RSSPoller.parseHighWaterMark($0) } == 0)
    }

    @Test("lines come out whole across buffer refills", arguments: [1, 7, 64, 1 << 20])
    func lineReader(bufferSize: Int) throws {
        let long = String(repeating: "x", count: 300)
        let text = "a\n\nbb\n\(long)\nccc\nlast without newline"
        let path = try Self.temporaryFile(Array(text.utf8))
        defer { unlink(path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var reader = LineReader(fd: fd, bufferSize: bufferSize)
        defer { reader.deallocate() }
        var lines: [String] = []
        let bytes = try reader.forEachLine { lines.append(String(decoding: $0, as: UTF8.self)) }
        #expect(lines == ["a", "", "bb", long, "ccc", "last without newline"])
        #expect(bytes == text.utf8.count)
    }

    @Test("the library pass sees every document of a corpus")
    func libraryPass() throws {
        let (corpus, _, summary) = try CorpusWriter(CorpusGenerator()).bytes(targetBytes: 200_000)
        let path = try Self.temporaryFile(corpus)
        defer { unlink(path) }
        var pipeline = LibraryPipeline(cleaner: try Cleaner())
        let pass = try pipeline.pass(path: path)
        #expect(pass.documents == summary.documents)
        #expect(pass.bytes == summary.bytes)
        #expect(pass.badLines == 0)
        #expect(pass.decodeSeconds + pass.cleanSeconds + pass.encodeSeconds <= pass.seconds)
        #expect(pass.cpuSeconds > 0)
        let sample = try DocumentSample(path: path, maxBytes: 50_000)
        #expect(sample.bytes >= 50_000 && sample.texts.count < summary.documents)
    }

    @Test("command-line parsing")
    func parsing() throws {
        guard case .success(let p) = BenchCommand.parse(["generate", "--size", "2GB", "--seed=7", "--output", "c.jsonl"]) else {
            Issue.record("did not parse"); return
        }
        #expect(p.command == "generate")
        #expect(p.values == ["--size": "2GB", "--seed": "7", "--output": "c.jsonl"])
        guard case .success(let r) = BenchCommand.parse(["--size", "1GB", "--keep"]) else { Issue.record("did not parse"); return }
        #expect(r.command == "run" && r.flags == ["--keep"])
        guard case .failure = BenchCommand.parse(["generate", "--winnow", "x"]) else { Issue.record("run-only option accepted"); return }
        guard case .failure = BenchCommand.parse(["--size"]) else { Issue.record("missing value accepted"); return }
    }
}

/// The table, the JSON and the SVG, from results made up for the test.
struct ReportTests {
    static func results() -> BenchmarkResults {
        func m(_ id: String, _ label: String, winnow: Bool, _ seconds: [Double?], rss: Int? = nil, status: BenchmarkRow.Status = .measured) -> BenchmarkRow {
            var x = BenchmarkRow(id: id, label: label, command: id, isWinnow: winnow, bytes: 1_000_000_000, documents: 500_000)
            x.seconds = seconds
            x.peakRSS = seconds.map { _ in rss }
            x.status = status
            if status != .measured { x.note = "exit 64: winnow: unknown option '--format'" }
            return x
        }
        let rows = [
            m("library", "Winnow library, in process, 1 thread", winnow: true, [4, 5, 6]),
            m("winnow-j1", "winnow --format jsonl --jobs 1", winnow: true, [5, 5, 5], rss: 40_000_000),
            m("winnow-jN", "winnow --format jsonl --jobs 2", winnow: true, [2.5, 2.6, 2.7], rss: 60_000_000),
            m("cat", "cat <&>", winnow: false, [0.2, 0.2, 0.2]),
            m("python-json", "Python json", winnow: false, [50, 60, 55]),
            m("datatrove-c4", "datatrove", winnow: false, [], status: .notInstalled),
        ]
        var quality = QualityTally()
        quality.add(AccountingTests.handMade, output: AccountingTests.handMade.text)
        var r = BenchmarkResults(command: "winnow-bench --size 1GB", date: "2025-01-01T00:00:00Z",
                                 machine: MachineInfo(cores: 2, cpuModel: "Test CPU", kernel: "Linux", memoryBytes: 1 << 30, loadAverage: "0.00 0.00 0.00"),
                                 corpus: CorpusConfiguration(), corpusSummary: CorpusSummary(documents: 500_000, bytes: 1_000_000_000),
                                 generationSeconds: 3, runs: 3, measurements: rows,
                                 ratios: ["winnow-j1/python-json": 11, "winnow-jN/winnow-j1": 1.9, "library/python-json": 10.5],
                                 stages: ["read": 0.01, "decode": 0.04, "clean": 0.9, "encode": 0.05],
                                 ruleSampleBytes: 32_000_000,
                                 ruleCosts: [RuleCost(rule: "all rules", seconds: 1, share: 1), RuleCost(rule: "all rules off", seconds: 0.4, share: 0.4)],
                                 scaling: [ScalePoint(bytes: 10_000_000, documents: 5_000, librarySeconds: 0.05, winnowSeconds: 0.05),
                                           ScalePoint(bytes: 1_000_000_000, documents: 500_000, librarySeconds: 5, winnowSeconds: 5)],
                                 linearitySpread: ["winnow-j1": 1.0], quality: ["library": quality], targets: [], notes: [])
        r.targets = Targets.check(r)
        return r
    }

    @Test("targets are judged from the end-to-end rows when they exist")
    func targets() {
        let t = Self.results().targets
        #expect(t.map(\.met) == [false, true, true, true, true])
        #expect(t[0].value.hasPrefix("200 MB/s (winnow --jobs 1)"))
        #expect(t[3].value.hasPrefix("60.0 MB at 1.00 GB"))
    }

    @Test("the table names every row, unavailable ones with their reason")
    func table() {
        let text = TableReport.render(Self.results())
        #expect(text.contains("winnow --format jsonl --jobs 1"))
        #expect(text.contains("not installed: exit 64: winnow: unknown option '--format'"))
        #expect(text.contains("machine: 2 cores, Test CPU"))
        #expect(text.contains("injected boilerplate"))
    }

    @Test("the results survive a JSON round trip")
    func json() throws {
        let r = Self.results()
        let decoded = try JSONDecoder().decode(BenchmarkResults.self, from: JSONEncoder().encode(r))
        #expect(decoded.measurements == r.measurements)
        #expect(decoded.quality == r.quality)
        #expect(decoded.targets == r.targets)
    }

    @Test("the SVG is well-formed XML with one bar per measured row")
    func svg() throws {
        let svg = SVGChart.render(Self.results())
        let parser = XMLParser(data: Data(svg.utf8))
        final class Counter: NSObject, XMLParserDelegate {
            var bars = 0
            var texts: [String] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "rect", let fill = attributes["fill"], fill == "#2563eb" || fill == "#9ca3af", attributes["height"] == "26.0" { bars += 1 }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }
        }
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.bars == 5)
        #expect(counter.texts.joined().contains("cat <&>"))
    }
}
