/// A multi-phrase matcher: one Aho-Corasick automaton over folded UTF-8 bytes for every rule's cues,
/// built once per `Cleaner`, run once per line.
///
/// Folding, applied alike to phrases and text through one 256-entry table: ASCII capitals match small
/// letters; a continuation byte 0x80-0x9E matches the same byte plus 0x20, which makes the Latin-1
/// capitals (À-Þ, lead byte C3) match their small letters (it also pairs a few letters of other
/// two-byte blocks, a harmless approximation since the lead byte must still match); tab matches space,
/// and a run of spaces matches one space (a space state loops on itself). A phrase with `'` also matches
/// with `’`.
///
/// The transitions are a dense table over byte classes (only bytes that occur in some phrase get a class
/// of their own), with state numbers premultiplied by the class count and the sign bit marking states
/// where a phrase ends. The inner loop is: load a byte, load its class, load the next state, test the
/// sign: no branches but the rare match. Match starts are recovered by walking back from the end.
///
/// Cost: O(bytes + matches) per line. Memory: states x classes x 4 bytes (about 1-2 MB for 1,500 cues).
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
    /// Byte to class, with folding built in.
    private var classOfByte = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    /// delta[state * classCount + class] = next | 0x8000 when `next` has outputs (at most 32,767 states).
    private var delta: [UInt16] = []
    var tableSize: Int { delta.count }
    /// For each state, the patterns that end there (own and via suffix links), as a range into `outputList`.
    private var outputStart: [Int32] = []
    private var outputList: [Int32] = []

    /// The folding table shared by phrases and text.
    static let foldTable: [UInt8] = (0..<256).map { i -> UInt8 in
        let b = UInt8(i)
        if b &- 0x41 < 26 { return b | 0x20 }
        if b >= 0x80 && b <= 0x9E && b != 0x97 { return b &+ 0x20 }
        if b == 0x09 { return 0x20 }
        return b
    }

    /// Folds a phrase the way the matcher folds text (runs of spaces become one).
    static func fold(_ text: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        for b in text {
            let f = foldTable[Int(b)]
            if f == 0x20 && (out.isEmpty || out.last == 0x20) { continue }
            out.append(f)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    init(phrases: [(text: String, payload: Int32)]) {
        for (text, payload) in phrases {
            var variants = [text]
            if text.contains("'") { variants.append(text.replacingApostrophes()) }
            for variant in variants {
                let folded = PhraseAutomaton.fold(Array(variant.utf8))
                guard !folded.isEmpty else { continue }
                // Word boundaries are checked only where the phrase itself begins or ends with a letter or digit.
                let raw = Array(variant.utf8)
                let (left, right) = raw.withUnsafeBufferPointer { (Bytes.isWordByte($0, 0), Bytes.isWordByte($0, $0.count - 1)) }
                patterns.append(Pattern(bytes: folded, payload: payload, checkLeftBoundary: left, checkRightBoundary: right))
            }
        }
        build()
    }

    private mutating func build() {
        // Byte classes: one per folded byte that occurs in a phrase.
        var classOfFolded = [UInt8](repeating: 0, count: 256)
        for p in patterns {
            for b in p.bytes where classOfFolded[Int(b)] == 0 {
                classOfFolded[Int(b)] = UInt8(truncatingIfNeeded: classCount)
                classCount += 1
            }
        }
        precondition(classCount <= 256)
        for b in 0..<256 { classOfByte[b] = classOfFolded[Int(PhraseAutomaton.foldTable[b])] }
        let spaceClass = Int(classOfFolded[0x20])
        // Trie, as one flat table: goto[state * C + class], -1 for no edge.
        let C = classCount
        var goto = [Int32](repeating: -1, count: C)
        var ends: [[Int32]] = [[]]
        var entersBySpace: [Bool] = [false]
        var states = 1
        for (index, p) in patterns.enumerated() {
            var s = 0
            for b in p.bytes {
                let c = Int(classOfFolded[Int(b)])
                if goto[s * C + c] < 0 {
                    goto[s * C + c] = Int32(states)
                    goto.append(contentsOf: repeatElement(-1, count: C))
                    ends.append([])
                    entersBySpace.append(b == 0x20)
                    states += 1
                }
                s = Int(goto[s * C + c])
            }
            ends[s].append(Int32(index))
        }
        // Breadth-first failure links, turning the trie into a DFA. The queue visits states by depth,
        // which is also the order the table is written in: the shallow states that text visits most
        // sit together at its start (fewer cache misses).
        let n = states
        precondition(n < 32768, "too many phrases for the automaton")
        var order = [0]
        order.reserveCapacity(n)
        goto.withUnsafeMutableBufferPointer { g in
            var fail = [Int](repeating: 0, count: n)
            for c in 0..<C {
                let t = g[c]
                if t < 0 { g[c] = 0 } else { fail[Int(t)] = 0; order.append(Int(t)) }
            }
            for s in 0..<n { g[s * C] = 0 }
            var head = 1
            while head < order.count {
                let s = order[head]; head += 1
                let f = fail[s]
                if !ends[f].isEmpty { ends[s].append(contentsOf: ends[f]) }
                for c in 1..<C {
                    let t = g[s * C + c]
                    if t < 0 {
                        g[s * C + c] = g[f * C + c]
                    } else {
                        fail[Int(t)] = Int(g[f * C + c])
                        order.append(Int(t))
                    }
                }
            }
            // A run of spaces counts as one: a state entered by a space stays on further spaces.
            if spaceClass != 0 {
                for s in 1..<n where entersBySpace[s] { g[s * C + spaceClass] = Int32(s) }
            }
        }
        // Each state's number in the written table, with the sign bit where a phrase ends.
        var written = [UInt16](repeating: 0, count: n)
        for (k, s) in order.enumerated() { written[s] = UInt16(k) | (ends[s].isEmpty ? 0 : 0x8000) }
        delta = [UInt16](unsafeUninitializedCapacity: n * C) { out, count in
            goto.withUnsafeBufferPointer { g in
                written.withUnsafeBufferPointer { w in
                    var k = 0
                    for s in order {
                        let row = s * C
                        for c in 0..<C { out[k] = w[Int(g[row + c])]; k += 1 }
                    }
                }
            }
            count = n * C
        }
        outputStart.reserveCapacity(order.count + 1)
        for s in order {
            outputStart.append(Int32(outputList.count))
            outputList.append(contentsOf: ends[s])
        }
        outputStart.append(Int32(outputList.count))
    }

    /// Appends every match in `bytes[range]` whose word boundaries hold, in order of their end.
    /// Line ends reset the automaton (no phrase holds a line feed), so a whole document can be scanned
    /// at once; it is split at a line feed near its middle and the two halves are run interleaved, two
    /// independent chains of loads that the processor overlaps.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into matches: inout [Match]) {
        guard !patterns.isEmpty, !range.isEmpty, let base = bytes.baseAddress else { return }
        var split = range.lowerBound + range.count / 2
        while split < range.upperBound && base[split] != 0x0A { split += 1 }
        var second: [Match] = []
        delta.withUnsafeBufferPointer { delta in
            classOfByte.withUnsafeBufferPointer { classOf in
                let d = delta.baseAddress!, cls = classOf.baseAddress!
                var s1 = 0, s2 = 0
                var i = range.lowerBound, j = split
                let end1 = split, end2 = range.upperBound
                let both = min(end1 - i, end2 - j)
                let stop = i + both
                let c = classCount
                // The hot loop lives in a function of its own that returns at a match, so its state stays
                // in registers; reporting happens out here.
                while i < stop {
                    let r = PhraseAutomaton.runTwo(d, cls, base, i, j, stop, s1, s2, c)
                    i = r.i; j = r.j; s1 = r.s1 & 0x7FFF; s2 = r.s2 & 0x7FFF
                    if r.s1 & 0x8000 != 0 { report(bytes, range.lowerBound, i, state: s1, into: &matches) }
                    if r.s2 & 0x8000 != 0 { report(bytes, split, j, state: s2, into: &second) }
                }
                while i < end1 {
                    let r = PhraseAutomaton.runOne(d, cls, base, i, end1, s1, c)
                    i = r.i; s1 = r.s & 0x7FFF
                    if r.s & 0x8000 != 0 { report(bytes, range.lowerBound, i, state: s1, into: &matches) }
                }
                while j < end2 {
                    let r = PhraseAutomaton.runOne(d, cls, base, j, end2, s2, c)
                    j = r.i; s2 = r.s & 0x7FFF
                    if r.s & 0x8000 != 0 { report(bytes, split, j, state: s2, into: &second) }
                }
            }
        }
        matches.append(contentsOf: second)
    }

    /// Runs two streams until one reaches a state where a phrase ends (bit 0x8000 set in its returned
    /// state) or `stop`.
    @inline(never)
    static func runTwo(_ d: UnsafePointer<UInt16>, _ cls: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>,
                       _ i0: Int, _ j0: Int, _ stop: Int, _ s1In: Int, _ s2In: Int, _ c: Int) -> (i: Int, j: Int, s1: Int, s2: Int) {
        var i = i0, j = j0, s1 = s1In, s2 = s2In
        while i < stop {
            let n1 = Int(d[s1 &* c &+ Int(cls[Int(base[i])])])
            let n2 = Int(d[s2 &* c &+ Int(cls[Int(base[j])])])
            i &+= 1; j &+= 1
            s1 = n1; s2 = n2
            if (n1 | n2) >= 0x8000 { return (i, j, s1, s2) }
        }
        return (i, j, s1, s2)
    }

    @inline(never)
    static func runOne(_ d: UnsafePointer<UInt16>, _ cls: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>,
                       _ i0: Int, _ stop: Int, _ sIn: Int, _ c: Int) -> (i: Int, s: Int) {
        var i = i0, s = sIn
        while i < stop {
            let n = Int(d[s &* c &+ Int(cls[Int(base[i])])])
            i &+= 1
            s = n
            if n >= 0x8000 { return (i, s) }
        }
        return (i, s)
    }

    private func report(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ end: Int, state: Int, into matches: inout [Match]) {
        for o in Int(outputStart[state])..<Int(outputStart[state + 1]) {
            let pid = outputList[o]
            let p = patterns[Int(pid)]
            // Walk back over the pattern's folded length; a run of spaces in the text is one space.
            var j = end
            var remaining = p.bytes.count
            while remaining > 0 && j > lower {
                j -= 1
                if bytes[j] == 0x20 || bytes[j] == 0x09 {
                    while j > lower && (bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09) { j -= 1 }
                }
                remaining -= 1
            }
            if p.checkLeftBoundary && j > 0 && Bytes.isWordByte(bytes, j - 1) { continue }
            if p.checkRightBoundary && end < bytes.count && Bytes.isWordByte(bytes, end) { continue }
            matches.append(Match(pattern: pid, range: j..<end))
        }
    }
}

extension String {
    /// The same text with typographic apostrophes (’) for ASCII ones.
    func replacingApostrophes() -> String {
        String(decoding: utf8.flatMap { $0 == 0x27 ? [0xE2, 0x80, 0x99] : [$0] }, as: UTF8.self)
    }
}
