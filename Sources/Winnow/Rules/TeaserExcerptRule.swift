/// Teaser excerpts: the first words of another story, cut off and followed by its link ("… Read more",
/// "... Continue reading", "[…]" at the end of a WordPress excerpt).
///
/// A line goes when it ends with a cut-off mark: a bracketed ellipsis ("[…]", "[...]", when the page has
/// another excerpt: a lone one may be the article's own elided quotation), or an ellipsis
/// ("…", "...") followed by nothing but read-more links ("Read more", "Weiterlesen", "Lire la suite", ...,
/// also repeated, in brackets or with an arrow). An article's own sentence that ends with an ellipsis,
/// a read-more phrase without an ellipsis before it, or a quotation that ends with "[…]" and its closing
/// quotation mark stays.
public struct TeaserExcerptRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "teaser-excerpt",
        name: "Teaser excerpts",
        family: .related,
        summary: "Removes cut-off excerpts of other stories that end with \"… Read more\" or \"[…]\".",
        languages: ["en", "de", "fr", "es", "it", "pt", "nl", "no", "sv", "da", "fi"],
        triggering: [
            // Two excerpts that end with "[…]": a list of other stories.
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                Sometimes readers ask me why the ferry leaves so early in the morning […]
                The quay bakery sold more loaves this summer than in any year since it opened [...]
                """, expected: "The pier reopens on Monday after six weeks of repairs.\n"),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                The quay bakery sold more loaves this summer than in any year since it opened, and the owners… Read more
                """, expected: "The pier reopens on Monday after six weeks of repairs.\n"),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                Crews expect the coast road to stay closed all week while they clear the ... Read More Read More
                """, expected: "The pier reopens on Monday after six weeks of repairs.\n"),
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs.
                Sometimes readers ask me why the ferry leaves so early in the morning […]
                Der Bäcker am Kai hat in diesem Sommer mehr Brot verkauft als je zuvor, und die … (Weiterlesen)
                """, expected: "The pier reopens on Monday after six weeks of repairs.\n"),
        ],
        nonTriggering: [
            // An ellipsis without a read-more link, a read-more phrase without an ellipsis: the article's own.
            RuleExample("""
                The pier reopens on Monday after six weeks of repairs, and then…
                The harbour master wants people to read more about the history of the pier, so the museum opens its archive.
                """),
            // A quotation that ends with an omission keeps its closing quotation mark.
            RuleExample("The harbour master wrote: \"We will rebuild the pier as it was […]\"\n"),
            // One line that ends with an elision, and no other excerpt on the page: the article's own.
            RuleExample("""
                The report lists what went wrong: late repairs, missing inspections, unpaid contractors [...]
                The harbour board will answer the report at its meeting on Thursday, a spokesperson said.
                """),
            // The phrase inside a long paragraph, not at its end.
            RuleExample("""
                The museum's leaflet, which ends with "… read more" in large letters, explains how the pier was built in 1890 and why its wooden piles had to be replaced.
                """),
        ],
        enabledByDefault: true)

    public let cues: [Cue] = TeaserExcerptRule.readMore.map { Cue($0, .weak) } + TeaserExcerptRule.cutMarks.map { Cue($0, .weak) }
    /// Where each family sits in `cues`, in the order above.
    static let readMoreCues = Range.cues(first: readMore.count)
    static let cutMarkCues = Range.cues(after: readMoreCues, count: cutMarks.count)

    /// Links to the rest of a story.
    static let readMore: [String] = [
        "read more", "continue reading", "keep reading", "read full story", "read the full story", "read full article",
        "weiterlesen", "mehr lesen", "lire la suite", "leer más", "seguir leyendo", "leggi tutto", "continua a leggere",
        "ler mais", "continuar lendo", "leia mais", "lees meer", "lees verder", "les mer", "läs mer", "læs mere", "lue lisää",
    ]

    /// Marks of a cut-off excerpt at the end of a line.
    static let cutMarks: [String] = ["[…]", "[...]"]

    /// A teaser has at least this many words before its cut-off mark.
    static let minimumWords = 5

    /// Such lines stand between an article's paragraphs too: they do not start the page's tail.
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { false }

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        let matches = context.matches
        let p = context.bytes
        // Lines that end with "[…]" alone, held back: they count as teasers only in company (a list of
        // excerpts, or beside a "… Read more" one); a single one may be the article's own elided quotation.
        var bracketed: [Finding] = []
        var excerpts = 0
        var i = 0
        while i < matches.count {
            let b = matches[i].block
            var j = i
            while j < matches.count && matches[j].block == b { j += 1 }
            defer { i = j }
            let block = blocks[b]
            guard block.words >= TeaserExcerptRule.minimumWords else { continue }
            let start = block.trimmed.lowerBound
            // From the end of the line backwards: a cut-off mark, or closers, read-more links and an ellipsis.
            var cueIDs: [Int32] = []
            var cut = false
            func ending(at e: Int) -> CueMatch? {
                // Matches come in order of their end: the longest one ending at `e` is found from the back.
                var found: CueMatch?
                var k = j - 1
                while k >= i && matches[k].range.upperBound >= e {
                    if matches[k].range.upperBound == e && (found == nil || matches[k].range.lowerBound < found!.range.lowerBound) { found = matches[k] }
                    k -= 1
                }
                return found
            }
            if let m = ending(at: block.trimmed.upperBound), TeaserExcerptRule.cutMarkCues.contains(m.cue) {
                bracketed.append(Finding(block: b, strength: .definite, evidence: .cues([m.cue], coverage: 0)))
                continue
            } else {
                var e = TeaserExcerptRule.skipClosers(p, start, block.trimmed.upperBound)
                while let m = ending(at: e), TeaserExcerptRule.readMoreCues.contains(m.cue) {
                    cueIDs.append(m.cue)
                    e = TeaserExcerptRule.skipClosers(p, start, m.range.lowerBound)
                    while e > start && (p[e - 1] == 0x28 || p[e - 1] == 0x5B) { e -= 1 }   // "(" or "[" before the link
                    e = TeaserExcerptRule.skipSpaces(p, start, e)
                }
                // "…" (E2 80 A6) or "..." right before the links.
                if !cueIDs.isEmpty && e - start >= 3
                    && ((p[e - 3] == 0xE2 && p[e - 2] == 0x80 && p[e - 1] == 0xA6) || (p[e - 3] == 0x2E && p[e - 2] == 0x2E && p[e - 1] == 0x2E)) {
                    cut = true
                }
            }
            guard cut else { continue }
            findings.append(Finding(block: b, strength: .definite, evidence: .cues(cueIDs, coverage: 0)))
            excerpts += 1
        }
        if excerpts + bracketed.count >= 2 { findings.append(contentsOf: bracketed) }
    }

    @inline(__always) static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && (p[e - 1] == 0x20 || p[e - 1] == 0x09) { e -= 1 }
        return e
    }

    /// Steps back over spaces and what may close a link: ")", "]", ">", "»" (C2 BB), "›" (E2 80 BA), "→" (E2 86 92).
    static func skipClosers(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start {
            let c = p[e - 1]
            if c == 0x20 || c == 0x09 || c == 0x29 || c == 0x5D || c == 0x3E { e -= 1; continue }
            if e - start >= 2 && p[e - 2] == 0xC2 && c == 0xBB { e -= 2; continue }
            if e - start >= 3 && p[e - 3] == 0xE2 && ((p[e - 2] == 0x80 && c == 0xBA) || (p[e - 2] == 0x86 && c == 0x92)) { e -= 3; continue }
            break
        }
        return e
    }
}
