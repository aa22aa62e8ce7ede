import Synchronization

/// A crawler's memory of each site's template, learned as it cleans: clean a page with the memory as
/// the cleaner's site statistics, then `observe` it. Bounded like `SiteModel` (`maxEntries`),
/// deterministic for a given order of documents, safe to share between threads, and saved to and
/// loaded from the site model file format.
///
/// ```swift
/// let memory = SiteMemory()
/// let cleaner = try Cleaner(CleanerConfiguration(sites: memory))
/// for page in crawl {
///     let result = cleaner.clean(page.text, site: page.host)
///     memory.observe(host: page.host, document: page.text)
/// }
/// try memory.save().write(to: ...)
/// ```
public final class SiteMemory: SiteStatistics, Sendable {
    private let model: Mutex<SiteModel>

    public init(maxEntries: Int = SiteModel.defaultMaxEntries) {
        model = Mutex(SiteModel(maxEntries: maxEntries))
    }

    public init(model: SiteModel) {
        self.model = Mutex(model)
    }

    /// Loads a memory saved with `save()` (or a model written by `winnow learn`).
    public convenience init(file bytes: [UInt8], maxEntries: Int = SiteModel.defaultMaxEntries) throws(SiteModelFile.Problem) {
        self.init(model: try SiteModelFile.read(bytes, maxEntries: maxEntries))
    }

    public func observe(host: String, document: String) {
        model.withLock { $0.learn(host: host, document: document) }
    }

    public func observe(host: String, document: UnsafeBufferPointer<UInt8>) {
        model.withLock { $0.learn(host: host, document: document) }
    }

    public func counts(host: String, fingerprint: UInt64) -> (block: Int, site: Int)? {
        model.withLock { $0.counts(host: host, fingerprint: fingerprint) }
    }

    public func counts(host: String, fingerprints: [UInt64], into blocks: inout [Int]) -> Int? {
        model.withLock { $0.counts(host: host, fingerprints: fingerprints, into: &blocks) }
    }

    /// A copy of the counts so far.
    public var snapshot: SiteModel { model.withLock { $0 } }

    /// The memory in the site model file format.
    public func save() -> [UInt8] { SiteModelFile.write(snapshot) }
}
