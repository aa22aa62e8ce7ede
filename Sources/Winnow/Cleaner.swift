/// Configuration of a `Cleaner`: which rules run and how list markup is written.
public struct CleanerConfiguration: Sendable, Equatable {
    /// Rule ids to switch off (from the default set).
    public var disabledRules: Set<String>
    /// Rule ids to switch on that are off by default.
    public var enabledRules: Set<String>
    /// What a list item's bullet becomes (default `"- "`).
    public var bullet: String
    /// Per-site block counts for the `site-template` rule (a learned `SiteModel` or a `SiteMemory`).
    public var sites: (any SiteStatistics)?
    public var siteThresholds: SiteTemplateThresholds

    public init(disabledRules: Set<String> = [], enabledRules: Set<String> = [], bullet: String = "- ",
                sites: (any SiteStatistics)? = nil, siteThresholds: SiteTemplateThresholds = SiteTemplateThresholds()) {
        self.disabledRules = disabledRules
        self.enabledRules = enabledRules
        self.bullet = bullet
        self.sites = sites
        self.siteThresholds = siteThresholds
    }

    public static func == (a: CleanerConfiguration, b: CleanerConfiguration) -> Bool {
        a.disabledRules == b.disabledRules && a.enabledRules == b.enabledRules && a.bullet == b.bullet
            && (a.sites == nil) == (b.sites == nil) && a.siteThresholds == b.siteThresholds
    }
}

public enum CleanerError: Error, Equatable, CustomStringConvertible {
    case unknownRule(String)
    public var description: String {
        switch self {
        case .unknownRule(let id):
            return "unknown rule '\(id)' (known: \(RuleCatalog.all.map { type(of: $0).description.id }.joined(separator: ", ")))"
        }
    }
}

/// Cleans one document of scraped news text: removes boilerplate blocks and normalizes list markup,
/// and reports every removal and rewrite with its rule, reason and byte range.
///
/// Configure once and share: a `Cleaner` is immutable and `Sendable`, so one instance can serve every
/// thread. Cost: one pass of the phrase automaton over each line plus a few linear passes over the lines.
///
/// ```swift
/// let cleaner = try Cleaner()
/// let result = cleaner.clean("The vote was close.\nDonate now\n")
/// print(result.text)                       // "The vote was close.\n"
/// print(result.report.removals[0].ruleID)  // "donation-appeal"
/// ```
public struct Cleaner: Sendable {
    public let configuration: CleanerConfiguration
    let rules: [any Rule]
    let automaton: PhraseAutomaton
    let repeatSlot: Int?
    let furnitureSlot: Int?
    /// Per automaton pattern, whether it marks a line as a prompt's (a strong phrase of an appeal, a newsletter or cookie
    /// notice, a comment form or a share bar): such a line is no teaser's blurb (see `ArticleProse`).
    let promptPatterns: [Bool]
    let listMarkup: Bool
    let listMarkupSlot: Int?
    /// Per slot, whether the rule reads the page's layout (asked once, not per document).
    let layoutRule: [Bool]
    let bullet: [UInt8]
    /// The bullet as reasons show it (without its spaces).
    let bulletShown: String
    /// Each active rule's id, name, family and cues, by slot (read once: a rule's description is a large
    /// value), shared by the explanations of its removals.
    let ruleTexts: [RuleText]

    public init(_ configuration: CleanerConfiguration = CleanerConfiguration()) throws {
        let known = Set(RuleCatalog.all.map { type(of: $0).description.id })
        for id in configuration.disabledRules.union(configuration.enabledRules) where !known.contains(id) {
            throw CleanerError.unknownRule(id)
        }
        self.configuration = configuration
        let active: [any Rule] = RuleCatalog.all.filter { rule in
            let d = type(of: rule).description
            if configuration.disabledRules.contains(d.id) { return false }
            return d.enabledByDefault || configuration.enabledRules.contains(d.id)
        }.map { rule in
            rule is SiteTemplateRule ? SiteTemplateRule(statistics: configuration.sites, thresholds: configuration.siteThresholds) : rule
        }
        rules = active
        layoutRule = active.map(\.usesLayout)
        var phrases: [(text: String, payload: Int32)] = []
        for (slot, rule) in active.enumerated() {
            for (index, cue) in rule.cues.enumerated() {
                phrases.append((cue.phrase, Int32(slot << 16 | index)))
            }
        }
        automaton = PhraseAutomaton(phrases: phrases)
        repeatSlot = active.firstIndex { $0 is RepeatedBlockRule }
        furnitureSlot = active.firstIndex { $0 is PageFurnitureRule }
        let promptFamilies: Set<RuleFamily> = [.donation, .subscription, .consent, .comments, .share]
        let promptCues = active.map { rule in
            let prompt = promptFamilies.contains(type(of: rule).description.family)
            return rule.cues.map { prompt && $0.weight == .strong }
        }
        promptPatterns = automaton.patterns.map { promptCues[Int($0.payload >> 16)][Int($0.payload & 0xFFFF)] }
        listMarkup = active.contains { $0 is ListMarkupRule }
        listMarkupSlot = active.firstIndex { $0 is ListMarkupRule }
        bullet = Array(configuration.bullet.utf8)
        bulletShown = configuration.bullet.trimmingSpaces
        ruleTexts = active.map { let d = type(of: $0).description; return RuleText(id: d.id, name: d.name, family: d.family, cues: $0.cues) }
    }

    /// The ids of the rules this cleaner runs, in order.
    public var ruleIDs: [String] { ruleTexts.map(\.id) }

    /// Cleans a document; `site` (its host, see `SiteModel.siteKey(fromURL:)`) lets the `site-template`
    /// rule use the configured site statistics.
    public func clean(_ text: String, site: String? = nil) -> CleanResult {
        var text = text
        return text.withUTF8 { clean($0, site: site) }
    }

    public func clean(_ bytes: [UInt8], site: String? = nil) -> CleanResult {
        bytes.withUnsafeBufferPointer { clean($0, site: site) }
    }

    /// Cleans UTF-8 bytes. Invalid UTF-8 is carried through unchanged in kept lines.
    ///
    /// Cleaning is idempotent: when the output of one pass would lose more on a second pass (a list
    /// rewrite or a removal changed what a line's neighbours look like), the cleaner cleans its own output
    /// again, up to `maxPasses` times, and reports every pass's removals in the input's lines and bytes.
    public func clean(_ bytes: UnsafeBufferPointer<UInt8>, site: String? = nil) -> CleanResult {
        let document = Document(bytes: bytes)
        var matches: [PhraseAutomaton.Match] = []
        automaton.scan(bytes, 0..<bytes.count, into: &matches)
        var pass = decide(bytes, document.blocks, matches, site: site)
        if pass.result.unchanged { return pass.result }
        let input = pass.blocks
        var current = FixedPoint(result: pass.result, origins: pass.origins)
        for _ in 1..<Self.maxPasses {
            let next = current.result.bytes.withUnsafeBufferPointer { recheck($0, after: pass, site: site) }
            if next.result.report.isEmpty { break }
            guard current.compose(next.result, next.origins, input: input) else { break }
            pass = next
        }
        return current.result
    }

    /// Passes over a document at most (the first and the checks of its output). Two settle every real page
    /// seen so far; fuzzed garbage made of comment counters and "says:" lines needed five (each pass took one
    /// layer of thread off), so the cap leaves room. A pass that changes nothing ends the loop.
    static let maxPasses = 8

    /// One pass's work: the lines and cue matches it read, what it wrote and where each written line came from.
    struct Pass {
        var result: CleanResult
        var origins: [LineOrigin]
        var blocks: [Block]
        var matches: [PhraseAutomaton.Match]
    }

    /// Cleans `output`, the bytes `previous` wrote. Lines written unchanged keep the facts and cue matches
    /// `previous` found, moved to their new place; only rewritten lines are read again.
    func recheck(_ output: UnsafeBufferPointer<UInt8>, after previous: Pass, site: String?) -> Pass {
        func fresh() -> Pass {
            var matches: [PhraseAutomaton.Match] = []
            automaton.scan(output, 0..<output.count, into: &matches)
            return decide(output, Document(bytes: output).blocks, matches, site: site, checking: true)
        }
        guard output.baseAddress != nil else { return fresh() }
        var blocks: [Block] = []
        blocks.reserveCapacity(previous.origins.count)
        var matches: [PhraseAutomaton.Match] = []
        matches.reserveCapacity(previous.matches.count)
        var scratch: [Block] = []
        var m = 0
        let oldMatches = previous.matches
        for origin in previous.origins {
            let delta = origin.output.lowerBound
            if origin.rewritten {
                scratch.removeAll(keepingCapacity: true)
                Document.segment(UnsafeBufferPointer(rebasing: output[origin.output]), into: &scratch)
                guard scratch.count == 1 else { return fresh() }
                blocks.append(scratch[0].shifted(by: delta))
                automaton.scan(output, origin.output, into: &matches)
            } else {
                let b = previous.blocks[origin.first]
                guard b.range.count == origin.output.count else { return fresh() }
                // A line that ends in a lone CR, now followed by an empty line: the two read as one CRLF line.
                if b.end == b.content.upperBound + 1 && output[origin.output.upperBound - 1] == 0x0D
                    && origin.output.upperBound < output.count && output[origin.output.upperBound] == 0x0A { return fresh() }
                blocks.append(b.shifted(by: delta - b.range.lowerBound))
                // Matches end inside their line (line feeds reset the automaton); they come in order of their end.
                while m < oldMatches.count && oldMatches[m].range.upperBound <= b.content.lowerBound { m += 1 }
                let shift = delta - b.range.lowerBound
                while m < oldMatches.count && oldMatches[m].range.upperBound <= b.end {
                    var match = oldMatches[m]
                    match.range = match.range.lowerBound + shift..<match.range.upperBound + shift
                    matches.append(match)
                    m += 1
                }
            }
        }
        return decide(output, blocks, matches, site: site, checking: true)
    }

    /// One pass over a document's lines and cue matches: detection, resolution and writing.
    /// `checking`: the pass checks an earlier pass's output; when it changes nothing its result is empty.
    func decide(_ bytes: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ matches: [PhraseAutomaton.Match], site: String?,
                checking: Bool = false) -> Pass {
        // Every rule's cues were found in one automaton pass; each match is filed under its rule and line
        // (matches come in order of their end, so the line index only moves forward).
        var perRule = [[CueMatch]](filled: [], count: rules.count)
        if !matches.isEmpty {
            var counts = [Int](filled: 0, count: rules.count)
            for m in matches { counts[Int(automaton.patterns[Int(m.pattern)].payload >> 16)] += 1 }
            for slot in perRule.indices where counts[slot] > 0 { perRule[slot].reserveCapacity(counts[slot]) }
        }
        var line = 0
        var prompts = [Bool](filled: false, count: blocks.count)
        for m in matches {
            while line + 1 < blocks.count && blocks[line].end <= m.range.lowerBound { line += 1 }
            let payload = automaton.patterns[Int(m.pattern)].payload
            perRule[Int(payload >> 16)].append(CueMatch(block: line, cue: payload & 0xFFFF, range: m.range))
            if promptPatterns[Int(m.pattern)] { prompts[line] = true }
        }
        // Rules that read only the text run once.
        var findings: [Finding] = []
        var context = DetectionContext(bytes: bytes, blocks: blocks, matches: [], layout: .empty, site: site)
        context.prompts = prompts
        // (By index: `for rule in rules` copies each existential, a retain and a release per rule.)
        for slot in rules.indices where !layoutRule[slot] {
            let start = findings.count
            context.matches = perRule[slot]
            rules[slot].detect(context, into: &findings)
            for i in start..<findings.count { findings[i].ruleSlot = slot }
        }
        // Rules that read the page's layout, and the resolver, run until the removals settle: the article
        // body is judged on the lines that remain (removed lines and bare bullets do not count), so that
        // cleaning the output again changes nothing.
        var menus = [Bool](filled: false, count: blocks.count)
        if let slot = furnitureSlot {
            context.matches = perRule[slot]
            menus = PageFurnitureRule.menuLines(context)
        }
        // Lone bullets, found once: the resolver asks about them for every line in every round.
        let bullets = listMarkup ? blocks.map { ListMarkupRule.isLoneBullet(bytes, $0) } : [Bool](filled: false, count: blocks.count)
        var ignored = bullets
        var decisions = [Resolver.Decision?](filled: nil, count: blocks.count)
        for _ in 0..<4 {
            let layout = ArticleBody(blocks: blocks, isMenu: menus, ignoring: ignored)
            var layoutContext = DetectionContext(bytes: bytes, blocks: blocks, matches: [], layout: layout, site: site)
            layoutContext.prompts = prompts
            for slot in rules.indices where layoutRule[slot] {
                let start = findings.count
                layoutContext.matches = perRule[slot]
                rules[slot].detect(layoutContext, into: &findings)
                var kept = start
                for i in start..<findings.count where !ignored[findings[i].block] {
                    if kept != i { findings[kept] = findings[i] }   // (a copy retains the evidence: only when one moves)
                    findings[kept].ruleSlot = slot
                    kept += 1
                }
                findings.removeSubrange(kept...)
            }
            Resolver.resolve(blocks: blocks, findings: findings, decisions: &decisions, repeatSlot: repeatSlot, bytes: bytes,
                                         layout: layout, furnitureSlot: furnitureSlot, rules: rules, bullets: bullets, prompts: prompts)
            var settled = true
            for i in blocks.indices where decisions[i] != nil && !ignored[i] { ignored[i] = true; settled = false }
            if settled { break }
        }
        if !decisions.contains(where: { $0 != nil }) {
            // Nothing to remove; if no list markup changes either, the document stands as it is (a check
            // needs no bytes at all).
            let (dry, _) = write(bytes, blocks, decisions, findings, dryRun: true)
            if dry.report.isEmpty {
                return Pass(result: .unchanged(checking ? [] : Array(bytes)), origins: [], blocks: blocks, matches: matches)
            }
        }
        let (result, origins) = write(bytes, blocks, decisions, findings)
        return Pass(result: result, origins: origins, blocks: blocks, matches: matches)
    }

    // MARK: Output

    /// Writes the kept lines and the list rewrites. A `dryRun` writes only the rewrites: enough to tell
    /// whether anything would change.
    private func write(_ p: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ decisions: [Resolver.Decision?],
                       _ findings: [Finding], dryRun: Bool = false) -> (CleanResult, [LineOrigin]) {
        var w = Writer(dryRun: dryRun)
        if !dryRun {
            w.out.reserveCapacity(p.count)
            w.origins.reserveCapacity(blocks.count)
        }
        var report = Report()
        report.removals.reserveCapacity(decisions.reduce(0) { $1 == nil ? $0 : $0 + 1 })
        var emittedAny = false
        var removedSinceKept = false
        var pendingBlank: Range<Int>? = nil   // the first run of blank lines (block indices) since the last kept line
        var pendingClosed = false
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            if block.isBlank {
                if pendingBlank == nil { pendingBlank = i..<i + 1 } else if !pendingClosed { pendingBlank = pendingBlank!.lowerBound..<i + 1 }
                i += 1
                continue
            }
            if pendingBlank != nil { pendingClosed = true }
            if let decision = decisions[i] {
                report.removals.append(removal(p, blocks, i, decision, findings))
                removedSinceKept = true
                i += 1
                continue
            }
            // A kept line: first the blank lines before it; not when removals brought a line that ends in a
            // lone CR next to an empty LF line (read again, the two would be one CRLF line).
            if let blank = pendingBlank, emittedAny || !removedSinceKept,
               !(removedSinceKept && w.endsInCR(p) && p[blocks[blank.lowerBound].range.lowerBound] == 0x0A) { w.emit(blank, blocks, p) }
            pendingBlank = nil
            pendingClosed = false
            removedSinceKept = false
            emittedAny = true
            if listMarkup, ListMarkupRule.mayBeMarkup(p, block) {
                w.flush(p)
            }
            let removalsBefore = report.removals.count
            if listMarkup, let consumed = writeList(p, blocks, decisions, findings, i, &w.out, &report) {
                let rewritten = report.rewrites.last.map { $0.line == i + 1 } ?? false
                // A bare bullet that went is a removal for the blank lines after it.
                if !rewritten && report.removals.count > removalsBefore { removedSinceKept = true }
                if rewritten {
                    let written = report.rewrites[report.rewrites.count - 1].replacement.count
                    w.origins.append(LineOrigin(first: i, last: i + consumed - 1, rewritten: true, output: w.out.count - written..<w.out.count))
                }
                i += consumed
                continue
            }
            w.emit(i, blocks, p)
            i += 1
        }
        if let blank = pendingBlank, !removedSinceKept { w.emit(blank, blocks, p) }
        w.flush(p)
        let unchanged = report.isEmpty && w.out.count == p.count
        return (CleanResult(bytes: w.out, report: report, unchanged: unchanged), w.origins)
    }

    /// The output being written: bytes, where each written line came from, and the run of kept lines
    /// not copied yet (lines that follow each other in the input are copied at once).
    private struct Writer {
        var out: [UInt8] = []
        var origins: [LineOrigin] = []
        var run = 0..<0
        let dryRun: Bool

        init(dryRun: Bool) { self.dryRun = dryRun }

        mutating func flush(_ p: UnsafeBufferPointer<UInt8>) {
            if !run.isEmpty { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run])) }
            run = 0..<0
        }

        mutating func emit(_ b: Int, _ blocks: [Block], _ p: UnsafeBufferPointer<UInt8>) {
            if dryRun { return }
            let r = blocks[b].range
            if run.isEmpty || run.upperBound != r.lowerBound { flush(p); run = r } else { run = run.lowerBound..<r.upperBound }
            let end = out.count + run.count
            origins.append(LineOrigin(first: b, last: b, rewritten: false, output: end - r.count..<end))
        }

        mutating func emit(_ lines: Range<Int>, _ blocks: [Block], _ p: UnsafeBufferPointer<UInt8>) {
            for b in lines { emit(b, blocks, p) }
        }

        func endsInCR(_ p: UnsafeBufferPointer<UInt8>) -> Bool { run.isEmpty ? out.last == 0x0D : p[run.upperBound - 1] == 0x0D }
    }

    static let listMarkupID = ListMarkupRule.description.id

    /// Writes list markup rewrites starting at kept block `i`; returns how many blocks it consumed,
    /// or nil when block `i` is not list markup.
    private func writeList(_ p: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ decisions: [Resolver.Decision?], _ findings: [Finding],
                           _ i: Int, _ out: inout [UInt8], _ report: inout Report) -> Int? {
        let block = blocks[i]
        guard ListMarkupRule.mayBeMarkup(p, block) else { return nil }
        let loneBullet = ListMarkupRule.isLoneBullet(p, block)
        let loneNumber = !loneBullet && ListMarkupRule.isLoneNumber(p, block)
        let lonePlus = !loneBullet && !loneNumber && ListMarkupRule.isLonePlus(p, block)
        let id = Self.listMarkupID
        if loneBullet || loneNumber || lonePlus {
            // The item is the next kept line; removed lines in between do not separate them, a blank line does.
            var next = i + 1
            while next < blocks.count && decisions[next] != nil && !blocks[next].isBlank { next += 1 }
            let itemFollows = next < blocks.count && !blocks[next].isBlank && decisions[next] == nil
                && !ListMarkupRule.isLoneBullet(p, blocks[next]) && !ListMarkupRule.isLoneNumber(p, blocks[next])
                && !ListMarkupRule.hasOwnMarker(p, blocks[next])
                && !ListMarkupRule.isLonePlus(p, blocks[next]) && (loneNumber || !ListMarkupRule.hasPlusMarker(p, blocks[next]))
            // A lone `+` is never joined (a review's pro keeps its sign); with no item after it, it goes. A bare bullet
            // before a `+` item goes; a bare number stays with it ("1. + Long battery life").
            if lonePlus && itemFollows { return nil }
            if itemFollows {
                let start = out.count
                if loneBullet {
                    out.append(contentsOf: bullet)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[block.trimmed]))
                    out.append(0x20)
                }
                let item = blocks[next]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[item.trimmed.lowerBound..<item.end]))
                let marker = String(decoding: UnsafeBufferPointer(rebasing: p[block.trimmed]), as: UTF8.self)
                report.rewrites.append(Rewrite(ruleID: id, note: .joined(bullet: loneBullet, marker: marker),
                                               range: block.content.lowerBound..<item.end, line: i + 1, replacement: Array(out[start...])))
                for k in (i + 1)..<next { report.removals.append(removal(p, blocks, k, decisions[k]!, findings)) }
                return next - i + 1
            }
            if loneBullet || lonePlus {
                var removal = Removal(ruleID: id, family: .listMarkup, reason: "bullet with no item after it", range: block.range, line: i + 1)
                removal.ruleSlot = Int32(listMarkupSlot ?? -1)
                report.removals.append(removal)
                return 1
            }
            return nil
        }
        if let glyph = ListMarkupRule.inlineBullet(p, block),
           !UnsafeBufferPointer(rebasing: p[glyph]).elementsEqual(bullet) {
            let start = out.count
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[block.content.lowerBound..<glyph.lowerBound]))
            out.append(contentsOf: bullet)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[glyph.upperBound..<block.end]))
            // The glyph range ends with the spaces after the glyph.
            var glyphEnd = glyph.upperBound
            while glyphEnd > glyph.lowerBound && (p[glyphEnd - 1] == 0x20 || p[glyphEnd - 1] == 0x09) { glyphEnd -= 1 }
            let marker = String(decoding: UnsafeBufferPointer(rebasing: p[glyph.lowerBound..<glyphEnd]), as: UTF8.self)
            report.rewrites.append(Rewrite(ruleID: id, note: .unified(marker: marker, as: bulletShown),
                                           range: block.range, line: i + 1, replacement: Array(out[start...])))
            return 1
        }
        return nil
    }

    private func removal(_ p: UnsafeBufferPointer<UInt8>, _ blocks: [Block], _ i: Int, _ decision: Resolver.Decision, _ findings: [Finding]) -> Removal {
        let d = ruleTexts[decision.slot]
        var evidence: Finding.Evidence? = nil
        var texts: [String] = []
        if case .finding(let index) = decision.cause {
            evidence = findings[index].evidence
            // Identifier texts are copied now: the input is gone when the reason is written.
            if case .identifiers(let spans) = evidence {
                texts = spans.map { String(decoding: UnsafeBufferPointer(rebasing: p[$0.range]), as: UTF8.self) }
            }
        }
        // The explanation made in place: a local one copied into the removal cost a copy and a destroy of
        // all its references per removal.
        return Removal(ruleID: d.id, family: d.family, range: blocks[i].range, line: i + 1,
                       explanation: Explanation(cause: decision.cause, rule: d, block: i, evidence: evidence, texts: texts),
                       ruleSlot: decision.slot)
    }
}

/// A rule's id, name, family and cues, shared by the explanations of its removals.
final class RuleText: Sendable {
    let id: String
    let name: String
    let family: RuleFamily
    let cues: [Cue]
    init(id: String, name: String, family: RuleFamily, cues: [Cue]) {
        self.id = id
        self.name = name
        self.family = family
        self.cues = cues
    }
}

/// What a removal's reason is made from, kept so the text is written only when it is read (most runs
/// only count removals).
struct Explanation: Sendable {
    var cause: Resolver.Cause?
    /// The rule's id, name and cues (one shared reference: removals are copied often, reasons written rarely).
    var rule: RuleText?
    var block = 0
    var evidence: Finding.Evidence? = nil
    var texts: [String] = []
    var fixed: String? = nil

    init(cause: Resolver.Cause, rule: RuleText?, block: Int, evidence: Finding.Evidence? = nil, texts: [String] = []) {
        self.cause = cause
        self.rule = rule
        self.block = block
        self.evidence = evidence
        self.texts = texts
    }

    var ruleID: String { rule?.id ?? "" }
    var ruleName: String { rule?.name ?? "" }

    static func text(_ s: String) -> Explanation {
        var e = Explanation(cause: .finding(0), rule: nil, block: 0)
        e.cause = nil
        e.fixed = s
        return e
    }

    var text: String {
        if let fixed { return fixed }
        switch cause! {
        case .finding: return evidenceText
        case .heading(let of): return "short heading of the removed \(ruleID) block on line \(of + 1)"
        case .between(let a, let b): return "short block between removed blocks on lines \(a + 1) and \(b + 1)"
        case .trailing(let after): return "short block after the removed block on line \(after + 1), at the end of the document"
        case .copy(let of): return "copy of the block removed on line \(of + 1)"
        case .repeatOf(let first, let copies): return "repeats line \(first + 1) (\(copies) copies; the first is kept)"
        case .bullet(let of): return "bullet of the item removed on line \(of + 1)"
        case .beyondMarker(let marker, let core):
            return "after the article body (lines \(core.lowerBound + 1)-\(core.upperBound)) and the page furniture on line \(marker + 1), not prose"
        case .loneBeyondMarker(let marker, let core):
            return "after the article body (lines \(core.lowerBound + 1)-\(core.upperBound)) and the page furniture on line \(marker + 1), a sentence with no prose line next to it (a teaser)"
        case .aloneAfterBody(let a, let b, let core):
            return "after the article body (lines \(core.lowerBound + 1)-\(core.upperBound)), not a sentence, alone between the removed blocks on lines \(a + 1) and \(b + 1)"
        }
    }

    private var evidenceText: String {
        let label = ruleName.lowercased()
        guard let evidence else { return label }
        switch evidence {
        case .cues(let ids, let coverage):
            let cues = rule?.cues ?? []
            let shown = ids.prefix(3).map { "\u{201C}\(Int($0) < cues.count ? cues[Int($0)].phrase : "?")\u{201D}" }.joined(separator: ", ")
            let more = ids.count > 3 ? " and \(ids.count - 3) more" : ""
            return "\(label): \(shown)\(more) (cues cover \(Int((coverage * 100).rounded()))% of the block)"
        case .identifiers(let spans):
            let shown = zip(spans.prefix(3), texts).map { "\($0.kind) \u{201C}\($1)\u{201D}" }
            return "\(label): " + shown.joined(separator: ", ") + (spans.count > 3 ? " and \(spans.count - 3) more" : "")
        case .repeated(let first, let copies):
            return "repeats line \(first + 1) (\(copies) copies)"
        case .thread(let heading, let marks):
            return heading == block ? "comment-thread heading, \(marks) thread marks (Reply, says:, ...) follow"
                : "in the comment thread under the heading on line \(heading + 1)"
        case .siteTemplate(let documents, let of, let site):
            return "appears in \(documents) of \(of) documents from \(site)"
        case .listUnder(let heading):
            return "item of the list under the heading on line \(heading + 1)"
        case .layout(let kind, let core):
            let body = core.isEmpty ? "no article body found" : "article body on lines \(core.lowerBound + 1)-\(core.upperBound)"
            switch kind {
            case .outsideBody: return "short line outside the article body (\(body))"
            case .menuRun(let length): return "run of \(length) menu items (\(body))"
            case .tailHeading: return "heading of a link widget near the end of the page (\(body))"
            case .tags: return "line of tags after the article body (\(body))"
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        return String(s)
    }
}
