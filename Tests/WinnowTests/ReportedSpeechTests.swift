import Testing
@testable import Winnow

/// An appeal or a notice in someone's mouth is the article's sentence: a reporting tag after the phrases (a comma or
/// a dash, then a verb of saying within six words) or before them (a verb of saying, then a colon) keeps the line
/// (`PhrasePolicy.isReportedSpeech`). The same phrases without a tag, or with a comma and no verb, still go.
struct ReportedSpeechTests {
    static let cleaner = try! Cleaner()

    /// The line after an article's first sentence: kept or removed.
    static func kept(_ line: String) -> Bool {
        let text = "The harbour board met on Tuesday to discuss the ferry's budget for next year.\n" + line + "\n"
        return cleaner.clean(text).report.removals.isEmpty
    }

    @Test(arguments: [
        "Support independent journalism, the minister said on Tuesday.",
        "Steun onafhankelijke journalistiek, zei de minister.",
        "«Colabora con nosotros», pidió la Guardia Civil.",
        "« Aidez-nous à rester indépendants », a lancé le directeur du journal.",
        "La alcaldesa pidió: «Colabora con nosotros».",
        "The mayor said: “Support independent journalism. Donate now.”",
        "“Support independent journalism. Donate now!” the mayor said.",
        "„Unterstützen Sie uns mit einer Spende“, so Berg.",
        "« Aidez-nous à rester indépendants », précise-t-il.",
        "Ordføreren sier: – Vi trenger din støtte.",
        "“Please support us with a donation,” she added.",
        "„Unterstützen Sie uns mit einer Spende“, bittet Krämer.",
        "« Faites un don », demande-t-il.",
        "Le maire a précisé : « Faites un don, chaque contribution compte. »",
        "“Subscribe to our newsletter,” they say.",
        "“Bağımsız gazeteciliği destekleyin” ifadelerini kullandı Kaya.",
        "«Fai una donazione», ha detto.",
        "The manager added: “Please support us with a donation.”",
        "„Unterstützen Sie uns mit einer Spende“, fügt sie hinzu.",
        "„Unterstützen Sie uns mit einer Spende“, teilte das Tierheim mit.",
        "„Unterstützen Sie uns mit einer Spende“, rief der Verein am Montag auf.",
        "„Unterstützen Sie uns mit einer Spende“, gab der Verein bekannt.",
        "“Steun onafhankelijke journalistiek”, laat de burgemeester weten.",
        "Kommentarer er stengt, sa redaktøren.",
        "Komentáře jsou uzavřeny, řekl mluvčí.",
        "Yorumlar kapatılmıştır, dedi sözcü.",
        "Please donate now, it only takes a minute, the charity's director urged listeners.",
        // In single quotation marks, as British and Dutch papers quote.
        "‘Support independent journalism. Donate now,’ the mayor said.",
        "‘Please support the charity’s work with a donation,’ she added.",
        "‘Steun onafhankelijke journalistiek. Word nu lid’, zegt Schouten.",
        "‘Steun ons, doneer nu en word lid van de vereniging’, riep de voorzitter de zaal toe.",
        "„Unterstützen Sie uns mit einer Spende“, rief der Vorsitzende den Gästen zu.",
    ])
    func reportedLinesStay(_ line: String) {
        #expect(Self.kept(line), "\(line)")
    }

    @Test(arguments: [
        "Support independent journalism. Donate now.",
        "Steun onafhankelijke journalistiek.",
        "Colabora con nosotros.",
        "Kommentarer er stengt.",
        "Komentáře jsou uzavřeny.",
        "Support us today, it only takes a minute.",
        "Please donate now, it only takes a minute.",
        "Our editor says: If you value what we do, please support us.",
        "Support our journalism. Every contribution, however big or small, makes a difference, says editor-in-chief Jane Miles.",
        "Schrijf je in voor onze nieuwsbrief, dit is gratis.",
        "Unterstützen Sie unseren Journalismus mit einer Spende – die Redaktion sagt Danke!",
        "Støtt lokaljournalistikken – det sier seg selv.",
        "Sign up for our free newsletter – new stories added every day.",
        "Jetzt Newsletter abonnieren, sagt die Redaktion.",
        "Subscribe to our newsletter, our editor says.",
        "– Støtt lokaljournalistikken, sier redaktør Ola Nilsen.",
        "Support independent journalism, says reader Anna.",
        "Download our app – now with offline reading added.",
        "Sign up for our newsletter, have your say.",
        // Review G: idioms with "say", the site's publisher behind a separable verb.
        "Subscribe to our newsletter, as they say.",
        "Join the discussion, have a say.",
        "Unterstützen Sie unseren Journalismus mit einer Spende, gibt der Verlag bekannt.",
        "Steun onafhankelijke journalistiek, laat uitgever Jan de Vries weten.",
        // Review H: the newsroom in a compound, the reader as the object of a separable verb.
        "„Unterstützen Sie uns mit einer Spende, jeder Euro hilft“, teilt die Chefredaktion mit.",
        "„Steun onafhankelijke lokale journalistiek, word lid”, laat directeur-hoofdredacteur Jan de Vries weten.",
        "Steun onafhankelijke journalistiek: word lid, laat het je vrienden weten.",
        "Unterstützen Sie uns mit einer Spende, teilen Sie den Artikel mit.",
        "Jetzt Newsletter abonnieren, teilt die Redaktion mit.",
        "‘Support independent journalism. Donate now.’",
        "‘Support our journalism. Donate now,’ says our editor.",
    ])
    func untaggedPhrasesGo(_ line: String) {
        #expect(!Self.kept(line), "\(line)")
    }

    /// A quotation of five words or more is the article quoting someone: its phrases cover nothing, whatever the verb
    /// of the tag (or none: "reza el recuadro" describes the box); the site quoting itself still goes.
    @Test(arguments: [
        ("«Fai una donazione, ogni contributo conta», ha sottolineato il sindaco.", true),
        ("“Faça uma doação, por menor que seja”, sublinhou o presidente da câmara.", true),
        ("„Wesprzyj naszą pracę. Przekaż darowiznę”, apelował Nowak.", true),
        ("“Apoya nuestro periodismo. Haz una donación”, reza el recuadro.", true),
        ("Verbraucherschützer kritisieren den Satz „Mit der Nutzung unserer Website stimmen Sie der Verwendung von Cookies zu“, weil er keine Wahl lasse.", true),
        ("„Unterstützen Sie uns mit einer Spende“, sagt Chefredakteurin Petra Lange.", false),
        ("“Support independent journalism. Donate now,” says our editor.", false),
        ("Support independent journalism. Donate now, it only takes a minute.", false),
        // Review J: a box signed by its editor, director or team, and a box that is one quotation.
        ("«Sostieni il nostro giornalismo: fai una donazione, ogni contributo conta.» Marco Rossi, direttore", false),
        ("“Steun onafhankelijke journalistiek, elke bijdrage telt.” – het team van De Havenkrant", false),
        ("“Support independent journalism. Donate now, every gift counts.”", false),
    ])
    func quotationsCoverNothing(_ line: String, kept: Bool) {
        #expect(Self.kept(line) == kept, "\(line)")
    }

    /// A signature on the line after the quotation makes it the site's box.
    @Test func aSignatureBelowMakesTheQuotationTheSites() {
        let quote = "„Unterstützen Sie unseren Journalismus mit einer Spende“ – so einfach geht es."
        let text = "The harbour board met on Tuesday to discuss the ferry's budget for next year.\n" + quote + "\n"
        #expect(Self.cleaner.clean(text).report.removals.isEmpty)
        let signed = Self.cleaner.clean(text + "Petra Lange, Chefredakteurin\n")
        #expect(signed.report.removals.contains { $0.line == 2 }, "\(signed.report.removals.map(\.line))")
    }

    @Test(arguments: [
        ("Support us, the editor said.", true), ("Support us, said the editor.", true), ("Support us – zei de minister.", true),
        ("The editor said: Support us.", false), ("The editor said: “Support us.”", true), ("Support us, it only takes a minute.", false), ("Support us: said before.", false),
        ("Support us.", false), ("Support us, the editor's words.", false), ("Told you: Support us.", false),
        ("Support us, as seven of ten readers already do and many more will, said nobody.", false),
    ])
    func tags(_ line: String, reported: Bool) {
        let bytes = Array(line.utf8), cue = Array("Support us".utf8)
        let at = (0...(bytes.count - cue.count)).first { Array(bytes[$0..<$0 + cue.count]) == cue }!
        let found = bytes.withUnsafeBufferPointer { PhrasePolicy.isReportedSpeech($0, 0..<$0.count, cues: at..<at + cue.count) }
        #expect(found == reported, "\(line)")
    }
}
