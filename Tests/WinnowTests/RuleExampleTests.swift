import Testing
@testable import Winnow

/// Every rule's documented examples, run through a cleaner with the default rules.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var example: RuleExample
        var triggers: Bool
        var testDescription: String { "\(rule) \(triggers ? "triggers" : "does not trigger") at \(example)" }
    }

    static let cases: [Case] = RuleCatalog.descriptions.flatMap { d in
        d.triggering.map { Case(rule: d.id, example: $0, triggers: true) }
            + d.nonTriggering.map { Case(rule: d.id, example: $0, triggers: false) }
    }

    static let cleaner = try! Cleaner()

    /// The cleaner for an example: with site statistics learned from its corpus, when it has one.
    static func cleaner(for example: RuleExample) -> Cleaner {
        guard !example.corpus.isEmpty, let site = example.corpusSite else { return cleaner }
        var model = SiteModel()
        for doc in example.corpus { model.learn(host: site, document: doc) }
        return try! Cleaner(CleanerConfiguration(sites: model))
    }

    @Test("every rule documents examples both ways", arguments: RuleCatalog.descriptions.map(\.id))
    func rulesHaveExamples(id: String) throws {
        let d = try #require(RuleCatalog.descriptions.first { $0.id == id })
        #expect(!d.triggering.isEmpty)
        #expect(!d.nonTriggering.isEmpty)
        #expect(!d.summary.isEmpty && !d.summary.contains("\n"))
    }

    @Test("rule ids are unique") func uniqueIDs() {
        let ids = RuleCatalog.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: cases)
    func example(_ c: Case) {
        let result = Self.cleaner(for: c.example).clean(c.example.input, site: c.example.site)
        if c.triggers {
            #expect(result.text == c.example.expected, "\(c.example)")
            let touched = result.report.removals.map(\.ruleID) + result.report.rewrites.map(\.ruleID)
            #expect(touched.contains(c.rule), "\(c.example): the rule itself must act, got \(touched)")
        } else {
            #expect(result.text == c.example.input, "\(c.example)")
            #expect(result.unchanged)
            #expect(result.report.isEmpty)
        }
    }

    /// The same examples with CRLF line ends: the same lines go, and kept lines keep their CRLF.
    @Test(arguments: cases)
    func exampleWithCRLF(_ c: Case) {
        let input = c.example.input.replacingNewlines(with: "\r\n")
        let result = Self.cleaner(for: c.example).clean(input, site: c.example.site)
        let expected = (c.triggers ? c.example.expected! : c.example.input).replacingNewlines(with: "\r\n")
        #expect(result.text == expected, "\(c.example)")
    }

    /// The same examples after a line of multi-byte text: byte offsets must not drift.
    @Test(arguments: cases)
    func exampleAfterMultibyteLine(_ c: Case) {
        let prefix = "Ærøskøbing – 東京 — Zürich 🚲 «citation» ½.\n"
        let result = Self.cleaner(for: c.example).clean(prefix + c.example.input, site: c.example.site)
        let expected = prefix + (c.triggers ? c.example.expected! : c.example.input)
        #expect(result.text == expected, "\(c.example)")
        for r in result.report.removals {
            #expect(r.range.lowerBound >= prefix.utf8.count)
        }
    }

    /// The same examples inside a longer article: three paragraphs of prose before and after, set off by
    /// blank lines. The article's paragraphs stay and the example comes out as it does alone. (Rules that
    /// read the page's layout judge where a line sits in the page; their examples are whole pages.)
    static let articleBefore = """
        The regional council met on Tuesday to decide the future of the old ferry pier, which has been closed since the winter storms damaged its wooden piles.
        Engineers told the councillors that the repairs would take at least six weeks and cost more than the budget set aside for the harbour this year.

        """
    static let articleAfter = """

        The mayor said the ferry company had agreed to run a replacement boat from the fishing harbour until the pier reopens, with the first crossing at seven in the morning.
        Residents of the islands welcomed the decision, although several of them asked why the repairs had not started in the autumn, when the damage was first reported.

        """

    @Test(arguments: cases.filter { c in !RuleCatalog.all.contains { type(of: $0).description.id == c.rule && $0.usesLayout } && c.example.corpus.isEmpty })
    func exampleInsideALongerArticle(_ c: Case) {
        let input = Self.articleBefore + c.example.input + Self.articleAfter
        let result = Self.cleaner(for: c.example).clean(input, site: c.example.site)
        var body = c.triggers ? c.example.expected! : c.example.input
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        #expect(result.text.hasPrefix(Self.articleBefore), "\(c.example): \(result.text)")
        #expect(result.text.hasSuffix(String(Self.articleAfter.dropFirst())), "\(c.example): \(result.text)")
        #expect(result.text.contains(body.trimmingCharacters(in: .newlines)) || body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "\(c.example): \(result.text)")
        if c.triggers {
            #expect(result.report.removals.map(\.ruleID).contains(c.rule) || result.report.rewrites.map(\.ruleID).contains(c.rule), "\(c.example)")
        }
    }

    /// Disabling a rule stops it from acting on its own examples.
    @Test(arguments: RuleCatalog.descriptions.map(\.id))
    func disabling(id: String) throws {
        let d = try #require(RuleCatalog.descriptions.first { $0.id == id })
        for example in d.triggering {
            var configuration = CleanerConfiguration(disabledRules: [id])
            configuration.sites = Self.cleaner(for: example).configuration.sites
            let cleaner = try Cleaner(configuration)
            #expect(!cleaner.ruleIDs.contains(id))
            let result = cleaner.clean(example.input, site: example.site)
            #expect(!result.report.removals.contains { $0.ruleID == id }, "\(example)")
            #expect(!result.report.rewrites.contains { $0.ruleID == id }, "\(example)")
        }
    }
}

extension String {
    func replacingNewlines(with ending: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ending)
    }
}
