/// Per-site counts of normalized blocks: in how many documents of each site each block appears.
///
/// A block's key is its line fingerprint (`Fingerprint.hash`: case, white space and digits folded,
/// 64-bit hash). Learning counts each distinct block once per document. Models add: learning shards
/// separately and merging gives exactly the model of the whole corpus, as long as no shard and no merge
/// hits the memory bound (`maxEntries`); past it, the least frequent blocks are dropped (ties by key, so
/// the result is still deterministic) and `droppedBelow` records the largest count dropped, which bounds
/// how much any count may be under its true value.
///
/// Memory: about 100 bytes per tracked (site, block) pair with its sample text (at most
/// `SiteModel.sampleLength` bytes); with the default bound of 1,000,000 pairs, about 100 MB.
public struct SiteModel: Sendable, Equatable {
    public struct Site: Sendable, Equatable {
        public var host: String
        public var documents: Int
    }

    struct Key: Hashable, Sendable {
        var site: Int32
        var fingerprint: UInt64
    }

    public struct Entry: Sendable, Equatable {
        public var documents: Int
        /// A sample of the block's text (at most `sampleLength` bytes), for audits: of the copies seen, the
        /// smallest in byte order, so the sample does not depend on the order of learning or merging.
        public var sample: String
    }

    public static let formatVersion = 1
    public static let sampleLength = 64
    public static let defaultMaxEntries = 1_000_000

    public internal(set) var sites: [Site] = []
    var siteIndex: [String: Int32] = [:]
    var entries: [Key: Entry] = [:]
    /// The largest count dropped to stay within `maxEntries` (0: every count is exact).
    public internal(set) var droppedBelow = 0
    public var maxEntries: Int

    public init(maxEntries: Int = SiteModel.defaultMaxEntries) {
        self.maxEntries = maxEntries
    }

    public var entryCount: Int { entries.count }

    public static func == (a: SiteModel, b: SiteModel) -> Bool {
        a.sites.count == b.sites.count && a.entries.count == b.entries.count && a.droppedBelow == b.droppedBelow
            && a.sites.allSatisfy { s in b.siteIndex[s.host].map { b.sites[Int($0)].documents == s.documents } ?? false }
            && a.entries.allSatisfy { (k, e) in
                let host = a.sites[Int(k.site)].host
                guard let bs = b.siteIndex[host], let be = b.entries[Key(site: bs, fingerprint: k.fingerprint)] else { return false }
                return be.documents == e.documents
            }
    }

    /// The site key of a URL or host: the host, lower-cased, without `www.` and port.
    public static func siteKey(fromURL url: some Collection<UInt8>) -> String? {
        var bytes = Array(url)
        if let scheme = firstIndex(of: Array("://".utf8), in: bytes) { bytes.removeFirst(scheme + 3) }
        if let end = bytes.firstIndex(where: { $0 == 0x2F || $0 == 0x3F || $0 == 0x23 }) { bytes.removeSubrange(end...) }
        if let at = bytes.lastIndex(of: 0x40) { bytes.removeFirst(at + 1) }
        if let colon = bytes.lastIndex(of: 0x3A), !bytes.contains(0x5D) { bytes.removeSubrange(colon...) }
        bytes = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        if bytes.starts(with: Array("www.".utf8)) { bytes.removeFirst(4) }
        while bytes.last == 0x2E { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 != 0x22 && $0 != 0x5C }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }

    mutating func index(of host: String) -> Int32 {
        if let i = siteIndex[host] { return i }
        let i = Int32(sites.count)
        sites.append(Site(host: host, documents: 0))
        siteIndex[host] = i
        return i
    }

    /// Counts one document of `host`: every distinct block (two letters or digits at least) once.
    public mutating func learn(host: String, document bytes: UnsafeBufferPointer<UInt8>) {
        let doc = Document(bytes: bytes)
        let site = index(of: host)
        sites[Int(site)].documents += 1
        var seen = Set<UInt64>()
        for block in doc.blocks where block.alnum >= 2 {
            let fingerprint = Fingerprint.hash(bytes, block.trimmed)
            guard seen.insert(fingerprint).inserted else { continue }
            let key = Key(site: site, fingerprint: fingerprint)
            let text = UnsafeBufferPointer(rebasing: bytes[SiteModel.sampleRange(bytes, block.trimmed)])
            if var e = entries[key] {
                e.documents += 1
                if text.lexicographicallyPrecedes(e.sample.utf8) { e.sample = String(decoding: text, as: UTF8.self) }
                entries[key] = e
            } else {
                entries[key] = Entry(documents: 1, sample: String(decoding: text, as: UTF8.self))
            }
        }
        if entries.count > maxEntries { prune() }
    }

    public mutating func learn(host: String, document: String) {
        var text = document
        text.withUTF8 { learn(host: host, document: $0) }
    }

    /// The first `sampleLength` bytes of a block, not cutting a UTF-8 sequence.
    static func sampleRange(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Range<Int> {
        var end = min(r.upperBound, r.lowerBound + sampleLength)
        while end < r.upperBound && end > r.lowerBound && p[end] & 0xC0 == 0x80 { end -= 1 }
        return r.lowerBound..<end
    }

    /// Adds another model's counts (sites matched by host).
    public mutating func merge(_ other: SiteModel) {
        var map = [Int32](repeating: 0, count: other.sites.count)
        for (i, s) in other.sites.enumerated() {
            let mine = index(of: s.host)
            sites[Int(mine)].documents += s.documents
            map[i] = mine
        }
        for (k, e) in other.entries {
            let key = Key(site: map[Int(k.site)], fingerprint: k.fingerprint)
            if var mine = entries[key] {
                mine.documents += e.documents
                if e.sample.utf8.lexicographicallyPrecedes(mine.sample.utf8) { mine.sample = e.sample }
                entries[key] = mine
            } else {
                entries[key] = e
            }
        }
        droppedBelow = max(droppedBelow, other.droppedBelow)
        if entries.count > maxEntries { prune() }
    }

    /// Drops the least frequent entries (ties by site host and key) down to three quarters of the bound.
    mutating func prune() {
        let target = maxEntries * 3 / 4
        let ordered = entries.sorted { a, b in
            if a.value.documents != b.value.documents { return a.value.documents < b.value.documents }
            let ha = sites[Int(a.key.site)].host, hb = sites[Int(b.key.site)].host
            return ha != hb ? ha < hb : a.key.fingerprint < b.key.fingerprint
        }
        for (k, e) in ordered.prefix(entries.count - target) {
            droppedBelow = max(droppedBelow, e.documents)
            entries[k] = nil
        }
    }

    /// Documents of `host` in which a block with this fingerprint appears, and the site's documents.
    public func counts(host: String, fingerprint: UInt64) -> (block: Int, site: Int)? {
        guard let s = siteIndex[host] else { return nil }
        return (entries[Key(site: s, fingerprint: fingerprint)]?.documents ?? 0, sites[Int(s)].documents)
    }

    /// Entries sorted for output: by host, then by count (descending), then by key.
    func sortedEntries() -> [(host: String, fingerprint: UInt64, entry: Entry)] {
        entries.map { (sites[Int($0.key.site)].host, $0.key.fingerprint, $0.value) }
            .sorted { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                if a.2.documents != b.2.documents { return a.2.documents > b.2.documents }
                return a.1 < b.1
            }
    }
}
