/// The site model file: UTF-8 text, one record per line, versioned, with a checksum last.
///
/// ```
/// winnow-site-model 1
/// sites 2 entries 3 dropped-below 0
/// site 340 example.com
/// site 12 news.example.org
/// block 0 9f3a0c1d22e4b7a1 312 "Get the Example app for breaking news"
/// block 0 0d1e2f3a4b5c6d7e 2 ""
/// block 1 1234567890abcdef 11 "Sign up for the Sunday letter"
/// checksum 5b1c0e7a9d2f4c31
/// ```
///
/// `site` lines give each site's document count and host, in order (a `block` refers to its site by that
/// position); `block` lines give the fingerprint (16 hex digits), the number of documents of the site
/// that contain the block, and a sample of its text as a JSON string.
/// `checksum` is the FNV-1a 64-bit hash of every byte before that line. A file that does not start with
/// the header, has another version, is cut short, or whose counts or checksum do not match is refused
/// whole: nothing of it is used.
public enum SiteModelFile {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case foreign
        case unsupportedVersion(String)
        case truncated
        case invalid(line: Int, reason: String)
        case checksumMismatch

        public var description: String {
            switch self {
            case .foreign: return "not a winnow site model (no 'winnow-site-model' header)"
            case .unsupportedVersion(let v): return "site model version \(v) is not supported (this winnow reads version \(SiteModel.formatVersion))"
            case .truncated: return "site model is truncated (no checksum line at the end)"
            case .invalid(let line, let reason): return "site model line \(line): \(reason)"
            case .checksumMismatch: return "site model is corrupt (checksum does not match its contents)"
            }
        }
    }

    static let magic = "winnow-site-model"

    public static func write(_ model: SiteModel) -> [UInt8] {
        var out: [UInt8] = []
        write(model) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the file in pieces of about 1 MiB to `sink`, so a large model is never held twice in memory.
    public static func write<E: Error>(_ model: SiteModel, to sink: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 20 + 4096)
        var sum = fnvOffset
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        func flush(_ force: Bool) throws(E) {
            guard force || out.count >= 1 << 20 else { return }
            sum = fnv1a(out[...], from: sum)
            var failure: E? = nil
            out.withUnsafeBufferPointer { b in
                do throws(E) { try sink(b) } catch { failure = error }
            }
            if let failure { throw failure }
            out.removeAll(keepingCapacity: true)
        }
        text("\(magic) \(SiteModel.formatVersion)\nsites \(model.sites.count) entries \(model.entryCount) dropped-below \(model.droppedBelow)\n")
        // Sites in host order, so equal models give equal files.
        let order = model.sites.indices.sorted { model.sites[$0].host < model.sites[$1].host }
        var position = [Int32](repeating: 0, count: model.sites.count)
        for (p, i) in order.enumerated() {
            position[i] = Int32(p)
            text("site \(model.sites[i].documents) \(model.sites[i].host)\n")
            try flush(false)
        }
        // Blocks by site (host order), then count (descending), then fingerprint.
        var blocks: [(position: Int32, site: Int32, documents: Int, fingerprint: UInt64)] = []
        blocks.reserveCapacity(model.entryCount)
        for (k, e) in model.entries { blocks.append((position[Int(k.site)], k.site, e.documents, k.fingerprint)) }
        blocks.sort { a, b in
            if a.position != b.position { return a.position < b.position }
            if a.documents != b.documents { return a.documents > b.documents }
            return a.fingerprint < b.fingerprint
        }
        for b in blocks {
            let slot = model.entries[SiteModel.Key(site: b.site, fingerprint: b.fingerprint)]!
            text("block ")
            ByteWriter.appendDecimal(Int(b.position), to: &out)
            out.append(0x20)
            appendHex16(b.fingerprint, to: &out)
            out.append(0x20)
            ByteWriter.appendDecimal(b.documents, to: &out)
            out.append(contentsOf: " \"".utf8)
            model.samples.withUnsafeBufferPointer { JSONLField.escape(UnsafeBufferPointer(rebasing: $0[slot.range]), into: &out) }
            out.append(contentsOf: "\"\n".utf8)
            try flush(false)
        }
        sum = fnv1a(out[...], from: sum)
        text("checksum \(hex16(sum))\n")
        try flush(true)
    }

    /// Reads and checks a whole model file. With `minDocuments`, blocks seen in fewer documents are checked
    /// but not kept (as `SiteModel.keeping(minDocuments:)`): enough for cleaning, in less memory.
    public static func read(_ bytes: [UInt8], maxEntries: Int = SiteModel.defaultMaxEntries, minDocuments: Int = 1) throws(Problem) -> SiteModel {
        var result: Result<SiteModel, Problem> = .failure(.foreign)
        bytes.withUnsafeBufferPointer { p in
            do throws(Problem) { result = .success(try read(p, maxEntries: maxEntries, minDocuments: minDocuments)) } catch { result = .failure(error) }
        }
        return try result.get()
    }

    /// Reads the file line by line in place (no copy of the file, no `String` but hosts and samples).
    static func read(_ p: UnsafeBufferPointer<UInt8>, maxEntries: Int, minDocuments: Int) throws(Problem) -> SiteModel {
        let n = p.count
        func lineEnd(_ start: Int) -> Int {
            var i = start
            while i < n && p[i] != 0x0A { i += 1 }
            return i
        }
        func starts(_ r: Range<Int>, _ prefix: String) -> Bool {
            var i = r.lowerBound
            for b in prefix.utf8 {
                guard i < r.upperBound, p[i] == b else { return false }
                i += 1
            }
            return true
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: p[r]), as: UTF8.self) }
        /// The next field (up to a space or the end of the range).
        func field(_ i: inout Int, _ end: Int) -> Range<Int> {
            let start = i
            while i < end && p[i] != 0x20 { i += 1 }
            let r = start..<i
            if i < end { i += 1 }
            return r
        }
        func decimal(_ r: Range<Int>) -> Int? {
            guard !r.isEmpty, r.count <= 18 else { return nil }
            var v = 0
            for i in r {
                let d = Int(p[i]) - 0x30
                guard d >= 0 && d <= 9 else { return nil }
                v = v * 10 + d
            }
            return v
        }
        func hex(_ r: Range<Int>) -> UInt64? {
            guard r.count == 16 else { return nil }
            var v: UInt64 = 0
            for i in r {
                let b = p[i]
                let d: UInt8
                switch b {
                case 0x30...0x39: d = b - 0x30
                case 0x61...0x66: d = b - 0x61 + 10
                case 0x41...0x46: d = b - 0x41 + 10
                default: return nil
                }
                v = v << 4 | UInt64(d)
            }
            return v
        }

        // Header: "winnow-site-model VERSION".
        let headerEnd = lineEnd(0)
        guard starts(0..<headerEnd, magic) else { throw .foreign }
        var i = 0
        guard field(&i, headerEnd) == 0..<magic.utf8.count else { throw .foreign }
        let version = field(&i, headerEnd)
        guard i == headerEnd, !version.isEmpty else { throw .foreign }
        guard text(version) == "\(SiteModel.formatVersion)" else { throw .unsupportedVersion(text(version)) }
        // The checksum line is the last line; the file ends with its newline.
        guard n > 0, p[n - 1] == 0x0A, headerEnd < n - 1 else { throw .truncated }
        var checksumStart = n - 1
        while checksumStart > 0 && p[checksumStart - 1] != 0x0A { checksumStart -= 1 }
        guard checksumStart > headerEnd + 1, starts(checksumStart..<(n - 1), "checksum ") else { throw .truncated }
        var lines = 0   // lines before the checksum line
        for k in 0..<checksumStart where p[k] == 0x0A { lines += 1 }
        guard let stated = hex((checksumStart + 9)..<(n - 1)) else { throw .invalid(line: lines + 1, reason: "bad checksum") }
        guard fnv1a(p, 0..<checksumStart) == stated else { throw .checksumMismatch }

        // "sites N entries N dropped-below N"
        var at = headerEnd + 1
        var end = lineEnd(at)
        var counts: [Int] = []
        for (k, name) in ["sites", "entries", "dropped-below"].enumerated() {
            guard p[field(&at, end)].elementsEqual(name.utf8), let v = decimal(field(&at, end)) else {
                throw .invalid(line: 2, reason: "expected 'sites N entries N dropped-below N'")
            }
            counts.append(v)
            if k == 2 && at != end { throw .invalid(line: 2, reason: "expected 'sites N entries N dropped-below N'") }
        }
        let siteCount = counts[0], entryCount = counts[1]
        guard lines == 2 + siteCount + entryCount else {
            throw .invalid(line: 2, reason: "states \(siteCount) sites and \(entryCount) blocks, the file has \(lines - 2) records")
        }
        var model = SiteModel(maxEntries: max(maxEntries, entryCount + siteCount))
        model.setDropped(counts[2])
        if minDocuments <= 1 {
            model.entries.reserveCapacity(entryCount)
            model.samples.reserveCapacity(min(n, entryCount * SiteModel.sampleLength))
        }
        var hosts: [Int32] = []
        hosts.reserveCapacity(siteCount)
        var lineNumber = 2
        for _ in 0..<siteCount {
            at = end + 1
            end = lineEnd(at)
            lineNumber += 1
            let keyword = field(&at, end)
            guard p[keyword].elementsEqual("site".utf8), let docs = decimal(field(&at, end)), at < end else {
                throw .invalid(line: lineNumber, reason: "expected 'site DOCUMENTS HOST'")
            }
            let host = text(at..<end)
            guard model.siteIndex[host] == nil else { throw .invalid(line: lineNumber, reason: "site \(host) appears twice") }
            let index = model.index(of: host)
            model.sites[Int(index)].documents = docs
            hosts.append(index)
        }
        var sample: [UInt8] = []
        var seen = Set<SiteModel.Key>()   // the blocks not kept, for the duplicate check
        for _ in 0..<entryCount {
            at = end + 1
            end = lineEnd(at)
            lineNumber += 1
            let keyword = field(&at, end)
            guard p[keyword].elementsEqual("block".utf8),
                  let site = decimal(field(&at, end)), site < hosts.count,
                  let fingerprint = hex(field(&at, end)),
                  let docs = decimal(field(&at, end)), docs >= 1, docs <= model.sites[Int(hosts[site])].documents,
                  end - at >= 2, p[at] == 0x22, p[end - 1] == 0x22 else {
                throw .invalid(line: lineNumber, reason: "expected 'block SITE FINGERPRINT DOCUMENTS \"SAMPLE\"' with DOCUMENTS within the site's")
            }
            let key = SiteModel.Key(site: hosts[site], fingerprint: fingerprint)
            if docs < minDocuments {
                guard seen.insert(key).inserted else { throw .invalid(line: lineNumber, reason: "block \(hex16(fingerprint)) appears twice") }
                continue
            }
            guard !seen.contains(key) else { throw .invalid(line: lineNumber, reason: "block \(hex16(fingerprint)) appears twice") }
            sample.removeAll(keepingCapacity: true)
            JSONLField.unescape(UnsafeBufferPointer(rebasing: p[(at + 1)..<(end - 1)]), into: &sample)
            let packed = sample.withUnsafeBufferPointer { b in
                model.store(UnsafeBufferPointer(rebasing: b[SiteModel.sampleRange(b, 0..<b.count)]))
            }
            guard model.entries.updateValue(SiteModel.Slot(documents: docs, packed: packed), forKey: key) == nil else {
                throw .invalid(line: lineNumber, reason: "block \(hex16(fingerprint)) appears twice")
            }
        }
        return model
    }

    static func hex16(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    static func fnv1a(_ bytes: ArraySlice<UInt8>, from start: UInt64 = fnvOffset) -> UInt64 {
        var h = start
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func fnv1a(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var h = fnvOffset
        for i in r { h = (h ^ UInt64(p[i])) &* 0x0000_0100_0000_01B3 }
        return h
    }

    static func appendHex16(_ x: UInt64, to out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        for shift in stride(from: 60, through: 0, by: -4) {
            out.append(digits.utf8Start[Int((x >> UInt64(shift)) & 0xF)])
        }
    }
}

extension SiteModel {
    mutating func setDropped(_ value: Int) { droppedBelow = value }
}
