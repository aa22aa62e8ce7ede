/// What a corpus run did, summed over batches: documents, bytes, bad lines, and per rule the blocks and
/// bytes removed.
public struct CorpusStats: Sendable, Equatable {
    public struct RuleTally: Sendable, Equatable {
        public var blocks = 0
        /// Bytes of the removed lines (terminators included), in the document text (after unescaping).
        public var bytes = 0
    }

    /// Documents cleaned: JSONL lines with the field, or text files.
    public var documents = 0
    /// Documents whose text changed.
    public var changed = 0
    /// JSONL lines passed through because they were not usable (not an object, no such field, ...).
    public var badLines = 0
    /// Blank JSONL lines (passed through).
    public var blankLines = 0
    /// Bytes read and written (whole lines for JSONL).
    public var bytesIn = 0
    public var bytesOut = 0
    /// List markup rewrites.
    public var rewrites = 0
    /// Documents whose site was not known (no `--site`, and no usable site field): cleaned without site
    /// statistics, and not learned from.
    public var withoutSite = 0
    /// Per rule, in the order of `Cleaner.ruleIDs`.
    public var rules: [RuleTally]

    public init(ruleCount: Int) {
        rules = Array(repeating: RuleTally(), count: ruleCount)
    }

    public mutating func add(_ other: CorpusStats) {
        documents += other.documents
        changed += other.changed
        badLines += other.badLines
        blankLines += other.blankLines
        bytesIn += other.bytesIn
        bytesOut += other.bytesOut
        rewrites += other.rewrites
        withoutSite += other.withoutSite
        for i in rules.indices where i < other.rules.count {
            rules[i].blocks += other.rules[i].blocks
            rules[i].bytes += other.rules[i].bytes
        }
    }

    public mutating func reset() {
        let count = rules.count
        self = CorpusStats(ruleCount: count)
    }
}

/// What a worker does with JSONL lines and documents, besides cleaning.
public struct CorpusOptions: Sendable {
    /// The JSONL string field to clean.
    public var field: String = "text"
    /// The JSONL field copied into removed-block records as `"id"`.
    public var idField: String = "id"
    /// Add a `"winnow"` field to each changed JSONL line.
    public var annotate = false
    /// Write one message per removed block.
    public var explain = false
    /// Write one JSONL record per removed block.
    public var recordRemoved = false
    /// Stop at the first bad JSONL line.
    public var strict = false
    /// The JSONL field whose URL (or bare host) names a document's site, for site statistics.
    public var siteField: String = "url"
    /// The site of every document (overrides `siteField`); text documents have no site without it.
    public var site: String? = nil

    public init(field: String = "text", idField: String = "id", annotate: Bool = false, explain: Bool = false,
                recordRemoved: Bool = false, strict: Bool = false, siteField: String = "url", site: String? = nil) {
        self.field = field
        self.idField = idField
        self.annotate = annotate
        self.explain = explain
        self.recordRemoved = recordRemoved
        self.strict = strict
        self.siteField = siteField
        self.site = site
    }
}

/// One unit of work: a run of whole JSONL lines from one input, or a group of whole text documents,
/// with room for everything a worker produces. Batches are reused (the buffers keep their storage), so a
/// run allocates a bounded number of them however large the corpus.
///
/// Owned by one thread at a time; `OrderedExecutor` hands it over under its lock.
public final class CorpusBatch: @unchecked Sendable {
    public enum Kind: Sendable { case jsonl, text }

    /// A text document inside `input`.
    public struct Document: Sendable {
        public var range: Range<Int>
        /// Index of the input it came from.
        public var source: Int
        /// Its name in messages and records (nil: stdin).
        public var name: String?
        public init(range: Range<Int>, source: Int, name: String?) {
            self.range = range
            self.source = source
            self.name = name
        }
    }

    // MARK: Input (filled by the reading thread)

    public var kind: Kind = .jsonl
    /// Whole lines (JSONL) or whole documents (text).
    public let input = ByteBuffer(capacity: 0)
    /// JSONL: index of the input the lines come from, and its name in messages ("stdin" for stdin).
    public var source = 0
    public var sourceName = "stdin"
    /// Whether --explain lines start with the input's name (several inputs), and (JSONL) whether
    /// removed-block records carry `"file"` (text documents carry it when they have a name).
    public var prefixName = false
    public var recordFile = false
    /// JSONL: the first batch of its input (line numbers start again at 1).
    public var firstOfSource = true
    /// JSONL: the last batch of its input.
    public var lastOfSource = true
    /// Text: the documents, in order.
    public var documents: [Document] = []

    // MARK: Output (filled by a worker)

    public var output: [UInt8] = []
    /// Text: where each document's output ends in `output`.
    public var documentEnds: [Int] = []
    /// Lines for stderr (--explain, bad lines), line numbers relative to the batch.
    public var messages = NumberedText()
    /// Removed-block records (JSONL), line numbers relative to the batch.
    public var removed = NumberedText()
    /// Under `strict`: the message for the first bad line; `output` then ends before that line.
    public var stopMessage: NumberedText? = nil
    /// JSONL lines processed (all of them unless stopped).
    public var lineCount = 0
    public var stats: CorpusStats
    /// Learning: the blocks of the documents, in order, for `SiteModel.learn(_:)`.
    public var observations = SiteObservations()

    public init(ruleCount: Int) {
        stats = CorpusStats(ruleCount: ruleCount)
    }

    /// Empties the batch for reuse, keeping buffers unless they grew past `keepCapacity` bytes (after a
    /// very long line or document), so memory returns to the normal batch size.
    public func reset(keepCapacity: Int) {
        input.removeAll()
        input.shrink(ifAbove: keepCapacity)
        documents.removeAll(keepingCapacity: true)
        if output.capacity > keepCapacity { output = [] } else { output.removeAll(keepingCapacity: true) }
        documentEnds.removeAll(keepingCapacity: true)
        messages.removeAll(keepCapacity: keepCapacity)
        removed.removeAll(keepCapacity: keepCapacity)
        stopMessage = nil
        lineCount = 0
        stats.reset()
        observations.removeAll()
        firstOfSource = true
        lastOfSource = true
    }
}

extension CorpusBatch {
    /// Walks the JSONL lines of the batch's input: `body` gets each line's number in the batch (from 0),
    /// its bytes without the line feed, where it starts and where the next line starts in the input; it
    /// returns false to stop there.
    /// Sets `lineCount` to the lines walked (the line it stopped at not counted).
    func forEachLine(_ body: (_ rel: Int, _ line: UnsafeBufferPointer<UInt8>, _ start: Int, _ next: Int) -> Bool) {
        let input = self.input.bytes
        var rel = 0
        defer { lineCount = rel }
        Winnow.forEachLine(in: input, while: { content, terminated in
            guard body(rel, UnsafeBufferPointer(rebasing: input[content]), content.lowerBound, content.upperBound + (terminated ? 1 : 0)) else { return false }
            rel += 1
            return true
        })
    }

    /// What a worker fills in: the batch's output, stats, messages, removed-block records and
    /// observations, moved into `body`'s hands (a worker then writes to one local value: no copy, and no
    /// exclusivity check per access of a class's property) and put back when it returns.
    struct Results {
        var output: [UInt8]
        var stats: CorpusStats
        var messages: NumberedText
        var removed: NumberedText
        var observations: SiteObservations
    }

    func withResults(_ body: (inout Results) -> Void) {
        var results = Results(output: output, stats: stats, messages: messages, removed: removed, observations: observations)
        output = []
        stats = CorpusStats(ruleCount: 0)
        messages = NumberedText()
        removed = NumberedText()
        observations = SiteObservations()
        defer {
            output = results.output
            stats = results.stats
            messages = results.messages
            removed = results.removed
            observations = results.observations
        }
        body(&results)
    }

    /// Stops the run at line `rel` of this batch (`--strict`): the message names the line and its problem.
    func stop(at rel: Int, _ problem: JSONLLineProblem) {
        var text = NumberedText()
        appendBadLineMessage(self, rel, problem, into: &text)
        stopMessage = text
    }
}
