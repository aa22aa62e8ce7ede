import Testing
@testable import Winnow

/// The sentence punctuation a line ends with, behind closing quotation marks and brackets (`Document.sentenceEnd`),
/// French quotation marks with the space French sets inside them included when asked (the reported-speech guard asks;
/// the line facts that the layout rules read do not).
struct SentenceEndTests {
    static func end(_ line: String) -> UInt8? {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { Document.sentenceEnd($0, 0..<$0.count, spacedQuotes: true) }
    }

    @Test(arguments: [
        ("The ferry runs again.", UInt8(0x2E)), ("Does it run?", 0x3F), ("It runs!", 0x21),
        ("He said: “It runs.”", 0x2E), ("(It runs.)", 0x2E), ("« Faites un don. »", 0x2E),
        ("« Faites un don, chaque contribution compte. »", 0x2E), ("«\u{00A0}Faites un don.\u{00A0}»", 0x2E),
        ("«\u{202F}Faites un don\u{202F}!\u{202F}»", 0x21), ("Il a dit « oui ? »", 0x3F), ("渡轮恢复运行。", 0x2E),
    ])
    func endsLikeASentence(line: String, expected: UInt8) {
        #expect(Self.end(line) == expected, "\(line)")
    }

    @Test(arguments: ["The ferry", "« Faites un don »", "Read more »", " »", "»", "Faites un don »"])
    func doesNotEndLikeASentence(line: String) {
        #expect(Self.end(line) == nil, "\(line)")
    }

    @Test func lineFactsKeepTheStrictReading() {
        let bytes = Array("« Faites un don, chaque contribution compte. »".utf8)
        #expect(bytes.withUnsafeBufferPointer { Document.sentenceEnd($0, 0..<$0.count) } == nil)
        #expect(!bytes.withUnsafeBufferPointer { Document(bytes: $0).blocks[0].endsLikeSentence })
    }
}
