import Testing
@testable import Winnow

/// Rules that keep several families of cues in one `cues` list name where each family sits; the ranges must cover
/// the list in order, each holding exactly its family's phrases, or a rule would read one family's matches as
/// another's.
struct CueRangeTests {
    struct Layout: Sendable, CustomStringConvertible {
        var rule: String
        var cues: [Cue]
        var families: [(range: Range<Int32>, phrases: [String])]
        var description: String { rule }
    }

    static let layouts: [Layout] = [
        Layout(rule: "page-furniture", cues: PageFurnitureRule().cues, families: [
            (PageFurnitureRule.menuCues, PageFurnitureRule.menuItems), (PageFurnitureRule.tailHeadingCues, PageFurnitureRule.tailHeadings),
            (PageFurnitureRule.tagCues, PageFurnitureRule.tagLabels)]),
        Layout(rule: "byline", cues: BylineRule().cues, families: [
            (BylineRule.byCues, BylineRule.byLabels), (BylineRule.dateCues, BylineRule.dateLabels),
            (BylineRule.readingLabelCues, BylineRule.readingLabels), (BylineRule.notBylineCues, BylineRule.notBylines),
            (BylineRule.readingTimeCues, BylineRule.readingTime)]),
        Layout(rule: "site-footer", cues: SiteFooterRule().cues, families: [
            (SiteFooterRule.footerCues, SiteFooterRule.footer), (SiteFooterRule.copyrightCues, SiteFooterRule.copyright),
            (SiteFooterRule.legalCues, SiteFooterRule.legal), (SiteFooterRule.creditCues, SiteFooterRule.credits),
            (SiteFooterRule.creditMarkCues, SiteFooterRule.creditMarks)]),
        Layout(rule: "teaser-excerpt", cues: TeaserExcerptRule().cues, families: [
            (TeaserExcerptRule.readMoreCues, TeaserExcerptRule.readMore), (TeaserExcerptRule.cutMarkCues, TeaserExcerptRule.cutMarks)]),
        Layout(rule: "payment-details", cues: PaymentDetailsRule().cues, families: [
            (PaymentDetailsRule.labelCues, PaymentDetailsRule.labels), (PaymentDetailsRule.linkCues, PaymentDetailsRule.links),
            (PaymentDetailsRule.crimeCues, PaymentDetailsRule.crimeWords), (PaymentDetailsRule.appealCues, PaymentDetailsRule.appealWords)]),
        Layout(rule: "comment-thread", cues: CommentThreadRule().cues, families: [
            (CommentThreadRule.headingCues, CommentThreadRule.headings), (CommentThreadRule.markCues, CommentThreadRule.marks)]),
    ]

    @Test(arguments: layouts)
    func rangesCoverTheCuesInOrder(layout: Layout) {
        var next: Int32 = 0
        for family in layout.families {
            #expect(family.range.lowerBound == next)
            #expect(family.range.count == family.phrases.count)
            #expect(layout.cues[Int(family.range.lowerBound)..<Int(family.range.upperBound)].map(\.phrase) == family.phrases)
            next = family.range.upperBound
        }
        #expect(Int(next) == layout.cues.count)
    }
}
