import Testing
@testable import Winnow

/// Where `ArticleBody` puts the article's paragraphs when teasers follow them.
struct ArticleBodyTests {
    static func layout(_ text: String) -> (ArticleBody, ArticleProse, [Block]) {
        var text = text
        return text.withUTF8 { bytes in
            let blocks = Document(bytes: bytes).blocks
            let none = [Bool](repeating: false, count: blocks.count)
            let body = ArticleBody(blocks: blocks, isMenu: none, ignoring: none)
            return (body, ArticleProse(body, blocks: blocks, bytes: bytes), blocks)
        }
    }

    static let article = """
        The ferry link between the two islands reopens on Monday after six weeks of repairs to the old pier.
        Engineers found that winter storms had loosened more than forty of the wooden piles under the landing stage.
        The harbour master said the first crossings would run every forty minutes from early morning.

        """

    @Test func teasersBlurbsAreNoArticleWords() {
        let (body, prose, blocks) = Self.layout(Self.article + """
            Lighthouse keeper retires after thirty years
            Anna Berg
            After thirty years on the rock, the keeper hands over the lamp to a crew from the mainland this spring.
            School choir wins the regional final
            Tom Lind
            Forty children from the island school sang in the town hall and beat eleven choirs from the coast.

            """)
        #expect(blocks.count == 9)
        // The blurbs are prose to the body (it runs to the last one) but not the article's paragraphs.
        #expect(body.core == 0..<9)
        #expect(prose.blurbs == 2)
        #expect(prose.blurbs(before: 3) == 0)
        #expect(prose.blurbs(before: 6) == 1)
        let paragraphs = blocks[0..<3].reduce(0) { $0 + $1.words }
        #expect(prose.words == paragraphs)
        #expect(prose.words(before: 3) == paragraphs)
        #expect(prose.words(before: 9) == paragraphs)
        // Inside the teasers (after a headline, a byline and a blurb), the article's words are still the paragraphs'.
        #expect(prose.words(before: 6) == paragraphs)
        #expect(prose.words(before: 1) == blocks[0].words)
        #expect(body.bodyWords > paragraphs)
    }

    @Test func aLongParagraphAloneIsTheArticles() {
        let long = Array(repeating: "The council will pay for the new ramp out of its reserves this year.", count: 4).joined(separator: " ")
        let (_, prose, blocks) = Self.layout(Self.article + "Subheading\n" + long + "\n")
        #expect(prose.blurbs == 0)
        #expect(prose.words == blocks[0..<3].reduce(0) { $0 + $1.words } + blocks[4].words)
    }

    @Test func twoParagraphsAnchorEachOtherAcrossBlankLines() {
        let (_, prose, _) = Self.layout("Title\n\nThe first paragraph of the story has more than ten words in it, and ends here.\n\n"
                                    + "The second paragraph of the story has more than ten words in it, and ends here.\n")
        #expect(prose.words == 32)
        #expect(prose.words(before: 2) == 0)
        #expect(prose.words(before: 3) == 16)
        #expect(prose.blurbs == 0)
    }

    @Test func aShortLineCutOffWithAnEllipsisIsCut() {
        let text = "Bakery on the quay reports its best summer and plans a...\nThe keeper retires…\n"
            + "He said: “I wanted to stay, but the doctors told me otherwise, and so I packed my things and left the island for good, after all those years on the rock...”\n"
            + "The pier reopens on Monday.\n"
        var copy = text
        copy.withUTF8 { bytes in
            let blocks = Document(bytes: bytes).blocks
            #expect(ArticleBody.isCut(bytes, blocks[0]))
            #expect(ArticleBody.isCut(bytes, blocks[1]))
            #expect(!ArticleBody.isCut(bytes, blocks[2]))   // long, and a quote closes it
            #expect(!ArticleBody.isCut(bytes, blocks[3]))
        }
    }
}
