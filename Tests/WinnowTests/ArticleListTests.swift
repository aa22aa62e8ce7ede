import Testing
@testable import Winnow

/// An item of the article's own list that says something with a rule's phrases stays when the list's other items read
/// as the article's sentences (`PhrasePolicy.isArticleListItem`); a box's list goes as before: one whose items speak to
/// the reader or for the site, one with more prompts than sentences of its own, one under a heading with the phrases.
struct ArticleListTests {
    static let cleaner = try! Cleaner()
    static let lead = "The regional council approved the new budget on Tuesday after a long debate about the cost of public transport.\n"

    @Test(arguments: [
        "What the regulator found\n- Cookies were set before consent.\n- The regulator counted 4,000 complaints in two years.\n- The site changed its banner in March after the first warning.\n",
        "Qué cambia para los lectores\n- Los comentarios están cerrados en todas las noticias.\n- Las cartas al director se publican los domingos.\n",
        // Someone's advice, as the article reports it (items that all name cookies and speak to the reader).
        "Consumer groups recommend the following:\n- Click “Reject all” or “Necessary cookies only” whenever the option is offered.\n- Review your cookie settings every few months.\n- Clear your browser’s cookies regularly.\n",
        "Die Verbraucherzentrale rät Nutzern:\n- Klicken Sie auf „Alle ablehnen“, wann immer es möglich ist.\n- Prüfen Sie Ihre Cookie-Einstellungen regelmäßig.\n",
    ])
    func theArticlesListStays(list: String) {
        let result = Self.cleaner.clean(Self.lead + list)
        #expect(result.text == Self.lead + list, "\(result.report.removals.map(\.reason))")
    }

    @Test(arguments: [
        ("Comment rules\n- Comments are moderated.\n- Please be kind to each other and stay on topic.\n- Log in to comment.\n", "- Comments are moderated."),
        ("Regeln für Kommentare\n1. Kommentare werden moderiert.\n2. Bitte bleiben Sie beim Thema und respektieren Sie andere Leser.\n3. Beleidigungen und Werbung werden gelöscht.\n", "1. Kommentare werden moderiert."),
        ("Normas de participación\n- Los comentarios son moderados.\n- Respeta a los demás lectores y no te salgas del tema.\n- Inicia sesión para comentar.\n", "- Los comentarios son moderados."),
        // A lead-in in which the site or its reader speaks, or with no verb of saying, is a box's.
        ("We recommend the following:\n- Click “Reject all” or “Necessary cookies only” whenever the option is offered.\n- Review your cookie settings every few months.\n", "Necessary cookies only"),
        ("Our partners recommend:\n- Review your cookie settings every few months.\n- Click “Reject all” or “Necessary cookies only” whenever the option is offered.\n", "Necessary cookies only"),
        ("You can choose the following options:\n- Click “Reject all” or “Necessary cookies only” whenever the option is offered.\n- Review your cookie settings every few months.\n", "Necessary cookies only"),
        // Review G: a widget's participle, a verb of saying that is no advice, items that speak for the site.
        ("Suggested next steps:\n- Subscribe to our newsletter.\n- Sign up for our newsletter and stay in the loop.\n- Follow us on Facebook and Twitter.\n", "Subscribe to our newsletter."),
        ("Readers told us why they give. Here is what they said:\n- Support independent journalism with a monthly gift.\n- Please support our journalism today.\n- Donate today.\n", "Please support our journalism today."),
        ("Il direttore del giornale consiglia:\n- Iscriviti alla newsletter.\n- Iscriviti alla nostra newsletter gratuita.\n", "Iscriviti alla nostra newsletter gratuita."),
        // Review H: the newsroom or its editors as the lead-in's speaker, in any form of the word.
        ("Редакция «Казанских ведомостей» рекомендует:\n- Поддержите независимую журналистику.\n- Поддержать проект.\n- Подпишитесь на рассылку.\n", "Поддержите независимую журналистику."),
        ("The editors recommend:\n- Sign up for the newsletter.\n- Become a member.\n- Donate today.\n", "Donate today."),
        ("Das Moderationsteam rät:\n- Kommentare werden moderiert.\n- Kommentare sind geschlossen.\n- Hinterlasse einen Kommentar.\n", "Kommentare sind geschlossen."),
    ])
    func aBoxsListStillGoes(list: String, line: String) {
        let result = Self.cleaner.clean(Self.lead + list + "Opposition members criticised the plan for cutting night buses in the villages.\n")
        #expect(!result.text.contains(line), "\(result.text)")
    }
}
