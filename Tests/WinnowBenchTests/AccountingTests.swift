import Foundation
import Testing
@testable import WinnowBenchKit
import Winnow

/// The injected-boilerplate accounting: exact counts on documents small enough to check by hand.
struct AccountingTests {
    /// A document written by hand: each line with its kind.
    static func document(_ lines: [(ParagraphKind, String)], clean: Bool = false) -> GeneratedDocument {
        var doc = GeneratedDocument()
        doc.clean = clean
        for (kind, text) in lines {
            let start = doc.text.count
            doc.text += Array(text.utf8)
            doc.kinds.append(kind)
            doc.lines.append(start..<doc.text.count)
            doc.text.append(0x0A)
        }
        return doc
    }

    static let handMade = document([
        (.title, "Ferry fares rise"),
        (.blank, ""),
        (.article, "The ferry company raised fares on Monday."),
        (.listBullet, "•"),
        (.listItem, "Two extra buses on Sundays."),
        (.listBullet, "2."),
        (.listItem, "More street lighting."),
        (.listItemInline, "▪ A public meeting in June."),
        (.donationHeading, "Support Harbour Voice"),
        (.donationAppeal, "Donate today or become a member."),
        (.paymentIBAN, "IBAN: DE89 3704 0044 0532 0130 00"),
        (.donationRepeat, "Donate today or become a member."),
        (.sharePrompt, "Share this article"),
        (.commentsClosed, "Comments are closed."),
    ])

    @Test("a hand-checked document: what was removed, kept and joined")
    func handChecked() {
        // The cleaner joined the first bullet, left the number alone, unified the inline bullet, removed the
        // heading, the IBAN and one copy of the appeal, and kept the share prompt and the comment notice.
        let output = """
            Ferry fares rise

            The ferry company raised fares on Monday.
            - Two extra buses on Sundays.
            2.
            More street lighting.
            - A public meeting in June.
            Donate today or become a member.
            Share this article
            Comments are closed.

            """
        var t = QualityTally()
        t.add(Self.handMade, output: Array(output.utf8))
        #expect(t.documents == 1)
        #expect(t.kinds["title"] == .init(total: 1, hits: 1))
        #expect(t.kinds["article"] == .init(total: 1, hits: 1))
        #expect(t.kinds["list-item"] == .init(total: 2, hits: 2))
        #expect(t.kinds["list-item-inline"] == .init(total: 1, hits: 1))
        #expect(t.listItems == 3)
        #expect(t.listItemsNormalized == 2)
        #expect(t.kinds["donation-heading"] == .init(total: 1, hits: 1))
        // Two lines with the same text, one left in the output: the first (the appeal) matches it.
        #expect(t.kinds["donation-appeal"] == .init(total: 1, hits: 0))
        #expect(t.kinds["donation-repeat"] == .init(total: 1, hits: 1))
        #expect(t.kinds["payment-iban"] == .init(total: 1, hits: 1))
        #expect(t.kinds["share-prompt"] == .init(total: 1, hits: 0))
        #expect(t.kinds["comments-closed"] == .init(total: 1, hits: 0))
        #expect(t.boilerplateRemoved == .init(total: 6, hits: 3))
        #expect(t.contentKept == .init(total: 5, hits: 5))
        #expect(t.byFamily.map(\.family) == ["donation-appeal", "repeated-block", "payment-details", "comment-section", "share-prompt"])
    }

    /// Documents of the 1 GB benchmark corpus (seed 42) where the cleaner once lost article text: the
    /// closing paragraph after a list, taken for a teaser's blurb, and the numbers of a list after an
    /// appeal, taken for furniture. Every article line stays and every list item is written with its marker.
    @Test("benchmark documents that once lost a line or a list marker", arguments: [21_450, 310_685])
    func benchmarkDocumentKeepsItsArticle(_ index: Int) throws {
        let doc = CorpusGenerator(CorpusConfiguration(seed: 42)).generate(index)
        var tally = QualityTally()
        tally.add(doc, output: try Cleaner().clean(doc.text).bytes, bullet: Array("- ".utf8))
        #expect(tally.contentKept.hits == tally.contentKept.total)
        #expect(tally.listItemsNormalized == tally.listItems)
        #expect(tally.listItems > 0)
    }

    @Test("the output of a cleaner that does nothing, everything, or exactly the right thing")
    func extremes() {
        let doc = Self.handMade
        var identity = QualityTally(), empty = QualityTally(), ideal = QualityTally()
        identity.add(doc, output: doc.text)
        empty.add(doc, output: [UInt8]())
        ideal.add(doc, output: Self.idealOutput(doc))
        #expect(identity.boilerplateRemoved == .init(total: 6, hits: 0))
        #expect(identity.contentKept == .init(total: 5, hits: 5))
        #expect(identity.listItemsNormalized == 0)
        #expect(empty.boilerplateRemoved == .init(total: 6, hits: 6))
        #expect(empty.contentKept == .init(total: 5, hits: 0))
        #expect(ideal.boilerplateRemoved == .init(total: 6, hits: 6))
        #expect(ideal.contentKept == .init(total: 5, hits: 5))
        #expect(ideal.listItemsNormalized == 3)
    }

    /// What a perfect cleaner writes: content only, list items joined with their bullets.
    static func idealOutput(_ doc: GeneratedDocument) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < doc.kinds.count {
            let line = Array(doc.line(i))
            switch doc.kinds[i] {
            case .listBullet:
                let isNumber = line.last == UInt8(ascii: ".")
                out += (isNumber ? line + [0x20] : Array("- ".utf8)) + Array(doc.line(i + 1)) + [0x0A]
                i += 1
            case .listItemInline:
                let space = line.firstIndex(of: 0x20)!
                out += Array("- ".utf8) + line[(space + 1)...] + [0x0A]
            case let k where k.role == .content || k == .blank:
                out += line + [0x0A]
            default:
                break
            }
            i += 1
        }
        return out
    }

    @Test("on a generated corpus, totals equal what the generator injected", arguments: [1, 42] as [UInt64])
    func corpusTotals(seed: UInt64) throws {
        let g = CorpusGenerator(CorpusConfiguration(seed: seed, sites: 4))
        let (_, _, summary) = try CorpusWriter(g).bytes(targetBytes: 300_000)
        var identity = QualityTally(), ideal = QualityTally()
        for i in 0..<summary.documents {
            let doc = g.generate(i)
            identity.add(doc, output: doc.text)
            ideal.add(doc, output: Self.idealOutput(doc))
        }
        let injected = ParagraphKind.allCases.filter { $0.role == .boilerplate && $0 != .siteTemplate }
            .reduce(0) { $0 + (summary.lines[$1.name] ?? 0) }
        #expect(identity.boilerplateRemoved == .init(total: injected, hits: 0))
        #expect(ideal.boilerplateRemoved == .init(total: injected, hits: injected))
        #expect(ideal.siteTemplatesRemoved.total == summary.lines["site-template"])
        let items = (summary.lines["list-item"] ?? 0) + (summary.lines["list-item-inline"] ?? 0)
        let content = ["title", "article", "article-with-cue"].reduce(items) { $0 + (summary.lines[$1] ?? 0) }
        #expect(ideal.contentKept == .init(total: content, hits: content))
        #expect(identity.contentKept == .init(total: content, hits: content))
        #expect(ideal.listItems == items && ideal.listItemsNormalized == items)
        #expect(identity.cleanDocuments == summary.cleanDocuments)
        #expect(identity.cleanDocumentsUnchanged == summary.cleanDocuments)
        #expect(ideal.documents == summary.documents)
    }

    @Test("scoring an output file matches scoring in memory; foreign lines are counted apart")
    func scoreFile() throws {
        let g = CorpusGenerator(CorpusConfiguration(seed: 5))
        let (corpus, _, summary) = try CorpusWriter(g).bytes(targetBytes: 100_000)
        let path = NSTemporaryDirectory() + "winnow-bench-test-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // The corpus itself is the output of a cleaner that changes nothing; add two foreign lines.
        let foreign = Array("{\"id\":\"other-1\",\"text\":\"x\"}\n{\"no\":\"text\"}\n".utf8)
        try Data(corpus + foreign).write(to: URL(fileURLWithPath: path))
        let score = try Scorer(generator: g).score(outputPath: path)
        var expected = QualityTally()
        for i in 0..<summary.documents { let d = g.generate(i); expected.add(d, output: d.text) }
        #expect(score.tally == expected)
        #expect(score.unmatchedLines == 2)
        // Scored against another configuration: no document matches, rather than the wrong ones.
        let other = try Scorer(generator: CorpusGenerator(CorpusConfiguration(seed: 5, sites: 3))).score(outputPath: path)
        #expect(other.tally.documents == 0)
        #expect(other.unmatchedLines == summary.documents + 2)
    }

    @Test("merging tallies adds them")
    func merge() {
        var a = QualityTally(), b = QualityTally()
        a.add(Self.handMade, output: Self.handMade.text)
        b.add(Self.handMade, output: [UInt8]())
        var both = a
        both.merge(b)
        #expect(both.documents == 2)
        #expect(both.boilerplateRemoved == .init(total: 12, hits: 6))
        #expect(both.contentKept == .init(total: 10, hits: 5))
    }
}
