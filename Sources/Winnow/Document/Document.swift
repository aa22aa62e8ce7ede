/// One line of a document, as byte offsets into the document's UTF-8 bytes, with the cheap facts
/// every rule and the resolver need, computed once.
///
/// `content` excludes the line terminator (`\n` or `\r\n`, or `\r` in a document without `\n`); `end`
/// includes it.
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

    public var isBlank: Bool { trimmed.isEmpty }

    /// The same line `offset` bytes further on.
    func shifted(by offset: Int) -> Block {
        var b = self
        b.content = content.lowerBound + offset..<content.upperBound + offset
        b.trimmed = trimmed.lowerBound + offset..<trimmed.upperBound + offset
        b.end += offset
        return b
    }
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

    /// Splits at `\n`, `\r\n` and a lone `\r` (old Mac line ends), the way Hadoop's and Python's line
    /// readers do: whatever is removed around a line, it stays the same line when the output is read again.
    static func segment(_ p: UnsafeBufferPointer<UInt8>, into blocks: inout [Block]) {
        guard let base = p.baseAddress, p.count > 0 else { return }
        var start = 0
        let n = p.count
        blocks.reserveCapacity(n / 32 + 4)   // lines of scraped text are rarely shorter on average
        var pending: (content: Range<Int>, end: Int)? = nil
        func find(_ byte: Int32, from i: Int) -> Int {
            guard i < n, let hit = memchr(base + i, byte, n - i) else { return n }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        // The next `\n` and `\r` at or after `start` (n: none), each searched for again only once passed.
        var lf = find(0x0A, from: 0)
        var cr = find(0x0D, from: 0)
        while start < n {
            if lf < start { lf = find(0x0A, from: start) }
            if cr < start { cr = find(0x0D, from: start) }
            let contentEnd: Int
            let end: Int
            if cr < lf {
                contentEnd = cr
                end = cr + 1 == lf && lf < n ? lf + 1 : cr + 1   // CRLF, or a lone CR
            } else {
                contentEnd = lf
                end = lf < n ? lf + 1 : n
            }
            // Lines are described two at a time: two independent chains through the state machine.
            if let first = pending {
                let (a, b) = describePair(p, first.content, end: first.end, start..<contentEnd, end: end)
                blocks.append(a)
                blocks.append(b)
                pending = nil
            } else {
                pending = (start..<contentEnd, end)
            }
            start = end
        }
        if let last = pending { blocks.append(describe(p, last.content, end: last.end)) }
    }

    /// The facts of two lines, computed in one interleaved pass.
    static func describePair(_ p: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, end endA: Int, _ b: Range<Int>, end endB: Int) -> (Block, Block) {
        let ta = trim(p, a), tb = trim(p, b)
        var fa = Facts(), fb = Facts()
        Document.transitions.withUnsafeBufferPointer { table in
            Document.foldSums.withUnsafeBufferPointer { folds in
                let t = table.baseAddress!, f = folds.baseAddress!, base = p.baseAddress!
                var i = ta.lowerBound, j = tb.lowerBound
                var sa = 1, sb = 1
                // Both lines together, in chunks short enough for the 12-bit counters.
                while i < ta.upperBound && j < tb.upperBound {
                    let n = min(4095, ta.upperBound - i, tb.upperBound - j)
                    var accA: UInt64 = 0, accB: UInt64 = 0, sumA: UInt64 = 0, sumB: UInt64 = 0
                    for _ in 0..<n {
                        let x = Int(base[i]), y = Int(base[j])
                        let ea = t[sa << 8 | x], eb = t[sb << 8 | y]
                        accA &+= ea; accB &+= eb
                        sa = Int(truncatingIfNeeded: ea >> 61); sb = Int(truncatingIfNeeded: eb >> 61)
                        sumA &+= f[x]; sumB &+= f[y]
                        i &+= 1; j &+= 1
                    }
                    fa.add(accA, sumA); fb.add(accB, sumB)
                }
                // The rest of the longer line.
                Document.run(t, f, base, &i, ta.upperBound, &sa, &fa)
                Document.run(t, f, base, &j, tb.upperBound, &sb, &fb)
            }
        }
        return (fa.block(p, a, endA, ta), fb.block(p, b, endB, tb))
    }

    /// Running sums of a line's facts.
    struct Facts {
        var words = 0, alnum = 0, digits = 0, capitalized = 0, innerStops = 0
        var checksum: UInt32 = 0
        var cjk = 0

        @inline(__always) mutating func add(_ acc: UInt64, _ sums: UInt64) {
            words &+= Int(acc & 0xFFF)
            capitalized &+= Int((acc >> 12) & 0xFFF)
            innerStops &+= Int((acc >> 24) & 0xFFF)
            digits &+= Int((acc >> 36) & 0xFFF)
            alnum &+= Int((acc >> 48) & 0xFFF)
            checksum &+= UInt32(truncatingIfNeeded: sums)
            cjk |= Int(truncatingIfNeeded: sums >> 32)
        }

        func block(_ p: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, _ end: Int, _ trimmed: Range<Int>) -> Block {
            let hasCJK = cjk != 0
            // Scripts without spaces: count every two CJK letters as a word, so a long Chinese
            // paragraph is long to every rule that weighs length by words.
            let words = hasCJK ? max(self.words, alnum / 2) : self.words
            return Block(content: content, end: end, trimmed: trimmed, words: words, alnum: alnum, digits: digits,
                         endsLikeSentence: Document.endsLikeSentence(p, trimmed), hasCJK: hasCJK, capitalized: capitalized,
                         innerStops: innerStops, checksum: checksum)
        }
    }

    /// One chain through the state machine, from `i` to `end`, in chunks of 4,095 bytes.
    @inline(__always)
    static func run(_ t: UnsafePointer<UInt64>, _ f: UnsafePointer<UInt64>, _ base: UnsafePointer<UInt8>,
                    _ i: inout Int, _ end: Int, _ state: inout Int, _ facts: inout Facts) {
        while i < end {
            let chunkEnd = min(end, i + 4095)
            var acc: UInt64 = 0, sums: UInt64 = 0
            var s = state, k = i
            while k < chunkEnd {
                let x = Int(base[k])
                let e = t[s << 8 | x]
                acc &+= e
                s = Int(truncatingIfNeeded: e >> 61)
                sums &+= f[x]
                k &+= 1
            }
            i = k
            state = s
            facts.add(acc, sums)
        }
    }

    /// The line without leading and trailing white space (and no-break spaces, and a byte-order mark).
    static func trim(_ p: UnsafeBufferPointer<UInt8>, _ content: Range<Int>) -> Range<Int> {
        var lo = content.lowerBound
        var hi = content.upperBound
        while lo < hi && isBlankByteAt(p, lo, hi) { lo += blankWidth(p, lo) }
        while hi > lo && Bytes.isSpace(p[hi - 1]) { hi -= 1 }
        while hi - lo >= 2 && p[hi - 2] == 0xC2 && p[hi - 1] == 0xA0 { hi -= 2 }
        return lo..<hi
    }

    /// Computes a line's facts in one pass over its bytes (see `transitions`).
    static func describe(_ p: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, end: Int) -> Block {
        let trimmed = trim(p, content)
        var facts = Facts()
        Document.transitions.withUnsafeBufferPointer { table in
            Document.foldSums.withUnsafeBufferPointer { folds in
                var i = trimmed.lowerBound
                var state = 1   // as after white space
                Document.run(table.baseAddress!, folds.baseAddress!, p.baseAddress!, &i, trimmed.upperBound, &state, &facts)
            }
        }
        return facts.block(p, content, end, trimmed)
    }

    /// The line-facts state machine: entry `state << 8 | byte`. State bits: 0 the previous byte was white
    /// space, 1 it was a sentence stop (`.`, `!`, `?`), 2 the current token already counted as a word.
    /// Entry: 12-bit increments of words (a token's first letter or digit), capitals (an ASCII capital
    /// opening a token), inner stops (white space after a stop), digits and letters-or-digits (ASCII, or
    /// the lead byte of a non-ASCII letter: every lead byte but C2 and E2, which lead punctuation and
    /// symbols), and the next state in bits 61-63.
    static let transitions: [UInt64] = (0..<(8 * 256)).map { index -> UInt64 in
        let state = index >> 8, b = UInt8(index & 0xFF)
        let previousSpace = state & 1 != 0, previousStop = state & 2 != 0, counted = state & 4 != 0
        let space = Bytes.isSpace(b)
        let word = Bytes.isASCIIAlnum(b) || (b >= 0xC0 && b != 0xC2 && b != 0xE2)
        let stop = b == 0x2E || b == 0x21 || b == 0x3F
        var e: UInt64 = 0
        if word && !counted { e |= 1 }
        if previousSpace && !space && Bytes.isUpper(b) { e |= 1 << 12 }
        if space && previousStop { e |= 1 << 24 }
        if Bytes.isDigit(b) { e |= 1 << 36 }
        if word { e |= 1 << 48 }
        let next = (space ? 1 : 0) | (stop ? 2 : 0) | ((counted || word) && !space ? 4 : 0)
        return e | UInt64(next) << 61
    }

    /// Per byte: the byte folded for comparison (0 for white space), as `Fingerprint.normalized`, and in
    /// bit 32 whether it leads a CJK or Hangul scalar (E3-ED).
    static let foldSums: [UInt64] = (0..<256).map { i -> UInt64 in
        let b = UInt8(i)
        var f: UInt64 = Bytes.isSpace(b) ? 0 : UInt64(Fingerprint.normalized[i])
        if b >= 0xE3 && b <= 0xED { f |= 1 << 32 }
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
            // ” ’ “ ‘ (E2 80 9D/99/9C/98: German quotes close with “ and ‘), » « (C2 BB/AB) and 」』 (E3 80 8D/8F)
            if hi - r.lowerBound >= 3 && p[hi - 3] == 0xE2 && p[hi - 2] == 0x80 && p[hi - 1] >= 0x98 && p[hi - 1] <= 0x9D { hi -= 3; closers += 1; continue }
            if hi - r.lowerBound >= 2 && p[hi - 2] == 0xC2 && (p[hi - 1] == 0xBB || p[hi - 1] == 0xAB) { hi -= 2; closers += 1; continue }
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
