import Winnow
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a run ends early: the status and the one-line message (nil: already reported, or quiet).
struct Exit: Error {
    var status: Int32
    var message: String?
}

/// One run of the command over its inputs.
///
/// The main thread reads inputs into batches (about `batchBytes` of whole JSONL lines, or whole text
/// documents), hands them to `jobs` worker threads, and writes finished batches in input order. At most
/// `maxInFlight` batches exist at once, so memory is bounded by batch size x jobs, not by input size.
final class Runner {
    let parsed: WinnowCommand.Parsed
    let inputs: [Input]
    let jobs: Int
    /// Bytes of whole lines per JSONL batch; text documents are grouped up to this size.
    var batchBytes: Int { pipeline.batchBytes }
    /// Read size for read(2).
    let chunkSize = 1 << 20
    let ruleIDs: [String]
    private let pipeline: CorpusPipeline
    private var pendingText: CorpusBatch? = nil
    private var stats: CorpusStats

    private var outFD: Int32 = 1
    private var outName = "stdout"
    private var outEndsWithNewline = true
    private var removedFD: Int32 = -1
    private var scratch: [UInt8] = []
    /// The first `-` input's source (bytes read ahead come first); later ones read fd 0 afresh.
    private var stdin: FileDescriptorSource?

    /// --review-html: the page, filled from the first delivered documents (cleaned again on this thread,
    /// so the workers do not keep reports), and the file it goes to.
    private var review: ReviewPage? = nil
    private let reviewLimit: Int
    private let cleaner: Cleaner?
    private var reviewFD: Int32 = -1
    /// Cleans the review's JSONL documents the way the workers do (field, site field, model).
    private var reviewLines: JSONLLineProcessor?

    private let startTime: Double
    private let showProgress: Bool
    private var lastProgress: Double = 0
    private var progressShown = false

    /// Learning (`winnow learn`): the model the batches' observations are added to, in input order.
    private var model: SiteModel?
    private let usesSites: Bool

    /// Cleans the inputs to stdout (or --output-dir).
    /// `stdin`: how the first `-` input is read (it may hold bytes read ahead).
    convenience init(parsed: WinnowCommand.Parsed, cleaner: Cleaner, inputs: [Input],
                     stdin: FileDescriptorSource = FileDescriptorSource(fd: 0)) {
        let jobs = parsed.jobs ?? usableCores()
        let options = Runner.options(parsed)
        self.init(parsed: parsed, inputs: inputs, jobs: jobs, ruleIDs: cleaner.ruleIDs, model: nil, cleaner: cleaner,
                  usesSites: cleaner.configuration.sites != nil, stdin: stdin,
                  // 256 KiB batches: a short input (score.py's 5.9 MB) does not end on one thread finishing a
                  // large last batch; per batch the cost of handing it over is a few microseconds.
                  pipeline: CorpusPipeline(cleaner: cleaner, options: options, jobs: jobs, batchBytes: 1 << 18))
    }

    /// Learns a site model from the inputs and writes it to --model.
    convenience init(parsed: WinnowCommand.Parsed, learning model: SiteModel, inputs: [Input]) {
        let jobs = parsed.jobs ?? usableCores()
        self.init(parsed: parsed, inputs: inputs, jobs: jobs, ruleIDs: [], model: model, cleaner: nil, usesSites: true,
                  pipeline: CorpusPipeline(learning: Runner.options(parsed), jobs: jobs, batchBytes: 1 << 20))
    }

    private init(parsed: WinnowCommand.Parsed, inputs: [Input], jobs: Int, ruleIDs: [String], model: SiteModel?,
                 cleaner: Cleaner?, usesSites: Bool, stdin: FileDescriptorSource = FileDescriptorSource(fd: 0),
                 pipeline: CorpusPipeline) {
        self.parsed = parsed
        self.stdin = stdin
        self.inputs = inputs
        self.jobs = jobs
        self.ruleIDs = ruleIDs
        self.model = model
        self.usesSites = usesSites
        self.cleaner = cleaner
        reviewLimit = parsed.reviewLimit ?? 50
        if parsed.reviewHTML != nil, cleaner != nil { review = ReviewPage(ruleIDs: ruleIDs) }
        stats = CorpusStats(ruleCount: ruleIDs.count)
        self.pipeline = pipeline
        startTime = monotonicSeconds()
        showProgress = isatty(2) != 0 && !parsed.explain
    }

    private static func options(_ parsed: WinnowCommand.Parsed) -> CorpusOptions {
        CorpusOptions(field: parsed.field ?? "text", idField: parsed.idField ?? "id",
                      annotate: parsed.annotate, explain: parsed.explain,
                      recordRemoved: parsed.removedOut != nil, strict: parsed.strict,
                      siteField: parsed.siteField ?? "url", site: parsed.site)
    }

    func run() -> Int32 {
        do {
            if let path = parsed.removedOut {
                removedFD = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if removedFD < 0 { throw Exit(status: ExitStatus.ioError, message: "cannot create \(path): \(errnoText(errno))") }
            }
            if let path = parsed.reviewHTML {
                reviewFD = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                if reviewFD < 0 { throw Exit(status: ExitStatus.ioError, message: "cannot create \(path): \(errnoText(errno))") }
            }
            for index in inputs.indices { try read(index) }
            try submitPendingText()
            try drain()
            try closeOutput()
            if removedFD >= 0 {
                let fd = removedFD
                removedFD = -1
                if close(fd) != 0 { throw Exit(status: ExitStatus.ioError, message: "cannot write \(parsed.removedOut!): \(errnoText(errno))") }
            }
            pipeline.shutdown()
            if let model { try SiteModelCommands.write(model, to: parsed.model!) }
            clearProgress()
            try writeReview()
            if usesSites && stats.withoutSite > 0 {
                let what = parsed.format == .text ? "no --site" : "no --site and no host in a \"\(parsed.siteField ?? "url")\" field"
                let outcome = model != nil ? "not learned from" : "cleaned without the site model"
                printError("winnow: \(stats.withoutSite) documents without a site (\(what)): \(outcome)")
            }
            if parsed.stats { printStats() }
            return ExitStatus.ok
        } catch let exit as Exit {
            pipeline.shutdown(discardQueued: true)
            clearProgress()
            if let message = exit.message { printError("winnow: \(message)") }
            // The page shows what was read before the run stopped (a bad line under --strict, a closed pipe).
            if reviewFD >= 0 {
                do { try writeReview() } catch let failure as Exit {
                    if let message = failure.message { printError("winnow: \(message)") }
                    if exit.status == ExitStatus.ok { return failure.status }
                } catch {}
            }
            return exit.status
        } catch {
            pipeline.shutdown(discardQueued: true)
            clearProgress()
            printError("winnow: \(error)")
            return ExitStatus.ioError
        }
    }

    // MARK: Review page

    /// Adds the batch's documents to the review page until it holds `reviewLimit`.
    private func collectReview(_ batch: CorpusBatch, _ lineBase: Int) {
        guard var page = review, let cleaner, page.documentCount < reviewLimit else { return }
        defer { review = page }
        let input = batch.input.bytes
        switch batch.kind {
        case .text:
            for document in batch.documents where page.documentCount < reviewLimit {
                let bytes = UnsafeBufferPointer(rebasing: input[document.range])
                page.add(name: document.name ?? "stdin", input: bytes, result: cleaner.clean(bytes, site: parsed.site))
            }
        case .jsonl:
            var lines = reviewLines ?? JSONLLineProcessor(cleaner: cleaner, field: parsed.field ?? "text",
                                                          siteField: parsed.siteField ?? "url", site: parsed.site)
            defer { reviewLines = lines }
            let idField = parsed.idField ?? "id"
            var rel = 0
            forEachLine(in: input, while: { range, _ in
                defer { rel += 1 }
                guard rel < batch.lineCount, page.documentCount < reviewLimit else { return false }
                let line = UnsafeBufferPointer(rebasing: input[range])
                let result: CleanResult
                switch lines.process(line) {
                case .blank, .bad: return true
                case .cleaned(let cleaned, _): result = cleaned
                case .unchanged: result = .unchanged(lines.text)
                }
                let id = JSONLField.valueText(idField, in: line)
                lines.withText { text in
                    page.add(name: "\(batch.sourceName):\(lineBase + rel)", detail: id.map { "\(idField) \($0)" }, input: text, result: result)
                }
                return true
            })
        }
    }

    /// Writes the review page (once) and closes its file.
    private func writeReview() throws {
        guard reviewFD >= 0, let page = review else { return }
        let fd = reviewFD
        reviewFD = -1
        var totals: [String: ReviewPage.Tally] = [:]
        for (i, id) in ruleIDs.enumerated() { totals[id] = ReviewPage.Tally(blocks: stats.rules[i].blocks, bytes: stats.rules[i].bytes) }
        let run = ReviewPage.RunTotals(documents: stats.documents, rules: totals, rewrites: stats.rewrites)
        let command = "winnow " + CommandLine.arguments.dropFirst().map(shellQuoted).joined(separator: " ")
        let html = page.render(notes: [command], run: run)
        var failed: Int32? = nil
        do { try writeAll(fd, html) } catch { failed = error.errno }
        if close(fd) != 0 && failed == nil { failed = errno }
        if let failed {
            throw Exit(status: ExitStatus.ioError, message: "cannot write \(parsed.reviewHTML!): \(errnoText(failed))")
        }
    }

    // MARK: Reading

    private func read(_ index: Int) throws {
        let input = inputs[index]
        var fd: Int32 = 0
        var sizeHint = 0
        if let path = input.path {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                let code = errno
                try finishPending()
                throw Exit(status: ExitStatus.noInput, message: "cannot open \(path): \(errnoText(code))")
            }
        }
        var st = stat()
        if fstat(fd, &st) == 0 {
            if isDirectory(st), let path = input.path {
                close(fd)
                try finishPending()
                throw Exit(status: ExitStatus.noInput, message: "\(path) is a directory (use -r to read the files in it)")
            }
            // A regular file (or stdin redirected from one): read a text document into one allocation.
            if isRegular(st) { sizeHint = max(0, Int(st.st_size) - Int(lseek(fd, 0, SEEK_CUR))) }
        }
        defer { if fd != 0 { close(fd) } }
        var source = FileDescriptorSource(fd: fd)
        if fd == 0, let first = stdin {
            source = first
            stdin = nil
            sizeHint += source.prefetchedCount
        }
        var reader = LineReader(source, chunkSize: chunkSize)
        do {
            var jsonl = parsed.format == .jsonl
            if parsed.format == .auto { jsonl = try reader.firstNonBlankByte() == 0x7B }
            if jsonl {
                try readJSONL(&reader, index)
            } else {
                try readText(&reader, index, sizeHint)
            }
        } catch let failure as ReadError {
            try finishPending()
            let status = failure.errno == EISDIR ? ExitStatus.noInput : ExitStatus.ioError
            throw Exit(status: status, message: "cannot read \(input.display): \(errnoText(failure.errno))")
        }
    }

    private func readJSONL(_ reader: inout LineReader<FileDescriptorSource>, _ index: Int) throws {
        try submitPendingText()
        var first = true
        // Batches start small and double up to `batchBytes`: every worker has work within a few
        // milliseconds, and a short input is not left to one worker in one large batch.
        var target = min(batchBytes, 64 << 10)
        repeat {
            let batch = obtainBatch()
            batch.kind = .jsonl
            batch.source = index
            batch.sourceName = inputs[index].display
            batch.prefixName = inputs.count > 1
            batch.recordFile = inputs[index].path != nil
            batch.firstOfSource = first
            first = false
            _ = try reader.nextBatch(into: batch.input, targetBytes: target)
            target = min(batchBytes, 2 * target)
            batch.lastOfSource = reader.atEnd
            try submit(batch)
        } while !reader.atEnd
    }

    private func readText(_ reader: inout LineReader<FileDescriptorSource>, _ index: Int, _ sizeHint: Int) throws {
        let batch: CorpusBatch
        if let pending = pendingText {
            batch = pending
        } else {
            batch = obtainBatch()
            batch.kind = .text
            batch.prefixName = inputs.count > 1
            pendingText = batch
        }
        let start = batch.input.count
        if sizeHint > 0 { batch.input.reserve(start + sizeHint + 4096) }
        try reader.readAll(into: batch.input)
        batch.documents.append(CorpusBatch.Document(range: start..<batch.input.count, source: index, name: inputs[index].path))
        if batch.input.count >= batchBytes || batch.documents.count >= 1024 {
            try submitPendingText()
        }
    }

    private func obtainBatch() -> CorpusBatch { pipeline.makeBatch() }

    private func submitPendingText() throws {
        guard let batch = pendingText else { return }
        pendingText = nil
        try submit(batch)
    }

    private func submit(_ batch: CorpusBatch) throws {
        try pipeline.submit(batch, deliver: deliver)
    }

    private func drain() throws {
        try pipeline.drain(deliver: deliver)
    }

    /// Writes everything read so far (before reporting a failed input).
    private func finishPending() throws {
        try submitPendingText()
        try drain()
    }

    // MARK: Writing

    private func deliver(_ batch: CorpusBatch, firstLine lineBase: Int) throws {
        if model != nil {
            model!.learn(batch.observations)
        }
        switch batch.kind {
        case .jsonl:
            if batch.firstOfSource && parsed.outputDir != nil { try openOutput(for: batch.source) }
            try writeOutput(batch.output[...])
            if batch.lastOfSource && batch.stopMessage == nil {
                if parsed.outputDir != nil {
                    try closeOutput()
                } else if batch.source < inputs.count - 1 && !outEndsWithNewline {
                    // One JSON object per line: the next input starts on a line of its own.
                    try writeOutput([0x0A][...])
                }
            }
        case .text:
            if parsed.outputDir != nil {
                var start = 0
                for (i, document) in batch.documents.enumerated() {
                    try openOutput(for: document.source)
                    try writeOutput(batch.output[start..<batch.documentEnds[i]])
                    try closeOutput()
                    start = batch.documentEnds[i]
                }
            } else {
                try writeOutput(batch.output[...])
            }
        }
        if !batch.messages.isEmpty {
            scratch.removeAll(keepingCapacity: true)
            batch.messages.render(firstLine: lineBase, into: &scratch)
            writeStderr(scratch)
        }
        if !batch.removed.isEmpty && removedFD >= 0 {
            scratch.removeAll(keepingCapacity: true)
            batch.removed.render(firstLine: lineBase, into: &scratch)
            do { try writeAll(removedFD, scratch) } catch {
                throw Exit(status: ExitStatus.ioError, message: "cannot write \(parsed.removedOut!): \(errnoText(error.errno))")
            }
        }
        stats.add(batch.stats)
        if review != nil { collectReview(batch, lineBase) }
        if let stop = batch.stopMessage {
            scratch.removeAll(keepingCapacity: true)
            stop.render(firstLine: lineBase, into: &scratch)
            writeStderr(scratch)
            throw Exit(status: ExitStatus.dataError, message: nil)
        }
        updateProgress()
    }

    private func writeOutput(_ bytes: ArraySlice<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        var failure: WriteFailure? = nil
        bytes.withUnsafeBytes { raw in
            do throws(WriteFailure) { try writeAll(outFD, raw) } catch { failure = error }
        }
        if let failure {
            if outFD == 1 && failure.errno == EPIPE { throw Exit(status: ExitStatus.ok, message: nil) }
            throw Exit(status: ExitStatus.ioError, message: "cannot write to \(outName): \(errnoText(failure.errno))")
        }
        outEndsWithNewline = bytes.last == 0x0A
    }

    private func openOutput(for source: Int) throws {
        try closeOutput()
        guard let dir = parsed.outputDir else { return }
        let path = dir + "/" + inputs[source].relativeName
        var parent = path
        if let slash = parent.lastIndex(of: "/") { parent = String(parent[..<slash]) }
        if let code = makeDirectories(parent) {
            throw Exit(status: ExitStatus.ioError, message: "cannot create folder \(parent): \(errnoText(code))")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw Exit(status: ExitStatus.ioError, message: "cannot create \(path): \(errnoText(errno))") }
        outFD = fd
        outName = path
    }

    private func closeOutput() throws {
        guard outFD != 1 else { return }
        let fd = outFD
        outFD = 1
        if close(fd) != 0 { throw Exit(status: ExitStatus.ioError, message: "cannot write \(outName): \(errnoText(errno))") }
        outName = "stdout"
    }

    private func writeStderr(_ bytes: [UInt8]) {
        clearProgress()
        _ = try? writeAll(2, bytes)
    }

    // MARK: Progress and stats

    private func updateProgress() {
        guard showProgress else { return }
        let now = monotonicSeconds()
        guard now - startTime >= 1, now - lastProgress >= 0.5 else { return }
        lastProgress = now
        let elapsed = now - startTime
        let line = "\r\u{1B}[Kwinnow: \(megabytes(stats.bytesIn)) MB, \(stats.documents) docs, \(fixed(Double(stats.bytesIn) / 1e6 / elapsed, 1)) MB/s"
        var s = line
        s.withUTF8 { _ = try? writeAll(2, UnsafeRawBufferPointer($0)) }
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        var s = "\r\u{1B}[K"
        s.withUTF8 { _ = try? writeAll(2, UnsafeRawBufferPointer($0)) }
    }

    private func printStats() {
        let elapsed = max(monotonicSeconds() - startTime, 1e-9)
        var lines: [String] = []
        if let model {
            lines.append("documents \(stats.documents) (without a site \(stats.withoutSite)), bad lines \(stats.badLines), blank lines \(stats.blankLines)")
            lines.append("\(megabytes(stats.bytesIn)) MB in, \(fixed(elapsed, 3)) s, \(fixed(Double(stats.bytesIn) / 1e6 / elapsed, 1)) MB/s, \(jobs) jobs")
            lines.append("model: " + SiteModelCommands.summary(model))
            printError(lines.map { "winnow: " + $0 }.joined(separator: "\n"))
            return
        }
        lines.append("documents \(stats.documents) (changed \(stats.changed)), bad lines \(stats.badLines), blank lines \(stats.blankLines)")
        lines.append("\(megabytes(stats.bytesIn)) MB in, \(megabytes(stats.bytesOut)) MB out, \(fixed(elapsed, 3)) s, \(fixed(Double(stats.bytesIn) / 1e6 / elapsed, 1)) MB/s, \(jobs) jobs")
        lines.append("rule".padding(20) + "blocks".leftPadded(10) + "bytes".leftPadded(14))
        for (i, id) in ruleIDs.enumerated() {
            lines.append(id.padding(20) + String(stats.rules[i].blocks).leftPadded(10) + String(stats.rules[i].bytes).leftPadded(14))
        }
        lines.append("list markup rewrites \(stats.rewrites)")
        printError(lines.map { "winnow: " + $0 }.joined(separator: "\n"))
    }
}

/// The cores this process may run on (its CPU affinity, so `taskset` and cpusets count), at least 1.
/// sched_getaffinity is not in Swift's Glibc module, so it is looked up at run time.
func usableCores() -> Int {
    #if canImport(Glibc)
    typealias GetAffinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer?) -> Int32
    if let symbol = dlsym(nil, "sched_getaffinity") {
        let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
        var mask = [UInt64](repeating: 0, count: 16)  // room for 1024 CPUs
        let status = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress) }
        let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
        if status == 0 && count > 0 { return count }
    }
    #endif
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (value * scale).rounded()
    let whole = Int(scaled / scale)
    guard digits > 0 else { return String(whole) }
    let fraction = Int(scaled) - whole * Int(scale)
    let f = String(fraction)
    return "\(whole)." + String(repeating: "0", count: max(0, digits - f.count)) + f
}

func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 2) }

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// An argument as a POSIX shell would need it: bare when made of safe characters, else single-quoted.
func shellQuoted(_ arg: String) -> String {
    let safe = !arg.isEmpty && arg.unicodeScalars.allSatisfy { s in
        (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x30 && s.value <= 0x39)
            || "-_./=:,+@%".unicodeScalars.contains(s)
    }
    if safe { return arg }
    return "'" + arg.replacing("'", with: "'\\''") + "'"
}
