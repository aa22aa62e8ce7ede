import Foundation
@testable import Winnow

/// Deterministic generated corpora for the streaming tests (tests never read files outside the package).
enum CorpusFixtures {
    struct Rng {
        var state: UInt64
        init(seed: UInt64) { state = seed | 1 }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    static let sentences = [
        "The council voted seven to two to extend the harbour ferry service through the winter.",
        "Residents on the island had asked for a later departure on Fridays.",
        "Der Stadtrat beschloss am Dienstag einen neuen Haushalt für die Schulen.",
        "La mairie a présenté un plan pour rénover la gare d’ici à 2027.",
        "Officials said the \"temporary\" closure would last at least six weeks.",
        "A spokesperson declined to comment on the back\\slash in the filing.",
        "Prices rose 4.2% in March, the statistics office said.",
        "東京都は新しい防災計画を発表した。",
        "Emoji in the headline 😀 drew complaints from readers.",
        "The report is available online.",
    ]

    static let boilerplate = [
        "Donate now",
        "Comments are closed.",
        "Support our journalism: make a donation today and become a member.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]

    /// A news-like document: paragraphs, sometimes boilerplate, a lone bullet, CRLF or tab.
    static func document(_ rng: inout Rng) -> String {
        var lines: [String] = []
        for _ in 0..<(2 + rng.below(6)) {
            lines.append((0..<(1 + rng.below(3))).map { _ in rng.pick(sentences) }.joined(separator: " "))
            if rng.chance(30) { lines.append("") }
        }
        if rng.chance(40) { lines.insert(rng.pick(boilerplate), at: rng.below(lines.count + 1)) }
        if rng.chance(25) { lines.append(rng.pick(boilerplate)) }
        if rng.chance(15) { lines += ["•", "An item after a lone bullet"] }
        if rng.chance(10) { lines.append("Tab\tseparated\tcells") }
        return lines.joined(separator: "\n") + (rng.chance(70) ? "\n" : "")
    }

    /// JSON string contents for `text` written independently of JSONLField: sometimes non-ASCII as
    /// `\uXXXX` (astral characters as surrogate pairs), sometimes `/` as `\/`.
    static func jsonEscape(_ text: String, _ rng: inout Rng) -> String {
        let asciiOnly = rng.chance(20)
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/": out += rng.chance(50) ? "\\/" : "/"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else if scalar.value >= 0x80 && asciiOnly {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// One JSONL line (without `\n`) in one of several spellings: key order, spacing, other fields.
    static func jsonlLine(_ n: Int, _ rng: inout Rng) -> String {
        let text = "\"" + jsonEscape(document(&rng), &rng) + "\""
        switch rng.below(4) {
        case 0: return #"{"id":"doc-\#(n)","url":"https:\/\/example.org\/\#(n)","text":\#(text),"score":1.50e+2}"#
        case 1: return #"{ "text" : \#(text) , "id" : \#(n), "meta": {"text": "nested, not cleaned", "tags": ["a", "b"]} }"#
        case 2: return #"{"title":"caf\u00e9 \#(n)","text":\#(text),"id":{"site":"x","n":\#(n)}}"#
        default: return #"{"id":"doc-\#(n)","text":\#(text)}"#
        }
    }

    /// At least `bytes` of JSONL; `crlf` ends lines with CRLF.
    static func jsonl(bytes: Int, seed: UInt64 = 42, crlf: Bool = false) -> [UInt8] {
        var rng = Rng(seed: seed)
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 4096)
        var n = 0
        while out.count < bytes {
            out += Array(jsonlLine(n, &rng).utf8)
            out += crlf ? [0x0D, 0x0A] : [0x0A]
            n += 1
        }
        return out
    }

    /// Lines of `bytes` without their `\n`.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        if bytes.isEmpty { return [] }
        var out = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if bytes.last == 0x0A { out.removeLast() }
        return out
    }

    /// The parsed JSON object of a line (the test oracle).
    static func object(_ line: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
    }
}
