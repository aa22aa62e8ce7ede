import Foundation
import Testing
@testable import Winnow

/// How `RepeatedBlockRule` groups copies: lines whose cheap checksum and letter count agree are compared
/// in full, so lines whose bytes only add up the same (the same letters in another order) are never one
/// group, each still finds its own copies, and copies that differ only in what the comparison ignores (a
/// no-break space, which the checksum counts) are one group.
struct RepeatedBlockTests {
    /// [block, first copy, copies] of every finding, in the order reported.
    static func groups(_ lines: [String]) -> [[Int]] {
        let text = Array(lines.joined(separator: "\n").utf8)
        return text.withUnsafeBufferPointer { bytes in
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
        // Lines with fewer than two letters or digits are never copies.
        #expect(Self.groups(["-", "A", "-", "A", "|"]) == [])
    }

    @Test func checksumCollisionsAreTheirOwnGroups() {
        // The same letters in another order: one checksum, two groups, each reported at its first copy.
        #expect(Self.groups(["Share this story", "this story Share", "Read more", "this story share", "share this story"])
                == [[0, 0, 2], [4, 0, 2], [1, 1, 2], [3, 1, 2]])
        // The first line of the checksum's chain is the odd one out.
        #expect(Self.groups(["this story Share", "Share this story", "Share this story"]) == [[1, 1, 2], [2, 1, 2]])
        // A collision alone groups with nothing; the line it shares its checksum with still finds its copy.
        #expect(Self.groups(["Share this story", "this story Share", "Share this story"]) == [[0, 0, 2], [2, 0, 2]])
        #expect(Self.groups(["this story Share", "Share this story", "Read more"]) == [])
    }

    /// A no-break space counts in the checksum (two keys) but not in the comparison: four copies, one group.
    @Test func copiesWithAndWithoutANoBreakSpaceAreOneGroup() {
        #expect(Self.groups(["Share this story", "Share this story", "The pier reopens.", "Share\u{A0}this story", "Share\u{A0}this story"])
                == [[0, 0, 4], [1, 0, 4], [3, 0, 4], [4, 0, 4]])
    }

    /// A paragraph printed four times (two with a no-break space) is four copies, not two pairs: the resolver
    /// removes later copies of prose only when there are exactly two, so every one of them stays.
    @Test func aParagraphInFourCopiesIsKept() throws {
        let paragraph = "The ferry service resumes on Monday after six weeks of repairs to the old pier, officials said."
        let spaced = paragraph.replacingOccurrences(of: "six weeks", with: "six\u{A0}weeks")
        let input = [paragraph, "Officials expect the first crossings to be busy with commuters.", paragraph, spaced, spaced].joined(separator: "\n") + "\n"
        let cleaner = try Cleaner()
        #expect(cleaner.clean(input).text == input)
    }
}
