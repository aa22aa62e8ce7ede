/// Where one line of a pass's output came from: the blocks `first...last` of the input (more than one
/// when list markup joined a bullet with its item), and whether the line was rewritten on the way.
struct LineOrigin: Sendable {
    var first: Int
    var last: Int
    var rewritten: Bool
    /// The line's bytes in the output, terminator included.
    var output: Range<Int>
}

/// The result of cleaning a document so far, with each output line's origin in the input, so that a
/// further pass over the output can be reported in the input's lines and bytes.
struct FixedPoint {
    var result: CleanResult
    var origins: [LineOrigin]

    /// Adds `next` (a pass over `result.bytes`, whose lines come from `nextOrigins`) to the result.
    /// Returns false, changing nothing, when the pass cannot be told in the input's terms: a line it
    /// rewrites was rewritten already, or its lines are not the lines written (a document whose lines
    /// end in lone CRs once its last LF line went).
    mutating func compose(_ next: CleanResult, _ nextOrigins: [LineOrigin], input blocks: [Block]) -> Bool {
        let o = origins
        func line(_ r: Range<Int>, at index: Int) -> Bool { index >= 0 && index < o.count && o[index].output == r }
        // Check everything before changing anything.
        var mappedRewrites: [Rewrite] = []
        let removedNow = Set(next.report.removals.map { $0.line - 1 })
        for w in next.report.rewrites {
            let j = w.line - 1
            guard j >= 0, j < o.count, o[j].output.lowerBound <= w.range.lowerBound else { return false }
            var k = j
            while k < o.count && o[k].output.upperBound < w.range.upperBound { k += 1 }
            // The marker's and the item's lines are written as they were; the lines between them (a join
            // passes over removed lines) go in this pass, whatever an earlier pass did to them.
            guard k < o.count, o[k].output.upperBound == w.range.upperBound, !o[j].rewritten, !o[k].rewritten,
                  (j + 1..<k).allSatisfy({ removedNow.contains($0) }) else { return false }
            var mapped = w
            mapped.range = blocks[o[j].first].range.lowerBound + (w.range.lowerBound - o[j].output.lowerBound)..<blocks[o[k].last].end
            mapped.line = o[j].first + 1
            mappedRewrites.append(mapped)
        }
        for r in next.report.removals where !line(r.range, at: r.line - 1) { return false }
        guard nextOrigins.allSatisfy({ $0.first >= 0 && $0.last < o.count }) else { return false }

        let map: (Int) -> Int = { $0 >= 0 && $0 < o.count ? o[$0].first : $0 }
        let mapEnd: (Int) -> Int = { $0 > 0 && $0 <= o.count ? o[$0 - 1].last + 1 : $0 }
        var removed = Set(result.report.removals.map(\.line))
        for r in next.report.removals {
            let origin = o[r.line - 1]
            var explanation = r.explanation.remapped(map, mapEnd)
            explanation.block = origin.last
            if origin.rewritten {
                // The rewrite of these lines is void: the lines go instead.
                result.report.rewrites.removeAll { $0.line == origin.first + 1 }
            }
            for b in origin.first...origin.last where !blocks[b].isBlank && !removed.contains(b + 1) {
                var e = explanation
                if b != origin.last { e = Explanation(cause: .bullet(of: origin.last), rule: explanation.rule, block: b) }
                result.report.removals.append(Removal(ruleID: r.ruleID, family: r.family, range: blocks[b].range, line: b + 1, explanation: e,
                                                     ruleSlot: Int(r.ruleSlot)))
                removed.insert(b + 1)
            }
        }
        result.report.rewrites.append(contentsOf: mappedRewrites)
        result.report.removals.sort { $0.line < $1.line }
        result.report.rewrites.sort { $0.line < $1.line }
        result.bytes = next.bytes
        result.unchanged = false
        origins = nextOrigins.map { n in
            LineOrigin(first: o[n.first].first, last: o[n.last].last,
                       rewritten: n.rewritten || o[n.first...n.last].contains { $0.rewritten }, output: n.output)
        }
        return true
    }
}

extension Explanation {
    /// The same explanation with its line references moved by `map` (a line) and `mapEnd` (one past a line).
    func remapped(_ map: (Int) -> Int, _ mapEnd: (Int) -> Int) -> Explanation {
        var e = self
        e.block = map(block)
        func range(_ r: Range<Int>) -> Range<Int> { r.isEmpty ? r : map(r.lowerBound)..<max(map(r.lowerBound), mapEnd(r.upperBound)) }
        if let cause {
            switch cause {
            case .finding: break
            case .heading(let of): e.cause = .heading(of: map(of))
            case .between(let a, let b): e.cause = .between(map(a), map(b))
            case .trailing(let after): e.cause = .trailing(after: map(after))
            case .copy(let of): e.cause = .copy(of: map(of))
            case .repeatOf(let first, let copies): e.cause = .repeatOf(map(first), copies: copies)
            case .bullet(let of): e.cause = .bullet(of: map(of))
            case .beyondMarker(let marker, let core): e.cause = .beyondMarker(map(marker), core: range(core))
            case .loneBeyondMarker(let marker, let core): e.cause = .loneBeyondMarker(map(marker), core: range(core))
            case .aloneAfterBody(let a, let b, let core): e.cause = .aloneAfterBody(map(a), map(b), core: range(core))
            }
        }
        if let evidence {
            switch evidence {
            case .cues, .identifiers, .siteTemplate: break
            case .repeated(let first, let copies): e.evidence = .repeated(first: map(first), copies: copies)
            case .thread(let heading, let marks): e.evidence = .thread(heading: map(heading), marks: marks)
            case .listUnder(let heading): e.evidence = .listUnder(heading: map(heading))
            case .layout(let kind, let core): e.evidence = .layout(kind, core: range(core))
            }
        }
        return e
    }
}
