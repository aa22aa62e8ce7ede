/// Newsletter and subscription prompts, paywall notices ("Subscribe to continue reading",
/// "Already a subscriber? Log in") and app download prompts.
public struct SubscriptionPromptRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "subscription-prompt",
        name: "Newsletter, paywall and app prompts",
        family: .subscription,
        summary: "Removes newsletter sign-ups, paywall notices and app download prompts.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "pl", "ru", "tr", "id", "zh", "ja", "ko"],
        triggering: [
            RuleExample("The pier reopens on Monday.\nSign up for our newsletter\nEnter your email address\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nSubscribe to continue reading. Already a subscriber? Log in\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("""
                The pier reopens on Monday.
                Get the best of Harbour Voice delivered to your inbox every morning. Sign up now, it's free, and you can unsubscribe at any time.
                """, expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nDownload our app for the latest news\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nJetzt Newsletter abonnieren\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Le quai rouvre lundi.\nDéjà abonné ? Connectez-vous\n", expected: "Le quai rouvre lundi.\n"),
            RuleExample("El muelle reabre el lunes.\nSuscríbete a nuestro boletín\n", expected: "El muelle reabre el lunes.\n"),
            RuleExample("Паром снова ходит с понедельника.\nПодпишитесь на нашу рассылку\n", expected: "Паром снова ходит с понедельника.\n"),
            RuleExample("Prom wraca na trasę w poniedziałek.\nZapisz się do newslettera\n", expected: "Prom wraca na trasę w poniedziałek.\n"),
            RuleExample("Feribot pazartesi yeniden sefere başlıyor.\nBültenimize abone olun\n", expected: "Feribot pazartesi yeniden sefere başlıyor.\n"),
            RuleExample("Kapal feri kembali beroperasi hari Senin.\nBerlangganan newsletter kami\n", expected: "Kapal feri kembali beroperasi hari Senin.\n"),
            RuleExample("码头周一重新开放。\n订阅我们的新闻通讯\n", expected: "码头周一重新开放。\n"),
            RuleExample("桟橋は月曜日に再開します。\nニュースレターに登録する\n", expected: "桟橋は月曜日に再開します。\n"),
            RuleExample("부두는 월요일에 다시 문을 엽니다.\n뉴스레터 구독하기\n", expected: "부두는 월요일에 다시 문을 엽니다.\n"),
            RuleExample("The pier reopens on Monday.\nEnter your email address to subscribe to this blog and receive notifications of new posts by email.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nBe the first to know. Sign up to receive the harbour news in your inbox.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nScreen Name:\nPassword:\nForgot your password?\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nThanks! You have successfully subscribed.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nThis site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.\n",
                        expected: "The pier reopens on Monday.\n"),
        ],
        nonTriggering: [
            // A subheading between two of the article's paragraphs, with a word of its own besides the phrase.
            RuleExample("More islanders than ever read their news by e-mail, according to the survey published by the council on Friday.\nFake newsletters\nThe police also warn that fraudsters send fake newsletters in the council's name and ask readers to pay a fee.\n"),
            RuleExample("The hackers used a stolen password: the council's IT chief said the attack started with one e-mail.\n"),
            // The article's own sentence about a newsletter.
            RuleExample("Мэрия сообщила, что жители могут подписаться на рассылку о расписании парома на сайте порта, и уже десять тысяч человек это сделали.\n"),
            RuleExample("Belediye, feribot saatleri için bir bülten başlattığını ve ilk hafta beş bin kişinin abone olduğunu açıkladı.\n"),
            RuleExample("The council will subscribe to a new bus service that links the pier to the station, officials said on Friday.\n"),
            RuleExample("Newsletter editors at the paper voted to strike over pay, the union said.\n"),
            RuleExample("The harbour master posted a video of the storm on YouTube, and it was watched a million times in a day.\n"),
            RuleExample("The booking site, which is protected by reCAPTCHA, was still flooded with fake reservations, the ferry company said.\n"),
            RuleExample("The operator's booking form was protected by reCAPTCHA, but its privacy policy did not mention that Google received the data.\n"),
            RuleExample("New terms of service apply from Monday.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = SubscriptionPromptRule.strong.map { Cue($0, .strong) }
        + SubscriptionPromptRule.app.map { Cue($0, .strong, alone: 12) }
        + SubscriptionPromptRule.weak.map { Cue($0, .weak) }

    /// App download prompts: one of these in a short line is enough.
    static let app: [String] = [
        "download our app", "download the app", "get the app", "get our app", "available on the app store", "get it on google play",
        "click here to get the", "app herunterladen", "téléchargez l'application", "descarga la app", "scarica l'app", "baixe o app",
    ]

    static let strong: [String] = [
        // English
        "sign up for our newsletter", "subscribe to our newsletter", "sign up for our free newsletter", "get our newsletter",
        "sign up for the newsletter", "newsletter sign up", "newsletter signup", "sign up to our newsletter",
        "subscribe to continue reading", "subscribe to read", "subscribe now", "subscribe today", "already a subscriber",
        "already a subscriber?", "already have an account", "log in to continue", "sign in to continue", "to continue reading",
        "continue reading", "this article is for subscribers", "subscriber-only", "subscribers only", "for subscribers",
        "unlock this article", "get unlimited access", "unlimited digital access", "start your free trial", "free trial",
        "create a free account", "register for free", "you have reached your limit", "free articles remaining",
        "enter your email", "enter your email address", "your email address", "email address", "delivered to your inbox",
        "straight to your inbox", "in your inbox", "sign up now", "sign up today", "it's free", "you can unsubscribe at any time",
        "unsubscribe at any time", "by signing up", "by subscribing", "no spam", "we'll never share your", "privacy policy",
        "app store", "google play", "click here to subscribe", "become a subscriber", "subscribe for",
        "thanks for signing up", "thank you for subscribing", "check your inbox", "activation link",
        "sign up to receive", "sign up for our daily", "our daily email", "subscribe to this blog", "subscribe to our weekly newsletter",
        "receive notifications of new posts by email", "enter your email address to subscribe", "by clicking subscribe",
        "you agree to our privacy policy", "email newsletters", "stay on top of the latest", "get the latest updates",
        "would like to subscribe", "complete your newsletter subscription", "newsletter subscription", "newsletter preferences",
        "be the first to know", "you can opt out at any time", "i have read and agree", "you have read and agree", "by registering you",
        "free daily newsletter",
        // The notice a sign-up or comment form's spam check leaves
        "this site is protected by recaptcha",
        // Confirmations of a sign-up form and the fields of a log-in form left in the text
        "keep an eye on your inbox", "you have successfully subscribed", "successfully subscribed", "you are now subscribed",
        "password:", "confirm password", "forgot your password", "screen name:", "username:", "create an account",
        "vielen dank für ihre anmeldung", "passwort vergessen", "merci pour votre inscription", "mot de passe oublié",
        "gracias por suscribirte", "olvidaste tu contraseña", "foi cadastrado com sucesso", "esqueceu sua senha",
        // German
        "newsletter abonnieren", "jetzt abonnieren", "zum newsletter anmelden", "für den newsletter anmelden",
        "jetzt newsletter abonnieren", "bereits abonnent", "weiterlesen mit", "jetzt weiterlesen", "abo abschließen",
        "kostenlos testen", "ihre e-mail-adresse", "newsletter bestellen", "zum newsletter",
        // French
        "abonnez-vous", "inscrivez-vous à notre newsletter", "s'abonner à la newsletter", "déjà abonné", "connectez-vous",
        "pour lire la suite", "lire la suite", "réservé aux abonnés", "votre adresse e-mail",
        // Spanish, Italian, Portuguese
        "suscríbete", "suscríbete a nuestro boletín", "suscríbete a nuestra newsletter", "ya eres suscriptor",
        "ya soy suscriptor", "sigue leyendo", "iscriviti alla newsletter", "abbonati", "sei già abbonato",
        "continua a leggere", "assine", "inscreva-se", "já é assinante", "continue lendo",
        // Dutch, Scandinavian
        "abonneer", "schrijf je in voor onze nieuwsbrief", "meld je aan voor de nieuwsbrief", "al abonnee", "lees verder",
        "abonner", "allerede abonnent", "meld deg på nyhetsbrevet", "les videre", "prenumerera", "redan prenumerant",
        "läs vidare", "abonnér", "tilmeld dig vores nyhedsbrev", "læs videre",
        // Polish, Russian, Turkish, Indonesian, Chinese, Japanese, Korean (the matcher folds the Cyrillic capitals
        // А-О but З, so a first word from П on is listed both ways)
        "zapisz się do newslettera", "zapisz się na newsletter", "zapisz się do naszego newslettera", "zaprenumeruj",
        "подпишитесь на рассылку", "Подпишитесь на рассылку", "подпишитесь на нашу рассылку", "Подпишитесь на нашу рассылку",
        "подписаться на рассылку", "Подписаться на рассылку", "оформите подписку", "Оформите подписку",
        "bültenimize abone olun", "e-bültene abone ol", "abone ol", "berlangganan newsletter", "berlangganan newsletter kami",
        "订阅我们的新闻通讯", "订阅新闻通讯", "订阅我们的电子报", "訂閱電子報", "ニュースレターに登録", "ニュースレターに登録する", "メールマガジン登録", "メールマガジンに登録する",
        "メルマガ登録", "뉴스레터 구독", "뉴스레터 구독하기",
        // Newsletter and paywall prompts in more languages
        "cadastre-se na nossa newsletter", "assine nossa newsletter", "receba as principais notícias",
        "iscriviti alla nostra newsletter", "schrijf je in voor de nieuwsbrief",
        "prenumerera på nyhetsbrevet", "přihlaste se k odběru",
        "odebírat newsletter", "підпишіться на нашу розсилку", "Підпишіться на нашу розсилку", "订阅我们的新闻简报",
        "recibe nuestra newsletter", "apúntate gratis", "recibe cada mañana en tu correo", "recevez chaque matin",
        "je m'inscris", "mit der anmeldung akzeptieren sie",
        "この記事は会員限定です", "毎朝お届けします", "подписывайтесь на наш канал",
        "Подписывайтесь на наш канал",
    ]

    static let weak: [String] = ["newsletter", "newsletters", "subscribe", "sign up", "log in", "sign in", "nyhetsbrev", "nieuwsbrief"]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        SubscriptionPromptRule.policy.detect(context, cues: cues, into: &findings)
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 30, strongCuesToRemove: 2,
                                     longBlockWords: 60, strongCuesToRemoveLong: 3)
}
