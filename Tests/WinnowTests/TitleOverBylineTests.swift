import Testing
@testable import Winnow

/// A line between two removed lines goes with them, but not the article's title between a removed button and its
/// byline when the article's prose follows the byline (`Resolver`); a teaser's headline over its byline in a widget
/// still goes.
struct TitleOverBylineTests {
    static let cleaner = try! Cleaner()

    static let article = """
        The data protection regulator has fined a regional news publisher 250,000 pounds for setting advertising cookies before readers had given consent.
        The publisher said it would appeal the decision in the coming weeks, and that it had changed its banner in the meantime.
        Privacy campaigners welcomed the fine but said many smaller sites still ignored the rules on consent.
        """

    @Test(arguments: [("Subscribe", "By Daniel Okafor"), ("Share on Facebook", "By Daniel Okafor"),
                      ("Partilhar no Twitter", "Por Rita Marques")])
    func theTitleStays(button: String, byline: String) {
        let title = "Regulator fines news site over cookie banner"
        let result = Self.cleaner.clean(button + "\n" + title + "\n" + byline + "\n" + Self.article + "\n")
        #expect(result.text.contains(title))
        #expect(!result.text.contains(button))
        #expect(!result.text.contains(byline))
    }

    @Test func aTeasersHeadlineInAWidgetStillGoes() {
        let text = Self.article + "\nShare on Facebook\nHarbour ferry returns after repairs\nBy Anna Berg\nShare on Twitter\n"
        let result = Self.cleaner.clean(text)
        #expect(!result.text.contains("Harbour ferry returns after repairs"))
        #expect(result.text.contains("Privacy campaigners welcomed the fine"))
    }

    /// The same with a date line between the byline and the article.
    @Test func theTitleStaysOverABylineAndADate() {
        let title = "Man jailed over fake charity texts"
        let result = Self.cleaner.clean("Menu\nSearch\n" + title + "\nBy Priya Natarajan\n26 November 2024\n" + Self.article + "\n")
        #expect(result.text.contains(title))
        #expect(!result.text.contains("By Priya Natarajan"))
    }
}
