/// Messages of a page's interface left in its text: loading and error notices ("Loading...", "There was a problem.
/// Please try again."), JavaScript and browser warnings ("Please enable JavaScript to view comments", "IE 11 is not
/// supported"). Removed only when the phrases make up most of a short line without quotation marks, so a sentence or a
/// quote that says one stays. Such lines stand
/// where a widget or an embed was, between an article's paragraphs too: they never start the page's tail.
public struct InterfaceNoticeRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "interface-notice",
        name: "Interface notices",
        family: .furniture,
        summary: "Removes loading and error notices and JavaScript or browser warnings left by a page's widgets.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl"],
        triggering: [
            RuleExample("The pier reopens on Monday.\nLoading...\nThe first crossing leaves at six.\n",
                        expected: "The pier reopens on Monday.\nThe first crossing leaves at six.\n"),
            RuleExample("The pier reopens on Monday.\nThere was a problem. Please try again.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("IE 11 is not supported. For an optimal experience visit our site on another browser.\nThe pier reopens on Monday.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nPlease enable JavaScript to use this map.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nEin Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.\n",
                        expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("O cais reabre na segunda-feira.\nPor favor, tente mais tarde!\n", expected: "O cais reabre na segunda-feira.\n"),
        ],
        nonTriggering: [
            RuleExample("\u{201C}Please try again later,\u{201D} she was told.\n"),
            RuleExample("The plant shut down on Monday.\nAn error occurred.\nNobody was hurt, the company said.\n"),
            RuleExample("How to upgrade your browser\n- Please enable JavaScript in Settings\n"),
            RuleExample("\u{201C}Please try again later,\u{201D} the recording said, every time she called the ferry office.\n"),
            RuleExample("Loading bays on the quay will close for repairs in March.\n"),
            RuleExample("An error occurred in the timetable printed last week: the first boat leaves at six, not at five.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = InterfaceNoticeRule.phrases.map { Cue($0, .strong) }

    /// Messages only an interface writes: an ellipsis of waiting, JavaScript asked for something, a browser turned
    /// away, two sentences of a failed request. Not "An error occurred" or "Upgrade your browser" alone: an article's
    /// quote, headline or how-to step says them too.
    static let phrases: [String] = [
        // English
        "loading...", "loading…", "please wait...", "error occurred!", "there was a problem. please try again",
        "there was an error. please try again", "an error has occurred, please try again later", "please try again later",
        "javascript is required", "javascript is disabled", "please enable javascript to", "javascript must be enabled to",
        "you need to enable javascript to", "ie 11 is not supported", "for an optimal experience visit our site on another browser",
        // German
        "wird geladen...", "ein fehler ist aufgetreten. bitte versuchen sie es später erneut", "bitte aktivieren sie javascript",
        "javascript ist deaktiviert",
        // French
        "chargement...", "chargement en cours...", "une erreur est survenue. veuillez réessayer", "veuillez activer javascript",
        // Spanish, Italian, Portuguese
        "cargando...", "se ha producido un error. inténtalo de nuevo", "activa javascript para", "caricamento...",
        "caricamento in corso...", "si è verificato un errore. riprova", "carregando...", "por favor, tente mais tarde!",
        "ative o javascript para",
        // Dutch
        "laden...", "er is een fout opgetreden. probeer het later opnieuw", "schakel javascript in om",
    ]

    /// Such lines stand where a widget was, between an article's paragraphs too: they do not start the page's tail.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { false }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let start = findings.count
        InterfaceNoticeRule.policy.detect(context, cues: cues, into: &findings)
        // A line with a quotation mark quotes the message: it is the article's ("“Please try again later,” she was told").
        findings.keepFindings(from: start) { !Bytes.hasQuotationMark(context.bytes, context.blocks[$0.block].trimmed) }
    }

    /// Coverage only: most of a short line.
    static let policy = PhrasePolicy(minCoverage: 0.6, maxWordsForCoverage: 20, strongCuesToRemove: nil)
}
