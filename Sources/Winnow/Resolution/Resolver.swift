#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that decides which blocks go, from the rules' findings and the blocks' neighbours.
///
/// 1. A definite finding removes its block.
/// 2. Context, repeated until nothing changes: every copy of a repeated block of three words or more
///    goes when one copy went for what it says (not for its place); a short heading with a weak cue of
///    a family goes with the removed block of that family it introduces; a short block between two
///    removed blocks goes, and so does one after a removed block at the very end, unless it reads as a
///    sentence; a bare bullet goes with its removed item.
/// 3. After the article body (`ArticleBody`), beyond the first removed block (not a teaser excerpt, a video player's text nor an image credit) or menu (or a link widget's
///    heading in the body's last fifth, page-furniture's `tailHeading`), every line that
///    does not read as a sentence goes (page-furniture), and so does a sentence of four words or more
///    with no prose line before or after it (a teaser's blurb between its headline and its date).
///    After the body, a line that does not read as a sentence alone between two removed blocks goes, however long.
/// 4. A prose paragraph that occurs twice keeps its first copy; the later byte-identical copy goes.
struct Resolver {
    enum Cause: Sendable, Equatable {
        case finding(Int)
        case heading(of: Int)
        case between(Int, Int)
        case trailing(after: Int)
        case copy(of: Int)
        case repeatOf(Int, copies: Int)
        case bullet(of: Int)
        case beyondMarker(Int, core: Range<Int>)
        /// A sentence beyond the marker with no prose line next to it: a teaser's blurb between its
        /// headline and its date.
        case loneBeyondMarker(Int, core: Range<Int>)
        /// After the body, a line that does not read as a sentence, alone between two removed blocks.
        case aloneAfterBody(Int, Int, core: Range<Int>)
    }

    struct Decision: Sendable, Equatable {
        var slot: Int
        var cause: Cause
        /// Whether copies of the block go too: not for removals by position in the page, which say
        /// nothing about the same words elsewhere.
        var propagates = true
    }

    /// Short means at most this many words.
    static let shortWords = 8

    /// Beyond the marker after the body, a sentence alone among non-prose lines goes from this many words
    /// (shorter ones are opening hours, prices, "Thank you!"; from four words, a teaser's blurb or a prompt like "Found
    /// the story interesting?" goes).
    static let loneSentenceWords = 4

    /// Blurbs (short prose lines alone among lines that are not prose) after the article's last paragraph that
    /// make the body's end a list of teasers (see `ArticleProse`).
    static let blurbsAfterArticle = 3

    /// Adds this round's removals to `decisions` (one per block, the earlier rounds' removals in it; in
    /// place: a copy of the array per round was a tenth of the resolver's cost).
    static func resolve(blocks: [Block], findings: [Finding], decisions: inout [Decision?], repeatSlot: Int?, bytes: UnsafeBufferPointer<UInt8>? = nil,
                        layout: ArticleBody? = nil, furnitureSlot: Int? = nil, rules: [any Rule] = [],
                        bullets: [Bool], prompts: [Bool]? = nil) {
        precondition(bullets.count == blocks.count, "one bullet flag per block")
        precondition(decisions.count == blocks.count, "one decision per block")
        // Weak cue families per block, as a bit set of rule slots.
        var cueSlots = [UInt64](filled: 0, count: blocks.count)
        // Copies of repeated blocks as (first copy, block): the repeated-block rule reports each group's
        // copies together, groups in order of their first copy.
        var copies: [(first: Int, block: Int)] = []
        // Read in place: a finding's evidence holds arrays, and copying one costs a retain and a release.
        findings.withUnsafeBufferPointer { fs in
            for index in fs.indices {
                let block = fs[index].block, slot = fs[index].ruleSlot
                // Removals for a block's place (in the page, under a heading, in a thread) say nothing
                // about the same words elsewhere; removals for what a block says do.
                // (Asked through the evidence's own properties: a `switch` on `fs[index].evidence` here copied it.)
                if let first = fs[index].evidence.repeatedFirst {
                    copies.append((first, block))
                    continue
                }
                let propagates = !fs[index].evidence.isPlace
                if fs[index].strength == .definite {
                    if decisions[block] == nil {
                        decisions[block] = Decision(slot: slot, cause: .finding(index), propagates: propagates)
                    }
                } else if slot < 64 {
                    cueSlots[block] |= 1 << UInt64(slot)
                }
            }
        }

        if !zip(copies, copies.dropFirst()).allSatisfy({ $0.first < $1.first || ($0.first == $1.first && $0.block < $1.block) }) {
            copies.sort { $0.first != $1.first ? $0.first < $1.first : $0.block < $1.block }
        }
        // The groups: runs of `copies` with one first copy.
        var groups: [Range<Int>] = []
        var g = 0
        while g < copies.count {
            var end = g + 1
            while end < copies.count && copies[end].first == copies[g].first { end += 1 }
            groups.append(g..<end)
            g = end
        }

        let marks = MarkerTest(rules: rules)
        // Whether the nearest kept lines before `prev` and after `next` are both the article body's paragraphs (layout kinds;
        // `PhrasePolicy.betweenProseParagraphs` asks instead whether a line's neighbours are long sentences).
        func betweenBodyParagraphs(_ prev: Int, _ next: Int) -> Bool {
            guard let layout else { return false }
            func paragraph(_ j: Int?) -> Bool { j.map { layout.kinds[$0] == .body } ?? false }
            var b = prev - 1
            while b >= 0 && (blocks[b].isBlank || decisions[b] != nil) { b -= 1 }
            var a = next + 1
            while a < blocks.count && (blocks[a].isBlank || decisions[a] != nil) { a += 1 }
            return paragraph(b >= 0 ? b : nil) && paragraph(a < blocks.count ? a : nil)
        }
        // Two removals by one rule that both start the page's tail ("Share on Facebook", "Share on Twitter") are one
        // widget's: a line between them is its too ("Gift this article"), even with paragraphs around the widget.
        // So are two of a player's or of an interface's (neither starts the tail): "Done" between "Close Modal Dialog" and
        // "End of dialog window.". Not an advertisement's label and a photo's credit (one rule, but the credit stands
        // inside the article).
        func widget(_ p: Decision, _ n: Decision) -> Bool {
            p.slot == n.slot && marks.startsTail(p, decisions, findings) == marks.startsTail(n, decisions, findings)
        }
        // Whether `byline` (removed by a rule whose lines follow a title, `n`; the line before it by another rule, `p`) is
        // followed by the article's prose: its next kept line is a paragraph of the body.
        func titleOverByline(_ byline: Int, _ p: Decision, _ n: Decision) -> Bool {
            guard let layout, n.slot < rules.count, rules[n.slot].followsTitle, p.slot != n.slot else { return false }
            // (Through a date line or two that no rule removed: "26 November 2024".)
            var a = byline + 1, short = 0
            while a < blocks.count {
                if blocks[a].isBlank || decisions[a] != nil { a += 1; continue }
                guard short < 2, !blocks[a].endsLikeSentence, blocks[a].words <= 6, blocks[a].digits > 0 else { break }
                short += 1
                a += 1
            }
            return a < blocks.count && layout.kinds[a] == .body && blocks[a].endsLikeSentence
        }
        var changed = true
        var rounds = 0
        while changed && rounds < 8 {
            changed = false
            rounds += 1
            // Copies of removed boilerplate.
            for group in groups {
                let first = copies[group.lowerBound].first
                guard blocks[first].words >= 3 else { continue }
                guard let removed = copies[group].lazy.map(\.block).first(where: { decisions[$0] != nil && decisions[$0]!.propagates }) else { continue }
                for c in copies[group].lazy.map(\.block) where decisions[c] == nil {
                    decisions[c] = Decision(slot: repeatSlot ?? decisions[removed]!.slot, cause: .copy(of: removed))
                    changed = true
                }
            }
            // The last line still kept: a line after a removed block with only removed lines after it is
            // this one (decisions of this round are made at or before the line being looked at).
            var lastKept = blocks.count - 1
            while lastKept >= 0 && (blocks[lastKept].isBlank || decisions[lastKept] != nil) { lastKept -= 1 }
            for i in blocks.indices where decisions[i] == nil && !blocks[i].isBlank {
                let block = blocks[i]
                let short = block.words <= shortWords
                guard short else { continue }
                let next = blocks.nonBlank(after: i)
                let prev = blocks.nonBlank(before: i)
                // A bare bullet whose item went.
                if bullets[i], let next, next == i + 1, let d = decisions[next] {
                    decisions[i] = Decision(slot: d.slot, cause: .bullet(of: next)); changed = true; continue
                }
                // A heading that introduces a removed block of its family.
                if !block.endsLikeSentence, cueSlots[i] != 0, let next, let d = decisions[next],
                   d.slot < 64, cueSlots[i] & (1 << UInt64(d.slot)) != 0 {
                    decisions[i] = Decision(slot: d.slot, cause: .heading(of: next)); changed = true; continue
                }
                // Between two removed blocks, unless it reads as a sentence, one of them is a line that stands inside
                // articles (an image credit, a video player's text: `Rule.startsPageTail`), or the article's
                // paragraphs stand on both sides of the three (a subheading between an advertisement's label and a
                // newsletter box).
                // Not the article's title over its byline ("Subscribe", the headline, "By Anna Berg", then the article): a
                // teaser's headline over its byline has more of the widget after it.
                if !block.endsLikeSentence, let prev, let next, let p = decisions[prev], let n = decisions[next],
                   !betweenBodyParagraphs(prev, next) || widget(p, n), !titleOverByline(next, p, n) {
                    decisions[i] = Decision(slot: p.slot, cause: .between(prev, next)); changed = true; continue
                }
                // After a removed block, with nothing but removed blocks after it (not after a line that stands
                // inside articles: a photo's credit before the article's last line).
                if !block.endsLikeSentence, let prev, let p = decisions[prev], marks.startsTail(p, decisions, findings) {
                    if i == lastKept {
                        decisions[i] = Decision(slot: p.slot, cause: .trailing(after: prev)); changed = true; continue
                    }
                }
            }
        }
        // After the body: the page's furniture begins at the first removed block or menu after it;
        // beyond that marker every line goes that could not be the article's (a sentence, a line that
        // introduces a list with a colon), and every sentence of `loneSentenceWords` or more that stands alone
        // between lines that are not prose (a teaser's blurb: headline, blurb, date). Not when much of the
        // page's prose (a fifth) still follows the marker: then the article goes on past it.
        if let layout, let furnitureSlot, layout.score >= PageFurnitureRule.minimumBodyScore {
            var t = layout.core.upperBound
            // A teaser excerpt, a video player's text or an image credit is no marker: sites set such lines between
            // the article's paragraphs (`Rule.startsPageTail`, see `MarkerTest`).
            while t < blocks.count && !marks.isMarker(t, decisions, findings, layout, blocks) { t += 1 }
            // Teasers' blurbs can stretch the body past the article: then the marker may be a removed block inside
            // the body after the article's last paragraph (`ArticleProse` tells them from blurbs), when three or more
            // blurbs follow it in the body.
            var early = false
            var prose: ArticleProse? = nil
            let coreEnd = layout.core.upperBound
            for e in layout.core.lowerBound..<min(t, coreEnd) where marks.isMarker(e, decisions, findings, layout, blocks) {
                let article = prose ?? ArticleProse(layout, blocks: blocks, bytes: bytes, prompts: prompts)
                prose = article
                if article.blurbs(before: coreEnd) - article.blurbs(before: e) < Resolver.blurbsAfterArticle { break }
                let before = article.words(before: e)
                if before >= PageFurnitureRule.minimumBodyScore && article.words(before: coreEnd) == before {
                    t = e; early = true; break
                }
            }
            // A widget heading in the body's last part ("More in Science" above teasers whose blurbs read
            // as prose) is the marker when it comes first.
            var heading = false
            for h in layout.core.lowerBound..<min(t + 1, blocks.count) {
                if let d = decisions[h], d.slot == furnitureSlot, case .finding(let f) = d.cause,
                   case .layout(.tailHeading, _) = findings[f].evidence { t = h; heading = true; break }
            }
            // Teasers' blurbs (short prose lines alone between headlines and dates) do not count as the article
            // going on: a fifth of the article's words (`ArticleProse`) after the marker does.
            var fires = t < blocks.count && (heading || early || (layout.bodyWords - layout.bodyWordsBefore[t]) * 5 < layout.bodyWords)
            if t < blocks.count && !fires {
                let article = prose ?? ArticleProse(layout, blocks: blocks, bytes: bytes, prompts: prompts)
                fires = article.words >= PageFurnitureRule.minimumBodyScore && (article.words - article.words(before: t)) * 5 < article.words
            }
            if fires {
                // A lone sentence's nearest lines before and after, looking through blank lines, lines other
                // rules removed and a list's markers and items (an article's own list before its closing
                // paragraph); lines removed as page furniture or related links (teaser headlines, dates, "Read more")
                // are not looked through. Both found in one pass each way, as the decisions stood before this step.
                let n = blocks.count
                var skipped = [Bool](filled: false, count: n)
                var lastKept = -1   // the nearest line before that no other rule removed
                for j in 0..<n {
                    let removed = decisions[j].map { $0.slot != furnitureSlot } ?? false
                    // Nor are lines whose rule says they hide their neighbours (`Rule.hidesNeighbours`: the heading of a list
                    // of related links and its items, teasers' headlines and dates; not a single link with a label).
                    let teaser = removed && decisions[j].map { marks.hidesNeighbours($0, findings) } ?? false
                    var list = bullets[j]
                    if !list, let bytes {
                        list = ListMarkupRule.isLoneNumber(bytes, blocks[j]) || ListMarkupRule.hasOwnMarker(bytes, blocks[j])
                            || (lastKept >= 0 && (bullets[lastKept] || ListMarkupRule.isLoneNumber(bytes, blocks[lastKept])))
                    }
                    skipped[j] = blocks[j].isBlank || (removed && !teaser) || list
                    if !removed { lastKept = j }
                }
                var before = [Int](filled: -1, count: n), after = [Int](filled: -1, count: n)
                var last = -1
                for j in 0..<n { before[j] = last; if !skipped[j] { last = j } }
                last = -1
                var j = n - 1
                while j >= 0 { after[j] = last; if !skipped[j] { last = j }; j -= 1 }
                func isProse(_ j: Int) -> Bool {
                    // none: not a teaser's shape; a short line cut off with an ellipsis is a teaser's.
                    j < 0 || ((layout.kinds[j] == .body || (blocks[j].endsLikeSentence && blocks[j].words > 3))
                              && !(bytes.map { ArticleBody.isCut($0, blocks[j]) } ?? false))
                }
                for i in t..<blocks.count where decisions[i] == nil && !blocks[i].isBlank && !bullets[i]
                    && !(bytes.map { ListMarkupRule.isLoneNumber($0, blocks[i]) } ?? false) {
                    if !PageFurnitureRule.mayBeArticle(blocks[i], layout.kinds[i], menu: layout.isMenu[i], bytes: bytes) {
                        decisions[i] = Decision(slot: furnitureSlot, cause: .beyondMarker(t, core: layout.core), propagates: false)
                    } else if blocks[i].words >= loneSentenceWords && !isProse(before[i]) && !isProse(after[i]) {
                        decisions[i] = Decision(slot: furnitureSlot, cause: .loneBeyondMarker(t, core: layout.core), propagates: false)
                    }
                }
            }
            // After the body, a line that does not read as a sentence alone between two removed blocks that start the
            // page's tail (not image credits or a video player's text, which stand inside articles) goes, however long
            // (a site's long slogan): the short ones went above, but a step ago its neighbours were not all removed yet.
            // A sentence there stays (an article's last short paragraphs stand between inserted appeals), and so does a
            // line that introduces a list or a quote with a colon.
            var alone: [(line: Int, prev: Int, next: Int)] = []
            for i in layout.core.upperBound..<blocks.count where decisions[i] == nil && !blocks[i].isBlank && !blocks[i].endsLikeSentence {
                if let prev = blocks.nonBlank(before: i), let next = blocks.nonBlank(after: i), let p = decisions[prev], let n = decisions[next],
                   marks.startsTail(p, decisions, findings), marks.startsTail(n, decisions, findings),
                   !(bytes.map { RelatedLinksRule.endsLikeLeadIn($0, blocks[i]) } ?? true) {
                    alone.append((i, prev, next))
                }
            }
            for a in alone {
                decisions[a.line] = Decision(slot: furnitureSlot, cause: .aloneAfterBody(a.prev, a.next, core: layout.core), propagates: false)
            }
        }
        // Repeated content: keep the first copy. Only whole prose paragraphs repeated byte for byte
        // qualify; recipes, tables and code legitimately repeat short or numeric lines.
        if let repeatSlot, let bytes {
            for group in groups where RepeatedBlockRule.isRepeatedProse(bytes, blocks[copies[group.lowerBound].first], copies: group.count) {
                let first = copies[group.lowerBound].first
                let a = blocks[first].trimmed
                for c in copies[group].lazy.map(\.block) where c != first && decisions[c] == nil {
                    let b = blocks[c].trimmed
                    guard a.count == b.count, memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0 else { continue }
                    decisions[c] = Decision(slot: repeatSlot, cause: .repeatOf(first, copies: group.count), propagates: false)
                }
            }
        }
    }
}

/// Whether a line starts the page's tail (see `Resolver`): a removed block whose rule says it does
/// (`Rule.startsPageTail`: not a teaser excerpt, a video player's text or an image credit, lines that stand
/// inside articles too, so that what follows them, an info box or the article's last paragraphs, is the
/// article's unless a real marker follows), or the start of a menu.
private struct MarkerTest {
    /// The cleaner's rules by slot (none: every removed block is a marker).
    let rules: [any Rule]

    func isMarker(_ i: Int, _ decisions: [Resolver.Decision?], _ findings: [Finding], _ layout: ArticleBody, _ blocks: [Block]) -> Bool {
        if let d = decisions[i], startsTail(d, decisions, findings) { return true }
        return layout.startsMenu(i, blocks)
    }

    /// Whether the line `decision` removed hides its neighbours (`Rule.hidesNeighbours`): asked for the rule's findings and
    /// for lines that went with them (a heading, a line between, a bullet); a copy or a removal by place does not.
    func hidesNeighbours(_ decision: Resolver.Decision, _ findings: [Finding]) -> Bool {
        guard decision.slot >= 0 && decision.slot < rules.count else { return false }
        switch decision.cause {
        case .finding(let f): return rules[decision.slot].hidesNeighbours(findings[f].evidence)
        case .heading, .between, .trailing, .bullet: return rules[decision.slot].hidesNeighbours(nil)
        default: return false
        }
    }

    func startsTail(_ decision: Resolver.Decision, _ decisions: [Resolver.Decision?], _ findings: [Finding]) -> Bool {
        guard decision.slot >= 0 && decision.slot < rules.count else { return true }
        // A copy is judged by the finding of the line it copies (when it kept the same rule).
        var d = decision
        if case .copy(let first) = d.cause, let c = decisions[first] { d = c }
        var evidence: Finding.Evidence? = nil
        if case .finding(let f) = d.cause { evidence = findings[f].evidence }
        return rules[decision.slot].startsPageTail(evidence)
    }
}
