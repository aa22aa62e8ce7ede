/// Every rule Winnow knows, in the order they run.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        RepeatedBlockRule(),
        DonationAppealRule(),
        PaymentDetailsRule(),
        CommentSectionRule(),
        SharePromptRule(),
        SubscriptionPromptRule(),
        CookieNoticeRule(),
        RelatedLinksRule(),
        TeaserExcerptRule(),
        SiteFooterRule(),
        MediaPlayerRule(),
        InterfaceNoticeRule(),
        MarkupResidueRule(),
        BylineRule(),
        CommentThreadRule(),
        PageFurnitureRule(),
        SiteTemplateRule(),
        ListMarkupRule(),
    ]

    public static var descriptions: [RuleDescription] { all.map { type(of: $0).description } }
}
