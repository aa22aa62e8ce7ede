/// Bylines, date and reading-time lines standing alone: "By Anna Berg", "By ANNA BERG | Harbour Voice",
/// "Updated: March 3, 2026 at 7:12 am", "Published 03.03.2026", "5 min read", "Reading time: 4 minutes". A line goes when it opens with the label,
/// is short (at most 14 words), does not end like a sentence and, for "By", a capital letter follows
/// (a name); for a date label, the line holds a digit. "By the time ..." and "By 2030, ..." stay, and so do
/// headings such as "By the numbers".
public struct BylineRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "byline",
        name: "Bylines and date lines",
        family: .furniture,
        summary: "Removes bylines (\u{201C}By Anna Berg\u{201D}) and publication date lines standing alone.",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl"],
        triggering: [
            RuleExample("By Anna Berg\nThe pier reopens on Monday.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("By ANNA BERG and OLE DAHL | Harbour Voice\nThe pier reopens on Monday.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Updated: March 3, 2026 at 7:12 am\nThe pier reopens on Monday.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("PUBLISHED: March 3, 2026 at 7:12 am | UPDATED: March 3, 2026 at 9:40 am\nThe pier reopens on Monday.\n",
                        expected: "The pier reopens on Monday.\n"),
            RuleExample("Veröffentlicht am 03.03.2026\nDer Anleger öffnet am Montag.\n", expected: "Der Anleger öffnet am Montag.\n"),
            // Reading times.
            RuleExample("Oct 18, 2019 · 8 min read\nThe pier reopens on Monday.\n", expected: "The pier reopens on Monday.\n"),
            RuleExample("Tempo de leitura: 2 minutos\nO cais reabre na segunda-feira.\n", expected: "O cais reabre na segunda-feira.\n"),
        ],
        nonTriggering: [
            RuleExample("By the time the ferry arrived, the quay was full.\nThe pier reopens on Monday.\n"),
            RuleExample("By 2030, the harbour wants to run electric ferries only\n"),
            RuleExample("By the numbers\nThe pier cost two million euros.\n"),
            RuleExample("By Monday, the pier will be open again.\n"),
            RuleExample("Updated timetable for the northern route\n"),
            RuleExample("Posted by Anna Berg, harbour master, who answers questions from readers.\n"),
            RuleExample("The report takes a 20 min read\n"),
            RuleExample("Reading time for children doubled to 40 minutes a day, the survey found.\n"),
            RuleExample("Reading time: the library's new hours from 2025\n"),
            RuleExample("Week 3 - 120 minutes read\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = BylineRule.byLabels.map { Cue($0, .strong, atStart: true) }
        + BylineRule.dateLabels.map { Cue($0, .strong, atStart: true) }
        + BylineRule.readingLabels.map { Cue($0, .strong, atStart: true) }
        + BylineRule.notBylines.map { Cue($0, .weak, atStart: true) }
        + BylineRule.readingTime.map { Cue($0, .weak) }
    /// Where each family sits in `cues`, in the order above.
    static let byCues = Range.cues(first: byLabels.count)
    static let dateCues = Range.cues(after: byCues, count: dateLabels.count)
    static let readingLabelCues = Range.cues(after: dateCues, count: readingLabels.count)
    static let notBylineCues = Range.cues(after: readingLabelCues, count: notBylines.count)
    static let readingTimeCues = Range.cues(after: notBylineCues, count: readingTime.count)

    /// The end of a reading-time line ("5 min read", "Oct 18, 2019 · 8 min read"): after a number, at the line's end.
    static let readingTime: [String] = ["min read", "mins read", "min. read", "minute read", "minutes read"]

    /// Labels of a byline, followed by a name. (Not "von", "di", "door": they also open names and headlines,
    /// "Von der Leyen ...", "Di Maria ...".)
    static let byLabels: [String] = ["by", "par", "por"]

    /// Labels of a date line, followed by a date.
    static let dateLabels: [String] = [
        "published", "updated", "posted on", "first published", "last updated", "published on", "updated on",
        "veröffentlicht", "aktualisiert", "publié le", "mis à jour le", "publicado", "actualizado", "pubblicato", "aggiornato",
        "gepubliceerd", "bijgewerkt",
    ]

    /// Labels of a reading time, followed by a number and a word for minutes ("Reading time: 4 minutes").
    static let readingLabels: [String] = [
        "reading time:", "read time:", "lesezeit:", "temps de lecture :", "temps de lecture:", "tiempo de lectura:",
        "tempo de leitura:", "tempo di lettura:", "leestijd:",
    ]

    /// Openings that read like a byline but start a heading or a sentence.
    static let notBylines: [String] = [
        "by the numbers", "by the way", "by contrast", "by comparison", "by design", "by default", "by far", "by hand",
        "by then", "by now", "by monday", "by tuesday", "by wednesday", "by thursday", "by friday", "by saturday",
        "by sunday", "by january", "by february", "by march", "by april", "by may", "by june", "by july", "by august",
        "by september", "by october", "by november", "by december", "by car", "by train", "by bus", "by boat",
    ]

    /// The line is a number before `cue` ("5 min read"), or a date, a separator ("·", "•") and the number ("Oct 18,
    /// 2019 · 8 min read", "9:24 pm ET • 2 min read").
    static func readingTimeLine(_ p: UnsafeBufferPointer<UInt8>, _ block: Block, _ cue: Int) -> Bool {
        let start = block.trimmed.lowerBound
        var k = cue
        while k > start && p[k - 1] == 0x20 { k -= 1 }
        let end = k
        while k > start && Bytes.isDigit(p[k - 1]) { k -= 1 }
        guard k < end else { return false }
        while k > start && p[k - 1] == 0x20 { k -= 1 }
        if k == start { return true }
        // "·" (C2 B7) or "•" (E2 80 A2): not "-" or "|", which a reading log's rows have ("Week 3 - 120 minutes read").
        let c = p[k - 1]
        if k >= start + 2 && p[k - 2] == 0xC2 && c == 0xB7 { return true }
        return k >= start + 3 && p[k - 3] == 0xE2 && p[k - 2] == 0x80 && c == 0xA2
    }

    /// Words for minutes after a reading time's number, longer ones first.
    static let minuteWords: [StaticString] = ["minutes", "minute", "minutos", "minuto", "minuti", "minuten", "minuut", "min.", "mins", "min"]

    /// After a reading-time label at `i`: a number and a word for minutes, and nothing more ("4 minutes", "1 minuto",
    /// "3 Min.").
    static func minutesFollow(_ p: UnsafeBufferPointer<UInt8>, _ block: Block, _ i: Int) -> Bool {
        let end = block.trimmed.upperBound
        var k = i
        while k < end && p[k] == 0x20 { k += 1 }
        let digits = k
        while k < end && Bytes.isDigit(p[k]) { k += 1 }
        guard k > digits else { return false }
        while k < end && p[k] == 0x20 { k += 1 }
        for word in minuteWords {
            if Bytes.hasPrefix(p, k, end, word) && k + word.utf8CodeUnitCount == end { return true }
        }
        return false
    }

    /// A byline or date line has at most this many words.
    static let maxWords = 14

    /// A byline stands under the article's title.
    public var followsTitle: Bool { true }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let p = context.bytes
        let matches = context.matches
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            var j = i
            var byEnd: Int? = nil
            var dated = false
            var excluded = false
            var readingTime = false
            var used: [Int32] = []
            var coverage = Coverage()
            let block = context.blocks[b]
            let first = context.firstWordOffset(block)
            while j < matches.count && matches[j].block == b {
                let m = matches[j]
                j += 1
                if BylineRule.readingTimeCues.contains(m.cue) {
                    // "5 min read" at the line's end: a number alone, or after a date and a separator ("·", "•").
                    if m.range.upperBound == block.trimmed.upperBound && BylineRule.readingTimeLine(p, block, m.range.lowerBound) {
                        readingTime = true
                        used.append(m.cue)
                        coverage.add(m.range, in: context)
                    }
                    continue
                }
                guard m.range.lowerBound == first else { continue }
                if BylineRule.notBylineCues.contains(m.cue) { excluded = true; continue }
                used.append(m.cue)
                coverage.add(m.range, in: context)
                if BylineRule.byCues.contains(m.cue) {
                    byEnd = m.range.upperBound
                } else if BylineRule.dateCues.contains(m.cue) {
                    dated = true
                } else if BylineRule.minutesFollow(p, block, m.range.upperBound) {
                    readingTime = true
                }
            }
            i = j
            guard !excluded || readingTime, !used.isEmpty, block.words >= 2, block.words <= BylineRule.maxWords, !block.endsLikeSentence else { continue }
            var isByline = false
            if let end = byEnd {
                // A name follows: the next letter after the label is a capital (ASCII or Latin-1).
                var k = end
                while k < block.trimmed.upperBound && Bytes.isSpace(p[k]) { k += 1 }
                if k > end && k < block.trimmed.upperBound {
                    let c = p[k]
                    if c >= 0x41 && c <= 0x5A {
                        isByline = true
                    } else if c == 0xC3 && k + 1 < block.trimmed.upperBound && p[k + 1] >= 0x80 && p[k + 1] <= 0x9E && p[k + 1] != 0x97 {
                        isByline = true
                    }
                }
            }
            if (dated || readingTime) && block.digits > 0 { isByline = true }
            guard isByline else { continue }
            findings.append(Finding(block: b, strength: .definite, evidence: .cues(used, coverage: coverage.share(of: block))))
        }
    }
}
