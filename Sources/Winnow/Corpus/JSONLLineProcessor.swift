/// Cleans the string field of one JSONL line at a time, without re-serializing the line: locate the
/// field, unescape it into a reused buffer, clean, and only if the cleaner changed something escape the
/// new text and splice it in. Every byte outside the field's string is kept; an unchanged line is not
/// rewritten at all (the caller keeps the original bytes).
///
/// Holds per-thread scratch: use one per worker thread (the `Cleaner` inside is shared).
public struct JSONLLineProcessor {
    public enum Outcome {
        /// White space only: pass through.
        case blank
        /// Not usable (not an object, no such field, not a string, broken JSON): pass through, report.
        case bad(JSONLLineProblem)
        /// The cleaner changed nothing: the original line stands.
        case unchanged
        /// The cleaner changed the text: write the new line with `write(_:_:_:into:)`.
        case cleaned(CleanResult, JSONLStringField)
    }

    public let cleaner: Cleaner
    public let field: [UInt8]
    /// Add `"winnow": {"removed": [...], "rules": {...}, "rewrites": N}` to every changed line.
    public var annotate: Bool
    /// The unescaped field of the last line processed (valid until the next call).
    public private(set) var text: [UInt8] = []

    /// The field whose URL or host names the line's site (read only when the cleaner has site statistics).
    public let siteField: [UInt8]
    /// The site of every line (overrides `siteField`).
    public let fixedSite: String?
    private let usesSites: Bool
    private var siteKeys = SiteKeys()
    /// Whether the last line processed had a site (when the cleaner uses site statistics).
    public private(set) var lastHadSite = true

    /// The key `annotate` adds.
    public static let annotationKey: [UInt8] = Array("winnow".utf8)

    public init(cleaner: Cleaner, field: String = "text", annotate: Bool = false, siteField: String = "url", site: String? = nil) {
        self.cleaner = cleaner
        self.field = Array(field.utf8)
        self.annotate = annotate
        self.siteField = Array(siteField.utf8)
        self.fixedSite = site
        usesSites = cleaner.configuration.sites != nil
    }

    /// The site of a line: `fixedSite`, or the key of the URL or host in its `siteField` (nil when the
    /// field is missing or not a string).
    public mutating func site(of line: UnsafeBufferPointer<UInt8>) -> String? {
        if let fixedSite { return fixedSite }
        guard case .success(let f) = JSONLField.locate(siteField, in: line) else { return nil }
        return siteKeys.key(fromJSONString: UnsafeBufferPointer(rebasing: line[f.valueRange]))
    }

    /// Processes `line` (without its `\n`; a trailing `\r` is fine). Writes nothing: for `.cleaned` the
    /// caller writes the new line with `write`, for every other outcome it keeps the original bytes (so
    /// runs of unchanged lines can be copied at once).
    public mutating func process(_ line: UnsafeBufferPointer<UInt8>) -> Outcome {
        if Self.isBlank(line) { return .blank }
        let field: JSONLStringField
        switch JSONLField.locate(self.field, in: line) {
        case .failure(let problem): return .bad(problem)
        case .success(let f): field = f
        }
        var site: String? = nil
        if usesSites {
            site = self.site(of: line)
            lastHadSite = site != nil
        }
        text.removeAll(keepingCapacity: true)
        text.reserveCapacity(field.valueRange.count)  // unescaping never grows the text
        JSONLField.unescape(UnsafeBufferPointer(rebasing: line[field.valueRange]), into: &text)
        let result = text.withUnsafeBufferPointer { cleaner.clean($0, site: site) }
        return result.report.isEmpty ? .unchanged : .cleaned(result, field)
    }

    /// Gives the scratch buffer back after a very long line.
    public mutating func releaseScratch(ifAbove limit: Int) {
        if text.capacity > limit { text = [] }
    }

    /// A removed block's text (its line without the terminator) in the last document.
    /// The last cleaned document's text (the unescaped field), which its report's ranges refer to.
    public func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUnsafeBufferPointer(body)
    }

    @inline(__always)
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in line where !(b == 0x20 || b == 0x09 || b == 0x0D) { return false }
        return true
    }

    /// Appends `line` (the one just processed) with its field replaced by the cleaned text, escaped, and
    /// under `annotate` the `"winnow"` field. Returns false when `annotate` is on but the line already has
    /// a top-level `"winnow"` key (then no second one is added).
    public func write(_ line: UnsafeBufferPointer<UInt8>, _ field: JSONLStringField, _ result: CleanResult,
                      into out: inout [UInt8]) -> Bool {
        guard annotate, case .failure(.missingField) = JSONLField.locate(Self.annotationKey, in: line) else {
            result.bytes.withUnsafeBufferPointer { JSONLField.splice(line: line, field: field, newValue: $0, into: &out) }
            return !annotate
        }
        // The object's closing brace: the last byte that is not white space (the line is valid JSON).
        var close = line.count - 1
        while close > 0 && (line[close] == 0x20 || line[close] == 0x09 || line[close] == 0x0D || line[close] == 0x0A) {
            close -= 1
        }
        let r = field.valueRange
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<r.lowerBound]))
        result.bytes.withUnsafeBufferPointer { JSONLField.escape($0, into: &out) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[r.upperBound..<close]))
        appendAnnotation(result.report, into: &out)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[close...]))
        return true
    }

    /// `,"winnow":{"removed":[{"line":N,"rule":"…","reason":"…","text":"…"},…],"rules":{"ID":{"blocks":N,"bytes":N},…},"rewrites":N}`
    private func appendAnnotation(_ report: Report, into out: inout [UInt8]) {
        ByteWriter.appendText(#","winnow":{"removed":["#, to: &out)
        var ids: [String] = []
        var tallies: [CorpusStats.RuleTally] = []
        for (k, removal) in report.removals.enumerated() {
            if k > 0 { out.append(0x2C) }
            ByteWriter.appendText(#"{"line":"#, to: &out)
            ByteWriter.appendDecimal(removal.line, to: &out)
            ByteWriter.appendText(#","rule":"#, to: &out)
            ByteWriter.appendJSONString(removal.ruleID, to: &out)
            ByteWriter.appendText(#","reason":"#, to: &out)
            ByteWriter.appendJSONString(removal.reason, to: &out)
            ByteWriter.appendText(#","text":"#, to: &out)
            text.withUnsafeBufferPointer { ByteWriter.appendJSONString(removal.content(in: $0), to: &out) }
            out.append(0x7D)
            let slot: Int
            if let i = ids.firstIndex(of: removal.ruleID) { slot = i } else {
                ids.append(removal.ruleID)
                tallies.append(CorpusStats.RuleTally())
                slot = ids.count - 1
            }
            tallies[slot].blocks += 1
            tallies[slot].bytes += removal.range.count
        }
        ByteWriter.appendText(#"],"rules":{"#, to: &out)
        for (k, id) in ids.enumerated() {
            if k > 0 { out.append(0x2C) }
            ByteWriter.appendJSONString(id, to: &out)
            ByteWriter.appendText(#":{"blocks":"#, to: &out)
            ByteWriter.appendDecimal(tallies[k].blocks, to: &out)
            ByteWriter.appendText(#","bytes":"#, to: &out)
            ByteWriter.appendDecimal(tallies[k].bytes, to: &out)
            out.append(0x7D)
        }
        ByteWriter.appendText(#"},"rewrites":"#, to: &out)
        ByteWriter.appendDecimal(report.rewrites.count, to: &out)
        out.append(0x7D)
    }
}
