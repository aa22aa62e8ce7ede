#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The learning counterpart of `CorpusWorker`: finds the distinct blocks of every document of a batch
/// (JSONL lines or text documents) and their sites, into the batch's `observations`. Bad JSONL lines are
/// reported as when cleaning (and stop the batch under `strict`); documents without a site are counted
/// in `stats.withoutSite` and skipped. Make one per worker thread.
public struct CorpusLearner {
    public let options: CorpusOptions
    private let field: [UInt8]
    private var lines: JSONLLineProcessor
    private var text: [UInt8] = []
    public let scratchLimit: Int

    public init(options: CorpusOptions, scratchLimit: Int = 16 << 20) {
        self.options = options
        field = Array(options.field.utf8)
        // Only its site lookup is used (the cleaner never runs).
        lines = JSONLLineProcessor(cleaner: CorpusLearner.idle, field: options.field, siteField: options.siteField, site: options.site)
        self.scratchLimit = scratchLimit
    }

    private static let idle = try! Cleaner(CleanerConfiguration(disabledRules: Set(RuleCatalog.descriptions.filter(\.enabledByDefault).map(\.id))))

    public mutating func process(_ batch: CorpusBatch) {
        switch batch.kind {
        case .jsonl: processJSONL(batch)
        case .text: processText(batch)
        }
        if text.capacity > scratchLimit { text = [] }
    }

    private mutating func processJSONL(_ batch: CorpusBatch) {
        batch.withResults { r in
            r.stats.bytesIn += batch.input.count
            batch.forEachLine { rel, line, _, _ in
                if JSONLLineProcessor.isBlank(line) {
                    r.stats.blankLines += 1
                    return true
                }
                switch JSONLField.locate(field, in: line) {
                case .failure(let problem):
                    if options.strict {
                        batch.stop(at: rel, problem)
                        return false
                    }
                    r.stats.badLines += 1
                    appendBadLineMessage(batch, rel, problem, into: &r.messages)
                case .success(let f):
                    r.stats.documents += 1
                    if let site = lines.site(of: line) {
                        text.removeAll(keepingCapacity: true)
                        JSONLField.unescape(UnsafeBufferPointer(rebasing: line[f.valueRange]), into: &text)
                        text.withUnsafeBufferPointer { r.observations.observe(host: site, document: $0) }
                    } else {
                        r.stats.withoutSite += 1
                    }
                }
                return true
            }
        }
    }

    private mutating func processText(_ batch: CorpusBatch) {
        let input = batch.input.bytes
        batch.stats.bytesIn += input.count
        for document in batch.documents {
            batch.stats.documents += 1
            if let site = options.site {
                batch.observations.observe(host: site, document: UnsafeBufferPointer(rebasing: input[document.range]))
            } else {
                batch.stats.withoutSite += 1
            }
        }
    }
}
