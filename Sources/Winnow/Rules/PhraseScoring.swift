/// Shared scoring for rules whose evidence is phrases: how much of a block its cues cover, and how
/// many distinct strong cues it holds. A cue inside a long, well-formed paragraph is never enough;
/// a block made mostly of cues is boilerplate.
struct PhrasePolicy: Sendable {
    /// A block whose letters are at least this share cue text, and that is short, goes on its own.
    var minCoverage = 0.5
    var maxWordsForCoverage = 30
    /// Distinct strong cues that remove a block of up to `longBlockWords` words; nil: coverage only.
    var strongCuesToRemove: Int? = nil
    var longBlockWords = 80
    /// Distinct strong cues that remove a longer block.
    var strongCuesToRemoveLong = 3
    /// Above this many words a block is prose that cues never remove, whatever they say (an appeal is
    /// shorter; a whole article read as one line is not).
    var maxWordsForCues = 150

    /// Appends one finding per block that has matches of the rule's cues.
    /// Whether `i` is inside a quotation of at least `quotedWords` words within `r` (an odd number of quotation marks
    /// before it): a quoted sentence, not a button's label in quotes ('Click "Accept all cookies"').
    static func insideQuotation(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ i: Int) -> Bool {
        var marks = 0, open = r.lowerBound
        var k = r.lowerBound
        while k < i {
            let n = Bytes.quotationMarkLength(p, k, r.upperBound)
            if n > 0 { marks += 1; open = k + n; k += n } else { k += 1 }
        }
        guard marks % 2 == 1 else { return false }
        var close = i
        while close < r.upperBound && Bytes.quotationMarkLength(p, close, r.upperBound) == 0 { close += 1 }
        var words = 0, inWord = false
        for j in open..<close {
            if Bytes.isSpace(p[j]) { inWord = false } else if !inWord { words += 1; inWord = true }
        }
        return words >= quotedWords
    }
    /// A quotation of at least this many words is a quoted sentence.
    static let quotedWords = 5

    /// A subheading has at most this many words.
    static let subheadingWords = 4
    /// An article's paragraph has at least this many words (and ends like a sentence).
    static let paragraphWords = 15

    /// Whether the nearest non-blank lines before and after block `i` are paragraphs of prose (longer than a newsletter
    /// box's pitch, "Get the day's big stories and picks in your inbox.").
    static func betweenProseParagraphs(_ context: DetectionContext, _ i: Int) -> Bool {
        let blocks = context.blocks
        func paragraph(_ j: Int) -> Bool { blocks[j].words >= paragraphWords && blocks[j].endsLikeSentence }
        var b = i - 1
        while b >= 0 && blocks[b].isBlank { b -= 1 }
        guard b >= 0, paragraph(b) else { return false }
        var a = i + 1
        while a < blocks.count && blocks[a].isBlank { a += 1 }
        return a < blocks.count && paragraph(a)
    }

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
        while i < r.upperBound && separator < 0 {
            let q = Bytes.quotationMarkLength(p, i, r.upperBound)
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
    /// Whether another item of the same list (the run of lines with their own markers around block `i`, up to
    /// `listReach` each way, blank lines between them allowed) reads as the article's sentence: a sentence of at least
    /// `itemWords` words with none of this rule's phrases in it, and such items are more than the other items that hold
    /// this rule's phrases or another prompt's strong phrase; and the line that introduces the list has none of this
    /// rule's phrases.
    static func nextToArticleItem(_ context: DetectionContext, _ i: Int) -> Bool {
        let blocks = context.blocks
        func item(_ j: Int) -> Bool { ListMarkupRule.hasOwnMarker(context.bytes, blocks[j]) }
        func ruleMatch(_ j: Int) -> Bool { context.matches.contains { $0.block == j } }
        func prompt(_ j: Int) -> Bool { ruleMatch(j) || (j < context.prompts.count && context.prompts[j]) }
        func articleItem(_ j: Int) -> Bool {
            blocks[j].words >= itemWords && blocks[j].endsLikeSentence && !ruleMatch(j)
        }
        var anchors = 0, boxed = 0
        for step in [-1, 1] {
            var j = i, seen = 0
            while seen < listReach {
                j += step
                while j >= 0 && j < blocks.count && blocks[j].isBlank { j += step }
                guard j >= 0 && j < blocks.count && item(j) else {
                    // The line that introduces the list: a box's heading with the rule's phrases ("Comment rules", "Why
                    // subscribe?", "We care about your privacy") makes the list the box's.
                    if step == -1 && j >= 0 && j < blocks.count && context.matches.contains(where: { $0.block == j }) { return false }
                    break
                }
                if articleItem(j) { anchors += 1 } else if prompt(j) { boxed += 1 }
                seen += 1
            }
        }
        // More such items than other items with the rule's phrases: a box's list has its own lines in the majority
        // ("- Comments are moderated." / "- Respeta a los demás lectores." / "- Inicia sesión para comentar.").
        return anchors > boxed
    }

    /// Whether an item of the list around block `i` (as `nextToArticleItem` walks it, this one included) speaks to the
    /// reader or for the site ("- Please be kind to each other.", "2. Bitte bleiben Sie beim Thema.", "- I nostri
    /// giornalisti seguono ogni seduta."): then the list is a box's (comment rules, reasons to subscribe).
    static func listSpeaksForTheSite(_ context: DetectionContext, _ i: Int) -> Bool {
        let blocks = context.blocks, p = context.bytes
        func speaks(_ j: Int) -> Bool {
            tokens(p, blocks[j].trimmed).contains { t in
                readerWords.contains { word(p, t, is: $0) } || sitePossessives.contains { word(p, t, is: $0) }
            }
        }
        if speaks(i) { return true }
        for step in [-1, 1] {
            var j = i, seen = 0
            while seen < listReach {
                j += step
                while j >= 0 && j < blocks.count && blocks[j].isBlank { j += step }
                guard j >= 0 && j < blocks.count && ListMarkupRule.hasOwnMarker(p, blocks[j]) else { break }
                if speaks(j) { return true }
                seen += 1
            }
        }
        return false
    }

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
    /// How many items each way `nextToArticleItem` looks at.
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
        if window.contains(where: { t in siteSelfWords.contains { word(p, t, is: $0) } }) { return false }
        for (k, token) in window.enumerated() {
            let next = k + 1 < window.count ? window[k + 1] : nil
            if let next, idiomFollows.contains(where: { word(p, next, is: $0) }) { continue }
            if isReportingVerb(p, token) { return true }
            // A verb that is also a participle or a common word ("added", "asked", "ber", "lisää") counts where a tag ends
            // with it (", she added.", "The manager added: “…”") or with a name or pronoun after it (", added Smith.",
            // ", ber hon."); a participle after an auxiliary ("ha detto", "ha dicho", "a-t-elle dit") anywhere.
            let position = forward ? k : tokens.count - window.count + k
            let rest = tokens[(position + 1)...]
            if weak && isReportingVerb(p, token, in: weakReportingVerbs) {
                if rest.isEmpty { return true }
                if rest.count <= 3, let first = rest.first,
                   Bytes.isUpper(p[stripped(p, first).lowerBound]) || pronouns.contains(where: { word(p, first, is: $0) }) { return true }
            }
            if let next, auxiliaries.contains(where: { word(p, token, is: $0) }) && isReportingVerb(p, next, in: participles) { return true }
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

    /// Words in a tag that make the speaker the site itself (small letters): "our" and "the editors" in the languages of
    /// `reportingVerbs`.
    static let siteSelfWords: [StaticString] = [
        "our", "unser", "unsere", "unserer", "unseren", "redaktion", "onze", "ons", "redactie", "notre", "nos", "rédaction",
        "nuestro", "nuestra", "nuestros", "redacción", "nostro", "nostra", "redazione", "nosso", "nossa", "redação",
        "vår", "vårt", "våre", "vores", "redaktionen", "redaksjonen", "meidän", "toimitus", "nasz", "nasza", "redakcja",
        "náš", "naše", "redakce", "наш", "наша", "редакция", "kami", "redaksi",
        // Its readers and its editor-in-chief, as a box quotes them ("sagt Chefredakteurin Petra Lange", "zegt lezer Piet").
        "reader", "leser", "leserin", "lezer", "lezeres", "lecteur", "lectrice", "lettore", "lettrice", "leitor", "leitora",
        "lector", "lectora", "läsare", "læser", "editor-in-chief", "chefredakteur", "chefredakteurin", "chefredaktør",
        "chefredaktör", "hoofdredacteur", "rédacteur", "rédactrice", "redattore", "caporedattore", "sjefredaktør", "redaktør",
        "redaktör", "redaktor", "redaktorka",
    ]

    /// Words after a verb of saying that make it an idiom, not a tag (small letters).
    static let idiomFollows: [StaticString] = ["seg", "sig", "danke", "thanks", "thank"]

    /// Whether the token `t` has a letter or digit (not a lone comma or dash).
    static func isWordToken(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>) -> Bool {
        t.contains { Bytes.isASCIIAlnum(p[$0]) || p[$0] >= 0xC0 }
    }

    /// Whether the token `t`, without the punctuation around it, is `w` (small letters; ASCII letters without case).
    static func word(_ p: UnsafeBufferPointer<UInt8>, _ t: Range<Int>, is w: StaticString) -> Bool {
        let core = stripped(p, t)
        return core.count == w.utf8CodeUnitCount && Bytes.hasPrefix(p, core.lowerBound, core.upperBound, w)
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
                let n = core.count
                if invertedVerbs.contains(where: { $0.utf8CodeUnitCount == n && Bytes.hasPrefix(p, core.lowerBound, core.upperBound, $0) }) {
                    return true
                }
            }
        }
        let n = core.count
        return verbs.contains { $0.utf8CodeUnitCount == n && Bytes.hasPrefix(p, core.lowerBound, core.upperBound, $0) }
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

    /// A data row has at most this many words.
    static let dataRowWords = 7

    /// Magnitudes and currencies that may stand beside a figure in a data row, lower case.
    static let magnitudes: [StaticString] = ["%", "m", "bn", "mio.", "mrd.", "mln", "mld", "million", "millions", "billion", "billions",
                                             "percent", "prozent", "procent", "tys.", "mil", "millones", "milioni"]
    static let currencies: [StaticString] = ["€", "$", "£", "eur", "euro", "euros", "usd", "kr", "kr.", "nok", "sek", "dkk", "zł"]

    /// A label and a figure with a magnitude: up to four words, a colon, then one to three tokens that are figures (with
    /// a digit), magnitudes or currencies, one of them a percentage or a magnitude ("Support: 45%", "Advertising: €210m",
    /// "Spenden: 1,2 Mio. €"); or up to four words ending with a percentage ("Instagram 34%"). A count or a price
    /// ("Shares: 245", "Donate: €5", "Video: 2:35") is a button's or a player's, not a row of figures.
    static func isDataRow(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let tokens = PhrasePolicy.tokens(p, block.trimmed, upTo: dataRowWords + 3)
        if tokens.count > dataRowWords + 2 { return false }
        func hasDigit(_ t: Range<Int>) -> Bool { t.contains { Bytes.isDigit(p[$0]) } }
        func isOne(_ t: Range<Int>, _ list: [StaticString]) -> Bool {
            list.contains { u in u.utf8CodeUnitCount == t.count && Bytes.hasPrefix(p, t.lowerBound, t.upperBound, u) }
        }
        func endsWithMagnitude(_ t: Range<Int>) -> Bool {
            guard hasDigit(t) else { return false }
            let last = p[t.upperBound - 1]
            if last == 0x25 { return true }                                          // 45%
            if (last | 0x20) == 0x6D && Bytes.isDigit(p[t.upperBound - 2]) { return true }  // 210m
            return t.count >= 3 && (p[t.upperBound - 2] | 0x20) == 0x62 && (last | 0x20) == 0x6E && Bytes.isDigit(p[t.upperBound - 3])  // 3bn
        }
        // The label ends with a colon (ASCII or full width).
        for (k, t) in tokens.enumerated() where k < 4 && Bytes.endsWithColon(p, t) {
            let value = tokens[(k + 1)...]
            return (1...3).contains(value.count) && value.contains(where: hasDigit)
                && value.allSatisfy { hasDigit($0) || isOne($0, magnitudes) || isOne($0, currencies) }
                && value.contains { endsWithMagnitude($0) || isOne($0, magnitudes) }
        }
        guard let last = tokens.last, tokens.count <= 4, p[last.upperBound - 1] == 0x25 else { return false }
        return hasDigit(last)
    }

    func detect(_ context: DetectionContext, cues: [Cue], into findings: inout [Finding]) {
        let matches = context.matches
        var i = 0
        while i < matches.count {
            let blockIndex = matches[i].block
            var j = i
            while j < matches.count && matches[j].block == blockIndex { j += 1 }
            if let finding = score(context, cues: cues, block: blockIndex, matches: matches[i..<j]) {
                findings.append(finding)
            }
            i = j
        }
    }

    func score(_ context: DetectionContext, cues: [Cue], block blockIndex: Int, matches: ArraySlice<CueMatch>) -> Finding? {
        let block = context.blocks[blockIndex]
        // A row of figures ("Support: 45%", "Advertising: €210m", "Facebook 9%"): a poll's, a fact box's or a table's, whatever
        // its label says.
        if block.words <= PhrasePolicy.dataRowWords && block.digits > 0 && PhrasePolicy.isDataRow(context.bytes, block) { return nil }
        let firstWord = context.firstWordOffset(block)
        var used: [Int32] = []
        used.reserveCapacity(matches.count)
        var covering = Coverage()
        var strong = 0
        var strongEnd = 0
        var aloneEnough = false
        var weakCue = false
        // Matches are ordered by end; take them by start for the union and non-overlap counts (mostly they
        // are in that order already: then no copy).
        let byStart: (CueMatch, CueMatch) -> Bool = { $0.range.lowerBound < $1.range.lowerBound || ($0.range.lowerBound == $1.range.lowerBound && $0.range.upperBound > $1.range.upperBound) }
        let inOrder = zip(matches, matches.dropFirst()).allSatisfy { !byStart($1, $0) }
        let ordered = inOrder ? matches : ArraySlice(matches.sorted(by: byStart))
        for m in ordered {
            let cue = cues[Int(m.cue)]
            if cue.atStart && m.range.lowerBound != firstWord { continue }
            if !used.contains(m.cue) { used.append(m.cue) }
            if cue.weight == .weak { weakCue = true }
            if cue.alone > 0 && block.words <= cue.alone { aloneEnough = true }
            covering.add(m.range, in: context)
            if cue.weight == .strong && m.range.lowerBound >= strongEnd {
                strong += 1
                strongEnd = m.range.upperBound
            }
        }
        if used.isEmpty { return nil }
        let coverage = covering.share(of: block)
        var definite = aloneEnough || (coverage >= minCoverage && block.words <= maxWordsForCoverage)
        // A paragraph that quotes the phrases ("On the website it said: „We use cookies ...“") reports them: strong phrases
        // inside quotation marks do not count towards removing it.
        if let needed = strongCuesToRemove, block.words <= maxWordsForCues {
            let enough = block.words <= longBlockWords ? needed : strongCuesToRemoveLong
            if strong >= enough && Bytes.hasQuotationMark(context.bytes, block.trimmed) {
                // The strong phrases counted above, again (rarely needed: no list of them is kept).
                var end = 0
                for m in ordered where cues[Int(m.cue)].weight == .strong && m.range.lowerBound >= end
                    && !(cues[Int(m.cue)].atStart && m.range.lowerBound != firstWord) {
                    end = m.range.upperBound
                    if PhrasePolicy.insideQuotation(context.bytes, block.trimmed, m.range.lowerBound) { strong -= 1 }
                }
            }
            if strong >= enough {
                definite = true
            }
        }
        var reported = false
        // An item of the article's own list that says something with the phrases ("- Cookies were set before consent.",
        // "- Los comentarios están cerrados en todas las noticias." under "What the regulator found"): a sentence with its
        // own bullet next to an item that is a sentence of the article (no phrase of this rule in it) stays, weak.
        if definite && !aloneEnough && block.endsLikeSentence && ListMarkupRule.hasOwnMarker(context.bytes, block)
            && PhrasePolicy.nextToArticleItem(context, blockIndex) && !PhrasePolicy.listSpeaksForTheSite(context, blockIndex) {
            definite = false
            reported = true
        }
        // Someone's words reported in the article ("Support independent journalism, the minister said.", "Steun
        // onafhankelijke journalistiek, zei de minister.", "The mayor told residents: Donate now."): a sentence whose
        // phrases a reporting tag attributes stays; the finding stays, weak, for its neighbours.
        if definite && block.endsLikeSentence, let first = ordered.first {
            var last = first.range.upperBound
            for m in ordered { last = max(last, m.range.upperBound) }
            if PhrasePolicy.isReportedSpeech(context.bytes, block.trimmed, cues: first.range.lowerBound..<last) {
                definite = false
                reported = true
            }
        }
        // A subheading between two of the article's paragraphs ("Video games", "Falska nyhetsbrev", "Comment faire un
        // don ?") names its topic with words of its own: it stays unless its phrases are all it says, or the block it
        // heads goes too (then the resolver takes it as that block's heading: the finding stays, weak).
        var subheading = false
        if definite && !aloneEnough && coverage < 1 && block.digits == 0 && block.words <= PhrasePolicy.subheadingWords
            && PhrasePolicy.betweenProseParagraphs(context, blockIndex) {
            definite = false
            subheading = true
        }
        // A block that is not removed is evidence for its neighbours (a heading before an appeal) only
        // through a weak cue, one written for that purpose ("Support ..."); a strong cue that did not
        // carry its block says nothing about the block's role.
        if !definite && !weakCue && !subheading && !reported { return nil }
        return Finding(block: blockIndex, strength: definite ? .definite : .weak,
                       evidence: .cues(used, coverage: coverage))
    }
}
