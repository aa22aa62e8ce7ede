/// Per-site counts of normalized blocks: in how many documents of each site each block appears.
///
/// A block's key is its line fingerprint (`Fingerprint.hash`: case, white space and digits folded,
/// 64-bit hash). Learning counts each distinct block once per document. Models add: learning shards
/// separately and merging gives exactly the model of the whole corpus, as long as no shard and no merge
/// hits the memory bound.
///
/// The bound: at most `maxEntries` tracked sites and (site, block) pairs together. Past it, the least
/// frequent pairs are dropped (ties broken by fingerprint, then host, so the result is deterministic for a
/// given order of documents), down to three quarters of the bound; a site left with no pair is dropped too
/// and counted afresh, blocks and documents together, if it comes back. Counts are never over their true
/// value, and `droppedBelow` bounds how far under it any count can be: each pruning adds the largest count
/// it dropped (a block dropped with count c and seen again restarts from 1, so it is under by c plus
/// whatever it had missed before), and a merge adds the two models' bounds. 0 means every count is exact.
/// Since the `site-template` rule reads counts as lower bounds, a pruned model can miss a template, never
/// invent one.
///
/// Memory: a table slot (key, count and where its sample is) and the sample's bytes (at most
/// `SiteModel.sampleLength`) per tracked (site, block) pair: about 150 bytes measured on news text (the
/// table's free slots included), so about 150 MB at the default bound of 1,000,000.
public struct SiteModel: Sendable, Equatable {
    public struct Site: Sendable, Equatable {
        public var host: String
        public var documents: Int
    }

    struct Key: Hashable, Sendable {
        var site: Int32
        var fingerprint: UInt64

        /// The fingerprint is already a well-mixed 64-bit hash: the table uses it (with the site and the
        /// table's seed folded in by one multiply) instead of running SipHash on every look-up.
        func _rawHashValue(seed: Int) -> Int {
            var h = fingerprint ^ (UInt64(UInt32(bitPattern: site)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(seed))
            h = (h ^ (h >> 31)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        }
    }

    public struct Entry: Sendable, Equatable {
        public var documents: Int
        /// A sample of the block's text (at most `sampleLength` bytes), for audits: of the copies seen, the
        /// smallest in byte order, so the sample does not depend on the order of learning or merging.
        public var sample: String
    }

    /// A tracked block as stored: its count and where its sample sits in `samples`.
    struct Slot: Sendable {
        var documents: Int
        /// offset << 8 | length
        var packed: UInt64
        var range: Range<Int> { Int(packed >> 8)..<(Int(packed >> 8) + Int(packed & 0xFF)) }
    }

    public static let formatVersion = 1
    public static let sampleLength = 64
    public static let defaultMaxEntries = 1_000_000

    public internal(set) var sites: [Site] = []
    var siteIndex: [String: Int32] = [:]
    var entries: [Key: Slot] = [:]
    /// Every sample, one after another (one allocation for all of them, not one per block).
    var samples: [UInt8] = []
    /// Bytes of `samples` no slot refers to any more (replaced or dropped samples).
    var garbage = 0
    /// How far under its true value any count may be, after pruning to stay within `maxEntries` (and
    /// merging models that were pruned); 0: every count is exact.
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

    /// The site key of a URL or host: the host, lower-cased, without `www.`, user, port and trailing dots;
    /// nil when there is none. `https://WWW.Example.com:8080/a?b` and `example.com` give `example.com`.
    public static func siteKey(fromURL url: some Collection<UInt8>) -> String? {
        var out: [UInt8] = []
        let ok = Array(url).withUnsafeBufferPointer { normalizeHost($0, into: &out) }
        return ok ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Writes the site key of `url` (see `siteKey(fromURL:)`) into `out` (emptied first), without
    /// allocating beyond `out`'s growth; false when there is none.
    public static func normalizeHost(_ url: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        out.removeAll(keepingCapacity: true)
        var lo = 0, hi = url.count
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while lo < hi && space(url[lo]) { lo += 1 }
        while hi > lo && space(url[hi - 1]) { hi -= 1 }
        func isCut(_ b: UInt8) -> Bool { b == 0x2F || b == 0x3F || b == 0x23 }   // / ? #
        // A scheme ("https:") or a protocol-relative start ("//"): the host follows "//".
        var f = lo
        while f < hi && !isCut(url[f]) { f += 1 }
        if f + 1 < hi && url[f] == 0x2F && url[f + 1] == 0x2F && (f == lo || url[f - 1] == 0x3A) {
            lo = f + 2
            f = lo
            while f < hi && !isCut(url[f]) { f += 1 }
        }
        hi = f
        // user@host
        var i = hi
        while i > lo { i -= 1; if url[i] == 0x40 { lo = i + 1; break } }
        // host:port (a colon after an IPv6 literal's "]", if any)
        i = hi
        while i > lo {
            i -= 1
            if url[i] == 0x5D { break }
            if url[i] == 0x3A { hi = i; break }
        }
        if hi - lo >= 4 && url[lo] | 0x20 == 0x77 && url[lo + 1] | 0x20 == 0x77 && url[lo + 2] | 0x20 == 0x77 && url[lo + 3] == 0x2E {
            lo += 4
        }
        while hi > lo && url[hi - 1] == 0x2E { hi -= 1 }
        guard hi > lo else { return false }
        for k in lo..<hi {
            let b = url[k]
            guard b > 0x20 && b != 0x22 && b != 0x5C else { out.removeAll(keepingCapacity: true); return false }
            out.append(b &- 0x41 < 26 ? b | 0x20 : b)
        }
        return true
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
        let site = index(of: host)
        sites[Int(site)].documents += 1
        var blocks: [Block] = []
        var seen = Set<UInt64>()
        SiteModel.forEachDistinctBlock(bytes, blocks: &blocks, seen: &seen) { fingerprint, sample in
            record(site: site, fingerprint: fingerprint, sample: UnsafeBufferPointer(rebasing: bytes[sample]))
        }
        if entries.count + sites.count > maxEntries { prune() }
    }

    /// Adds documents observed elsewhere (on worker threads), in their order: the same as `learn` on
    /// each of them, so the model does not depend on how the documents were split among threads.
    public mutating func learn(_ observations: SiteObservations) {
        observations.samples.withUnsafeBufferPointer { samples in
            var block = 0
            for d in 0..<observations.hosts.count {
                let site = index(of: observations.hosts[d])
                sites[Int(site)].documents += 1
                while block < observations.blockEnds[d] {
                    let start = block == 0 ? 0 : observations.sampleEnds[block - 1]
                    record(site: site, fingerprint: observations.fingerprints[block],
                           sample: UnsafeBufferPointer(rebasing: samples[start..<observations.sampleEnds[block]]))
                    block += 1
                }
                if entries.count + sites.count > maxEntries { prune() }
            }
        }
    }

    /// Calls `body` with the fingerprint and sample range of each distinct block of a document that
    /// learning counts (two letters or digits at least), in order of first appearance.
    static func forEachDistinctBlock(_ bytes: UnsafeBufferPointer<UInt8>, blocks: inout [Block], seen: inout Set<UInt64>,
                                     _ body: (UInt64, Range<Int>) -> Void) {
        let doc = Document(bytes: bytes, reusing: blocks)
        seen.removeAll(keepingCapacity: true)
        for block in doc.blocks where block.alnum >= 2 {
            let fingerprint = Fingerprint.hash(bytes, block.trimmed)
            guard seen.insert(fingerprint).inserted else { continue }
            body(fingerprint, SiteModel.sampleRange(bytes, block.trimmed))
        }
        blocks = doc.blocks
    }

    /// One more document of `site` with this block.
    private mutating func record(site: Int32, fingerprint: UInt64, sample: UnsafeBufferPointer<UInt8>) {
        add(Key(site: site, fingerprint: fingerprint), documents: 1, sample: sample)
    }

    /// Adds `documents` to a block's count, keeping the smaller sample.
    mutating func add(_ key: Key, documents: Int, sample: UnsafeBufferPointer<UInt8>) {
        if let i = entries.index(forKey: key) {
            entries.values[i].documents += documents
            if sample.lexicographicallyPrecedes(samples[entries.values[i].range]) {
                let old = entries.values[i].range
                garbage += old.count
                entries.values[i].packed = store(sample)
            }
        } else {
            entries[key] = Slot(documents: documents, packed: store(sample))
        }
    }

    /// Appends a sample to `samples` (as valid UTF-8, so the model file is) and returns where it is.
    mutating func store(_ sample: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let offset = samples.count
        if sample.allSatisfy({ $0 < 0x80 }) || String.isValidUTF8(sample) {
            samples.append(contentsOf: sample)
        } else {
            samples.append(contentsOf: String(decoding: sample, as: UTF8.self).utf8)
        }
        return UInt64(offset) << 8 | UInt64(min(255, samples.count - offset))
    }

    /// A block's sample as text.
    func sample(_ slot: Slot) -> String { String(decoding: samples[slot.range], as: UTF8.self) }

    /// Copies the live samples into a new array (with room for a third more) when at least `share` of
    /// `samples` is garbage, so the array stays within a small factor of the live samples.
    mutating func compactSamples(above share: Double = 0.5) {
        guard garbage > 0 && Double(garbage) >= share * Double(samples.count) else { return }
        var fresh: [UInt8] = []
        fresh.reserveCapacity((samples.count - garbage) * 4 / 3)
        var i = entries.startIndex
        while i != entries.endIndex {
            let r = entries.values[i].range
            let offset = fresh.count
            fresh.append(contentsOf: samples[r])
            entries.values[i].packed = UInt64(offset) << 8 | UInt64(r.count)
            entries.formIndex(after: &i)
        }
        samples = fresh
        garbage = 0
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

    /// Adds another model's counts (sites matched by host). The result's error bound is the sum of both.
    public mutating func merge(_ other: SiteModel) {
        var map = [Int32](repeating: 0, count: other.sites.count)
        for (i, s) in other.sites.enumerated() {
            let mine = index(of: s.host)
            sites[Int(mine)].documents += s.documents
            map[i] = mine
        }
        other.samples.withUnsafeBufferPointer { theirs in
            for (k, e) in other.entries {
                add(Key(site: map[Int(k.site)], fingerprint: k.fingerprint), documents: e.documents,
                    sample: UnsafeBufferPointer(rebasing: theirs[e.range]))
            }
        }
        droppedBelow += other.droppedBelow
        compactSamples()
        if entries.count + sites.count > maxEntries { prune() }
    }

    /// Drops the least frequent entries (ties by fingerprint, then host) until entries and sites together
    /// are three quarters of the bound; a site left without entries goes with its last one (sites that had
    /// none go first). Adds the largest count dropped to `droppedBelow`.
    mutating func prune() {
        let target = maxEntries * 3 / 4
        // Host order of the sites, for ties.
        let byHost = sites.indices.sorted { sites[$0].host < sites[$1].host }
        var rank = [Int32](repeating: 0, count: sites.count)
        for (r, i) in byHost.enumerated() { rank[i] = Int32(r) }
        var perSite = [Int](repeating: 0, count: sites.count)
        var order: [(documents: Int, fingerprint: UInt64, rank: Int32, site: Int32)] = []
        order.reserveCapacity(entries.count)
        for (k, e) in entries {
            perSite[Int(k.site)] += 1
            order.append((e.documents, k.fingerprint, rank[Int(k.site)], k.site))
        }
        order.sort { a, b in
            if a.documents != b.documents { return a.documents < b.documents }
            if a.fingerprint != b.fingerprint { return a.fingerprint < b.fingerprint }
            return a.rank < b.rank
        }
        var liveSites = perSite.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var remaining = entries.count
        var largest = 0
        for item in order {
            if remaining + liveSites <= target { break }
            if let slot = entries.removeValue(forKey: Key(site: item.site, fingerprint: item.fingerprint)) {
                garbage += slot.range.count
            }
            remaining -= 1
            largest = max(largest, item.documents)
            perSite[Int(item.site)] -= 1
            if perSite[Int(item.site)] == 0 { liveSites -= 1 }
        }
        droppedBelow += largest
        compactSamples(above: 0.1)
        // Sites without entries are forgotten: renumber the rest, keeping their order.
        guard liveSites < sites.count else { return }
        var newIndex = [Int32](repeating: -1, count: sites.count)
        var kept: [Site] = []
        kept.reserveCapacity(liveSites)
        for i in sites.indices where perSite[i] > 0 {
            newIndex[i] = Int32(kept.count)
            kept.append(sites[i])
        }
        var moved: [Key: Slot] = [:]
        moved.reserveCapacity(entries.count)
        for (k, e) in entries { moved[Key(site: newIndex[Int(k.site)], fingerprint: k.fingerprint)] = e }
        entries = moved
        sites = kept
        siteIndex = [:]
        for (i, s) in sites.enumerated() { siteIndex[s.host] = Int32(i) }
    }

    public func counts(host: String, fingerprints: [UInt64], into blocks: inout [Int]) -> Int? {
        blocks.removeAll(keepingCapacity: true)
        guard let s = siteIndex[host] else { return nil }
        for f in fingerprints { blocks.append(entries[Key(site: s, fingerprint: f)]?.documents ?? 0) }
        return sites[Int(s)].documents
    }

    /// The model with only the blocks seen in at least `minDocuments` documents of their site (every site
    /// and its document count kept): what the `site-template` rule can use, in a fraction of the memory.
    public func keeping(minDocuments: Int) -> SiteModel {
        var out = SiteModel(maxEntries: maxEntries)
        out.sites = sites
        out.siteIndex = siteIndex
        out.droppedBelow = droppedBelow
        samples.withUnsafeBufferPointer { mine in
            for (k, e) in entries where e.documents >= minDocuments {
                out.entries[k] = Slot(documents: e.documents, packed: out.store(UnsafeBufferPointer(rebasing: mine[e.range])))
            }
        }
        return out
    }

    /// Documents of `host` in which a block with this fingerprint appears, and the site's documents.
    public func counts(host: String, fingerprint: UInt64) -> (block: Int, site: Int)? {
        guard let s = siteIndex[host] else { return nil }
        return (entries[Key(site: s, fingerprint: fingerprint)]?.documents ?? 0, sites[Int(s)].documents)
    }

    /// Entries sorted by host, then by count (descending), then by key (for tests and audits).
    func sortedEntries() -> [(host: String, fingerprint: UInt64, entry: Entry)] {
        entries.map { (sites[Int($0.key.site)].host, $0.key.fingerprint, Entry(documents: $0.value.documents, sample: sample($0.value))) }
            .sorted { a, b in
                if a.0 != b.0 { return a.0 < b.0 }
                if a.2.documents != b.2.documents { return a.2.documents > b.2.documents }
                return a.1 < b.1
            }
    }
}

extension String {
    /// Whether the bytes are valid UTF-8 (without making a `String`).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
