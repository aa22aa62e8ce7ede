import Foundation
import Testing
@testable import WinnowBenchKit

/// The corpus generator: deterministic, sized as asked, valid JSONL, and every family injected.
struct GeneratorTests {
    static func corpus(seed: UInt64 = 42, sites: Int = 0, size: Int) throws -> (corpus: [UInt8], truth: [UInt8], summary: CorpusSummary) {
        try CorpusWriter(CorpusGenerator(CorpusConfiguration(seed: seed, sites: sites))).bytes(targetBytes: size)
    }

    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { $0 }
    }

    @Test("the same seed gives the same bytes", arguments: [1, 42, 2024] as [UInt64])
    func sameSeedSameBytes(seed: UInt64) throws {
        let a = try Self.corpus(seed: seed, size: 300_000)
        let b = try Self.corpus(seed: seed, size: 300_000)
        #expect(a.corpus == b.corpus)
        #expect(a.truth == b.truth)
        #expect(a.summary == b.summary)
    }

    @Test("threads and batch sizes do not change the bytes", arguments: [(1, 1), (2, 7), (3, 256)])
    func threads(threads: Int, batch: Int) throws {
        var writer = CorpusWriter(CorpusGenerator(CorpusConfiguration(seed: 9, sites: 3)))
        let reference = try writer.bytes(targetBytes: 250_000)
        writer.threads = threads
        writer.batchSize = batch
        writer.blockSize = 10_000
        let other = try writer.bytes(targetBytes: 250_000)
        #expect(other.corpus == reference.corpus)
        #expect(other.truth == reference.truth)
        #expect(other.summary == reference.summary)
    }

    @Test("different seeds give different corpora")
    func differentSeeds() throws {
        #expect(try Self.corpus(seed: 1, size: 50_000).corpus != Self.corpus(seed: 2, size: 50_000).corpus)
    }

    @Test("a document regenerates on its own, identical to its place in the stream")
    func regenerate() throws {
        let g = CorpusGenerator(CorpusConfiguration(seed: 7))
        var doc = GeneratedDocument()
        for i in [0, 1, 17, 400] {
            g.generate(400 - i, into: &doc)   // reused storage, out of order
            g.generate(i, into: &doc)
            let fresh = g.generate(i)
            #expect(doc.text == fresh.text)
            #expect(doc.kinds == fresh.kinds)
            #expect(doc.lines == fresh.lines)
        }
    }

    @Test("the size is at most the target and short of it by less than one document",
          arguments: [5_000, 64_000, 1_000_000, 3_000_000])
    func sizes(target: Int) throws {
        let (corpus, _, summary) = try Self.corpus(size: target)
        #expect(corpus.count == summary.bytes)
        #expect(summary.bytes <= target)
        let lines = Self.lines(corpus)
        #expect(lines.count == summary.documents)
        let longest = lines.map(\.count).max() ?? 0
        #expect(target - summary.bytes < longest + 1 + 20_000)
        if target >= 1_000_000 { #expect(Double(summary.bytes) >= Double(target) * 0.99) }
    }

    @Test("a smaller corpus is a prefix of a larger one")
    func prefix() throws {
        let small = try Self.corpus(size: 100_000).corpus
        let large = try Self.corpus(size: 400_000).corpus
        #expect(large.starts(with: small))
    }

    @Test("every line is a JSON object with id, url and text; the text is the document's", arguments: [0, 6])
    func validJSONL(sites: Int) throws {
        let g = CorpusGenerator(CorpusConfiguration(seed: 42, sites: sites))
        let (corpus, truth, summary) = try CorpusWriter(g).bytes(targetBytes: 200_000)
        let truthLines = Self.lines(truth)
        #expect(truthLines.count == summary.documents)
        for (i, line) in Self.lines(corpus).enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            let id = try #require(object["id"] as? String)
            let urlText = try #require(object["url"] as? String)
            let url = try #require(URL(string: urlText))
            let text = try #require(object["text"] as? String)
            #expect(id == (sites > 0 ? "wb42s\(sites)-\(i)" : "wb42-\(i)"))
            #expect(g.index(fromID: Array(id.utf8)) == i)
            let doc = g.generate(i)
            #expect(Array(text.utf8) == doc.text)
            #expect(url.scheme == "https")
            #expect(url.host == g.sites[doc.site].host)
            #expect(object["lang"] as? String == g.sites[doc.site].language)
            // One kind per line of the text, in the sidecar too.
            #expect(doc.kinds.count == doc.text.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1)
            let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(truthLines[i])) as? [String: Any])
            #expect(sidecar["id"] as? String == id)
            #expect((sidecar["kinds"] as? [String]) == doc.kinds.map(\.name))
        }
    }

    @Test("every kind of line and every language occurs in a 2 MB corpus")
    func coverage() throws {
        let g = CorpusGenerator(CorpusConfiguration(seed: 42, sites: 8))
        let summary = try CorpusWriter(g).bytes(targetBytes: 2_000_000).summary
        for kind in ParagraphKind.allCases {
            #expect((summary.lines[kind.name] ?? 0) > 0, "no \(kind.name)")
        }
        var languages = Set<String>()
        for i in 0..<200 { languages.insert(g.sites[g.generate(i).site].language) }
        #expect(languages == ["en", "de", "no", "es"])
        #expect(summary.cleanDocuments > summary.documents / 10 && summary.cleanDocuments < summary.documents / 3)
    }

    @Test("clean documents hold only content; others hold boilerplate or list markup")
    func cleanDocuments() {
        let g = CorpusGenerator()
        var doc = GeneratedDocument()
        for i in 0..<500 {
            g.generate(i, into: &doc)
            let injected = doc.kinds.contains { $0.role == .boilerplate || $0 == .listBullet || $0 == .listItemInline }
            #expect(injected != doc.clean, "document \(i)")
        }
    }

    @Test("with --sites N, each site's template is in most of its documents and only there")
    func siteTemplates() {
        let g = CorpusGenerator(CorpusConfiguration(seed: 3, sites: 5))
        #expect(g.sites.count == 5)
        #expect(Set(g.sites.map(\.host)).count == 5)
        #expect(Set(g.sites.compactMap(\.template)).count == 5)
        var docs = [Int](repeating: 0, count: 5), withTemplate = [Int](repeating: 0, count: 5)
        for i in 0..<2000 {
            let doc = g.generate(i)
            docs[doc.site] += 1
            let lines = doc.kinds.indices.filter { doc.kinds[$0] == .siteTemplate }.map { String(decoding: doc.line($0), as: UTF8.self) }
            if !lines.isEmpty { withTemplate[doc.site] += 1 }
            #expect(lines.allSatisfy { $0 == g.sites[doc.site].template })
        }
        for s in 0..<5 { #expect(Double(withTemplate[s]) > 0.6 * Double(docs[s]), "site \(s)") }
        // Without --sites: no templates.
        let plain = CorpusGenerator(CorpusConfiguration(seed: 3))
        #expect(plain.sites.allSatisfy { $0.template == nil })
        #expect((0..<300).allSatisfy { !plain.generate($0).kinds.contains(.siteTemplate) })
    }

    @Test("site hosts are slugs of their names")
    func slugs() {
        #expect(CorpusGenerator.slug("Diario del Puerto") == "diario-del-puerto")
        #expect(CorpusGenerator.slug("Fjordposten") == "fjordposten")
        #expect(CorpusGenerator.slug("Seewalder Bote 2") == "seewalder-bote-2")
        #expect(CorpusGenerator.slug("Crónica de Costaluz") == "cronica-de-costaluz")
    }

    @Test("JSON escaping of the text round-trips through a JSON parser")
    func escaping() throws {
        let text = Array("He said \"no\"\\yes\n\ttab é\u{1}".utf8)
        var out = Array("{\"t\":\"".utf8)
        JSONText.escape(text, into: &out)
        out += Array("\"}".utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out)) as? [String: String])
        #expect(object["t"].map { Array($0.utf8) } == text)
    }
}

/// Payment numbers: IBANs with valid mod-97 check digits, Norwegian accounts with MOD-11.
struct PaymentNumberTests {
    @Test("check digits of a known IBAN")
    func knownIBAN() {
        #expect(IBAN.checkDigits(country: "DE", bban: "370400440532013000") == 89)
        #expect(IBAN.isValid("DE89 3704 0044 0532 0130 00"))
        #expect(!IBAN.isValid("DE89 3704 0044 0532 0130 01"))
        #expect(!IBAN.isValid("DE89 3704 0044 0532 0130 0"))
    }

    @Test("random IBANs are valid", arguments: IBAN.layouts.keys.sorted())
    func randomIBANs(country: String) {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let iban = IBAN.random(country: country, using: &rng)
            #expect(iban.count == IBAN.layouts[country]!.count + 4)
            #expect(IBAN.isValid(iban), "\(iban)")
            #expect(IBAN.isValid(IBAN.printed(iban)))
        }
    }

    /// Every IBAN and Norwegian account number in a generated corpus passes its check.
    @Test("payment lines in the corpus carry valid numbers")
    func corpusNumbers() {
        let g = CorpusGenerator(CorpusConfiguration(seed: 11))
        var ibans = 0, accounts = 0
        for i in 0..<3000 {
            let doc = g.generate(i)
            for (n, kind) in doc.kinds.enumerated() {
                let line = String(decoding: doc.line(n), as: UTF8.self)
                if kind == .paymentIBAN {
                    let iban = try! #require(Self.ibanIn(line))
                    #expect(IBAN.isValid(iban), "\(line)")
                    ibans += 1
                }
                if kind == .paymentAccount && g.sites[doc.site].language == "no" {
                    let digits = line.filter(\.isNumber).compactMap(\.wholeNumberValue)
                    #expect(digits.count == 11)
                    let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
                    let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
                    #expect((11 - sum % 11) % 11 == digits[10], "\(line)")
                    accounts += 1
                }
            }
        }
        #expect(ibans > 50 && accounts > 10)
    }

    /// The IBAN in a line: from its two-letter country code to the end.
    static func ibanIn(_ line: String) -> String? {
        for country in IBAN.layouts.keys {
            var search = line[...]
            while let r = search.range(of: country) {
                let candidate = String(line[r.lowerBound...]).filter { $0 != " " }
                if candidate.count == IBAN.layouts[country]!.count + 4, candidate.dropFirst(2).allSatisfy({ $0.isNumber || $0.isUppercase }) {
                    return candidate
                }
                search = line[r.upperBound...]
            }
        }
        return nil
    }
}

/// Sizes as written on the command line.
struct ByteSizeTests {
    @Test("sizes parse", arguments: [
        ("100MB", 100_000_000), ("2GB", 2_000_000_000), ("1.5GB", 1_500_000_000), ("512KiB", 524_288),
        ("1MiB", 1_048_576), ("4096", 4096), ("10 mb", 10_000_000), ("1G", 1_000_000_000),
    ] as [(String, Int)])
    func parses(text: String, bytes: Int) {
        #expect(ByteSize.parse(text) == bytes)
    }

    @Test("nonsense does not parse", arguments: ["", "MB", "12XB", "-5MB", "1e3"])
    func rejects(text: String) {
        #expect(ByteSize.parse(text) == nil)
    }

    @Test("formatting", arguments: [(999, "999 B"), (12_345, "12.3 kB"), (100_000_000, "100 MB"), (1_000_000_000, "1.00 GB"),
                                  (999_999_073, "1.00 GB"), (999_700, "1.00 MB")] as [(Int, String)])
    func formats(bytes: Int, text: String) {
        #expect(ByteSize.format(bytes) == text)
    }

    @Test("SplitMix64 is the reference sequence")
    func splitMix() {
        // First outputs for seed 1234567 of the published SplitMix64 reference implementation.
        var rng = SplitMix64(seed: 1234567)
        #expect(rng.next() == 6457827717110365317)
        #expect(rng.next() == 3203168211198807973)
    }
}
