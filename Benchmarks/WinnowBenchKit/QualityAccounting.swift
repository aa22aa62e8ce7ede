/// How well a cleaner's output matches what the generator injected, counted line by line.
///
/// Lines are matched by exact content: a generated line counts as kept when a line with the same bytes
/// is in the cleaned output (each output line matches at most one generated line, in order). So:
/// - a boilerplate line is *removed* when no output line equals it;
/// - a content line (title, article paragraph, list item) is *kept* when an output line equals it, or,
///   for a list item, equals its normalized form (`- ` + item after a lone bullet, `1. ` + item after a
///   lone number, `- ` + item for an inline glyph bullet), which also counts it as *normalized*;
/// - a clean document is *unchanged* when the output equals its text byte for byte.
public struct QualityTally: Sendable, Equatable, Codable {
    public struct Count: Sendable, Equatable, Codable {
        /// Lines of this kind generated.
        public var total = 0
        /// Boilerplate: lines removed. Content: lines kept.
        public var hits = 0
        public init(total: Int = 0, hits: Int = 0) { self.total = total; self.hits = hits }
        public var share: Double { total == 0 ? 1 : Double(hits) / Double(total) }
    }

    public var documents = 0
    public var cleanDocuments = 0
    public var cleanDocumentsUnchanged = 0
    /// By kind name (`ParagraphKind.name`), blank lines and bullets excluded.
    public var kinds: [String: Count] = [:]
    /// List items (after a lone bullet or number, or with an inline glyph) and how many came out normalized.
    public var listItems = 0
    public var listItemsNormalized = 0

    public init() {}

    /// Boilerplate of the rule families (every boilerplate kind but the per-site template): removed / injected.
    public var boilerplateRemoved: Count { sum { k in k.role == .boilerplate && k != .siteTemplate } }
    /// Content lines (titles, article paragraphs, list items): kept / generated.
    public var contentKept: Count { sum { k in k.role == .content } }
    public var siteTemplatesRemoved: Count { kinds[ParagraphKind.siteTemplate.name] ?? Count() }

    /// Counts summed over a set of kinds.
    public func sum(_ include: (ParagraphKind) -> Bool) -> Count {
        var c = Count()
        for kind in ParagraphKind.allCases where include(kind) {
            if let k = kinds[kind.name] { c.total += k.total; c.hits += k.hits }
        }
        return c
    }

    /// Counts by rule family (`donation-appeal`, `payment-details`, ...), boilerplate kinds only.
    public var byFamily: [(family: String, count: Count)] {
        var order: [String] = []
        var counts: [String: Count] = [:]
        for kind in ParagraphKind.allCases where kind.role == .boilerplate {
            guard let k = kinds[kind.name] else { continue }
            if counts[kind.family] == nil { order.append(kind.family) }
            counts[kind.family, default: Count()].total += k.total
            counts[kind.family, default: Count()].hits += k.hits
        }
        return order.map { ($0, counts[$0]!) }
    }

    public mutating func merge(_ other: QualityTally) {
        documents += other.documents
        cleanDocuments += other.cleanDocuments
        cleanDocumentsUnchanged += other.cleanDocumentsUnchanged
        listItems += other.listItems
        listItemsNormalized += other.listItemsNormalized
        for (name, c) in other.kinds {
            kinds[name, default: Count()].total += c.total
            kinds[name, default: Count()].hits += c.hits
        }
    }

    /// Scores one document against the cleaner's output text for it; `bullet` is what the cleaner
    /// writes for a bullet (Winnow's default `"- "`).
    public mutating func add(_ doc: GeneratedDocument, output: some Collection<UInt8>, bullet: [UInt8] = Array("- ".utf8)) {
        documents += 1
        let out = Array(output)
        if doc.clean {
            cleanDocuments += 1
            if out == doc.text { cleanDocumentsUnchanged += 1 }
        }
        var available: [ArraySlice<UInt8>: Int] = [:]
        var start = 0
        for i in 0...out.count where i == out.count || out[i] == 0x0A {
            var end = i
            if end > start && out[end - 1] == 0x0D { end -= 1 }
            if end > start { available[out[start..<end], default: 0] += 1 }
            start = i + 1
        }
        func take(_ line: ArraySlice<UInt8>) -> Bool {
            guard let n = available[line], n > 0 else { return false }
            available[line] = n - 1
            return true
        }
        var i = 0
        let kindsOfLines = doc.kinds
        while i < kindsOfLines.count {
            let kind = kindsOfLines[i]
            let line = doc.line(i)
            switch kind {
            case .blank:
                break
            case .listBullet:
                // The next line is its item: joined, or at least kept.
                guard i + 1 < kindsOfLines.count, kindsOfLines[i + 1] == .listItem else { break }
                let item = doc.line(i + 1)
                let isNumber = line.last == UInt8(ascii: ".") || line.last == UInt8(ascii: ")")
                let joined = ArraySlice(isNumber ? Array(line) + [0x20] + Array(item) : bullet + Array(item))
                var kept = false
                listItems += 1
                if take(joined) {
                    kept = true
                    listItemsNormalized += 1
                } else if take(item) {
                    kept = true
                }
                kinds[ParagraphKind.listItem.name, default: Count()].total += 1
                if kept { kinds[ParagraphKind.listItem.name, default: Count()].hits += 1 }
                i += 2
                continue
            case .listItemInline:
                // "<glyph> <item>": normalized as bullet + item.
                var itemStart = line.startIndex
                while itemStart < line.endIndex && line[itemStart] != 0x20 { itemStart += 1 }
                while itemStart < line.endIndex && line[itemStart] == 0x20 { itemStart += 1 }
                let normalized = ArraySlice(bullet + Array(line[itemStart...]))
                listItems += 1
                var kept = false
                if take(normalized) {
                    kept = true
                    listItemsNormalized += 1
                } else if take(line) {
                    kept = true
                }
                kinds[kind.name, default: Count()].total += 1
                if kept { kinds[kind.name, default: Count()].hits += 1 }
            case .listItem:
                // An item without its bullet line (not generated; scored as plain content).
                kinds[kind.name, default: Count()].total += 1
                if take(line) { kinds[kind.name, default: Count()].hits += 1 }
            default:
                let present = take(line)
                kinds[kind.name, default: Count()].total += 1
                switch kind.role {
                case .content: if present { kinds[kind.name, default: Count()].hits += 1 }
                case .boilerplate: if !present { kinds[kind.name, default: Count()].hits += 1 }
                default: break
                }
            }
            i += 1
        }
    }
}
