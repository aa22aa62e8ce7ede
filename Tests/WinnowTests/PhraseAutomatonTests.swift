import Testing
@testable import Winnow

/// The cue automaton: one table for every rule's cues, built once per cleaner.
struct PhraseAutomatonTests {
    static let cleaner = try! Cleaner(CleanerConfiguration(enabledRules: Set(RuleCatalog.all.map { type(of: $0).description.id })))

    /// Every cue of every rule is found where it stands between two words, with its rule and index, over
    /// exactly its bytes; written in capitals (where folding covers them: ASCII and Latin-1, letter for
    /// letter), with its spaces doubled, and (with an apostrophe) with ’.
    @Test func everyCueIsFoundInASentence() {
        let automaton = Self.cleaner.automaton
        var checked = 0
        for (slot, rule) in Self.cleaner.rules.enumerated() {
            for (index, cue) in rule.cues.enumerated() {
                let payload = Int32(slot << 16 | index)
                var variants = [cue.phrase, cue.phrase.replacingOccurrences(of: " ", with: "  ")]
                let upper = cue.phrase.uppercased()
                // Only where both cases are ASCII or Latin-1 (Turkish "ı" is neither: its capital is "I", whose small
                // letter is "i"; such cues are listed with "i" too).
                if upper.unicodeScalars.count == cue.phrase.unicodeScalars.count && upper.unicodeScalars.allSatisfy({ $0.value < 0x100 })
                    && cue.phrase.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
                    variants.append(upper)
                }
                if cue.phrase.contains("'") { variants.append(cue.phrase.replacingOccurrences(of: "'", with: "\u{2019}")) }
                for phrase in variants {
                    let text = Array("Xq \(phrase) zq\n".utf8)
                    var matches: [PhraseAutomaton.Match] = []
                    text.withUnsafeBufferPointer { automaton.scan($0, 0..<text.count, into: &matches) }
                    let found = matches.filter { automaton.patterns[Int($0.pattern)].payload == payload }
                    #expect(found.map(\.range).contains(3..<3 + phrase.utf8.count),
                            "\(rule.ruleID) cue \(index) \"\(phrase)\": \(found.map(\.range))")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// A Turkish cue with dotless "ı" has its twin with "i" in the same rule: text in capitals ("TÜM HAKLARI") folds
    /// "I" to "i", so without the twin it would never match.
    @Test func everyDotlessICueHasItsTwin() {
        var checked = 0
        for rule in Self.cleaner.rules {
            let phrases = Set(rule.cues.map(\.phrase))
            for phrase in phrases where phrase.contains("ı") {
                let twin = phrase.replacingOccurrences(of: "ı", with: "i")
                let listed = phrases.contains(twin)
                #expect(listed, "\(rule.ruleID): \"\(phrase)\" without \"\(twin)\"")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// A cue inside a longer word is not a match; the same word on its own is.
    @Test func wordBoundaries() {
        let automaton = Self.cleaner.automaton
        for (text, expected) in [("Donatenow is a word.\n", false), ("Please donate now.\n", true), ("xdonate now\n", false)] {
            let bytes = Array(text.utf8)
            var matches: [PhraseAutomaton.Match] = []
            bytes.withUnsafeBufferPointer { automaton.scan($0, 0..<bytes.count, into: &matches) }
            let phrases = matches.map { String(decoding: bytes[$0.range], as: UTF8.self).lowercased() }
            #expect(phrases.contains("donate now") == expected, "\(text): \(phrases)")
        }
    }
}

extension PhraseAutomatonTests {
    /// Long documents are scanned on four lanes split at line feeds, and matches that a left word
    /// boundary rules out are dropped inside the loop: the matches are exactly those of scanning each
    /// line on its own with every match checked the slow way, in the same order.
    @Test(arguments: 0..<40)
    func aLongDocumentScansAsItsLines(seed: UInt64) {
        let automaton = Self.cleaner.automaton
        let slow = automaton.withoutShortcuts()
        var rng = CorpusFixtures.Rng(seed: seed)
        let cues = Self.cleaner.rules.flatMap { $0.cues.map(\.phrase) }
        let words = ["read", "book", "report", "had", "made", "ad", "ok", "by", "the", "PORT", "share", "likeable", "x", "9ad",
                     "important", "\u{00E9}ad", "-ad", "(by", "news", "pin", "spin", "\u{201C}ad\u{201D}", "e-mail", "  "]
        var text = ""
        let lines = 1 + rng.below(200)
        for _ in 0..<lines {
            let count = rng.below(30)
            var line: [String] = []
            for _ in 0..<count {
                line.append(rng.chance(25) ? rng.pick(cues) : rng.pick(words))
            }
            text += line.joined(separator: rng.chance(20) ? "" : " ") + (rng.chance(15) ? "\r\n" : "\n")
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            var whole: [PhraseAutomaton.Match] = []
            automaton.scan(p, 0..<p.count, into: &whole)
            var wholeSlow: [PhraseAutomaton.Match] = []
            slow.scan(p, 0..<p.count, into: &wholeSlow)
            var perLine: [PhraseAutomaton.Match] = []
            var start = 0
            for i in 0..<p.count where p[i] == 0x0A {
                slow.scan(p, start..<i + 1, into: &perLine)
                start = i + 1
            }
            slow.scan(p, start..<p.count, into: &perLine)
            #expect(whole == wholeSlow)
            #expect(whole == perLine)
            #expect(!whole.isEmpty)
        }
    }
}

extension Rule {
    var ruleID: String { type(of: self).description.id }
}

extension PhraseAutomatonTests {
    /// The automaton against its contract, matched the slow way: a pattern matches where its folded bytes
    /// end, a run of spaces or tabs in the text standing for each of its spaces, with its word boundaries
    /// holding; matches come in order of their end, then longer patterns first, then in pattern order.
    /// Texts mix every rule's cues (cut at random places, in capitals, with doubled spaces, tabs and ’)
    /// with words that contain them, Latin-1 capitals, other scripts and line ends.
    @Test(arguments: 0..<24)
    func scanMatchesTheSlowReference(seed: UInt64) {
        let automaton = Self.cleaner.automaton
        var rng = CorpusFixtures.Rng(seed: seed &* 7919 &+ 11)
        let cues = Self.cleaner.rules.flatMap { $0.cues.map(\.phrase) }
        let words = ["read", "share", "shareholders", "ad", "9ad", "x", "ÉTÉ", "Über", "напиши", "评论", "  ", "\t", "’s", "-",
                     "«", "news", "COMMENTS", "e-mail", "\u{00A0}", "Ödeme", "ı", "İ"]
        var text = ""
        for _ in 0..<(1 + rng.below(60)) {
            var line: [String] = []
            for _ in 0..<rng.below(14) {
                var piece = rng.chance(40) ? rng.pick(cues) : rng.pick(words)
                if rng.chance(20) { piece = piece.uppercased() }
                if rng.chance(15) { piece = piece.replacingOccurrences(of: " ", with: rng.chance(50) ? "  " : " \t") }
                if rng.chance(10) { piece = piece.replacingOccurrences(of: "'", with: "\u{2019}") }
                if rng.chance(10) { let u = Array(piece.utf8); piece = String(decoding: u[rng.below(u.count + 1)...], as: UTF8.self) }
                line.append(piece)
            }
            text += line.joined(separator: rng.chance(15) ? "" : " ") + (rng.chance(15) ? "\r\n" : "\n")
        }
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { p in
            var found: [PhraseAutomaton.Match] = []
            automaton.scan(p, 0..<p.count, into: &found)
            let expected = Self.slowMatches(automaton.patterns, p)
            #expect(found == expected, "seed \(seed): \(found.count) matches, \(expected.count) expected")
            #expect(!expected.isEmpty)
        }
    }

    /// Every pattern tried at every end position of `p`.
    static func slowMatches(_ patterns: [PhraseAutomaton.Pattern], _ p: UnsafeBufferPointer<UInt8>) -> [PhraseAutomaton.Match] {
        let fold = PhraseAutomaton.foldTable
        var byLastByte = [[Int]](repeating: [], count: 256)
        for (index, pattern) in patterns.enumerated() { byLastByte[Int(pattern.bytes.last!)].append(index) }
        var found: [(end: Int, length: Int, index: Int, start: Int)] = []
        for end in stride(from: 1, through: p.count, by: 1) {
            for index in byLastByte[Int(fold[Int(p[end - 1])])] {
                let pattern = patterns[index]
                var j = end, k = pattern.bytes.count
                while k > 0 && j > 0 {
                    let want = pattern.bytes[k - 1]
                    guard fold[Int(p[j - 1])] == want else { break }
                    j -= 1
                    if want == 0x20 { while j > 0 && fold[Int(p[j - 1])] == 0x20 { j -= 1 } }
                    k -= 1
                }
                guard k == 0 else { continue }
                if pattern.checkLeftBoundary && j > 0 && Bytes.isWordByte(p, j - 1) { continue }
                if pattern.checkRightBoundary && end < p.count && Bytes.isWordByte(p, end) { continue }
                found.append((end, pattern.bytes.count, index, j))
            }
        }
        found.sort { ($0.end, -$0.length, $0.index) < ($1.end, -$1.length, $1.index) }
        return found.map { PhraseAutomaton.Match(pattern: Int32($0.index), range: $0.start..<$0.end) }
    }
}
