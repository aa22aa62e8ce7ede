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
        func paragraph(_ j: Int?) -> Bool { j.map { blocks[$0].words >= paragraphWords && blocks[$0].endsLikeSentence } ?? false }
        return paragraph(blocks.nonBlank(before: i)) && paragraph(blocks.nonBlank(after: i))
    }

    /// Whether the next non-blank line after block `i` is a signature: one to six words, not a sentence ("Petra Lange,
    /// Chefredakteurin", "— Jane Smith, Editor-in-chief").
    static func signedBelow(_ context: DetectionContext, _ i: Int) -> Bool {
        guard let a = context.blocks.nonBlank(after: i) else { return false }
        let line = context.blocks[a]
        return line.words >= 1 && line.words <= 6 && !line.endsLikeSentence
    }

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
        // The cues used are listed only for a block that yields a finding (most blocks with a match do not).
        var anyUsed = false
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
        // A cue for the start of a line counts only there.
        func counts(_ m: CueMatch) -> Bool { !cues[Int(m.cue)].atStart || m.range.lowerBound == firstWord }
        for m in ordered where counts(m) {
            let cue = cues[Int(m.cue)]
            anyUsed = true
            if cue.weight == .weak { weakCue = true }
            if cue.alone > 0 && block.words <= cue.alone { aloneEnough = true }
            covering.add(m.range, in: context)
            if cue.weight == .strong && m.range.lowerBound >= strongEnd {
                strong += 1
                strongEnd = m.range.upperBound
            }
        }
        if !anyUsed { return nil }
        var coverage = covering.share(of: block)
        // Phrases inside a quotation of five words or more are the article quoting them ("Verbraucherschützer kritisieren
        // den Satz „Mit der Nutzung unserer Website stimmen Sie der Verwendung von Cookies zu“"): they cover nothing, unless
        // the site is the one quoted ("„Unterstützen Sie uns mit einer Spende“, sagt Chefredakteurin Petra Lange"), the line
        // is nothing but the quotation, or a signature follows it on a line of its own. (Asked only of a short block that
        // its coverage would remove.)
        if !aloneEnough && coverage >= minCoverage && block.words <= maxWordsForCoverage
            && Bytes.hasQuotationMark(context.bytes, block.trimmed) {
            var outside = Coverage()
            for m in ordered where counts(m) && !PhrasePolicy.insideQuotation(context.bytes, block.trimmed, m.range.lowerBound) {
                outside.add(m.range, in: context)
            }
            let unquoted = outside.share(of: block)
            if unquoted < minCoverage && PhrasePolicy.quotesSomeoneElse(context.bytes, block.trimmed)
                && !PhrasePolicy.signedBelow(context, blockIndex) { coverage = unquoted }
        }
        var definite = aloneEnough || (coverage >= minCoverage && block.words <= maxWordsForCoverage)
        // A paragraph that quotes the phrases ("On the website it said: „We use cookies ...“") reports them: strong phrases
        // inside quotation marks do not count towards removing it.
        if let needed = strongCuesToRemove, block.words <= maxWordsForCues {
            let enough = block.words <= longBlockWords ? needed : strongCuesToRemoveLong
            if strong >= enough && Bytes.hasQuotationMark(context.bytes, block.trimmed) {
                // The strong phrases counted above, again (rarely needed: no list of them is kept).
                var end = 0
                for m in ordered where cues[Int(m.cue)].weight == .strong && m.range.lowerBound >= end && counts(m) {
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
            && PhrasePolicy.isArticlesListItem(context, blockIndex) {
            definite = false
            reported = true
        }
        // Someone's words reported in the article ("Support independent journalism, the minister said.", "Steun
        // onafhankelijke journalistiek, zei de minister.", "The mayor told residents: Donate now."): a sentence whose
        // phrases a reporting tag attributes stays; the finding stays, weak, for its neighbours.
        if definite && (block.endsLikeSentence || Document.sentenceEnd(context.bytes, block.trimmed, spacedQuotes: true) != nil),
           let first = ordered.first {
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
        var used: [Int32] = []
        for m in ordered where counts(m) && !used.contains(m.cue) {
            used.append(m.cue)
        }
        return Finding(block: blockIndex, strength: definite ? .definite : .weak,
                       evidence: .cues(used, coverage: coverage))
    }
}
