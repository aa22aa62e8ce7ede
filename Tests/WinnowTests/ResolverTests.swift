import Testing
@testable import Winnow

/// Where the page's tail starts (`Resolver`): a site menu after a marker inside the body ends the article.
struct ResolverTests {
    static let cleaner = try! Cleaner()

    static let page = """
        * Home
        * News
        * Sport
        Pier reopens
        \(PageFurnitureRule.article)
        Share on Facebook
        * Home
        * News
        * Sport
        * Weather
        * Contact us
        Create an account
        E-mail:
        Password:
        Our community rules apply to every comment posted on the site, whatever the language or the subject of the story.
        Comments that insult other readers, or that contain links to advertising, will be removed by the moderators without notice.
        A user whose comments are removed three times will lose access to the discussion for a month.
        Delete account
        Are you sure?

        """

    /// The community rules after the menu hold more prose than a fifth of the article, so the body runs over them;
    /// the site menu (five menu items) after the share prompt still ends the article: the account form's lines go,
    /// and paragraphs next to each other stay, as everywhere beyond the marker.
    @Test func aSiteMenuAfterAMarkerEndsTheArticle() {
        let result = Self.cleaner.clean(Self.page)
        for line in PageFurnitureRule.article.split(separator: "\n") { #expect(result.text.contains(line)) }
        #expect(!result.text.contains("Delete account"))
        #expect(!result.text.contains("Create an account"))
        #expect(result.text.contains("Our community rules apply to every comment"))
        #expect(result.report.removals.contains { $0.ruleID == PageFurnitureRule.description.id && $0.reason.contains("after the article body") })
    }

    /// Four menu items within eight lines make a site menu; two do not.
    @Test func siteMenus() {
        var text = "* Home\n* News\nThe pier reopens on Monday after six weeks of repairs.\n* Sport\n* Weather\n* Contact us\nx\ny\nz\n"
        text.withUTF8 { bytes in
            let blocks = Document(bytes: bytes).blocks
            let menu = blocks.indices.map { [0, 1, 3, 4, 5].contains($0) }
            let layout = ArticleBody(blocks: blocks, isMenu: menu, ignoring: [Bool](repeating: false, count: blocks.count))
            #expect(Resolver.startsSiteMenu(0, layout, blocks))
            #expect(Resolver.startsSiteMenu(1, layout, blocks))
            #expect(!Resolver.startsSiteMenu(2, layout, blocks))
            #expect(!Resolver.startsSiteMenu(3, layout, blocks))
        }
    }
}
