import Testing
@testable import Winnow

/// Line facts do not depend on where a line stands or how it is described: `Document.describe` runs lines
/// under `laneLine` bytes on one chain, longer ones on four lanes that stop wherever the shortest lane's line
/// ends, and lines over 4,095 bytes in chunks.
struct DocumentTests {
    static let pieces = ["Word", "the", "Ünïcode", "3,5", "Straße.", "数据", "新闻报道", "e.g.", "--", "USA", "42.", "Ok!", " ", "\t"]

    /// Lines of exactly these many bytes (trimmed too: each starts and ends with a letter), around each
    /// length where the way of describing changes; an empty line and one of white space only.
    static let lengths = [1, 5, Document.laneLine - 1, Document.laneLine, Document.laneLine + 1, 64, 300,
                          4094, 4095, 4096, 8190, 8191, 9000]

    static func line(length: Int, _ generator: inout SeededGenerator) -> String {
        var line = "A"
        while true {
            let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
            if line.utf8.count + piece.utf8.count + 1 > length { break }
            line += piece
        }
        while line.utf8.count < length { line += "x" }
        return line
    }

    static func lines(seed: UInt64) -> [String] {
        var generator = SeededGenerator(state: seed)
        var out: [String] = []
        for _ in 0..<3 {
            for length in lengths.shuffled(using: &generator) { out.append(line(length: length, &generator)) }
            out.append("")
            out.append(" \t ")
        }
        return out.shuffled(using: &generator)
    }

    static func blocks(_ text: String) -> [Block] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { Document(bytes: $0).blocks }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func factsOfALineDoNotDependOnItsNeighbours(seed: UInt64) {
        let lines = Self.lines(seed: seed) + ["The end."]   // a last line that is not empty, so every line is a block
        for (line, length) in zip(lines, lines.map(\.utf8.count)) where !line.hasPrefix(" ") && !line.isEmpty {
            #expect(Self.blocks(line).first?.trimmed.count == length)
        }
        let text = lines.joined(separator: "\n")
        let blocks = Self.blocks(text)
        #expect(blocks.count == lines.count)
        for (i, block) in blocks.enumerated() where i < lines.count {
            let single = Self.blocks(lines[i] + "\n")
            var expected = single[0].shifted(by: block.range.lowerBound)
            expected.end = block.end   // the document's last line has no line feed
            #expect(block == expected, "line \(i + 1) (\(lines[i].utf8.count) bytes)")
        }
    }

    /// A short line's facts (one chain) against the same line said again and again, space-separated, into a
    /// line long enough for the lanes (and, the longest, for chunks): counts add up, and the checksum, which
    /// leaves white space out, too. A short line described from the wrong state, or not at all, fails.
    @Test(arguments: ["Word", "the USA", "Straße", "3,5 e.g", "Ünïcode 42", "Ok", "数据新闻报道", "A -- B", "x"])
    func aShortLinesFactsAddUpInALongOne(_ short: String) {
        #expect(short.utf8.count < Document.laneLine)
        for copies in [2 * Document.laneLine / short.utf8.count + 1, 5000 / short.utf8.count + 1] {
            let long = Array(repeating: short, count: copies).joined(separator: " ")
            #expect(long.utf8.count >= Document.laneLine)
            let one = Self.blocks(short)[0], all = Self.blocks(long)[0]
            #expect(one.alnum > 0)
            #expect(all.alnum == copies * one.alnum)
            #expect(all.digits == copies * one.digits)
            #expect(all.capitalized == copies * one.capitalized)
            #expect(all.checksum == one.checksum &* UInt32(copies))
            #expect(all.hasCJK == one.hasCJK)
            if !one.hasCJK { #expect(all.words == copies * one.words) }
        }
    }
}

/// A seeded generator, so each case's lines are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }
}
