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
    /// The nearest line before `i` that the layout does not look through, if any.
    func previous(_ i: Int, _ blocks: [Block]) -> Int? {
        var j = i - 1
        while j >= 0 && skips(j, blocks) { j -= 1 }
        return j >= 0 ? j : nil
    }
    /// The nearest line after `i` that the layout does not look through, if any.
    func next(_ i: Int, _ blocks: [Block]) -> Int? {
        var j = i + 1
        while j < blocks.count && skips(j, blocks) { j += 1 }
        return j < blocks.count ? j : nil
    }
    /// Lines of the body (empty when the page has no body line).
    var core: Range<Int>
    /// The body's score: roughly its words of prose.
    var score: Int
    /// Words of body-kind lines before each line (for "how much of the article precedes this line").
    var bodyWordsBefore: [Int]
    var bodyWords: Int
    /// A body line of this many words counts for the article on its own (see `ArticleProse`).
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
    init(blocks: [Block], isMenu: [Bool], ignoring: [Bool]) {
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
                score = ArticleBody.proseWords(block)
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
    }

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

/// The body-kind lines of a page that read as an article's paragraphs, apart from teasers' blurbs: a body line
/// counts for the article next to another one (blank and ignored lines looked through) or from
/// `ArticleBody.longParagraph` words; a short one alone between lines that are not prose is a blurb (a list of
/// other stories, each a headline, a byline and one sentence, has many of them), and so is a short line cut off
/// with an ellipsis. Computed from a layout only where the resolver needs it (one pass, O(lines)).
struct ArticleProse {
    /// Per line: the article's words and the blurbs before it.
    private var before: [(words: Int32, blurbs: Int32)]
    private(set) var words: Int
    private(set) var blurbs: Int

    /// `prompts`: lines with a prompt's phrases (an appeal's, a newsletter box's, a cookie notice's) that no rule removed:
    /// looked through, neither the article's words nor a teaser's blurb (so a box's leftovers after a box in the middle of
    /// an article do not make the paragraph next to them one of three blurbs).
    init(_ layout: ArticleBody, blocks: [Block], bytes: UnsafeBufferPointer<UInt8>?, prompts: [Bool]? = nil) {
        before = [(words: Int32, blurbs: Int32)](repeating: (0, 0), count: blocks.count)
        var article = 0, blurbCount = 0
        var previousBody = false
        // A short body line after one that is not prose waits for its next neighbour; its words (or its count
        // as a blurb) then go to the lines after it.
        var pending = -1
        for (index, block) in blocks.enumerated() {
            before[index] = (Int32(truncatingIfNeeded: article), Int32(truncatingIfNeeded: blurbCount))
            if layout.skips(index, blocks) || (prompts?[index] ?? false) { continue }
            let isBody = layout.kinds[index] == .body
            let cut = isBody && (bytes.map { ArticleBody.isCut($0, block) } ?? false)
            let body = isBody && !cut
            if cut { blurbCount += 1 }
            if pending >= 0 {
                if body {
                    let w = ArticleBody.proseWords(blocks[pending])
                    article += w
                    for k in (pending + 1)...index { before[k].words += Int32(truncatingIfNeeded: w) }
                } else {
                    blurbCount += 1
                    for k in (pending + 1)...index { before[k].blurbs += 1 }
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
            for k in (pending + 1)..<blocks.count { before[k].blurbs += 1 }
        }
        words = article
        blurbs = blurbCount
    }

    /// The article's words before line `i` (all of them past the last line).
    func words(before i: Int) -> Int { i < before.count ? Int(before[i].words) : words }
    /// The blurbs before line `i` (all of them past the last line).
    func blurbs(before i: Int) -> Int { i < before.count ? Int(before[i].blurbs) : blurbs }
}
