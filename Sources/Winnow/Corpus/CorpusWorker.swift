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
        batch.withResults { r in
            let input = batch.input.bytes
            let n = input.count
            r.stats.bytesIn += n
            r.output.reserveCapacity(n + n / 16)
            var runStart = 0   // original bytes from here up to the current line are still to be copied
            var stopped = false
            batch.forEachLine { rel, line, start, lineEnd in
                let outcome = lines.process(line)
                switch outcome {
                case .unchanged, .cleaned: if usesSites && !lines.lastHadSite { r.stats.withoutSite += 1 }
                default: break
                }
                switch outcome {
                case .blank:
                    r.stats.blankLines += 1
                case .unchanged:
                    r.stats.documents += 1
                case .bad(let problem):
                    if options.strict {
                        r.output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<start]))
                        batch.stop(at: rel, problem)
                        stopped = true
                        return false
                    }
                    r.stats.badLines += 1
                    appendBadLineMessage(batch, rel, problem, into: &r.messages)
                case .cleaned(let result, let field):
                    r.output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<start]))
                    let annotated = lines.write(line, field, result, into: &r.output)
                    if lineEnd > start + line.count { r.output.append(0x0A) }
                    runStart = lineEnd
                    r.stats.documents += 1
                    r.stats.changed += 1
                    r.stats.rewrites += result.report.rewrites.count
                    count(result.report, into: &r.stats)
                    if !annotated {
                        r.messages.append("winnow: ")
                        r.messages.append(batch.sourceName)
                        r.messages.append(":")
                        r.messages.appendLineNumber(rel)
                        r.messages.append(": the line has a top-level \"winnow\" field already; no annotation added\n")
                    }
                    if options.explain {
                        for removal in result.report.removals { explain(removal, file: batch.prefixName ? batch.sourceName : nil, line: rel, into: &r.messages) }
                    }
                    if options.recordRemoved && !result.report.removals.isEmpty {
                        let id = JSONLRawValue.range(of: idField, in: line).map { UnsafeBufferPointer(rebasing: line[$0]) }
                        lines.withText { document in
                            for removal in result.report.removals {
                                record(removal, file: batch.recordFile ? batch.sourceName : nil, line: rel, id: id,
                                       text: removal.content(in: document), into: &r.removed)
                            }
                        }
                    }
                }
                return true
            }
            if !stopped { r.output.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<n])) }
            r.stats.bytesOut += r.output.count
        }
    }

    private func count(_ report: Report, into stats: inout CorpusStats) {
        // Read in place (a removal's explanation holds references: a copy costs retains and releases).
        report.removals.withUnsafeBufferPointer { removals in
            for k in removals.indices {
                let slot = ruleSlot(removals[k])
                stats.rules[slot].blocks += 1
                stats.rules[slot].bytes += removals[k].range.count
            }
        }
    }

    private func ruleSlot(_ removal: borrowing Removal) -> Int {
        let slot = Int(removal.ruleSlot)
        if slot >= 0 && slot < ruleIDs.count { return slot }
        return ruleIDs.firstIndex(of: removal.ruleID) ?? 0
    }

    /// `[NAME:][LINE:]BLOCKLINE: rule: reason` (LINE: the JSONL line)
    private func explain(_ removal: Removal, file: String?, line: Int?, into text: inout NumberedText) {
        if let file {
            text.append(file)
            text.append(":")
        }
        if let line {
            text.appendLineNumber(line)
            text.append(":")
        }
        text.appendDecimal(removal.line)
        text.append(": ")
        text.append(removal.ruleID)
        text.append(": ")
        text.append(removal.reason)
        text.append("\n")
    }

    /// `{["file":NAME,]["line":N,"id":ID,"block_line":N | "line":N],"rule":"…","reason":"…","text":"…"}`:
    /// JSONL records name the JSONL line, the document's id and the block's line; text records the block's line.
    private func record(_ removal: Removal, file: String?, line: Int?, id: UnsafeBufferPointer<UInt8>?, text removedText: UnsafeBufferPointer<UInt8>,
                        into text: inout NumberedText) {
        text.append("{")
        if let file {
            text.append(#""file":"#)
            text.appendJSONString(file)
            text.append(",")
        }
        text.append(#""line":"#)
        if let line {
            text.appendLineNumber(line)
            text.append(#","id":"#)
            if let id { text.append(id) } else { text.append("null") }
            text.append(#","block_line":"#)
        }
        text.appendDecimal(removal.line)
        text.append(#","rule":"#)
        text.appendJSONString(removal.ruleID)
        text.append(#","reason":"#)
        text.appendJSONString(removal.reason)
        text.append(#","text":"#)
        text.appendJSONString(removedText)
        text.append("}\n")
    }

    // MARK: Text

    private mutating func processText(_ batch: CorpusBatch) {
        batch.withResults { r in
            let input = batch.input.bytes
            r.stats.bytesIn += input.count
            r.output.reserveCapacity(input.count)
            for document in batch.documents {
                let bytes = UnsafeBufferPointer(rebasing: input[document.range])
                let result = lines.cleaner.clean(bytes, site: options.site)
                r.stats.documents += 1
                if usesSites && options.site == nil { r.stats.withoutSite += 1 }
                if result.report.isEmpty {
                    r.output.append(contentsOf: bytes)
                } else {
                    r.output.append(contentsOf: result.bytes)
                    r.stats.changed += 1
                    r.stats.rewrites += result.report.rewrites.count
                }
                batch.documentEnds.append(r.output.count)
                count(result.report, into: &r.stats)
                for removal in result.report.removals {
                    if options.explain { explain(removal, file: batch.prefixName ? (document.name ?? "stdin") : nil, line: nil, into: &r.messages) }
                    if options.recordRemoved { record(removal, file: document.name, line: nil, id: nil, text: removal.content(in: bytes), into: &r.removed) }
                }
            }
            r.stats.bytesOut += r.output.count
        }
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
