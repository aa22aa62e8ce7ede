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
