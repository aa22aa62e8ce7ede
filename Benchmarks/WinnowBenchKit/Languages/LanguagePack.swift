/// The words and templates of one language, all written for this benchmark.
///
/// Templates hold slots in braces, filled by `CorpusGenerator`:
/// `{P}` a person's name, `{R}` a role, `{O}` an organisation, `{L}` a place, `{N}` a noun phrase,
/// `{V}` a verb phrase (infinitive), `{T}` a time, `{A}` an adjective, `{D}` a number, `{Y}` a year,
/// `{Q}` a quotation, `{S}` the site's name, `{H}` the site's handle (for payment links),
/// and payment values `{IBAN}`, `{ACCOUNT}`, `{APPNUM}`.
public struct LanguagePack: Sendable {
    public var code: String
    public var firstNames: [String]
    public var lastNames: [String]
    public var roles: [String]
    public var orgs: [String]
    public var places: [String]
    public var nouns: [String]
    public var verbs: [String]
    public var times: [String]
    public var adjectives: [String]
    public var quotes: [String]
    /// Sentences of an article.
    public var sentences: [String]
    /// Sentences that carry a quotation (`{Q}`); they give the JSON encoder quotes to escape.
    public var quoteSentences: [String]
    public var titles: [String]
    /// A sentence that introduces a list (ends with a colon).
    public var listIntros: [String]
    /// Short list items.
    public var listItems: [String]
    /// Article sentences that contain a rule's cue inside prose: content, which must stay.
    public var cueTraps: [String]
    /// URL path sections.
    public var sections: [String]
    /// Site names are made of a first and a second part.
    public var siteFirst: [String]
    public var siteSecond: [String]

    // Boilerplate, one family each.
    /// Short headings that introduce an appeal.
    public var donationHeadings: [String]
    /// Donation appeals (each holds at least two phrases addressed to the reader).
    public var appeals: [String]
    public var sharePrompts: [String]
    public var commentsClosed: [String]
    /// Comment forms: a "leave a reply" line and the e-mail notice line.
    public var commentForms: [[String]]
    /// Lines with an IBAN (`{IBAN}`), in the country `ibanCountry`.
    public var ibanLines: [String]
    public var ibanCountry: String
    /// Lines with an account number under a bank label (`{ACCOUNT}`).
    public var accountLines: [String]
    /// The account number's shape: `no` (4.2.5 with MOD-11), `gb` (sort code and 8 digits), `plain`.
    public var accountStyle: String
    /// Lines with a payment-app number under its label (`{APPNUM}`).
    public var appLines: [String]
    /// Payment and crowdfunding links (`{H}`).
    public var linkLines: [String]
}

/// Promotion lines in languages no rule covers, for the per-site template blocks (`--sites N`).
/// Each site gets one, with its name, so only a per-site learner can tell them from content.
public enum SiteTemplates {
    public static let promos: [String] = [
        "Sæktu appið frá {S} og fáðu fréttirnar beint í símann.",
        "Laadi alla {S} äpp ja loe kohalikke uudiseid kus iganes.",
        "Töltse le a {S} alkalmazását, és olvassa a híreket bárhol.",
        "Unduh aplikasi {S} dan baca berita lokal di mana saja.",
        "{S} uygulamasını indirin, yerel haberleri her yerde okuyun.",
        "Atsisiųskite {S} programėlę ir skaitykite naujienas bet kur.",
        "Stáhněte si aplikaci {S} a čtěte zprávy odkudkoli.",
        "Lejupielādējiet {S} lietotni un lasiet ziņas jebkur.",
        "Fáðu fréttabréf {S} sent heim á hverjum föstudagsmorgni.",
        "Telli {S} uudiskiri ja saa parimad lood igal hommikul.",
        "Iratkozzon fel a {S} hírlevelére, és kapja meg a legfrissebb híreket.",
        "Berlangganan buletin {S} untuk berita pilihan setiap pagi.",
    ]
}

extension LanguagePack {
    /// Every language the generator writes in.
    public static let all: [LanguagePack] = [.english, .german, .norwegian, .spanish]
}
