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
        // Lines that share a checksum (and letter count) are candidates, chained in block order under their
        // key. An open-addressed table sized for the document: no hashing of the standard library per line.
        var capacity = 16
        while capacity < blocks.count * 2 { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        var keys = [UInt64](filled: 0, count: capacity)
        var head = [Int32](filled: -1, count: capacity)    // the key's first line (-1: empty slot)
        var tail = [Int32](filled: -1, count: capacity)    // the key's last line so far
        var next = [Int32](filled: -1, count: blocks.count) // the next line with the same key
        var chains: [Int] = []                              // slots whose key has two lines or more
        for index in blocks.indices where blocks[index].alnum >= 2 {
            let key = UInt64(blocks[index].checksum) << 32 | UInt64(UInt32(truncatingIfNeeded: blocks[index].alnum))
            var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while head[h] >= 0 && keys[h] != key { h = (h + 1) & (capacity - 1) }
            if head[h] < 0 {
                keys[h] = key
                head[h] = Int32(index)
            } else {
                if head[h] == tail[h] { chains.append(h) }
                next[Int(tail[h])] = Int32(index)
            }
            tail[h] = Int32(index)
        }
        guard !chains.isEmpty else { return }
        // Groups of two or more copies, each in block order (its first copy first), reported in order of their
        // first copy. A chain is mostly one group: every line equal to the first. Only a chain that also holds
        // other lines (an anagram of the checksum) is split by full fingerprint, each run of equal hashes
        // joining the run's first line with the lines equal to it.
        var members: [Int] = []
        var groups: [(first: Int, members: Range<Int>)] = []
        var lines: [Int] = []
        for slot in chains {
            lines.removeAll(keepingCapacity: true)
            var line = Int(head[slot])
            while line >= 0 { lines.append(line); line = Int(next[line]) }
            let first = lines[0]
            let mark = members.count
            members.append(first)
            var mixed = false
            for k in lines.dropFirst() {
                if Fingerprint.equal(context.bytes, blocks[first].trimmed, blocks[k].trimmed) { members.append(k) } else { mixed = true }
            }
            if !mixed {
                groups.append((first, mark..<members.count))
                continue
            }
            members.removeSubrange(mark...)
            var keyed = lines.map { (hash: Fingerprint.hash(context.bytes, blocks[$0].trimmed), index: $0) }
            keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.index < $1.index }
            var run = 0
            while run < keyed.count {
                var end = run + 1
                while end < keyed.count && keyed[end].hash == keyed[run].hash { end += 1 }
                let runFirst = keyed[run].index
                let runMark = members.count
                members.append(runFirst)
                for k in (run + 1)..<end where Fingerprint.equal(context.bytes, blocks[runFirst].trimmed, blocks[keyed[k].index].trimmed) {
                    members.append(keyed[k].index)
                }
                if members.count - runMark == 1 { members.removeLast() } else { groups.append((runFirst, runMark..<members.count)) }
                run = end
            }
        }
        groups.sort { $0.first < $1.first }
        for group in groups {
            for k in group.members {
                findings.append(Finding(block: members[k], strength: .weak, evidence: .repeated(first: group.first, copies: group.members.count)))
            }
        }
    }
}
