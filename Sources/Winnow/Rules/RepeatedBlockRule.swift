/// Blocks that occur more than once in a document, compared after folding case, white space and
/// digits. Every copy of a repeated boilerplate block goes (when another rule or its context removes
/// one copy, all copies go); a repeated content paragraph keeps its first copy.
public struct RepeatedBlockRule: Rule {
    public init() {}

    /// A repeat that is not boilerplate loses its later copy only when it is a prose paragraph that
    /// occurs exactly twice: at least 12 words, ending like a sentence but not with a question mark,
    /// under 10% digits. Short lines ("Yes."), recipe steps, table rows, code, and the question an
    /// interview series asks every guest legitimately recur in articles.
    static func isRepeatedProse(_ p: UnsafeBufferPointer<UInt8>, _ block: Block, copies: Int) -> Bool {
        guard copies == 2, block.words >= 12, block.digits * 10 < block.alnum else { return false }
        guard let end = Document.sentenceEnd(p, block.trimmed) else { return false }
        return end != UInt8(ascii: "?")
    }

    public static let description = RuleDescription(
        id: "repeated-block",
        name: "Repeated blocks",
        family: .duplicate,
        summary: "Removes every copy of a repeated boilerplate block, and later copies of a repeated paragraph.",
        languages: [],
        triggering: [
            RuleExample("""
                The ferry service resumes on Monday after six weeks of repairs to the old pier.
                Officials expect the first crossings to be busy with commuters.
                The ferry service resumes on Monday after six weeks of repairs to the old pier.
                """, expected: """
                The ferry service resumes on Monday after six weeks of repairs to the old pier.
                Officials expect the first crossings to be busy with commuters.

                """),
            RuleExample("""
                The ferry service resumes on Monday.
                Get the Harbour Voice app for local news
                Officials expect the first crossings to be busy.
                Donate now
                Get the Harbour Voice app for local news
                Comments are closed.
                """, expected: "The ferry service resumes on Monday.\nOfficials expect the first crossings to be busy.\n"),
        ],
        nonTriggering: [
            RuleExample("""
                Yes.
                Did you expect the result?
                Yes.
                """),
            RuleExample("The ferry service resumes on Monday.\nThe ferry service resumes on Tuesday, officials said.\n"),
            RuleExample("""
                Portion: 1 cup rice, 1 tsp. oil, 2 eggs.
                Eat 60 minutes before your workout.
                Portion: 1 cup rice, 1 tsp. oil, 2 eggs.
                """),
            RuleExample("""
                What did you cook for your family when you were a child, and who taught you?
                Anna: My grandmother taught me soups.
                What did you cook for your family when you were a child, and who taught you?
                Ben: Nobody, I learned from television.
                """),
        ],
        enabledByDefault: true)

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {
        let blocks = context.blocks
        // Lines that share a checksum (and letter count) are candidates; only they get the full fingerprint.
        // An open-addressed table sized for the document: no hashing of the standard library per line.
        var capacity = 16
        while capacity < blocks.count * 2 { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var keys = [UInt64](filled: 0, count: capacity)
        var slots = [Int32](filled: -2, count: capacity)   // -2 empty, -1 already a candidate, else the first line
        var candidates: [Int] = []
        for index in blocks.indices where blocks[index].alnum >= 2 {
            let key = UInt64(blocks[index].checksum) << 32 | UInt64(UInt32(truncatingIfNeeded: blocks[index].alnum))
            var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[h] != -2 && keys[h] != key { h = (h + 1) & (capacity - 1) }
            if slots[h] == -2 {
                keys[h] = key
                slots[h] = Int32(index)
            } else {
                if slots[h] >= 0 { candidates.append(Int(slots[h])); slots[h] = -1 }
                candidates.append(index)
            }
        }
        guard !candidates.isEmpty else { return }
        // Candidates by full fingerprint: a copy joins the first line with its hash when the two are equal.
        var keyed = candidates.map { (hash: Fingerprint.hash(context.bytes, blocks[$0].trimmed), index: $0) }
        keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
        // Groups of two or more copies: each a run of `members` in block order (its first copy first, as
        // `keyed` is sorted by block within a hash), reported in order of their first copy. The first
        // copies of groups differ (a line is in one hash's run), so ordering the groups orders the pairs.
        var members: [Int] = []
        members.reserveCapacity(keyed.count)
        var groups: [(first: Int, members: Range<Int>)] = []
        var run = 0
        while run < keyed.count {
            var end = run + 1
            while end < keyed.count && keyed[end].hash == keyed[run].hash { end += 1 }
            let first = keyed[run].index
            let mark = members.count
            members.append(first)
            for k in (run + 1)..<end where Fingerprint.equal(context.bytes, blocks[first].trimmed, blocks[keyed[k].index].trimmed) {
                members.append(keyed[k].index)
            }
            if members.count - mark == 1 { members.removeLast() } else { groups.append((first, mark..<members.count)) }
            run = end
        }
        groups.sort { $0.first < $1.first }
        for group in groups {
            for k in group.members {
                findings.append(Finding(block: members[k], strength: .weak, evidence: .repeated(first: group.first, copies: group.members.count)))
            }
        }
    }
}
