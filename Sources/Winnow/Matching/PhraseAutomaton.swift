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
            if text.utf8.contains(0x27) { variants.append(text.replacingApostrophes()) }
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

    /// Builds the table in one breadth-first pass over a sparse trie: a state's row is its failure state's
    /// row (final already: shallower) with its own edges written over it, numbered in the order the queue
    /// visits states, so the shallow states that text visits most sit together at the table's start.
    private mutating func build() {
        // Byte classes: one per folded byte that occurs in a phrase.
        var classOfFolded = [UInt8](repeating: 0, count: 256)
        var totalBytes = 0
        for p in patterns {
            totalBytes += p.bytes.count
            for b in p.bytes where classOfFolded[Int(b)] == 0 {
                classOfFolded[Int(b)] = UInt8(truncatingIfNeeded: classCount)
                classCount += 1
            }
        }
        precondition(classCount <= 256)
        for b in 0..<256 { classOfByte[b] = classOfFolded[Int(PhraseAutomaton.foldTable[b])] }
        let spaceClass = Int32(classOfFolded[0x20])
        let C = classCount

        // The trie, sparse: each state's edges as a linked list; the patterns ending at each state, too.
        var firstEdge = [Int32](repeating: -1, count: 1)
        var edgeNext: [Int32] = [], edgeClass: [Int32] = [], edgeTo: [Int32] = []
        var firstEnd = [Int32](repeating: -1, count: 1)
        var endNext: [Int32] = [], endPattern: [Int32] = []
        var entersBySpace = [false]
        firstEdge.reserveCapacity(totalBytes + 1); firstEnd.reserveCapacity(totalBytes + 1); entersBySpace.reserveCapacity(totalBytes + 1)
        edgeNext.reserveCapacity(totalBytes); edgeClass.reserveCapacity(totalBytes); edgeTo.reserveCapacity(totalBytes)
        for (index, p) in patterns.enumerated() {
            var s: Int32 = 0
            for b in p.bytes {
                let c = Int32(classOfFolded[Int(b)])
                var e = firstEdge[Int(s)]
                while e >= 0 && edgeClass[Int(e)] != c { e = edgeNext[Int(e)] }
                if e >= 0 { s = edgeTo[Int(e)]; continue }
                let t = Int32(firstEdge.count)
                firstEdge.append(-1); firstEnd.append(-1); entersBySpace.append(b == 0x20)
                edgeNext.append(firstEdge[Int(s)]); edgeClass.append(c); edgeTo.append(t)
                firstEdge[Int(s)] = Int32(edgeNext.count - 1)
                s = t
            }
            // Appended to the end of the state's list, so outputs keep the patterns' order.
            endNext.append(-1); endPattern.append(Int32(index))
            let node = Int32(endNext.count - 1)
            if firstEnd[Int(s)] < 0 { firstEnd[Int(s)] = node } else {
                var e = firstEnd[Int(s)]
                while endNext[Int(e)] >= 0 { e = endNext[Int(e)] }
                endNext[Int(e)] = node
            }
        }
        let n = firstEdge.count
        precondition(n < 32768, "too many phrases for the automaton")

        // Breadth-first: `order[k]` is the trie state numbered k; rows are written in that order.
        var order = [Int32](repeating: 0, count: n)
        var fail = [Int32](repeating: 0, count: n)         // by number
        var hasOutput = [Bool](repeating: false, count: n) // by number
        var table = [UInt16](repeating: 0, count: n * C)
        outputStart = [Int32](repeating: 0, count: n + 1)
        outputList.reserveCapacity(patterns.count * 2)
        var queued = 1
        var children: [(c: Int, to: Int32)] = []
        table.withUnsafeMutableBufferPointer { t in
            let base = t.baseAddress!
            var k = 0
            while k < queued {
                let s = Int(order[k])
                let row = base + k * C
                if k > 0 { row.update(from: base + Int(fail[k]) * C, count: C) }
                // Own outputs, then those of the failure state (written earlier).
                outputStart[k] = Int32(outputList.count)
                var e = firstEnd[s]
                while e >= 0 { outputList.append(endPattern[Int(e)]); e = endNext[Int(e)] }
                if k > 0 {
                    // Element by element: appending a slice of the array itself would copy the whole
                    // array each time (the slice keeps the buffer shared), quadratic in the states.
                    let f = Int(fail[k])
                    for o in Int(outputStart[f])..<Int(outputStart[f + 1]) { outputList.append(outputList[o]) }
                }
                // Children: numbered as they are queued; each one's failure state is where this state's
                // failure row leads on its class.
                e = firstEdge[s]
                children.removeAll(keepingCapacity: true)
                while e >= 0 { children.append((Int(edgeClass[Int(e)]), edgeTo[Int(e)])); e = edgeNext[Int(e)] }
                if children.count > 1 { children.sort { $0.c < $1.c } }
                for (c, to) in children {
                    let j = queued
                    order[j] = to
                    queued += 1
                    fail[j] = k == 0 ? 0 : Int32(row[c] & 0x7FFF)
                    hasOutput[j] = firstEnd[Int(to)] >= 0 || hasOutput[Int(fail[j])]
                    row[c] = UInt16(j) | (hasOutput[j] ? 0x8000 : 0)
                }
                k += 1
            }
            // A run of spaces counts as one: a state entered by a space stays on further spaces (set last,
            // so that no other state's row copied it).
            if spaceClass != 0 {
                for j in 1..<n where entersBySpace[Int(order[j])] {
                    base[j * C + Int(spaceClass)] = UInt16(j) | (hasOutput[j] ? 0x8000 : 0)
                }
            }
        }
        outputStart[n] = Int32(outputList.count)
        delta = table
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
