/// A template compiled to bytes: literal runs and slots, filled without building `String`s.
struct Template: Sendable {
    enum Slot: UInt8, Sendable {
        case person, role, org, place, noun, verb, time, adjective, number, year, quote, site, handle
        case iban, account, appNumber, swish
    }

    enum Token: Sendable {
        case literal([UInt8])
        case slot(Slot)
    }

    var tokens: [Token]

    static let slotNames: [String: Slot] = [
        "P": .person, "R": .role, "O": .org, "L": .place, "N": .noun, "V": .verb, "T": .time, "A": .adjective,
        "D": .number, "Y": .year, "Q": .quote, "S": .site, "H": .handle,
        "IBAN": .iban, "ACCOUNT": .account, "APPNUM": .appNumber, "SWISH": .swish,
    ]

    init(_ text: String) {
        var tokens: [Token] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")),
               let slot = Template.slotNames[String(decoding: bytes[(i + 1)..<close], as: UTF8.self)] {
                if !literal.isEmpty { tokens.append(.literal(literal)); literal = [] }
                tokens.append(.slot(slot))
                i = close + 1
            } else {
                literal.append(bytes[i])
                i += 1
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        self.tokens = tokens
    }

    /// The template with its slots filled by `fill` (for the few templates compiled per site).
    func render(_ fill: (Slot) -> [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for token in tokens {
            switch token {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .slot(let slot): out.append(contentsOf: fill(slot))
            }
        }
        return out
    }
}

/// A language pack compiled to bytes once, for fast generation.
struct CompiledPack: Sendable {
    var code: String
    var firstNames: [[UInt8]]
    var lastNames: [[UInt8]]
    var roles: [[UInt8]]
    var orgs: [[UInt8]]
    var places: [[UInt8]]
    var nouns: [[UInt8]]
    var verbs: [[UInt8]]
    var times: [[UInt8]]
    var adjectives: [[UInt8]]
    var quotes: [[UInt8]]
    var sentences: [Template]
    var quoteSentences: [Template]
    var titles: [Template]
    var listIntros: [[UInt8]]
    var listItems: [[UInt8]]
    var cueTraps: [Template]
    var sections: [String]
    var donationHeadings: [Template]
    var appeals: [Template]
    var sharePrompts: [[UInt8]]
    var commentsClosed: [[UInt8]]
    var commentForms: [[[UInt8]]]
    var ibanLines: [Template]
    var ibanCountry: String
    var accountLines: [Template]
    var accountStyle: String
    var appLines: [Template]
    var linkLines: [Template]

    init(_ p: LanguagePack) {
        func b(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
        func t(_ list: [String]) -> [Template] { list.map(Template.init) }
        code = p.code
        firstNames = b(p.firstNames); lastNames = b(p.lastNames); roles = b(p.roles); orgs = b(p.orgs)
        places = b(p.places); nouns = b(p.nouns); verbs = b(p.verbs); times = b(p.times)
        adjectives = b(p.adjectives); quotes = b(p.quotes)
        sentences = t(p.sentences); quoteSentences = t(p.quoteSentences); titles = t(p.titles)
        listIntros = b(p.listIntros); listItems = b(p.listItems); cueTraps = t(p.cueTraps); sections = p.sections
        donationHeadings = t(p.donationHeadings); appeals = t(p.appeals); sharePrompts = b(p.sharePrompts)
        commentsClosed = b(p.commentsClosed); commentForms = p.commentForms.map(b)
        ibanLines = t(p.ibanLines); ibanCountry = p.ibanCountry; accountLines = t(p.accountLines)
        accountStyle = p.accountStyle; appLines = t(p.appLines); linkLines = t(p.linkLines)
    }
}
