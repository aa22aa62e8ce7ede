/// What each line of a generated document is. The generator records one kind per line, so the
/// harness knows exactly what it injected and can score any cleaner's output against it.
public enum ParagraphKind: UInt8, CaseIterable, Sendable, Codable {
    case blank
    // Content: must be kept word for word.
    case title
    case article
    /// An article paragraph that mentions a rule's cue inside its own prose ("Support for the plan fell ...").
    case cueTrap
    /// A list item after a bullet or number alone on the line before it (content; the pair should be joined).
    case listItem
    /// A list item with an inline glyph bullet (`• Item`), to be written with the configured bullet.
    case listItemInline
    // List markup: a bullet or number alone on its line (not content; it should be joined with its item).
    case listBullet
    // Injected boilerplate, one kind per rule family member.
    case donationHeading
    case donationAppeal
    /// The second paste of a donation heading or appeal (the repeated-block family).
    case donationRepeat
    case paymentIBAN
    case paymentAccount
    case paymentApp
    case paymentLink
    case commentsClosed
    case commentForm
    case sharePrompt
    /// A site's fixed promotion line in a language no rule covers (`--sites N`): for per-site learning.
    case siteTemplate

    public enum Role: String, Sendable, Codable {
        case blank, content, markup, boilerplate
    }

    public var role: Role {
        switch self {
        case .blank: return .blank
        case .title, .article, .cueTrap, .listItem, .listItemInline: return .content
        case .listBullet: return .markup
        default: return .boilerplate
        }
    }

    /// The rule family a boilerplate kind belongs to (as `winnow rules` names them), or the benchmark's
    /// own name for kinds no rule covers yet.
    public var family: String {
        switch self {
        case .blank: return "blank"
        case .title, .article, .cueTrap: return "article"
        case .listItem, .listItemInline, .listBullet: return "list-markup"
        case .donationHeading, .donationAppeal: return "donation-appeal"
        case .donationRepeat: return "repeated-block"
        case .paymentIBAN, .paymentAccount, .paymentApp, .paymentLink: return "payment-details"
        case .commentsClosed, .commentForm: return "comment-section"
        case .sharePrompt: return "share-prompt"
        case .siteTemplate: return "site-template"
        }
    }

    /// Stable name used in the truth sidecar and the results: `donation-heading`, `payment-iban`, ...
    public var name: String {
        switch self {
        case .blank: return "blank"
        case .title: return "title"
        case .article: return "article"
        case .cueTrap: return "article-with-cue"
        case .listItem: return "list-item"
        case .listItemInline: return "list-item-inline"
        case .listBullet: return "list-bullet"
        case .donationHeading: return "donation-heading"
        case .donationAppeal: return "donation-appeal"
        case .donationRepeat: return "donation-repeat"
        case .paymentIBAN: return "payment-iban"
        case .paymentAccount: return "payment-account"
        case .paymentApp: return "payment-app"
        case .paymentLink: return "payment-link"
        case .commentsClosed: return "comments-closed"
        case .commentForm: return "comment-form"
        case .sharePrompt: return "share-prompt"
        case .siteTemplate: return "site-template"
        }
    }

    public init?(name: String) {
        guard let kind = ParagraphKind.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }
}
