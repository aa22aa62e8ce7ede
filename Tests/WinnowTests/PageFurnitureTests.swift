import Testing
@testable import Winnow

/// Sentences deep in a page's header: a mega-menu's blurbs go, a standfirst (one sentence) stays.
struct PageFurnitureTests {
    static let cleaner = try! Cleaner()

    static let blurbs = ["Check every crossing and delay before you leave home.", "Where to eat, sleep and swim on the three islands."]

    static let titles = ["Lighthouse keeper retires after thirty years on the rock", "School choir wins the regional final in the town hall",
                         "Storm damage closes the coast road for a week", "Island bakery reports its best summer in a decade",
                         "Fishing fleet lands a record catch of mackerel", "Council approves a second pier for the south harbour",
                         "Museum reopens its boat shed to visitors", "Seal pups counted on the outer skerries"]

    /// Two apps' names and blurbs (or one), a widget's heading and `headlines` headlines, a menu, a title and the article.
    static func page(headlines: Int, blurbs: Int = 2) -> String {
        let apps = [["Ferry Times for iPhone and Android", Self.blurbs[0]], ["Island Guide for Visitors to the North", Self.blurbs[1]]]
        return (apps.suffix(blurbs).flatMap { $0 } + ["Harbour Voice Weekly Newsletter"] + titles.prefix(headlines)
                + ["* Home", "* News", "* Sport", "Pier reopens", PageFurnitureRule.article])
            .joined(separator: "\n") + "\n"
    }

    /// `PageFurnitureRule.deepHeaderLines` (8) lines between the nearer blurb and the menu's first item (the widget's
    /// heading and 7 headlines) make both deep; one fewer does not, and then neither goes.
    @Test(arguments: [(7, true), (6, false), (0, false)])
    func blurbsGoOnlyDeepInTheHeader(headlines: Int, removed: Bool) {
        let result = Self.cleaner.clean(Self.page(headlines: headlines))
        for blurb in Self.blurbs { #expect(result.text.contains(blurb) == !removed) }
        #expect(result.text.contains("The ferry link between the two islands reopens on Monday"))
    }

    /// One sentence alone, however deep, is a standfirst: it stays.
    @Test func oneSentenceAloneStays() {
        let result = Self.cleaner.clean(Self.page(headlines: 8, blurbs: 1))
        #expect(result.text.contains(Self.blurbs[1]))
    }

    /// A standfirst above a long menu: depth is counted from the menu's first item, so the menu's own items do not
    /// make the standfirst deep.
    @Test func aStandfirstAboveALongMenuStays() {
        let menu = ["Home", "News", "Sport", "Business", "Culture", "Travel", "Weather", "Opinion", "Science", "Health"].map { "* " + $0 }
        let text = (["Harbour Voice", "Pier reopens after six weeks", "The island ferry returns to service on Monday after three months of repairs to the pier.",
                     "By Anna Berg"] + menu + [PageFurnitureRule.article]).joined(separator: "\n") + "\n"
        #expect(Self.cleaner.clean(text).text.contains("The island ferry returns to service on Monday"))
    }

    /// After the page's furniture, a line that introduces what follows with a colon may be the article's: with a full-width
    /// colon as with an ASCII one ("新时刻表包括以下内容：", the new timetable includes the following).
    @Test(arguments: ["\u{FF1A}", ":"])
    func aLeadInWithAColonStaysAfterTheFurniture(colon: String) {
        let leadIn = "新时刻表包括以下内容" + colon
        let text = PageFurnitureRule.article + "\nShare on Facebook\n" + leadIn + "\n第一班船早上六点从北码头出发，最后一班晚上十点。\n"
        let result = Self.cleaner.clean(text)
        #expect(result.text.contains(leadIn))
        #expect(!result.text.contains("Share on Facebook"))
    }
}
