import Testing
@testable import Winnow

/// After the article body, a line that does not read as a sentence alone between two removed blocks goes
/// (`Resolver`), however long; a sentence there stays, and so does any line before the body.
struct ResolverTests {
    static let paragraph = "The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier."
    static let slogan = "Harbour Voice is the leading news source for the islands featuring daily headlines and reviews"
    static let closing = "Tickets for the first crossings go on sale at the kiosk on Friday."

    /// Resolves `lines` with definite findings of a rule in slot 1 on `removed`, the body on `core` (the page's
    /// prose after it is long enough that the page's tail does not start at its first removed block).
    static func decide(_ lines: [String], removed: [Int], core: Range<Int>) -> [Resolver.Decision?] {
        var text = Array(lines.joined(separator: "\n").utf8)
        return text.withUnsafeMutableBufferPointer { mutable in
            let bytes = UnsafeBufferPointer(mutable)
            let blocks = Document(bytes: bytes).blocks
            let none = [Bool](repeating: false, count: blocks.count)
            var layout = ArticleBody(blocks: blocks, isMenu: none, ignoring: none)
            layout.core = core
            var findings = removed.map { Finding(block: $0, strength: .definite, evidence: .cues([], coverage: 1)) }
            for k in findings.indices { findings[k].ruleSlot = 1 }
            var decisions = [Resolver.Decision?](repeating: nil, count: blocks.count)
            Resolver.resolve(blocks: blocks, findings: findings, decisions: &decisions, repeatSlot: nil, bytes: bytes,
                             layout: layout, furnitureSlot: 0, bullets: none)
            return decisions
        }
    }

    /// The body (three paragraphs), two removed prompts around a line, and a long closing part of prose.
    static func page(_ middle: String) -> [String] {
        [paragraph, paragraph, paragraph, "Share on Facebook", middle, "Sign up for our newsletter"] + Array(repeating: closing, count: 4)
    }

    @Test func aLongLineThatIsNoSentenceGoes() {
        let decisions = Self.decide(Self.page(Self.slogan), removed: [3, 5], core: 0..<3)
        #expect(decisions[4]?.cause == .aloneAfterBody(3, 5, core: 0..<3))
        #expect(decisions[4]?.slot == 0)
        for k in 6..<10 { #expect(decisions[k] == nil) }
    }

    @Test func aSentenceStays() {
        let decisions = Self.decide(Self.page(Self.closing), removed: [3, 5], core: 0..<3)
        #expect(decisions[4] == nil)
    }

    @Test func beforeTheBodyItStays() {
        let lines = ["Share on Facebook", Self.slogan, "Sign up for our newsletter"] + Array(repeating: Self.paragraph, count: 4)
        let decisions = Self.decide(lines, removed: [0, 2], core: 3..<7)
        #expect(decisions[1] == nil)
    }

    /// A line that introduces a list or a quote with a colon stays.
    @Test func aLeadInStays() {
        let decisions = Self.decide(Self.page("The new weekday departures from the north pier as listed by the company:"), removed: [3, 5], core: 0..<3)
        #expect(decisions[4] == nil)
    }

    /// Between an image credit and a video player's text (removals that stand inside articles, not the page's
    /// tail), an article's subheading stays, and so does the list under it.
    @Test func betweenACreditAndAPlayerItStays() {
        let heading = "What the regulars ordered on Saturday morning before the music started at ten"
        let text = (["Island bakery celebrates its hundredth summer", "By Anna Berg"] + Array(repeating: Self.paragraph, count: 4)
                    + ["Photo: Anna Berg/Island Times", heading, "Video: 2:31", "- Cinnamon buns, the bakery's bestseller since 1925",
                       "- Rye bread with caraway seeds", "Share this article", ""]).joined(separator: "\n")
        let result = Self.cleaner.clean(text)
        #expect(result.text.contains(heading))
        #expect(result.text.contains("Rye bread with caraway seeds"))
    }

    static let cleaner = try! Cleaner()

    @Test func aLineWithAKeptNeighbourStays() {
        var lines = Self.page(Self.slogan)
        lines.insert("Island Life Weekly", at: 5)
        let decisions = Self.decide(lines, removed: [3, 6], core: 0..<3)
        #expect(decisions[4] == nil)
    }
}

/// `Rule.hidesNeighbours`: lines of a list of related links (its heading, its items, lines that went with them) hide
/// what lies beyond them from the resolver's search for a lone sentence's neighbours; a single labelled link does not,
/// and no other rule's lines do.
struct HidesNeighboursTests {
    @Test(arguments: [(Finding.Evidence?.none, true), (.listUnder(heading: 0), true),
                      (.cues([], coverage: RelatedLinksRule.headingCoverage), true), (.cues([], coverage: 0.3), false)])
    func relatedLinks(evidence: Finding.Evidence?, hides: Bool) {
        #expect(RelatedLinksRule().hidesNeighbours(evidence) == hides)
    }

    /// After the body and a share prompt that starts the page's tail, a teaser's blurb between a related list's item
    /// and a date goes as a lone sentence: the list's lines hide the article's paragraphs before them. When the list's
    /// lines are looked through (a rule that does not hide them), the blurb's nearest line is a paragraph and it stays.
    @Test(arguments: [true, false])
    func aTeaserBlurbUnderARelatedList(listRuleHides: Bool) {
        let lines = Array(repeating: ResolverTests.paragraph, count: 3)
            + ["Share on Facebook", "You may also like", "Island bakery reports its best summer in a decade",
               "Bakers on the north island sold more bread than ever this year.", "12 June 2024"]
        var text = Array(lines.joined(separator: "\n").utf8)
        let decisions = text.withUnsafeMutableBufferPointer { mutable in
            let bytes = UnsafeBufferPointer(mutable)
            let blocks = Document(bytes: bytes).blocks
            let none = [Bool](repeating: false, count: blocks.count)
            var layout = ArticleBody(blocks: blocks, isMenu: none, ignoring: none)
            layout.core = 0..<3
            var findings = [Finding(block: 3, strength: .definite, evidence: .cues([], coverage: 1)),
                            Finding(block: 4, strength: .definite, evidence: .cues([], coverage: 1)),
                            Finding(block: 5, strength: .definite, evidence: .listUnder(heading: 4))]
            findings[0].ruleSlot = 2
            findings[1].ruleSlot = 1
            findings[2].ruleSlot = 1
            let list: any Rule = listRuleHides ? RelatedLinksRule() : SharePromptRule()
            var decisions = [Resolver.Decision?](repeating: nil, count: blocks.count)
            Resolver.resolve(blocks: blocks, findings: findings, decisions: &decisions, repeatSlot: nil, bytes: bytes,
                             layout: layout, furnitureSlot: 0, rules: [PageFurnitureRule(), list, SharePromptRule()], bullets: none)
            return decisions
        }
        if listRuleHides {
            #expect(decisions[6]?.cause == .loneBeyondMarker(3, core: 0..<3))
        } else {
            #expect(decisions[6] == nil)
        }
    }

    @Test func otherRulesDoNot() throws {
        for rule in try Cleaner().rules where !(rule is RelatedLinksRule) {
            #expect(!rule.hidesNeighbours(nil), "\(type(of: rule))")
            #expect(!rule.hidesNeighbours(.listUnder(heading: 0)), "\(type(of: rule))")
        }
    }
}

/// A short line between two removed blocks goes, but not where it is the article's: with the article's paragraphs on both
/// sides of the three (a subheading between an advertisement's label and a newsletter box), or after a line that stands
/// inside articles (a photo's credit before the article's last line).
struct ShortLineContextTests {
    static let cleaner = try! Cleaner()
    static let opening = "The harbour board questioned the contractor on Monday over repairs that ran six months late and far over budget."
    static let closing = "The contractor's owner is the chairman's cousin, and the company was founded a month before the first contract."

    @Test func aSubheadingBetweenTwoBoxesInsideTheArticleStays() {
        let text = [Self.opening, "Advertisement", "The chairman's cousin", "Sign up for our newsletter", Self.closing].joined(separator: "\n") + "\n"
        let result = Self.cleaner.clean(text)
        #expect(result.text.contains("The chairman's cousin\n"))
        #expect(!result.text.contains("Advertisement"))
        #expect(!result.text.contains("Sign up for our newsletter"))
    }

    @Test func betweenTwoBoxesAfterTheArticleItGoes() {
        let text = [Self.opening, Self.closing, "Advertisement", "Harbour Voice Weekly", "Sign up for our newsletter"].joined(separator: "\n") + "\n"
        let result = Self.cleaner.clean(text)
        #expect(!result.text.contains("Harbour Voice Weekly"))
    }

    @Test func aLastLineAfterAPhotoCreditStays() {
        let text = [Self.opening, Self.closing, "Photo: Anna Berg/Island Times", "Next board meeting: Thursday 18:00"].joined(separator: "\n") + "\n"
        let result = Self.cleaner.clean(text)
        #expect(result.text.contains("Next board meeting: Thursday 18:00"))
        #expect(!result.text.contains("Photo: Anna Berg"))
    }

    @Test func aLastLineAfterAPromptGoes() {
        let text = [Self.opening, Self.closing, "Sign up for our newsletter", "Harbour Voice Weekly"].joined(separator: "\n") + "\n"
        #expect(!Self.cleaner.clean(text).text.contains("Harbour Voice Weekly"))
    }
}

/// A box in the middle of an article (a newsletter sign-up), the next paragraph, then an appeal and notices the rules do not
/// all know: the leftovers with a prompt's phrases are no teasers' blurbs, so the paragraph is not taken for one either
/// (a review's Swedish page lost it as "a sentence with no prose line next to it").
struct BoxInsideArticleTests {
    static let page = """
        Arbetet sker dygnet runt för att bli klart innan skolstarten i augusti. Biltrafiken påverkas inte, men ett körfält i varje riktning kommer periodvis att vara avstängt.
        Resenärer uppmanas att planera sina resor i förväg och hålla sig uppdaterade via Västtrafiks app.
        Din e-postadress
        Prenumerera
        Hisingsbron invigdes 2021 och ersatte den gamla Götaälvbron. Redan under det första året fick bron kritik för att öppningsmekanismen drabbades av flera driftstopp.
        Stöd lokal journalistik
        Göteborgs Fria är en oberoende tidning som finansieras av läsarna. Om du tycker att vårt arbete är viktigt, stöd oss med ett valfritt belopp.
        Kommentarsfältet är stängt för denna artikel.
        Vi använder kakor (cookies) för att webbplatsen ska fungera på ett bra sätt för dig. Genom att klicka vidare godkänner du att vi använder kakor.

        """

    @Test func theParagraphAfterTheBoxStays() throws {
        let result = try Cleaner().clean(Self.page)
        #expect(result.text.contains("Hisingsbron invigdes 2021"))
        #expect(!result.text.contains("Prenumerera"))
        #expect(!result.text.contains("Kommentarsfältet är stängt"))
    }
}
