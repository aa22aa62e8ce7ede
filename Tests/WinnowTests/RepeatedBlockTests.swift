import Testing
@testable import Winnow

/// How `RepeatedBlockRule` groups copies: lines whose cheap checksum and letter count agree are compared
/// in full, so lines made of the same letters in another order (the checksum adds bytes up in any order)
/// are never one group, and each of them still finds its own copies.
struct RepeatedBlockTests {
    /// (block, first copy, copies) of every finding, in the order reported.
    static func groups(_ lines: [String]) -> [[Int]] {
        var text = Array(lines.joined(separator: "\n").utf8)
        return text.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            let blocks = Document(bytes: bytes).blocks
            var findings: [Finding] = []
            RepeatedBlockRule().detect(DetectionContext(bytes: bytes, blocks: blocks, matches: [], layout: .empty, site: nil), into: &findings)
            return findings.map { f -> [Int] in
                guard case .repeated(let first, let copies) = f.evidence else { return [f.block, -1, -1] }
                return [f.block, first, copies]
            }
        }
    }

    @Test func copiesOfOneLine() {
        #expect(Self.groups(["Share this story", "The pier reopens.", "SHARE  this story", "Share this story"])
                == [[0, 0, 3], [2, 0, 3], [3, 0, 3]])
    }

    @Test func anagramsAreTheirOwnGroups() {
        // The same letters in another order: one checksum, two groups, each reported at its first copy.
        #expect(Self.groups(["Share this story", "this story Share", "Read more", "this story share", "share this story"])
                == [[0, 0, 2], [4, 0, 2], [1, 1, 2], [3, 1, 2]])
        // An anagram alone groups with nothing; the line it shares its checksum with still finds its copy.
        #expect(Self.groups(["Share this story", "this story Share", "Share this story"]) == [[0, 0, 2], [2, 0, 2]])
        #expect(Self.groups(["this story Share", "Share this story", "Read more"]) == [])
    }
}
