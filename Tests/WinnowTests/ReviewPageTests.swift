import Foundation
import Testing
@testable import Winnow

private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// `winnow --review-html`: the page's struck blocks, rules, reasons, rewrites and counts; escaping of hostile
/// text; --review-limit; JSONL input.
struct ReviewPageTests {
    /// Every element the page may contain. Anything else in it would be document text turned into markup.
    static let allowedTags: Set<String> = ["!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                                           "p", "code", "table", "thead", "tbody", "tr", "th", "td", "span", "ins", "del",
                                           "nav", "ol", "li", "a", "main", "section", "small", "div", "b"]

    static func tags(_ page: String) -> Set<String> {
        var tags: Set<String> = []
        var rest = page[...]
        while let lt = rest.firstIndex(of: "<") {
            let name = rest[rest.index(after: lt)...].prefix { $0.isLetter || $0.isNumber || $0 == "!" || $0 == "/" }
            tags.insert(String(name.drop { $0 == "/" }))
            rest = rest[rest.index(after: lt)...]
        }
        return tags
    }

    /// The page must be self-contained: no scripts, no resources fetched, no tags outside the page's own, and
    /// no attributes but the page's own (document text cannot hold `<` or `>`, so every `<...>` is markup).
    static func expectSelfContained(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(tags(page).isSubset(of: allowedTags), "\(tags(page).subtracting(allowedTags))", sourceLocation: sourceLocation)
        // Attribute names, outside the quoted values (which are escaped text).
        let allowedAttributes: Set<String> = ["class", "id", "href", "title", "lang", "charset", "http-equiv", "content", "name"]
        for tag in page.split(separator: "<").dropFirst().map({ $0.prefix { $0 != ">" } }) {
            var outside = ""
            var quoted = false
            for c in tag {
                if c == "\"" { quoted.toggle(); continue }
                if !quoted { outside.append(c) }
            }
            let names = outside.split(separator: " ").dropFirst().compactMap { $0.split(separator: "=").first.map(String.init) }
            #expect(Set(names).isSubset(of: allowedAttributes), "<\(tag)>", sourceLocation: sourceLocation)
        }
        for link in page.components(separatedBy: "href=\"").dropFirst() {
            #expect(link.hasPrefix("#d"), sourceLocation: sourceLocation)
        }
        #expect(!page.contains("url(") && !page.contains("@import"), sourceLocation: sourceLocation)
        #expect(page.contains("Content-Security-Policy"), sourceLocation: sourceLocation)
    }

    /// The rows of removed lines: (rule class, the `del` titles, the struck texts).
    static func removedRows(_ page: String) -> [(rule: String, titles: [String], texts: [String])] {
        page.components(separatedBy: "<div class=\"row rm r-").dropFirst().map { chunk in
            let rule = String(chunk.prefix { $0 != "\"" })
            let row = chunk.components(separatedBy: "<div class=\"note\">")[0]
            var titles: [String] = [], texts: [String] = []
            for del in row.components(separatedBy: "<del title=\"").dropFirst() {
                let parts = del.components(separatedBy: "\">")
                titles.append(parts[0])
                texts.append(parts[1].components(separatedBy: "</del>")[0])
            }
            return (rule, titles, texts)
        }
    }

    @Test func sampleShowsEachRemovalWithItsRuleAndReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sample = PackagePaths.samples.appendingPathComponent("harbour-ferry.txt").path
        let htmlPath = folder.path("review.html")
        let run = try runWinnow(["--review-html", htmlPath, sample])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        // The normal output is unchanged.
        let expected = try Data(contentsOf: PackagePaths.samples.appendingPathComponent("harbour-ferry.expected.txt"))
        #expect(run.stdout == Array(expected))
        let page = String(decoding: try folder.read("review.html"), as: UTF8.self)
        Self.expectSelfContained(page)

        // What the library reports for the same document, line by line.
        let input = Array(try Data(contentsOf: URL(fileURLWithPath: sample)))
        let report = try Cleaner().clean(input).report
        #expect(report.removals.count == 11)
        let rows = Self.removedRows(page)
        let shown = rows.flatMap { row in zip(row.titles, row.texts).map { (row.rule, $0, $1) } }
        #expect(shown.count == report.removals.count)
        for (removal, (rule, title, text)) in zip(report.removals, shown) {
            #expect(rule == removal.ruleID)
            #expect(title == ReviewPage.escaped("line \(removal.line) \(removal.ruleID): \(removal.reason)"))
            var line = Array(input[removal.range])
            while line.last == 0x0A || line.last == 0x0D { line.removeLast() }
            #expect(text == ReviewPage.escaped(String(decoding: line, as: UTF8.self)))
        }
        // Each line has a reason of its own here, so each has its own row and side note, naming the line,
        // the rule and the reason.
        #expect(rows.count == 11)
        #expect(page.contains("<div class=\"note\"><b>L15 payment-details</b> payment details: IBAN \u{201C}DE12 5001 0517 0648 4898 90\u{201D}</div>"))
        #expect(page.contains("<b>L22 comment-section</b> comment-section residue: \u{201C}leave a reply\u{201D}"))
        // Kept text is plain, outside any del.
        #expect(page.contains("<div class=\"row\"><div class=\"t\">NORDHAVN \u{2013} The ferry link"))
        // The three joined bullets are underlined, the original in the title.
        #expect(page.components(separatedBy: "<ins title=\"").count - 1 == 3)
        #expect(page.contains("<ins title=\"line 5 list-markup: joined the bullet \u{201C}\u{2022}\u{201D} alone on its line with its item\nwas:\n\u{2022}\nDepartures every 40 minutes instead of every hour at peak times.\">- Departures every 40 minutes instead of every hour at peak times.\n</ins>"))
        // Per-rule counts: blocks and bytes as the report gives them; rules with none are listed apart.
        for rule in ["donation-appeal", "payment-details", "comment-section"] {
            let removals = report.removals.filter { $0.ruleID == rule }
            let bytes = removals.reduce(0) { $0 + $1.range.count }
            #expect(page.contains("<tr class=\"r-\(rule)\"><td><span class=\"sw\"></span>\(rule)</td><td>\(removals.count)</td><td>\(bytes)</td></tr>"))
        }
        #expect(page.contains("<td><ins>rewritten</ins> (list markup)</td><td>3</td>"))
        #expect(page.contains("No removals by repeated-block, share-prompt"))
        #expect(page.contains("1 document shown, 1 changed"))
        // Each rule has its colour.
        #expect(page.contains(".r-donation-appeal{--c:#"))
    }

    static let paragraph = "The council met on Monday to discuss the budget and the plan for the harbour, which has been delayed twice."

    /// A hostile fragment in a removed line (page furniture above the body), in a rewritten list item and in
    /// a kept sentence.
    @Test(arguments: [
        bytes("<script>alert(1)</script>"),
        bytes("\"><img src=x onerror=alert(1)>"),
        bytes("&amp; literal"),
        bytes("it's \"quoted\" </div></del>"),
        [0xFF, 0xC3, 0x20, 0xED, 0xA0, 0x80] + bytes(" bytes"),
    ])
    func hostileTextStaysText(_ hostile: [UInt8]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var input = hostile + bytes("\nHome\nNews\n\(Self.paragraph)\n\u{2022}\nItem ") + hostile
        input += bytes("\n\(Self.paragraph)\n\(Self.paragraph)\nKept ") + hostile + bytes(" here, in a sentence of the article.\n")
        let run = try runWinnow(["--review-html", folder.path("r.html")], stdin: input)
        #expect(run.status == 0)
        let raw = try folder.read("r.html")
        let page = try #require(String(validating: raw, as: UTF8.self), "the page is valid UTF-8")
        Self.expectSelfContained(page)
        let escaped = ReviewPage.escaped(String(decoding: hostile, as: UTF8.self))
        #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
        // Removed (struck), rewritten (in the ins and its title) and kept.
        let rows = Self.removedRows(page)
        if hostile.first == 0x3C && hostile.last == 0x3E {
            // A line of raw HTML is markup-residue's; the two short lines after it go as page furniture.
            #expect(rows.first?.rule == "markup-residue")
            #expect(rows.first?.texts == [escaped])
            #expect(rows.dropFirst().first?.rule == "page-furniture")
            #expect(rows.dropFirst().first?.texts == ["Home", "News"])
            #expect(page.contains("<b>L2\u{2013}3 page-furniture</b> short line outside the article body"))
        } else {
            #expect(rows.first?.rule == "page-furniture")
            // The three short lines above the body go for the same reason: one row, one note, a title per line.
            #expect(rows.first?.texts == [escaped, "Home", "News"])
            #expect(rows.first?.titles.map { $0.hasPrefix("line ") } == [true, true, true])
            #expect(page.contains("<b>L1\u{2013}3 page-furniture</b> short line outside the article body"))
        }
        #expect(page.contains("\">- Item \(escaped)\n</ins>"))
        #expect(page.contains("was:\n\u{2022}\nItem \(escaped)\">"))
        #expect(page.contains("Kept \(escaped) here"))
        if hostile.contains(0xFF) {
            #expect(escaped.hasPrefix("\u{FFFD}\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD} bytes"))
        }
        if hostile == bytes("&amp; literal") { #expect(page.contains("Kept &amp;amp; literal here")) }
    }

    @Test func hostileNamesAndIdsAreEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let name = "a<b>&'\"x.jsonl"
        let path = try folder.write(name, bytes(#"{"id":"<script>x</script>","text":"A story.\nDonate now\n"}"# + "\n"))
        let run = try runWinnow(["--format", "jsonl", "--review-html", folder.path("r.html"), path])
        #expect(run.status == 0)
        let page = String(decoding: try folder.read("r.html"), as: UTF8.self)
        Self.expectSelfContained(page)
        #expect(page.contains(ReviewPage.escaped(path) + ":1 <span class=\"id\">id &lt;script&gt;x&lt;/script&gt;</span>"))
        #expect(page.contains("a&lt;b&gt;&amp;&#39;&quot;x.jsonl"))
    }

    static func jsonlLines(_ n: Int) -> [UInt8] {
        var s = ""
        for i in 1...n { s += #"{"id":"doc-\#(i)","body":"Report number \#(i) from the harbour.\nDonate now\n"}"# + "\n" }
        return bytes(s)
    }

    @Test(arguments: [1, 2, 5, 7])
    func reviewLimitCapsTheDocuments(_ limit: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = Self.jsonlLines(5)
        let run = try runWinnow(["--format", "jsonl", "--field", "body", "--review-html", folder.path("r.html"),
                                 "--review-limit", String(limit), "--jobs", "2"], stdin: input)
        #expect(run.status == 0)
        let page = String(decoding: try folder.read("r.html"), as: UTF8.self)
        let shown = min(limit, 5)
        #expect(page.components(separatedBy: "<section class=\"doc\"").count - 1 == shown)
        #expect(page.contains("\(shown) document\(shown == 1 ? "" : "s") shown, \(shown) changed"))
        // The first documents, in order.
        #expect(page.contains("<h2><span class=\"n\">\(shown)</span> stdin:\(shown) <span class=\"id\">id doc-\(shown)</span>"))
        #expect(!page.contains("stdin:\(shown + 1) "))
        // The whole run's counts appear beside the page's only when the page shows part of it.
        #expect(page.contains("(the run cleaned 5)") == (shown < 5))
        #expect(page.contains("<td>\(shown)</td><td>\(11 * shown)</td><td>5</td><td>55</td>") == (shown < 5))
    }

    @Test func textDocumentsAreCappedToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let files = try (1...3).map { try folder.write("t\($0).txt", bytes("Story \($0).\nDonate now\n")) }
        let run = try runWinnow(["--review-html", folder.path("r.html"), "--review-limit", "2"] + files)
        #expect(run.status == 0)
        #expect(run.stdoutText == "Story 1.\nStory 2.\nStory 3.\n")
        let page = String(decoding: try folder.read("r.html"), as: UTF8.self)
        #expect(page.components(separatedBy: "<section class=\"doc\"").count - 1 == 2)
        #expect(page.contains(ReviewPage.escaped(files[1]) + " <small>"))
        #expect(!page.contains(ReviewPage.escaped(files[2]) + " <small>"))
    }

    @Test func jsonlOutputIsUnchangedAndBadLinesAreNotDocuments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = bytes("""
            {"id":1,"text":"Plain news with nothing to remove."}
            not json

            {"id":{"site":"x"},"text":"Second story.\\r\\nComments are closed.\\r\\n"}

            """)
        let plain = try runWinnow(["--format", "jsonl"], stdin: input)
        let run = try runWinnow(["--format", "jsonl", "--review-html", folder.path("r.html")], stdin: input)
        #expect(run.status == 0)
        #expect(run.stdout == plain.stdout)
        #expect(run.stderr == plain.stderr)
        let page = String(decoding: try folder.read("r.html"), as: UTF8.self)
        #expect(page.components(separatedBy: "<section class=\"doc\"").count - 1 == 2)
        #expect(page.contains("stdin:1 <span class=\"id\">id 1</span> <small>1 line, 34 bytes; no change</small>"))
        #expect(page.contains("stdin:4 <span class=\"id\">id {&quot;site&quot;:&quot;x&quot;}</span>"))
        #expect(Self.removedRows(page).map(\.texts) == [["Comments are closed."]])
        #expect(page.contains("<div class=\"row\"><div class=\"t\">Plain news with nothing to remove.</div></div>"))
    }

    @Test func strictStopStillWritesThePage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let input = bytes("{\"text\":\"One.\\nDonate now\"}\n{\"text\":7}\n{\"text\":\"Three.\"}\n")
        let run = try runWinnow(["--format", "jsonl", "--strict", "--review-html", folder.path("r.html")], stdin: input)
        #expect(run.status == 65)
        let page = String(decoding: try folder.read("r.html"), as: UTF8.self)
        #expect(page.components(separatedBy: "<section class=\"doc\"").count - 1 == 1)
        #expect(page.contains("stdin:1 <small>"))
    }

    @Test(arguments: [
        (["--review-limit", "3"], Int32(64), "--review-limit applies to the --review-html page"),
        (["--review-html", "/tmp/x.html", "--review-limit", "0"], Int32(64), "--review-limit needs a number"),
        (["--review-html", "/nonexistent/folder/r.html"], Int32(74), "cannot create /nonexistent/folder/r.html"),
    ])
    func optionErrors(_ args: [String], _ status: Int32, _ message: String) throws {
        let run = try runWinnow(args, stdin: bytes("A.\n"))
        #expect(run.status == status)
        #expect(run.stderr.contains(message))
        #expect(run.stdout.isEmpty)
    }

    @Test func helpListsTheReviewOptions() throws {
        let run = try runWinnow(["--help"])
        #expect(run.stdoutText.contains("--review-html FILE"))
        #expect(run.stdoutText.contains("--review-limit N"))
    }
}
