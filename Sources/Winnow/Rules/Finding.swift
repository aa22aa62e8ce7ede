/// What a rule saw in one block. Findings are evidence; the resolver turns them into removals.
public struct Finding: Sendable {
    public enum Strength: Sendable, Comparable {
        /// Enough to remove the block only with support from its neighbours (a heading before a
        /// removed appeal, a short block between removed blocks).
        case weak
        /// Enough to remove the block on its own.
        case definite
    }

    public enum Evidence: Sendable {
        /// Cues of the rule, as indices into its `cues`, in the order found; `coverage` is the share of
        /// the block's letters and digits they cover.
        case cues([Int32], coverage: Double)
        /// A validated identifier (IBAN, Bitcoin address, ...) or a labelled number, as a byte range.
        case identifiers([(kind: String, range: Range<Int>)])
        /// The block repeats block `first` (its first copy); `copies` in all.
        case repeated(first: Int, copies: Int)
        /// The block belongs to the comment thread that starts at block `heading`; `marks` thread marks follow it.
        case thread(heading: Int, marks: Int)
        /// The block appears in `documents` of the `of` documents of `site` in the site statistics.
        case siteTemplate(documents: Int, of: Int, site: String)
        /// The block is an item of the list under the heading on block `heading`.
        case listUnder(heading: Int)
        /// The block's place in the page: `core` is the range of lines judged to be the article body.
        case layout(LayoutEvidence, core: Range<Int>)
    }

    public var block: Int
    public var strength: Strength
    public var evidence: Evidence
    /// Index of the rule in the cleaner's active rules (set by the cleaner).
    public internal(set) var ruleSlot: Int = -1

    public init(block: Int, strength: Strength, evidence: Evidence) {
        self.block = block
        self.strength = strength
        self.evidence = evidence
    }
}

extension Finding.Evidence {
    /// The first copy, for a repeated block's evidence.
    @inline(__always) var repeatedFirst: Int? {
        if case .repeated(let first, _) = self { return first }
        return nil
    }
    /// Evidence of a block's place (in the page, under a heading, in a thread), not of what it says.
    @inline(__always) var isPlace: Bool {
        switch self {
        case .layout, .listUnder, .thread: return true
        default: return false
        }
    }
}

/// Why a block's place in the page marks it as furniture.
public enum LayoutEvidence: Sendable, Equatable {
    /// A short line that does not read as a sentence, before or after the article body.
    case outsideBody
    /// A run of short menu items ("Home", "News", "Contact us") inside the page.
    case menuRun(length: Int)
    /// The heading of a widget of links near the end of the page ("More in Science"): the page's tail
    /// starts here.
    case tailHeading
    /// A line of tags after the article body ("Tags: ferries, harbour").
    case tags
}

extension Array where Element == Finding {
    /// Keeps, in order and in place, the findings from `start` on that `keep` accepts (the rule's own, appended after
    /// `start`); the ones before `start` are other rules' and stay.
    mutating func keepFindings(from start: Int, where keep: (Finding) -> Bool) {
        var kept = start
        for k in start..<count where keep(self[k]) {
            if k != kept { self[kept] = self[k] }
            kept += 1
        }
        removeSubrange(kept...)
    }
}

/// What a rule gets to look at for one document.
public struct DetectionContext {
    /// The document's UTF-8 bytes.
    public let bytes: UnsafeBufferPointer<UInt8>
    public let blocks: [Block]
    /// Matches of this rule's cues: `cue` indexes the rule's `cues`; sorted by block, then by end.
    /// (Set per rule on one context: a context per rule cost the retains and releases of all its arrays.)
    public internal(set) var matches: [CueMatch]
    /// Where the article body is, computed once per document for every rule.
    let layout: ArticleBody
    /// The document's site (host), when the caller knows it.
    public let site: String?
    /// Per block: whether it holds a strong phrase of a prompt (an appeal, a subscription, consent, comment or share
    /// prompt), whichever rule's (empty: not known).
    var prompts: [Bool] = []
}

public struct CueMatch: Sendable, Equatable {
    public var block: Int
    public var cue: Int32
    public var range: Range<Int>
}

/// Letters and digits of a block covered by the union of cue matches, added in order of their start
/// (or of their end, for matches that do not nest).
struct Coverage {
    private(set) var covered = 0
    private var upTo = 0

    mutating func add(_ r: Range<Int>, in context: DetectionContext) {
        let lo = max(r.lowerBound, upTo)
        guard lo < r.upperBound else { return }
        covered += context.alnumCount(lo..<r.upperBound)
        upTo = r.upperBound
    }

    /// The covered share of a block's letters and digits.
    func share(of block: Block) -> Double { block.alnum > 0 ? Double(covered) / Double(block.alnum) : 0 }
}

extension DetectionContext {
    /// Letters and digits in `range`, counted as `Block.alnum` counts them.
    func alnumCount(_ range: Range<Int>) -> Int {
        var n = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b < 0x80 {
                if Bytes.isASCIIAlnum(b) { n += 1 }
                i += 1
            } else {
                if b >= 0xC0 && Bytes.isWordByte(bytes, i) { n += 1 }
                i += 1
            }
        }
        return n
    }

    /// A line that introduces a list of the article's own with a colon: at least `leadInWords` words ("Under the ban
    /// fell:", "The council banned three apps on its staff's phones:"), none of them a site's words to its readers
    /// ("Get our latest stories on your phone:", "Follow us on:": a promotion's).
    func introducesList(_ block: Block) -> Bool {
        guard block.words >= DetectionContext.leadInWords && Bytes.endsWithColon(bytes, block.trimmed) else { return false }
        var i = block.trimmed.lowerBound
        let end = block.trimmed.upperBound
        while i < end {
            while i < end && !Bytes.isASCIILetter(bytes[i]) { i += 1 }
            let start = i
            while i < end && Bytes.isASCIILetter(bytes[i]) { i += 1 }
            guard i > start, start == block.trimmed.lowerBound || !Bytes.isWordByte(bytes, start - 1) else { continue }
            if i - start == 2 && bytes[start] == 0x75 && bytes[start + 1] == 0x73 { return false }   // "us", not "US"
            if DetectionContext.personalWords.contains(where: { $0.utf8CodeUnitCount == i - start && Bytes.hasPrefix(bytes, start, i, $0) }) {
                return false
            }
        }
        return true
    }
    static let leadInWords = 3
    /// Words of a site speaking to its readers, in small letters ("us" is checked apart: "US" is a country).
    static let personalWords: [StaticString] = ["our", "your", "you", "unser", "unsere", "unseren", "uns", "notre", "nos", "votre", "vos",
                                                "nuestro", "nuestra", "nuestros", "nuestras", "nosso", "nossa", "nossos", "onze", "ons",
                                                "jouw", "nasz", "nasza", "nasze", "naszym", "nas", "bizi",
                                                // Following a site: "Follow the Island Post on:"
                                                "follow", "folgen", "folge", "suivez", "sigue", "siga", "segui", "seguici",
                                                "volg", "obserwuj", "takip"]

    /// Offset of the first letter or digit of a block (after bullets, quotes and spaces).
    func firstWordOffset(_ block: Block) -> Int {
        var i = block.trimmed.lowerBound
        while i < block.trimmed.upperBound && !Bytes.isWordByte(bytes, i) { i += 1 }
        return i
    }

    /// Number of white-space separated words in `range`.
    func wordCount(_ range: Range<Int>) -> Int {
        var words = 0
        var inWord = false
        for i in range {
            if Bytes.isSpace(bytes[i]) { inWord = false } else if !inWord { words += 1; inWord = true }
        }
        return words
    }
}
