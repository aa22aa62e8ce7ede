#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Cleans whole batches: JSONL lines or text documents. Holds the per-thread scratch (the unescaped
/// text buffer), reused for every document; make one per worker thread and share the `Cleaner`.
///
/// A JSONL batch's unchanged, blank and bad lines are copied to the output in runs (one copy per run,
/// not per line); only changed lines are written piece by piece.
public struct CorpusWorker {
    public let options: CorpusOptions
    private var lines: JSONLLineProcessor
    private let idField: [UInt8]
    private let ruleIDs: [String]
    private let usesSites: Bool
    /// Scratch bigger than this (after a very long line) is given back after the batch.
    public let scratchLimit: Int

    public init(cleaner: Cleaner, options: CorpusOptions, scratchLimit: Int = 16 << 20) {
        self.options = options
        lines = JSONLLineProcessor(cleaner: cleaner, field: options.field, annotate: options.annotate,
                                   siteField: options.siteField, site: options.site)
        usesSites = cleaner.configuration.sites != nil
        idField = Array(options.idField.utf8)
        ruleIDs = cleaner.ruleIDs
        self.scratchLimit = scratchLimit
    }

    public var cleaner: Cleaner { lines.cleaner }

    public mutating func process(_ batch: CorpusBatch) {
        switch batch.kind {
        case .jsonl: processJSONL(batch)
        case .text: processText(batch)
        }
        lines.releaseScratch(ifAbove: scratchLimit)
    }

    // MARK: JSONL

    private mutating func processJSONL(_ batch: CorpusBatch) {
        // Work on locals (moved out of the batch, so no copy and no per-access exclusivity checks).
        var out = batch.output
        batch.output = []
        var stats = batch.stats
        var messages = batch.messages
        var removed = batch.removed
        defer {
            batch.output = out
            batch.stats = stats
            batch.messages = messages
            batch.removed = removed
        }
        let input = batch.input.bytes
        let n = input.count
        stats.bytesIn += n
        guard let base = input.baseAddress, n > 0 else { return }
        out.reserveCapacity(n + n / 16)
        var start = 0
        var runStart = 0   // original bytes from here up to the current line are still to be copied
        var rel = 0
        while start < n {
            let contentEnd: Int
            let lineEnd: Int
            if let hit = memchr(base + start, 0x0A, n - start) {
                contentEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                lineEnd = contentEnd + 1
            } else {
                contentEnd = n
                lineEnd = n
            }
            let line = UnsafeBufferPointer(start: base + start, count: contentEnd - start)
            let outcome = lines.process(line)
            switch outcome {
            case .unchanged, .cleaned: if usesSites && !lines.lastHadSite { stats.withoutSite += 1 }
            default: break
            }
            switch outcome {
            case .blank:
                stats.blankLines += 1
            case .unchanged:
                stats.documents += 1
            case .bad(let problem):
                if options.strict {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<start]))
                    var stop = NumberedText()
                    badLineMessage(batch, rel, problem, into: &stop)
                    batch.stopMessage = stop
                    batch.lineCount = rel
                    stats.bytesOut += out.count
                    return
                }
                stats.badLines += 1
                badLineMessage(batch, rel, problem, into: &messages)
            case .cleaned(let result, let field):
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<start]))
                let annotated = lines.write(line, field, result, into: &out)
                if lineEnd > contentEnd { out.append(0x0A) }
                runStart = lineEnd
                stats.documents += 1
                stats.changed += 1
                stats.rewrites += result.report.rewrites.count
                for removal in result.report.removals {
                    let slot = ruleSlot(removal)
                    stats.rules[slot].blocks += 1
                    stats.rules[slot].bytes += removal.range.count
                }
                if !annotated {
                    messages.append("winnow: ")
                    messages.append(batch.sourceName)
                    messages.append(":")
                    messages.appendLineNumber(rel)
                    messages.append(": the line has a top-level \"winnow\" field already; no annotation added\n")
                }
                if options.explain { explain(batch, rel, result.report, into: &messages) }
                if options.recordRemoved && !result.report.removals.isEmpty {
                    record(batch, rel, line, result.report, into: &removed)
                }
            }
            rel += 1
            start = lineEnd
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<n]))
        batch.lineCount = rel
        stats.bytesOut += out.count
    }

    private func ruleSlot(_ removal: Removal) -> Int {
        let slot = Int(removal.ruleSlot)
        if slot >= 0 && slot < ruleIDs.count { return slot }
        return ruleIDs.firstIndex(of: removal.ruleID) ?? 0
    }

    private func badLineMessage(_ batch: CorpusBatch, _ rel: Int, _ problem: JSONLLineProblem, into text: inout NumberedText) {
        appendBadLineMessage(batch, rel, problem, into: &text)
    }

    /// `[NAME:]LINE:BLOCKLINE: rule: reason`
    private func explain(_ batch: CorpusBatch, _ rel: Int, _ report: Report, into text: inout NumberedText) {
        for removal in report.removals {
            if batch.prefixName {
                text.append(batch.sourceName)
                text.append(":")
            }
            text.appendLineNumber(rel)
            text.append(":")
            text.appendDecimal(removal.line)
            text.append(": ")
            text.append(removal.ruleID)
            text.append(": ")
            text.append(removal.reason)
            text.append("\n")
        }
    }

    /// `{["file":NAME,]"line":N,"id":ID,"block_line":N,"rule":"…","reason":"…","text":"…"}`
    private func record(_ batch: CorpusBatch, _ rel: Int, _ line: UnsafeBufferPointer<UInt8>, _ report: Report,
                        into text: inout NumberedText) {
        let id = JSONLRawValue.range(of: idField, in: line)
        for removal in report.removals {
            text.append("{")
            if batch.recordFile {
                text.append(#""file":"#)
                text.appendJSONString(batch.sourceName)
                text.append(",")
            }
            text.append(#""line":"#)
            text.appendLineNumber(rel)
            text.append(#","id":"#)
            if let id { text.append(UnsafeBufferPointer(rebasing: line[id])) } else { text.append("null") }
            text.append(#","block_line":"#)
            text.appendDecimal(removal.line)
            text.append(#","rule":"#)
            text.appendJSONString(removal.ruleID)
            text.append(#","reason":"#)
            text.appendJSONString(removal.reason)
            text.append(#","text":"#)
            lines.removedText(removal).withUnsafeBufferPointer { text.appendJSONString($0) }
            text.append("}\n")
        }
    }

    // MARK: Text

    private mutating func processText(_ batch: CorpusBatch) {
        var out = batch.output
        batch.output = []
        var stats = batch.stats
        var messages = batch.messages
        var removed = batch.removed
        defer {
            batch.output = out
            batch.stats = stats
            batch.messages = messages
            batch.removed = removed
        }
        let input = batch.input.bytes
        stats.bytesIn += input.count
        out.reserveCapacity(input.count)
        for document in batch.documents {
            let bytes = UnsafeBufferPointer(rebasing: input[document.range])
            let result = lines.cleaner.clean(bytes, site: options.site)
            stats.documents += 1
            if usesSites && options.site == nil { stats.withoutSite += 1 }
            if result.report.isEmpty {
                out.append(contentsOf: bytes)
            } else {
                out.append(contentsOf: result.bytes)
                stats.changed += 1
                stats.rewrites += result.report.rewrites.count
            }
            batch.documentEnds.append(out.count)
            for removal in result.report.removals {
                let slot = ruleSlot(removal)
                stats.rules[slot].blocks += 1
                stats.rules[slot].bytes += removal.range.count
                if options.explain {
                    if batch.prefixName {
                        messages.append(document.name ?? "stdin")
                        messages.append(":")
                    }
                    messages.appendDecimal(removal.line)
                    messages.append(": ")
                    messages.append(removal.ruleID)
                    messages.append(": ")
                    messages.append(removal.reason)
                    messages.append("\n")
                }
                if options.recordRemoved {
                    textRecord(document, removal, bytes, into: &removed)
                }
            }
        }
        stats.bytesOut += out.count
    }

    /// `{["file":NAME,]"line":N,"rule":"…","reason":"…","text":"…"}`
    private func textRecord(_ document: CorpusBatch.Document, _ removal: Removal, _ bytes: UnsafeBufferPointer<UInt8>,
                                into text: inout NumberedText) {
        text.append("{")
        if let name = document.name {
            text.append(#""file":"#)
            text.appendJSONString(name)
            text.append(",")
        }
        text.append(#""line":"#)
        text.appendDecimal(removal.line)
        text.append(#","rule":"#)
        text.appendJSONString(removal.ruleID)
        text.append(#","reason":"#)
        text.appendJSONString(removal.reason)
        text.append(#","text":"#)
        var end = removal.range.upperBound
        if end > removal.range.lowerBound && bytes[end - 1] == 0x0A { end -= 1 }
        if end > removal.range.lowerBound && bytes[end - 1] == 0x0D { end -= 1 }
        text.appendJSONString(UnsafeBufferPointer(rebasing: bytes[removal.range.lowerBound..<end]))
        text.append("}\n")
    }
}

/// `winnow: NAME:LINE: problem`
func appendBadLineMessage(_ batch: CorpusBatch, _ rel: Int, _ problem: JSONLLineProblem, into text: inout NumberedText) {
    text.append("winnow: ")
    text.append(batch.sourceName)
    text.append(":")
    text.appendLineNumber(rel)
    text.append(": ")
    text.append(problem.description)
    text.append("\n")
}
