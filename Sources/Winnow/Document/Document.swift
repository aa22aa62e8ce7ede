/// One line of a document, as byte offsets into the document's UTF-8 bytes, with the cheap facts
/// every rule and the resolver need, computed once.
///
/// `content` excludes the line terminator (`\n` or `\r\n`); `end` includes it.
public struct Block: Sendable, Equatable {
    /// The line's bytes without its terminator.
    public var content: Range<Int>
    /// One past the terminator (equals `content.upperBound` on a last line without one).
    public var end: Int
    /// Content without leading and trailing white space.
    public var trimmed: Range<Int>
    /// Number of white-space separated tokens that hold a letter or digit (a lone dash is no word).
    public var words: Int
    /// Letters and digits, ASCII or not (each non-ASCII scalar counts once).
    public var alnum: Int
    public var digits: Int
    /// Ends with `.`, `!`, `?`, `…`, `。`, `！`, `？` or one of them followed by a closing quote or bracket.
    public var endsLikeSentence: Bool
    /// Contains any non-ASCII scalar in the CJK ranges (for word counting that does not rely on spaces).
    public var hasCJK: Bool
    /// Words that begin with an ASCII capital letter (title case and menus have many).
    public var capitalized: Int
    /// Sentence stops inside the line: `.`, `!` or `?` followed by a space.
    public var innerStops: Int
    /// Sum of the line's bytes folded for comparison (case, digits; white space left out): equal for lines
    /// that are equal up to case, white space and digits. A cheap first key for `Fingerprint`.
    public var checksum: UInt32
    /// The line has a run of 14 ASCII letters and digits or a word opening with two capitals and two
    /// digits: it may hold an IBAN, a Bitcoin or an Ethereum address.
    public var mayHoldIdentifier: Bool

    public var isBlank: Bool { trimmed.isEmpty }
    /// The whole line including its terminator.
    public var range: Range<Int> { content.lowerBound..<end }
}

/// A document: the input bytes (borrowed, never copied) and its lines.
struct Document {
    let bytes: UnsafeBufferPointer<UInt8>
    var blocks: [Block]

    init(bytes: UnsafeBufferPointer<UInt8>, reusing storage: [Block] = []) {
        self.bytes = bytes
        var blocks = storage
        blocks.removeAll(keepingCapacity: true)
        Document.segment(bytes, into: &blocks)
        self.blocks = blocks
    }

    /// Splits at `\n`; a `\r` before it belongs to the terminator.
    static func segment(_ p: UnsafeBufferPointer<UInt8>, into blocks: inout [Block]) {
        guard let base = p.baseAddress, p.count > 0 else { return }
        var start = 0
        let n = p.count
        while start < n {
            let rest = n - start
            let found = memchr(base + start, 0x0A, rest)
            let lineEnd: Int
            let end: Int
            if let found {
                lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                end = lineEnd + 1
            } else {
                lineEnd = n
                end = n
            }
            var contentEnd = lineEnd
            if contentEnd > start && p[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            blocks.append(describe(p, start..<contentEnd, end: end))
            start = end
        }
    }

    /// Computes a line's facts in one pass over its bytes.
    static func describe(_ p: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, end: Int) -> Block {
        var lo = content.lowerBound
        var hi = content.upperBound
        while lo < hi && isBlankByteAt(p, lo, hi) { lo += blankWidth(p, lo) }
        while hi > lo && Bytes.isSpace(p[hi - 1]) { hi -= 1 }
        // A trailing no-break space (C2 A0) is blank too.
        while hi - lo >= 2 && p[hi - 2] == 0xC2 && p[hi - 1] == 0xA0 { hi -= 2 }
        // One pass, one table load per byte, no data-dependent branches: every fact is a running sum
        // of bits from `Document.byteFacts`.
        var words = 0, alnum = 0, digits = 0, capitalized = 0, innerStops = 0
        var checksum: UInt32 = 0
        var cjk = 0
        var previousSpace = 1, previousStop = 0, counted = 0
        var run = 0, longestRun = 0
        var shape = 0, ibanLike = 0
        Document.byteFacts.withUnsafeBufferPointer { facts in
            var i = lo
            while i < hi {
                let f = Int(facts[Int(p[i])])
                let space = f & 1
                let word = (f >> 1) & 1
                let notSpace = space ^ 1
                words &+= word & (counted ^ 1)
                counted = (counted | word) & notSpace
                capitalized &+= previousSpace & notSpace & (f >> 3) & 1
                innerStops &+= space & previousStop
                alnum &+= word
                digits &+= (f >> 2) & 1
                cjk |= f & 0x40
                checksum &+= UInt32(truncatingIfNeeded: f >> 8)
                // Longest run of ASCII letters and digits (payment identifiers need 14 or more, or a
                // 4-character IBAN group).
                run = (run &+ 1) &* ((f >> 5) & 1)
                longestRun = max(longestRun, run)
                // The shapes of the last five bytes, two bits each (0 other, 1 capital, 2 digit, 3 other
                // letter): a word that starts with two capitals and two digits may open an IBAN.
                shape = ((shape << 2) | ((f >> 5) & 1) * (1 + ((f >> 2) & 1) + 2 * (((f >> 3) | (f >> 2)) & 1 ^ 1))) & 0x3FF
                ibanLike |= shape == 0b00_01_01_10_10 ? 1 : 0
                previousSpace = space
                previousStop = (f >> 4) & 1
                i &+= 1
            }
        }
        let hasCJK = cjk != 0
        if hasCJK {
            // Scripts without spaces: count every two CJK letters as a word, so a long Chinese
            // paragraph is long to every rule that weighs length by words.
            words = max(words, alnum / 2)
        }
        return Block(content: content, end: end, trimmed: lo..<hi, words: words, alnum: alnum, digits: digits,
                     endsLikeSentence: endsLikeSentence(p, lo..<hi), hasCJK: hasCJK, capitalized: capitalized, innerStops: innerStops,
                     checksum: checksum, mayHoldIdentifier: longestRun >= 14 || ibanLike != 0)
    }

    /// Facts of each byte value, packed: bit 0 white space; bit 1 a letter or digit (ASCII, or the lead
    /// byte of a non-ASCII letter: every lead byte but C2 and E2, whose scalars are punctuation and
    /// symbols); bit 2 digit; bit 3 ASCII capital; bit 4 sentence stop (`.`, `!`, `?`); bit 5 ASCII letter
    /// or digit; bit 6 lead byte of a CJK or Hangul scalar (E3-ED); bits 8-15 the byte folded for
    /// comparison (0 for white space), as `Fingerprint.normalized`.
    static let byteFacts: [UInt16] = (0..<256).map { i -> UInt16 in
        let b = UInt8(i)
        var f: UInt16 = 0
        if Bytes.isSpace(b) { f |= 1 }
        if Bytes.isASCIIAlnum(b) || (b >= 0xC0 && b != 0xC2 && b != 0xE2) { f |= 2 }
        if Bytes.isDigit(b) { f |= 4 }
        if Bytes.isUpper(b) { f |= 8 }
        if b == 0x2E || b == 0x21 || b == 0x3F { f |= 16 }
        if Bytes.isASCIIAlnum(b) { f |= 32 }
        if b >= 0xE3 && b <= 0xED { f |= 64 }
        if !Bytes.isSpace(b) { f |= UInt16(Fingerprint.normalized[i]) << 8 }
        return f
    }

    /// Whether the scalar led by `lead` (followed by `next`) is a letter or digit, as `Bytes.isWordByte`.
    @inline(__always) static func leadIsWord(_ lead: UInt8, _ next: UInt8) -> Bool {
        if lead == 0xC2 { return false }
        if lead == 0xE2 && next & 0xFC == 0x80 { return false }
        if lead == 0xE3 && next == 0x80 { return false }
        if lead == 0xEF && (next == 0xBC || next == 0xBD) { return false }
        return lead >= 0xC0
    }

    @inline(__always) private static func isBlankByteAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ hi: Int) -> Bool {
        if Bytes.isSpace(p[i]) { return true }
        if p[i] == 0xC2 && i + 1 < hi && p[i + 1] == 0xA0 { return true }
        if p[i] == 0xEF && i + 2 < hi && p[i + 1] == 0xBB && p[i + 2] == 0xBF { return true } // BOM
        return false
    }
    @inline(__always) private static func blankWidth(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        p[i] == 0xC2 ? 2 : p[i] == 0xEF ? 3 : 1
    }

    static func endsLikeSentence(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        sentenceEnd(p, r) != nil
    }

    /// The sentence punctuation a line ends with, behind up to three closing quotes or brackets, as
    /// ASCII: `.` (also for `…` and `。`), `!` (also `！`) or `?` (also `？`); nil when there is none.
    static func sentenceEnd(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt8? {
        var hi = r.upperBound
        var closers = 0
        while hi > r.lowerBound && closers < 3 {
            let b = p[hi - 1]
            if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D || b == 0x2A { hi -= 1; closers += 1; continue }
            // ” ’ » (E2 80 9D, E2 80 99, C2 BB) and 」』 (E3 80 8D/8F)
            if hi - r.lowerBound >= 3 && p[hi - 3] == 0xE2 && p[hi - 2] == 0x80 && (p[hi - 1] == 0x9D || p[hi - 1] == 0x99) { hi -= 3; closers += 1; continue }
            if hi - r.lowerBound >= 2 && p[hi - 2] == 0xC2 && p[hi - 1] == 0xBB { hi -= 2; closers += 1; continue }
            if hi - r.lowerBound >= 3 && p[hi - 3] == 0xE3 && p[hi - 2] == 0x80 && (p[hi - 1] == 0x8D || p[hi - 1] == 0x8F) { hi -= 3; closers += 1; continue }
            break
        }
        guard hi > r.lowerBound else { return nil }
        let b = p[hi - 1]
        if b == 0x2E || b == 0x21 || b == 0x3F { return b }
        // … (E2 80 A6), 。(E3 80 82), ！(EF BC 81), ？(EF BC 9F)
        if hi - r.lowerBound >= 3 {
            let a = p[hi - 3], m = p[hi - 2]
            if a == 0xE2 && m == 0x80 && b == 0xA6 { return 0x2E }
            if a == 0xE3 && m == 0x80 && b == 0x82 { return 0x2E }
            if a == 0xEF && m == 0xBC && b == 0x81 { return 0x21 }
            if a == 0xEF && m == 0xBC && b == 0x9F { return 0x3F }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
