import Foundation
import Testing
@testable import Winnow

/// Per-site learning: counting, merging, the file format, the thresholds and the rule.
struct SiteModelTests {
    /// A deterministic multi-site corpus: each site has a template line in most documents (in a language
    /// no phrase rule covers), and every article has its own sentences.
    static func corpus(sites: Int = 3, perSite: Int = 30) -> [(host: String, text: String)] {
        var docs: [(String, String)] = []
        let subjects = ["ferry", "bridge", "school", "harbour", "library", "market", "bakery", "station"]
        let verbs = ["reopens", "closes", "expands", "moves", "celebrates", "changes"]
        var state: UInt64 = 42
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        for n in 0..<(sites * perSite) {
            let site = n % sites
            let host = "site\(site).example"
            var lines: [String] = []
            let subject = subjects[next() % subjects.count], verb = verbs[next() % verbs.count]
            lines.append("The \(subject) \(verb) on day \(n), officials from district \(next() % 97) said in a statement this week.")
            lines.append("Residents of block \(next() % 500) told reporters the \(subject) had been a topic for \(n % 13 + 2) years.")
            if n % 10 != 0 { lines.append("Kunjungi situs \(host) untuk berita lokal lainnya") }   // the template, in 90% of documents
            if site == 1 && (n / sites) % 3 == 0 { lines.append("Ikuti kami di radio setiap pagi") }   // in a third of site 1
            docs.append((host, lines.joined(separator: "\n") + "\n"))
        }
        return docs
    }

    static func learn(_ docs: some Sequence<(host: String, text: String)>, maxEntries: Int = SiteModel.defaultMaxEntries) -> SiteModel {
        var model = SiteModel(maxEntries: maxEntries)
        for d in docs { model.learn(host: d.host, document: d.text) }
        return model
    }

    @Test func shardsMergedEqualTheWhole() {
        let docs = Self.corpus()
        let whole = Self.learn(docs)
        var merged = Self.learn(docs[0..<25])
        merged.merge(Self.learn(docs[25..<61]))
        merged.merge(Self.learn(docs[61...]))
        #expect(merged == whole)
        #expect(SiteModelFile.write(merged) == SiteModelFile.write(whole))
        // Merge order does not matter either.
        var reversed = Self.learn(docs[61...])
        reversed.merge(Self.learn(docs[0..<25]))
        reversed.merge(Self.learn(docs[25..<61]))
        #expect(SiteModelFile.write(reversed) == SiteModelFile.write(whole))
    }

    @Test func learningIsDeterministic() {
        let a = SiteModelFile.write(Self.learn(Self.corpus()))
        let b = SiteModelFile.write(Self.learn(Self.corpus()))
        #expect(a == b)
    }

    @Test func fileRoundTrip() throws {
        let model = Self.learn(Self.corpus())
        let bytes = SiteModelFile.write(model)
        let back = try SiteModelFile.read(bytes)
        #expect(back == model)
        #expect(SiteModelFile.write(back) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("winnow-site-model 1\nsites 3 entries "))
        #expect(text.contains("Kunjungi situs site0.example untuk berita lokal lainnya"))
    }

    @Test func countsAreDocumentCounts() throws {
        let model = Self.learn(Self.corpus())
        var line = Array("Kunjungi situs site0.example untuk berita lokal lainnya".utf8)
        let fingerprint = line.withUnsafeMutableBufferPointer { Fingerprint.hash(UnsafeBufferPointer($0), 0..<$0.count) }
        let c = try #require(model.counts(host: "site0.example", fingerprint: fingerprint))
        #expect(c.site == 30)
        #expect(c.block == 27)     // documents 0, 30 and 60 of site 0 lack it (n % 10 == 0)
        line = []
        #expect(model.counts(host: "unknown.example", fingerprint: fingerprint) == nil)
    }

    @Test func memoryIsBounded() {
        let docs = Self.corpus(sites: 5, perSite: 40)
        let unbounded = Self.learn(docs)
        let bounded = Self.learn(docs, maxEntries: 40)
        #expect(unbounded.entryCount > 100)
        #expect(bounded.entryCount <= 40)
        #expect(bounded.droppedBelow >= 1)
        // The templates are the most frequent blocks and survive pruning.
        let cleaner = try! Cleaner(CleanerConfiguration(sites: bounded))
        let result = cleaner.clean("A new article about the market that nobody has read before.\nKunjungi situs site3.example untuk berita lokal lainnya\n", site: "site3.example")
        #expect(result.report.removals.map(\.ruleID) == ["site-template"])
    }

    /// Every count of `bounded` is at most the true one (`exact`'s) and under it by at most the stated
    /// error; sites' document counts are never over.
    static func expectWithinBound(_ bounded: SiteModel, of exact: SiteModel, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(exact.droppedBelow == 0, sourceLocation: sourceLocation)
        for site in bounded.sites {
            let truth = exact.sites.first { $0.host == site.host }?.documents ?? 0
            #expect(site.documents <= truth, sourceLocation: sourceLocation)
        }
        var checked = 0
        for (host, fingerprint, entry) in exact.sortedEntries() {
            let got = bounded.counts(host: host, fingerprint: fingerprint)?.block ?? 0
            #expect(got <= entry.documents, sourceLocation: sourceLocation)
            #expect(got >= entry.documents - bounded.droppedBelow, "\(host) \(entry.sample): \(got) of \(entry.documents), bound \(bounded.droppedBelow)", sourceLocation: sourceLocation)
            checked += 1
        }
        #expect(checked == exact.entryCount, sourceLocation: sourceLocation)
        // Every sample is still its block's text (after pruning, merging and compacting the samples).
        for (_, fingerprint, entry) in bounded.sortedEntries() where entry.sample.utf8.count < SiteModel.sampleLength {
            let bytes = Array(entry.sample.utf8)
            #expect(bytes.withUnsafeBufferPointer { Fingerprint.hash($0, 0..<$0.count) } == fingerprint, sourceLocation: sourceLocation)
        }
    }

    @Test func readingForCleaningKeepsOnlyBlocksThatCanBeRemoved() throws {
        let model = Self.learn(Self.corpus())
        let bytes = SiteModelFile.write(model)
        let small = try SiteModelFile.read(bytes, minDocuments: 5)
        #expect(small.entryCount < model.entryCount)
        #expect(SiteModelFile.write(small) == SiteModelFile.write(model.keeping(minDocuments: 5)))
        #expect(small.sites == model.sites)
        // Cleaning with it gives the same result as with the whole model.
        let whole = try Cleaner(CleanerConfiguration(sites: model))
        let part = try Cleaner(CleanerConfiguration(sites: small))
        for d in Self.corpus() {
            let a = whole.clean(d.text, site: d.host), b = part.clean(d.text, site: d.host)
            #expect(a.text == b.text)
            #expect(a.report.removals.map(\.reason) == b.report.removals.map(\.reason))
        }
        // A repeated block is refused whether it would be kept or not.
        var text = String(decoding: bytes, as: UTF8.self)
        let rare = text.split(separator: "\n").last { $0.hasPrefix("block ") && $0.split(separator: " ")[3] == "1" }!
        text = text.replacingFirst(String(rare) + "\n", with: String(rare) + "\n" + String(rare) + "\n")
        text = text.replacingFirst("entries \(model.entryCount) ", with: "entries \(model.entryCount + 1) ")
        var body = Array(text.utf8)
        body.removeLast(body.count - (body.lastIndex(of: 0x0A, before: body.count - 1)! + 1))
        body += Array("checksum \(SiteModelFile.hex16(SiteModelFile.fnv1a(body[...])))\n".utf8)
        for minDocuments in [1, 5] {
            #expect(throws: SiteModelFile.Problem.self) { try SiteModelFile.read(body, minDocuments: minDocuments) }
        }
    }

    @Test func invalidUTF8InASampleIsWrittenAsValidUTF8() throws {
        var model = SiteModel()
        let document: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20] + Array("au lait\nPlain line here\n".utf8)
        for _ in 0..<3 { document.withUnsafeBufferPointer { model.learn(host: "x.example", document: $0) } }
        let bytes = SiteModelFile.write(model)
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"Caf\u{FFFD} au lait\""))
        let back = try SiteModelFile.read(bytes)
        #expect(SiteModelFile.write(back) == bytes)
    }

    /// A corpus with many distinct blocks, so a small bound prunes again and again: the stated error holds
    /// after every pruning, for learning document by document, in batches of observations, and merging.
    @Test(arguments: [20, 60, 200])
    func theErrorBoundHolds(maxEntries: Int) {
        var docs: [(host: String, text: String)] = []
        var state: UInt64 = 7
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        let words = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath", "inlet", "juniper", "kelp", "larch"]
        for n in 0..<600 {
            let host = "s\(next() % 4).example"
            var lines: [String] = []
            for _ in 0..<(2 + next() % 3) {
                // A skewed choice: some lines are frequent, most rare.
                let a = words[min(next() % 12, next() % 12)], b = words[next() % 12], c = words[next() % 12]
                lines.append("\(a) \(b) \(c)")
            }
            if n % 3 != 0 { lines.append("Template of \(host)") }
            docs.append((host, lines.joined(separator: "\n")))
        }
        let exact = Self.learn(docs)
        let bounded = Self.learn(docs, maxEntries: maxEntries)
        #expect(bounded.entryCount + bounded.sites.count <= maxEntries)
        #expect(bounded.droppedBelow > 0)
        Self.expectWithinBound(bounded, of: exact)
        // Observations added in order give the same model as learning each document.
        var observed = SiteModel(maxEntries: maxEntries)
        for chunk in stride(from: 0, to: docs.count, by: 37) {
            var o = SiteObservations()
            for d in docs[chunk..<min(chunk + 37, docs.count)] { o.observe(host: d.host, document: d.text) }
            observed.learn(o)
        }
        #expect(SiteModelFile.write(observed) == SiteModelFile.write(bounded))
        // Merging bounded shards: the errors add up and still bound every count.
        var merged = Self.learn(docs[..<250], maxEntries: maxEntries)
        merged.merge(Self.learn(docs[250...], maxEntries: maxEntries))
        #expect(merged.entryCount + merged.sites.count <= maxEntries)
        Self.expectWithinBound(merged, of: exact)
    }

    @Test(arguments: [
        ("https://www.Example.com/news/1", "example.com"),
        ("http://user:pw@Example.COM:8080/x?y#z", "example.com"),
        ("example.com", "example.com"),
        ("WWW.example.com.", "example.com"),
        ("  https://news.example.org  ", "news.example.org"),
        ("//cdn.example.net/a.js", "cdn.example.net"),
        ("example.com/redirect?to=https://other.example", "example.com"),
        ("https://[2001:db8::1]:443/x", "[2001:db8::1]"),
        ("https://bücher.example/", "bücher.example"),
        ("www.", nil),
        ("", nil),
        ("https:///path", nil),
        ("exa mple.com", nil),
    ] as [(String, String?)])
    func siteKeys(_ url: String, _ expected: String?) {
        #expect(SiteModel.siteKey(fromURL: Array(url.utf8)) == expected)
        var keys = SiteKeys(limit: 2)
        for _ in 0..<3 {
            let got = Array(url.utf8).withUnsafeBufferPointer { keys.key(fromURL: $0) }
            #expect(got == expected)
        }
        _ = Array("other.example".utf8).withUnsafeBufferPointer { keys.key(fromURL: $0) }
        _ = Array("third.example".utf8).withUnsafeBufferPointer { keys.key(fromURL: $0) }
        #expect(Array(url.utf8).withUnsafeBufferPointer { keys.key(fromURL: $0) } == expected)
        // From a JSON string's raw contents, escapes read.
        let escaped = url.replacingOccurrences(of: "/", with: "\\/")
        #expect(Array(escaped.utf8).withUnsafeBufferPointer { keys.key(fromJSONString: $0) } == expected)
    }

    @Test(arguments: [
        ("", "empty"),
        ("hello\n", "foreign"),
        ("winnow-site-model 2\nsites 0 entries 0 dropped-below 0\nchecksum 0000000000000000\n", "version"),
    ])
    func refusesForeignFiles(_ text: String, _ kind: String) {
        #expect(throws: SiteModelFile.Problem.self) { try SiteModelFile.read(Array(text.utf8)) }
    }

    @Test func refusesTruncatedAndCorruptFiles() throws {
        let bytes = SiteModelFile.write(Self.learn(Self.corpus()))
        // Cut anywhere: refused.
        for cut in stride(from: 1, to: bytes.count - 1, by: max(1, bytes.count / 37)) {
            #expect(throws: SiteModelFile.Problem.self) { try SiteModelFile.read(Array(bytes[..<cut])) }
        }
        // One byte changed in the body: refused by the checksum.
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x01
        #expect(throws: SiteModelFile.Problem.checksumMismatch) { try SiteModelFile.read(flipped) }
        // Counts that do not match the records, with a correct checksum: refused with the line.
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingFirst("sites 3 ", with: "sites 4 ")
        let body = Array(text.utf8.prefix { _ in true })
        let lastLine = body.lastIndex(of: 0x0A, before: body.count - 1)! + 1
        var fixed = Array(body[..<lastLine])
        fixed += Array("checksum \(SiteModelFile.hex16(SiteModelFile.fnv1a(fixed[...])))\n".utf8)
        do {
            _ = try SiteModelFile.read(fixed)
            Issue.record("a model with wrong counts was accepted")
        } catch {
            #expect(error.description.contains("line 2"))
        }
    }

    @Test(arguments: [
        // (documents of the site, documents with the block, prose?, removed?)
        (20, 4, false, false),   // below 5 documents
        (20, 5, false, true),    // 5 of 20 = 25%
        (40, 5, false, false),   // 5 of 40 = 12.5% < 20%
        (9, 9, false, false),    // too few documents to judge the site
        (20, 9, true, false),    // prose needs 10 documents
        (20, 10, true, true),    // and half of the site's
        (30, 12, true, false),   // 40% is not half
    ])
    func thresholds(siteDocuments: Int, withBlock: Int, prose: Bool, removed: Bool) throws {
        let block = prose ? "Our reporters are independent and we correct every mistake we find, always." : "Lue lisää paikallisia uutisia"
        var model = SiteModel()
        for n in 0..<siteDocuments {
            model.learn(host: "t.example", document: "Article \(n) has unique words number \(n * 7919).\n" + (n < withBlock ? block + "\n" : ""))
        }
        let cleaner = try Cleaner(CleanerConfiguration(sites: model))
        let result = cleaner.clean("Fresh article text that the model never saw.\n\(block)\n", site: "t.example")
        let removedIDs = result.report.removals.filter { $0.ruleID == "site-template" }
        #expect(removedIDs.count == (removed ? 1 : 0))
        if removed {
            #expect(removedIDs[0].reason == "appears in \(withBlock) of \(siteDocuments) documents from t.example")
        }
    }

    @Test func eachSitesTemplateGoesAndArticlesStay() throws {
        let docs = Self.corpus()
        let cleaner = try Cleaner(CleanerConfiguration(sites: Self.learn(docs)))
        var templatesRemoved = 0, templates = 0, radio = 0
        for d in docs {
            let result = cleaner.clean(d.text, site: d.host)
            let kept = result.text
            // Every article sentence stays.
            for line in d.text.split(separator: "\n") where line.hasPrefix("The ") || line.hasPrefix("Residents") {
                #expect(kept.contains(line))
            }
            if d.text.contains("Kunjungi") { templates += 1; if !kept.contains("Kunjungi") { templatesRemoved += 1 } }
            // Site 1's radio line is in a third of its documents: a template too.
            if d.text.contains("Ikuti kami") { radio += 1; #expect(!kept.contains("Ikuti kami")) }
        }
        #expect(templates > 0 && templatesRemoved == templates)
        #expect(radio == 10)
    }

    @Test func crawlerMemoryLearnsAsItGoes() throws {
        let memory = SiteMemory()
        let cleaner = try Cleaner(CleanerConfiguration(sites: memory))
        var removedFrom: [Int] = []
        for (n, d) in Self.corpus(sites: 1, perSite: 30).enumerated() {
            let result = cleaner.clean(d.text, site: d.host)
            if result.report.removals.contains(where: { $0.ruleID == "site-template" }) { removedFrom.append(n) }
            memory.observe(host: d.host, document: d.text)
        }
        // Judged from the 11th document on (10 seen), then every document with the template.
        #expect(removedFrom.first == 10 || removedFrom.first == 11)
        #expect(removedFrom.count >= 17)
        let saved = memory.save()
        let loaded = try SiteMemory(file: saved)
        #expect(loaded.save() == saved)
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}

extension Array where Element == UInt8 {
    func lastIndex(of byte: UInt8, before end: Int) -> Int? {
        var i = end - 1
        while i >= 0 { if self[i] == byte { return i }; i -= 1 }
        return nil
    }
}
