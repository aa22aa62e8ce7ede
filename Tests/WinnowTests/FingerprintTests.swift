import Testing
@testable import Winnow

/// `Fingerprint.equal` against a reference: both lines normalized (white space and no-break spaces dropped,
/// letters folded, digits as one) and compared as arrays.
@Suite struct FingerprintTests {
    static func normalized(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if Bytes.isSpace(b) { i += 1; continue }
            if b == 0xC2 && i + 1 < bytes.endIndex && bytes[i + 1] == 0xA0 { i += 2; continue }
            out.append(Fingerprint.normalized[Int(b)])
            i += 1
        }
        return out
    }

    static func equal(_ a: String, _ b: String) -> Bool {
        let text = Array((a + "\n" + b).utf8)
        let split = a.utf8.count
        return text.withUnsafeBufferPointer { Fingerprint.equal($0, 0..<split, (split + 1)..<text.count) }
    }

    @Test(arguments: [
        ("Donate to keep us independent.", "Donate to keep us independent.", true),
        ("Donate to keep us independent.", "DONATE to keep us independent.", true),
        ("Call 555 1234 today", "Call 555 9876 today", true),
        ("Call 555 1234 today", "Call 5551234 today", true),
        ("Spenden\u{00A0}Sie jetzt", "Spenden Sie jetzt", true),
        ("Comments are closed.", "Comments are closed!", false),
        ("Comments are closed.", "Comments are closed", false),
        ("Ünser Newsletter", "ünser Newsletter", true),
        ("abc", "abd", false),
        ("", "", true),
    ])
    func equalAsNormalized(a: String, b: String, expected: Bool) {
        #expect(FingerprintTests.equal(a, b) == expected)
        #expect(FingerprintTests.equal(b, a) == expected)
    }

    /// Random lines from a small alphabet (letters in both cases, digits, spaces, a no-break space, a Latin-1
    /// capital), many of them equal bytes or equal but for case and spacing.
    @Test func randomLinesAgreeWithTheReference() {
        let alphabet: [[UInt8]] = [[0x61], [0x41], [0x62], [0x42], [0x31], [0x37], [0x20], [0x09], [0xC2, 0xA0], [0xC3, 0x9C], [0xC3, 0xBC], [0x2E]]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return Int(x % UInt64(n)) }
        var equalSeen = 0, differentSeen = 0
        for _ in 0..<4000 {
            var a: [UInt8] = []
            for _ in 0..<next(12) { a += alphabet[next(alphabet.count)] }
            var b = a
            switch next(4) {
            case 0: break   // the same bytes
            case 1: b = b.map { $0 == 0x61 ? 0x41 : $0 == 0x42 ? 0x62 : $0 }   // case
            case 2: if !b.isEmpty { b.insert(0x20, at: next(b.count)) }   // spacing
            default:
                b = []
                for _ in 0..<next(12) { b += alphabet[next(alphabet.count)] }
            }
            let text = a + [0x0A] + b
            let got = text.withUnsafeBufferPointer { Fingerprint.equal($0, 0..<a.count, (a.count + 1)..<text.count) }
            let want = FingerprintTests.normalized(text[0..<a.count]) == FingerprintTests.normalized(text[(a.count + 1)...])
            #expect(got == want)
            if want { equalSeen += 1 } else { differentSeen += 1 }
        }
        #expect(equalSeen > 500 && differentSeen > 500)
    }
}
