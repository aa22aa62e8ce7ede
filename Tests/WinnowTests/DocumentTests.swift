import Testing
@testable import Winnow

/// Line facts do not depend on where a line stands: `Document.describe` runs short lines on one chain, long
/// ones on four lanes that stop wherever the shortest lane's line ends, and lines of more than 4,095 bytes in
/// chunks; every way must give the facts the line has alone.
struct DocumentTests {
    /// Lines around each length where the way of describing changes (empty, short, `laneLine`, a chunk).
    static func lines(seed: UInt64) -> [String] {
        let pieces = ["Word", "the", "Ünïcode", "3,5", "Straße.", "数据", "新闻报道", "e.g.", "--", "USA", "42.", "Ok!", " ", "\t"]
        var generator = SeededGenerator(state: seed)
        func next() -> Int { Int(truncatingIfNeeded: generator.next() >> 33) }
        let lengths = [0, 1, 5, Document.laneLine - 1, Document.laneLine, Document.laneLine + 1, 64, 300, 4094, 4095, 4096, 9000]
        var out: [String] = []
        for _ in 0..<3 {
            for target in lengths.shuffled(using: &generator) {
                var line = ""
                while line.utf8.count < target { line += pieces[next() % pieces.count] + (next() % 3 == 0 ? " " : "") }
                out.append(line)
            }
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func factsOfALineDoNotDependOnItsNeighbours(seed: UInt64) {
        let lines = Self.lines(seed: seed) + ["The end."]   // a last line that is not empty, so every line is a block
        let text = Array(lines.joined(separator: "\n").utf8)
        let blocks = text.withUnsafeBufferPointer { Document(bytes: $0).blocks }
        #expect(blocks.count == lines.count)
        for (i, block) in blocks.enumerated() where i < lines.count {
            let alone = Array((lines[i] + "\n").utf8)
            let single = alone.withUnsafeBufferPointer { Document(bytes: $0).blocks }
            var expected = single[0].shifted(by: block.range.lowerBound)
            expected.end = block.end   // the document's last line has no line feed
            #expect(block == expected, "line \(i + 1) (\(lines[i].utf8.count) bytes)")
        }
    }
}

/// A seeded generator, so each case's order of lines is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}
