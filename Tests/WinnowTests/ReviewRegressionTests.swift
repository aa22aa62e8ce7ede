import Testing
@testable import Winnow

/// Boilerplate that guards for the article's text must not let through (a review of the guards added at stop 14):
/// a promotion's list under a line that speaks to the reader, a share prompt that is a question, a widget's line
/// between its buttons, an appeal's account beside a word about fraudsters, a banner that quotes its buttons. And the
/// article's own short list under a short lead-in stays.
struct ReviewRegressionTests {
    static let cleaner = try! Cleaner()
    static let first = "The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier, the harbour board said."
    static let last = "The harbour master said the first crossings would run every forty minutes from early morning until late in the evening."

    static func clean(_ lines: [String]) -> String { cleaner.clean(lines.joined(separator: "\n") + "\n").text }

    @Test func aPromotionsListGoes() {
        let out = Self.clean([Self.first, "Get our latest stories straight to your phone:", "WhatsApp", "Telegram", Self.last])
        #expect(!out.contains("WhatsApp") && !out.contains("Telegram"))
    }

    @Test func theArticlesListUnderAShortLeadInStays() {
        let out = Self.clean(["The island council banned three apps on staff phones from Monday, after an audit of its devices.",
                              "Banned from Monday:", "Facebook", "TikTok", "WhatsApp", "Email stays allowed for now."])
        #expect(out.contains("Facebook\nTikTok\nWhatsApp\n"))
    }

    @Test func aSharePromptThatIsAQuestionGoes() {
        #expect(!Self.clean([Self.first, Self.last, "Share this story?"]).contains("Share this story?"))
    }

    @Test func aWidgetsLineBetweenItsButtonsGoes() {
        #expect(!Self.clean([Self.first, "Share on Facebook", "Gift this article", "Share on Twitter", Self.last]).contains("Gift this article"))
    }

    @Test func anAppealsAccountBesideAWordAboutFraudstersGoes() {
        let out = Self.clean([Self.first, "Please donate to the Island Rescue Trust.", "Beware of fraudsters: our only account is",
                              "IBAN: GB33 BUKB 2020 1555 5555 55"])
        #expect(!out.contains("GB33"))
    }

    @Test func aBannerThatQuotesItsButtonsGoes() {
        let banner = "We and our partners store information on your device. Click \"Accept all cookies\" to agree, or \"Manage preferences\" to change your settings."
        #expect(!Self.clean([Self.first, banner, Self.last]).contains("Accept all cookies"))
    }
}

/// A second review's cases (each failed at 0d005ba): a subheading next to a player's controls stays; a line between two of
/// a player's lines goes; a share count between paragraphs goes; an appeal's account stays removed when its warning about
/// phishing stands next to it and the appeal's heading four lines above.
struct SecondReviewTests {
    static func clean(_ lines: [String]) -> String { ReviewRegressionTests.clean(lines) }
    static let first = ReviewRegressionTests.first, last = ReviewRegressionTests.last

    @Test func aSubheadingNextToAPlayerStays() {
        let out = Self.clean([Self.first, "Storm damage", "Play Video", "Mute", "Full Screen", "Subtitles", Self.last])
        #expect(out.contains("Storm damage\n"))
        #expect(!out.contains("Full Screen"))
    }

    @Test func aLineBetweenTwoOfAPlayersLinesGoes() {
        #expect(!Self.clean([Self.first, "Close Modal Dialog", "Done", "End of dialog window.", Self.last]).contains("Done"))
    }

    @Test func aShareCountBetweenParagraphsGoes() {
        #expect(!Self.clean([Self.first, "245 Shares", Self.last]).contains("245 Shares"))
    }

    @Test func anAppealsAccountNextToAPhishingWarningGoes() {
        let out = Self.clean([Self.first, "Unterstützen Sie unabhängigen Lokaljournalismus",
                              "Jeder Beitrag hilft uns, auch in Zukunft unabhängig über die Inseln zu berichten.",
                              "Schon fünf Euro im Monat machen einen Unterschied.",
                              "Überweisen Sie auf unser Konto bei der Inselbank.",
                              "IBAN: DE89 3704 0044 0532 0130 00",
                              "Vorsicht vor Phishing: Wir fragen nie per E-Mail nach Ihren Bankdaten."])
        #expect(!out.contains("DE89"))
    }
}
