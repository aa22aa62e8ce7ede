/// What kind of boilerplate a rule finds. Families group rules in reports and statistics.
public enum RuleFamily: String, Sendable, CaseIterable, Codable {
    case duplicate
    case donation
    case payment
    case comments
    case listMarkup = "list-markup"
    case furniture
    case share
    case subscription
    case consent
    case related
    case footer
    case template
}

/// An example in a rule's documentation. Every example is run by the test suite, so the
/// documentation cannot drift from the behaviour.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// The document given to the cleaner.
    public var input: String
    /// For triggering examples: the exact cleaned output. `nil` for non-triggering examples,
    /// whose output must equal the input.
    public var expected: String?
    public var file: String
    public var line: Int
    /// The document's site, and documents of that site to learn site statistics from first
    /// (for rules that use them).
    public var site: String?
    public var corpus: [String]
    /// The site the corpus comes from (default: `site`).
    public var corpusSite: String?

    public init(_ input: String, expected: String? = nil, site: String? = nil, corpus: [String] = [], corpusSite: String? = nil,
                file: String = #fileID, line: Int = #line) {
        self.input = input
        self.expected = expected
        self.site = site
        self.corpus = corpus
        self.corpusSite = corpusSite ?? site
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// The self-documentation of a rule (after SwiftLint's `RuleDescription`).
public struct RuleDescription: Sendable {
    /// Stable identifier used on the command line and in reports, e.g. `donation-appeal`.
    public var id: String
    public var name: String
    public var family: RuleFamily
    /// One line: what the rule removes or rewrites.
    public var summary: String
    /// ISO 639-1 codes of the languages its cues cover; empty when it uses no language cues.
    public var languages: [String]
    /// Inputs the rule must change, each with its exact expected output.
    public var triggering: [RuleExample]
    /// Inputs the rule must leave exactly as they are.
    public var nonTriggering: [RuleExample]
    /// Part of the default set.
    public var enabledByDefault: Bool
}

/// How strongly a phrase points at boilerplate.
public enum CueWeight: Int8, Sendable {
    /// Suggests the family only in context (a heading, a short block beside removed ones).
    case weak = 1
    /// Addressed to the reader and rarely written in an article's own prose ("support our journalism").
    case strong = 2
    /// A label that introduces a value (e.g. "Account no."): evidence only together with the value.
    case label = 3
}

/// A phrase a rule looks for. Phrases are matched case-insensitively (ASCII and Latin-1 letters),
/// with runs of spaces folded, at word boundaries wherever the phrase begins or ends with a letter or digit.
public struct Cue: Sendable {
    public var phrase: String
    public var weight: CueWeight
    /// The match must begin at the block's first letter or digit (after bullets and punctuation).
    public var atStart: Bool
    /// When non-zero: this cue alone removes a block of at most this many words ("Photo: ..." under a
    /// picture, "© 2026 ..." in a footer).
    public var alone: Int

    public init(_ phrase: String, _ weight: CueWeight, atStart: Bool = false, alone: Int = 0) {
        self.phrase = phrase
        self.weight = weight
        self.atStart = atStart
        self.alone = alone
    }
}

/// Where a family of a rule's cues sits in its `cues` (cue indexes are what matches carry): families are
/// laid out one after another, each range starting where the one before it ends, so that a rule asks
/// `tagCues.contains(m.cue)` instead of comparing with sums of list lengths.
public extension Range where Bound == Int32 {
    /// The `count` cue indexes after `previous`.
    static func cues(after previous: Range<Int32>, count: Int) -> Range<Int32> {
        previous.upperBound..<previous.upperBound + Int32(count)
    }
    /// The first `count` cue indexes.
    static func cues(first count: Int) -> Range<Int32> { 0..<Int32(count) }
}

/// A detection rule. Rules are value types configured once; `detect` is called once per document
/// with the document's lines and the matches of the rule's own cues, and appends findings.
/// The resolver, not the rule, decides what is finally removed.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Phrases for the shared automaton.
    var cues: [Cue] { get }
    /// The rule reads `DetectionContext.layout` (it is run again when removals change the layout).
    var usesLayout: Bool { get }
    /// Whether this rule's removal of a line, for `evidence` (nil: the line went with another, not for a
    /// finding of its own), marks where the page's furniture begins after the article (see `Resolver`).
    /// Lines that also stand between an article's paragraphs (a teaser card, a video player's text, a
    /// picture's credit) do not: what follows them may still be the article's.
    func startsPageTail(_ evidence: Finding.Evidence?) -> Bool
    /// Whether a line this rule removed, for `evidence` (nil: the line went with another), hides what lies beyond
    /// it when the resolver looks for a lone sentence's nearest lines past the page tail's start: a list of links
    /// and its heading do (a teaser's blurb next to them is no article paragraph); a line that stands between an
    /// article's paragraphs (a single labelled link, an appeal) does not, and is looked through.
    func hidesNeighbours(_ evidence: Finding.Evidence?) -> Bool
    /// Whether a line this rule removed stands right under the article's title (a byline): the line above it, between it
    /// and another removal, is the title when the article follows (see `Resolver`).
    var followsTitle: Bool { get }
    func detect(_ context: DetectionContext, into findings: inout [Finding])
}

extension Rule {
    public var cues: [Cue] { [] }
    public var usesLayout: Bool { false }
    public func startsPageTail(_ evidence: Finding.Evidence?) -> Bool { true }
    public func hidesNeighbours(_ evidence: Finding.Evidence?) -> Bool { false }
    public var followsTitle: Bool { false }
}
