/// Sizes written as on the command line: `100MB`, `2GB`, `512KiB`, `1.5GB`, `4096`.
/// KB, MB, GB are decimal (10^3, 10^6, 10^9), as in MB/s; KiB, MiB, GiB are binary.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let s = text.trimmingSpaces()
        guard !s.isEmpty else { return nil }
        var numberEnd = s.startIndex
        while numberEnd < s.endIndex, s[numberEnd].isNumber || s[numberEnd] == "." { numberEnd = s.index(after: numberEnd) }
        guard let number = Double(s[..<numberEnd]), number >= 0, number.isFinite else { return nil }
        let unit = String(s[numberEnd...]).trimmingSpaces().uppercased()
        let multipliers: [String: Double] = [
            "": 1, "B": 1,
            "K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9, "T": 1e12, "TB": 1e12,
            "KIB": 1024, "MIB": 1_048_576, "GIB": 1_073_741_824,
        ]
        guard let multiplier = multipliers[unit] else { return nil }
        let bytes = (number * multiplier).rounded()
        guard bytes < 1e15 else { return nil }
        return Int(bytes)
    }

    /// A short decimal form: `950 B`, `12.3 kB`, `100 MB`, `1.00 GB`.
    public static func format(_ bytes: Int) -> String {
        let b = Double(bytes)
        if b < 1e3 { return "\(bytes) B" }
        if b < 999.5e3 { return Format.number(b / 1e3, significant: 3) + " kB" }
        if b < 999.5e6 { return Format.number(b / 1e6, significant: 3) + " MB" }
        return Format.number(b / 1e9, significant: 3) + " GB"
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
        return String(s)
    }
}

/// Number formatting without Foundation's locale machinery.
public enum Format {
    /// `value` with about `significant` significant digits, no exponent: 1234 -> "1234", 12.345 -> "12.3".
    public static func number(_ value: Double, significant: Int = 3) -> String {
        guard value.isFinite else { return "-" }
        let magnitude = value == 0 ? 0 : Int(log10Floor(abs(value)))
        var decimals = max(0, significant - 1 - magnitude)
        // 0.9996 to 3 digits is 1.00, not 1.000: rounding up to the next power of ten takes a digit.
        let text = fixed(value, decimals: decimals)
        if decimals > 0, let rounded = Double(text), rounded != 0, Int(log10Floor(abs(rounded))) > magnitude { decimals -= 1 }
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded to `decimals` places.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let negative = value < 0 && rounded > 0
        let whole = Int(rounded / scale)
        var text = String(whole)
        if decimals > 0 {
            let frac = Int(rounded - Double(whole) * scale)
            var f = String(frac)
            while f.count < decimals { f = "0" + f }
            text += "." + f
        }
        return negative ? "-" + text : text
    }

    /// Integer with thin grouping: 1234567 -> "1,234,567".
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return value < 0 ? "-" + out : out
    }

    /// A share as a percentage with `decimals` places: 0.9734 -> "97.3%".
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        fixed(share * 100, decimals: decimals) + "%"
    }

    static func log10Floor(_ x: Double) -> Double {
        var e = 0.0
        var v = x
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
