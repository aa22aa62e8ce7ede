/// Cookie, consent and privacy notices ("We use cookies to give you the best experience...").
/// A notice goes when its cues cover most of it or it holds two distinct cues of a site speaking
/// about its own cookies; an article about tracking that mentions cookies stays.
public struct CookieNoticeRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "cookie-notice",
        name: "Cookie and consent notices",
        family: .consent,
        summary: "Removes cookie banners and consent notices.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da"],
        triggering: [
            RuleExample("""
                The pier reopens on Monday.
                We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.
                Accept
                """, expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nThis website uses cookies. Accept all cookies\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nDiese Website verwendet Cookies. Alle akzeptieren\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Le quai rouvre lundi.\nNous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.\n",
                        expected: "Le quai rouvre lundi.\n"),
        ],
        nonTriggering: [
            RuleExample("Regulators said the site had placed tracking cookies on visitors' computers without asking for their consent.\n"),
            RuleExample("The bakery sells cookies and bread from a stall on the quay.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = CookieNoticeRule.strong.map { Cue($0, .strong) } + CookieNoticeRule.weak.map { Cue($0, .weak) }

    static let strong: [String] = [
        "we use cookies", "this website uses cookies", "this site uses cookies", "our website uses cookies", "we use cookies and similar",
        "uses cookies to", "best experience on our website", "to give you the best experience", "improve your experience",
        "if you continue to use this site", "by continuing to use this site", "by continuing to browse", "by using this website",
        "by using our site", "you agree to our use of cookies", "you consent to our use of cookies", "accept cookies",
        "accept all cookies", "accept all", "reject all", "manage cookies", "cookie settings", "cookie preferences",
        "manage preferences", "necessary cookies", "functional cookies", "analytics cookies", "cookie policy", "cookie notice",
        "you are happy with it", "we will assume that you are happy", "privacy settings", "do not sell my personal information",
        // German
        "wir verwenden cookies", "diese website verwendet cookies", "diese webseite verwendet cookies", "cookie-einstellungen",
        "alle akzeptieren", "alle ablehnen", "cookies zulassen",
        // French
        "nous utilisons des cookies", "ce site utilise des cookies", "en poursuivant votre navigation", "tout accepter",
        "paramètres des cookies", "vous acceptez leur utilisation", "vous acceptez l'utilisation",
        // Spanish, Italian, Portuguese
        "utilizamos cookies", "este sitio web utiliza cookies", "usamos cookies", "aceptar todas", "configuración de cookies",
        "utilizziamo i cookie", "questo sito utilizza cookie", "questo sito utilizza i cookie", "accetta tutti",
        "este site utiliza cookies", "utilizamos cookies para", "aceitar todos",
        // Dutch, Scandinavian
        "wij gebruiken cookies", "deze website gebruikt cookies", "alles accepteren", "vi bruker informasjonskapsler",
        "vi bruker cookies", "godta alle", "vi använder cookies", "vi använder kakor", "acceptera alla", "vi bruger cookies",
        "accepter alle",
    ]

    static let weak: [String] = ["cookies", "cookie", "consent", "gdpr", "privacy", "accept", "got it", "ok", "i agree", "agree"]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        CookieNoticeRule.policy.detect(context, cues: cues, into: &findings)
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 25, strongCuesToRemove: 2,
                                     longBlockWords: 80, strongCuesToRemoveLong: 3)
}
