import Testing
@testable import Winnow

/// A list article's numbered subheadings stand between its paragraphs; one whose words are a prompt's ("2. Sign up for
/// the free newsletters") stays when a subheading numbered next to it does the same (`PhrasePolicy.isNumberedSubheading`).
/// A numbered prompt with no such sibling, a ranking of headlines without paragraphs between them, and a numbered
/// heading whose paragraph goes too still go.
struct NumberedSubheadingTests {
    static let cleaner = try! Cleaner()
    static let p1 = "It sounds obvious, but paying for the paper is the single biggest thing readers can do, says a professor of journalism."
    static let p2 = "Many local titles now send a daily email to their readers, and the number who open it tells advertisers that people care."
    static let p3 = "Some local sites are co-operatives owned by their readers, who pay a small fee each month and vote on how the site is run."

    static func clean(_ lines: [String]) -> String { cleaner.clean(lines.joined(separator: "\n") + "\n").text }

    @Test func aNumberedSubheadingWithASiblingStays() {
        let out = Self.clean(["Seven ways to keep your local newspaper alive", "1. Pay for it", Self.p1,
                              "2. Sign up for the free newsletters", Self.p2, "3. Join a co-operative", Self.p3])
        #expect(out.contains("2. Sign up for the free newsletters\n"))
    }

    @Test func aNumberedSubheadingWithASiblingAfterItStays() {
        let out = Self.clean(["Seven ways to keep your local newspaper alive", Self.p1,
                              "1. Sign up for the free newsletters", Self.p2, "2. Join a co-operative", Self.p3])
        #expect(out.contains("1. Sign up for the free newsletters\n"))
    }

    @Test func aNumberedPromptWithoutASiblingGoes() {
        let out = Self.clean([Self.p1, "2. Sign up for the free newsletters", Self.p2, Self.p3])
        #expect(!out.contains("Sign up for the free newsletters"))
    }

    @Test func aSiblingNumberedFarAwayDoesNotCount() {
        let out = Self.clean(["1. Pay for it", Self.p1, "3. Sign up for the free newsletters", Self.p2, Self.p3])
        #expect(!out.contains("Sign up for the free newsletters"))
    }

    /// Review G: a site's own numbered steps between the paragraphs that pitch them.
    @Test func aSitesNumberedStepsGo() {
        let out = Self.clean([Self.p1, "How you can help the Gazette", "1. Subscribe to our newsletter",
                              "Every weekday morning at seven, the editors send a short summary of the day's most important local stories to your inbox.",
                              "2. Become a supporter",
                              "A monthly payment of any size keeps local reporting free to read for everyone in town, including those who cannot pay.",
                              "3. Tell your friends about us",
                              "Share the stories you like with neighbours and family, because every new reader helps keep local journalism alive."])
        #expect(!out.contains("2. Become a supporter"))
        let briefing = Self.clean(["1. Pay for it", Self.p1, "2. Sign up for our morning newsletter", Self.p2, "3. Join a co-operative", Self.p3])
        #expect(!briefing.contains("Sign up for our morning newsletter"))
    }

    @Test func aRankingOfHeadlinesGoes() {
        let out = Self.clean([Self.p1, Self.p2, "Most read", "1. Sign up for the free newsletters", "2. Ferry fares rise again",
                              "3. Harbour wall repaired", Self.p3])
        #expect(!out.contains("Sign up for the free newsletters"))
    }

    @Test func aNumberedHeadingWhosePitchGoesGoesWithIt() {
        let out = Self.clean(["1. Pay for it", Self.p1,
                              "2. Sign up for the free newsletters",
                              "Sign up for our free newsletter and get the best of our journalism in your inbox every morning. Subscribe now, it is free.",
                              "3. Join a co-operative", Self.p3])
        #expect(!out.contains("Sign up for the free newsletters"))
    }
}
