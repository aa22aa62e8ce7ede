/// What the generated corpus looks like: the seed, the sites, and how many documents stay clean.
public struct CorpusConfiguration: Sendable, Equatable, Codable {
    /// Everything follows from the seed: the same seed gives the same bytes.
    public var seed: UInt64
    /// Sites that carry a fixed template block each (a promotion line in a language no rule covers) in
    /// most of their documents, for per-site learning. 0: a pool of 16 sites without template blocks.
    public var sites: Int
    /// Share of documents with no injected boilerplate and no list markup.
    public var cleanShare: Double

    public init(seed: UInt64 = 42, sites: Int = 0, cleanShare: Double = 0.2) {
        self.seed = seed
        self.sites = sites
        self.cleanShare = cleanShare
    }
}

/// A news site of the synthetic corpus: its name, its host (the `url` host identifies it), its language,
/// and, with `--sites N`, its template block.
public struct Site: Sendable {
    public var name: String
    public var host: String
    /// The account name in its payment links (`paypal.me/HANDLE`).
    public var handle: String
    public var language: String
    /// The fixed promotion line of this site, when the corpus has per-site templates.
    public var template: String?
    /// Paragraphs separated by a blank line (else by a single line break).
    public var blankLines: Bool
    var pack: Int
    var nameBytes: [UInt8]
    var handleBytes: [UInt8]
    var templateBytes: [UInt8]?
}

/// One generated document: its text and the kind of every line of it.
public struct GeneratedDocument: Sendable {
    public var index = 0
    public var site = 0
    /// No injected boilerplate and no list markup.
    public var clean = false
    /// The document's text, every line ended by `\n`.
    public var text: [UInt8] = []
    /// One entry per line of `text`.
    public var kinds: [ParagraphKind] = []
    /// Byte range of each line in `text`, without its `\n`.
    public var lines: [Range<Int>] = []

    public init() {}

    /// The bytes of line `i`.
    public func line(_ i: Int) -> ArraySlice<UInt8> { text[lines[i]] }
}

/// Generates news-like documents with a known mix of injected boilerplate, deterministically from a seed.
///
/// Document `i` depends only on the seed and `i` (each has its own `SplitMix64` stream), so any document
/// can be regenerated on its own: the harness scores `winnow`'s output by regenerating the document
/// named in each output line's `id`.
///
/// Every text comes from the templates and word lists in `Languages/` (English, German, Norwegian,
/// Spanish), written for this benchmark.
public struct CorpusGenerator: Sendable {
    public let configuration: CorpusConfiguration
    public let sites: [Site]
    let packs: [CompiledPack]

    /// The documents' id prefix: `wb<seed>-` (`wb<seed>s<sites>-` with per-site templates), so that
    /// scoring with another seed or site count finds no document instead of the wrong ones.
    public var idPrefix: String { configuration.sites > 0 ? "wb\(configuration.seed)s\(configuration.sites)-" : "wb\(configuration.seed)-" }

    public init(_ configuration: CorpusConfiguration = CorpusConfiguration()) {
        self.configuration = configuration
        let languages = LanguagePack.all
        packs = languages.map(CompiledPack.init)
        let count = configuration.sites > 0 ? configuration.sites : 16
        var sites: [Site] = []
        var rng = SplitMix64(seed: configuration.seed, index: UInt64.max)
        for i in 0..<count {
            let packIndex = i % languages.count
            let pack = languages[packIndex]
            let k = i / languages.count
            let first = pack.siteFirst[k % pack.siteFirst.count]
            let second = pack.siteSecond[(k / pack.siteFirst.count + k) % pack.siteSecond.count]
            let joined = !second.contains(" ") && (second.first.map { $0.isLowercase } ?? false)
            var name = joined ? first + second : first + " " + second
            let combinations = pack.siteFirst.count * pack.siteSecond.count
            if k >= combinations { name += " \(k / combinations + 1)" }
            let slug = CorpusGenerator.slug(name)
            var template: String? = nil
            if configuration.sites > 0 {
                let promo = SiteTemplates.promos[i % SiteTemplates.promos.count]
                template = promo.replacing("{S}", with: name)
            }
            sites.append(Site(name: name, host: slug + ".example", handle: slug.filter { $0 != "-" }, language: pack.code,
                              template: template, blankLines: rng.chance(0.5), pack: packIndex,
                              nameBytes: Array(name.utf8), handleBytes: Array(slug.filter { $0 != "-" }.utf8),
                              templateBytes: template.map { Array($0.utf8) }))
        }
        self.sites = sites
    }

    /// Lower-case ASCII letters and digits, other runs as one `-`: "Diario del Puerto" -> "diario-del-puerto".
    static func slug(_ name: String) -> String {
        let folds: [Character: String] = ["å": "a", "ä": "a", "á": "a", "à": "a", "æ": "ae", "ø": "o", "ö": "o", "ó": "o",
                                          "ü": "u", "ú": "u", "é": "e", "è": "e", "í": "i", "ñ": "n", "ß": "ss"]
        var out = ""
        var dash = false
        for ch in name.lowercased() {
            let piece: String
            if let f = folds[ch] { piece = f } else if ch.isASCII && (ch.isLetter || ch.isNumber) { piece = String(ch) } else { piece = "" }
            if piece.isEmpty {
                dash = !out.isEmpty
            } else {
                if dash { out += "-"; dash = false }
                out += piece
            }
        }
        return out
    }

    public func generate(_ index: Int) -> GeneratedDocument {
        var doc = GeneratedDocument()
        generate(index, into: &doc)
        return doc
    }

    /// Generates document `index` into `doc`, reusing its storage.
    public func generate(_ index: Int, into doc: inout GeneratedDocument) {
        var b = DocumentBuilder(rng: SplitMix64(seed: configuration.seed, index: UInt64(index)))
        swap(&b.text, &doc.text)
        swap(&b.kinds, &doc.kinds)
        swap(&b.lines, &doc.lines)
        b.text.removeAll(keepingCapacity: true)
        b.kinds.removeAll(keepingCapacity: true)
        b.lines.removeAll(keepingCapacity: true)
        let siteIndex = b.rng.below(sites.count)
        let site = sites[siteIndex]
        b.site = site
        let clean = b.rng.chance(configuration.cleanShare)
        compose(&b, pack: packs[site.pack], clean: clean)
        doc.index = index
        doc.site = siteIndex
        doc.clean = clean
        swap(&b.text, &doc.text)
        swap(&b.kinds, &doc.kinds)
        swap(&b.lines, &doc.lines)
    }

    private func compose(_ b: inout DocumentBuilder, pack: CompiledPack, clean: Bool) {
        var rng = b.rng
        defer { b.rng = rng }
        let paragraphs = rng.inRange(3...12)
        // What to inject.
        var list = !clean && rng.chance(0.3)
        let trap = rng.chance(0.12)
        var share = !clean && rng.chance(0.3)
        var donation = !clean && rng.chance(0.5)
        let payment = !clean && rng.chance(0.35)
        var comments = !clean && rng.chance(0.4)
        let siteTemplate = !clean && b.site.templateBytes != nil && rng.chance(0.9)
        if !clean && !(list || share || donation || payment || comments || siteTemplate) {
            switch rng.below(4) {
            case 0: list = true
            case 1: share = true
            case 2: donation = true
            default: comments = true
            }
        }
        let listAt = list ? rng.inRange(1...max(1, paragraphs - 1)) : -1
        let trapAt = trap ? rng.below(paragraphs) : -1
        let shareTop = rng.chance(0.5)
        let heading = rng.chance(0.7)
        let repeated = donation && rng.chance(0.35)
        // A donation block in the middle never touches a list.
        var donationAt = donation && paragraphs > 2 && rng.chance(0.4) ? rng.inRange(1...(paragraphs - 1)) : -1
        if donationAt == listAt || donationAt == listAt + 1 { donationAt = -1 }
        let headingIndex = rng.below(pack.donationHeadings.count)
        let appealIndex = rng.below(pack.appeals.count)
        b.rng = rng

        // Title, site template, share bar.
        b.line(.title) { $0.fill(pack.titles[$0.rng.below(pack.titles.count)], pack) }
        b.capitalizeLine()
        if siteTemplate, let t = b.site.templateBytes { b.separator(); b.line(.siteTemplate) { $0.text.append(contentsOf: t) } }
        if share && shareTop { b.separator(); b.sharePrompt(pack) }
        var seen: [UInt64] = []
        for p in 0..<paragraphs {
            b.separator()
            if p == trapAt {
                b.line(.cueTrap) { $0.sentence(pack.cueTraps[$0.rng.below(pack.cueTraps.count)], pack) }
            } else {
                b.paragraph(pack, seen: &seen)
            }
            if p + 1 == listAt { b.separator(); b.list(pack) }
            if p + 1 == donationAt {
                b.separator()
                b.donation(pack, heading: heading ? headingIndex : nil, appeal: appealIndex, kind: nil)
                if payment { b.payment(pack) }
            }
        }
        if share && !shareTop { b.separator(); b.sharePrompt(pack) }
        if donation && donationAt < 0 {
            b.separator()
            b.donation(pack, heading: heading ? headingIndex : nil, appeal: appealIndex, kind: nil)
            if payment { b.payment(pack) }
        } else if payment && !donation {
            b.separator()
            b.payment(pack)
        }
        if repeated {
            b.separator()
            b.donation(pack, heading: heading ? headingIndex : nil, appeal: appealIndex, kind: .donationRepeat)
        }
        if comments {
            b.separator()
            var rng = b.rng
            if rng.chance(0.5) {
                let closed = rng.pick(pack.commentsClosed)
                b.rng = rng
                b.line(.commentsClosed) { $0.text.append(contentsOf: closed) }
            } else {
                let form = rng.pick(pack.commentForms)
                b.rng = rng
                for line in form { b.line(.commentForm) { $0.text.append(contentsOf: line) } }
            }
        }
    }

    /// Appends document `doc` as one JSONL line: `{"id":...,"url":...,"lang":...,"text":...}` and `\n`.
    public func appendJSONLine(_ doc: GeneratedDocument, to out: inout [UInt8]) {
        let site = sites[doc.site]
        let pack = packs[site.pack]
        let section = pack.sections[doc.index % pack.sections.count]
        let month = doc.index % 12 + 1
        var head = "{\"id\":\"\(idPrefix)\(doc.index)\",\"url\":\"https://\(site.host)/\(section)/2024/"
        head += (month < 10 ? "0" : "") + "\(month)/\(doc.index)\",\"lang\":\"\(site.language)\",\"text\":\""
        out.append(contentsOf: head.utf8)
        JSONText.escape(doc.text, into: &out)
        out.append(contentsOf: "\"}\n".utf8)
    }

    /// The document index named by an `id` of this corpus (`<idPrefix><index>`), if it is one.
    public func index(fromID id: some Collection<UInt8>) -> Int? {
        let prefix = Array(idPrefix.utf8)
        guard id.count > prefix.count, id.starts(with: prefix) else { return nil }
        var n = 0
        for b in id.dropFirst(prefix.count) {
            guard b >= 0x30 && b <= 0x39, n < Int.max / 10 - 10 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }
}

/// Builds one document's text line by line, recording each line's kind.
struct DocumentBuilder {
    var rng: SplitMix64
    var text: [UInt8] = []
    var kinds: [ParagraphKind] = []
    var lines: [Range<Int>] = []
    var site: Site! = nil

    /// Appends a line of `kind` written by `body`, and its `\n`.
    mutating func line(_ kind: ParagraphKind, _ body: (inout DocumentBuilder) -> Void) {
        let start = text.count
        body(&self)
        kinds.append(kind)
        lines.append(start..<text.count)
        text.append(0x0A)
    }

    /// Between paragraphs: a blank line on sites that use them.
    mutating func separator() {
        if site.blankLines {
            kinds.append(.blank)
            lines.append(text.count..<text.count)
            text.append(0x0A)
        }
    }

    /// Upper-cases the first byte of the last line when it is an ASCII letter.
    mutating func capitalizeLine() {
        if let r = lines.last, !r.isEmpty, text[r.lowerBound] >= 0x61 && text[r.lowerBound] <= 0x7A { text[r.lowerBound] -= 0x20 }
    }

    /// A paragraph of 1 to 4 sentences, one of them perhaps a quotation; never a repeat of an earlier one.
    mutating func paragraph(_ pack: CompiledPack, seen: inout [UInt64]) {
        while true {
            let start = text.count
            let count = rng.inRange(1...4)
            let quoteAt = rng.chance(0.25) ? rng.below(count) : -1
            for s in 0..<count {
                if s > 0 { text.append(0x20) }
                if s == quoteAt {
                    sentence(pack.quoteSentences[rng.below(pack.quoteSentences.count)], pack)
                } else {
                    sentence(pack.sentences[rng.below(pack.sentences.count)], pack)
                }
            }
            let h = DocumentBuilder.letterHash(text[start...])
            if !seen.contains(h) {
                seen.append(h)
                kinds.append(.article)
                lines.append(start..<text.count)
                text.append(0x0A)
                return
            }
            text.removeSubrange(start...)
        }
    }

    /// Hash of the first 64 letters (the repeated-block rule folds digits, case and white space): equal
    /// paragraphs always hash alike; the rare unequal ones that do too are just written again.
    static func letterHash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { p in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            var letters = 0
            for b in p where b >= 0x41 {
                h = (h ^ UInt64(b | 0x20)) &* 0x100_0000_01B3
                letters += 1
                if letters == 64 { break }
            }
            return h
        }
    }

    /// One sentence from a template, its first letter capitalized.
    mutating func sentence(_ t: Template, _ pack: CompiledPack) {
        let start = text.count
        fill(t, pack)
        if start < text.count, text[start] >= 0x61 && text[start] <= 0x7A { text[start] -= 0x20 }
    }

    mutating func fill(_ t: Template, _ pack: CompiledPack) {
        for token in t.tokens {
            switch token {
            case .literal(let bytes): text.append(contentsOf: bytes)
            case .slot(let slot): fillSlot(slot, pack)
            }
        }
    }

    mutating func fillSlot(_ slot: Template.Slot, _ pack: CompiledPack) {
        switch slot {
        case .person:
            text.append(contentsOf: pack.firstNames[rng.below(pack.firstNames.count)])
            text.append(0x20)
            text.append(contentsOf: pack.lastNames[rng.below(pack.lastNames.count)])
        case .role: text.append(contentsOf: pack.roles[rng.below(pack.roles.count)])
        case .org: text.append(contentsOf: pack.orgs[rng.below(pack.orgs.count)])
        case .place: text.append(contentsOf: pack.places[rng.below(pack.places.count)])
        case .noun: text.append(contentsOf: pack.nouns[rng.below(pack.nouns.count)])
        case .verb: text.append(contentsOf: pack.verbs[rng.below(pack.verbs.count)])
        case .time: text.append(contentsOf: pack.times[rng.below(pack.times.count)])
        case .adjective: text.append(contentsOf: pack.adjectives[rng.below(pack.adjectives.count)])
        case .quote: text.append(contentsOf: pack.quotes[rng.below(pack.quotes.count)])
        case .number: appendNumber(rng.inRange(2...950))
        case .year: appendNumber(rng.inRange(1995...2023))
        case .site: text.append(contentsOf: site.nameBytes)
        case .handle: text.append(contentsOf: site.handleBytes)
        case .iban:
            let iban = IBAN.random(country: pack.ibanCountry, using: &rng)
            text.append(contentsOf: (rng.chance(0.7) ? IBAN.printed(iban) : iban).utf8)
        case .account: appendAccount(pack.accountStyle)
        case .appNumber: appendDigits(rng.inRange(5...6), leadingNonZero: true)
        case .swish:
            text.append(contentsOf: "123 ".utf8)
            appendDigits(3); text.append(0x20); appendDigits(2); text.append(0x20); appendDigits(2)
        }
    }

    mutating func appendNumber(_ n: Int) {
        if n >= 10 { appendNumber(n / 10) }
        text.append(UInt8(0x30 + n % 10))
    }

    mutating func appendDigits(_ count: Int, leadingNonZero: Bool = false) {
        for i in 0..<count { text.append(UInt8(0x30 + (i == 0 && leadingNonZero ? 1 + rng.below(9) : rng.below(10)))) }
    }

    /// A bank account number: Norwegian 4.2.5 with its MOD-11 check digit, a UK sort code and account, or 10 digits.
    mutating func appendAccount(_ style: String) {
        switch style {
        case "no":
            while true {
                var digits = (0..<10).map { _ in rng.below(10) }
                digits[0] = 1 + rng.below(9)
                let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
                let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
                let check = (11 - sum % 11) % 11
                if check == 10 { continue }
                digits.append(check)
                let dot = rng.chance(0.7)
                for (i, d) in digits.enumerated() {
                    if i == 4 || i == 6 { text.append(dot ? 0x2E : 0x20) }
                    text.append(UInt8(0x30 + d))
                }
                return
            }
        case "gb":
            appendDigits(2); text.append(0x2D); appendDigits(2); text.append(0x2D); appendDigits(2)
            text.append(contentsOf: ", account number ".utf8)
            appendDigits(8)
        default:
            appendDigits(10, leadingNonZero: true)
        }
    }

    mutating func sharePrompt(_ pack: CompiledPack) {
        let prompt = rng.pick(pack.sharePrompts)
        line(.sharePrompt) { $0.text.append(contentsOf: prompt) }
    }

    /// A list: its intro sentence, then 3 to 5 items, each after a bullet or number alone on its line
    /// (or, for some lists, with an inline glyph bullet). Lines of a list are never separated by blank lines.
    mutating func list(_ pack: CompiledPack) {
        let intro = rng.pick(pack.listIntros)
        line(.article) { $0.text.append(contentsOf: intro) }
        let count = rng.inRange(3...5)
        var items = Array(pack.listItems.indices)
        let style = rng.below(10)
        let lone: [String] = ["•", "-", "*", "▪", "►", "●"]
        let glyph = lone[rng.below(lone.count)]
        let inlineGlyphs = ["•", "▪", "►", "●", "◦"]
        let inlineGlyph = inlineGlyphs[rng.below(inlineGlyphs.count)]
        for n in 0..<count {
            let pick = rng.below(items.count)
            let item = pack.listItems[items.remove(at: pick)]
            if style < 6 {
                line(.listBullet) { $0.text.append(contentsOf: glyph.utf8) }
                line(.listItem) { $0.text.append(contentsOf: item) }
            } else if style < 8 {
                line(.listBullet) { $0.appendNumber(n + 1); $0.text.append(0x2E) }
                line(.listItem) { $0.text.append(contentsOf: item) }
            } else {
                line(.listItemInline) { $0.text.append(contentsOf: inlineGlyph.utf8); $0.text.append(0x20); $0.text.append(contentsOf: item) }
            }
        }
    }

    /// A donation heading (optional) and appeal; `kind` overrides both kinds (for the second paste).
    mutating func donation(_ pack: CompiledPack, heading: Int?, appeal: Int, kind: ParagraphKind?) {
        if let heading {
            line(kind ?? .donationHeading) { $0.fill(pack.donationHeadings[heading], pack) }
            separator()
        }
        line(kind ?? .donationAppeal) { $0.fill(pack.appeals[appeal], pack) }
    }

    /// One to three payment lines of different kinds the language has.
    mutating func payment(_ pack: CompiledPack) {
        var choices: [(ParagraphKind, [Template])] = [(.paymentIBAN, pack.ibanLines), (.paymentLink, pack.linkLines)]
        if !pack.accountLines.isEmpty { choices.append((.paymentAccount, pack.accountLines)) }
        if !pack.appLines.isEmpty { choices.append((.paymentApp, pack.appLines)) }
        let count = rng.inRange(1...min(3, choices.count))
        for _ in 0..<count {
            let (kind, templates) = choices.remove(at: rng.below(choices.count))
            let t = templates[rng.below(templates.count)]
            line(kind) { $0.fill(t, pack) }
        }
    }
}

/// JSON string escaping for the generator's text (UTF-8 passes through).
public enum JSONText {
    /// Bytes that need an escape: controls, `"` and `\`.
    static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    public static func escape(_ text: [UInt8], into out: inout [UInt8]) {
        text.withUnsafeBufferPointer { p in
            needsEscape.withUnsafeBufferPointer { table in
                guard let base = p.baseAddress else { return }
                let n = p.count
                var runStart = 0
                var i = 0
                while i < n {
                    if !table[Int(base[i])] { i += 1; continue }
                    if runStart < i { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                    let b = base[i]
                    switch b {
                    case 0x0A: out.append(0x5C); out.append(0x6E)
                    case 0x22: out.append(0x5C); out.append(0x22)
                    case 0x5C: out.append(0x5C); out.append(0x5C)
                    case 0x09: out.append(0x5C); out.append(0x74)
                    case 0x0D: out.append(0x5C); out.append(0x72)
                    default:
                        let hex: StaticString = "0123456789abcdef"
                        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                        out.append(hex.utf8Start[Int(b >> 4)])
                        out.append(hex.utf8Start[Int(b & 15)])
                    }
                    i += 1
                    runStart = i
                }
                if runStart < n { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
            }
        }
    }
}
