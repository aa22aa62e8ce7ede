/// Builds valid IBANs: country code, mod-97 check digits (ISO 13616), and the country's BBAN length.
public enum IBAN {
    /// Countries the generator uses, with their IBAN length and BBAN layout
    /// (`n` a digit, `a` an upper-case letter).
    public static let layouts: [String: String] = [
        "NO": "nnnnnnnnnnn",                 // 15
        "DE": "nnnnnnnnnnnnnnnnnn",          // 22
        "ES": "nnnnnnnnnnnnnnnnnnnn",        // 24
        "GB": "aaaannnnnnnnnnnnnn",          // 22
        "SE": "nnnnnnnnnnnnnnnnnnnn",        // 24
        "DK": "nnnnnnnnnnnnnn",              // 18
        "NL": "aaaannnnnnnnnn",              // 18
        "AT": "nnnnnnnnnnnnnnnn",            // 20
    ]

    /// The check digits for `country` and `bban`: 98 minus (BBAN + country + "00") mod 97.
    public static func checkDigits(country: String, bban: String) -> Int {
        98 - mod97(bban + country + "00")
    }

    /// The remainder of the number an IBAN string stands for (letters as 10...35) modulo 97.
    public static func mod97(_ text: String) -> Int {
        var r = 0
        for u in text.utf8 {
            if u >= 0x30 && u <= 0x39 {
                r = (r * 10 + Int(u - 0x30)) % 97
            } else {
                let value = Int(u | 0x20) - 0x61 + 10
                r = (r * 100 + value) % 97
            }
        }
        return r
    }

    /// True when `iban` (spaces allowed) has a known length and passes mod-97.
    public static func isValid(_ iban: String) -> Bool {
        let compact = String(iban.filter { $0 != " " })
        guard compact.count >= 5, let layout = layouts[String(compact.prefix(2))],
              compact.count == layout.count + 4 else { return false }
        return mod97(String(compact.dropFirst(4)) + String(compact.prefix(4))) == 1
    }

    /// A random valid IBAN for `country`, compact (no spaces).
    public static func random(country: String, using rng: inout SplitMix64) -> String {
        let layout = layouts[country]!
        var bban = ""
        for c in layout.utf8 {
            if c == UInt8(ascii: "a") {
                bban.unicodeScalars.append(Unicode.Scalar(UInt8(0x41 + rng.below(26))))
            } else {
                bban.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + rng.below(10))))
            }
        }
        let check = checkDigits(country: country, bban: bban)
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// Groups of four, as printed: `NO93 8601 1117 947`.
    public static func printed(_ compact: String) -> String {
        var out = ""
        for (i, ch) in compact.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(" ") }
            out.append(ch)
        }
        return out
    }
}
