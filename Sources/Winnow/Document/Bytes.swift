/// Byte-level character classes used on the hot path. Everything here works on UTF-8 bytes;
/// no `Character` or `String` is ever made per line.
enum Bytes {
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isASCIIAlnum(_ b: UInt8) -> Bool { isASCIILetter(b) || isDigit(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// Whether `range` holds a quotation mark: " “ ” „ « ».
    static func hasQuotationMark(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if quotationMarkLength(p, i, range.upperBound) > 0 { return true }
            i += 1
        }
        return false
    }

    /// The length of the quotation mark at `i` (`"`, “ ” „, « »), 0 if there is none.
    @inline(__always)
    static func quotationMarkLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = p[i]
        if c == 0x22 { return 1 }
        if c == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0x9C || p[i + 2] == 0x9D || p[i + 2] == 0x9E) { return 3 }
        if c == 0xC2 && i + 1 < end && (p[i + 1] == 0xAB || p[i + 1] == 0xBB) { return 2 }
        return 0
    }

    /// Whether `r` ends with a colon, ASCII or full width (EF BC 9A).
    static func endsWithColon(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return false }
        return p[last] == 0x3A || (r.count >= 3 && p[last - 2] == 0xEF && p[last - 1] == 0xBC && p[last] == 0x9A)
    }

    /// Whether `r` ends with a question mark, ASCII or full width (EF BC 9F).
    static func endsWithQuestionMark(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return false }
        return p[last] == 0x3F || (r.count >= 3 && p[last - 2] == 0xEF && p[last - 1] == 0xBC && p[last] == 0x9F)
    }

    /// Whether `p[i..<end]` begins with `word` (ASCII; letters compared without case, `word` in small letters).
    static func hasPrefix(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i >= 0, i + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n {
            let b = p[i + k], c = w[k]
            if isASCIILetter(c) ? (b | 0x20) != c : b != c { return false }
        }
        return true
    }

    /// Folds a byte for phrase matching: ASCII upper case to lower case, and the second byte of the
    /// two-byte Latin-1 capitals (U+00C0-U+00DE except U+00D7) to their small letters, when `previous` is 0xC3.
    @inline(__always) static func fold(_ b: UInt8, previous: UInt8) -> UInt8 {
        if b &- 0x41 < 26 { return b | 0x20 }
        if previous == 0xC3 && b &- 0x80 < 0x1F && b != 0x97 { return b &+ 0x20 }
        return b
    }

    /// Whether `bytes[i]` starts a "word" character for boundary checks: ASCII letters and digits,
    /// and any non-ASCII scalar except the General Punctuation block (U+2000-U+206F: dashes, quotes,
    /// bullets) and U+00A0-U+00BF (no-break space, «, », ·, ...).
    @inline(__always) static func isWordByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isASCIIAlnum(b) }
        // Walk back to the lead byte of this scalar.
        var j = i
        while j > 0 && p[j] & 0xC0 == 0x80 && i - j < 3 { j -= 1 }
        let lead = p[j]
        if lead == 0xE2 && j + 1 < p.count && p[j + 1] & 0xFC == 0x80 { return false } // U+2000-U+20FF
        if lead == 0xC2 { return false } // U+0080-U+00BF
        if lead == 0xE3 && j + 1 < p.count && p[j + 1] == 0x80 { return false } // CJK punctuation U+3000-U+303F
        if lead == 0xEF && j + 1 < p.count && (p[j + 1] == 0xBC || p[j + 1] == 0xBD) {
            // Fullwidth forms: letters and digits are words, punctuation is not.
            return false
        }
        return true
    }
}
