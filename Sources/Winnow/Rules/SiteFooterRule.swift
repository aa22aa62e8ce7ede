/// Copyright and site footers ("© 2026 ... All rights reserved", "Terms of use | Privacy policy"),
/// advertisement markers ("Advertisement", "Sponsored content") and image credit lines standing alone
/// ("Photo: Jane Doe/Reuters").
public struct SiteFooterRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "site-footer",
        name: "Footers, advertisement markers and image credits",
        family: .footer,
        summary: "Removes copyright footers, legal link rows, advertisement markers and image credit lines standing alone.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "pl", "cs", "ru", "uk", "tr", "id", "zh", "ja", "ko", "ar"],
        triggering: [
            RuleExample("The pier reopens on Monday.\n© 2026 Harbour Voice Ltd. All rights reserved.\nTerms of use | Privacy policy\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("The pier reopens on Monday.\nAdvertisement\nThe first crossing leaves at six.\n",
                        expected: "The pier reopens on Monday.\nThe first crossing leaves at six.\n"),
            RuleExample("The pier reopens on Monday.\nPhoto: Ingrid Solberg/Harbour Voice\nThe first crossing leaves at six.\n",
                        expected: "The pier reopens on Monday.\nThe first crossing leaves at six.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nAnzeige\nAlle Rechte vorbehalten.\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Le quai rouvre lundi.\nPublicité\nTous droits réservés\n", expected: "Le quai rouvre lundi.\n"),
            RuleExample("Паром снова ходит с понедельника.\nРеклама\n© 2026 Гаванский вестник. Все права защищены.\n",
                        expected: "Паром снова ходит с понедельника.\n"),
            RuleExample("Prom wraca na trasę w poniedziałek.\nWszelkie prawa zastrzeżone.\n", expected: "Prom wraca na trasę w poniedziałek.\n"),
            RuleExample("Feribot pazartesi yeniden sefere başlıyor.\nReklam\nTüm hakları saklıdır.\nTÜM HAKLARI SAKLIDIR.\n",
                        expected: "Feribot pazartesi yeniden sefere başlıyor.\n"),
            RuleExample("码头周一重新开放。\n广告\n版权所有 © 2026 港湾新闻\n", expected: "码头周一重新开放。\n"),
            RuleExample("桟橋は月曜日に再開します。\n無断転載を禁じます。\n", expected: "桟橋は月曜日に再開します。\n"),
            RuleExample("부두는 월요일에 다시 문을 엽니다.\n무단 전재 및 재배포 금지\n", expected: "부두는 월요일에 다시 문을 엽니다.\n"),
            RuleExample("تعود العبّارة إلى العمل يوم الاثنين.\nجميع الحقوق محفوظة\n", expected: "تعود العبّارة إلى العمل يوم الاثنين.\n"),
            RuleExample("The pier reopens on Monday.\nAdChoices\nThe first crossing leaves at six.\nImage copyright Reuters\nReklama\n",
                        expected: "The pier reopens on Monday.\nThe first crossing leaves at six.\n"),
            RuleExample("""
                The pier reopens on Monday.
                The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of Harbour Voice.
                """, expected: "The pier reopens on Monday.\n"),
            // A credit anywhere in a short line; what follows it (an exhibition's info box) is still the article's:
            // an image credit does not start the page's tail.
            RuleExample("""
                \(PageFurnitureRule.article)
                Harbour Lights, installation views, photos © Studio Nord, 2025
                Harbour Lights
                Old Net Loft
                Quay Street 4, Northport
                """, expected: """
                \(PageFurnitureRule.article)
                Harbour Lights
                Old Net Loft
                Quay Street 4, Northport
                """),
            // Unless the tail starts after it: the widget heading and its teasers go.
            RuleExample("""
                \(PageFurnitureRule.article)
                Fotos: Studio Nord
                More in Island Life
                Lighthouse keeper retires after thirty years
                3H ago
                School choir wins the regional final
                6H ago
                """, expected: """
                \(PageFurnitureRule.article)

                """),
            // A whole legal footer in one long line: two distinct legal notices.
            RuleExample("""
                The pier reopens on Monday.
                © 2026 Harbour Voice Media. All rights reserved. Use of this site constitutes acceptance of our User Agreement and Privacy Policy and Cookie Statement and Your Privacy Rights. Harbour Voice may earn a portion of sales from products that are purchased through our site as part of our affiliate partnerships with retailers. The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used, except with the prior written permission of Harbour Voice Media.
                """, expected: "The pier reopens on Monday.\n"),
            // After an advertisement marker, the article's last short paragraphs under their subheadings stay: two
            // paragraphs alone between other lines are no list of teasers.
            RuleExample("""
                \(PageFurnitureRule.article)
                Advertisement
                What comes next
                The north pier closes in the autumn for the same repairs, the harbour board said on Friday.
                Ticket prices
                Fares stay the same this year, because the council pays for the repairs from its reserves.
                """, expected: """
                \(PageFurnitureRule.article)
                What comes next
                The north pier closes in the autumn for the same repairs, the harbour board said on Friday.
                Ticket prices
                Fares stay the same this year, because the council pays for the repairs from its reserves.
                """),
        ],
        nonTriggering: [
            RuleExample("إعلان هام\n"),
            RuleExample("Реклама в метро\n"),
            // A sentence of the article that names the notice.
            RuleExample("Издатель заявил, что фраза «все права защищены» под фотографиями не мешает цитировать их в новостях, если указан автор.\n"),
            RuleExample("Gazete, fotoğrafların altındaki tüm hakları saklıdır notunun haberlerde alıntı yapmayı engellemediğini söyledi.\n"),
            // One legal notice quoted in a paragraph of the article longer than 60 words.
            RuleExample("The lawsuit argues that the line at the bottom of the page, which says that use of this site constitutes acceptance of the user agreement, cannot bind a reader who never saw it, and the judge asked both sides to explain by Friday how many readers scroll that far down before they leave, and whether the ferry company had ever shown the agreement anywhere else on the site, for instance on the page where passengers buy their season tickets for the crossing to the islands.\n"),
            RuleExample("The museum prints photos © and the name of the photographer on every label beside the pictures, as the copyright law of the country has demanded since the reform of the archives in the spring of last year.\n"),
            RuleExample("The photographer said the copyright of the photo belongs to the agency, not to the newspaper that printed it.\n"),
            RuleExample("Advertisement revenue at the paper fell by a third last year, the annual report shows.\n"),
            RuleExample("Reuters and AFP reported the pier would reopen on Monday.\n"),
            RuleExample("The court ruled that the photos may not be used without the prior written permission of the family.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = SiteFooterRule.footer.map { Cue($0, .strong) }
        + SiteFooterRule.copyright.map { Cue($0, .strong, alone: 30) }
        + SiteFooterRule.legal.map { Cue($0, .strong, alone: 60) }
        + SiteFooterRule.credits.map { Cue($0, .strong, atStart: true, alone: 12) }
        + SiteFooterRule.creditMarks.map { Cue($0, .strong, alone: 12) }
    /// Where each family sits in `cues`, in the order above.
    static let footerCues = Range.cues(first: footer.count)
    static let copyrightCues = Range.cues(after: footerCues, count: copyright.count)
    static let legalCues = Range.cues(after: copyrightCues, count: legal.count)
    static let creditCues = Range.cues(after: legalCues, count: credits.count)
    static let creditMarkCues = Range.cues(after: creditCues, count: creditMarks.count)

    static let footer: [String] = [
        "all rights reserved", "terms of use", "terms of service", "terms and conditions", "terms & conditions", "privacy policy",
        "cookie policy", "contact us", "about us", "site map", "sitemap", "advertise with us", "advertisement", "advertisements",
        "advert", "ad", "ads", "sponsored", "sponsored content", "paid content", "paid post", "promoted", "promoted content",
        "partner content", "in partnership with", "presented by", "skip advert", "advertising", "story continues below advertisement",
        "continue reading below", "article continues below", "scroll to continue", "report an error", "report a typo",
        "alle rechte vorbehalten", "anzeige", "werbung", "tous droits réservés", "publicité", "todos los derechos reservados",
        "publicidad", "tutti i diritti riservati", "pubblicità", "todos os direitos reservados", "publicidade",
        "alle rechten voorbehouden", "advertentie", "alle rettigheter reservert", "annonse", "alla rättigheter förbehållna",
        "annons", "alle rettigheder forbeholdes", "annonce", "adchoices", "ad choices", "reklama", "reklame", "mainos",
        "iklan", "caption",
        // Polish, Czech, Russian, Ukrainian, Turkish, Indonesian, Chinese, Japanese, Korean, Arabic (the matcher folds
        // the Cyrillic capitals А-О but З, so a first word from П on is listed both ways; Turkish "ı" is listed as "i"
        // too, for text in capitals)
        "wszelkie prawa zastrzeżone", "všechna práva vyhrazena", "все права защищены",
        "Все права защищены", "реклама", "Реклама", "усі права захищені", "Усі права захищені", "всі права захищені",
        "Всі права захищені", "tüm hakları saklıdır", "tüm haklari saklidir", "reklam", "hak cipta dilindungi undang-undang", "版权所有", "版權所有",
        "广告", "廣告", "無断転載を禁じます", "無断転載禁止", "広告", "무단 전재 및 재배포 금지", "무단전재 및 재배포 금지",
        "무단전재 및 재배포금지", "광고", "جميع الحقوق محفوظة",
        // Footers in more languages
        "pedoman media siber", "vær varsom-plakatens",
        "свидетельство о регистрации сми", "Свидетельство о регистрации сми",
       
    ]

    /// A short line holding one of these is a footer.
    static let copyright: [String] = ["©", "(c) 20", "copyright ©", "copyright (c)", "copyright 20", "copyright 19", "℗"]

    /// Legal notices of a site's footer: one of these in a line of up to 60 words is enough.
    static let legal: [String] = [
        "constitutes acceptance of our", "constitutes acceptance of the", "may not be reproduced, distributed, transmitted",
        "except with the prior written permission of", "this material may not be reproduced", "this material may not be published",
        "is not intended as a substitute for", "registered office:", "are registered trademarks of",
        "use of this site constitutes acceptance", "these statements have not been evaluated by the food and drug administration",
        "not intended to diagnose, treat, cure, or prevent any disease", "stock quote data provided by",
        "market indices are shown in real time", "quotes delayed at least 15 minutes", "no reproduction or republication without",
        "die nutzung dieser website", "vervielfältigung nur mit genehmigung", "reproduction interdite sans autorisation",
        "toute reproduction est interdite", "prohibida su reproducción total o parcial", "è vietata la riproduzione",
        "é proibida a reprodução", "proibida a reprodução",
    ]

    /// Credit labels that open a line under a picture.
    static let credits: [String] = [
        "photo:", "photo by", "photos:", "photograph:", "image:", "image credit:", "image copyright", "picture:", "credit:", "illustration:",
        "foto:", "bild:", "crédit photo", "photo :", "fotografía:", "imagen:", "bilde:",
        "photos by", "photo credit:", "photo credits:", "photography by", "photograph by", "fotos:", "crédits photo",
        "bildnachweis:", "beeld:", "créditos:", "фото:",
    ]

    /// A picture named with its rights holder anywhere in a short line ("installation views, photos © Studio
    /// North, 2018"): a credit like those of `credits`.
    static let creditMarks: [String] = [
        "photo ©", "photos ©", "photo: ©", "photos: ©", "photo (c)", "photos (c)", "photograph ©", "photography ©",
        "image ©", "images ©", "picture ©", "pictures ©", "foto ©", "fotos ©", "bild ©", "bilder ©", "fotografia ©",
        "beeld ©", "фото ©",
    ]

    /// Whether a finding of this rule is an image credit (a caption's line, which also stands inside
    /// articles): such a line does not start the page's tail (see `Resolver`).
    static func isCredit(_ evidence: Finding.Evidence) -> Bool {
        guard case .cues(let used, _) = evidence else { return false }
        return used.contains { creditCues.contains($0) || creditMarkCues.contains($0) }
    }

    /// A line with two distinct legal notices goes up to this many words (a site's whole legal footer in one line).
    static let legalFooterWords = 150

    /// An image credit (a caption's line, which also stands inside articles) does not start the page's tail;
    /// a footer or an advertisement marker does.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { !(evidence.map(SiteFooterRule.isCredit) ?? false) }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let start = findings.count
        SiteFooterRule.policy.detect(context, cues: cues, into: &findings)
        // Two legal notices in one line: a legal footer, however long (up to `legalFooterWords`).
        let matches = context.matches
        var next = start
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            // Notices that do not overlap (one notice can hold two cues: "use of this site constitutes acceptance
            // of the ...").
            var first: Int32 = -1, distinct = 0, lastEnd = 0
            var j = i
            while j < matches.count && matches[j].block == b {
                let c = matches[j].cue
                if SiteFooterRule.legalCues.contains(c) && matches[j].range.lowerBound >= lastEnd {
                    if first < 0 { first = c }
                    distinct += 1
                    lastEnd = matches[j].range.upperBound
                }
                j += 1
            }
            i = j
            guard distinct >= 2, context.blocks[b].words <= SiteFooterRule.legalFooterWords else { continue }
            while next < findings.count && findings[next].block < b { next += 1 }
            if next < findings.count && findings[next].block == b && findings[next].strength == .definite { continue }
            findings.append(Finding(block: b, strength: .definite, evidence: .cues([first], coverage: 0)))
        }
    }

    static let policy = PhrasePolicy(minCoverage: 0.6, maxWordsForCoverage: 20, strongCuesToRemove: nil)
}
