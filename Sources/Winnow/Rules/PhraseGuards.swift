/// What keeps a block that its phrases would remove because the article says it: someone's words reported with a tag,
/// and an item of the article's own list. Asked only of blocks the phrases would remove (`PhrasePolicy.score`).
extension PhrasePolicy {
    /// Whether the phrases at `cues` in the line `r` are reported speech. After them: the line is one sentence up to a
    /// separator (a comma, a dash between spaces, or the quotation mark that closes a quote), then within `tagWords` words
    /// a verb of saying (", the minister said on Tuesday", "», pidió el alcalde", "!” she said", ", so Berg"). Before them:
    /// a verb of saying within `tagWords` words before a colon, and a quotation mark or a dash opening the quote ("The
    /// mayor said: “Donate now.”", "Ordføreren sier: – Vi trenger din støtte."). A box of several sentences that ends with
    /// a tag, and a colon without a quotation mark ("Our editor says: If you value what we do, please support us."), are
    /// how sites set their own appeals: not reported speech.
    static func isReportedSpeech(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, cues: Range<Int>) -> Bool {
        // After: one sentence, then the separator. A line that opens with a dash is a quote up to its tag (the dialogue dash
        // of Nordic, Finnish and Russian papers: "– Tue journalismiamme. Jokainen lahjoitus auttaa, sanoo Laine.").
        var i = r.lowerBound
        let dash = dashLength(p, i, r.upperBound)
        var inQuote = dash > 0 && i + dash < r.upperBound && Bytes.isSpace(p[i + dash])
        var separator = -1, byDash = false
        // A line that opens with a single quotation mark quotes in single marks ("‘Support us. Donate now,’ the mayor
        // said.", as British and Dutch papers write): its ’ closes the quote where no letter follows (not "charity’s").
        let single = isSingleQuote(p, i, r.upperBound) && p[i + 2] == 0x98
        while i < r.upperBound && separator < 0 {
            var q = Bytes.quotationMarkLength(p, i, r.upperBound)
            if q == 0 && single && isSingleQuote(p, i, r.upperBound)
                && ((p[i + 2] == 0x98 && !inQuote)
                    || (p[i + 2] == 0x99 && inQuote && (i + 3 >= r.upperBound || !Bytes.isASCIIAlnum(p[i + 3])))) { q = 3 }
            if q > 0 {
                if inQuote && i >= cues.upperBound { separator = i + q; break }
                inQuote.toggle()
                i += q
                continue
            }
            let b = p[i]
            if !inQuote && (b == 0x2E || b == 0x21 || b == 0x3F) && i + 1 < r.upperBound && Bytes.isSpace(p[i + 1]) { break }
            if i >= cues.upperBound {
                if b == 0x2C { separator = i + 1; break }
                if Bytes.isSpace(b), i + 1 < r.upperBound {
                    let d = dashLength(p, i + 1, r.upperBound)
                    if d > 0 && i + 1 + d < r.upperBound && Bytes.isSpace(p[i + 1 + d]) { separator = i + 1 + d; byDash = true; break }
                }
            }
            i += 1
        }
        if separator >= 0 && tagHasVerb(p, separator..<r.upperBound, forward: true, weak: !byDash) { return true }
        // Before: quotation marks or a dash, then (before them) a colon, or a comma before a quotation mark ("Budi
        // mengatakan, "Dukung jurnalisme independen."", "The mayor said, “Donate now.”").
        var j = cues.lowerBound
        var opened = false, quoted = false
        while j > r.lowerBound {
            if Bytes.isSpace(p[j - 1]) { j -= 1; continue }
            if let q = [1, 2, 3].first(where: { j - $0 >= r.lowerBound && (Bytes.quotationMarkLength(p, j - $0, r.upperBound) == $0
                                                                           || ($0 == 3 && isSingleQuote(p, j - 3, r.upperBound))) }) {
                j -= q; opened = true; quoted = true; continue
            }
            if let d = [1, 3].first(where: { j - $0 >= r.lowerBound && dashLength(p, j - $0, r.upperBound) == $0 }) {
                j -= d; opened = true; continue
            }
            break
        }
        guard opened, j > r.lowerBound, p[j - 1] == 0x3A || (quoted && p[j - 1] == 0x2C) else { return false }
        return tagHasVerb(p, r.lowerBound..<j - 1, forward: false)
    }

    /// Whether a typographic single quotation mark (‘ ’ ‚) starts at `i`.
    static func isSingleQuote(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 2 < end && p[i] == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0x98 || p[i + 2] == 0x99 || p[i + 2] == 0x9A)
    }
    /// The list around block `i`: the items (lines with their own markers) before and after it, up to `listReach`
    /// each way, blank lines between them allowed, and the line that introduces the list (nil: none).
    static func listAround(_ context: DetectionContext, _ i: Int) -> (items: [Int], leadIn: Int?) {
        let blocks = context.blocks
        var items: [Int] = [], leadIn: Int? = nil
        for step in [-1, 1] {
            var j = i, seen = 0
            while seen < listReach {
                j += step
                while j >= 0 && j < blocks.count && blocks[j].isBlank { j += step }
                guard j >= 0 && j < blocks.count && ListMarkupRule.hasOwnMarker(context.bytes, blocks[j]) else {
                    if step == -1 && j >= 0 && j < blocks.count { leadIn = j }
                    break
                }
                items.append(j)
                seen += 1
            }
        }
        return (items, leadIn)
    }

    /// Whether the block `i`, an item of a list, is the article's: its list reads as the article's own
    /// (`isArticleListItem`) or gives someone's advice as the article reports it (`isReportedListItem`).
    static func isArticlesListItem(_ context: DetectionContext, _ i: Int) -> Bool {
        let list = listAround(context, i)
        return isArticleListItem(context, i, in: list) || isReportedListItem(context, i, in: list)
    }

    /// Whether the block `i`, an item of a list, is one of the article's own: the other items (`listAround`) that read
    /// as the article's sentences (at least `itemWords` words, none of this rule's phrases) outnumber those that hold
    /// this rule's phrases or another prompt's strong phrase (a box's list has its own lines in the majority: "- Comments
    /// are moderated." / "- Respeta a los demás lectores." / "- Inicia sesión para comentar."); the line that introduces
    /// the list holds none of this rule's phrases ("Comment rules", "Why subscribe?", "We care about your privacy"); and
    /// no item speaks to the reader or for the site ("- Please be kind to each other.", "2. Bitte bleiben Sie beim Thema.",
    /// "- I nostri giornalisti seguono ogni seduta.").
    static func isArticleListItem(_ context: DetectionContext, _ i: Int, in list: (items: [Int], leadIn: Int?)) -> Bool {
        let blocks = context.blocks, p = context.bytes
        func ruleMatch(_ j: Int) -> Bool { context.matches.contains { $0.block == j } }
        func prompt(_ j: Int) -> Bool { ruleMatch(j) || (j < context.prompts.count && context.prompts[j]) }
        func speaks(_ j: Int) -> Bool { hasWord(p, blocks[j].trimmed, of: [readerWords, sitePossessives]) }
        if let leadIn = list.leadIn, ruleMatch(leadIn) { return false }
        var anchors = 0, boxed = 0
        for j in list.items {
            if blocks[j].words >= itemWords && blocks[j].endsLikeSentence && !ruleMatch(j) { anchors += 1 } else if prompt(j) { boxed += 1 }
        }
        return anchors > boxed && !speaks(i) && !list.items.contains(where: speaks)
    }

    /// Whether the block `i`, an item of a list, gives someone's advice as the article reports it: the line that introduces
    /// the list is a sentence of at least `leadInWords` words that ends with a colon and names a verb of advising in a
    /// finite form ("Consumer groups recommend the following:", "Die Verbraucherzentrale rät:"; not "Suggested next
    /// steps:"), holds none of this rule's phrases, and neither speaks to the reader nor for the site ("We recommend the
    /// following:", "Our partners recommend:"); and no item speaks for the site or asks a favour ("- Subscribe to our
    /// newsletter.", "- Please support us."). Review G found lead-ins with any verb of saying ("Here is what they said:",
    /// "Im Klartext heißt das:") over sites' own boxes.
    static func isReportedListItem(_ context: DetectionContext, _ i: Int, in list: (items: [Int], leadIn: Int?)) -> Bool {
        let blocks = context.blocks, p = context.bytes
        guard let leadIn = list.leadIn, blocks[leadIn].words >= leadInWords,
              Bytes.endsWithColon(p, blocks[leadIn].trimmed), !context.matches.contains(where: { $0.block == leadIn }) else { return false }
        let lead = blocks[leadIn].trimmed
        if hasWord(p, lead, of: [readerWords, firstPersons]) || tokens(p, lead).contains(where: { isSiteWord(p, $0) || hasRoot(p, $0, leadInSiteRoots) }) {
            return false
        }
        guard hasWord(p, lead, of: [advisingVerbs]) else { return false }
        return !([i] + list.items).contains { hasWord(p, blocks[$0].trimmed, of: [sitePossessives, firstPersons, askingWords]) }
    }

    /// Whether a token of `r` (without the punctuation around it) is in one of `lists`.
    static func hasWord(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, of lists: [[StaticString]]) -> Bool {
        tokens(p, r).contains { t in lists.contains { isOne(p, t, of: $0) } }
    }
    /// A list's reported lead-in has at least this many words.
    static let leadInWords = 3
    /// Verbs of advising in finite forms (small letters), as a lead-in to reported advice uses them (not the participles
    /// that head a site's widgets: "Recommended", "Suggested next steps").
    static let advisingVerbs: [StaticString] = [
        "recommend", "recommends", "advise", "advises", "suggest", "suggests", "warn", "warns",
        "empfehlen", "empfiehlt", "empfahl", "empfahlen", "rät", "raten", "riet", "rieten",
        "raadt", "raden", "adviseert", "adviseren", "adviseerde",
        "recommande", "recommandent", "conseille", "conseillent",
        "recomienda", "recomiendan", "aconseja", "aconsejan",
        "consiglia", "consigliano", "raccomanda", "raccomandano",
        "recomenda", "recomendam", "aconselha", "aconselham",
        "rekommenderar", "anbefaler", "suosittelee", "zaleca", "doporučuje", "рекомендует", "рекомендуют", "önerir", "öneriyor",
    ]
    /// The site or the reader as the one who speaks (small letters): a box's "We recommend", "I suggest".
    static let firstPersons: [StaticString] = ["we", "i", "wir", "ich", "wij", "ik", "nous", "je", "nosotros", "noi", "nós", "vi", "me", "my", "мы",
                                               "us", "uns", "ons", "oss", "nos", "ci", "nas", "нас"]
    /// Words that ask a favour of the reader (small letters).
    static let askingWords: [StaticString] = ["please", "bitte", "svp", "favor", "favore", "alsjeblieft", "alstublieft", "gerne"]

    /// The site's "our" (small letters), in the languages of `reportingVerbs`.
    static let sitePossessives: [StaticString] = [
        "our", "unser", "unsere", "unserer", "unseren", "onze", "notre", "nos", "nuestro", "nuestra", "nuestros", "nostro",
        "nostra", "nostri", "nostre", "nosso", "nossa", "vår", "vårt", "våre", "vores", "meidän", "nasz", "nasza", "náš",
        "naše", "наш", "наша", "kami",
    ]

    /// Words that address the reader (small letters).
    static let readerWords: [StaticString] = [
        "please", "you", "your", "bitte", "vous", "votre", "vos", "merci", "favor", "favore", "prega", "você", "vocês", "u", "uw",
        "te", "tu", "tus", "ti", "tuo", "tua", "tuoi", "teu",
        "пожалуйста", "вы", "ваш", "lütfen", "silakan", "prosím", "proszę", "venligst", "vennligst", "vänligen", "snälla",
    ]
    /// How many items each way `listAround` looks at.
    static let listReach = 6
    /// An item that reads as the article's sentence has at least this many words.
    static let itemWords = 4

    /// The tokens of `r` between white space, as ranges (at most `limit`).
    static func tokens(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, upTo limit: Int = .max) -> [Range<Int>] {
        var tokens: [Range<Int>] = []
        var i = r.lowerBound
        while i < r.upperBound && tokens.count < limit {
            while i < r.upperBound && Bytes.isSpace(p[i]) { i += 1 }
            let start = i
            while i < r.upperBound && !Bytes.isSpace(p[i]) { i += 1 }
            if i > start { tokens.append(start..<i) }
        }
        return tokens
    }

    /// A reporting tag has at most this many words.
    static let tagWords = 6

    /// The length of the dash at `i` (`-`, `–`, `—`), or 0.
    static func dashLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        if p[i] == 0x2D { return 1 }
        if p[i] == 0xE2 && i + 2 < end && p[i + 1] == 0x80 && (p[i + 2] == 0x93 || p[i + 2] == 0x94) { return 3 }
        return 0
    }

    /// Whether one of the first (`forward`) or last `tagWords` words of `t` is a verb of saying: not one that an idiom
    /// follows ("det sier seg selv", "die Redaktion sagt Danke"); the German ", so Berg." counts when a name and at most
    /// one more word end the line.
    /// `weak`: whether `weakReportingVerbs` count (not after a dash: "Download our app – now with offline reading added.").
    static func tagHasVerb(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, forward: Bool, weak: Bool = true) -> Bool {
        let tokens = PhrasePolicy.tokens(p, t)
        let window = forward ? Array(tokens.prefix(tagWords)) : Array(tokens.suffix(tagWords))
        // The site speaking of itself ("says our editor", "sagt die Redaktion", "te lo explicó nuestro equipo"): its own box.
        if window.contains(where: { isSiteWord(p, $0) }) { return false }
        for (k, token) in window.enumerated() {
            let next = k + 1 < window.count ? window[k + 1] : nil
            if let next, isOne(p, next, of: idiomFollows) { continue }
            if isReportingVerb(p, token) { return true }
            // A verb that is also a participle or a common word ("added", "asked", "ber", "lisää") counts where a tag ends
            // with it (", she added.", "The manager added: “…”") or with a name or pronoun after it (", added Smith.",
            // ", ber hon."); a participle after an auxiliary ("ha detto", "ha dicho", "a-t-elle dit") anywhere.
            let position = forward ? k : tokens.count - window.count + k
            let rest = tokens[(position + 1)...]
            // The Turkish "... ifadelerini kullandı" ("used the words").
            if isOne(p, token, of: quotedWordsNouns), let next, Bytes.hasPrefix(p, stripped(p, next).lowerBound, next.upperBound, "kullan") {
                return true
            }
            // "say" after "they", not in "as they say".
            let theySay = word(p, token, is: "say") && k > 0 && word(p, window[k - 1], is: "they") && !(k > 1 && word(p, window[k - 2], is: "as"))
            if weak && (theySay || isReportingVerb(p, token, in: weakReportingVerbs)) {
                if rest.isEmpty { return true }
                if rest.count <= 3, let first = rest.first,
                   Bytes.isUpper(p[stripped(p, first).lowerBound]) || isOne(p, first, of: pronouns) { return true }
            }
            if let next, isOne(p, token, of: auxiliaries) && isReportingVerb(p, next, in: participles) { return true }
            // A separable verb of saying with its particle closing the tag, the speaker between ("teilte das Tierheim mit",
            // "gab die Polizei bekannt", "laat de burgemeester weten").
            if forward, rest.count >= 2 && rest.count <= 5, let last = rest.last,
               separableVerbs.contains(where: { word(p, token, is: $0.verb) && word(p, last, is: $0.particle) }),
               !rest.contains(where: { isOne(p, $0, of: readerWords) || isOne(p, $0, of: readerPronouns) }) { return true }
            // ", so Berg." / ", so die Sprecherin."
            if forward && k == tokens.firstIndex(where: { isWordToken(p, $0) }) && word(p, token, is: "so"), let next {
                let after = tokens.count - (k + 1)
                if (after <= 2 && Bytes.isUpper(p[next.lowerBound])) || (after <= 5 && (word(p, next, is: "der") || word(p, next, is: "die"))) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the token is one of `siteSelfWords`, or a word built on the newsroom's or the publisher's name
    /// (`siteRoots`: "Chefredaktion", "hoofdredactie", "directeur-hoofdredacteur", "Verlagsgeschäftsführer", "Редакция").
    static func isSiteWord(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        isOne(p, t, of: siteSelfWords) || hasRoot(p, t, siteRoots)
    }

    /// Whether the line quotes someone other than the site: it has words outside its quotation marks, and none of them is
    /// a site word (`isSiteWord`) or names the site's team or editor ("„Unterstützen Sie uns mit einer Spende“, sagt
    /// Chefredakteurin Petra Lange", "“...,” writes Jane Smith, Editor", "— het team van De Havenkrant"). A line that is
    /// one quotation from end to end is a box in quotation marks, not a report of one.
    static func quotesSomeoneElse(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var inQuote = false, start = -1, startQuoted = false, outside = 0
        var i = r.lowerBound
        func close(_ end: Int) -> Bool {
            defer { start = -1 }
            guard start >= 0, !startQuoted, isWordToken(p, start..<end) else { return false }
            outside += 1
            return isSiteWord(p, start..<end) || isOne(p, start..<end, of: signatureWords)
        }
        while i < r.upperBound {
            let q = Bytes.quotationMarkLength(p, i, r.upperBound)
            if q > 0 || Bytes.isSpace(p[i]) {
                if close(i) { return false }
                if q > 0 { inQuote.toggle(); i += q } else { i += 1 }
                continue
            }
            if start < 0 { start = i; startQuoted = inQuote }
            i += 1
        }
        return !close(r.upperBound) && outside > 0
    }

    /// Who signs a box that quotes the site's appeal, besides `siteSelfWords` (small letters).
    /// (Directors too: a box is signed "Marco Rossi, direttore"; a hospital's director quoted with a verb of saying is
    /// kept by the reporting tag, which does not count them.)
    static let signatureWords: [StaticString] = ["editor", "editors", "team", "teams", "equipo", "équipe", "equipe", "squadra", "zespół",
                                                 "команда", "ekibi", "tim", "director", "directora", "directeur", "directrice",
                                                 "direttore", "direttrice", "diretor", "diretora", "dyrektor", "директор"]

    /// Stems of the newsroom, its editor-in-chief and the publisher, matched anywhere in a word. Not an editor's ("sa
    /// redaktøren": an article quotes other papers' editors).
    static let siteRoots = foldedRoots(["redaktion", "redactie", "rédaction", "redacción", "redazione", "redação", "redaksjon", "redakce",
                                        "redakcja", "редакц", "chefredakt", "hoofdredact", "sjefredakt", "verlag", "uitgever", "wydaw"])
    /// More stems that make a list's lead-in the site's ("The editors recommend:", "Die Redakteurin empfiehlt:", "Our
    /// newsroom recommends:", "Das Moderationsteam rät:").
    static let leadInSiteRoots = foldedRoots(["redakt", "redact", "rédact", "redacc", "redazion", "redaç", "editor", "newsroom",
                                              "moderation", "moderator", "herausgeber", "publisher"])

    /// Stems folded as the cue matcher folds text (`PhraseAutomaton.fold`).
    static func foldedRoots(_ roots: [String]) -> [[UInt8]] {
        roots.map { Array($0.utf8).withUnsafeBufferPointer { PhraseAutomaton.fold($0) } }
    }

    /// Whether one of `roots` (`foldedRoots`) occurs in the token, folded by the cue matcher's table; the Cyrillic
    /// capitals Р-Я, which the table does not fold (their small letters have another lead byte), fold too.
    static func hasRoot(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, _ roots: [[UInt8]]) -> Bool {
        let folded = PhraseAutomaton.foldTable.withUnsafeBufferPointer { table in
            t.map { i -> UInt8 in
                p[i] == 0xD0 && i + 1 < t.upperBound && p[i + 1] >= 0xA0 && p[i + 1] <= 0xAF ? 0xD1 : table[Int(p[i])]
            }
        }
        return roots.contains { root in
            root.count <= folded.count && (0...(folded.count - root.count)).contains { k in folded[k..<(k + root.count)].elementsEqual(root) }
        }
    }

    /// Words in a tag that make the speaker the site itself: its "our" (`sitePossessives`), its editors, its readers and
    /// its editor-in-chief, as a box quotes them ("sagt die Redaktion", "sagt Chefredakteurin Petra Lange", "zegt lezer Piet").
    static let siteSelfWords: [StaticString] = sitePossessives + [
        // (The newsroom, the editor-in-chief and the publisher in any form of the word are `siteRoots`.)
        "ons", "toimitus", "redaksi",
        "reader", "leser", "leserin", "lezer", "lezeres", "lecteur", "lectrice", "lettore", "lettrice", "leitor", "leitora",
        "lector", "lectora", "läsare", "læser", "editor-in-chief", "rédacteur", "rédactrice", "redattore", "caporedattore",
        "redaktør", "redaktör", "redaktor", "redaktorka",
        "verleger", "verlegerin", "herausgeber", "herausgeberin", "publisher", "éditeur", "editore",
    ]

    /// Words after a verb of saying that make it an idiom, not a tag (small letters).
    static let idiomFollows: [StaticString] = ["seg", "sig", "danke", "thanks", "thank"]

    /// Whether the token `t` has a letter or digit (not a lone comma or dash).
    static func isWordToken(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        t.contains { Bytes.isASCIIAlnum(p[$0]) || p[$0] >= 0xC0 }
    }

    /// Whether the token `t`, without the punctuation around it, is `w` (small letters; ASCII letters without case).
    static func word(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, is w: StaticString) -> Bool {
        isOne(p, t, of: [w])
    }

    /// Whether the token `t`, without the punctuation around it (stripped once), is one of `words`.
    static func isOne(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, of words: [StaticString]) -> Bool {
        let core = stripped(p, t)
        return words.contains { $0.utf8CodeUnitCount == core.count && Bytes.hasPrefix(p, core.lowerBound, core.upperBound, $0) }
    }

    /// The token without quotation marks, brackets and punctuation around it.
    static func stripped(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Range<Int> {
        var lo = t.lowerBound, hi = t.upperBound
        func punct(_ b: UInt8) -> Bool {
            b == 0x2E || b == 0x2C || b == 0x3A || b == 0x3B || b == 0x21 || b == 0x3F || b == 0x22 || b == 0x27 || b == 0x28 || b == 0x29
        }
        while hi > lo {
            if punct(p[hi - 1]) { hi -= 1; continue }
            if hi - lo >= 3 && p[hi - 3] == 0xE2 && p[hi - 2] == 0x80 && (p[hi - 1] >= 0x98 && p[hi - 1] <= 0x9E || p[hi - 1] == 0xA6) { hi -= 3; continue }
            if hi - lo >= 2 && p[hi - 2] == 0xC2 && (p[hi - 1] == 0xBB || p[hi - 1] == 0xAB) { hi -= 2; continue }
            break
        }
        while lo < hi {
            if punct(p[lo]) { lo += 1; continue }
            if hi - lo >= 3 && p[lo] == 0xE2 && p[lo + 1] == 0x80 && (p[lo + 2] >= 0x93 && p[lo + 2] <= 0x9E) { lo += 3; continue }
            if hi - lo >= 2 && p[lo] == 0xC2 && (p[lo + 1] == 0xBB || p[lo + 1] == 0xAB) { lo += 2; continue }
            break
        }
        return lo..<hi
    }

    /// Whether the token `t` (without the punctuation around it, and without a French inverted subject: "précise-t-il")
    /// is a verb of saying: one of `verbs` (`reportingVerbs`), or with an inverted subject one of `invertedVerbs` too.
    static func isReportingVerb(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, in verbs: [StaticString] = reportingVerbs) -> Bool {
        var core = stripped(p, t)
        guard !core.isEmpty else { return false }
        if let hyphen = core.firstIndex(where: { p[$0] == 0x2D }), hyphen > core.lowerBound {
            let rest = hyphen..<core.upperBound
            if ["-t-il", "-t-elle", "-t-on", "-il", "-elle"].contains(where: { (s: StaticString) in
                s.utf8CodeUnitCount == rest.count && Bytes.hasPrefix(p, rest.lowerBound, rest.upperBound, s) }) {
                core = core.lowerBound..<hyphen
                if isOne(p, core, of: invertedVerbs) { return true }
            }
        }
        return verbs.contains { $0.utf8CodeUnitCount == core.count && Bytes.hasPrefix(p, core.lowerBound, core.upperBound, $0) }
    }

    /// French verbs that are verbs of saying with an inverted subject ("dit-il", "demande-t-elle"; "dit" alone is Dutch for
    /// "this").
    static let invertedVerbs: [StaticString] = ["dit", "demande", "poursuit", "confie", "conclut", "insiste", "rappelle", "plaide", "martèle"]

    /// Verbs of saying that are also participles or common words: a tag's last word, or before a name or a pronoun.
    static let weakReportingVerbs: [StaticString] = [
        "added", "asked", "explained", "continued", "recalled", "admitted", "admits", "explains", "asks",
        "ber", "lisää", "pyytää", "chiede", "spiega", "pide", "pede", "vraagt", "schrijft", "benadrukt",
        // Separable verbs, their particle after the speaker: "fügt sie hinzu", "voegt ze toe".
        "fügt", "fügte", "voegt", "voegde",
    ]

    /// Turkish nouns for someone's words, as a tag uses them before a form of "kullanmak" ("... ifadelerini kullandı").
    static let quotedWordsNouns: [StaticString] = ["ifadelerini", "sözlerini"]

    /// The reader as the object of a separable verb ("laat het je vrienden weten", "teile es deinen Freunden mit").
    static let readerPronouns: [StaticString] = ["je", "jouw", "jullie", "dich", "dir", "dein", "deine", "deinen", "deinem", "euch", "euer", "eure"]

    /// Separable verbs of saying (de, nl) and the particle that closes their clause: a tag when the particle is its last word.
    static let separableVerbs: [(verb: StaticString, particle: StaticString)] = [
        ("teilte", "mit"), ("teilt", "mit"), ("teilten", "mit"), ("gab", "bekannt"), ("gibt", "bekannt"), ("gaben", "bekannt"),
        ("rief", "auf"), ("ruft", "auf"), ("wies", "hin"), ("weist", "hin"),
        ("laat", "weten"), ("liet", "weten"), ("lieten", "weten"), ("deelt", "mee"), ("deelde", "mee"), ("roept", "op"), ("riep", "op"),
        ("riepen", "op"), ("riep", "toe"), ("roept", "toe"), ("rief", "zu"), ("ruft", "zu"),
    ]

    /// Auxiliaries after which a participle of saying makes a tag ("ha detto", "ha dicho", "a-t-elle dit").
    static let auxiliaries: [StaticString] = ["ha", "hanno", "aveva", "han", "había", "a-t-il", "a-t-elle", "a", "heeft", "hat", "hatte"]
    static let participles: [StaticString] = [
        "detto", "aggiunto", "chiesto", "spiegato", "dicho", "pedido", "añadido", "explicado", "dit", "ajouté", "expliqué",
        "demandé", "confié", "gezegd", "gesagt", "betont", "erklärt",
    ]

    /// Pronouns that may stand after a verb of saying in a tag ("ber hon", "said she").
    static let pronouns: [StaticString] = ["she", "he", "they", "hon", "han", "hun", "sie", "er", "ze", "hij", "zij", "elle", "il",
                                           "ella", "él", "lei", "lui", "ela", "ele", "ona", "on", "hän", "vi", "we"]

    /// Verbs of saying (small letters), as they stand in a reporting tag: en, de, nl, fr, es, it, pt, sv, no, da, fi, pl,
    /// cs, ru, tr, id. Not forms that are also a participle in a site's own lines ("new stories added every day", "ti verrà
    /// chiesto", "as explained below") or another language's word ("dit" is Dutch for "this", "kata sandi" Indonesian
    /// for "password").
    static let reportingVerbs: [StaticString] = [
        "said", "says", "told", "urged", "urges", "wrote", "writes", "warned", "stressed", "insisted", "argued", "adds",
        "tweeted", "pleaded", "pleads", "joked", "according", "appealed",
        "sagte", "sagt", "sagen", "sagten", "erklärte", "erklärt", "betonte", "betont", "forderte", "fordert", "mahnte", "schrieb",
        "schreibt", "heißt", "bittet", "bat", "appelliert", "appellierte", "ergänzt", "ergänzte",
        "zei", "zegt", "aldus", "stelde", "schreef", "vertelt", "vroeg",
        "déclaré", "affirmé", "souligné", "ajouté", "précisé", "déclare", "affirme", "souligne", "ajoute", "lance", "lancé",
        "explique", "précise", "estime", "résume", "indique", "raconte",
        "dijo", "dice", "afirmó", "pidió", "insistió", "señaló", "añadió", "aseguró", "explicó", "escribió", "declaró", "subrayó", "comentó",
        "disse", "affermato", "dichiarato", "spiegato", "ribadito",
        "diz", "afirmou", "pediu", "apelou", "acrescentou", "declarou", "escreveu", "explicou", "reforçou",
        "sa", "sade", "säger", "sier", "sagde", "siger", "skrev", "skriver", "berättar", "forteller", "fortæller", "mener",
        "sanoi", "sanoo", "kertoi", "kertoo",
        "powiedział", "powiedziała", "stwierdził", "stwierdziła", "napisał", "napisała", "mówi", "dodał", "dodała",
        "řekl", "řekla", "uvedl", "uvedla", "říká", "dodal", "dodala", "doplnil", "doplnila", "prosí", "vyzývá",
        "сказал", "сказала", "заявил", "заявила", "говорит", "отметил", "отметила", "сообщил", "сообщила", "просит", "призывает",
        "добавил", "добавила", "подчеркнул", "подчеркнула", "объясняет",
        "dedi", "söyledi", "konuştu", "diyor",
        "katanya", "ujar", "ujarnya", "tutur", "tuturnya", "mengatakan",
    ]
}
