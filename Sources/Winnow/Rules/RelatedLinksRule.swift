/// Related and recommended links: "Related:", "Read more:", "You may also like", "Most popular",
/// "More from ...", and the list of headlines that follows such a heading.
///
/// A heading alone on its line goes with the headlines under it: the following lines that read as
/// headlines (no sentence ending, at most 20 words), up to a blank line followed by prose or 15 lines; not when
/// they open with a sub-heading over three bulleted items (a product and its features).
/// A line that starts with "Related:" or "Read more:" and does not read as a sentence goes on its own.
public struct RelatedLinksRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "related-links",
        name: "Related and recommended links",
        family: .related,
        summary: "Removes related-article headings and the headline lists under them, and inline \"Read more:\" links.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "pl", "tr", "id", "ru", "zh", "ja", "ko"],
        triggering: [
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                You may also like
                Island bakery reports its best summer in a decade
                New timetable for the northern ferry route
                """, expected: "The pier reopens on Monday after six weeks of repairs.\n"),
            RuleExample("The pier reopens on Monday.\nRead more: Storm damage closes the harbour road\nThe first crossing leaves at six.\n",
                        expected: "The pier reopens on Monday.\nThe first crossing leaves at six.\n"),
            RuleExample("Der Anleger öffnet am Montag.\nLesen Sie auch\nNeue Fähre für die Nordroute\n", expected: "Der Anleger öffnet am Montag.\n"),
            RuleExample("Le quai rouvre lundi.\nÀ lire aussi : La boulangerie de l'île fête ses cent ans\n", expected: "Le quai rouvre lundi.\n"),
            RuleExample("Причал откроется в понедельник.\nЧитайте также\nНовый паром выйдет в рейс в мае\n", expected: "Причал откроется в понедельник.\n"),
            RuleExample("码头周一重新开放。\n相关阅读\n新渡轮下月开始运营\n", expected: "码头周一重新开放。\n"),
            // In Chinese, a heading over one headline in the middle of an article: the article's next paragraph (more
            // than 20 words, not bulleted, ending with a colon that introduces a quote) is no headline.
            RuleExample("""
                码头周一重新开放。
                相关阅读
                新渡轮下月开始运营
                港务局局长周五在记者会上介绍了新渡轮的航线和票价安排，并回答了记者关于冬季停航期间如何保证岛上居民出行的问题，他说：
                “我们会尽量保证每天至少有两班船往返两个岛屿。”
                """, expected: """
                码头周一重新开放。
                港务局局长周五在记者会上介绍了新渡轮的航线和票价安排，并回答了记者关于冬季停航期间如何保证岛上居民出行的问题，他说：
                “我们会尽量保证每天至少有两班船往返两个岛屿。”
                """),
            // Headlines in Japanese of more than 40 letters (20 words as two letters count one), bulleted.
            RuleExample("""
                港の桟橋は月曜日に再開されます。
                【関連記事】
                * 島のパン屋が十年ぶりの好調な夏を報告、観光客の増加と新しい店舗の開店が追い風に--地元の商店街も活気
                * 北航路の新しい時刻表が発表、朝夕の便が増えて通勤客の利便性が大きく向上する見通しと運航会社が説明
                """, expected: "港の桟橋は月曜日に再開されます。\n"),
            RuleExample("Prom wraca na trasę w poniedziałek.\nCzytaj także\nNowy prom wypłynie w maju\n", expected: "Prom wraca na trasę w poniedziałek.\n"),
            RuleExample("Feribot pazartesi yeniden sefere başlıyor.\nİlgili Haberler\nYeni feribot mayısta sefere çıkıyor\n",
                        expected: "Feribot pazartesi yeniden sefere başlıyor.\n"),
            // Indonesian news puts "Baca juga:" links between an article's paragraphs.
            RuleExample("Kapal feri kembali beroperasi hari Senin.\nBaca juga: Kapal feri baru mulai berlayar bulan depan\nPenyeberangan pertama berangkat pukul enam pagi.\n",
                        expected: "Kapal feri kembali beroperasi hari Senin.\nPenyeberangan pertama berangkat pukul enam pagi.\n"),
            RuleExample("Причал откроется в понедельник.\nЧитайте также: Новый паром выйдет в рейс в мае\nПервый рейс отправится в шесть утра.\n",
                        expected: "Причал откроется в понедельник.\nПервый рейс отправится в шесть утра.\n"),
            // The article's own numbered list goes on after a lone "Read more" link label: its next item stays.
            RuleExample("""
                3. Check the timetable before you travel
                The ferry leaves every forty minutes in summer, but only every two hours from October.
                Read more
                4. Book the car deck early
                Places for cars sell out days ahead on bank holiday weekends.
                """, expected: """
                3. Check the timetable before you travel
                The ferry leaves every forty minutes in summer, but only every two hours from October.
                4. Book the car deck early
                Places for cars sell out days ahead on bank holiday weekends.
                """),
            // A numbered list of links that starts again at 1 is the widget's, whatever the article numbered before it.
            RuleExample("""
                2. Book the car deck early
                Places for cars sell out days ahead on bank holiday weekends.
                Most read
                1. Island bakery reports its best summer in a decade
                2. New timetable for the northern ferry route
                """, expected: """
                2. Book the car deck early
                Places for cars sell out days ahead on bank holiday weekends.

                """),
        ],
        nonTriggering: [
            RuleExample("Baca juga laporan tahunan pelabuhan, kata wali kota, karena di sana semua angka penumpang tercatat dengan lengkap.\n"),
            RuleExample("Related: the council said the two projects would share a budget, and both would be finished by June.\n"),
            RuleExample("""
                Most popular among the new routes was the northern crossing.
                Island bakery reports its best summer in a decade
                """),
            RuleExample("Read more about the plans at the town hall, where they are on display until Friday.\n"),
            // Under such a heading, a product and its bulleted features: structured content, not headlines.
            RuleExample("The ferry company sells a new season ticket from Monday.\nDon't miss:\nHarbour Pass\n- Unlimited crossings for a whole year\n- Free bicycles on every boat\n- Priority boarding at both piers\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = RelatedLinksRule.headings.map { Cue($0, .strong) } + RelatedLinksRule.labels.map { Cue($0, .label, atStart: true) }

    /// Headings that introduce a list of links.
    static let headings: [String] = [
        "related", "related articles", "related stories", "related posts", "related content", "related news", "related links",
        "related coverage", "related topics", "read more", "read next", "read also", "see also", "also read", "more to read",
        "you may also like", "you might also like", "you may be interested in", "you might be interested in", "recommended",
        "recommended for you", "recommended stories", "recommended reading", "most popular", "most read", "most viewed",
        "most shared", "popular now", "popular posts", "popular stories", "trending", "trending now", "trending stories",
        "more from", "more stories", "more news", "more on this", "more on this story", "more in", "more like this",
        "what to read next", "don't miss", "top stories", "latest news", "latest stories", "latest posts", "recent posts",
        "editor's picks", "editors' picks", "in other news", "around the web", "from the web", "sponsored stories",
        "promoted stories", "more videos", "watch next", "up next", "next up",
        // German
        "mehr zum thema", "das könnte sie auch interessieren", "lesen sie auch", "weitere artikel", "meistgelesen",
        "meistgelesene artikel", "auch interessant", "mehr aus", "empfehlungen",
        // French
        "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "voir aussi", "à voir aussi", "articles liés",
        "vous aimerez aussi",
        // Spanish, Italian, Portuguese
        "te puede interesar", "lee también", "noticias relacionadas", "lo más leído", "más noticias", "también te puede interesar",
        "leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti", "leia também", "veja também",
        "notícias relacionadas", "mais lidas",
        // Dutch, Scandinavian
        "lees ook", "meer nieuws", "gerelateerde artikelen", "meest gelezen", "les også", "mest lest", "relaterte saker",
        "läs också", "läs mer", "mest läst", "læs også", "mest læste", "relaterede artikler",
        // Russian (the matcher folds the capitals А-О but З, so a first word from П on is listed both ways), Chinese,
        // Japanese, Korean
        "читайте также", "Читайте также", "Читайте также:", "похожие материалы", "Похожие материалы", "похожие статьи",
        "Похожие статьи", "самое читаемое", "Самое читаемое", "популярное", "Популярное", "другие новости", "Другие новости",
        "相关阅读", "相关文章", "相关新闻", "相关推荐", "推荐阅读", "延伸阅读", "热门文章", "热门推荐", "猜你喜欢", "更多新闻",
        "相關文章", "相關新聞", "延伸閱讀", "推薦閱讀", "熱門文章", "相關閱讀",
        "関連記事", "【関連記事】", "関連ニュース", "おすすめ記事", "人気記事", "注目の記事", "新着記事", "アクセスランキング",
        "관련기사", "관련 기사", "많이 본 뉴스", "인기 기사",
        // Polish, Turkish ("ı" listed as "i" too, for text in capitals; a capital "İ" is not folded), Indonesian
        "czytaj także", "zobacz także", "czytaj również", "zobacz również", "powiązane artykuły", "najczęściej czytane",
        "ilgili haberler", "İlgili haberler", "İlgili Haberler", "bunlar da ilginizi çekebilir", "ayrıca okuyun", "ayrica okuyun",
        "en çok okunanlar", "en çok okunan haberler", "baca juga", "berita terkait", "artikel terkait", "berita lainnya",
        "berita terpopuler",
        // Headings in more languages
        "більше на тему", "Більше на тему", "terpopuler",
    ]

    /// Cue coverage that makes a short line a heading of related links ("Read more", "Most popular").
    static let headingCoverage = 0.6

    /// A line of a list of links (its heading, "Most read", an item under it, or a line that went with them) hides its
    /// neighbours from the resolver; a single labelled link ("Related: ...") does not (see `Rule.hidesNeighbours`).
    public func hidesNeighbours(_ evidence: Finding.Evidence?) -> Bool {
        switch evidence {
        case nil, .listUnder: return true
        case .cues(_, let coverage): return coverage >= RelatedLinksRule.headingCoverage
        default: return false
        }
    }

    /// Labels that start a line holding one link ("Related: <headline>").
    static let labels: [String] = [
        "related:", "read more:", "read also:", "see also:", "also read:", "read next:", "more:", "watch:", "listen:",
        "mehr zum thema:", "lesen sie auch:", "à lire aussi :", "à lire aussi:", "lire aussi :", "lire aussi:", "lee también:",
        "leggi anche:", "leia também:", "lees ook:", "les også:", "läs också:", "læs også:",
        "czytaj także:", "zobacz także:", "czytaj również:", "baca juga:", "baca juga :", "читайте также:", "Читайте также:",
        "ilgili haber:", "İlgili haber:",
        // Labels in more languages
        "leia mais:", "przeczytaj również:", "přečtěte si také:", "читайте також:", "Читайте також:", "相关阅读：",
        "czytaj więcej:",
    ]

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        let matches = context.matches
        var i = 0
        var lastClaimed = -1
        while i < matches.count {
            let b = matches[i].block
            var j = i
            var covering = Coverage()
            var labelled = false
            let firstWord = context.firstWordOffset(blocks[b])
            var cueIDs: [Int32] = []
            while j < matches.count && matches[j].block == b {
                let m = matches[j]
                let cue = cues[Int(m.cue)]
                if cue.weight == .label {
                    if m.range.lowerBound == firstWord { labelled = true; cueIDs.append(m.cue) }
                } else {
                    covering.add(m.range, in: context)
                    cueIDs.append(m.cue)
                }
                j += 1
            }
            i = j
            guard b > lastClaimed else { continue }
            let block = blocks[b]
            let coverage = covering.share(of: block)
            if labelled && !block.endsLikeSentence && block.words <= 25 {
                findings.append(Finding(block: b, strength: .definite, evidence: .cues(cueIDs, coverage: coverage)))
                lastClaimed = b
                continue
            }
            guard coverage >= RelatedLinksRule.headingCoverage && block.words <= 8 && !block.endsLikeSentence else {
                if !cueIDs.isEmpty { findings.append(Finding(block: b, strength: .weak, evidence: .cues(cueIDs, coverage: coverage))) }
                continue
            }
            // A heading: it goes with the headlines under it.
            var list: [Int] = []
            var k = b + 1
            var sawBlank = false
            while k < blocks.count && list.count < 15 {
                let next = blocks[k]
                if next.isBlank { sawBlank = true; k += 1; continue }
                guard RelatedLinksRule.readsAsHeadline(next, context.bytes) else { break }
                // "5. ..." after the article's "4. ...": the article's own numbered list goes on past a link label.
                if RelatedLinksRule.continuesNumbering(context, k, before: b) { break }
                if sawBlank && list.isEmpty == false && next.words > 12 { break }
                list.append(k)
                k += 1
            }
            // A list that opens with a sub-list (a line that is no item over three or more bulleted items: a product
            // and its features) is structured content, not a list of headlines: the heading is no widget's.
            if RelatedLinksRule.hasSubList(context.bytes, blocks, list) { continue }
            guard !list.isEmpty else {
                // A heading with nothing under it is still a heading of a removed widget.
                findings.append(Finding(block: b, strength: .definite, evidence: .cues(cueIDs, coverage: coverage)))
                lastClaimed = b
                continue
            }
            findings.append(Finding(block: b, strength: .definite, evidence: .cues(cueIDs, coverage: coverage)))
            for item in list {
                findings.append(Finding(block: item, strength: .definite, evidence: .listUnder(heading: b)))
            }
            lastClaimed = list.last!
        }
    }

    /// Whether the list opens with a line that is not a bulleted item over three or more bulleted items (a
    /// sub-heading and its list).
    static func hasSubList(_ p: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ list: [Int]) -> Bool {
        guard list.count >= 4, !PageFurnitureRule.isBulletItem(p, blocks[list[0]]) else { return false }
        return list[1...3].allSatisfy { PageFurnitureRule.isBulletItem(p, blocks[$0]) }
    }

    /// The number a line starts with ("5." or "5)" and a space; at most three digits), or nil.
    static func leadingNumber(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Int? {
        guard let marker = ListMarkupRule.numberMarker(p, block.trimmed), marker.end < block.trimmed.upperBound,
              p[marker.end] == 0x20 else { return nil }
        return marker.value
    }

    /// Whether line `k` starts with the number after that of the nearest numbered line before line `heading`
    /// (within `numberingReach` lines): an item of the article's own numbered list, not a link under the heading.
    static func continuesNumbering(_ context: DetectionContext, _ k: Int, before heading: Int) -> Bool {
        let p = context.bytes, blocks = context.blocks
        guard let n = leadingNumber(p, blocks[k]), n >= 2 else { return false }
        var j = heading - 1
        while j >= 0 && heading - j <= numberingReach {
            if let m = leadingNumber(p, blocks[j]) { return m == n - 1 }
            j -= 1
        }
        return false
    }

    /// How far back `continuesNumbering` looks for the article's previous numbered line.
    static let numberingReach = 40

    /// A line that reads as a headline: no sentence ending, 1 to 20 words; a bulleted item in a script without
    /// spaces (where two letters count as a word) up to 40, unless it ends with a colon or a closing quotation mark
    /// (an article's paragraph that introduces a quote or a list: "他说：", 「…したい」).
    static func readsAsHeadline(_ block: Block, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !block.endsLikeSentence && block.words >= 1 else { return false }
        if block.words <= 20 { return true }
        return block.hasCJK && block.words <= 40 && PageFurnitureRule.isBulletItem(p, block) && !endsLikeLeadIn(p, block)
    }

    /// The line ends with a colon (":", "：") or a closing corner bracket or quotation mark (」, 』, ”).
    static func endsLikeLeadIn(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard !r.isEmpty else { return false }
        if p[r.upperBound - 1] == 0x3A { return true }
        guard r.count >= 3 else { return false }
        let a = p[r.upperBound - 3], b = p[r.upperBound - 2], c = p[r.upperBound - 1]
        // ： EF BC 9A; 」 E3 80 8D; 』 E3 80 8F; ” E2 80 9D.
        return (a == 0xEF && b == 0xBC && c == 0x9A) || (a == 0xE3 && b == 0x80 && (c == 0x8D || c == 0x8F))
            || (a == 0xE2 && b == 0x80 && c == 0x9D)
    }
}
