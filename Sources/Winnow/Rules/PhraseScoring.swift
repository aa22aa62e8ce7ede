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
        if let needed = strongCuesToRemove, block.words <= maxWordsForCues {
            if block.words <= longBlockWords ? strong >= needed : strong >= strongCuesToRemoveLong {
                definite = true
            }
        }
        // A block that is not removed is evidence for its neighbours (a heading before an appeal) only
        // through a weak cue, one written for that purpose ("Support ..."); a strong cue that did not
        // carry its block says nothing about the block's role.
        if !definite && !weakCue { return nil }
        return Finding(block: blockIndex, strength: definite ? .definite : .weak,
                       evidence: .cues(used, coverage: coverage))
    }
}
