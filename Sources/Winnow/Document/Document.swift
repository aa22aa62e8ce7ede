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
    /// that are equal up to case, white space and digits, but for a no-break space, which it counts and
    /// `Fingerprint` does not. A cheap first key for `Fingerprint`: lines that share it are compared by
    /// their full fingerprints, all together, so a copy under another key still joins its group.
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

extension Array where Element == Block {
    /// The nearest non-blank line before `i`, if any.
    func nonBlank(before i: Int) -> Int? {
        var j = i - 1
        while j >= 0 && self[j].isBlank { j -= 1 }
        return j >= 0 ? j : nil
    }

    /// The nearest non-blank line after `i`, if any.
    func nonBlank(after i: Int) -> Int? {
        var j = i + 1
        while j < count && self[j].isBlank { j += 1 }
        return j < count ? j : nil
    }
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
        let first = blocks.count
        blocks.reserveCapacity(first + n / 32 + 4)   // lines of scraped text are rarely shorter on average
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
            let content = start..<contentEnd
            blocks.append(Block(content: content, end: end, trimmed: trim(p, content), words: 0, alnum: 0, digits: 0,
                                endsLikeSentence: false, hasCJK: false, capitalized: 0, innerStops: 0, checksum: 0))
            start = end
        }
        describe(p, &blocks, from: first)
    }

    /// Fills in the facts of `blocks[from...]` (their `trimmed` ranges set, facts zero).
    ///
    /// Lines of `laneLine` bytes or more run through the line-facts state machine on four lanes at once:
    /// four independent chains of table loads that the processor overlaps. A lane that finishes its line
    /// takes the next long one, so the lanes stay busy to the end of the document; shorter lines met on the
    /// way run at once on one chain. (The lanes only end when no line is left, so every line is described
    /// when the last lanes finish.)
    static func describe(_ p: UnsafeBufferPointer<UInt8>, _ blocks: inout [Block], from first: Int) {
        guard let base = p.baseAddress else { return }
        Document.transitions.withUnsafeBufferPointer { table in
            Document.foldSums.withUnsafeBufferPointer { folds in
                blocks.withUnsafeMutableBufferPointer { lines in
                    let t = table.baseAddress!, f = folds.baseAddress!
                    var next = first
                    // Lane l works on line `line[l]` (-1: none) from `pos[l]` to `end[l]` in state `state[l]`.
                    var line = SIMD4<Int>(repeating: -1), pos = SIMD4<Int>(), end = SIMD4<Int>(), state = SIMD4<Int>()
                    @inline(__always) func take(_ l: Int) {
                        // Empty lines have no facts; short ones (most lines of a whole page: menu items,
                        // labels) run alone at once: a lane would end them after a few bytes, and every
                        // lane step costs the four lanes' bookkeeping.
                        while next < lines.count && lines[next].trimmed.count < Document.laneLine {
                            let r = lines[next].trimmed
                            if !r.isEmpty {
                                var i = r.lowerBound, s = 1
                                run(t, f, base, &i, r.upperBound, &s, &lines[next])
                            }
                            next += 1
                        }
                        if next < lines.count {
                            line[l] = next
                            pos[l] = lines[next].trimmed.lowerBound
                            end[l] = lines[next].trimmed.upperBound
                            state[l] = 1   // as after white space
                            next += 1
                        } else {
                            line[l] = -1
                            pos[l] = 0
                            end[l] = 0
                        }
                    }
                    for l in 0..<4 { take(l) }
                    while line[0] >= 0 && line[1] >= 0 && line[2] >= 0 && line[3] >= 0 {
                        // All four lanes for as many bytes as the shortest has left (at most 4,095: the
                        // counters are 12 bits wide).
                        let steps = min(4095, (end &- pos).min())
                        let r = runFour(t, f, base, pos, state, steps)
                        for l in 0..<4 { add(&lines[line[l]], r.acc[l], r.sums[l]) }
                        pos &+= steps
                        state = r.state
                        for l in 0..<4 where pos[l] == end[l] { take(l) }
                    }
                    // The last lines, one chain each.
                    for l in 0..<4 where line[l] >= 0 {
                        var i = pos[l], s = state[l]
                        run(t, f, base, &i, end[l], &s, &lines[line[l]])
                    }
                    for k in first..<lines.count {
                        // Scripts without spaces: count every two CJK letters as a word, so a long Chinese
                        // paragraph is long to every rule that weighs length by words.
                        if lines[k].hasCJK { lines[k].words = max(lines[k].words, lines[k].alnum / 2) }
                        lines[k].endsLikeSentence = endsLikeSentence(p, lines[k].trimmed)
                    }
                }
            }
        }
    }

    /// Lines shorter than this many bytes are described on one chain, not on a lane.
    static let laneLine = 32

    /// Four chains through the state machine for `steps` bytes each, from `pos` in `state`: the sums of
    /// their table entries and folded bytes, and the states they end in.
    @inline(never)
    static func runFour(_ t: UnsafePointer<UInt64>, _ f: UnsafePointer<UInt64>, _ base: UnsafePointer<UInt8>,
                        _ pos: SIMD4<Int>, _ state: SIMD4<Int>, _ steps: Int)
        -> (acc: SIMD4<UInt64>, sums: SIMD4<UInt64>, state: SIMD4<Int>) {
        let p0 = base + pos[0], p1 = base + pos[1], p2 = base + pos[2], p3 = base + pos[3]
        var s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3]
        var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
        var u0: UInt64 = 0, u1: UInt64 = 0, u2: UInt64 = 0, u3: UInt64 = 0
        var k = 0
        while k < steps {
            let x0 = Int(p0[k]), x1 = Int(p1[k]), x2 = Int(p2[k]), x3 = Int(p3[k])
            let e0 = t[s0 << 8 | x0], e1 = t[s1 << 8 | x1], e2 = t[s2 << 8 | x2], e3 = t[s3 << 8 | x3]
            a0 &+= e0; a1 &+= e1; a2 &+= e2; a3 &+= e3
            s0 = Int(truncatingIfNeeded: e0 >> 61); s1 = Int(truncatingIfNeeded: e1 >> 61)
            s2 = Int(truncatingIfNeeded: e2 >> 61); s3 = Int(truncatingIfNeeded: e3 >> 61)
            u0 &+= f[x0]; u1 &+= f[x1]; u2 &+= f[x2]; u3 &+= f[x3]
            k &+= 1
        }
        return (SIMD4(a0, a1, a2, a3), SIMD4(u0, u1, u2, u3), SIMD4(s0, s1, s2, s3))
    }

    /// Adds a chunk's sums (at most 4,095 bytes) to a line's facts.
    @inline(__always)
    static func add(_ b: inout Block, _ acc: UInt64, _ sums: UInt64) {
        b.words &+= Int(acc & 0xFFF)
        b.capitalized &+= Int((acc >> 12) & 0xFFF)
        b.innerStops &+= Int((acc >> 24) & 0xFFF)
        b.digits &+= Int((acc >> 36) & 0xFFF)
        b.alnum &+= Int((acc >> 48) & 0xFFF)
        b.checksum &+= UInt32(truncatingIfNeeded: sums)
        if sums >> 32 != 0 { b.hasCJK = true }
    }

    /// One chain through the state machine, from `i` to `end`, in chunks of 4,095 bytes.
    @inline(__always)
    static func run(_ t: UnsafePointer<UInt64>, _ f: UnsafePointer<UInt64>, _ base: UnsafePointer<UInt8>,
                    _ i: inout Int, _ end: Int, _ state: inout Int, _ block: inout Block) {
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
            add(&block, acc, sums)
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
    static func sentenceEnd(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, spacedQuotes: Bool = false) -> UInt8? {
        var hi = r.upperBound
        var closers = 0
        while hi > r.lowerBound && closers < 3 {
            // French sets a space (or a no-break or narrow no-break space) inside its quotation marks: ". »" (read so only
            // when asked: a page's layout rules take a line that ends so for a box's slogan as often as for prose).
            if closers > 0 && spacedQuotes {
                var k = hi
                while k > r.lowerBound {
                    if p[k - 1] == 0x20 { k -= 1; continue }
                    if k - r.lowerBound >= 2 && p[k - 2] == 0xC2 && p[k - 1] == 0xA0 { k -= 2; continue }
                    if k - r.lowerBound >= 3 && p[k - 3] == 0xE2 && p[k - 2] == 0x80 && p[k - 1] == 0xAF { k -= 3; continue }
                    break
                }
                hi = k
                guard hi > r.lowerBound else { break }
            }
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
