/// A multi-phrase matcher: one Aho-Corasick automaton over folded UTF-8 bytes for every rule's cues,
/// built once per `Cleaner`, run once per line.
///
/// Folding: ASCII letters and the Latin-1 capitals (À-Þ) match their small letters; runs of spaces and
/// tabs match one space; `’` matches `'`. Patterns are folded the same way when the automaton is built.
/// Transitions are a dense table over byte classes (only bytes that occur in some pattern get a class
/// of their own), so the inner loop is two loads per byte.
///
/// Cost: O(bytes + matches) per line. Memory: states x classes x 4 bytes (about 1 MB for 1,000 cues).
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
    private var classOf = [UInt8](repeating: 0, count: 256)
    private var classCount = 1
    private var delta: [Int32] = []
    /// For each state, the patterns that end there (own and via suffix links), as a range into `outputList`.
    private var outputStart: [Int32] = []
    private var outputList: [Int32] = []
    private(set) var maxPatternLength = 0

    /// Folds text the way the matcher does (for building patterns and for tests).
    static func fold(_ text: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var previous: UInt8 = 0
        var it = Array(text)[...]
        while let b = it.first {
            it = it.dropFirst()
            // ’ (E2 80 99) folds to '
            if b == 0xE2 && it.count >= 2 && it[it.startIndex] == 0x80 && it[it.startIndex + 1] == 0x99 {
                it = it.dropFirst(2)
                out.append(0x27); previous = 0x27; continue
            }
            var f = Bytes.fold(b, previous: previous)
            if f == 0x09 { f = 0x20 }
            previous = b
            if f == 0x20 && out.last == 0x20 { continue }
            out.append(f)
        }
        return out
    }

    init(phrases: [(text: String, payload: Int32)]) {
        for (text, payload) in phrases {
            let folded = PhraseAutomaton.fold(Array(text.utf8))
            guard !folded.isEmpty else { continue }
            // Word boundaries are checked only where the phrase itself begins or ends with a letter or digit.
            let (left, right) = folded.withUnsafeBufferPointer { (Bytes.isWordByte($0, 0), Bytes.isWordByte($0, $0.count - 1)) }
            patterns.append(Pattern(bytes: folded, payload: payload, checkLeftBoundary: left, checkRightBoundary: right))
            maxPatternLength = max(maxPatternLength, folded.count)
        }
        precondition(maxPatternLength < 256, "phrases are limited to 255 bytes")
        build()
    }

    private mutating func build() {
        // Byte classes.
        for p in patterns { for b in p.bytes where classOf[Int(b)] == 0 { classOf[Int(b)] = UInt8(truncatingIfNeeded: classCount); classCount += 1 } }
        precondition(classCount <= 256)
        // Trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var ends: [[Int32]] = [[]]
        for (index, p) in patterns.enumerated() {
            var s = 0
            for b in p.bytes {
                let c = Int(classOf[Int(b)])
                if goto[s][c] < 0 {
                    goto[s][c] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: classCount))
                    ends.append([])
                }
                s = Int(goto[s][c])
            }
            ends[s].append(Int32(index))
        }
        // Breadth-first failure links, turning the trie into a DFA.
        let n = goto.count
        var fail = [Int](repeating: 0, count: n)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        for c in 0..<classCount {
            let t = goto[0][c]
            if t < 0 { goto[0][c] = 0 } else { fail[Int(t)] = 0; queue.append(Int(t)) }
        }
        // Class 0 (bytes in no pattern) always returns to the root.
        for s in 0..<n { goto[s][0] = 0 }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            ends[s].append(contentsOf: ends[fail[s]])
            for c in 1..<classCount {
                let t = goto[s][c]
                if t < 0 {
                    goto[s][c] = goto[fail[s]][c]
                } else {
                    fail[Int(t)] = Int(goto[fail[s]][c])
                    queue.append(Int(t))
                }
            }
        }
        delta = goto.flatMap { $0 }
        outputStart.reserveCapacity(n + 1)
        for s in 0..<n {
            outputStart.append(Int32(outputList.count))
            outputList.append(contentsOf: ends[s])
        }
        outputStart.append(Int32(outputList.count))
    }

    /// Appends every match in `bytes[range]` whose word boundaries hold, in order of their end.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into matches: inout [Match]) {
        guard !patterns.isEmpty, !range.isEmpty else { return }
        // Ring of the input offsets of the last 256 folded bytes, to recover where a match started
        // when folding collapsed spaces or apostrophes.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { ring in
            delta.withUnsafeBufferPointer { delta in
                classOf.withUnsafeBufferPointer { classOf in
                    outputStart.withUnsafeBufferPointer { outputStart in
                        var state = 0
                        var emitted: UInt8 = 0
                        var previous: UInt8 = 0
                        var lastWasSpace = false
                        var i = range.lowerBound
                        let end = range.upperBound
                        let classes = classCount
                        while i < end {
                            let start = i
                            var b = bytes[i]
                            i += 1
                            if b == 0xE2 && i + 1 < end && bytes[i] == 0x80 && bytes[i + 1] == 0x99 {
                                b = 0x27; i += 2
                            } else if b == 0x20 || b == 0x09 {
                                if lastWasSpace { continue }
                                b = 0x20
                            } else {
                                b = Bytes.fold(b, previous: previous)
                            }
                            previous = bytes[i - 1]
                            lastWasSpace = b == 0x20
                            ring[Int(emitted)] = start
                            emitted &+= 1
                            state = Int(delta[state &* classes &+ Int(classOf[Int(b)])])
                            let o0 = Int(outputStart[state]), o1 = Int(outputStart[state + 1])
                            if o0 == o1 { continue }
                            for o in o0..<o1 {
                                let pid = outputList[o]
                                let p = patterns[Int(pid)]
                                let matchStart = ring[Int(emitted &- UInt8(truncatingIfNeeded: p.bytes.count))]
                                if p.checkLeftBoundary && matchStart > 0 && Bytes.isWordByte(bytes, matchStart - 1) { continue }
                                if p.checkRightBoundary && i < bytes.count && Bytes.isWordByte(bytes, i) { continue }
                                matches.append(Match(pattern: pid, range: matchStart..<i))
                            }
                        }
                    }
                }
            }
        }
    }
}
