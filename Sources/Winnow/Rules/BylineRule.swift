/// Bylines and date lines standing alone: "By Anna Berg", "By ANNA BERG | Harbour Voice",
/// "Updated: March 3, 2026 at 7:12 am", "Published 03.03.2026". A line goes when it opens with the label,
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
        ],
        nonTriggering: [
            RuleExample("By the time the ferry arrived, the quay was full.\nThe pier reopens on Monday.\n"),
            RuleExample("By 2030, the harbour wants to run electric ferries only\n"),
            RuleExample("By the numbers\nThe pier cost two million euros.\n"),
            RuleExample("By Monday, the pier will be open again.\n"),
            RuleExample("Updated timetable for the northern route\n"),
            RuleExample("Posted by Anna Berg, harbour master, who answers questions from readers.\n"),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = BylineRule.byLabels.map { Cue($0, .strong, atStart: true) }
        + BylineRule.dateLabels.map { Cue($0, .strong, atStart: true) }
        + BylineRule.notBylines.map { Cue($0, .weak, atStart: true) }

    /// Labels of a byline, followed by a name. (Not "von", "di", "door": they also open names and headlines,
    /// "Von der Leyen ...", "Di Maria ...".)
    static let byLabels: [String] = ["by", "par", "por"]

    /// Labels of a date line, followed by a date.
    static let dateLabels: [String] = [
        "published", "updated", "posted on", "first published", "last updated", "published on", "updated on",
        "veröffentlicht", "aktualisiert", "publié le", "mis à jour le", "publicado", "actualizado", "pubblicato", "aggiornato",
        "gepubliceerd", "bijgewerkt",
    ]

    /// Openings that read like a byline but start a heading or a sentence.
    static let notBylines: [String] = [
        "by the numbers", "by the way", "by contrast", "by comparison", "by design", "by default", "by far", "by hand",
        "by then", "by now", "by monday", "by tuesday", "by wednesday", "by thursday", "by friday", "by saturday",
        "by sunday", "by january", "by february", "by march", "by april", "by may", "by june", "by july", "by august",
        "by september", "by october", "by november", "by december", "by car", "by train", "by bus", "by boat",
    ]

    /// A byline or date line has at most this many words.
    static let maxWords = 14

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let p = context.bytes
        let byCount = Int32(BylineRule.byLabels.count)
        let labelCount = byCount + Int32(BylineRule.dateLabels.count)
        let matches = context.matches
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            var j = i
            var byEnd: Int? = nil
            var dated = false
            var excluded = false
            var used: [Int32] = []
            var coverage = Coverage()
            let block = context.blocks[b]
            let first = context.firstWordOffset(block)
            while j < matches.count && matches[j].block == b {
                let m = matches[j]
                j += 1
                guard m.range.lowerBound == first else { continue }
                if m.cue >= labelCount { excluded = true; continue }
                used.append(m.cue)
                coverage.add(m.range, in: context)
                if m.cue < byCount { byEnd = m.range.upperBound } else { dated = true }
            }
            i = j
            guard !excluded, !used.isEmpty, block.words >= 2, block.words <= BylineRule.maxWords, !block.endsLikeSentence else { continue }
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
            if dated && block.digits > 0 { isByline = true }
            guard isByline else { continue }
            findings.append(Finding(block: b, strength: .definite, evidence: .cues(used, coverage: coverage.share(of: block))))
        }
    }
}
