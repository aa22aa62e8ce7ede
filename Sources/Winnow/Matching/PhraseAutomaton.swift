#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A multi-phrase matcher: one Aho-Corasick automaton over folded UTF-8 bytes for every rule's cues,
/// built once per `Cleaner`, run once per document (line feeds reset it).
///
/// Folding, applied alike to phrases and text through one 256-entry table: ASCII capitals match small
/// letters; a continuation byte 0x80-0x9E matches the same byte plus 0x20, which makes the Latin-1
/// capitals (À-Þ, lead byte C3) match their small letters (it also pairs a few letters of other
/// two-byte blocks, a harmless approximation since the lead byte must still match); tab matches space,
/// and a run of spaces matches one space (a space state loops on itself). A phrase with `'` also matches
/// with `’`.
///
/// The transitions are a dense table over byte classes (only bytes that occur in some phrase get a class
/// of their own), 16-bit entries with the top bit marking states where a phrase ends. The inner loop is:
/// load a byte, load its class, load the next state, test the top bit: no branches but the rare match, and
/// four such chains (four parts of the document) run interleaved. Match starts are recovered by walking
/// back from the end; a match its word boundaries rule out is dropped inside the loop when it can be.
///
/// Cost: O(bytes + matches). Memory: states x classes x 2 bytes (a few megabytes for the default rules).
struct PhraseAutomaton: Sendable {
    struct Pattern: Sendable {
        /// Folded bytes.
        var bytes: [UInt8]
        /// Whatever the caller attached (an index into its cue table).
        var payload: Int32
        var checkLeftBoundary: Bool
        var checkRightBoundary: Bool
    }

    struct Match: Sendable, Equatable {
        var pattern: Int32
        var range: Range<Int>
    }

    private(set) var patterns: [Pattern] = []
    /// Per pattern, what `report` needs (no reference to count per match).
    private struct Shape {
        var length: Int
        var hasSpace: Bool
        var checkLeftBoundary: Bool
        var checkRightBoundary: Bool
    }
    private var shapes: [Shape] = []
    /// Byte to class, with folding built in.
    private var classOfByte = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    /// delta[state * classCount + class] = next | 0x8000 when `next` has outputs (at most 32,767 states).
    private var delta = TransitionTable(count: 0)
    var tableSize: Int { delta.count }
    /// For each state, the patterns that end there (own and via suffix links), as a range into `outputList`.
    private var outputStart: [Int32] = []
    private var outputList: [Int32] = []
    /// For each state, what lets the scan loop drop a match without leaving it. Bits 0-6: L when every
    /// phrase that ends there needs a word boundary on its left, holds no space and is L bytes long (so it
    /// starts L bytes back in the text), else 0; a match whose byte before that start is an ASCII letter or
    /// digit ("ad" in "read") is dropped. Bit 7: every phrase that ends there needs a word boundary on its
    /// right; a match followed by an ASCII letter or digit ("share" in "shareholders") is dropped.
    private var rejects: [UInt8] = []

    /// The folding table shared by phrases and text.
    static let foldTable: [UInt8] = (0..<256).map { i -> UInt8 in
        let b = UInt8(i)
        if b &- 0x41 < 26 { return b | 0x20 }
        if b >= 0x80 && b <= 0x9E && b != 0x97 { return b &+ 0x20 }
        if b == 0x09 { return 0x20 }
        return b
    }

    /// Folds a phrase the way the matcher folds text (runs of spaces become one).
    static func fold(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        foldTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: text.count) { out, written in
                var k = 0
                for b in text {
                    let f = table[Int(b)]
                    if f == 0x20 && (k == 0 || out[k - 1] == 0x20) { continue }
                    out[k] = f
                    k += 1
                }
                while k > 0 && out[k - 1] == 0x20 { k -= 1 }
                written = k
            }
        }
    }

    init(phrases: [(text: String, payload: Int32)]) {
        patterns.reserveCapacity(phrases.count + phrases.count / 4)
        var typographic: [UInt8] = []
        for (text, payload) in phrases {
            // A phrase's bytes, and the same with typographic apostrophes (’) for ASCII ones.
            var text = text
            let hasApostrophe = text.withUTF8 { raw -> Bool in
                add(raw, payload)
                return raw.contains(0x27)
            }
            guard hasApostrophe else { continue }
            typographic.removeAll(keepingCapacity: true)
            text.withUTF8 { raw in
                for b in raw { if b == 0x27 { typographic += [0xE2, 0x80, 0x99] } else { typographic.append(b) } }
            }
            typographic.withUnsafeBufferPointer { add($0, payload) }
        }
        shapes = patterns.map { Shape(length: $0.bytes.count, hasSpace: $0.bytes.contains(0x20),
                                      checkLeftBoundary: $0.checkLeftBoundary, checkRightBoundary: $0.checkRightBoundary) }
        build()
    }

    private mutating func add(_ raw: UnsafeBufferPointer<UInt8>, _ payload: Int32) {
        let folded = PhraseAutomaton.fold(raw)
        guard !folded.isEmpty else { return }
        // Word boundaries are checked only where the phrase itself begins or ends with a letter or digit.
        patterns.append(Pattern(bytes: folded, payload: payload, checkLeftBoundary: Bytes.isWordByte(raw, 0),
                                checkRightBoundary: Bytes.isWordByte(raw, raw.count - 1)))
    }

    /// Builds the table. The trie comes from the patterns sorted by their folded bytes: each shares a
    /// prefix with the one before it, so its path is walked from that pattern's path, with no search among
    /// a state's edges. Then one breadth-first pass writes the rows: a state's row is its failure state's
    /// row (final already: shallower) with its own edges written over it, numbered in the order the queue
    /// visits states, so the shallow states that text visits most sit together at the table's start.
    /// (Scratch by pointer: the build is on the path of every start of the command.)
    private mutating func build() {
        let P = patterns.count
        // The folded patterns laid end to end; byte classes, one per folded byte that occurs in a phrase.
        var start = [Int](repeating: 0, count: P + 1)
        for (i, p) in patterns.enumerated() { start[i + 1] = start[i] + p.bytes.count }
        let totalBytes = start[P]
        let flat = UnsafeMutablePointer<UInt8>.allocate(capacity: max(totalBytes, 1))
        defer { flat.deallocate() }
        var classOfFolded = [UInt8](repeating: 0, count: 256)
        for (i, p) in patterns.enumerated() {
            p.bytes.withUnsafeBufferPointer { (flat + start[i]).update(from: $0.baseAddress!, count: $0.count) }
            for b in p.bytes where classOfFolded[Int(b)] == 0 {
                classOfFolded[Int(b)] = UInt8(truncatingIfNeeded: classCount)
                classCount += 1
            }
        }
        precondition(classCount <= 256)
        for b in 0..<256 { classOfByte[b] = classOfFolded[Int(PhraseAutomaton.foldTable[b])] }
        let spaceClass = Int(classOfFolded[0x20])
        let C = classCount

        // Pattern indices in the order of their folded bytes (equal ones in pattern order).
        // (First by their first eight bytes as one number, big-endian, zero-padded: no phrase holds a zero
        // byte, so a shorter phrase sorts before the longer ones it begins.)
        let key = UnsafeMutablePointer<UInt64>.allocate(capacity: max(P, 1))
        defer { key.deallocate() }
        for i in 0..<P {
            var k: UInt64 = 0
            for d in 0..<8 { k = k << 8 | (start[i] + d < start[i + 1] ? UInt64(flat[start[i] + d]) : 0) }
            key[i] = k
        }
        var sorted = (0..<Int32(P)).map { $0 }
        start.withUnsafeBufferPointer { start in
            sorted.sort { a, b in
                if key[Int(a)] != key[Int(b)] { return key[Int(a)] < key[Int(b)] }
                let nx = start[Int(a) + 1] - start[Int(a)], ny = start[Int(b) + 1] - start[Int(b)]
                if nx > 8 && ny > 8 {
                    let c = memcmp(flat + start[Int(a)] + 8, flat + start[Int(b)] + 8, min(nx, ny) - 8)
                    if c != 0 { return c < 0 }
                }
                return nx != ny ? nx < ny : a < b
            }
        }

        // The trie: states by creation; children as lists in byte order; a state's own patterns are a run
        // of `sorted` (equal patterns are neighbours there).
        let cap = totalBytes + 1
        let firstChild = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        let nextSibling = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        let endStart = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        let endCount = UnsafeMutablePointer<Int32>.allocate(capacity: cap)
        let entryClass = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        defer { firstChild.deallocate(); nextSibling.deallocate(); endStart.deallocate(); endCount.deallocate(); entryClass.deallocate() }
        firstChild[0] = -1; nextSibling[0] = -1; endStart[0] = 0; endCount[0] = 0; entryClass[0] = 0
        var n = 1
        // path[d]: the state at depth d on the previous pattern's path.
        var path = [Int32](repeating: 0, count: 1)
        var previous = flat, previousCount = 0
        for (r, index) in sorted.enumerated() {
            let bytes = flat + start[Int(index)], count = start[Int(index) + 1] - start[Int(index)]
            var shared = 0
            while shared < min(count, previousCount) && bytes[shared] == previous[shared] { shared += 1 }
            // The previous path's state below the shared prefix is the last child there (sorted order).
            var lastChild: Int32 = path.count > shared + 1 ? path[shared + 1] : -1
            path.removeLast(path.count - shared - 1)
            var s = path[shared]
            for d in shared..<count {
                let t = Int32(n)
                n += 1
                firstChild[Int(t)] = -1; nextSibling[Int(t)] = -1; endStart[Int(t)] = 0; endCount[Int(t)] = 0
                entryClass[Int(t)] = classOfFolded[Int(bytes[d])]
                if lastChild >= 0 { nextSibling[Int(lastChild)] = t } else { firstChild[Int(s)] = t }
                lastChild = -1
                path.append(t)
                s = t
            }
            if endCount[Int(s)] == 0 { endStart[Int(s)] = Int32(r) }
            endCount[Int(s)] += 1
            previous = bytes
            previousCount = count
        }
        precondition(n < 32768, "too many phrases for the automaton")

        // Breadth-first, by number: `order[k]` is the trie state numbered k.
        let order = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let fail = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        let outCount = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        defer { order.deallocate(); fail.deallocate(); outCount.deallocate() }
        order[0] = 0; fail[0] = 0; outCount[0] = 0
        let table = TransitionTable(count: n * C)
        let base = table.base
        base.update(repeating: 0, count: C)
        var queued = 1
        for k in 0..<n {
            let row = base + k * C
            if k > 0 { row.update(from: base + Int(fail[k]) * C, count: C) }
            // Children are numbered as they are queued; each one's failure state is where this state's
            // failure row leads on its class.
            var child = firstChild[Int(order[k])]
            while child >= 0 {
                let c = Int(entryClass[Int(child)]), j = queued
                queued += 1
                order[j] = child
                fail[j] = k == 0 ? 0 : Int32(row[c] & 0x7FFF)
                outCount[j] = endCount[Int(child)] + outCount[Int(fail[j])]
                row[c] = UInt16(j) | (outCount[j] > 0 ? 0x8000 : 0)
                child = nextSibling[Int(child)]
            }
        }
        // A run of spaces counts as one: a state entered by a space stays on further spaces (set last, so
        // that no other state's row copied it).
        if spaceClass != 0 {
            for j in 1..<n where Int(entryClass[Int(order[j])]) == spaceClass {
                base[j * C + spaceClass] = UInt16(j) | (outCount[j] > 0 ? 0x8000 : 0)
            }
        }
        // Outputs: a state's own patterns in pattern order, then its failure state's.
        var outStart = [Int32](repeating: 0, count: n + 1)
        for k in 0..<n { outStart[k + 1] = outStart[k] + outCount[k] }
        var outList = [Int32](repeating: 0, count: Int(outStart[n]))
        var reject = [UInt8](repeating: 0, count: n)
        outList.withUnsafeMutableBufferPointer { list in
            shapes.withUnsafeBufferPointer { shapes in
                for k in 1..<n where outCount[k] > 0 {
                    let s = Int(order[k])
                    var o = Int(outStart[k])
                    for r in Int(endStart[s])..<Int(endStart[s] + endCount[s]) { list[o] = sorted[r]; o += 1 }
                    let f = Int(fail[k])
                    for x in Int(outStart[f])..<Int(outStart[f + 1]) { list[o] = list[x]; o += 1 }
                    // What lets the scan loop drop a match without leaving it (see `rejects`).
                    var length = shapes[Int(list[Int(outStart[k])])].length
                    if length >= 128 { length = 0 }
                    var right = true
                    for x in Int(outStart[k])..<Int(outStart[k + 1]) {
                        let p = shapes[Int(list[x])]
                        if !p.checkLeftBoundary || p.length != length || p.hasSpace { length = 0 }
                        if !p.checkRightBoundary { right = false }
                    }
                    reject[k] = UInt8(length) | (right ? 0x80 : 0)
                }
            }
        }
        outputStart = outStart
        outputList = outList
        rejects = reject
        delta = table
    }

    /// Appends every match in `bytes[range]` whose word boundaries hold, in order of their end.
    /// Line ends reset the automaton (no phrase holds a line feed), so a whole document can be scanned
    /// at once; a long range is split at line feeds near its quarters and the four parts are run
    /// interleaved, four independent chains of loads that the processor overlaps.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into matches: inout [Match]) {
        guard !patterns.isEmpty, !range.isEmpty, let base = bytes.baseAddress else { return }
        withExtendedLifetime(delta) {
          classOfByte.withUnsafeBufferPointer { classOf in
            rejects.withUnsafeBufferPointer { rejects in
                let d = UnsafePointer(delta.base), cls = classOf.baseAddress!, q = rejects.baseAddress!
                let c = classCount
                guard range.count >= 256 else {
                    var i = range.lowerBound, s = 0
                    while i < range.upperBound {
                        let r = PhraseAutomaton.runOne(d, cls, q, base, i, range.upperBound, s, c, bytes.count)
                        i = r.i; s = r.s & 0x7FFF
                        if r.s & 0x8000 != 0 { report(bytes, range.lowerBound, i, state: s, into: &matches) }
                    }
                    return
                }
                // Lane l scans start[l]..<end[l]; each part after the first begins at a line feed.
                var start = SIMD4<Int>(), end = SIMD4<Int>()
                start[0] = range.lowerBound
                for l in 1..<4 {
                    var x = max(range.lowerBound + range.count * l / 4, start[l - 1])
                    while x < range.upperBound && base[x] != 0x0A { x += 1 }
                    start[l] = x
                    end[l - 1] = x
                }
                end[3] = range.upperBound
                var pos = start, state = SIMD4<Int>()
                // Matches of lanes 1-3, each lane's own; appended after lane 0's in lane order. Room for a
                // match per 64 bytes up front (news text has about one per 80): a few allocations per
                // document instead of one per doubling.
                matches.reserveCapacity(matches.count + range.count >> 6)
                var later: [[Match]] = (1..<4).map { l in
                    var lane: [Match] = []
                    lane.reserveCapacity((end[l] - start[l]) >> 6)
                    return lane
                }
                func found(_ l: Int) {
                    if l == 0 {
                        report(bytes, start[0], pos[0], state: state[0], into: &matches)
                    } else {
                        report(bytes, start[l], pos[l], state: state[l], into: &later[l - 1])
                    }
                }
                while true {
                    let left = end &- pos
                    if left.min() > 0 {
                        let r = PhraseAutomaton.runFour(d, cls, q, base, pos, state, left.min(), c, bytes.count)
                        pos &+= r.k
                        state = r.s & 0x7FFF
                        for l in 0..<4 where r.s[l] & 0x8000 != 0 { found(l) }
                        continue
                    }
                    // Fewer than four lanes left: the first two that have bytes, or the last one.
                    var a = -1, b = -1
                    for l in 0..<4 where left[l] > 0 { if a < 0 { a = l } else if b < 0 { b = l } }
                    if a < 0 { break }
                    if b >= 0 {
                        let r = PhraseAutomaton.runTwo(d, cls, q, base, pos[a], pos[b], pos[a] + min(left[a], left[b]), state[a], state[b], c, bytes.count)
                        pos[a] = r.i; pos[b] = r.j
                        state[a] = r.s1 & 0x7FFF; state[b] = r.s2 & 0x7FFF
                        if r.s1 & 0x8000 != 0 { found(a) }
                        if r.s2 & 0x8000 != 0 { found(b) }
                    } else {
                        let r = PhraseAutomaton.runOne(d, cls, q, base, pos[a], end[a], state[a], c, bytes.count)
                        pos[a] = r.i
                        state[a] = r.s & 0x7FFF
                        if r.s & 0x8000 != 0 { found(a) }
                    }
                }
                for lane in later { matches += lane }
            }
          }
        }
    }

    /// The same automaton with no match dropped inside the scan loop (every match goes through `report`),
    /// for tests that check the shortcut changes nothing.
    func withoutShortcuts() -> PhraseAutomaton {
        var copy = self
        copy.rejects = [UInt8](repeating: 0, count: rejects.count)
        return copy
    }

    /// Whether the match that ends just before `end` in state `s` (its phrase bit cleared) is certainly
    /// dropped by its word boundaries (see `rejects`); `limit` is the text's length.
    @inline(__always)
    static func rejected(_ q: UnsafePointer<UInt8>, _ s: Int, _ base: UnsafePointer<UInt8>, _ end: Int, _ limit: Int) -> Bool {
        let r = Int(q[s])
        if r >= 0x80 && end < limit && Bytes.isASCIIAlnum(base[end]) { return true }
        let length = r & 0x7F
        let before = end &- length &- 1
        return length != 0 && before >= 0 && Bytes.isASCIIAlnum(base[before])
    }

    /// Runs four streams for at most `steps` bytes, until one reaches a state where a phrase ends (bit
    /// 0x8000 set in its returned state). Returns the bytes each stream read.
    @inline(never)
    static func runFour(_ d: UnsafePointer<UInt16>, _ cls: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>,
                        _ pos: SIMD4<Int>, _ state: SIMD4<Int>, _ steps: Int, _ c: Int, _ limit: Int) -> (k: Int, s: SIMD4<Int>) {
        let p0 = base + pos[0], p1 = base + pos[1], p2 = base + pos[2], p3 = base + pos[3]
        var s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3]
        var k = 0
        while k < steps {
            let n0 = Int(d[s0 &* c &+ Int(cls[Int(p0[k])])])
            let n1 = Int(d[s1 &* c &+ Int(cls[Int(p1[k])])])
            let n2 = Int(d[s2 &* c &+ Int(cls[Int(p2[k])])])
            let n3 = Int(d[s3 &* c &+ Int(cls[Int(p3[k])])])
            k &+= 1
            s0 = n0; s1 = n1; s2 = n2; s3 = n3
            if (n0 | n1 | n2 | n3) >= 0x8000 {
                var hit = false
                if n0 >= 0x8000 { if rejected(q, n0 & 0x7FFF, base, pos[0] &+ k, limit) { s0 = n0 & 0x7FFF } else { hit = true } }
                if n1 >= 0x8000 { if rejected(q, n1 & 0x7FFF, base, pos[1] &+ k, limit) { s1 = n1 & 0x7FFF } else { hit = true } }
                if n2 >= 0x8000 { if rejected(q, n2 & 0x7FFF, base, pos[2] &+ k, limit) { s2 = n2 & 0x7FFF } else { hit = true } }
                if n3 >= 0x8000 { if rejected(q, n3 & 0x7FFF, base, pos[3] &+ k, limit) { s3 = n3 & 0x7FFF } else { hit = true } }
                if hit { break }
            }
        }
        return (k, SIMD4(s0, s1, s2, s3))
    }

    /// Runs two streams until one reaches a state where a phrase ends (bit 0x8000 set in its returned
    /// state) or `stop`.
    @inline(never)
    static func runTwo(_ d: UnsafePointer<UInt16>, _ cls: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>,
                       _ i0: Int, _ j0: Int, _ stop: Int, _ s1In: Int, _ s2In: Int, _ c: Int, _ limit: Int) -> (i: Int, j: Int, s1: Int, s2: Int) {
        var i = i0, j = j0, s1 = s1In, s2 = s2In
        while i < stop {
            let n1 = Int(d[s1 &* c &+ Int(cls[Int(base[i])])])
            let n2 = Int(d[s2 &* c &+ Int(cls[Int(base[j])])])
            i &+= 1; j &+= 1
            s1 = n1; s2 = n2
            if (n1 | n2) >= 0x8000 {
                var hit = false
                if n1 >= 0x8000 { if rejected(q, n1 & 0x7FFF, base, i, limit) { s1 = n1 & 0x7FFF } else { hit = true } }
                if n2 >= 0x8000 { if rejected(q, n2 & 0x7FFF, base, j, limit) { s2 = n2 & 0x7FFF } else { hit = true } }
                if hit { return (i, j, s1, s2) }
            }
        }
        return (i, j, s1, s2)
    }

    @inline(never)
    static func runOne(_ d: UnsafePointer<UInt16>, _ cls: UnsafePointer<UInt8>, _ q: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>,
                       _ i0: Int, _ stop: Int, _ sIn: Int, _ c: Int, _ limit: Int) -> (i: Int, s: Int) {
        var i = i0, s = sIn
        while i < stop {
            let n = Int(d[s &* c &+ Int(cls[Int(base[i])])])
            i &+= 1
            s = n
            if n >= 0x8000 {
                if rejected(q, n & 0x7FFF, base, i, limit) { s = n & 0x7FFF } else { return (i, s) }
            }
        }
        return (i, s)
    }

    private func report(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ end: Int, state: Int, into matches: inout [Match]) {
        for o in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let pid = outputList[o]
            let p = shapes[Int(pid)]
            var j = end
            if !p.hasSpace {
                // Byte for byte: the match is exactly the pattern's length.
                j = max(lower, end - p.length)
            } else {
                // Walk back over the pattern's folded length; a run of spaces in the text is one space.
                var remaining = p.length
                while remaining > 0 && j > lower {
                    j -= 1
                    if bytes[j] == 0x20 || bytes[j] == 0x09 {
                        while j > lower && (bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09) { j -= 1 }
                    }
                    remaining -= 1
                }
            }
            if p.checkLeftBoundary && j > 0 && Bytes.isWordByte(bytes, j - 1) { continue }
            if p.checkRightBoundary && end < bytes.count && Bytes.isWordByte(bytes, end) { continue }
            matches.append(Match(pattern: pid, range: j..<end))
        }
    }
}

/// The automaton's transitions: one allocation (`PageMemory`: huge pages on Linux), never written after the build.
final class TransitionTable: @unchecked Sendable {
    let base: UnsafeMutablePointer<UInt16>
    let count: Int
    private let memory: PageMemory

    init(count: Int) {
        self.count = count
        memory = PageMemory(byteCount: max(count, 1) * MemoryLayout<UInt16>.stride)
        base = memory.base.bindMemory(to: UInt16.self, capacity: max(count, 1))
    }
}

