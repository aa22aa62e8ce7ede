/// List markup: a bullet or a number alone on its line is joined with the item on the next line;
/// bullet glyphs are unified (default `- `). Numbered items keep their numbers. A bare bullet with no
/// item after it is removed. Lines that begin with a dash but are not alone stay as written (dialogue
/// dashes and prose are not list items). A `+` (the second level of a text browser's nested lists,
/// "* Sports / + Cricket / + Football") is neither unified nor joined, since it also marks a review's pros;
/// alone on its line with no item after it, it is removed like any bare bullet.
public struct ListMarkupRule: Rule {
    public init() {}

    public static let description = RuleDescription(
        id: "list-markup",
        name: "List markup",
        family: .listMarkup,
        summary: "Joins bullets and numbers left alone on their line with their item and unifies bullet glyphs.",
        languages: [],
        triggering: [
            RuleExample("The plan includes:\n-\nA new school.\n-\nA clinic.\n", expected: "The plan includes:\n- A new school.\n- A clinic.\n"),
            RuleExample("Steps:\n1.\nRegister.\n2)\nVote.\n", expected: "Steps:\n1. Register.\n2) Vote.\n"),
            RuleExample("Priorities:\n• Housing\n▪ Transport\n", expected: "Priorities:\n- Housing\n- Transport\n"),
            RuleExample("Priorities:\n►\nHousing\n", expected: "Priorities:\n- Housing\n"),
            RuleExample("The list:\n*\n\nNothing followed.\n", expected: "The list:\n\nNothing followed.\n"),
            RuleExample("The council listed its priorities:\n*\n+ A new school for the island.\n+ A bigger clinic.\n+\n",
                        expected: "The council listed its priorities:\n+ A new school for the island.\n+ A bigger clinic.\n"),
            RuleExample("Weather\n*\n+\n+\n", expected: "Weather\n"),
        ],
        nonTriggering: [
            RuleExample("- and that, he said, was the end of it.\n"),
            RuleExample("– Vi er fornøyde, sier ordføreren.\n– Det blir bra.\n"),
            RuleExample("The score was 2-1.\n3.\n"),
            // A section break between two parts of the article.
            RuleExample("The storm passed in the night.\n\n* * *\n\nBy morning the harbour was calm again.\n"),
            // A review's pros keep their glyph, and a lone one stays with the line it marks.
            RuleExample("Pros and cons\n+ Long battery life\n- Heavy\n+\nBright screen\n"),
        ],
        enabledByDefault: true)

    public func detect(_ context: DetectionContext, into findings: inout [Finding]) {}

    /// Whether the line can be list markup at all: it starts with a digit, `-`, `*` or the lead byte of a
    /// bullet glyph (most lines start with a letter and are not looked at further).
    @inline(__always)
    static func mayBeMarkup(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        guard !block.trimmed.isEmpty else { return false }
        let first = p[block.trimmed.lowerBound]
        return Bytes.isDigit(first) || first == 0x2D || first == 0x2A || first == 0xC2 || first == 0xE2 || first == 0x2B
    }

    /// The block is a `+` alone.
    @inline(__always)
    static func isLonePlus(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        block.trimmed.count == 1 && p[block.trimmed.lowerBound] == 0x2B
    }

    /// The line begins with `+` and a space: a nested item of a text browser's list, or a review's pro.
    @inline(__always)
    static func hasPlusMarker(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        return r.count >= 3 && p[r.lowerBound] == 0x2B && (p[r.lowerBound + 1] == 0x20 || p[r.lowerBound + 1] == 0x09)
    }

    /// Length in bytes of the bullet glyph at `i`, if there is one: - * • · ▪ ‣ ◦ – — ► ▸ ● ■ ○.
    static func bulletLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b = p[i]
        if b == 0x2D || b == 0x2A { return 1 }
        if b == 0xC2 && i + 1 < end && p[i + 1] == 0xB7 { return 2 }
        guard b == 0xE2, i + 2 < end else { return 0 }
        let m = p[i + 1], l = p[i + 2]
        if m == 0x80 && (l == 0xA2 || l == 0xA3 || l == 0x93 || l == 0x94) { return 3 } // • ‣ – —
        if m == 0x96 && (l == 0xAA || l == 0xBA || l == 0xB8 || l == 0xA0) { return 3 } // ▪ ► ▸ ■
        if m == 0x97 && (l == 0xA6 || l == 0x8F || l == 0x8B) { return 3 }             // ◦ ● ○
        return 0
    }

    /// Dashes that also open dialogue and prose: unified only when alone on their line.
    static func isDash(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) -> Bool {
        length == 1 ? p[i] == 0x2D : (length == 3 && p[i + 1] == 0x80 && (p[i + 2] == 0x93 || p[i + 2] == 0x94))
    }

    /// The block is a bullet glyph alone.
    static func isLoneBullet(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard !r.isEmpty else { return false }
        return bulletLength(p, r.lowerBound, r.upperBound) == r.count
    }

    /// The block is a number of 1-3 digits followed by `.` or `)` alone.
    @inline(__always)
    static func isLoneNumber(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard r.count >= 2, r.count <= 4 else { return false }
        let last = p[r.upperBound - 1]
        guard last == 0x2E || last == 0x29 else { return false }
        for i in r.lowerBound..<(r.upperBound - 1) where !Bytes.isDigit(p[i]) { return false }
        return true
    }

    /// The line begins with a marker of its own, a bullet glyph (dashes too) or a number with `.` or `)`,
    /// followed by a space: an item that a bare marker before it must not be joined with.
    @inline(__always)
    static func hasOwnMarker(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Bool {
        let r = block.trimmed
        guard r.count >= 2 else { return false }
        var n = bulletLength(p, r.lowerBound, r.upperBound)
        if n == 0 {
            guard let marker = numberMarker(p, r) else { return false }
            n = marker.end - r.lowerBound
        }
        return r.lowerBound + n < r.upperBound && (p[r.lowerBound + n] == 0x20 || p[r.lowerBound + n] == 0x09)
    }

    /// A number of one to three digits and `.` or `)` at the start of `r` ("5." in "5. Book early"): its value
    /// and where the marker ends (after the `.` or `)`).
    static func numberMarker(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (value: Int, end: Int)? {
        var i = r.lowerBound
        var value = 0
        while i < r.upperBound && i - r.lowerBound < 3 && Bytes.isDigit(p[i]) { value = value * 10 + Int(p[i] - 0x30); i += 1 }
        guard i > r.lowerBound, i < r.upperBound, p[i] == 0x2E || p[i] == 0x29 else { return nil }
        return (value, i + 1)
    }

    /// A non-dash bullet glyph followed by white space at the start of a line: its range (glyph and spaces); nil for a
    /// line of glyphs alone.
    static func inlineBullet(_ p: UnsafeBufferPointer<UInt8>, _ block: Block) -> Range<Int>? {
        let r = block.trimmed
        guard r.count >= 3 else { return nil }
        let n = bulletLength(p, r.lowerBound, r.upperBound)
        guard n > 0, !isDash(p, r.lowerBound, n) else { return nil }
        var j = r.lowerBound + n
        guard j < r.upperBound, p[j] == 0x20 || p[j] == 0x09 else { return nil }
        while j < r.upperBound && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
        // Glyphs and spaces only ("* * *", "• • •"): a section break, not an item.
        var k = j
        while k < r.upperBound {
            if p[k] == 0x20 || p[k] == 0x09 { k += 1; continue }
            let m = bulletLength(p, k, r.upperBound)
            guard m > 0 else { return r.lowerBound..<j }
            k += m
        }
        return nil
    }
}
