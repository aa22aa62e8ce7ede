import Testing
@testable import Winnow

/// Sentences deep in a page's header: a mega-menu's blurbs go, a line near the body (a standfirst) stays.
struct PageFurnitureTests {
    static let cleaner = try! Cleaner()

    static let blurb = "Check every crossing and delay before you leave home."

    /// An app's name and blurb, `headlines` headlines of a widget, a menu, a title and the article.
    static func page(headlines: Int) -> String {
        let titles = ["Lighthouse keeper retires after thirty years on the rock", "School choir wins the regional final in the town hall",
                      "Storm damage closes the coast road for a week", "Island bakery reports its best summer in a decade",
                      "Fishing fleet lands a record catch of mackerel", "Council approves a second pier for the south harbour",
                      "Museum reopens its boat shed to visitors", "Seal pups counted on the outer skerries"]
        return (["Ferry Times for iPhone and Android", blurb, "Island Guide for Visitors to the North"]
            + titles.prefix(headlines) + ["* Home", "* News", "* Sport", "Pier reopens", PageFurnitureRule.article])
            .joined(separator: "\n") + "\n"
    }

    /// `PageFurnitureRule.deepHeaderLines` (8) lines between the blurb and the menu nearest the body (the widget's
    /// heading, its headlines and the menu's first item) make it deep; one fewer does not.
    @Test(arguments: [(5, true), (4, false), (0, false)])
    func blurbGoesOnlyDeepInTheHeader(headlines: Int, removed: Bool) {
        let result = Self.cleaner.clean(Self.page(headlines: headlines))
        #expect(result.text.contains(Self.blurb) == !removed)
        #expect(result.text.contains("The ferry link between the two islands reopens on Monday"))
    }
}
