import Foundation
import Testing
@testable import Winnow

/// `winnow learn`, `winnow merge` and `winnow --model`: per-site learning from the command line.
struct SiteCommandTests {
    /// The multi-site corpus of `SiteModelTests` as JSONL, each line with an id, a URL (its host is the
    /// site; `www.` and the port do not count) and the text. Escaped slashes in the URL are read right.
    static func jsonl(_ docs: [(host: String, text: String)], siteField: String = "url", bareHost: Bool = false) -> [UInt8] {
        var out = ""
        for (n, d) in docs.enumerated() {
            let site = bareHost ? d.host : (n % 2 == 0 ? "https://www.\(d.host):443/news/\(n)?ref=1" : "https:\\/\\/\(d.host)\\/a\\/\(n)")
            out += "{\"id\":\"d\(n)\",\"\(siteField)\":\"\(site)\",\"text\":\(jsonString(d.text))}\n"
        }
        return Array(out.utf8)
    }

    static func jsonString(_ s: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed]), as: UTF8.self)
    }

    static let docs = SiteModelTests.corpus(sites: 3, perSite: 30)

    // MARK: learn

    @Test func learnWritesTheModelOfTheLibrary() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let corpus = try dir.write("corpus.jsonl", Self.jsonl(Self.docs))
        let run = try runWinnow(["learn", "--format", "jsonl", "--model", dir.path("m.model"), corpus])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.isEmpty)
        let written = try dir.read("m.model")
        #expect(written == SiteModelFile.write(SiteModelTests.learn(Self.docs)))
        #expect(!FileManager.default.fileExists(atPath: dir.path("m.model.tmp")))
        // To stdout with --model -, from stdin.
        let piped = try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: Self.jsonl(Self.docs))
        #expect(piped.status == 0)
        #expect(piped.stdout == written)
    }

    @Test(arguments: [["--jobs", "1"], ["--jobs", "2"], ["--jobs", "3"], ["--jobs", "2", "--max-entries", "40"], ["--jobs", "1", "--max-entries", "40"]])
    func learningIsDeterministic(_ options: [String]) throws {
        // Many small documents across many batches: the same bytes whatever the threads (and, with a small
        // bound, whatever pruning happens, since documents are added in input order).
        let docs = SiteModelTests.corpus(sites: 5, perSite: 2400)   // about 2.8 MB: three batches
        let input = Self.jsonl(docs)
        let bounded = options.contains("--max-entries")
        let reference = try runWinnow(["learn", "--format", "jsonl", "--model", "-", "--jobs", "1"] + (bounded ? ["--max-entries", "40"] : []), stdin: input)
        let run = try runWinnow(["learn", "--format", "jsonl", "--model", "-"] + options, stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout == reference.stdout)
        var library = SiteModel(maxEntries: bounded ? 40 : SiteModel.defaultMaxEntries)
        for d in docs { library.learn(host: d.host, document: d.text) }
        #expect(run.stdout == SiteModelFile.write(library))
    }

    @Test func shardsLearnedSeparatelyAndMergedEqualTheWhole() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let lines = CorpusFixtures.lines(Self.jsonl(Self.docs))
        let cuts = [0, 17, 50, lines.count]
        var shards: [String] = []
        for k in 0..<3 {
            let part: [UInt8] = lines[cuts[k]..<cuts[k + 1]].flatMap { $0 + [0x0A] }
            let path = try dir.write("part-\(k).jsonl", part)
            let model = dir.path("part-\(k).model")
            let run = try runWinnow(["learn", "--format", "jsonl", "--model", model, path])
            #expect(run.status == 0)
            shards.append(model)
        }
        let whole = try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: Self.jsonl(Self.docs))
        for order in [shards, shards.reversed(), [shards[1], shards[2], shards[0]]] {
            let merged = try runWinnow(["merge", "--model", dir.path("merged.model")] + order)
            #expect(merged.status == 0)
            #expect(merged.stderr.isEmpty)
            #expect(try dir.read("merged.model") == whole.stdout)
        }
    }

    @Test func siteFieldWithABareHost() throws {
        let byURL = try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: Self.jsonl(Self.docs))
        let byHost = try runWinnow(["learn", "--format", "jsonl", "--site-field", "source", "--model", "-"],
                                   stdin: Self.jsonl(Self.docs, siteField: "source", bareHost: true))
        #expect(byHost.status == 0)
        #expect(byHost.stdout == byURL.stdout)
        // Without --site-field, those lines have no site: nothing learned, and stderr says why.
        let none = try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: Self.jsonl(Self.docs, siteField: "source", bareHost: true))
        #expect(none.status == 0)
        #expect(none.stderr.contains("90 documents without a site"))
        #expect(String(decoding: none.stdout, as: UTF8.self).contains("sites 0 entries 0"))
    }

    @Test func textInputWithSite() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let site0 = Self.docs.filter { $0.host == "site0.example" }
        var files: [String] = []
        for (n, d) in site0.enumerated() { files.append(try dir.write("doc-\(n).txt", Array(d.text.utf8))) }
        let run = try runWinnow(["learn", "--site", "https://WWW.Site0.example/", "--model", "-"] + files)
        #expect(run.status == 0)
        var library = SiteModel()
        for d in site0 { library.learn(host: "site0.example", document: d.text) }
        #expect(run.stdout == SiteModelFile.write(library))
        let model = try dir.write("m.model", run.stdout)
        let cleaned = try runWinnow(["--site", "site0.example", "--model", model, "--explain", files[1]])
        #expect(cleaned.status == 0)
        #expect(!cleaned.stdoutText.contains("Kunjungi"))
        #expect(cleaned.stderr.contains("site-template: appears in 27 of 30 documents from site0.example"))
    }

    // MARK: clean with --model

    @Test func modelRemovesEachSitesTemplateWithItsReason() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let input = Self.jsonl(Self.docs)
        let learn = try runWinnow(["learn", "--format", "jsonl", "--model", dir.path("m.model")], stdin: input)
        #expect(learn.status == 0)
        let run = try runWinnow(["--format", "jsonl", "--model", dir.path("m.model"), "--explain", "--removed-out", dir.path("removed.jsonl")], stdin: input)
        #expect(run.status == 0)
        let out = CorpusFixtures.lines(run.stdout)
        #expect(out.count == Self.docs.count)
        for (n, line) in out.enumerated() {
            let text = try #require(CorpusFixtures.object(line)?["text"] as? String)
            #expect(!text.contains("Kunjungi"))
            #expect(!text.contains("Ikuti kami"))
            for sentence in Self.docs[n].text.split(separator: "\n") where sentence.hasPrefix("The ") || sentence.hasPrefix("Residents") {
                #expect(text.contains(sentence))
            }
        }
        #expect(run.stderr.contains("site-template: appears in 27 of 30 documents from site0.example"))
        #expect(run.stderr.contains("site-template: appears in 10 of 30 documents from site1.example"))
        let removed = String(decoding: try dir.read("removed.jsonl"), as: UTF8.self)
        #expect(removed.contains(#""rule":"site-template","reason":"appears in 27 of 30 documents from site2.example","text":"Kunjungi situs site2.example untuk berita lokal lainnya""#))
        // Without the model nothing of the template goes.
        let plain = try runWinnow(["--format", "jsonl"], stdin: input)
        #expect(plain.stdoutText.contains("Kunjungi"))
    }

    /// The review page shows what the run removes: with --model, the template blocks too.
    @Test func reviewPageUsesTheModel() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let input = Self.jsonl(Self.docs)
        #expect(try runWinnow(["learn", "--format", "jsonl", "--model", dir.path("m.model")], stdin: input).status == 0)
        let run = try runWinnow(["--format", "jsonl", "--model", dir.path("m.model"), "--review-html", dir.path("r.html")], stdin: input)
        #expect(run.status == 0)
        let page = String(decoding: try dir.read("r.html"), as: UTF8.self)
        #expect(page.contains("appears in 27 of 30 documents from site0.example"))
        let plain = try runWinnow(["--format", "jsonl", "--review-html", dir.path("plain.html")], stdin: input)
        #expect(plain.status == 0)
        #expect(!String(decoding: try dir.read("plain.html"), as: UTF8.self).contains("appears in"))
    }

    @Test func linesWithoutASiteAreCleanedWithoutTheModel() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let model = try dir.write("m.model", try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: Self.jsonl(Self.docs)).stdout)
        let input = Array(#"""
            {"id":1,"text":"A new story.\nKunjungi situs site0.example untuk berita lokal lainnya\n"}
            {"id":2,"url":null,"text":"A new story.\nKunjungi situs site0.example untuk berita lokal lainnya\n"}
            {"id":3,"url":"https://site0.example/x","text":"A new story.\nKunjungi situs site0.example untuk berita lokal lainnya\n"}

            """#.utf8)
        let run = try runWinnow(["--format", "jsonl", "--model", model], stdin: input)
        #expect(run.status == 0)
        let out = CorpusFixtures.lines(run.stdout)
        #expect(out[0] == CorpusFixtures.lines(input)[0])
        #expect(out[1] == CorpusFixtures.lines(input)[1])
        #expect(!String(decoding: out[2], as: UTF8.self).contains("Kunjungi"))
        #expect(run.stderr == "winnow: 2 documents without a site (no --site and no host in a \"url\" field): cleaned without the site model\n")
    }

    // MARK: bad models

    enum BadModel: String, CaseIterable { case empty, foreign, corpus, truncated, corrupt, version }

    static func badModel(_ kind: BadModel) -> [UInt8] {
        let good = SiteModelFile.write(SiteModelTests.learn(docs))
        switch kind {
        case .empty: return []
        case .foreign: return Array("hello\n".utf8)
        case .corpus: return jsonl(docs)
        case .truncated: return Array(good[..<(good.count * 2 / 3)])
        case .corrupt:
            var b = good
            b[b.count / 2] ^= 0x20
            return b
        case .version:
            return Array(String(decoding: good, as: UTF8.self).replacingFirst("winnow-site-model 1", with: "winnow-site-model 9").utf8)
        }
    }

    @Test(arguments: BadModel.allCases)
    func badModelIsRefusedBeforeAnyInput(_ kind: BadModel) throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let model = try dir.write("bad.model", Self.badModel(kind))
        let run = try runWinnow(["--format", "jsonl", "--model", model], stdin: Self.jsonl(Self.docs))
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("winnow: \(model): "))
        #expect(run.stderr.split(separator: "\n").count == 1)
        let expected = kind == .version ? "version 9 is not supported" : kind == .corrupt ? "corrupt" : kind == .truncated ? "truncated" : "not a winnow site model"
        #expect(run.stderr.contains(expected))
        // merge refuses it too, and writes nothing.
        let good = try dir.write("good.model", SiteModelFile.write(SiteModelTests.learn(Self.docs)))
        let merge = try runWinnow(["merge", "--model", dir.path("out.model"), good, model])
        #expect(merge.status == 65)
        #expect(merge.stderr.hasPrefix("winnow: \(model): "))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.model")))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out.model.tmp")))
    }

    @Test func missingModelIsStatus66() throws {
        let run = try runWinnow(["--format", "jsonl", "--model", "/nonexistent/m.model"], stdin: Self.jsonl(Self.docs))
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("cannot open /nonexistent/m.model"))
    }

    @Test func aFailedLearnLeavesTheOldModel() throws {
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let old = try dir.write("m.model", SiteModelFile.write(SiteModelTests.learn(Self.docs)))
        let input = Self.jsonl(Self.docs) + Array("{\"text\":7}\n".utf8)
        let run = try runWinnow(["learn", "--format", "jsonl", "--strict", "--model", old], stdin: input)
        #expect(run.status == 65)
        #expect(run.stderr == "winnow: stdin:91: field value is number, not a string\n")
        #expect(try dir.read("m.model") == SiteModelFile.write(SiteModelTests.learn(Self.docs)))
    }

    // MARK: the bound

    @Test func maxEntriesBoundsTheModelAndStatesItsError() throws {
        let docs = SiteModelTests.corpus(sites: 5, perSite: 200)
        let input = Self.jsonl(docs)
        let exactRun = try runWinnow(["learn", "--format", "jsonl", "--model", "-"], stdin: input)
        let boundedRun = try runWinnow(["learn", "--format", "jsonl", "--model", "-", "--max-entries", "300", "--stats"], stdin: input)
        #expect(boundedRun.status == 0)
        #expect(boundedRun.stderr.contains("counts under by at most"))
        let exact = try SiteModelFile.read(exactRun.stdout)
        let bounded = try SiteModelFile.read(boundedRun.stdout)
        #expect(exact.droppedBelow == 0)
        #expect(exact.entryCount > 500)
        #expect(bounded.entryCount + bounded.sites.count <= 300)
        #expect(bounded.droppedBelow > 0)
        SiteModelTests.expectWithinBound(bounded, of: exact)
        // Merging bounded models keeps the bound (their errors add up).
        let lines = CorpusFixtures.lines(input)
        let half = lines.count / 2
        let a = try runWinnow(["learn", "--format", "jsonl", "--model", "-", "--max-entries", "300"], stdin: lines[..<half].flatMap { $0 + [UInt8(0x0A)] })
        let b = try runWinnow(["learn", "--format", "jsonl", "--model", "-", "--max-entries", "300"], stdin: lines[half...].flatMap { $0 + [UInt8(0x0A)] })
        let dir = try TemporaryFolder()
        defer { dir.remove() }
        let merged = try runWinnow(["merge", "--max-entries", "300", "--model", "-", try dir.write("a", a.stdout), try dir.write("b", b.stdout)])
        let mergedModel = try SiteModelFile.read(merged.stdout)
        #expect(mergedModel.entryCount + mergedModel.sites.count <= 300)
        SiteModelTests.expectWithinBound(mergedModel, of: exact)
        // The templates are the most frequent blocks: the bounded model still removes them.
        let model = try dir.write("bounded.model", boundedRun.stdout)
        let clean = try runWinnow(["--format", "jsonl", "--model", model], stdin: input)
        #expect(!clean.stdoutText.contains("Kunjungi"))
    }

    // MARK: usage

    @Test(arguments: [
        ["learn", "--format", "jsonl"],                               // no --model
        ["learn", "--model", "m"],                                    // text without --site
        ["learn", "--format", "jsonl", "--model", "m", "--annotate"], // a cleaning option
        ["merge", "--model", "m"],                                    // nothing to merge
        ["merge", "--model", "m", "--format", "jsonl", "a"],
        ["--model", "m"],                                             // text without --site
        ["--format", "jsonl", "--model", "-"],
        ["--max-entries", "5", "--format", "jsonl"],                  // learn and merge only
        ["learn", "--format", "jsonl", "--model", "m", "--max-entries", "0"],
        ["learn", "--format", "jsonl", "--site", "", "--model", "m"],
        ["learn", "--format", "jsonl", "--model", "a.jsonl", "a.jsonl"],
    ])
    func usageErrors(_ args: [String]) throws {
        let run = try runWinnow(args)
        #expect(run.status == 64)
        #expect(run.stderr.contains("usage: winnow"))
        #expect(run.stdout.isEmpty)
    }

    @Test func helpNamesTheSubcommands() throws {
        let help = try runWinnow(["--help"])
        #expect(help.stdoutText.contains("winnow learn"))
        #expect(help.stdoutText.contains("winnow merge"))
        #expect(help.stdoutText.contains("--max-entries N     learn, merge: keep at most N"))
        let rules = try runWinnow(["rules"])
        #expect(rules.stdoutText.contains("site-template"))
    }
}
