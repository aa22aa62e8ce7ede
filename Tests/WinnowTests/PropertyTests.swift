import Foundation
import Testing
@testable import Winnow

/// Properties that hold for every document: generated ones (article sentences mixed with every rule's
/// boilerplate, list markup, CRLF, multi-byte text and random bytes) and the samples.
struct PropertyTests {
    struct Generated: CustomTestStringConvertible, Sendable {
        var seed: UInt64
        var bytes: [UInt8]
        var testDescription: String { "seed \(seed)" }
    }

    /// Pieces to build documents from: article sentences, every rule example, list markup, noise.
    static let pieces: [String] = {
        var p = [
            "The council approved the new budget after a long debate on Tuesday evening, officials said.",
            "Residents of the old quarter said they had waited years for the repairs to the harbour wall.",
            "“We are relieved,” said Ingrid Solberg, who has run the kiosk on the quay since 1998.",
            "Økonomien i kommunen er stram, sier ordføreren til avisen.", "東京の港は月曜日に再開する。",
            "-", "•", "1.", "* Home", "* News", "Advertisement", "Share this:", "", "", "Comments are closed.",
            "Support Harbour Voice", "IBAN: DE89 3704 0044 0532 0130 00", "Vipps: #557320",
        ]
        for d in RuleCatalog.descriptions {
            for e in d.triggering + d.nonTriggering where e.corpus.isEmpty { p += e.input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        }
        return p
    }()

    static func generate(_ seed: UInt64) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(truncatingIfNeeded: state & 0x7FFF_FFFF)
        }
        var out: [UInt8] = []
        let lines = next() % 40
        let crlf = next() % 4 == 0
        for _ in 0..<lines {
            if next() % 25 == 0 {
                for _ in 0..<(next() % 12) { out.append(UInt8(next() % 256)) }  // raw bytes, maybe invalid UTF-8
            } else {
                out += Array(pieces[next() % pieces.count].utf8)
            }
            if next() % 9 == 0 { out += Array("  ".utf8) }
            out += crlf ? [0x0D, 0x0A] : [0x0A]
        }
        if next() % 3 == 0, !out.isEmpty { out.removeLast() }   // no final newline
        return out
    }

    static let generated: [Generated] = (1...300).map { Generated(seed: UInt64($0), bytes: generate(UInt64($0))) }
    static let cleaner = try! Cleaner()

    /// Cleaning cleaned text changes nothing.
    @Test(arguments: generated)
    func idempotent(_ g: Generated) {
        let once = Self.cleaner.clean(g.bytes)
        let twice = Self.cleaner.clean(once.bytes)
        #expect(twice.bytes == once.bytes, "\(String(decoding: once.bytes, as: UTF8.self)) → \(twice.report)")
    }

    /// The check of a pass's output reuses the lines and cue matches the pass read; it must decide exactly
    /// as a pass that reads the output afresh.
    @Test(arguments: generated)
    func checkReusingLinesEqualsAFreshPass(_ g: Generated) {
        let cleaner = Self.cleaner
        g.bytes.withUnsafeBufferPointer { input in
            var matches: [PhraseAutomaton.Match] = []
            cleaner.automaton.scan(input, 0..<input.count, into: &matches)
            let first = cleaner.decide(input, Document(bytes: input).blocks, matches, site: nil)
            guard !first.result.unchanged else { return }
            first.result.bytes.withUnsafeBufferPointer { output in
                let reused = cleaner.recheck(output, after: first, site: nil)
                var freshMatches: [PhraseAutomaton.Match] = []
                cleaner.automaton.scan(output, 0..<output.count, into: &freshMatches)
                let fresh = cleaner.decide(output, Document(bytes: output).blocks, freshMatches, site: nil, checking: true)
                #expect(reused.blocks == fresh.blocks || reused.result.report.isEmpty && fresh.result.report.isEmpty)
                #expect(reused.matches == fresh.matches)
                #expect(reused.result.report == fresh.result.report)
                #expect(reused.result.bytes == fresh.result.bytes)
            }
        }
    }

    /// Every non-blank input line is kept byte for byte, rewritten by a listed rewrite, or listed as
    /// removed: kept text plus the report reconstructs the input.
    @Test(arguments: generated)
    func nothingLost(_ g: Generated) {
        let result = Self.cleaner.clean(g.bytes)
        let lines = g.bytes.withUnsafeBufferPointer { p -> [Block] in Document(bytes: p).blocks }
        var covered = [Bool](repeating: false, count: lines.count)
        for r in result.report.removals { for (i, b) in lines.enumerated() where b.range == r.range { covered[i] = true } }
        for w in result.report.rewrites { for (i, b) in lines.enumerated() where w.range.contains(b.content.lowerBound) { covered[i] = true } }
        // Kept lines appear in the output, in order, byte for byte.
        var searchFrom = 0
        let out = result.bytes
        for (i, b) in lines.enumerated() where !covered[i] && !b.isBlank {
            let needle = Array(g.bytes[b.range.lowerBound..<b.content.upperBound])
            guard let at = out.firstRange(of: needle, from: searchFrom) else {
                Issue.record("line \(i + 1) neither kept nor reported: \(String(decoding: needle, as: UTF8.self))")
                continue
            }
            searchFrom = at.upperBound
        }
    }

    /// Output is never longer than the input, except by what list rewrites add.
    @Test(arguments: generated)
    func neverLonger(_ g: Generated) {
        let result = Self.cleaner.clean(g.bytes)
        let growth = result.report.rewrites.reduce(0) { $0 + max(0, $1.replacement.count - $1.range.count) }
        #expect(result.bytes.count <= g.bytes.count + growth)
    }

    /// Same input, same configuration: same bytes, also from another cleaner instance and another thread.
    @Test func deterministic() async throws {
        let other = try Cleaner()
        let inputs = Self.generated.prefix(100).map(\.bytes)
        let here = inputs.map { Self.cleaner.clean($0).bytes }
        let there = await Task.detached { inputs.map { other.clean($0).bytes } }.value
        #expect(here == there)
    }

    /// Removals are whole lines (lines end at LF, CRLF or a lone CR) and their ranges are in order and do
    /// not overlap.
    @Test(arguments: generated)
    func removalsAreWholeLines(_ g: Generated) {
        let result = Self.cleaner.clean(g.bytes)
        let b = g.bytes
        func endsLine(_ i: Int) -> Bool { b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) }
        var last = -1
        for r in result.report.removals {
            #expect(r.range.lowerBound > last)
            last = r.range.upperBound - 1
            #expect(r.range.lowerBound == 0 || endsLine(r.range.lowerBound - 1))
            #expect(r.range.upperBound == b.count || endsLine(r.range.upperBound - 1))
        }
    }
}

extension Array where Element == UInt8 {
    func firstRange(of needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return start..<start }
        guard count >= needle.count, start <= count - needle.count else { return nil }
        var i = start
        while i <= count - needle.count {
            if self[i] == needle[0] && self[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }
}
