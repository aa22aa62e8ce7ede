/// Where the article body is in a page, from structure alone.
///
/// Every non-blank line scores by its length and form: a line of at least 10 words that ends like a
/// sentence (or of 20 words with a sentence stop inside) and is not in title case (or, in scripts without spaces, 40 letters ending like a sentence)
/// counts for the body with its words; a furniture line (a menu item, at most 3 words without a sentence
/// ending, no letters at all) counts against it with its words plus two; anything else costs one.
/// The body is the run of lines with the highest total (the maximum-sum segment, Kadane's algorithm):
/// one pass, O(lines).
struct ArticleBody {
    enum Kind { case body, neutral, furniture }

    var kinds: [Kind]
    /// Menu items ("Home", "News", "Contact us"): short lines made of menu words.
    var isMenu: [Bool]
    /// Lines that do not count (removed already, bare bullets).
    var ignored: [Bool]

    /// Blank or ignored: a line the layout looks through.
    @inline(__always) func skips(_ i: Int, _ blocks: [Block]) -> Bool { blocks[i].isBlank || ignored[i] }
    /// Lines of the body (empty when the page has no body line).
    var core: Range<Int>
    /// The body's score: roughly its words of prose.
    var score: Int
    /// Words of body-kind lines before each line (for "how much of the article precedes this line").
    var bodyWordsBefore: [Int]
    var bodyWords: Int
    /// The same for the body-kind lines that read as an article's paragraphs: next to another one (blank and
    /// ignored lines looked through) or of `longParagraph` words or more. A short paragraph alone between
    /// lines that are not prose is a teaser's blurb as often as the article's (a list of other stories,
    /// each a headline, a byline and one sentence, has many of them).
    var articleWordsBefore: [Int]
    var articleWords: Int
    /// Blurbs (the body-kind lines that do not count for `articleWords`) before each line, and in all.
    var blurbsBefore: [Int]
    var blurbs: Int

    /// A body line of this many words counts for the article on its own (see `articleWords`).
    static let longParagraph = 50
    /// A body line shorter than this that ends with an ellipsis is cut off (see `endsWithEllipsis`).
    static let cutLineWords = 20

    /// A line of fewer than `cutLineWords` words that ends with "..." or "…": a teaser's headline or blurb cut
    /// to fit its box.
    static func isCut(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        block.words < cutLineWords && endsWithEllipsis(p, block)
    }

    /// The line ends with "..." or "…".
    static func endsWithEllipsis(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard r.count >= 3 else { return false }
        let a = p[r.upperBound - 3], b = p[r.upperBound - 2], c = p[r.upperBound - 1]
        return (a == 0x2E && b == 0x2E && c == 0x2E) || (a == 0xE2 && b == 0x80 && c == 0xA6)
    }

    /// No lines, no body.
    static let empty = ArticleBody(blocks: [], isMenu: [], ignoring: [])

    /// `ignoring` marks lines that do not count (already removed, bare bullets), as if they were blank.
    /// `bytes` (the document's) tell a headline cut short ("... plus new he...") from a paragraph.
    init(blocks: [Block], isMenu: [Bool], ignoring: [Bool], bytes: UnsafeBufferPointer<UInt8>? = nil) {
        self.isMenu = isMenu
        self.ignored = ignoring
        kinds = [Kind](filled: .neutral, count: blocks.count)
        bodyWordsBefore = [Int](filled: 0, count: blocks.count)
        var best = 0, bestStart = 0, bestEnd = 0
        var run = 0, runStart = 0
        var words = 0
        for (index, block) in blocks.enumerated() {
            bodyWordsBefore[index] = words
            if block.isBlank || ignoring[index] { continue }
            let kind = ArticleBody.kind(block, menu: isMenu[index])
            kinds[index] = kind
            let score: Int
            switch kind {
            case .body:
                score = block.hasCJK ? block.alnum / 2 : block.words
                words += score
            case .neutral: score = -1
            case .furniture: score = -(block.words + 2)
            }
            if run <= 0 { run = 0; runStart = index }
            run += score
            if run > best { best = run; bestStart = runStart; bestEnd = index + 1 }
        }
        core = bestStart..<bestEnd
        score = best
        bodyWords = words
        // Article words: a second pass, with each body line's neighbours among the lines that count. A short
        // body line after one that is not prose waits for its next neighbour; its words (or its count as a
        // blurb) then go to the lines after it.
        articleWordsBefore = [Int](filled: 0, count: blocks.count)
        blurbsBefore = [Int](filled: 0, count: blocks.count)
        var article = 0, blurbCount = 0
        var previousBody = false
        var pending = -1
        for (index, block) in blocks.enumerated() {
            articleWordsBefore[index] = article
            blurbsBefore[index] = blurbCount
            if block.isBlank || ignoring[index] { continue }
            // A short line cut off with an ellipsis is a teaser's headline or blurb: it anchors no paragraph.
            let cut = kinds[index] == .body && bytes.map { ArticleBody.isCut($0, block) } ?? false
            let body = kinds[index] == .body && !cut
            if cut { blurbCount += 1 }
            if pending >= 0 {
                if body {
                    let words = ArticleBody.proseWords(blocks[pending])
                    article += words
                    for k in (pending + 1)...index { articleWordsBefore[k] += words }
                } else {
                    blurbCount += 1
                    for k in (pending + 1)...index { blurbsBefore[k] += 1 }
                }
                pending = -1
            }
            if body {
                if previousBody || ArticleBody.proseWords(block) >= ArticleBody.longParagraph {
                    article += ArticleBody.proseWords(block)
                } else {
                    pending = index
                }
            }
            previousBody = body
        }
        if pending >= 0 {
            blurbCount += 1
            for k in (pending + 1)..<blocks.count { blurbsBefore[k] += 1 }
        }
        articleWords = article
        blurbs = blurbCount
    }

    /// `articleWordsBefore[i]`, and all of them for `i` past the last line.
    func articleWords(before i: Int) -> Int { i < articleWordsBefore.count ? articleWordsBefore[i] : articleWords }
    /// `blurbsBefore[i]`, and all of them for `i` past the last line.
    func blurbs(before i: Int) -> Int { i < blurbsBefore.count ? blurbsBefore[i] : blurbs }

    /// A body line's words as the body's score counts them.
    @inline(__always) static func proseWords(_ block: Block) -> Int { block.hasCJK ? block.alnum / 2 : block.words }

    /// A menu item with another one among the next three non-blank lines: the start of a menu, not a
    /// section heading that happens to be a menu word ("Video", "Staff").
    func startsMenu(_ i: Int, _ blocks: [Block]) -> Bool {
        guard i < isMenu.count else { return false }
        guard isMenu[i], !ignored[i] else { return false }
        var seen = 0
        var j = i + 1
        while j < blocks.count && seen < 3 {
            if !skips(j, blocks) { if isMenu[j] { return true }; seen += 1 }
            j += 1
        }
        seen = 0
        j = i - 1
        while j >= 0 && seen < 3 {
            if !skips(j, blocks) { if isMenu[j] { return true }; seen += 1 }
            j -= 1
        }
        return false
    }

    static func kind(_ block: Block, menu: Bool) -> Kind {
        if menu || block.alnum == 0 { return .furniture }
        if block.hasCJK {
            if block.alnum >= 40 && block.endsLikeSentence { return .body }
            return block.alnum < 8 && !block.endsLikeSentence ? .furniture : .neutral
        }
        if block.words >= 10 && (block.endsLikeSentence || (block.words >= 20 && block.innerStops >= 1))
            && block.capitalized * 10 < block.words * 6 { return .body }
        if block.words <= 3 && !block.endsLikeSentence { return .furniture }
        return .neutral
    }
}
