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
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "pl", "ru", "tr", "id", "zh", "ja", "ko"],
        triggering: [
            RuleExample("""
                The pier reopens on Monday.
                We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.
                Accept
                """, expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nThis website uses cookies. Accept all cookies\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nThis site is using cookies. By continuing to use our website, you are agreeing to our use of cookies.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nI agree to the processing of my personal data for the purpose of creating an account on this site, in compliance with the Privacy Policy.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("Il molo riapre lunedì.\nUtilizziamo i cookie per offrirti la migliore esperienza sul nostro sito. Se continui ad utilizzare questo sito noi assumiamo che tu ne sia felice.\n",
                        expected: "Il molo riapre lunedì.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nDiese Website verwendet Cookies. Alle akzeptieren\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Паром снова ходит с понедельника.\nМы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.\n",
                        expected: "Паром снова ходит с понедельника.\n"),
            RuleExample("Prom wraca na trasę w poniedziałek.\nTa strona używa plików cookie. Akceptuję\n", expected: "Prom wraca na trasę w poniedziałek.\n"),
            RuleExample("Kapal feri kembali beroperasi hari Senin.\nKami menggunakan cookie. Terima semua cookie\n", expected: "Kapal feri kembali beroperasi hari Senin.\n"),
            RuleExample("Feribot pazartesi yeniden sefere başlıyor.\nBu web sitesi çerezleri kullanır. Tümünü kabul et\n",
                        expected: "Feribot pazartesi yeniden sefere başlıyor.\n"),
            RuleExample("Kapal feri kembali beroperasi hari Senin.\nSitus ini menggunakan cookie. Terima semua\n", expected: "Kapal feri kembali beroperasi hari Senin.\n"),
            RuleExample("码头周一重新开放。\n本网站使用Cookie，继续浏览即表示您同意。 接受全部\n", expected: "码头周一重新开放。\n"),
            RuleExample("桟橋は月曜日に再開します。\n当サイトではCookieを使用しています。 すべて同意する\n", expected: "桟橋は月曜日に再開します。\n"),
            RuleExample("부두는 월요일에 다시 문을 엽니다.\n이 웹사이트는 쿠키를 사용합니다. 모두 허용\n", expected: "부두는 월요일에 다시 문을 엽니다.\n"),
            RuleExample("Le quai rouvre lundi.\nNous utilisons des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.\n",
                        expected: "Le quai rouvre lundi.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nWir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Mit der Nutzung unserer Website stimmen Sie der Verwendung zu.\n",
                        expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("El muelle reabre el lunes.\nUtilizamos cookies para mejorar su experiencia. Al continuar navegando, acepta su uso.\n",
                        expected: "El muelle reabre el lunes.\n"),
            RuleExample("De pier gaat maandag weer open.\nDeze website maakt gebruik van cookies. Door verder te gaan ga je akkoord met ons cookiebeleid.\n",
                        expected: "De pier gaat maandag weer open.\n"),
            RuleExample("Паром снова ходит с понедельника.\nЭтот сайт использует файлы cookie. Продолжая работу с сайтом, вы соглашаетесь на их использование.\n",
                        expected: "Паром снова ходит с понедельника.\n"),
            RuleExample("Feribot pazartesi yeniden sefere başlıyor.\nBu sitede çerezler kullanılmaktadır. Siteyi kullanmaya devam ederek çerez kullanımını kabul etmiş olursunuz.\n",
                        expected: "Feribot pazartesi yeniden sefere başlıyor.\n"),
            RuleExample("Prom wraca na trasę w poniedziałek.\nTa strona używa ciasteczek. Dalsze korzystanie ze strony oznacza, że wyrażasz zgodę na ich używanie.\n",
                        expected: "Prom wraca na trasę w poniedziałek.\n"),
        ],
        nonTriggering: [
            // Items of the article's own list (the others read as its sentences) say what a regulator found.
            RuleExample("The regulator published its findings on Tuesday after a two-year inquiry into the site.\nWhat the regulator found\n- Cookies were set before consent.\n- The regulator counted 4,000 complaints in two years.\n- The site changed its banner in March after the first warning.\n"),
            // A paragraph that quotes a banner reports it: phrases inside quotation marks do not count towards removing it.
            RuleExample("The regional court ruled on Tuesday that the ferry company's website had broken the law for two years.\nIts banner read: \"We use cookies to give you the best experience. By clicking Accept all, you consent to our use of cookies.\" The button to refuse was hidden in a menu.\nThe company said it would appeal the ruling.\n"),
            // Everyday words that a cookie banner's button also uses, and a report that names a banner's phrase.
            RuleExample("Принять все меры\n"),
            RuleExample("Kami terima semua\n"),
            RuleExample("Regulator menyatakan bahwa situs ini menggunakan cookie tanpa persetujuan pengunjung, dan perusahaan itu didenda.\n"),
            RuleExample("Regulators said the site had placed tracking cookies on visitors' computers without asking for their consent.\n"),
            RuleExample("The bakery sells cookies and bread from a stall on the quay.\n"),
            RuleExample("The regulator said the firm's use of cookies and similar technologies broke the law, and fined it two million euros.\n"),
            // A report that quotes a banner's formula, and articles that use its words in their own sentences.
            RuleExample("Verbraucherschützer kritisieren den Satz „Mit der Nutzung unserer Website stimmen Sie der Verwendung von Cookies zu“, weil er keine Wahl lasse.\n"),
            RuleExample("El alcalde dijo que la nueva web municipal servirá para mejorar su experiencia con los trámites y que no usará publicidad.\n"),
            RuleExample("Door verder te gaan met de bouw van de brug negeert de gemeente het advies van de provincie, zegt de oppositie.\n"),
            // Review J: a review's verdict, a how-to's heading, a ballot's question, the policy's name as a report's heading.
            RuleExample("Das beste Nutzererlebnis bietet das Pixel.\n"),
            RuleExample("Cómo mejorar tu experiencia en Netflix\n"),
            RuleExample("Gaat u akkoord met de fusie?\n"),
            RuleExample("Polityka cookies\n"),
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
        "this website is using cookies", "this site is using cookies", "our use of cookies", "agreeing to our use of cookies",
        "you accept our use of cookies", "by continuing to use our website", "by continuing to use our site",
        "by continuing to use this website", "by continuing to use the site", "if you continue to use our website",
        "if you continue using our website", "if you continue to use this website", "happy to receive all cookies",
        "cookies and other tracking technologies", "cookies and similar technologies", "by choosing i accept",
        "cookies that are categorized as necessary", "necessary cookies are absolutely essential", "non-necessary cookies",
        "opt-out of these cookies", "third-party cookies that help us", "stored on your browser", "we use cookies to enhance",
        "improve your browsing experience", "to enhance your visit", "privacy and cookie policies", "cookie statement",
        "withdraw your consent", "grant your consent", "to process and share personal data",
        "basic functionalities and security features", "necessary for the website to function", "with our third party partners",
        "to deliver its services", "and to analyze traffic", "processing of my personal data",
        "in compliance with the privacy policy", "by submitting this form", "you may revoke this consent",
        "your personal data will", "for the purposes of spam filtering",
        // German
        "wir verwenden cookies", "diese website verwendet cookies", "diese webseite verwendet cookies", "cookie-einstellungen",
        "wenn sie die website weiter nutzen", "verwendung von cookies zu",
        "alle akzeptieren", "alle ablehnen", "cookies zulassen",
        // French
        "nous utilisons des cookies", "ce site utilise des cookies", "en poursuivant votre navigation", "tout accepter",
        "paramètres des cookies", "vous acceptez leur utilisation", "vous acceptez l'utilisation",
        // Spanish, Italian, Portuguese
        "utilizamos cookies", "este sitio web utiliza cookies", "usamos cookies", "aceptar todas", "configuración de cookies",
        "utilizziamo i cookie", "questo sito utilizza cookie", "questo sito utilizza i cookie", "accetta tutti",
        "este site utiliza cookies", "utilizamos cookies para", "aceitar todos", "utilizziamo i cookie per",
        "se continui ad utilizzare questo sito", "assumiamo che tu ne sia felice", "la migliore esperienza sul nostro sito",
        // Dutch, Scandinavian
        "wij gebruiken cookies", "deze website gebruikt cookies", "deze site gebruikt cookies", "om services te leveren",
        "advertenties te personaliseren", "verkeer te analyseren", "alles accepteren", "vi bruker informasjonskapsler",
        "vi bruker cookies", "godta alle", "vi använder cookies", "vi använder kakor", "acceptera alla", "vi bruger cookies",
        "accepter alle",
        // Polish, Russian, Turkish, Indonesian, Chinese, Japanese, Korean (the matcher folds the Cyrillic capitals А-О
        // but З, so a first word from П on is listed both ways; Turkish "ı" is listed as "i" too, for text in capitals)
        "ta strona używa plików cookie", "używamy plików cookie", "ta strona korzysta z plików cookie", "akceptuję wszystkie",
        "мы используем файлы cookie", "Мы используем файлы cookie", "этот сайт использует файлы cookie",
        "Этот сайт использует файлы cookie", "сайт использует файлы cookie", "продолжая пользоваться сайтом",
        "Продолжая пользоваться сайтом", "принять все cookie", "Принять все cookie", "принять все файлы cookie",
        "Принять все файлы cookie", "Сайт использует файлы cookie", "bu web sitesi çerezleri kullanır",
        "bu site çerezleri kullanır", "çerezleri kullanıyoruz", "çerez politikası", "bu web sitesi çerezleri kullanir",
        "bu site çerezleri kullanir", "çerezleri kullaniyoruz", "çerez politikasi", "tümünü kabul et", "situs ini menggunakan cookie",
        "kami menggunakan cookie", "terima semua cookie", "本网站使用cookie", "我们使用cookie", "接受全部", "本網站使用cookie",
        "当サイトではcookieを使用しています", "当サイトではクッキーを使用しています", "すべて同意する",
        "이 웹사이트는 쿠키를 사용합니다", "쿠키를 사용합니다", "모두 허용",
        // Site notices in more languages
        "este site usa cookies", "ao continuar navegando", "deze website maakt gebruik van cookies",
        "bruker informasjonskapsler", "administrer valg", "этот сайт использует cookie", "Этот сайт использует cookie",
        "оставаясь на сайте", "Оставаясь на сайте", "ми використовуємо файли cookie", "Ми використовуємо файли cookie",
        "продовжуючи користуватися сайтом", "Продовжуючи користуватися сайтом", "dengan melanjutkan",
        "ta strona korzysta z ciasteczek", "korzysta z plików cookie", "tento web používá cookies",
        "tento web používá soubory cookie", "bu web sitesi çerez kullanmaktadır", "bu web sitesi çerez kullanmaktadir", "çerezleri kabul et",
        "クッキー（cookie）を使用しています", "cookieを使用しています", "クッキーを使用しています", "继续浏览即表示您同意", "繼續瀏覽即表示您同意", "계속 이용하시면",
        // The banner's second sentence (what continuing means), in the languages above: only the forms that name cookies
        // or the site's own website ("Mit der Nutzung unserer Website", "ga je akkoord met ons cookiebeleid"); not "das
        // beste Nutzererlebnis", "mejorar su experiencia", "Gaat u akkoord met", "Cookiebeleid" alone, which articles
        // say (a review's verdict, a how-to's heading, a ballot's question, a report on a fine)
        "mit der nutzung unserer website", "stimmen sie der verwendung von cookies", "mit der verwendung von cookies einverstanden",
        "al continuar navegando", "si continúa navegando", "acepta el uso de cookies", "aceptas el uso de cookies",
        "consideramos que acepta su uso", "concorda com a nossa política", "concorda com o uso de cookies",
        "aceita o uso de cookies", "accetti l'uso dei cookie", "acconsenti all'uso dei cookie", "ga je akkoord met ons cookiebeleid",
        "gaat u akkoord met ons cookiebeleid", "akkoord met het gebruik van cookies", "wyrażasz zgodę na ich użycie",
        "wyrażasz zgodę na używanie plików cookie", "продолжая работу с сайтом", "Продолжая работу с сайтом",
        "bu sitede çerezler kullanılmaktadır", "bu sitede çerezler kullanilmaktadir", "çerez kullanımını kabul",
        "çerez kullanimini kabul", "sitemizde çerezler kullanılmaktadır", "sitemizde çerezler kullanilmaktadir",
        "мы используем cookies", "мы используем cookie", "вы соглашаетесь на обработку", "dalsze korzystanie ze strony oznacza",
        "dalsze korzystanie z serwisu oznacza", "ta strona używa ciasteczek", "çerez politikamızı", "çerez politikamizi",
    ]

    static let weak: [String] = ["cookies", "cookie", "consent", "gdpr", "privacy", "accept", "got it", "ok", "i agree", "agree"]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        CookieNoticeRule.policy.detect(context, cues: cues, into: &findings)
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 25, strongCuesToRemove: 2,
                                     longBlockWords: 80, strongCuesToRemoveLong: 3)
}
