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
        func line(_ s: String) { out.append(contentsOf: s.utf8); out.append(0x0A) }
        line("\(magic) \(SiteModel.formatVersion)")
        line("sites \(model.sites.count) entries \(model.entryCount) dropped-below \(model.droppedBelow)")
        // Sites in host order, so equal models give equal files.
        let order = model.sites.indices.sorted { model.sites[$0].host < model.sites[$1].host }
        var position = [Int](repeating: 0, count: model.sites.count)
        for (p, i) in order.enumerated() {
            position[i] = p
            line("site \(model.sites[i].documents) \(model.sites[i].host)")
        }
        for (host, fingerprint, entry) in model.sortedEntries() {
            let site = position[Int(model.siteIndex[host]!)]
            out.append(contentsOf: "block \(site) \(hex16(fingerprint)) \(entry.documents) \"".utf8)
            var sample = entry.sample
            sample.withUTF8 { JSONLField.escape($0, into: &out) }
            out.append(contentsOf: "\"\n".utf8)
        }
        let sum = fnv1a(out[...])
        line("checksum \(hex16(sum))")
        return out
    }

    public static func read(_ bytes: [UInt8], maxEntries: Int = SiteModel.defaultMaxEntries) throws(Problem) -> SiteModel {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, first.starts(with: Array(magic.utf8)) else { throw .foreign }
        let header = String(decoding: first, as: UTF8.self).split(separator: " ")
        guard header.count == 2, header[0] == magic else { throw .foreign }
        guard header[1] == "\(SiteModel.formatVersion)" else { throw .unsupportedVersion(String(header[1])) }
        // The checksum line is the last non-empty line; the file ends with its newline.
        guard bytes.last == 0x0A, lines.count >= 4, lines[lines.count - 2].starts(with: Array("checksum ".utf8)) else { throw .truncated }
        let checksumLine = lines[lines.count - 2]
        let bodyEnd = checksumLine.startIndex
        guard let stated = UInt64(String(decoding: checksumLine.dropFirst(9), as: UTF8.self), radix: 16) else {
            throw .invalid(line: lines.count - 1, reason: "bad checksum")
        }
        guard fnv1a(bytes[..<bodyEnd]) == stated else { throw .checksumMismatch }

        let counts = String(decoding: lines[1], as: UTF8.self).split(separator: " ")
        guard counts.count == 6, counts[0] == "sites", counts[2] == "entries", counts[4] == "dropped-below",
              let siteCount = Int(counts[1]), let entryCount = Int(counts[3]), let dropped = Int(counts[5]),
              siteCount >= 0, entryCount >= 0, dropped >= 0 else {
            throw .invalid(line: 2, reason: "expected 'sites N entries N dropped-below N'")
        }
        // Compared one at a time first, so that huge stated counts cannot overflow the sum.
        guard siteCount <= lines.count, entryCount <= lines.count, lines.count == 4 + siteCount + entryCount else {
            throw .invalid(line: 2, reason: "states \(siteCount) sites and \(entryCount) blocks, the file has \(lines.count - 4) records")
        }
        var model = SiteModel(maxEntries: max(maxEntries, entryCount))
        model.setDropped(dropped)
        var hosts: [Int32] = []
        for n in 0..<siteCount {
            let lineNumber = 3 + n
            let fields = lines[2 + n].split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].elementsEqual("site".utf8), let docs = Int(String(decoding: fields[1], as: UTF8.self)), docs >= 0,
                  !fields[2].isEmpty else {
                throw .invalid(line: lineNumber, reason: "expected 'site DOCUMENTS HOST'")
            }
            let host = String(decoding: fields[2], as: UTF8.self)
            guard model.siteIndex[host] == nil else { throw .invalid(line: lineNumber, reason: "site \(host) appears twice") }
            let index = model.index(of: host)
            model.sites[Int(index)].documents = docs
            hosts.append(index)
        }
        for n in 0..<entryCount {
            let lineNumber = 3 + siteCount + n
            let raw = lines[2 + siteCount + n]
            let fields = raw.split(separator: 0x20, maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0].elementsEqual("block".utf8),
                  let site = Int(String(decoding: fields[1], as: UTF8.self)), site >= 0, site < hosts.count,
                  fields[2].count == 16, let fingerprint = UInt64(String(decoding: fields[2], as: UTF8.self), radix: 16),
                  let docs = Int(String(decoding: fields[3], as: UTF8.self)), docs >= 1, docs <= model.sites[Int(hosts[site])].documents,
                  fields[4].count >= 2, fields[4].first == 0x22, fields[4].last == 0x22 else {
                throw .invalid(line: lineNumber, reason: "expected 'block SITE FINGERPRINT DOCUMENTS \"SAMPLE\"' with DOCUMENTS within the site's")
            }
            var sample: [UInt8] = []
            let quoted = Array(fields[4].dropFirst().dropLast())
            quoted.withUnsafeBufferPointer { JSONLField.unescape($0, into: &sample) }
            let key = SiteModel.Key(site: hosts[site], fingerprint: fingerprint)
            guard model.entries[key] == nil else { throw .invalid(line: lineNumber, reason: "block \(hex16(fingerprint)) appears twice") }
            model.entries[key] = SiteModel.Entry(documents: docs, sample: String(decoding: sample, as: UTF8.self))
        }
        return model
    }

    static func hex16(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

extension SiteModel {
    mutating func setDropped(_ value: Int) { droppedBelow = value }
}
