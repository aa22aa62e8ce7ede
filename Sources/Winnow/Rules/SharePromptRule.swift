/// Share and social residue: "Share this:", "Click to share on X (Opens in new window)", "Like this:",
/// "Like Loading...", "Follow us on ...", share counts, "Tweet", "Pin it". Removed when the cues make up
/// most of a short block, so an article sentence about sharing stays.
public struct SharePromptRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "share-prompt",
        name: "Share and social prompts",
        family: .share,
        summary: "Removes share buttons, share counts, like prompts and follow-us lines left by social widgets.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "ru", "zh", "ja", "ko"],
        triggering: [
            RuleExample("桟橋は月曜日に再開します。\n* ツイート\n* シェアする\n", expected: "桟橋は月曜日に再開します。\n"),
            RuleExample("The pier reopens on Monday.\nShare this:\nClick to share on Twitter (Opens in new window)\nLike this:\nLike Loading...\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\n1.2K shares\nTweet\nPin it\nShare on WhatsApp\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nFollow us on Facebook and Twitter\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nArtikel teilen\nAuf Facebook teilen\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Le quai rouvre lundi.\nPartager sur Facebook\nPartager sur Twitter\n", expected: "Le quai rouvre lundi.\n"),
            RuleExample("El muelle reabre el lunes.\nCompartir en WhatsApp\n", expected: "El muelle reabre el lunes.\n"),
            RuleExample("Kaia åpner mandag.\nDel på Facebook\n", expected: "Kaia åpner mandag.\n"),
            RuleExample("The pier reopens on Monday.\nShare: Facebook | X | LinkedIn | WhatsApp\nSend by email\n", expected: "The pier reopens on Monday.\n"),
            // Article tools next to the share buttons.
            RuleExample("The pier reopens on Monday.\nPrint article\nRead later\nResize text\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nArtikel drucken\nArtikel merken\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("The pier reopens on Monday.\nGet short URL\nShare permalink\n", expected: "The pier reopens on Monday.\n"),
        ],
        nonTriggering: [
            // Platforms named in the article: a list its own sentence introduces, a survey's figures, an interview's question.
            RuleExample("The council banned three apps on its staff's phones after the audit:\nFacebook\nTikTok\nWhatsApp\nEmail stays allowed.\n"),
            RuleExample("Where do the island's teenagers read the news, the survey asked.\nInstagram 41%\nFacebook 7%\nTwitter 5%\n"),
            RuleExample("Which app do you open first in the morning?\nThe ferry timetable.\nAnd Facebook?\nOnly on Sundays.\n"),
            RuleExample("Nuevo retraso para la reparación del muelle\nEl pleno votó ayer.\n"),
            RuleExample("Residents were asked to share their views on the new timetable before the end of the month.\n"),
            RuleExample("He said he would follow us on the long walk to the harbour if the weather held.\n"),
            RuleExample("Like this year, the festival will be held on the quay.\n"),
            RuleExample("The timetable is printed in a larger text size this year, so older travellers can read it at the kiosk.\n"),
            RuleExample("Print article 12 of the harbour bylaws on the notice board of the ferry terminal, the council asked.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = SharePromptRule.phrases.map { Cue($0, .strong) }

    static let phrases: [String] = [
        // English
        "share", "shares", "share this", "share this:", "share this article", "share this story", "share this post",
        "share on facebook", "share on twitter", "share on whatsapp", "share on linkedin", "share on pinterest",
        "share on reddit", "share via email", "share by email", "share this on whatsapp", "share it with a friend",
        "click to share on twitter", "click to share on facebook", "click to share on linkedin", "click to share on reddit",
        "click to share on pinterest", "click to share on whatsapp", "click to share on tumblr", "click to share on telegram",
        "click to email a link to a friend", "click to email this to a friend", "click to print", "opens in new window",
        "like this:", "like this", "like loading...", "like loading", "be the first to like this", "tweet", "tweet this",
        "pin it", "pin", "email this", "print this", "print this page", "copy link", "link copied", "copied!", "sharing is caring",
        "follow us on", "follow us", "follow me on", "like us on facebook", "find us on facebook", "facebook", "twitter",
        "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "tumblr", "messenger", "email", "print",
        "like this story? share it with a friend!", "like this story?", "share on x", "post on x", "share:", "share via",
        "send by email", "send by e-mail", "email a friend", "share this story with a friend", "share with a friend",
        "get short url", "short url", "share permalink", "copy url",
        // Article tools beside the share buttons: print, read later, text size
        "print article", "print this article", "print story", "print this story", "read later", "save for later",
        "save article", "text size", "font size", "resize text", "print mode", "view pdf", "artikel drucken",
        "artikel merken", "schriftgröße", "imprimer l'article", "imprimer cet article", "taille du texte",
        "imprimir artículo", "imprimir noticia", "tamaño de letra", "stampa articolo",
        // German
        "teilen", "artikel teilen", "auf facebook teilen", "auf twitter teilen", "per e-mail teilen", "folgen sie uns",
        "drucken", "link kopieren", "teilen auf facebook", "diesen artikel teilen", "per e-mail", "per e-mail senden",
        "teilen:",
        // French
        "partager", "partager sur facebook", "partager sur twitter", "partager par e-mail", "suivez-nous", "imprimer",
        "copier le lien", "partager cet article", "envoyer par e-mail", "partager:", "partager :",
        // Spanish, Italian, Portuguese
        "compartir", "compartir en facebook", "compartir en twitter", "compartir en whatsapp", "síguenos", "imprimir",
        "condividi", "condividi su facebook", "condividi su whatsapp", "seguici", "stampa", "compartilhar", "partilhar",
        "compartilhe", "siga-nos", "compartir este artículo", "comparte esta noticia", "compartir:", "condividi questo articolo",
        // Dutch, Scandinavian, Finnish
        "delen", "deel dit artikel", "volg ons", "del på facebook", "del artikkelen", "følg oss", "dela",
        "dela på facebook", "följ oss", "del på facebook", "følg os", "jaa", "jaa facebookissa", "seuraa meitä",
        "del på x", "send på e-post", "del saken", "del saken med en venn", "del:", "del artiklen", "dela artikeln",
        // Russian (as written), Chinese, Japanese, Korean
        "поделиться", "Поделиться", "поделиться:", "Поделиться:", "分享", "分享到", "分享到：", "转发", "ツイート", "シェア",
        "シェアする", "いいね", "はてなブックマーク", "공유하기", "공유",
        // Buttons in more languages
        "twittern", "per e-mail versenden", "udostępnij", "udostępnij artykuł", "skopiuj link", "sdílet",
        "sdílet na facebooku", "poslat e-mailem", "paylaş", "facebook'ta paylaş", "twitter'da paylaş",
        "whatsapp'ta paylaş", "bu haberi paylaş", "поділитися", "Поділитися", "поділитися новиною", "Поділитися новиною",
        "bagikan", "bagikan artikel ini",
        "compartilhe esta notícia", "xでポスト", "lineで送る", "この記事をシェア", "url 복사",
        "kopiera länk", "del på e-post", "delen via e-mail", "enviar por correo", "dela på x", "obserwuj nas",
        "подписывайтесь на нас", "Подписывайтесь на нас", "bizi takip edin",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let start = findings.count
        SharePromptRule.policy.detect(context, cues: cues, into: &findings)
        guard findings.count > start else { return }
        // A question ("And Facebook?") is an interview's, and platforms' names listed under an article's own sentence that
        // introduces them with a colon ("Civil servants may no longer install these apps:", then "Facebook", "WhatsApp")
        // are its list: neither is a share bar.
        let p = context.bytes, blocks = context.blocks
        // The line before the list must hold none of the rule's phrases ("Follow us on social media:").
        let prompts = Set(context.matches.map(\.block))
        findings.keepFindings(from: start) { finding in
            let b = finding.block
            // A question with words besides the phrases ("And Facebook?"; not "Share this story?").
            if Bytes.endsWithQuestionMark(p, blocks[b].trimmed), case .cues(_, let coverage) = finding.evidence, coverage < 1 { return false }
            // Up through the list's short items (other names, "Instagram") to the line before them.
            var lead = b - 1, items = 0
            while lead >= 0 && items < SharePromptRule.listItems
                    && (blocks[lead].isBlank || (blocks[lead].words <= 3 && !blocks[lead].endsLikeSentence && !Bytes.endsWithColon(p, blocks[lead].trimmed))) {
                if !blocks[lead].isBlank { items += 1 }
                lead -= 1
            }
            return !(lead >= 0 && !prompts.contains(lead) && context.introducesList(blocks[lead]))
        }
    }

    /// Items of a list looked through for the line that introduces it.
    static let listItems = 15

    static let policy = PhrasePolicy(minCoverage: 0.6, maxWordsForCoverage: 12, strongCuesToRemove: nil)
}
