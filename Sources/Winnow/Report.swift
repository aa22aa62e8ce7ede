/// A removed block: which rule, why, and where it was in the input.
public struct Removal: Sendable, Equatable {
    public var ruleID: String
    public var family: RuleFamily
    /// Byte range of the whole line in the input, terminator included.
    public var range: Range<Int>
    /// 1-based line number in the input.
    public var line: Int
    /// What the reason is made from; the text is written only when someone asks for it.
    var explanation: Explanation
    /// The rule's place among the cleaner's active rules (-1: unknown), so counting needs no string compare.
    var ruleSlot: Int32 = -1

    /// Names the evidence: the phrases, the validated identifier, the repeated block.
    public var reason: String { explanation.text }

    public init(ruleID: String, family: RuleFamily, reason: String, range: Range<Int>, line: Int) {
        self.init(ruleID: ruleID, family: family, range: range, line: line, explanation: .text(reason))
    }

    init(ruleID: String, family: RuleFamily, range: Range<Int>, line: Int, explanation: consuming Explanation, ruleSlot: Int = -1) {
        self.ruleSlot = Int32(ruleSlot)
        self.ruleID = ruleID
        self.family = family
        self.range = range
        self.line = line
        self.explanation = explanation
    }

    /// The removed line's bytes without its terminator, in `input` (the cleaned document's bytes).
    public func content(in input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = range.upperBound
        if end > range.lowerBound && input[end - 1] == 0x0A { end -= 1 }
        if end > range.lowerBound && input[end - 1] == 0x0D { end -= 1 }
        return UnsafeBufferPointer(rebasing: input[range.lowerBound..<end])
    }

    public static func == (a: Removal, b: Removal) -> Bool {
        a.ruleID == b.ruleID && a.family == b.family && a.range == b.range && a.line == b.line && a.reason == b.reason
    }
}

/// A change to kept text: list markup joined or unified.
public struct Rewrite: Sendable, Equatable {
    public var ruleID: String
    /// What was done, in words (written when read).
    public var reason: String {
        get {
            switch note {
            case .joined(let bullet, let marker): return "joined the \(bullet ? "bullet" : "number") \u{201C}\(marker)\u{201D} alone on its line with its item"
            case .unified(let marker, let bullet): return "bullet \u{201C}\(marker)\u{201D} written as \u{201C}\(bullet)\u{201D}"
            case .text(let text): return text
            }
        }
        set { note = .text(newValue) }
    }
    /// Byte range in the input that was rewritten (terminator of the last line included).
    public var range: Range<Int>
    public var line: Int
    /// What the range became in the output.
    public var replacement: [UInt8]
    var note: Note

    enum Note: Sendable, Equatable {
        case joined(bullet: Bool, marker: String)
        case unified(marker: String, as: String)
        case text(String)
    }

    public init(ruleID: String, reason: String, range: Range<Int>, line: Int, replacement: [UInt8]) {
        self.init(ruleID: ruleID, note: .text(reason), range: range, line: line, replacement: replacement)
    }

    init(ruleID: String, note: Note, range: Range<Int>, line: Int, replacement: [UInt8]) {
        self.ruleID = ruleID
        self.note = note
        self.range = range
        self.line = line
        self.replacement = replacement
    }

    public static func == (a: Rewrite, b: Rewrite) -> Bool {
        a.ruleID == b.ruleID && a.range == b.range && a.line == b.line && a.replacement == b.replacement && a.reason == b.reason
    }
}

/// Everything the cleaner did to one document.
public struct Report: Sendable, Equatable {
    public var removals: [Removal] = []
    public var rewrites: [Rewrite] = []
    public var isEmpty: Bool { removals.isEmpty && rewrites.isEmpty }
}

/// The cleaned document and its report.
public struct CleanResult: Sendable {
    /// The cleaned bytes. Kept lines are byte-identical to the input; only rewrites change bytes.
    public var bytes: [UInt8]
    public var report: Report
    /// True when the output equals the input byte for byte.
    public var unchanged: Bool
    /// The result for a document the cleaner leaves as it is.
    public static func unchanged(_ bytes: [UInt8]) -> CleanResult { CleanResult(bytes: bytes, report: Report(), unchanged: true) }

    /// The cleaned text (invalid UTF-8 in the input is replaced by U+FFFD here; use `bytes` to keep it).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
