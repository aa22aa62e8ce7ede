/// Donation and membership appeals: "Every contribution, however big or small, ...",
/// "Support our journalism", "Become a member", in eleven languages.
///
/// Strong cues are phrases addressed to the reader that an article rarely uses in its own prose;
/// weak cues ("donate", "Support ...") only count beside a removed appeal (its heading).
/// A block goes when cues cover most of it, or when it holds two distinct strong cues
/// (three in a paragraph over 80 words).
public struct DonationAppealRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "donation-appeal",
        name: "Donation and membership appeals",
        family: .donation,
        summary: "Removes appeals for donations, contributions and memberships, and the short heading that introduces one.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi", "pl", "ru", "tr", "id"],
        triggering: [
            RuleExample("""
                The council approved the budget on Tuesday.
                Support Harbour Voice
                If you value what we do, please consider supporting us. Every contribution, however big or small, keeps our reporters on the street.
                """, expected: "The council approved the budget on Tuesday.\n"),
            RuleExample("The vote was close.\nDonate now\n", expected: "The vote was close.\n"),
            RuleExample("Der Rat tagte am Montag.\nUnterstützen Sie unseren Journalismus. Jeder Beitrag hilft, egal wie groß oder klein.\n",
                        expected: "Der Rat tagte am Montag.\n"),
            RuleExample("Le conseil a voté.\nSoutenez notre journalisme : faites un don dès aujourd'hui.\n", expected: "Le conseil a voté.\n"),
            RuleExample("El pleno votó ayer.\nApoya nuestro periodismo. Hazte socio desde solo 5 euros al mes.\n", expected: "El pleno votó ayer.\n"),
            RuleExample("Il consiglio ha votato.\nSostieni il nostro giornalismo: ogni contributo, grande o piccolo, conta.\n", expected: "Il consiglio ha votato.\n"),
            RuleExample("A câmara votou.\nApoie o nosso jornalismo. Faça uma doação hoje.\n", expected: "A câmara votou.\n"),
            RuleExample("De raad stemde.\nSteun onze journalistiek. Word lid al vanaf 5 euro per maand.\n", expected: "De raad stemde.\n"),
            RuleExample("Bystyret stemte.\nStøtt vår journalistikk! Hvert bidrag, stort eller lite, betyr mye.\n", expected: "Bystyret stemte.\n"),
            RuleExample("Fullmäktige röstade.\nStöd vår journalistik. Varje bidrag, stort som litet, gör skillnad.\n", expected: "Fullmäktige röstade.\n"),
            RuleExample("Byrådet stemte.\nStøt vores journalistik. Bliv medlem i dag – det tager kun et minut.\n", expected: "Byrådet stemte.\n"),
            RuleExample("Valtuusto äänesti.\nTue journalismiamme. Jokainen lahjoitus auttaa.\n", expected: "Valtuusto äänesti.\n"),
            RuleExample("Rada głosowała we wtorek.\nWesprzyj niezależne dziennikarstwo. Każda wpłata, nawet najmniejsza, ma znaczenie.\n",
                        expected: "Rada głosowała we wtorek.\n"),
            RuleExample("Совет проголосовал во вторник.\nПоддержите независимую журналистику. Любая сумма, даже самая небольшая, важна для нас.\n",
                        expected: "Совет проголосовал во вторник.\n"),
            RuleExample("Meclis salı günü oyladı.\nBağımsız gazeteciliği destekleyin. Her bağış, küçük ya da büyük, fark yaratır.\n",
                        expected: "Meclis salı günü oyladı.\n"),
            RuleExample("Dewan memberikan suara pada hari Selasa.\nDukung jurnalisme independen. Setiap donasi, besar atau kecil, sangat berarti.\n",
                        expected: "Dewan memberikan suara pada hari Selasa.\n"),
        ],
        nonTriggering: [
            // Someone's appeal reported with a tag, after it or before it with a colon, is the article's sentence.
            RuleExample("The ferry company faces a deficit of 2 million euros this year.\nSupport independent journalism, the minister said on Tuesday.\nSteun onafhankelijke journalistiek, zei de minister.\n«Colabora con nosotros», pidió la Guardia Civil.\nLa alcaldesa pidió: «Colabora con nosotros».\n"),
            // A paragraph that quotes an appeal (a charity's chairman speaking) reports it.
            RuleExample("Die Seenotretter auf der Insel bitten nach dem Sturm um Hilfe für ein neues Bootshaus.\n„Jeder Euro hilft“, sagte der Vorsitzende Olav Berg. „Spenden Sie jetzt, damit wir vor dem Sommer wieder ausfahren können.“\nDie Gemeinde will die Hälfte der Kosten übernehmen.\n"),
            // A poll's rows: "Support" is a label of figures there.
            RuleExample("A poll of 1,200 residents shows most want the ferry to run all night.\nSupport: 58%\nOppose: 31%\nDon't know: 11%\n"),
            // Reports on giving, in the article's own words: a fundraiser's "any donation, however small" is news.
            RuleExample("Panitia mengatakan setiap donasi, besar atau kecil, akan disalurkan langsung kepada keluarga korban banjir di Demak.\n"),
            RuleExample("По словам организаторов сбора, любая сумма, даже самая небольшая, поможет семьям пострадавших.\n"),
            RuleExample("Dernek başkanı, her bağış küçük ya da büyük olsun depremzedelere ulaştırılacak dedi.\n"),
            RuleExample("Organizatorzy podkreślają, że każda wpłata, nawet najmniejsza, trafi do rodzin rybaków.\n"),
            RuleExample("Każda wpłata się liczy\n"),
            RuleExample("\"Bize destek olun\" dedi.\n"),
            RuleExample("Dukung kami, kata mereka.\n"),
            RuleExample("Support for the ruling party fell to its lowest level in a decade, a poll showed.\n"),
            RuleExample("The charity urged residents to donate blankets and warm clothes before the storm arrives on Friday.\n"),
            RuleExample("""
                The Red Cross said it would ask the public to donate to a relief fund, and that every contribution would be \
                matched by the government. Officials said the fund had raised 2 million euros by Monday, and volunteers \
                were already distributing food and water in the worst-hit villages along the coast.
                """),
            RuleExample("Donations to political parties must be declared, the electoral commission said.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = DonationAppealRule.strong.map { Cue($0, .strong) }
        + DonationAppealRule.weak.map { Cue($0, .weak) }
        + DonationAppealRule.weakAtStart.map { Cue($0, .weak, atStart: true) }

    /// Phrases addressed to the reader about paying for the publication.
    static let strong: [String] = [
        // English
        "support our journalism", "support independent journalism", "support quality journalism", "support our reporting",
        "support our work", "support our mission", "support us", "please support us", "consider supporting us",
        "consider a donation", "consider making a donation", "every contribution, however", "however big or small",
        "it only takes a minute", "takes less than a minute", "donate now", "donate today", "donate here",
        "make a one-time contribution", "make a one-off contribution", "make a monthly contribution", "become a member",
        "become a patron", "become a supporter", "become a sustaining member", "join us today",
        "if there were ever a time to join us", "powers our journalism", "fund our journalism", "funds our journalism",
        "funding our journalism", "keep our journalism", "reader-funded", "reader funded", "reader-supported",
        "a regular amount each month", "monthly donation", "one-time donation", "one-off donation", "if you value our",
        "if you value what we do", "if you like our work", "if you enjoyed this article", "if you appreciate our",
        "help us keep", "help us continue", "chip in", "buy us a coffee", "buy me a coffee", "give what you can",
        "relies on the support of", "depends on the support of", "support from readers", "support from our readers",
        // German
        "unterstützen sie unseren journalismus", "unterstützen sie uns", "unterstütze uns", "jetzt spenden",
        "jetzt unterstützen", "jeder beitrag hilft", "jeder euro hilft", "egal wie groß oder klein", "mitglied werden",
        "werden sie mitglied", "werde mitglied", "förderer werden", "fördermitglied werden", "es dauert nur eine minute",
        "mit einer spende", "mit ihrer spende", "spenden sie jetzt",
        // French
        "soutenez notre journalisme", "soutenez-nous", "soutenez nous", "faites un don", "chaque contribution",
        "aussi petite soit-elle", "quel que soit son montant", "devenez membre", "devenez adhérent", "un don ponctuel",
        "don mensuel",
        // Spanish
        "apoya nuestro periodismo", "apoye nuestro periodismo", "apoya el periodismo", "haz una donación",
        "haga una donación", "dona ahora", "cada contribución", "cada aportación", "por pequeña que sea", "hazte socio",
        "hazte socia", "hazte miembro", "hazte mecenas", "solo te llevará un minuto", "apóyanos",
        // Italian
        "sostieni il nostro giornalismo", "sostienici", "fai una donazione", "dona ora", "ogni contributo",
        "diventa socio", "diventa membro", "ci vuole solo un minuto",
        // Portuguese
        "apoie o nosso jornalismo", "apoie nosso jornalismo", "faça uma doação", "doe agora", "cada contribuição",
        "por menor que seja", "seja sócio", "torne-se membro", "seja membro", "leva apenas um minuto",
        // Dutch
        "steun onze journalistiek", "steun ons", "doneer nu", "doe een donatie", "elke bijdrage", "word lid",
        "word donateur", "kost maar een minuut", "duurt maar een minuut", "vrijwillige bijdrage",
        // Norwegian
        "støtt vår journalistikk", "støtt oss", "gi en gave", "gi et bidrag", "hvert bidrag", "bli medlem",
        "bli støttemedlem", "det tar bare et minutt", "vi trenger din støtte",
        // Swedish
        "stöd vår journalistik", "stöd oss", "ge en gåva", "varje bidrag", "bli månadsgivare", "det tar bara en minut",
        "skänk en gåva",
        // Danish
        "støt vores journalistik", "støt os", "giv et bidrag", "bliv medlem", "bliv støttemedlem", "det tager kun et minut",
        // Finnish
        "tue journalismiamme", "tue meitä", "jokainen lahjoitus", "lahjoita nyt", "liity jäseneksi",
        // Polish
        "wesprzyj nas", "wesprzyj niezależne dziennikarstwo", "wspieraj niezależne dziennikarstwo", "wesprzyj naszą pracę",
        "przekaż darowiznę", "wpłać darowiznę", "zostań patronem",
        // Russian (the matcher folds the capitals А-О but З; a first word from П on is listed both ways)
        "поддержите независимую журналистику", "Поддержите независимую журналистику", "поддержите нас", "Поддержите нас",
        "поддержать проект", "Поддержать проект", "поддержите проект", "Поддержите проект", "сделать пожертвование",
        // Turkish ("ı" listed as "i" too, for text in capitals)
        "bağımsız gazeteciliği destekleyin", "bağimsiz gazeteciliği destekleyin", "bağış yapın", "bağiş yapin",
        // Indonesian
        "dukung jurnalisme independen", "berdonasi sekarang",
        // Appeals in more languages
        "apoie o jornalismo independente", "apoie o jornalismo", "contribua com qualquer valor", "quero apoiar",
        "steun onafhankelijke journalistiek", "steun onafhankelijke lokale journalistiek", "doneer eenmalig",
        "støtt lokaljournalistikken", "støtt uavhengig journalistikk",
        "bağımsız gazeteciliğe destek olun", "bağimsiz gazeteciliğe destek olun", "bağış yap", "bağiş yap", "okurlarımızın bağışlarıyla", "okurlarimizin bağişlariyla",
        "підтримайте незалежну журналістику", "Підтримайте незалежну журналістику", "підтримайте нашу роботу",
        "Підтримайте нашу роботу", "podpořte nezávislou žurnalistiku", "podpořte nás", "поддержать редакцию",
        "Поддержать редакцию", "поддержите редакцию", "Поддержите редакцию", "поддержите нас", "Поддержите нас",
        "wesprzyj nas", "wesprzyj nas dowolną kwotą", "dukung kami dengan donasi", "支持独立新闻", "欢迎打赏",
        "打赏支持", "독립언론을 후원해 주세요", "후원하기", "독자 여러분의 후원", "colabora con nosotros", "puedes apoyarnos", "apóyanos",
        "aidez-nous à rester indépendants", "soutenez-nous", "soutenez notre rédaction",
    ]

    /// Words and phrases that suggest an appeal only in context (they are common in news prose).
    static let weak: [String] = [
        "donate", "donation", "donations", "contribute", "contribution", "patron", "patreon", "membership",
        "big or small", "large or small", "from as little as", "your support", "your contribution", "readers like you",
        "with your support", "thank you for your support", "you can help", "tax-deductible", "tax deductible",
        "spende", "spenden", "ihre unterstützung", "schon ab", "groß oder klein", "jeder beitrag",
        "votre soutien", "à partir de", "déductible", "qu'une minute", "nous soutenir", "faire un don",
        "donar", "donación", "tu apoyo", "con tu apoyo", "tu aportación", "desde solo", "grande o pequeña",
        "donazione", "il tuo sostegno", "il tuo contributo", "a partire da", "grande o piccolo",
        "doação", "doar", "o seu apoio", "seu apoio", "a partir de apenas",
        "donatie", "doneer", "uw steun", "jouw steun", "al vanaf", "groot of klein",
        "gave", "bidrag", "din støtte", "fra så lite som", "stort eller lite",
        "gåva", "ditt stöd", "från så lite som", "stort som litet", "stort eller småt", "lahjoitus",
        // Polish, Russian, Turkish, Indonesian: "however small" is said of fundraisers in news prose too. Not "every
        // donation", "any amount", "support us" alone: a short line of them ("Każda wpłata się liczy", a quote) is news.
        "nawet najmniejsza", "даже самая небольшая", "küçük ya da büyük", "besar atau kecil",
    ]

    /// Words that open an appeal's heading ("Support Harbour Voice").
    static let weakAtStart: [String] = [
        "support", "help", "unterstützen", "unterstütze", "soutenez", "soutenir", "apoya", "apoye", "apoie", "sostieni",
        "steun", "støtt", "stöd", "støt", "tue",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        DonationAppealRule.policy.detect(context, cues: cues, into: &findings)
    }

    static let policy = PhrasePolicy(minCoverage: 0.5, maxWordsForCoverage: 30, strongCuesToRemove: 2,
                                     longBlockWords: 80, strongCuesToRemoveLong: 3)
}
