// JSONLField: find, unescape, escape and splice one string field of a JSONL line,
// without ever re-serializing the line. Every byte outside the field's string
// contents is left exactly as it was.
//
// Hot-path rules followed here: bytes only (no String / Character / Foundation),
// unsafe pointers in the inner loops, runs of ordinary bytes found eight at a time
// (SWAR) and appended in bulk, no recursion, and no allocation other than growth
// of the caller's `out` array (the nesting stack lives in a stack-allocated
// temporary buffer).

/// Why a JSONL line cannot be used.
public enum JSONLLineProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The first non-whitespace byte of the line is not `{` (an array, number, string or literal).
    case notAnObject
    /// Broken JSON (or a blank line); a short reason including the byte offset.
    case malformed(String)
    /// The object has no such top-level key. Payload: the field name.
    case missingField(String)
    /// The field's value is not a string. Payload: what it is instead:
    /// `"number"`, `"object"`, `"array"`, `"null"`, `"true"` or `"false"`.
    case notAString(String)
    /// The top-level key appears more than once (after unescaping). Payload: the field name.
    case duplicateField(String)
    /// Containers nested deeper than `JSONLField.maxDepth`.
    case tooDeep

    public var description: String {
        switch self {
        case .notAnObject: return "line is not a JSON object"
        case .malformed(let reason): return "malformed JSON: \(reason)"
        case .missingField(let name): return "no top-level field \"\(name)\""
        case .notAString(let kind): return "field value is \(kind), not a string"
        case .duplicateField(let name): return "top-level field \"\(name)\" appears more than once"
        case .tooDeep: return "nesting deeper than \(JSONLField.maxDepth) levels"
        }
    }
}

/// Where a string field's raw contents sit in a line.
public struct JSONLStringField: Sendable, Equatable {
    /// Byte range of the string's raw (still escaped) contents, between (excluding) the quotes.
    public var valueRange: Range<Int>

    public init(valueRange: Range<Int>) {
        self.valueRange = valueRange
    }
}

/// Byte-level codec for one string field of a JSONL line.
public enum JSONLField: Sendable {
    /// Maximum container nesting depth. The top-level object is depth 1, so a line may contain
    /// containers nested up to 511 levels inside it; a container that would be at depth 513
    /// yields `.tooDeep`. (Same limit as Foundation's JSONSerialization.)
    public static let maxDepth = 512

    /// Validates that `line` (one line, without its '\n'; may end in '\r', which counts as whitespace)
    /// is exactly one JSON object (strict RFC 8259: whitespace = space/tab/CR/LF, numbers by the
    /// grammar, literals true/false/null, strings with valid escapes; control bytes < 0x20 unescaped
    /// inside strings are malformed) and finds the top-level key `field`.
    ///
    /// - Keys are compared after unescaping (so `"te\u0078t"` matches `text`); keys of nested
    ///   objects never match.
    /// - UTF-8 is not validated: any byte >= 0x20 other than `"` and `\` is accepted inside strings.
    ///   Lone surrogate escapes (`\ud800`) are accepted too (the grammar allows them).
    /// - An empty or all-whitespace line is `.malformed`.
    /// - The whole line is always validated; a malformed line or `.tooDeep` takes precedence over
    ///   `.duplicateField`, which takes precedence over `.notAString`, then `.missingField`.
    /// - Iterative (no recursion); nesting is limited to `maxDepth`.
    public static func locate(_ field: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Result<JSONLStringField, JSONLLineProblem> {
        field.withUnsafeBufferPointer { f in
            // 512 bits of object/array flags, on the stack (no heap allocation per call).
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: maxDepth / 64) { stack in
                stack.initialize(repeating: 0)
                return locate(f, line, stack.baseAddress!)
            }
        }
    }

    /// Unescapes raw JSON string contents into UTF-8 bytes, appending to `out`.
    ///
    /// `\uXXXX` surrogate pairs become the 4-byte UTF-8 sequence; a lone surrogate (a high one not
    /// immediately followed by a `\u` low one, or a low one on its own) becomes its 3-byte
    /// generalized-UTF-8 form (`\ud800` -> ED A0 80, "WTF-8"), so nothing is lost. Raw bytes,
    /// including invalid UTF-8, are copied unchanged.
    ///
    /// Precondition: `raw` was validated by `locate`. (On unvalidated input this does not trap:
    /// an invalid or truncated escape is copied through literally.)
    public static func unescape(_ raw: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let p = raw.baseAddress else { return }
        let n = raw.count
        // Unescaping never grows the text (every escape is at least as long as what it stands for), so
        // the output is written in place into `n` bytes made room for at once, then trimmed.
        let base = out.count
        out.append(contentsOf: repeatElement(0, count: n))
        let written = out.withUnsafeMutableBufferPointer { buffer -> Int in
            let o = buffer.baseAddress! + base
            var k = 0
            var runStart = 0
            var i = 0
            while true {
                i = nextBackslash(p, i, n)
                if i >= n { break }
                if i > runStart {
                    (o + k).update(from: p + runStart, count: i - runStart)
                    k += i - runStart
                }
                let d = decodeEscape(p, i, n)
                var v = d.packed
                for _ in 0..<d.count {
                    o[k] = UInt8(truncatingIfNeeded: v)
                    k += 1
                    v >>= 8
                }
                i = d.next
                runStart = i
            }
            if n > runStart {
                (o + k).update(from: p + runStart, count: n - runStart)
                k += n - runStart
            }
            return k
        }
        out.removeLast(n - written)
    }

    /// Escapes UTF-8 bytes as JSON string contents (without the surrounding quotes), appending to `out`.
    ///
    /// `"` -> `\"`, `\` -> `\\`, 0x0A/0x0D/0x09/0x08/0x0C -> `\n \r \t \b \f`, other bytes < 0x20 ->
    /// `\u00XX` (lowercase hex). An encoded surrogate (ED A0..BF 80..BF, as produced by `unescape` for
    /// lone surrogates) -> `\udXXX`, except an encoded low surrogate directly following an escaped high
    /// one, which is copied raw (escaping both would make them a pair). Hence `unescape(escape(x)) == x`
    /// for every byte sequence. All other bytes (valid or invalid UTF-8, 0x7F, '/') are copied raw.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let p = bytes.baseAddress else { return }
        let n = bytes.count
        var runStart = 0
        var i = 0
        var afterEscapedHigh = -1  // index just past the last high surrogate written as \uXXXX
        while true {
            i = nextEscapeCandidate(p, i, n)
            if i >= n { break }
            let b = p[i]
            if b == 0xED {
                // Only ED A0..BF xx (an encoded surrogate) needs escaping; ED 80..9F xx is ordinary
                // (e.g. Hangul) and stays in the run.
                guard i + 2 < n, p[i + 1] >= 0xA0, p[i + 1] <= 0xBF, p[i + 2] & 0xC0 == 0x80 else {
                    i += 1
                    continue
                }
                let isLow = p[i + 1] >= 0xB0
                if isLow && i == afterEscapedHigh {
                    i += 3  // keep raw: stays in the run
                    continue
                }
                if i > runStart {
                    out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                }
                let unit = (UInt32(b & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
                appendUnicodeEscape(unit, &out)
                i += 3
                runStart = i
                if !isLow { afterEscapedHigh = i }
                continue
            }
            if i > runStart {
                out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
            }
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)   // \"
            case 0x5C: out.append(0x5C); out.append(0x5C)   // \\
            case 0x0A: out.append(0x5C); out.append(0x6E)   // \n
            case 0x0D: out.append(0x5C); out.append(0x72)   // \r
            case 0x09: out.append(0x5C); out.append(0x74)   // \t
            case 0x08: out.append(0x5C); out.append(0x62)   // \b
            case 0x0C: out.append(0x5C); out.append(0x66)   // \f
            default: appendUnicodeEscape(UInt32(b), &out)   // other controls
            }
            i += 1
            runStart = i
        }
        if n > runStart {
            out.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: n - runStart))
        }
    }

    /// Appends `line` with `line[field.valueRange]` replaced by `escape(newValue)`.
    ///
    /// Every byte outside `valueRange` is copied unchanged. Note: re-escaping is canonical (e.g. an
    /// original `\/` or `\u00e9` becomes `/` or raw é), so to keep an unchanged line byte-identical,
    /// compare the new value with the unescaped old one and write the original line when equal.
    public static func splice(line: UnsafeBufferPointer<UInt8>, field: JSONLStringField, newValue: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let r = field.valueRange
        precondition(r.lowerBound >= 0 && r.upperBound <= line.count, "valueRange outside the line")
        if r.lowerBound > 0 {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[0..<r.lowerBound]))
        }
        escape(newValue, into: &out)
        if r.upperBound < line.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[r.upperBound..<line.count]))
        }
    }
}

// MARK: - Scanner

extension JSONLField {
    private enum State {
        case keyOrClose    // just after '{'
        case key           // after ',' in an object
        case valueOrClose  // just after '['
        case value         // after ':' or after ',' in an array
        case afterValue    // after a complete value
    }

    private enum StringScan {
        case ok(end: Int, escaped: Bool)  // end = index of the closing quote
        case unterminated
        case badEscape(Int)
        case control(Int)
    }

    private static func locate(_ f: UnsafeBufferPointer<UInt8>, _ line: UnsafeBufferPointer<UInt8>,
                               _ stack: UnsafeMutablePointer<UInt64>) -> Result<JSONLStringField, JSONLLineProblem> {
        let n = line.count
        guard let p = line.baseAddress, n > 0 else { return .failure(.malformed("empty line")) }
        var i = skipWS(p, 0, n)
        guard i < n else { return .failure(.malformed("blank line (whitespace only)")) }
        guard p[i] == 0x7B else { return .failure(.notAnObject) }
        i += 1
        // Bit stack: bit (level & 63) of word (level >> 6) is 1 for an object, 0 for an array.
        // Level = depth - 1; the top-level object is level 0.
        stack[0] = 1
        var depth = 1
        var state = State.keyOrClose
        var keyMatched = false
        var matches = 0
        var foundStart = -1
        var foundEnd = -1
        var firstKind: UInt8 = 0

        while true {
            switch state {
            case .keyOrClose, .key:
                i = skipWS(p, i, n)
                guard i < n else {
                    return .failure(.malformed(endOfLine(i, state == .key ? "a string key" : "a string key or '}'")))
                }
                let b = p[i]
                if b == 0x7D && state == .keyOrClose {  // '}'
                    i += 1
                    depth -= 1
                    state = .afterValue
                    continue
                }
                guard b == 0x22 else {
                    return .failure(.malformed(unexpected(b, i, state == .key ? "a string key" : "a string key or '}'")))
                }
                switch scanString(p, i + 1, n) {
                case .ok(let end, let escaped):
                    if depth == 1 {
                        keyMatched = keyEquals(p, i + 1, end, escaped, f)
                    }
                    i = end + 1
                case let problem:
                    return .failure(stringProblem(problem, i, p))
                }
                i = skipWS(p, i, n)
                guard i < n else { return .failure(.malformed(endOfLine(i, "':'"))) }
                guard p[i] == 0x3A else { return .failure(.malformed(unexpected(p[i], i, "':'"))) }
                i += 1
                state = .value

            case .valueOrClose, .value:
                i = skipWS(p, i, n)
                guard i < n else {
                    return .failure(.malformed(endOfLine(i, state == .value ? "a value" : "a value or ']'")))
                }
                let b = p[i]
                if b == 0x5D && state == .valueOrClose {  // ']'
                    i += 1
                    depth -= 1
                    state = .afterValue
                    continue
                }
                var isFirstMatch = false
                if keyMatched {
                    keyMatched = false
                    matches += 1
                    if matches == 1 {
                        isFirstMatch = true
                        firstKind = b
                    }
                }
                switch b {
                case 0x22:  // '"'
                    switch scanString(p, i + 1, n) {
                    case .ok(let end, _):
                        if isFirstMatch {
                            foundStart = i + 1
                            foundEnd = end
                        }
                        i = end + 1
                    case let problem:
                        return .failure(stringProblem(problem, i, p))
                    }
                    state = .afterValue
                case 0x7B, 0x5B:  // '{' '['
                    guard depth < maxDepth else { return .failure(.tooDeep) }
                    let word = depth >> 6
                    let bit = UInt64(1) << UInt64(depth & 63)
                    if b == 0x7B {
                        stack[word] |= bit
                        state = .keyOrClose
                    } else {
                        stack[word] &= ~bit
                        state = .valueOrClose
                    }
                    depth += 1
                    i += 1
                case 0x2D, 0x30...0x39:  // '-' digit
                    let end = scanNumber(p, i, n)
                    guard end >= 0 else { return .failure(.malformed("invalid number at byte \(i)")) }
                    i = end
                    state = .afterValue
                case 0x74:  // true
                    guard matchLiteral(p, i, n, 0x74, 0x72, 0x75, 0x65) else {
                        return .failure(.malformed("invalid literal at byte \(i)"))
                    }
                    i += 4
                    state = .afterValue
                case 0x6E:  // null
                    guard matchLiteral(p, i, n, 0x6E, 0x75, 0x6C, 0x6C) else {
                        return .failure(.malformed("invalid literal at byte \(i)"))
                    }
                    i += 4
                    state = .afterValue
                case 0x66:  // false
                    guard i + 5 <= n, matchLiteral(p, i + 1, n, 0x61, 0x6C, 0x73, 0x65) else {
                        return .failure(.malformed("invalid literal at byte \(i)"))
                    }
                    i += 5
                    state = .afterValue
                default:
                    return .failure(.malformed(unexpected(b, i, "a value")))
                }

            case .afterValue:
                i = skipWS(p, i, n)
                if depth == 0 {
                    guard i == n else {
                        return .failure(.malformed("trailing \(describe(p[i])) at byte \(i) after the object"))
                    }
                    if matches == 0 {
                        return .failure(.missingField(String(decoding: f, as: UTF8.self)))
                    }
                    if matches > 1 {
                        return .failure(.duplicateField(String(decoding: f, as: UTF8.self)))
                    }
                    if foundStart < 0 {
                        return .failure(.notAString(kindName(firstKind)))
                    }
                    return .success(JSONLStringField(valueRange: foundStart..<foundEnd))
                }
                let level = depth - 1
                let inObject = (stack[level >> 6] >> UInt64(level & 63)) & 1 == 1
                guard i < n else {
                    return .failure(.malformed(endOfLine(i, inObject ? "',' or '}'" : "',' or ']'")))
                }
                let b = p[i]
                if b == 0x2C {  // ','
                    i += 1
                    state = inObject ? .key : .value
                } else if b == (inObject ? 0x7D : 0x5D) {
                    i += 1
                    depth -= 1
                } else {
                    return .failure(.malformed(unexpected(b, i, inObject ? "',' or '}'" : "',' or ']'")))
                }
            }
        }
    }

    @inline(__always)
    private static func skipWS(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        while i < n {
            let b = p[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
            i += 1
        }
        return i
    }

    /// Scans string contents starting at `start` (just past the opening quote).
    @inline(__always)
    private static func scanString(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> StringScan {
        var i = start
        var escaped = false
        while true {
            i = nextStringSpecial(p, i, n)
            guard i < n else { return .unterminated }
            let b = p[i]
            if b == 0x22 { return .ok(end: i, escaped: escaped) }
            if b < 0x20 { return .control(i) }
            // backslash
            escaped = true
            guard i + 1 < n else { return .unterminated }
            switch p[i + 1] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                i += 2
            case 0x75:  // u
                guard i + 6 <= n, hex4(p, i + 2) >= 0 else { return .badEscape(i) }
                i += 6
            default:
                return .badEscape(i)
            }
        }
    }

    private static func stringProblem(_ scan: StringScan, _ quote: Int, _ p: UnsafePointer<UInt8>) -> JSONLLineProblem {
        switch scan {
        case .ok: return .malformed("internal error at byte \(quote)")
        case .unterminated: return .malformed("unterminated string at byte \(quote)")
        case .badEscape(let at): return .malformed("invalid escape at byte \(at)")
        case .control(let at): return .malformed("unescaped control \(describe(p[at])) in string at byte \(at)")
        }
    }

    /// Returns the index just past a number starting at `start`, or -1 if it breaks the grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private static func scanNumber(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        if p[i] == 0x2D { i += 1 }
        guard i < n, isDigit(p[i]) else { return -1 }
        if p[i] == 0x30 {
            i += 1
        } else {
            i += 1
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && p[i] == 0x2E {  // '.'
            i += 1
            guard i < n, isDigit(p[i]) else { return -1 }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && (p[i] | 0x20) == 0x65 {  // 'e' 'E'
            i += 1
            if i < n && (p[i] == 0x2B || p[i] == 0x2D) { i += 1 }
            guard i < n, isDigit(p[i]) else { return -1 }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        return i
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always)
    private static func matchLiteral(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int,
                                     _ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> Bool {
        i + 4 <= n && p[i] == a && p[i + 1] == b && p[i + 2] == c && p[i + 3] == d
    }

    /// Compares the key's raw contents `p[start..<end]`, after unescaping, with `f`.
    private static func keyEquals(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ escaped: Bool,
                                  _ f: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = f.count
        if !escaped {
            guard end - start == m else { return false }
            var k = 0
            while k < m {
                if p[start + k] != f[k] { return false }
                k += 1
            }
            return true
        }
        var j = start
        var k = 0
        while j < end {
            let b = p[j]
            if b != 0x5C {
                guard k < m, f[k] == b else { return false }
                k += 1
                j += 1
                continue
            }
            let d = decodeEscape(p, j, end)
            var packed = d.packed
            for _ in 0..<d.count {
                guard k < m, f[k] == UInt8(truncatingIfNeeded: packed) else { return false }
                packed >>= 8
                k += 1
            }
            j = d.next
        }
        return k == m
    }

    private static func kindName(_ b: UInt8) -> String {
        switch b {
        case 0x7B: return "object"
        case 0x5B: return "array"
        case 0x74: return "true"
        case 0x66: return "false"
        case 0x6E: return "null"
        default: return "number"
        }
    }

    // MARK: Error text (cold path)

    private static func describe(_ b: UInt8) -> String {
        if b > 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + hexByte(b)
    }

    private static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    private static func unexpected(_ b: UInt8, _ i: Int, _ expected: String) -> String {
        "unexpected \(describe(b)) at byte \(i), expected \(expected)"
    }

    private static func endOfLine(_ i: Int, _ expected: String) -> String {
        "unexpected end of line at byte \(i), expected \(expected)"
    }
}

// MARK: - Escape decoding and encoding

extension JSONLField {
    /// Value of a hex digit, or 0x100 if `c` is not one.
    @inline(__always)
    private static func hexValue(_ c: UInt8) -> UInt32 {
        let d = c &- 0x30
        if d < 10 { return UInt32(d) }
        let l = (c | 0x20) &- 0x61
        if l < 6 { return UInt32(l) + 10 }
        return 0x100
    }

    /// The code unit of four hex digits at `p[i..<i+4]` (caller checked bounds), or -1.
    @inline(__always)
    private static func hex4(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int {
        let a = hexValue(p[i]), b = hexValue(p[i + 1]), c = hexValue(p[i + 2]), d = hexValue(p[i + 3])
        guard (a | b | c | d) < 16 else { return -1 }
        return Int((a << 12) | (b << 8) | (c << 4) | d)
    }

    /// Decodes the escape starting at `p[i] == '\'`. Returns up to 4 UTF-8 bytes packed little-end
    /// first, their count, and the index after the escape. An invalid or truncated escape yields the
    /// backslash itself (so callers copy it through literally).
    @inline(__always)
    private static func decodeEscape(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (packed: UInt32, count: Int, next: Int) {
        guard i + 1 < n else { return (0x5C, 1, i + 1) }
        switch p[i + 1] {
        case 0x22: return (0x22, 1, i + 2)
        case 0x5C: return (0x5C, 1, i + 2)
        case 0x2F: return (0x2F, 1, i + 2)
        case 0x62: return (0x08, 1, i + 2)
        case 0x66: return (0x0C, 1, i + 2)
        case 0x6E: return (0x0A, 1, i + 2)
        case 0x72: return (0x0D, 1, i + 2)
        case 0x74: return (0x09, 1, i + 2)
        case 0x75:
            guard i + 6 <= n else { return (0x5C, 1, i + 1) }
            let u = hex4(p, i + 2)
            guard u >= 0 else { return (0x5C, 1, i + 1) }
            if u >= 0xD800 && u <= 0xDBFF && i + 12 <= n && p[i + 6] == 0x5C && p[i + 7] == 0x75 {
                let lo = hex4(p, i + 8)
                if lo >= 0xDC00 && lo <= 0xDFFF {
                    let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(lo) - 0xDC00)
                    return (utf8Packed4(scalar), 4, i + 12)
                }
            }
            let cp = UInt32(u)
            if cp < 0x80 { return (cp, 1, i + 6) }
            if cp < 0x800 {
                return ((0xC0 | (cp >> 6)) | ((0x80 | (cp & 0x3F)) << 8), 2, i + 6)
            }
            // Includes lone surrogates: their generalized-UTF-8 (WTF-8) form.
            let b0 = 0xE0 | (cp >> 12)
            let b1 = 0x80 | ((cp >> 6) & 0x3F)
            let b2 = 0x80 | (cp & 0x3F)
            return (b0 | (b1 << 8) | (b2 << 16), 3, i + 6)
        default:
            return (0x5C, 1, i + 1)
        }
    }

    @inline(__always)
    private static func utf8Packed4(_ s: UInt32) -> UInt32 {
        let b0 = 0xF0 | (s >> 18)
        let b1 = 0x80 | ((s >> 12) & 0x3F)
        let b2 = 0x80 | ((s >> 6) & 0x3F)
        let b3 = 0x80 | (s & 0x3F)
        return b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)
    }

    /// Appends `\uXXXX` with lowercase hex digits.
    @inline(__always)
    private static func appendUnicodeEscape(_ unit: UInt32, _ out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x75)
        out.append(hexDigit(unit >> 12))
        out.append(hexDigit(unit >> 8))
        out.append(hexDigit(unit >> 4))
        out.append(hexDigit(unit))
    }

    @inline(__always)
    private static func hexDigit(_ v: UInt32) -> UInt8 {
        let d = UInt8(truncatingIfNeeded: v & 0xF)
        return d < 10 ? 0x30 + d : 0x57 + d
    }
}

// MARK: - Byte search (16 bytes at a time with vector compares, 8 with `SWAR`)

extension JSONLField {
    @inline(__always)
    private static func load16(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
    }
    @inline(__always) private static var quote16: SIMD16<UInt8> { SIMD16(repeating: 0x22) }
    @inline(__always) private static var backslash16: SIMD16<UInt8> { SIMD16(repeating: 0x5C) }
    @inline(__always) private static var space16: SIMD16<UInt8> { SIMD16(repeating: 0x20) }
    @inline(__always) private static var surrogateLead16: SIMD16<UInt8> { SIMD16(repeating: 0xED) }

    /// First index >= i with `"`, `\` or a byte < 0x20, or n.
    @inline(__always)
    private static func nextStringSpecial(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        // Sixteen bytes at a time while none is special (vector compares), then eight to find which.
        while i + 16 <= n {
            let v = load16(p + i)
            if any((v .== quote16) .| (v .== backslash16) .| (v .< space16)) { break }
            i += 16
        }
        while i + 8 <= n {
            let v = SWAR.load8(p + i)
            let m = SWAR.eqMask(v, 0x22) | SWAR.eqMask(v, 0x5C) | SWAR.ltMask(v, 0x20)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            i += 1
        }
        return n
    }

    /// First index >= i with `\`, or n.
    @inline(__always)
    private static func nextBackslash(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        while i + 16 <= n {
            if any(load16(p + i) .== backslash16) { break }
            i += 16
        }
        while i + 8 <= n {
            let m = SWAR.eqMask(SWAR.load8(p + i), 0x5C)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            if p[i] == 0x5C { return i }
            i += 1
        }
        return n
    }

    /// First index >= i with `"`, `\`, a byte < 0x20 or 0xED (possible encoded surrogate), or n.
    @inline(__always)
    private static func nextEscapeCandidate(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        while i + 16 <= n {
            let v = load16(p + i)
            if any((v .== quote16) .| (v .== backslash16) .| (v .< space16) .| (v .== surrogateLead16)) { break }
            i += 16
        }
        while i + 8 <= n {
            let v = SWAR.load8(p + i)
            let m = SWAR.eqMask(v, 0x22) | SWAR.eqMask(v, 0x5C) | SWAR.ltMask(v, 0x20) | SWAR.eqMask(v, 0xED)
            if m != 0 { return i + m.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let b = p[i]
            if b == 0x22 || b == 0x5C || b < 0x20 || b == 0xED { return i }
            i += 1
        }
        return n
    }
}
