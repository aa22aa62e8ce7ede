/// The distinct blocks of a run of documents, as `SiteModel.learn` counts them, found on any thread and
/// added to a model in order with `SiteModel.learn(_:)`. Reuse one per worker: `removeAll()` keeps the
/// storage.
///
/// ```swift
/// var seen = SiteObservations()
/// for doc in batch { seen.observe(host: doc.host, document: doc.bytes) }   // worker thread
/// model.learn(seen)                                                        // in input order
/// ```
public struct SiteObservations: Sendable {
    /// The host of each document.
    var hosts: [String] = []
    /// For each document, the end of its blocks in `fingerprints`.
    var blockEnds: [Int] = []
    var fingerprints: [UInt64] = []
    /// For each block, the end of its sample in `samples`.
    var sampleEnds: [Int] = []
    var samples: [UInt8] = []
    private var blockScratch: [Block] = []
    private var seen = Set<UInt64>()

    public init() {}

    /// Documents observed.
    public var count: Int { hosts.count }

    /// Blocks observed (distinct within each document).
    public var blockCount: Int { fingerprints.count }

    public mutating func observe(host: String, document bytes: UnsafeBufferPointer<UInt8>) {
        hosts.append(host)
        SiteModel.forEachDistinctBlock(bytes, blocks: &blockScratch, seen: &seen) { fingerprint, sample in
            fingerprints.append(fingerprint)
            samples.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sample]))
            sampleEnds.append(samples.count)
        }
        blockEnds.append(fingerprints.count)
    }

    public mutating func observe(host: String, document: String) {
        var text = document
        text.withUTF8 { observe(host: host, document: $0) }
    }

    /// Empties the observations, keeping their storage (unless it grew past `keepCapacity` blocks).
    public mutating func removeAll(keepCapacity: Int = 1 << 16) {
        let keep = fingerprints.capacity <= keepCapacity
        hosts.removeAll(keepingCapacity: keep)
        blockEnds.removeAll(keepingCapacity: keep)
        fingerprints.removeAll(keepingCapacity: keep)
        sampleEnds.removeAll(keepingCapacity: keep)
        samples.removeAll(keepingCapacity: keep)
        if !keep { blockScratch = []; seen = [] }
    }
}

/// Site keys of many documents, without a `String` per document: the URL (or host) is normalized into a
/// reused buffer and looked up among the keys seen before; a new key is made once. The table holds at
/// most `limit` keys and starts afresh when full, so memory stays bounded on corpora of millions of hosts.
public struct SiteKeys: Sendable {
    private var scratch: [UInt8] = []
    private var unescaped: [UInt8] = []
    private var known: [[UInt8]: String] = [:]
    public let limit: Int

    public init(limit: Int = 1 << 16) {
        self.limit = limit
    }

    /// The site key of a URL or host (see `SiteModel.siteKey(fromURL:)`).
    public mutating func key(fromURL url: UnsafeBufferPointer<UInt8>) -> String? {
        guard SiteModel.normalizeHost(url, into: &scratch) else { return nil }
        if let key = known[scratch] { return key }
        if known.count >= limit { known.removeAll(keepingCapacity: true) }
        let key = String(decoding: scratch, as: UTF8.self)
        known[scratch] = key
        return key
    }

    /// The site key of a JSON string's raw (still escaped) contents, such as a JSONL line's `url` value.
    public mutating func key(fromJSONString raw: UnsafeBufferPointer<UInt8>) -> String? {
        var text = unescaped   // moved out and back, so `self` is not accessed twice at once
        unescaped = []
        defer { unescaped = text }
        text.removeAll(keepingCapacity: true)
        JSONLField.unescape(raw, into: &text)
        return text.withUnsafeBufferPointer { key(fromURL: $0) }
    }
}
