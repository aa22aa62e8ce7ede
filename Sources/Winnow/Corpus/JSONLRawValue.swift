/// The raw JSON text of a top-level value of a line (for copying an id of any type, such as `"a-1"`,
/// `42` or `{"site":"x"}`, into a record exactly as spelled). Cold path: used once per record written.
enum JSONLRawValue {
    /// Byte range of the value of top-level key `key` in `line` (quotes included for a string), or nil
    /// when the line is not valid JSON, not an object, or lacks the key (or repeats it).
    static func range(of key: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        switch JSONLField.locate(key, in: line) {
        case .success(let field):
            return (field.valueRange.lowerBound - 1)..<(field.valueRange.upperBound + 1)
        case .failure(.notAString):
            return nonStringRange(of: key, in: line)
        case .failure:
            return nil
        }
    }

    /// For a line `JSONLField.locate` validated (so every string and container is well formed).
    private static func nonStringRange(of key: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let n = line.count
        var i = skipWS(line, 0)
        guard i < n, line[i] == 0x7B else { return nil }
        i += 1
        var keyBytes: [UInt8] = []
        while true {
            i = skipWS(line, i)
            guard i < n, line[i] == 0x22 else { return nil }  // '}' of an empty object, or broken
            let keyEnd = stringEnd(line, i + 1)
            keyBytes.removeAll(keepingCapacity: true)
            JSONLField.unescape(UnsafeBufferPointer(rebasing: line[(i + 1)..<keyEnd]), into: &keyBytes)
            i = skipWS(line, keyEnd + 1)
            guard i < n, line[i] == 0x3A else { return nil }
            i = skipWS(line, i + 1)
            let valueStart = i
            i = valueEnd(line, i)
            if keyBytes == key { return valueStart..<i }
            i = skipWS(line, i)
            guard i < n, line[i] == 0x2C else { return nil }
            i += 1
        }
    }

    private static func skipWS(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < p.count, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0A || p[i] == 0x0D { i += 1 }
        return i
    }

    /// Index of the closing quote of a string whose contents start at `start`.
    private static func stringEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < p.count {
            if p[i] == 0x5C { i += 2; continue }
            if p[i] == 0x22 { return i }
            i += 1
        }
        return p.count
    }

    /// Index just past the value starting at `start`.
    private static func valueEnd(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        guard i < p.count else { return i }
        switch p[i] {
        case 0x22:
            return min(stringEnd(p, i + 1) + 1, p.count)
        case 0x7B, 0x5B:
            var depth = 0
            while i < p.count {
                switch p[i] {
                case 0x22: i = stringEnd(p, i + 1)
                case 0x7B, 0x5B: depth += 1
                case 0x7D, 0x5D:
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return i
        default:
            while i < p.count {
                let b = p[i]
                if b == 0x2C || b == 0x7D || b == 0x5D || b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { break }
                i += 1
            }
            return i
        }
    }
}

extension JSONLField {
    /// The value of top-level key `key` in `line` as text, for naming a document: a string unescaped
    /// (invalid UTF-8 becomes U+FFFD), any other value as spelled (`42`, `{"a":1}`); nil when the line is
    /// not a valid JSON object, lacks the key, or the value is `null`. Cold path.
    public static func valueText(_ key: String, in line: UnsafeBufferPointer<UInt8>) -> String? {
        guard let range = JSONLRawValue.range(of: Array(key.utf8), in: line) else { return nil }
        if line[range.lowerBound] == 0x22 {
            var out: [UInt8] = []
            unescape(UnsafeBufferPointer(rebasing: line[(range.lowerBound + 1)..<(range.upperBound - 1)]), into: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let raw = String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        return raw == "null" ? nil : raw
    }
}
